//! One line of the ledger, with its badges and its actions. Every button
//! is named after the entry it acts on (date and category), so a screen
//! reader user hears which one.

use kbr_core::account::ledger::Line;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{Direction, EntryId, Party};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::status::saldo_text;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// One ledger row.
#[component]
pub fn LedgerRow(
    /// The line to show.
    line: Line,
    /// Whether it is a withdrawal still to be made good.
    open: bool,
    /// Set to edit this entry.
    editing: RwSignal<Option<EntryId>>,
    /// Set to make this withdrawal good.
    repair_target: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let e = line.entry.clone();
    let points = e.signed_points();
    let running = line.running();
    let deposit = e.direction == Direction::Deposit;
    let future = e.date > store.today();
    let (party_key, party_saldo_key) = if e.party == Party::Supplier {
        (Key::PartySupplierShort, Key::RunningSaldoSupplier)
    } else {
        (Key::PartyClientShort, Key::RunningSaldoClient)
    };
    let name = {
        let category = line.category.clone();
        Callback::new(move |()| {
            tf(
                ui.lang.get(),
                Key::EntryName,
                &[
                    ("date", &format_date(e.date, ui.lang.get())),
                    ("category", &category),
                ],
            )
        })
    };
    view! {
        <tr
            data-testid="ledger-row"
            data-entry-id=e.id.0.to_string()
            class:deposit=deposit
            class:withdrawal=!deposit
            class:future=future
        >
            <td>{move || format_date(e.date, ui.lang.get())}</td>
            <td>{move || ui.t(party_key)}</td>
            <td>
                <RowBadges line=line.clone() open=open future=future />
            </td>
            <td class="num points" class:negative=points < 0>
                {move || saldo_text(points, ui.lang.get())}
            </td>
            <td class="user-text">{e.who.to_string()}</td>
            <td class="note user-text">{e.note.clone()}</td>
            <td class="num running" data-label=move || ui.t(party_saldo_key)>
                {move || saldo_text(running, ui.lang.get())}
            </td>
            <td class="row-actions no-print">
                // Behind the row: one small button per row instead of
                // three large ones on every line.
                <details class="row-menu" data-testid="row-menu">
                    <summary
                        class="button small"
                        aria-label=move || tf(
                            ui.lang.get(),
                            Key::RowActionsNamed,
                            &[("entry", &name.run(()))],
                        )
                    >
                        "⋯"
                    </summary>
                    <div class="row-menu-items">
                        <RowButtons
                            id=e.id
                            open=open
                            name=name
                            editing=editing
                            repair_target=repair_target
                        />
                    </div>
                </details>
            </td>
        </tr>
    }
}

/// The category with what the entry is: future, still open, making good,
/// booked for a moment.
#[component]
fn RowBadges(line: Line, open: bool, future: bool) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let moment_href = Route::Client {
        id: ctx.id.clone(),
        tab: ClientTab::Moments,
    }
    .to_hash();
    view! {
        {line.category.clone()}
        {future
            .then(|| {
                view! {
                    <span class="badge blue small" data-testid="future-badge">
                        {ui.tr(Key::FutureBadge)}
                    </span>
                }
            })}
        {open
            .then(|| {
                view! { <span class="badge amber small">{ui.tr(Key::OpenRepair)}</span> }
            })}
        {line
            .repairs
            .clone()
            .map(|target| {
                view! {
                    <span class="badge green small" data-testid="repairs-badge">
                        {move || tf(ui.lang.get(), Key::RepairsEntry, &[("entry", &target)])}
                    </span>
                }
            })}
        {line
            .moment
            .map(|(_, d)| {
                view! {
                    <a class="badge blue small" href=moment_href.clone() data-testid="from-moment">
                        {move || tf(
                            ui.lang.get(),
                            Key::FromMoment,
                            &[("date", &format_date(d, ui.lang.get()))],
                        )}
                    </a>
                }
            })}
    }
}

/// Make good, edit and delete, each named after the entry.
#[component]
fn RowButtons(
    id: EntryId,
    open: bool,
    /// The entry's name ("boeking van … · …").
    name: Callback<(), String>,
    editing: RwSignal<Option<EntryId>>,
    repair_target: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let aria = move |key: Key| move || tf(ui.lang.get(), key, &[("entry", &name.run(()))]);
    let client = ctx.id.clone();
    let delete = move |_| {
        let done = ui.t(Key::EntryDeleted).to_string();
        store.act_or_say(
            &client,
            Command::RemoveEntry { id },
            done,
            ui.lang.get_untracked(),
        );
    };
    view! {
        {open
            .then(|| {
                view! {
                    <button
                        type="button"
                        class="button small"
                        data-testid="make-good"
                        aria-label=aria(Key::MakeGoodNamed)
                        on:click=move |_| repair_target.set(Some(id))
                    >
                        {ui.tr(Key::MakeGood)}
                    </button>
                }
            })}
        <button
            type="button"
            class="button small"
            data-testid="edit-entry"
            aria-label=aria(Key::EditEntryNamed)
            on:click=move |_| editing.set(Some(id))
        >
            {ui.tr(Key::Edit)}
        </button>
        <button
            type="button"
            class="button small danger"
            data-testid="delete-entry"
            aria-label=aria(Key::DeleteEntryNamed)
            on:click=delete
        >
            {ui.tr(Key::Delete)}
        </button>
    }
}
