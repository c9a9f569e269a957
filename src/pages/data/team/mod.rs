//! The team settings: connect this browser to a team database, sign in
//! again when the session expired, choose the shared clients, see what
//! was set aside, leave.

mod clients;
mod sign_in;

use kbr_core::i18n::{tf, Key};
use kbr_core::sync::setup::SyncState;
use leptos::prelude::*;

use crate::state::sync::connect;
use crate::state::team::{use_team, Team};
use crate::state::ui::use_ui;
use clients::{Quarantined, SharedClients};
use sign_in::SignInForm;

/// The team panel of the data page.
#[component]
pub fn TeamPanel() -> impl IntoView {
    let ui = use_ui();
    let Some(team) = use_team() else {
        return ().into_any();
    };
    team.read_details();
    let connected = move || team.connected();
    view! {
        <section class="panel" id="team" data-testid="team">
            <h2>{ui.tr(Key::TeamTitle)}</h2>
            <p>{ui.tr(Key::TeamIntro)}</p>
            <Show when=connected fallback=move || view! { <SignInForm team=team first=true /> }>
                <Connected team=team />
            </Show>
        </section>
    }
    .into_any()
}

/// What a connected browser sees: where and who, the state, sign-in when
/// needed, the shared clients, what was set aside, and leaving.
#[component]
fn Connected(
    /// The team link.
    team: Team,
) -> impl IntoView {
    let ui = use_ui();
    let who = move || {
        team.setup()
            .map(|s| {
                tf(
                    ui.lang.get(),
                    Key::TeamConnected,
                    &[("url", &s.url), ("name", &s.name)],
                )
            })
            .unwrap_or_default()
    };
    let needs_sign_in = move || team.state() == SyncState::SignIn;
    let leave = move |_| {
        let lang = ui.lang.get_untracked();
        leptos::task::spawn_local(async move {
            connect::disconnect(team).await;
            crate::state::store::use_store().notify(Key::TeamDisconnected.text(lang).into(), None);
        });
    };
    let size = move || {
        let chars = team.with(|l| l.stored_chars);
        tf(
            ui.lang.get(),
            Key::TeamStored,
            &[("size", &format!("{} KB", (chars * 2).div_ceil(1024)))],
        )
    };
    view! {
        <p data-testid="team-connected" class="user-text">
            {who}
        </p>
        <p data-testid="team-state" class="sync-line">
            {move || team.state().text(ui.lang.get())}
        </p>
        <Show when=needs_sign_in>
            <SignInForm team=team first=false />
        </Show>
        <SharedClients team=team />
        <Quarantined team=team />
        <p class="muted small" data-testid="team-stored">
            {size}
        </p>
        <p class="actions">
            <button type="button" class="button" data-testid="team-disconnect" on:click=leave>
                {ui.tr(Key::TeamDisconnect)}
            </button>
        </p>
    }
}
