//! Stock-takes of the page's client: the reminder, today's figures, the
//! form to record a review, and the history.

use kbr_core::account::status::Status;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::StockTakeId;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::status::{saldo_text, ReminderBadge};
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The stock-take tab.
#[component]
pub fn StockTakeTab() -> impl IntoView {
    view! {
        <StockTakeForm />
        <StockTakeHistory />
    }
}

/// The reminder, the figures of today and the form.
#[component]
fn StockTakeForm() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let summary = ctx.summary;
    let reflection = RwSignal::new(String::new());
    let actions = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let reminder = Memo::new(move |_| summary.with(|s| s.headline.reminder));
    let staleness = Signal::derive(move || reminder.with(|r| r.staleness));
    let id = ctx.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::TakeStock {
            id: StockTakeId(store.new_id()),
            date: store.today(),
            reflection: reflection.get_untracked(),
            actions: actions.get_untracked(),
        };
        match store.act(&id, command, ui.t(Key::StockTakeSaved).to_string()) {
            Ok(()) => {
                reflection.set(String::new());
                actions.set(String::new());
                errors.set(Vec::new());
            }
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    view! {
        <section class="panel" data-testid="stock-take">
            <h2>{ui.tr(Key::StockTakeTitle)}</h2>
            <p>{ui.tr(Key::StockTakeIntro)}</p>
            <p data-testid="reminder-state">
                {move || view! { <ReminderBadge staleness=staleness.get() /> }} " "
                {move || {
                    let r = reminder.get();
                    let lang = ui.lang.get();
                    match (r.since, r.due) {
                        (Some(since), Some(due)) => {
                            tf(
                                lang,
                                if r.has_stock_take {
                                    Key::ReminderSinceReview
                                } else {
                                    Key::ReminderSinceFirst
                                },
                                &[
                                    ("date", &format_date(since, lang)),
                                    ("days", &r.days.to_string()),
                                    ("due", &format_date(due, lang)),
                                ],
                            )
                        }
                        _ => ui.t(Key::ReminderNothing).to_string(),
                    }
                }}
            </p>
            <p class="figures">
                {move || {
                    summary
                        .with(|s| {
                            let lang = ui.lang.get();
                            tf(
                                lang,
                                Key::StockTakeFigures,
                                &[
                                    ("us", &saldo_text(s.headline.balances.supplier.saldo(), lang)),
                                    ("them", &saldo_text(s.headline.balances.client.saldo(), lang)),
                                    ("status", s.headline.supplier_status.status.label(lang)),
                                    ("open", &s.open_repairs.len().to_string()),
                                ],
                            )
                        })
                }}
            </p>
            <form class="form" on:submit=save novalidate>
                <label class="field">
                    <span>{ui.tr(Key::Reflection)}" *"</span>
                    <textarea
                        rows="3"
                        data-testid="stock-take-reflection"
                        prop:value=move || reflection.get()
                        on:input=move |ev| reflection.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <label class="field">
                    <span>{ui.tr(Key::AgreedActions)}</span>
                    <textarea
                        rows="3"
                        data-testid="stock-take-actions"
                        prop:value=move || actions.get()
                        on:input=move |ev| actions.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <ErrorList errors=errors testid="stock-take-errors" />
                <button type="submit" class="button primary" data-testid="stock-take-save">
                    {ui.tr(Key::SaveStockTake)}
                </button>
            </form>
        </section>
    }
}

/// Earlier stock-takes, newest first.
#[component]
fn StockTakeHistory() -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let history = Memo::new(move |_| {
        account.with(|a| a.stock_takes.iter().rev().cloned().collect::<Vec<_>>())
    });
    view! {
        <section class="panel" data-testid="stock-take-history">
            <h2>{ui.tr(Key::StockTakeHistory)}</h2>
            <Show when=move || history.with(Vec::is_empty)>
                <p class="muted">{ui.tr(Key::NoStockTakes)}</p>
            </Show>
            <ol class="history">
                {move || {
                    let lang = ui.lang.get();
                    history
                        .get()
                        .into_iter()
                        .map(|st| {
                            let status = Status::from_code(&st.status)
                                .map(|s| s.label(lang))
                                .unwrap_or("");
                            view! {
                                <li data-testid="stock-take-record">
                                    <p>
                                        <strong>{format_date(st.date, lang)}</strong>
                                        " · "
                                        {tf(
                                            lang,
                                            Key::StockTakeRecord,
                                            &[
                                                ("us", &saldo_text(st.supplier_saldo, lang)),
                                                ("them", &saldo_text(st.client_saldo, lang)),
                                                ("status", status),
                                            ],
                                        )}
                                    </p>
                                    <p class="user-text">{st.reflection}</p>
                                    {(!st.actions.is_empty())
                                        .then(|| {
                                            view! {
                                                <p class="user-text">
                                                    <em>{ui.t(Key::AgreedActions)}": "</em>
                                                    {st.actions.clone()}
                                                </p>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
