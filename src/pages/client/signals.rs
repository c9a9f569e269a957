//! What the client page says beyond the corridor: the start phase of a new
//! relationship with first deposits to make, the silence alarm, and the
//! yearly indexation review in October and November.

use kbr_core::account::signals::FIRST_DEPOSITS;
use kbr_core::catalogue;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, format_points_lang, tf, Key};
use kbr_core::model::{CategoryId, Direction, EntryId, Party};
use kbr_core::validate::EntryDraft;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The start phase: give first; one tap books a suggested first deposit.
#[component]
pub fn StartPhaseCard() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let summary = ctx.summary;
    let client = StoredValue::new(ctx.id.clone());
    let start = Memo::new(move |_| summary.with(|s| s.headline.start));
    let book = move |id: &'static str| {
        let weight = catalogue::builtin(id).map_or(2, |b| b.default_weight);
        let draft = EntryDraft {
            date: store.today(),
            party: Party::Supplier,
            direction: Direction::Deposit,
            category: CategoryId::new(id),
            weight,
            who: String::new(),
            note: String::new(),
            repairs: None,
        };
        let cmd = Command::AddEntry {
            id: EntryId(store.new_id()),
            draft,
        };
        store.act_or_say(
            &client.get_value(),
            cmd,
            ui.t(Key::EntryAdded).to_string(),
            ui.lang.get_untracked(),
        );
    };
    move || {
        start.get().map(|s| {
            let lang = ui.lang.get();
            let buttons = FIRST_DEPOSITS
                .into_iter()
                .filter_map(|id| catalogue::builtin(id))
                .map(|b| {
                    let id = b.id;
                    view! {
                        <li>
                            <button
                                type="button"
                                class="button small"
                                on:click=move |_| book(id)
                                data-testid=format!("first-{id}")
                            >
                                {lang.pick(b.nl, b.en)}
                            </button>
                            <span class="muted small">" "{catalogue::weight_example(b, lang)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="panel start-phase" data-testid="start-phase">
                    <h2>{ui.t(Key::StartTitle)}</h2>
                    <p>
                        {tf(
                            lang,
                            Key::StartText,
                            &[
                                ("until", &format_date(s.until, lang)),
                                ("n", &s.deposits.to_string()),
                            ],
                        )}
                    </p>
                    <p class="muted">{ui.t(Key::StartSuggest)}</p>
                    <ul class="first-deposits">{buttons}</ul>
                </section>
            }
        })
    }
}

/// The silence alarm and the indexation review, when they apply.
#[component]
pub fn SignalBanners() -> impl IntoView {
    let ui = use_ui();
    let summary = use_client().summary;
    let silence = Memo::new(move |_| summary.with(|s| s.headline.silence));
    let indexation = Memo::new(move |_| summary.with(|s| s.headline.indexation));
    view! {
        {move || {
            silence
                .get()
                .map(|s| {
                    let lang = ui.lang.get();
                    view! {
                        <p class="banner warning" role="status" data-testid="silence-alarm">
                            {tf(
                                lang,
                                Key::SilenceText,
                                &[
                                    ("n", &s.withdrawals.to_string()),
                                    ("points", &format_points_lang(-s.points, true, lang)),
                                    ("since", &format_date(s.since, lang)),
                                ],
                            )}
                        </p>
                    }
                })
        }}
        {move || {
            indexation
                .get()
                .map(|r| {
                    let lang = ui.lang.get();
                    let key = if r.indexed { Key::IndexationIndexed } else { Key::IndexationDue };
                    view! {
                        <p class="banner info" role="status" data-testid="indexation-review">
                            {tf(
                                lang,
                                key,
                                &[("due", &format_date(r.due, lang)), ("year", &r.year.to_string())],
                            )}
                        </p>
                    }
                })
        }}
    }
}
