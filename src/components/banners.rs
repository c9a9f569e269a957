//! Banners about storage (failed saves, storage unreadable at start,
//! read-only data, quarantined data, backup reminder) and the undo notice.
//! They say what happened and what to do, in plain words.

use kbr_core::i18n::Key;
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::export_button::ExportButton;
use crate::components::rare::{rare, RarePiece};
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Every storage banner that applies right now. The backup reminder is
/// common and drawn at once; the problem banners are rare, and their code
/// loads when one applies ([`ProblemBanners`]).
#[component]
pub fn StorageBanners() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let problem = move || {
        store.fault().is_some()
            || !store.newer().is_empty()
            || store.quarantined_count() != 0
            || store.startup_problem().is_some()
    };
    view! {
        <div class="banners" aria-live="polite">
            <Show when=problem>
                <Deferred quiet=true load=|| rare(RarePiece::ProblemBanners) />
            </Show>
            <Show when=move || {
                store.fault().is_none() && store.meta().export_due(store.today())
            }>
                <div class="banner info" data-testid="banner-export-reminder">
                    <p>{ui.tr(Key::BannerExportReminder)}</p>
                    <ExportButton testid="banner-export-reminder-button" />
                </div>
            </Show>
        </div>
    }
}

/// Where the notice at the bottom of the screen appears. A notice follows
/// a change, whose code is loaded by then: so is [`Toast`]'s.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let store = use_store();
    let ui = use_ui();
    // A notice stays on the page it speaks about (one client's sections
    // are one page: `Route::same_page`).
    Effect::new(move |before: Option<Route>| {
        let now = ui.route.get();
        if before.is_some_and(|b| !b.same_page(&now)) {
            store.left_page();
        }
        now
    });
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <Show when=move || store.has_notice()>
                <Deferred quiet=true load=|| rare(RarePiece::Toast) />
            </Show>
        </div>
    }
}
