//! The page for each hash route. The overview is part of the first load;
//! every other page is a deferred view whose code loads when it first
//! opens (see [`crate::lazy`]), each in a chunk of its own.

use kbr_core::model::ClientId;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::browser;
use crate::deferred;
use crate::lazy::Deferred;
use crate::pages::not_found::NotFound;
use crate::pages::overview::Overview;

deferred! {
    /// A client's page on `tab` (with the open questionnaire).
    fn client_page(id: ClientId, tab: ClientTab, definition: Option<String>) -> AnyView {
        use crate::pages::client::ClientPage;
        match definition {
            Some(definition) => view! { <ClientPage id=id tab=tab definition=definition /> }.into_any(),
            None => view! { <ClientPage id=id tab=tab /> }.into_any(),
        }
    }
}

deferred! {
    /// Backup, import, exports and the calendar.
    fn data_page() -> AnyView {
        view! { <crate::pages::data::DataPage /> }.into_any()
    }
}

deferred! {
    /// Unreadable data set aside.
    fn recovery_page() -> AnyView {
        view! { <crate::pages::recovery::RecoveryPage /> }.into_any()
    }
}

deferred! {
    /// The one-page handout of a client.
    fn handout_page(id: ClientId) -> AnyView {
        view! { <crate::pages::handout::ClientHandout id=id /> }.into_any()
    }
}

deferred! {
    /// The guide.
    fn guide_page() -> AnyView {
        view! { <crate::pages::guide::GuidePage /> }.into_any()
    }
}

deferred! {
    /// Workshops: the list, one session, a blank worksheet.
    fn workshop_page(route: Route) -> AnyView {
        use crate::pages::workshops::{Worksheet, WorkshopPage, WorkshopsPage};
        match route {
            Route::Workshop(id) => view! { <WorkshopPage id=id /> }.into_any(),
            Route::Worksheet(definition) => view! { <Worksheet definition=definition /> }.into_any(),
            _ => view! { <WorkshopsPage /> }.into_any(),
        }
    }
}

deferred! {
    /// A return link opened in the app.
    fn return_page(code: String) -> AnyView {
        view! { <crate::pages::return_page::ReturnPage code=code /> }.into_any()
    }
}

deferred! {
    /// The questions of a merge with another tab's changes.
    pub fn conflict_panel() -> AnyView {
        view! { <crate::components::conflicts::ConflictPanel /> }.into_any()
    }
}

/// The page of `route`.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Overview => view! { <Overview /> }.into_any(),
        Route::Client { id, tab } => {
            view! { <Deferred load=move || client_page(id.clone(), tab, None) /> }.into_any()
        }
        Route::Assessment { id, definition } => view! {
            <Deferred load=move || {
                client_page(id.clone(), ClientTab::Assessments, Some(definition.clone()))
            } />
        }
        .into_any(),
        Route::Data => view! { <Deferred load=data_page /> }.into_any(),
        Route::Recovery => view! { <Deferred load=recovery_page /> }.into_any(),
        Route::Handout(id) => {
            view! { <Deferred load=move || handout_page(id.clone()) /> }.into_any()
        }
        Route::Guide => view! { <Deferred load=guide_page /> }.into_any(),
        route @ (Route::Workshops | Route::Workshop(_) | Route::Worksheet(_)) => {
            view! { <Deferred load=move || workshop_page(route.clone()) /> }.into_any()
        }
        Route::Return(code) => {
            view! { <Deferred load=move || return_page(code.clone()) /> }.into_any()
        }
        Route::Invite(code) => {
            // An invite belongs on the participant page, beside the app.
            browser::replace_location(&browser::invite_link(&code));
            ().into_any()
        }
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}
