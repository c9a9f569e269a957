//! Klantbankrekening browser app (Leptos, client-side rendered).
//!
//! Domain rules live in the pure `kbr_core` crate; this crate holds the
//! components that display them ([`pages`], [`components`]), the shared UI
//! state ([`state`], [`store`]) and the only code that touches browser
//! storage ([`storage`]). `main.rs` only mounts [`App`].

pub mod browser;
pub mod components;
pub mod pages;
pub mod participant;
pub mod state;
pub mod storage;
pub mod store;
pub mod workshops;

use kbr_core::i18n::Key;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::banners::{NoticeToast, StorageBanners};
use crate::components::conflicts::ConflictPanel;
use crate::components::header::Header;
use crate::pages::client::ClientPage;
use crate::pages::data::DataPage;
use crate::pages::guide::GuidePage;
use crate::pages::handout::ClientHandout;
use crate::pages::not_found::NotFound;
use crate::pages::overview::Overview;
use crate::pages::recovery::RecoveryPage;
use crate::pages::return_page::ReturnPage;
use crate::pages::workshops::{Worksheet, WorkshopPage, WorkshopsPage};
use crate::state::Ui;
use crate::store::Store;

/// The whole application: header, storage banners, the page for the current
/// hash route, footer and the undo notice.
///
/// Provides [`Ui`] and [`Store`] as context so every component can read the
/// language, navigate and change data without prop drilling.
#[component]
pub fn App() -> impl IntoView {
    let ui = Ui::install();
    provide_context(ui);
    let store = Store::install();
    provide_context(store);
    workshops::provide_workshops();

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                state::focus_main();
            }
        >
            {move || ui.t(Key::SkipToContent)}
        </a>
        <Header />
        <StorageBanners />
        <ConflictPanel />
        <main id="main" tabindex="-1" data-testid="main">
            {move || match ui.route.get() {
                Route::Overview => view! { <Overview /> }.into_any(),
                Route::Client { id, tab } => view! { <ClientPage id=id tab=tab /> }.into_any(),
                Route::Assessment { id, definition } => {
                    view! { <ClientPage id=id tab=ClientTab::Assessments definition=definition /> }
                        .into_any()
                }
                Route::Data => view! { <DataPage /> }.into_any(),
                Route::Recovery => view! { <RecoveryPage /> }.into_any(),
                Route::Handout(id) => view! { <ClientHandout id=id /> }.into_any(),
                Route::Guide => view! { <GuidePage /> }.into_any(),
                Route::Workshops => view! { <WorkshopsPage /> }.into_any(),
                Route::Workshop(id) => view! { <WorkshopPage id=id /> }.into_any(),
                Route::Worksheet(definition) => {
                    view! { <Worksheet definition=definition /> }.into_any()
                }
                Route::Return(code) => view! { <ReturnPage code=code /> }.into_any(),
                Route::Invite(code) => {
                    browser::replace_location(&browser::invite_link(&code));
                    ().into_any()
                }
                Route::NotFound => {
                    // An invite belongs on the participant page, beside the app.
                    view! { <NotFound /> }
                        .into_any()
                }
            }}
        </main>
        <footer class="app-footer">
            <p>{move || ui.t(Key::FooterPrivacy)}</p>
        </footer>
        <NoticeToast />
    }
}
