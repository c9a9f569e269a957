//! Quick entry: party, deposit/withdrawal, category, weight, who, note,
//! date, and optionally the withdrawal this deposit makes good. Built for
//! the keyboard: Enter books, and the choices stay for the next entry.

mod category;
mod kind;
mod repair;

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{dates, Account, CategoryId, ClientId, Direction, Entry, EntryId, Party};
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

impl Fields {
    /// Empty fields with the choices remembered for this client.
    fn new(remembered: Option<Defaults>, today: NaiveDate) -> Fields {
        let d = remembered.unwrap_or(Defaults {
            party: Party::Supplier,
            direction: Direction::Deposit,
            category: String::new(),
            who: String::new(),
        });
        Fields {
            party: RwSignal::new(d.party),
            direction: RwSignal::new(d.direction),
            category: RwSignal::new(d.category),
            weight: RwSignal::new(2),
            weight_touched: RwSignal::new(false),
            who: RwSignal::new(d.who),
            note: RwSignal::new(String::new()),
            date: RwSignal::new(today.to_string()),
            repairs: RwSignal::new(None),
        }
    }

    /// Fills the fields from an entry being edited.
    fn load(&self, e: &Entry) {
        self.party.set(e.party);
        self.direction.set(e.direction);
        self.category.set(e.category.as_str().to_string());
        self.weight.set(e.weight.get());
        self.weight_touched.set(true);
        self.who.set(e.who.to_string());
        self.note.set(e.note.clone());
        self.date.set(e.date.to_string());
        self.repairs.set(e.repairs);
    }

    /// What was typed, as a draft; `None` without a valid date.
    fn draft(&self) -> Option<EntryDraft> {
        let direction = self.direction.get_untracked();
        Some(EntryDraft {
            date: dates::parse_input(&self.date.get_untracked())?,
            party: self.party.get_untracked(),
            direction,
            category: CategoryId::new(&self.category.get_untracked()),
            weight: self.weight.get_untracked(),
            who: self.who.get_untracked(),
            note: self.note.get_untracked(),
            repairs: (direction == Direction::Deposit)
                .then(|| self.repairs.get_untracked())
                .flatten(),
        })
    }

    /// Clears what belongs to one entry; the choices stay for the next.
    fn clear(&self, today: NaiveDate) {
        self.note.set(String::new());
        self.date.set(today.to_string());
        self.repairs.set(None);
        self.weight_touched.set(false);
    }
}

