//! The form that connects this browser to a team, or signs in again when
//! the session expired (then only the password is asked).

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::sync::connect;
use crate::state::team::Team;
use crate::state::ui::use_ui;

/// Address, name and password (`first`), or the password alone.
#[component]
pub fn SignInForm(
    /// The team link.
    team: Team,
    /// Connecting for the first time (else: signing in again).
    first: bool,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let url = RwSignal::new(String::from("/couch/team"));
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = ui.lang.get_untracked();
        let (u, n, p) = (
            url.get_untracked(),
            name.get_untracked(),
            password.get_untracked(),
        );
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = if first {
                connect::connect(store, team, &u, &n, &p).await
            } else {
                connect::sign_in(team, &p).await
            };
            busy.set(false);
            match result {
                // The password is dropped as soon as the server had it.
                Ok(()) => password.set(String::new()),
                Err(e) => error.set(Some(e.message(lang))),
            }
        });
    };
    let testid = if first {
        "team-connect"
    } else {
        "team-sign-in"
    };
    view! {
        <form class="team-form" data-testid=testid on:submit=submit>
            <Show when=move || !first>
                <p role="alert">{ui.tr(Key::TeamSignInIntro)}</p>
            </Show>
            <Show when=move || first>
                <label class="field">
                    <span>{ui.tr(Key::TeamAddress)}</span>
                    <input
                        type="text"
                        inputmode="url"
                        autocomplete="url"
                        data-testid="team-url"
                        prop:value=url
                        on:input=move |ev| url.set(event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>{ui.tr(Key::TeamName)}</span>
                    <input
                        type="text"
                        autocomplete="username"
                        autocapitalize="off"
                        data-testid="team-name"
                        prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
            </Show>
            <label class="field">
                <span>{ui.tr(Key::TeamPassword)}</span>
                <input
                    type="password"
                    autocomplete="current-password"
                    data-testid="team-password"
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
            </label>
            <Show when=move || error.with(Option::is_some)>
                <p class="banner danger" role="alert" data-testid="team-error">
                    {move || error.get()}
                </p>
            </Show>
            <p class="actions">
                <button
                    type="submit"
                    class="button primary"
                    data-testid="team-submit"
                    prop:disabled=busy
                >
                    {if first { ui.tr(Key::TeamConnect) } else { ui.tr(Key::TeamSignIn) }}
                </button>
            </p>
        </form>
    }
}
