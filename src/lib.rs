//! Klantbankrekening browser app (Leptos, client-side rendered).
//!
//! Domain rules live in the pure `kbr_core` crate; this crate holds the
//! components that display them ([`pages`], [`components`]), the shared UI
//! state ([`state`], [`store`]) and the only code that touches browser
//! storage ([`storage`]). `main.rs` reads the store ([`storage::preload`])
//! and mounts [`App`].

pub mod actions;
pub mod browser;
pub mod components;
pub mod lazy;
pub mod offline;
pub mod pages;
pub mod participant;
pub mod routes;
pub mod state;
pub mod storage;
pub mod store;
pub mod workshops;

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::components::banners::{NoticeToast, StorageBanners};
use crate::components::header::Header;
use crate::lazy::Deferred;
use crate::state::Ui;
use crate::store::Store;

/// Reads the store as the app starts, before [`App`] mounts: every
/// client's digest, a slice per task ([`storage::preload`]); then, only
/// if some records have no digest of this version (an older format, or
/// changed by hand), those records whole, with the code that loads with
/// the rest of the app.
pub async fn start(now_millis: u64) {
    storage::preload(now_millis).await;
    if storage::preloaded_needs_whole_read() {
        let _ = actions::change(actions::Work::ReadWhole(now_millis)).await;
    }
}

/// The whole application: header, storage banners, the page for the current
/// hash route, footer and the undo notice.
///
/// Provides [`Ui`] and [`Store`] as context so every component can read the
/// language, navigate and change data without prop drilling.
#[component]
pub fn App() -> impl IntoView {
    browser::remove_boot_screen();
    let ui = Ui::install();
    provide_context(ui);
    let store = Store::install();
    provide_context(store);
    if store.has_migrations() {
        actions::spawn(
            store,
            ui.lang.get_untracked(),
            actions::change(actions::Work::SaveMigrated(store)),
        );
    }
    workshops::provide_workshops();
    let update = offline::install("./sw.js");

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                state::focus_main();
            }
        >
            {ui.tr(Key::SkipToContent)}
        </a>
        <Header />
        // A new version is rare: its notice loads when there is one.
        <Show when=move || update.ready()>
            <Deferred quiet=true load=|| actions::work(actions::Work::UpdateNotice) />
        </Show>
        <StorageBanners />
        // The questions of a merge with another tab, rare: loaded when asked.
        <Show when=move || store.has_pending()>
            <Deferred load=|| actions::work(actions::Work::ConflictPanel) />
        </Show>
        <main id="main" tabindex="-1" data-testid="main">
            {move || routes::page(ui.route.get())}
        </main>
        <footer class="app-footer">
            <p>{ui.tr(Key::FooterPrivacy)}</p>
        </footer>
        <NoticeToast />
    }
}
