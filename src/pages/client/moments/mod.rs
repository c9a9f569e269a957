//! Interaction moments of the page's client: the figures of the three
//! questions (share of moments that exceeded expectations, average of
//! question 2, open and overdue actions), the form to log a moment, and the
//! list where each extra is planned, done and booked as a deposit. A moment
//! can be prepared first (the questions as intentions) and looked back on
//! after; late payments and disputes are followed up here too.

mod action;
mod card;
mod disputes;
mod fields;
mod form;
mod prepare;

use kbr_core::i18n::{tf, Key};
use kbr_core::model::{order, ValueAnswer};
use kbr_core::questionnaires::definitions::INTERACTION;
use kbr_core::questionnaires::engine::tenths_text;
use kbr_core::questionnaires::moments::{stats, value_history};
use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::pages::calendar::calendar_import;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;
use card::MomentCard;
use disputes::Disputes;
use form::MomentForm;
use prepare::PrepareForm;

/// The interaction moments tab.
#[component]
pub fn MomentsTab() -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let moments = Memo::new(move |_| {
        account.with(|a| {
            let mut list = a.moments.clone();
            order::sort_by_key(&mut list, |m| (-order::day(m.date), u64::MAX - m.id.0));
            list
        })
    });
    let logging = RwSignal::new(false);
    let preparing = RwSignal::new(false);
    let importing = RwSignal::new(false);
    let id = StoredValue::new(use_client().id);
    view! {
        <section class="panel" data-testid="moment-stats">
            <h2>{ui.tr(Key::MomentsTitle)}</h2>
            <p>{move || INTERACTION.intro.get(ui.lang.get())}</p>
            <MomentStats />
            <Show when=move || !logging.get() && !preparing.get() && !importing.get()>
                <div class="actions">
                    <button
                        type="button"
                        class="button primary"
                        data-testid="prepare-new"
                        on:click=move |_| preparing.set(true)
                    >
                        {ui.tr(Key::PrepareNew)}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="moment-new"
                        on:click=move |_| logging.set(true)
                    >
                        {ui.tr(Key::MomentNew)}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="calendar-import-open"
                        on:click=move |_| importing.set(true)
                    >
                        {ui.tr(Key::CalendarImportOpen)}
                    </button>
                </div>
            </Show>
            <Show when=move || importing.get()>
                <div class="form">
                    <h3>{ui.tr(Key::CalendarImportTitle)}</h3>
                    <Deferred load=move || calendar_import(Some(id.get_value())) />
                    <div class="actions">
                        <button
                            type="button"
                            class="button"
                            data-testid="calendar-close"
                            on:click=move |_| importing.set(false)
                        >
                            {ui.tr(Key::Close)}
                        </button>
                    </div>
                </div>
            </Show>
            <Show when=move || preparing.get()>
                <PrepareForm open=preparing />
            </Show>
            <Show when=move || logging.get()>
                <MomentForm logging=logging />
            </Show>
        </section>
        <Disputes />
        <section class="panel" data-testid="moment-list">
            <h2>{ui.tr(Key::MomentsList)}</h2>
            <Show when=move || moments.with(Vec::is_empty)>
                <p class="muted">{ui.tr(Key::NoMoments)}</p>
            </Show>
            <ol class="moments">
                <For each=move || moments.get() key=kbr_core::model::order::fingerprint let:moment>
                    <MomentCard moment=moment />
                </For>
            </ol>
        </section>
    }
}

/// The per-client figures of the three questions.
#[component]
fn MomentStats() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let account = use_client().account;
    let figures = Memo::new(move |_| account.with(|a| stats(&a.moments, store.today())));
    // At invoices: how often the value was greater than the price.
    let value_line = move || {
        account.with(|a| {
            let h = value_history(a);
            match h.last() {
                None => "—".to_string(),
                Some((_, last)) => tf(
                    ui.lang.get(),
                    Key::ValueStat,
                    &[
                        (
                            "n",
                            &h.iter()
                                .filter(|(_, v)| *v == ValueAnswer::Greater)
                                .count()
                                .to_string(),
                        ),
                        ("of", &h.len().to_string()),
                        ("last", last.label(ui.lang.get())),
                    ],
                ),
            }
        })
    };
    view! {
        <dl class="stat-grid">
            <div>
                <dt>{ui.tr(Key::StatMoments)}</dt>
                <dd data-testid="stat-moments">{move || figures.get().count}</dd>
            </div>
            <div>
                <dt>{ui.tr(Key::StatExceeded)}</dt>
                <dd data-testid="stat-exceeded">
                    {move || {
                        figures
                            .get()
                            .exceeded_percent
                            .map_or("—".to_string(), |p| format!("{p}%"))
                    }}
                </dd>
            </div>
            <div>
                <dt>{ui.tr(Key::StatTreatment)}</dt>
                <dd data-testid="stat-treatment">
                    {move || {
                        figures
                            .get()
                            .treatment_tenths
                            .map_or(
                                "—".to_string(),
                                |t| format!("{} / 5", tenths_text(t, ui.lang.get())),
                            )
                    }}
                </dd>
            </div>
            <div>
                <dt>{ui.tr(Key::StatValue)}</dt>
                <dd data-testid="stat-value">{value_line}</dd>
            </div>
            <div>
                <dt>{ui.tr(Key::StatOpenActions)}</dt>
                <dd data-testid="stat-open-actions">
                    {move || {
                        let f = figures.get();
                        if f.overdue_actions > 0 {
                            tf(
                                ui.lang.get(),
                                Key::OpenWithOverdue,
                                &[
                                    ("open", &f.open_actions.to_string()),
                                    ("overdue", &f.overdue_actions.to_string()),
                                ],
                            )
                        } else {
                            f.open_actions.to_string()
                        }
                    }}
                </dd>
            </div>
        </dl>
    }
}
