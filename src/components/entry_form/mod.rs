//! Quick entry: party, deposit/withdrawal, category, weight, who, note,
//! date, and optionally the withdrawal this deposit makes good. Built for
//! the keyboard: Enter books, and the choices stay for the next entry.

mod category;
mod kind;
mod repair;

use std::cell::RefCell;
use std::collections::HashMap;

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{dates, CategoryId, ClientId, Direction, EntryId, Party};
use kbr_core::validate::{entry_warnings, suggested_weight, EntryDraft};
use leptos::html;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::weight_picker::WeightPicker;
use crate::pages::client::use_client;
use crate::state::use_ui;
use crate::store::{use_store, Undo};
use category::CategoryField;
use kind::KindPicker;
use repair::RepairPicker;

/// What the form remembers per client between entries.
#[derive(Clone, Debug)]
struct Defaults {
    party: Party,
    direction: Direction,
    category: String,
    who: String,
}

thread_local! {
    static DEFAULTS: RefCell<HashMap<ClientId, Defaults>> = RefCell::new(HashMap::new());
}

/// The form's fields, shared with its parts.
#[derive(Clone, Copy)]
struct Fields {
    party: RwSignal<Party>,
    direction: RwSignal<Direction>,
    category: RwSignal<String>,
    weight: RwSignal<u8>,
    /// The user picked the weight: a category change no longer resets it.
    weight_touched: RwSignal<bool>,
    who: RwSignal<String>,
    note: RwSignal<String>,
    date: RwSignal<String>,
    repairs: RwSignal<Option<EntryId>>,
}

