//! Klantbankrekening browser app (Leptos, client-side rendered).
//!
//! Domain rules live in the pure `kbr_core` crate; this crate holds the
//! components that display them ([`pages`], [`components`]), the shared UI
//! state ([`state`]) and the only code that touches browser storage
//! ([`storage`]). `main.rs` only mounts [`App`].

pub mod components;
pub mod pages;
pub mod state;
pub mod storage;

use kbr_core::route::Route;
use leptos::prelude::*;

use crate::components::header::Header;
use crate::pages::not_found::NotFound;
use crate::pages::overview::Overview;
use crate::state::Ui;

/// The whole application: header, the page for the current hash route, footer.
///
/// Provides [`Ui`] as context so every component can read the language and
/// navigate without prop drilling.
#[component]
pub fn App() -> impl IntoView {
    let ui = Ui::install();
    provide_context(ui);

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // The skip link must not change the hash route; move focus instead.
            ev.prevent_default();
            state::focus_main();
        }>{move || ui.t(kbr_core::i18n::Key::SkipToContent)}</a>
        <Header />
        <main id="main" tabindex="-1" data-testid="main">
            {move || match ui.route.get() {
                Route::Overview => view! { <Overview /> }.into_any(),
                Route::Client { .. } => view! { <NotFound /> }.into_any(),
                Route::NotFound => view! { <NotFound /> }.into_any(),
            }}
        </main>
        <footer class="app-footer">
            <p>{move || ui.t(kbr_core::i18n::Key::FooterPrivacy)}</p>
        </footer>
    }
}
