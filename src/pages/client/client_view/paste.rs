//! The client's answers pasted back: every return code in the text is
//! checked against this round and added whole, or refused with its reason
//! (another round or client, changed, of a workshop, …).

use kbr_core::command::Command;
use kbr_core::i18n::{tf, Key};
use kbr_core::invite::code::{decode_return, find_codes, CodeError};
use kbr_core::invite::rounds::client_return;
use kbr_core::model::RoundId;
use leptos::prelude::*;

use crate::components::outcome_list::OutcomeList;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// A paste box for round `id`.
#[component]
pub fn PasteAnswers(
    /// The round.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let client = ctx.id.clone();
    let text = RwSignal::new(String::new());
    let lines = RwSignal::new(Vec::<(bool, String)>::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let pasted = text.get_untracked();
        let codes = find_codes(&pasted);
        let mut out = Vec::new();
        if codes.is_empty() {
            out.push((false, CodeError::NotACode.message(lang)));
        }
        for code in codes {
            let shown: String = code.chars().take(12).collect();
            let checked = decode_return(&code).and_then(|r| {
                if r.session != id.0 {
                    return Err(CodeError::OtherSession);
                }
                client_return(&r, store.today())
            });
            let line = match checked {
                Ok(answer) => {
                    let replaced = ctx.account.with_untracked(|a| {
                        a.round(id)
                            .is_some_and(|r| r.answer_of(answer.participant).is_some())
                    });
                    let who = if answer.name.is_empty() {
                        ui.t(Key::RoundContact).to_string()
                    } else {
                        answer.name.clone()
                    };
                    let cmd = Command::AddClientReturn {
                        round: id,
                        answer: Box::new(answer),
                    };
                    match store.dispatch(&client, cmd) {
                        Ok(_) => (
                            true,
                            tf(
                                lang,
                                if replaced {
                                    Key::CollectReplaced
                                } else {
                                    Key::CollectAdded
                                },
                                &[("who", &who)],
                            ),
                        ),
                        Err(e) => (false, e.messages(lang).join(" ")),
                    }
                }
                Err(e) => (
                    false,
                    tf(
                        lang,
                        Key::CollectRefused,
                        &[("code", &shown), ("reason", &e.message(lang))],
                    ),
                ),
            };
            out.push(line);
        }
        if out.iter().any(|(ok, _)| *ok) {
            text.set(String::new());
        }
        lines.set(out);
    };
    view! {
        <form class="form" on:submit=add novalidate data-testid="round-paste">
            <label class="field">
                <span>{ui.tr(Key::RoundPaste)}</span>
                <textarea
                    rows="2"
                    data-testid="round-paste-input"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </label>
            <div class="actions">
                <button type="submit" class="button" data-testid="round-paste-add">
                    {ui.tr(Key::CollectAdd)}
                </button>
            </div>
            <OutcomeList lines=lines testid="round-outcomes" />
        </form>
    }
}
