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
                <Field
                    label=Key::TeamAddress
                    kind="text"
                    fill="url"
                    testid="team-url"
                    mode="url"
                    value=url
                />
                <Field
                    label=Key::TeamName
                    kind="text"
                    fill="username"
                    testid="team-name"
                    value=name
                />
            </Show>
            <Field
                label=Key::TeamPassword
                kind="password"
                fill="current-password"
                testid="team-password"
                value=password
            />
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

/// One labelled input of the form.
#[component]
fn Field(
    /// Its label.
    label: Key,
    /// The input's type.
    kind: &'static str,
    /// What the browser may fill in (`autocomplete`).
    fill: &'static str,
    /// The test id.
    testid: &'static str,
    /// The keyboard a phone shows (`inputmode`), when not plain text.
    #[prop(optional)]
    mode: Option<&'static str>,
    /// What was typed.
    value: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <label class="field">
            <span>{ui.tr(label)}</span>
            <input
                type=kind
                autocomplete=fill
                inputmode=mode
                autocapitalize="off"
                spellcheck="false"
                data-testid=testid
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}
