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
    let (kind, title, register) = flow
        .invite
        .with_value(|i| (i.kind, i.title.clone(), i.register));
    // One register per flow, decided in the core (`Words`).
    let words = flow.invite.with_value(|i| i.words());
    let exercises = flow.invite.with_value(|i| i.exercises.clone());
    let started = flow
        .draft
        .with_untracked(|d| d.answers.iter().any(|a| !a.is_empty()));
    let heading = move || {
        if title.is_empty() {
            ui.t(words.heading).to_string()
        } else {
            tf(
                ui.lang.get(),
                words.heading_from,
                &[("title", &title), ("sender", &title)],
            )
        }
    };
    let list = exercises
        .into_iter()
        .map(|d| {
            view! {
                <li>
                    <strong>{move || d.title.get_in(ui.lang.get(), register)}</strong>
                    <p class="muted small">{move || d.intro.get_in(ui.lang.get(), register)}</p>
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
            <p>{ui.tr(words.scale)}</p>
            <p class="privacy" data-testid="no-server">
                {ui.tr(words.no_server)}
            </p>
            <form class="form" on:submit=start novalidate>
                <label class="field">
                    <span>{ui.tr(words.name)}</span>
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
                <p class="muted small">{ui.tr(words.name_hint)}</p>
                <button type="submit" class="button primary big" data-testid="start">
                    {ui.tr(if started { words.resume } else { Key::InviteStart })}
                </button>
            </form>
        </section>
    }
}
