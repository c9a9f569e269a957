//! The end: the participant's own result at once (workshop) or a thank-you
//! (client), and the return link with its QR code, copy, the share sheet
//! and a file, to hand back. Nothing is sent anywhere by the app itself.

use kbr_core::i18n::{tf, Key};
use kbr_core::invite::code::Kind;
use kbr_core::invite::flow::{return_code, screens};
use kbr_core::storage::export::file_slug;
use leptos::prelude::*;

use super::own_result::OwnResult;
use super::{go_to, use_flow};
use crate::components::link_share::LinkShare;
use crate::state::browser;
use crate::state::ui::use_ui;

/// The last screen.
#[component]
pub fn Done() -> impl IntoView {
    let ui = use_ui();
    let flow = use_flow();
    let (kind, sender, count, words) = flow
        .invite
        .with_value(|i| (i.kind, i.title.clone(), screens(i).len(), i.words()));
    let link = Signal::derive(move || {
        let code = flow
            .invite
            .with_value(|i| flow.draft.with(|d| return_code(i, d)));
        format!("{}#/r/{code}", browser::app_folder_from_participant())
    });
    let download = move |_| {
        let name = flow.draft.with_untracked(|d| {
            let who = if d.pseudonym.trim().is_empty() {
                "antwoorden".to_string()
            } else {
                file_slug(&d.pseudonym)
            };
            format!("{who}-{}.txt", d.participant)
        });
        let _ = browser::download(
            &name,
            "text/plain;charset=utf-8",
            &format!("{}\n", link.get_untracked()),
        );
    };
    let results = flow.invite.with_value(|i| {
        i.exercises
            .iter()
            .enumerate()
            .map(|(n, d)| view! { <OwnResult def=*d index=n /> })
            .collect_view()
    });
    let send_to = move || {
        if sender.is_empty() {
            ui.t(words.send).to_string()
        } else {
            tf(ui.lang.get(), words.send_to, &[("sender", &sender)])
        }
    };
    view! {
        <section class="participant-screen" data-testid="participant-done">
            {match kind {
                Kind::Workshop => {
                    view! {
                        <h1 tabindex="-1">{ui.tr(words.done)}</h1>
                        {results}
                    }
                        .into_any()
                }
                Kind::Client => {
                    view! {
                        <h1 tabindex="-1">{ui.tr(words.done)}</h1>
                        <p>{words.done_text.map(|k| ui.tr(k))}</p>
                    }
                        .into_any()
                }
            }}
            <section class="return-box" aria-labelledby="return-heading">
                <h2 id="return-heading">{send_to}</h2>
                <p class="muted small" data-testid="return-how">
                    {ui.tr(words.how)}
                </p>
                // In the room the trainer scans it: large, with a hint.
                {(kind == Kind::Workshop)
                    .then(|| {
                        view! {
                            <p class="scan-hint" data-testid="scan-hint">
                                {ui.tr(Key::ReturnBrightness)}
                            </p>
                        }
                    })}
                <LinkShare
                    link=link
                    qr_label=Signal::derive(move || ui.t(Key::ReturnQr).to_string())
                    share_text=Signal::derive(move || ui.t(Key::ReturnShareText).to_string())
                    testid="return-link"
                    large=kind == Kind::Workshop
                />
                <button type="button" class="button" on:click=download data-testid="return-file">
                    {ui.tr(Key::ReturnFile)}
                </button>
            </section>
            <button
                type="button"
                class="button link"
                on:click=move |_| go_to(flow, 1)
                data-testid="change-answers"
            >
                {ui.tr(Key::ChangeAnswers)}
            </button>
            <p class="muted small">
                {move || tf(ui.lang.get(), words.steps, &[("n", &count.to_string())])}
            </p>
        </section>
    }
}