/// Keeps the fields in step: a new category suggests its weight (unless
/// the user chose one), an entry chosen for editing is loaded, a
/// withdrawal chosen to make good starts a deposit of its party.
fn follow(
    f: Fields,
    editing: RwSignal<Option<EntryId>>,
    repair_target: RwSignal<Option<EntryId>>,
    account: Signal<Account>,
    errors: RwSignal<Vec<String>>,
    note_ref: NodeRef<html::Input>,
) {
    Effect::new(move |_| {
        let c = CategoryId::new(&f.category.get());
        if editing.get_untracked().is_none() && !f.weight_touched.get_untracked() {
            f.weight
                .set(account.with_untracked(|a| suggested_weight(a, &c)));
        }
    });
    Effect::new(move |_| {
        let Some(id) = editing.get() else { return };
        if let Some(e) = account.with_untracked(|a| a.entry(id).cloned()) {
            f.load(&e);
            errors.set(Vec::new());
            if let Some(el) = note_ref.get() {
                let _ = el.focus();
            }
        }
    });
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
    let remembered = DEFAULTS.with(|d| d.borrow().get(&ctx.id).cloned());
    let f = Fields::new(remembered, store.today());
    let errors = RwSignal::new(Vec::<String>::new());
    let note_ref: NodeRef<html::Input> = NodeRef::new();
    follow(f, editing, repair_target, ctx.account, errors, note_ref);
    let id = ctx.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let Some(draft) = f.draft() else {
            errors.set(vec![ui.t(Key::ErrDateMissing).to_string()]);
            return;
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
                if let Some(w) = entry_warnings(draft.date, store.today()) {
                    text = format!("{text} {}", w.message(lang));
                }
                store.notify(text, Some(Undo::Command(id.clone(), Box::new(inverse))));
                f.clear(store.today());
                errors.set(Vec::new());
                editing.set(None);
                if let Some(el) = note_ref.get() {
                    let _ = el.focus();
                }
            }
            Err(e) => errors.set(e.messages(lang)),
        }
    };
    let cancel = Callback::new(move |()| {
        editing.set(None);
        f.clear(store.today());
        errors.set(Vec::new());
    });
    view! {
        <form
            class="panel form entry-form no-print"
            data-testid="entry-form"
            on:submit=submit
            novalidate
        >
            <h2>
                {move || ui.t(if editing.get().is_some() { Key::EditEntry } else { Key::NewEntry })}
            </h2>
            <div class="entry-grid">
                <KindPicker party=f.party direction=f.direction />
                <CategoryField
                    party=f.party
                    direction=f.direction
                    category=f.category
                    errors=errors
                />
                <WeightPicker
                    weight=f.weight
                    touched=f.weight_touched
                    name="weight".to_string()
                    category=Signal::derive(move || f.category.get())
                />
                <PeopleField who=f.who />
                <label class="field wide">
                    <span>{ui.tr(Key::FieldNote)}</span>
                    <input
                        type="text"
                        data-testid="entry-note"
                        node_ref=note_ref
                        maxlength="2000"
                        prop:value=move || f.note.get()
                        on:input=move |ev| f.note.set(event_target_value(&ev))
                    />
                </label>
                <DateField date=f.date />
                <Show when=move || f.direction.get() == Direction::Deposit>
                    <RepairPicker party=f.party repairs=f.repairs />
                </Show>
            </div>
            <ErrorList errors=errors testid="entry-errors" />
            <FormButtons editing=editing cancel=cancel />
        </form>
    }
}

/// The date of the entry, with a warning for dates after today or long ago.
#[component]
fn DateField(
    /// The date as the field holds it.
    date: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let warning = move || {
        dates::parse_input(&date.get())
            .and_then(|d| entry_warnings(d, store.today()))
            .map(|w| w.message(ui.lang.get()))
    };
    view! {
        <label class="field">
            <span>{ui.tr(Key::Date)}</span>
            <input
                type="date"
                data-testid="entry-date"
                prop:value=move || date.get()
                on:input=move |ev| date.set(event_target_value(&ev))
            />
            {move || {
                warning()
                    .map(|w| {
                        view! {
                            <small class="warning-text" data-testid="date-warning">
                                {w}
                            </small>
                        }
                    })
            }}
        </label>
    }
}

/// Book (or save the change), and cancel while editing.
#[component]
fn FormButtons(
    /// The entry being edited, if any.
    editing: RwSignal<Option<EntryId>>,
    /// Stops editing.
    cancel: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="actions">
            <button type="submit" class="button primary" data-testid="entry-submit">
                {move || {
                    ui.t(if editing.get().is_some() { Key::SaveEntry } else { Key::BookEntry })
                }}
            </button>
            <Show when=move || editing.get().is_some()>
                <button
                    type="button"
                    class="button"
                    data-testid="entry-cancel-edit"
                    on:click=move |_| cancel.run(())
                >
                    {ui.tr(Key::Cancel)}
                </button>
            </Show>
        </div>
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
            <span>{ui.tr(Key::FieldWho)}</span>
            <input
                type="text"
                list="people-list"
                data-testid="entry-who"
                maxlength="120"
                prop:value=move || who.get()
                on:input=move |ev| who.set(event_target_value(&ev))
            />
            <datalist id="people-list">
                {move || {
                    people
                        .get()
                        .into_iter()
                        .map(|p| view! { <option value=p></option> })
                        .collect_view()
                }}
            </datalist>
        </label>
    }
}
