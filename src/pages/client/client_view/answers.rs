//! The answers of one round, per client contact: when they came, the mean
//! and the last-contact outcome, and the choice to book an answer as an
//! entry (a noted withdrawal for a low score, a recommendation for a
//! promoter), never automatically.

use kbr_core::catalogue;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::invite::rounds::{booking_options, mean_tenths};
use kbr_core::model::{Answer, EntryId, RoundId};
use kbr_core::questionnaires::definitions::{client_view, CLIENT_VIEW};
use kbr_core::questionnaires::engine::tenths_text;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Every contact's answers to round `id`.
#[component]
pub fn ReturnList(
    /// The round.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let client = ctx.id.clone();
    let rows = move || {
        let lang = ui.lang.get();
        let returns = account.with(|a| a.round(id).map(|r| r.returns.clone()).unwrap_or_default());
        returns
            .into_iter()
            .map(|ret| {
                let who = if ret.name.is_empty() {
                    ui.t(Key::RoundContact).to_string()
                } else {
                    ret.name.clone()
                };
                let mean =
                    mean_tenths(&ret.answers).map_or("—".to_string(), |m| tenths_text(m, lang));
                let outcome = match ret.answers.get(client_view::LAST_CONTACT) {
                    Some(Answer::Choice(c)) => CLIENT_VIEW
                        .item(client_view::LAST_CONTACT)
                        .and_then(|i| match i.kind {
                            kbr_core::questionnaires::engine::AnswerKind::Choice(o) => {
                                o.iter().find(|x| x.id == c).map(|x| x.label.get(lang))
                            }
                            _ => None,
                        })
                        .unwrap_or(""),
                    _ => "",
                };
                let line = tf(
                    lang,
                    Key::ReturnLine,
                    &[
                        ("who", &who),
                        ("date", &format_date(ret.received, lang)),
                        ("mean", &mean),
                        ("outcome", outcome),
                    ],
                );
                let booking = match ret.booked {
                    Some(entry) => {
                        let date =
                            account.with(|a| a.entry(entry).map(|e| format_date(e.date, lang)));
                        view! {
                            <p class="muted small" data-testid="return-booked">
                                {tf(
                                    lang,
                                    Key::ReturnBooked,
                                    &[("date", &date.unwrap_or_default())],
                                )}
                            </p>
                        }
                        .into_any()
                    }
                    None => booking_options(&ret, store.today(), lang)
                        .into_iter()
                        .map(|option| {
                            let client = client.clone();
                            let label = catalogue::builtin(option.draft.category.as_str())
                                .map_or("", |b| lang.pick(b.nl, b.en));
                            let text = tf(lang, Key::ReturnBookAs, &[("category", label)]);
                            let participant = ret.participant;
                            let book = move |_| {
                                let entry = EntryId(store.new_id());
                                let cmd = Command::Batch(vec![
                                    Command::AddEntry {
                                        id: entry,
                                        draft: option.draft.clone(),
                                    },
                                    Command::MarkReturnBooked {
                                        round: id,
                                        participant,
                                        entry: Some(entry),
                                    },
                                ]);
                                store.act_or_say(
                                    &client,
                                    cmd,
                                    ui.t(Key::ReturnBookedDone).to_string(),
                                    ui.lang.get_untracked(),
                                );
                            };
                            view! {
                                <button
                                    type="button"
                                    class="button small"
                                    class:primary=option.suggested
                                    on:click=book
                                    data-testid="book-return"
                                >
                                    {text}
                                </button>
                            }
                        })
                        .collect_view()
                        .into_any(),
                };
                view! {
                    <li class="return-row" data-testid="return-row">
                        <p>{line}</p>
                        <div class="actions">{booking}</div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h4>{ui.tr(Key::ReturnListTitle)}</h4>
        <ul class="return-list">{rows}</ul>
    }
}
