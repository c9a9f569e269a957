//! The page for each hash route. The overview is part of the first load;
//! the workshop screens load when first opened, and every other page comes
//! with the rest of the app through [`crate::actions::work`] (see
//! [`crate::lazy`]).

use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::actions::{work, Work};
use crate::browser;
use crate::deferred;
use crate::lazy::Deferred;
use crate::pages::not_found::NotFound;
use crate::pages::overview::Overview;

deferred! {
    /// Workshops: the list, one session, a blank worksheet (trainers only:
    /// a chunk of their own).
    fn workshop_page(route: Route) -> AnyView {
        use crate::pages::workshops::{Worksheet, WorkshopPage, WorkshopsPage};
        match route {
            Route::Workshop(id) => view! { <WorkshopPage id=id /> }.into_any(),
            Route::Worksheet(definition) => view! { <Worksheet definition=definition /> }.into_any(),
            _ => view! { <WorkshopsPage /> }.into_any(),
        }
    }
}

/// The pages that come with the rest of the app, drawn by [`work`].
pub fn deferred_page(route: Route) -> AnyView {
    use crate::pages::client::ClientPage;
    match route {
        Route::Client { id, tab } => view! { <ClientPage id=id tab=tab /> }.into_any(),
        Route::Assessment { id, definition } => {
            view! { <ClientPage id=id tab=ClientTab::Assessments definition=definition /> }
                .into_any()
        }
        Route::Data => view! { <crate::pages::data::DataPage /> }.into_any(),
        Route::Recovery => view! { <crate::pages::recovery::RecoveryPage /> }.into_any(),
        Route::Handout(id) => view! { <crate::pages::handout::ClientHandout id=id /> }.into_any(),
        Route::Guide => view! { <crate::pages::guide::GuidePage /> }.into_any(),
        Route::Return(code) => {
            view! { <crate::pages::return_page::ReturnPage code=code /> }.into_any()
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The page of `route`.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Overview => view! { <Overview /> }.into_any(),
        route @ (Route::Workshops | Route::Workshop(_) | Route::Worksheet(_)) => {
            view! { <Deferred load=move || workshop_page(route.clone()) /> }.into_any()
        }
        Route::Invite(code) => {
            // An invite belongs on the participant page, beside the app.
            browser::replace_location(&browser::invite_link(&code));
            ().into_any()
        }
        Route::NotFound => view! { <NotFound /> }.into_any(),
        route => view! { <Deferred load=move || work(Work::Page(route.clone())) /> }.into_any(),
    }
}
