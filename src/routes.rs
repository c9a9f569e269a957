//! The router: the page of each hash route, and the one chunk of "the rest
//! of the app".
//!
//! The overview is part of the first load. Every other page has its entry
//! point in its own folder (`pages::<page>::page`), registered here in
//! [`page_of`]; the trainers' workshop screens and the calendar bridge are
//! chunks of their own (`pages::workshops`, `pages::calendar`). All other
//! pages, the rare pieces of the first screens (`components::rare`) and the
//! store's work (`state::work`) load together as one chunk, [`work`]: a
//! chunk per page measured +2.5 KB on the first load (the loader and the
//! preload table of ~90 shared chunks) for no faster page
//! (`docs/ARCHITECTURE.md`, "Build").

use std::future::Future;
use std::pin::Pin;

use kbr_core::route::Route;
use leptos::prelude::*;

use crate::components::deferred::{Deferred, Loaded};
use crate::components::rare::{self, RarePiece};
use crate::pages;
use crate::pages::not_found::NotFound;
use crate::pages::overview::Overview;
use crate::state::browser;
use crate::state::work::{self as store, StoreWork};

/// What the chunk of the rest of the app is asked for.
pub enum Later {
    /// A page beyond the overview.
    Page(Route),
    /// A rare piece of the first screens.
    Rare(RarePiece),
    /// The store's work (boxed: a command makes it large).
    Store(Box<StoreWork>),
}

crate::chunk! {
    /// The rest of the app: every page but the overview and the workshop
    /// screens, the rare pieces and the store's work.
    pub static WORK = fn work(later: Later) -> AnyView {
        match later {
            Later::Page(route) => page_of(route),
            Later::Rare(piece) => rare::draw(piece),
            Later::Store(task) => {
                store::perform(*task);
                ().into_any()
            }
        }
    }
}

/// The entry point of the page that shows `route` (in the chunk).
fn page_of(route: Route) -> AnyView {
    match route {
        Route::Client { .. } | Route::Assessment { .. } => pages::client::page(route),
        Route::Handout(_) => pages::handout::page(route),
        Route::Data => pages::data::page(route),
        Route::Recovery => pages::recovery::page(route),
        Route::Guide => pages::guide::page(route),
        Route::Return(_) => pages::return_page::page(route),
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// Registers where the state layer's work and the components' rare pieces
/// run: in [`work`]. Called before anything can ask for them.
pub fn register() {
    store::register(|task| {
        Box::pin(WORK.call(Later::Store(Box::new(task)))) as Pin<Box<dyn Future<Output = Loaded>>>
    });
    rare::register(|piece| {
        Box::pin(WORK.call(Later::Rare(piece))) as Pin<Box<dyn Future<Output = Loaded>>>
    });
}

/// The page of `route`.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Overview => view! { <Overview /> }.into_any(),
        route @ (Route::Workshops
        | Route::Workshop(_)
        | Route::Projector(_)
        | Route::Worksheet(_)) => {
            view! { <Deferred load=move || pages::workshops::WORKSHOP_PAGE.call(route.clone()) /> }
                .into_any()
        }
        Route::Invite(code) => {
            // An invite belongs on the participant page, beside the app.
            browser::replace_location(&browser::invite_link(&code));
            ().into_any()
        }
        Route::NotFound => view! { <NotFound /> }.into_any(),
        route => {
            view! { <Deferred load=move || WORK.call(Later::Page(route.clone())) /> }.into_any()
        }
    }
}
