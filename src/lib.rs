//! Klantbankrekening browser app (Leptos, client-side rendered).
//!
//! Domain rules live in the pure `kbr_core` crate. This crate is layered,
//! each layer importing only the ones below it (`docs/ARCHITECTURE.md`,
//! checked by `tools/layers/tests/layers.rs`):
//!
//! 1. [`state`]: the store, persistence and the browser's services;
//! 2. [`components`]: view pieces that get everything through props or
//!    the state layer's contexts;
//! 3. [`pages`]: one folder per route, each with its deferred entry point;
//! 4. the shell: [`App`], the router ([`routes`]), `main.rs` and the
//!    participant program (`bin/participant.rs`).

pub mod components;
pub mod pages;
pub mod routes;
pub mod state;

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::components::banners::{NoticeToast, StorageBanners};
use crate::components::deferred::Deferred;
use crate::components::header::Header;
use crate::components::rare::{rare, RarePiece};
use crate::state::store::Store;
use crate::state::team::Team;
use crate::state::ui::{focus_main, Ui};
use crate::state::work::{self, StoreWork};
use crate::state::{browser, offline, persist, workshops};

/// Reads the store as the app starts, before [`App`] mounts: every
/// client's digest, a slice per task (`persist::local::preload`); then, only
/// if some records have no digest of this version (an older format, or
/// changed by hand), those records whole, with the code that loads with
/// the rest of the app.
pub async fn start(now_millis: u64) {
    routes::register();
    persist::local::preload(now_millis).await;
    if persist::local::preloaded_needs_whole_read() {
        let _ = work::change(StoreWork::ReadWhole(now_millis)).await;
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
    routes::register();
    let ui = Ui::install();
    provide_context(ui);
    let store = Store::install();
    provide_context(store);
    work::watch_other_writers(store);
    if store.has_migrations() {
        work::spawn(
            store,
            ui.lang.get_untracked(),
            StoreWork::SaveMigrated(store),
        );
    }
    workshops::provide_workshops();
    let team = Team::install();
    provide_context(team);
    // A team set up (here or in another tab): its replicator loads and
    // waits for its turn (one per browser).
    Effect::new(move |_| {
        if team.connected() {
            work::spawn(
                store,
                ui.lang.get_untracked(),
                StoreWork::KeepTeam(store, team),
            );
        }
    });
    let update = offline::install("./sw.js");

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                focus_main();
            }
        >
            {ui.tr(Key::SkipToContent)}
        </a>
        <Header />
        // The team's line: only with a team, its code loaded then.
        <Show when=move || team.connected()>
            <Deferred quiet=true load=|| rare(RarePiece::SyncStatus) />
        </Show>
        // A new version is rare: its notice loads when there is one.
        <Show when=move || update.ready()>
            <Deferred quiet=true load=|| rare(RarePiece::UpdateNotice) />
        </Show>
        <StorageBanners />
        // The questions of a merge with another tab, rare: loaded when asked.
        <Show when=move || store.has_pending()>
            <Deferred load=|| rare(RarePiece::ConflictPanel) />
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
