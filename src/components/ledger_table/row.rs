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
use crate::pages::client::use_client;
use crate::state::use_ui;
use crate::store::{use_store, Undo};

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
    let ctx = use_client();
    let e = line.entry.clone();
    let id = e.id;
    let points = e.signed_points();
    let running = line.running();
    let deposit = e.direction == Direction::Deposit;
    let future = e.date > store.today();
    let party_key = if e.party == Party::Supplier {
        Key::PartySupplierShort
    } else {
        Key::PartyClientShort
    };
    let name = {
        let category = line.category.clone();
        move || {
            tf(
                ui.lang.get(),
                Key::EntryName,
                &[
                    ("date", &format_date(e.date, ui.lang.get())),
                    ("category", &category),
                ],
            )
        }
    };
    let aria = move |key: Key| {
        let name = name.clone();
        move || tf(ui.lang.get(), key, &[("entry", &name())])
    };
    let client = ctx.id.clone();
    let delete = move |_| {
        let lang = ui.lang.get_untracked();
        match store.dispatch(&client, Command::RemoveEntry { id }) {
            Ok(inverse) => store.notify(
                ui.t(Key::EntryDeleted).to_string(),
                Some(Undo::Command(client.clone(), Box::new(inverse))),
            ),
            Err(err) => store.notify(err.messages(lang).join(" "), None),
        }
    };
    let moment_href = Route::Client {
        id: ctx.id.clone(),
        tab: ClientTab::Moments,
    }
    .to_hash();
    view! {
        <tr data-testid="ledger-row" data-entry-id=id.0.to_string() class:deposit=deposit class:withdrawal=!deposit class:future=future>
            <td>{move || format_date(e.date, ui.lang.get())}</td>
            <td>{move || ui.t(party_key)}</td>
            <td>
                {line.category.clone()}
                {future.then(|| view! { <span class="badge blue small" data-testid="future-badge">{move || ui.t(Key::FutureBadge)}</span> })}
                {open.then(|| view! { <span class="badge amber small">{move || ui.t(Key::OpenRepair)}</span> })}
                {line.repairs.clone().map(|target| view! {
                    <span class="badge green small" data-testid="repairs-badge">{move || tf(ui.lang.get(), Key::RepairsEntry, &[("entry", &target)])}</span>
                })}
                {line.moment.map(|(_, d)| view! {
                    <a class="badge blue small" href=moment_href.clone() data-testid="from-moment">
                        {move || tf(ui.lang.get(), Key::FromMoment, &[("date", &format_date(d, ui.lang.get()))])}</a>
                })}
            </td>
            <td class="num points" class:negative=points < 0>{move || saldo_text(points, ui.lang.get())}</td>
            <td class="user-text">{e.who.to_string()}</td>
            <td class="note user-text">{e.note.clone()}</td>
            <td class="num">{move || saldo_text(running, ui.lang.get())}</td>
            <td class="row-actions no-print">
                {open.then(|| view! {
                    <button type="button" class="button small" data-testid="make-good" aria-label=aria(Key::MakeGoodNamed)
                        on:click=move |_| repair_target.set(Some(id))>{move || ui.t(Key::MakeGood)}</button>
                })}
                <button type="button" class="button small" data-testid="edit-entry" aria-label=aria(Key::EditEntryNamed)
                    on:click=move |_| editing.set(Some(id))>{move || ui.t(Key::Edit)}</button>
                <button type="button" class="button small danger" data-testid="delete-entry" aria-label=aria(Key::DeleteEntryNamed)
                    on:click=delete>{move || ui.t(Key::Delete)}</button>
            </td>
        </tr>
    }
}
