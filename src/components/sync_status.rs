//! The team's sync state, always in view once a team is set up: synced
//! at, changes waiting, offline, sign-in needed, an error with its
//! reason. It links to the team settings. Loaded as a rare piece (the
//! shell shows it only with a team), so its reading of the stored state
//! stays out of the first download.

use kbr_core::route::Route;
use leptos::prelude::*;

use crate::state::team::use_team;
use crate::state::ui::use_ui;

/// One line under the header.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let ui = use_ui();
    let Some(team) = use_team() else {
        return ().into_any();
    };
    let state = Memo::new(move |_| team.state());
    // The kind of state, for tests and styles ("synced", "offline", …).
    let kind = move || {
        state.with(|s| {
            let code = s.encode();
            code.split(':').next().unwrap_or_default().to_string()
        })
    };
    view! {
        <p
            class="sync-status"
            class:attention=move || state.with(|s| s.needs_user())
            role="status"
            data-testid="sync-status"
            data-state=kind
        >
            <a href=Route::Data.to_hash()>{move || state.with(|s| s.text(ui.lang.get()))}</a>
        </p>
    }
    .into_any()
}
