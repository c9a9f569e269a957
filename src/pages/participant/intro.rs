//! The first screen: who asks, what the customer bank account is in two
//! sentences, what the exercises and the scale mean, that nothing goes to
//! a server, and an optional name.

use kbr_core::i18n::{tf, Key};
use kbr_core::invite::code::{Kind, PSEUDONYM_MAX};
use leptos::prelude::*;

use super::{go_to, use_flow};
use crate::state::ui::use_ui;

/// The intro with the optional name and "start".
#[component]
pub fn Intro() -> impl IntoView {
    let ui = use_ui();
    let flow = use_flow();
    let (kind, title) = flow.invite.with_value(|i| (i.kind, i.title.clone()));
    let client = kind == Kind::Client;
    let exercises = flow.invite.with_value(|i| i.exercises.clone());
    let started = flow
        .draft
        .with_untracked(|d| d.answers.iter().any(|a| !a.is_empty()));
    let heading = move || {
        let lang = ui.lang.get();
        match (kind, title.is_empty()) {
            (Kind::Workshop, true) => ui.t(Key::InviteWorkshop).to_string(),
            (Kind::Workshop, false) => tf(lang, Key::InviteWorkshopTitled, &[("title", &title)]),
            (Kind::Client, true) => ui.t(Key::InviteClient).to_string(),
            (Kind::Client, false) => tf(lang, Key::InviteClientFrom, &[("sender", &title)]),
        }
    };
    let list = exercises
        .into_iter()
        .map(|d| {
            view! {
                <li>
                    <strong>{move || d.title.get(ui.lang.get())}</strong>
                    <p class="muted small">{move || d.intro.get(ui.lang.get())}</p>
                </li>
            }
        })
        .collect_view();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go_to(flow, 1);
    };
    view! {
        <section class="participant-screen" data-testid="participant-intro">
            <h1 tabindex="-1" class="user-text">
                {heading}
            </h1>
            <Show when=move || kind == Kind::Workshop>
                <p>{ui.tr(Key::InviteAccountExplained)}</p>
            </Show>
            <ul class="exercise-list">{list}</ul>
            // One register per flow: a client is addressed with "u".
            <p>{ui.tr(if client { Key::ScaleExplainedU } else { Key::ScaleExplained })}</p>
            <p class="privacy" data-testid="no-server">
                {ui.tr(if client { Key::InviteNoServerU } else { Key::InviteNoServer })}
            </p>
            <form class="form" on:submit=start novalidate>
                <label class="field">
                    <span>
                        {move || {
                            ui.t(
                                if kind == Kind::Client {
                                    Key::InviteYourName
                                } else {
                                    Key::InvitePseudonym
                                },
                            )
                        }}
                    </span>
                    <input
                        type="text"
                        maxlength=PSEUDONYM_MAX.to_string()
                        autocomplete="off"
                        data-testid="pseudonym"
                        prop:value=move || flow.draft.with(|d| d.pseudonym.clone())
                        on:input=move |ev| {
                            flow.draft.update(|d| d.pseudonym = event_target_value(&ev))
                        }
                    />
                </label>
                <p class="muted small">
                    {move || {
                        ui.t(
                            if kind == Kind::Client {
                                Key::InviteNameHint
                            } else {
                                Key::InvitePseudonymHint
                            },
                        )
                    }}
                </p>
                <button type="submit" class="button primary big" data-testid="start">
                    {move || {
                        ui.t(
                            match (started, client) {
                                (false, _) => Key::InviteStart,
                                (true, false) => Key::InviteContinue,
                                (true, true) => Key::InviteContinueU,
                            },
                        )
                    }}
                </button>
            </form>
        </section>
    }
}
