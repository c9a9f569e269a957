//! Quick entry: party, deposit/withdrawal, category, weight, who, note,
//! date, and optionally the withdrawal this deposit makes good. Built for
//! the keyboard: Enter books, and the choices stay for the next entry.

mod buttons;
mod category;
mod date;
mod fields;
mod kind;
mod people;
mod repair;

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{Direction, EntryId};
use kbr_core::validate::entry_warnings;
use leptos::html;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::weight_picker::WeightPicker;
use crate::state::client::use_client;
use crate::state::store::{use_store, Undo};
use crate::state::team::use_team;
use crate::state::ui::use_ui;
use buttons::FormButtons;
use category::CategoryField;
use date::DateField;
use fields::{follow, Defaults, Fields, DEFAULTS};
use kind::KindPicker;
use people::PeopleField;
use repair::RepairPicker;

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
    let team = use_team();
    let remembered = DEFAULTS.with(|d| d.borrow().get(&ctx.id).cloned());
    let f = Fields::new(remembered, store.today());
    let errors = RwSignal::new(Vec::<String>::new());
    let note_ref: NodeRef<html::Input> = NodeRef::new();
    follow(f, editing, repair_target, ctx.account, errors, note_ref);
    let id = ctx.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let Some(mut draft) = f.draft() else {
            errors.set(vec![ui.t(Key::ErrDateMissing).to_string()]);
            return;
        };
        let edit = editing.get_untracked();
        if edit.is_none() && draft.who.trim().is_empty() {
            // A shared client's booking says who booked it.
            if let Some(name) = team.and_then(|t| t.booker_for(&id)) {
                draft.who = name;
            }
        }
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