/// The entry form of the page's client.
#[component]
pub fn EntryForm(
    /// Set to an entry id to edit that entry; the form clears it when done.
    editing: RwSignal<Option<EntryId>>,
    /// Set to a withdrawal's id to book a deposit that makes up for it.
    repair_target: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let remembered = DEFAULTS.with(|d| d.borrow().get(&ctx.id).cloned());
    let f = Fields {
        party: RwSignal::new(remembered.as_ref().map_or(Party::Supplier, |d| d.party)),
        direction: RwSignal::new(
            remembered
                .as_ref()
                .map_or(Direction::Deposit, |d| d.direction),
        ),
        category: RwSignal::new(
            remembered
                .as_ref()
                .map(|d| d.category.clone())
                .unwrap_or_default(),
        ),
        weight: RwSignal::new(2),
        weight_touched: RwSignal::new(false),
        who: RwSignal::new(remembered.map(|d| d.who).unwrap_or_default()),
        note: RwSignal::new(String::new()),
        date: RwSignal::new(store.today().to_string()),
        repairs: RwSignal::new(None),
    };
    let errors = RwSignal::new(Vec::<String>::new());
    let note_ref: NodeRef<html::Input> = NodeRef::new();

    // A new category suggests its weight, unless the user chose one.
    Effect::new(move |_| {
        let c = CategoryId::new(&f.category.get());
        if editing.get_untracked().is_none() && !f.weight_touched.get_untracked() {
            f.weight
                .set(account.with_untracked(|a| suggested_weight(a, &c)));
        }
    });
    // Load an entry for editing.
    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        if let Some(e) = account.with_untracked(|a| a.entry(id).cloned()) {
            f.party.set(e.party);
            f.direction.set(e.direction);
            f.category.set(e.category.as_str().to_string());
            f.weight.set(e.weight.get());
            f.weight_touched.set(true);
            f.who.set(e.who.to_string());
            f.note.set(e.note.clone());
            f.date.set(e.date.to_string());
            f.repairs.set(e.repairs);
            errors.set(Vec::new());
            if let Some(el) = note_ref.get() {
                let _ = el.focus();
            }
        }
    });
    // Start a repair: a deposit of the same party that makes good the withdrawal.
    Effect::new(move |_| {
        let Some(target) = repair_target.get() else {
            return;
        };
        if let Some(p) = account.with_untracked(|a| a.entry(target).map(|e| e.party)) {
            editing.set(None);
            f.party.set(p);
            f.direction.set(Direction::Deposit);
            f.repairs.set(Some(target));
        }
        repair_target.set(None);
    });

    let submit = {
        let id = ctx.id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lang = ui.lang.get_untracked();
            let Some(date) = dates::parse_input(&f.date.get_untracked()) else {
                errors.set(vec![ui.t(Key::ErrDateMissing).to_string()]);
                return;
            };
            let direction = f.direction.get_untracked();
            let draft = EntryDraft {
                date,
                party: f.party.get_untracked(),
                direction,
                category: CategoryId::new(&f.category.get_untracked()),
                weight: f.weight.get_untracked(),
                who: f.who.get_untracked(),
                note: f.note.get_untracked(),
                repairs: (direction == Direction::Deposit)
                    .then(|| f.repairs.get_untracked())
                    .flatten(),
            };
            let edit = editing.get_untracked();
            let command = match edit {
                Some(id) => Command::EditEntry {
                    id,
                    draft: draft.clone(),
                },
                None => Command::AddEntry {
                    id: EntryId(store.new_id()),
                    draft: draft.clone(),
                },
            };
            match store.dispatch(&id, command) {
                Ok(inverse) => {
                    DEFAULTS.with(|d| {
                        d.borrow_mut().insert(
                            id.clone(),
                            Defaults {
                                party: draft.party,
                                direction: draft.direction,
                                category: draft.category.as_str().to_string(),
                                who: draft.who.trim().to_string(),
                            },
                        )
                    });
                    let key = if edit.is_some() {
                        Key::EntryUpdated
                    } else {
                        Key::EntryAdded
                    };
                    let mut text = ui.t(key).to_string();
                    if let Some(w) = entry_warnings(date, store.today()) {
                        text = format!("{text} {}", w.message(lang));
                    }
                    store.notify(text, Some(Undo::Command(id.clone(), Box::new(inverse))));
                    f.note.set(String::new());
                    f.date.set(store.today().to_string());
                    f.repairs.set(None);
                    f.weight_touched.set(false);
                    errors.set(Vec::new());
                    editing.set(None);
                    if let Some(el) = note_ref.get() {
                        let _ = el.focus();
                    }
                }
                Err(e) => errors.set(e.messages(lang)),
            }
        }
    };
    let warning = move || {
        dates::parse_input(&f.date.get())
            .and_then(|d| entry_warnings(d, store.today()))
            .map(|w| w.message(ui.lang.get()))
    };
    let weight_name = "weight".to_string();
    view! {
        <form class="panel form entry-form no-print" data-testid="entry-form" on:submit=submit novalidate>
            <h2>{move || ui.t(if editing.get().is_some() { Key::EditEntry } else { Key::NewEntry })}</h2>
            <div class="entry-grid">
                <KindPicker party=f.party direction=f.direction />
                <CategoryField party=f.party direction=f.direction category=f.category errors=errors />
                <WeightPicker weight=f.weight touched=f.weight_touched name=weight_name
                    category=Signal::derive(move || f.category.get()) />
                <PeopleField who=f.who />
                <label class="field wide">
                    <span>{move || ui.t(Key::FieldNote)}</span>
                    <input type="text" data-testid="entry-note" node_ref=note_ref maxlength="2000"
                        prop:value=move || f.note.get() on:input=move |ev| f.note.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || ui.t(Key::Date)}</span>
                    <input type="date" data-testid="entry-date" prop:value=move || f.date.get()
                        on:input=move |ev| f.date.set(event_target_value(&ev)) />
                    {move || warning().map(|w| view! { <small class="warning-text" data-testid="date-warning">{w}</small> })}
                </label>
                <Show when=move || f.direction.get() == Direction::Deposit>
                    <RepairPicker party=f.party repairs=f.repairs />
                </Show>
            </div>
            <ErrorList errors=errors testid="entry-errors" />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="entry-submit">
                    {move || ui.t(if editing.get().is_some() { Key::SaveEntry } else { Key::BookEntry })}
                </button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" class="button" data-testid="entry-cancel-edit" on:click=move |_| {
                        editing.set(None);
                        f.note.set(String::new());
                        f.repairs.set(None);
                        f.weight_touched.set(false);
                        errors.set(Vec::new());
                    }>{move || ui.t(Key::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

/// Who on that party's side, with the people already used as suggestions.
#[component]
fn PeopleField(
    /// The person or role.
    who: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let people = Memo::new(move |_| {
        // Distinct names first (by their interned index): 10k entries, a
        // handful of people.
        let distinct: std::collections::HashSet<kbr_core::intern::Name> =
            account.with(|a| a.entries.iter().map(|e| e.who).collect());
        let mut p: Vec<String> = distinct
            .into_iter()
            .filter(|w| !w.is_empty())
            .map(|w| w.to_string())
            .collect();
        p.sort();
        p
    });
    view! {
        <label class="field">
            <span>{move || ui.t(Key::FieldWho)}</span>
            <input type="text" list="people-list" data-testid="entry-who" maxlength="120"
                prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev)) />
            <datalist id="people-list">
                {move || people.get().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
            </datalist>
        </label>
    }
}
