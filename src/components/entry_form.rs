//! Quick entry: party, deposit/withdrawal, category, weight, who, note,
//! date, and optionally the withdrawal this deposit makes good. Built for
//! the keyboard: Enter books, and the choices stay for the next entry.

use std::cell::RefCell;
use std::collections::HashMap;

use kbr_core::catalogue::{self, CategoryRef};
use kbr_core::i18n::{format_date, Key};
use kbr_core::model::{CategoryId, ClientId, Direction, EntryId, OwnCategory, Party};
use kbr_core::validate::{clean_text, suggested_weight, validate_entry, EntryDraft, Field};
use leptos::html;
use leptos::prelude::*;

use crate::components::client_form::parse_date;
use crate::components::weight_picker::WeightPicker;
use crate::state::use_ui;
use crate::store::{use_store, Undo};

/// What the form remembers per client between entries.
#[derive(Clone, Debug)]
struct Defaults {
    party: Party,
    direction: Direction,
    category: String,
    who: String,
}

thread_local! {
    static DEFAULTS: RefCell<HashMap<String, Defaults>> = RefCell::new(HashMap::new());
}

/// The entry form of one client.
#[component]
pub fn EntryForm(
    /// The client the entry is for.
    client: ClientId,
    /// Set to an entry id to edit that entry; the form clears it when done.
    editing: RwSignal<Option<EntryId>>,
    /// Set to a withdrawal's id to book a deposit that makes up for it.
    repair_target: RwSignal<Option<EntryId>>,
    /// Withdrawals not made good yet, oldest first (from the page summary).
    open_repairs: Memo<Vec<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let remembered = DEFAULTS.with(|d| d.borrow().get(client.as_str()).cloned());
    let party = RwSignal::new(remembered.as_ref().map_or(Party::Supplier, |d| d.party));
    let direction = RwSignal::new(
        remembered
            .as_ref()
            .map_or(Direction::Deposit, |d| d.direction),
    );
    let category = RwSignal::new(
        remembered
            .as_ref()
            .map(|d| d.category.clone())
            .unwrap_or_default(),
    );
    let weight = RwSignal::new(2u8);
    let who = RwSignal::new(remembered.map(|d| d.who).unwrap_or_default());
    let note = RwSignal::new(String::new());
    let date = RwSignal::new(store.today.to_string());
    let repairs = RwSignal::new(None::<EntryId>);
    let errors = RwSignal::new(Vec::<String>::new());
    let new_category = RwSignal::new(None::<String>);
    let note_ref: NodeRef<html::Input> = NodeRef::new();
    let category_ref: NodeRef<html::Select> = NodeRef::new();

    let cid = client.clone();
    let options = Memo::new(move |_| {
        let lang = ui.lang.get();
        let (p, d) = (party.get(), direction.get());
        store
            .read(&cid, |a| {
                catalogue::for_kind(a, p, d)
                    .into_iter()
                    .map(|c: CategoryRef<'_>| {
                        (
                            c.id().to_string(),
                            c.label(lang).to_string(),
                            c.hint(lang).unwrap_or("").to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // Keep the chosen category valid for the chosen party and direction.
    Effect::new(move |_| {
        let opts = options.get();
        if !opts.iter().any(|(id, ..)| *id == category.get_untracked()) {
            if let Some((id, ..)) = opts.first() {
                category.set(id.clone());
            }
        }
    });
    let cid = client.clone();
    Effect::new(move |_| {
        let c = CategoryId::new(&category.get());
        if editing.get_untracked().is_none() {
            weight.set(
                store
                    .with_account(&cid, |a| suggested_weight(a, &c))
                    .unwrap_or(2),
            );
        }
    });
    let cid = client.clone();
    let people = Memo::new(move |_| {
        // Distinct names first (by their interned index), then text: the
        // ledger may hold 10k entries but only a handful of people.
        let distinct: std::collections::HashSet<kbr_core::intern::Name> = store
            .read(&cid, |a| a.entries.iter().map(|e| e.who).collect())
            .unwrap_or_default();
        let mut p: Vec<String> = distinct
            .into_iter()
            .filter(|w| !w.is_empty())
            .map(|w| w.to_string())
            .collect();
        p.sort();
        p
    });
    let cid = client.clone();
    let repair_options = Memo::new(move |_| {
        let lang = ui.lang.get();
        let mut open = open_repairs.get();
        store
            .read(&cid, |a| {
                // While editing, the entry's own link stays selectable.
                if let Some(current) = repairs.get_untracked() {
                    if !open.contains(&current) {
                        open.push(current);
                    }
                }
                open.into_iter()
                    .filter_map(|id| a.entry(id))
                    .map(|e| {
                        let label = catalogue::find(a, &e.category)
                            .map(|c| c.label(lang).to_string())
                            .unwrap_or_default();
                        (
                            e.id,
                            format!("{} · {} · {}", format_date(e.date, lang), label, e.note),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });

    // Load an entry for editing.
    let cid = client.clone();
    Effect::new(move |_| {
        if let Some(id) = editing.get() {
            if let Some(e) = store.with_account(&cid, |a| a.entry(id).cloned()).flatten() {
                party.set(e.party);
                direction.set(e.direction);
                category.set(e.category.as_str().to_string());
                weight.set(e.weight.get());
                who.set(e.who.to_string());
                note.set(e.note.clone());
                date.set(e.date.to_string());
                repairs.set(e.repairs);
                errors.set(Vec::new());
                if let Some(el) = note_ref.get() {
                    let _ = el.focus();
                }
            }
        }
    });
    // Start a repair: a deposit of the same party that makes good the withdrawal.
    let cid = client.clone();
    Effect::new(move |_| {
        if let Some(target) = repair_target.get() {
            if let Some(p) = store
                .with_account(&cid, |a| a.entry(target).map(|e| e.party))
                .flatten()
            {
                editing.set(None);
                party.set(p);
                direction.set(Direction::Deposit);
                repairs.set(Some(target));
                if let Some(el) = category_ref.get() {
                    let _ = el.focus();
                }
            }
            repair_target.set(None);
        }
    });

    let reset = move || {
        note.set(String::new());
        date.set(store.today.to_string());
        repairs.set(None);
        errors.set(Vec::new());
        editing.set(None);
    };

    let cid = client.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let Some(parsed_date) = parse_date(&date.get_untracked()) else {
            errors.set(vec![ui.t(Key::ErrDateMissing).to_string()]);
            return;
        };
        let draft = EntryDraft {
            date: parsed_date,
            party: party.get_untracked(),
            direction: direction.get_untracked(),
            category: CategoryId::new(&category.get_untracked()),
            weight: weight.get_untracked(),
            who: who.get_untracked(),
            note: note.get_untracked(),
            repairs: if direction.get_untracked() == Direction::Deposit {
                repairs.get_untracked()
            } else {
                None
            },
        };
        let edit = editing.get_untracked();
        let result = store.with_account(&cid, |a| {
            let id = edit.unwrap_or_else(|| a.next_entry_id());
            validate_entry(a, &draft, id, store.today).map(|e| (e, a.entry(id).cloned()))
        });
        match result {
            Some(Ok((entry, previous))) => {
                let saved = entry.clone();
                store.update(&cid, move |a| {
                    match a.entries.iter_mut().find(|e| e.id == saved.id) {
                        Some(slot) => *slot = saved,
                        None => a.entries.push(saved),
                    }
                });
                DEFAULTS.with(|d| {
                    d.borrow_mut().insert(
                        cid.0.clone(),
                        Defaults {
                            party: entry.party,
                            direction: entry.direction,
                            category: entry.category.as_str().to_string(),
                            who: entry.who.to_string(),
                        },
                    )
                });
                match previous {
                    Some(old) => store.notify(
                        ui.t(Key::EntryUpdated).to_string(),
                        Some(Undo::EntryEdit(cid.clone(), Box::new(old))),
                    ),
                    None => store.notify(
                        ui.t(Key::EntryAdded).to_string(),
                        Some(Undo::EntryAdded(cid.clone(), entry.id)),
                    ),
                }
                reset();
                if let Some(el) = note_ref.get() {
                    let _ = el.focus();
                }
            }
            Some(Err(errs)) => errors.set(errs.iter().map(|e| e.message(lang)).collect()),
            None => {}
        }
    };

    let cid = client.clone();
    let add_category = move || {
        let Some(label) = new_category.get_untracked() else {
            return;
        };
        let lang = ui.lang.get_untracked();
        match clean_text(
            Field::Label,
            &label,
            kbr_core::model::limits::CATEGORY_LABEL,
            true,
        ) {
            Ok(label) => {
                let mut new_id = None;
                store.update(&cid, |a| {
                    let id = catalogue::new_own_id(a);
                    new_id = Some(id);
                    a.own_categories.push(OwnCategory {
                        id,
                        party: party.get_untracked(),
                        direction: direction.get_untracked(),
                        label,
                    });
                });
                if let Some(id) = new_id {
                    category.set(id.as_str().to_string());
                }
                new_category.set(None);
                errors.set(Vec::new());
            }
            Err(e) => errors.set(vec![e.message(lang)]),
        }
    };

    let toggle = move |label: Key, active: Signal<bool>, testid: &'static str, on: Callback<()>| {
        view! {
            <button type="button" class="seg" data-testid=testid aria-pressed=move || active.get().to_string()
                on:click=move |_| on.run(())>{move || ui.t(label)}</button>
        }
    };

    view! {
        <form class="panel form entry-form no-print" data-testid="entry-form" on:submit=submit novalidate>
            <h2>{move || ui.t(if editing.get().is_some() { Key::EditEntry } else { Key::NewEntry })}</h2>
            <div class="entry-grid">
                <div class="field">
                    <span id="party-label">{move || ui.t(Key::Party)}</span>
                    <div class="segmented" role="group" aria-labelledby="party-label">
                        {toggle(Key::PartySupplier, Signal::derive(move || party.get() == Party::Supplier), "party-supplier", Callback::new(move |_| party.set(Party::Supplier)))}
                        {toggle(Key::PartyClient, Signal::derive(move || party.get() == Party::Client), "party-client", Callback::new(move |_| party.set(Party::Client)))}
                    </div>
                </div>
                <div class="field">
                    <span id="direction-label">{move || ui.t(Key::Direction)}</span>
                    <div class="segmented" role="group" aria-labelledby="direction-label">
                        {toggle(Key::DirectionDeposit, Signal::derive(move || direction.get() == Direction::Deposit), "direction-deposit", Callback::new(move |_| direction.set(Direction::Deposit)))}
                        {toggle(Key::DirectionWithdrawal, Signal::derive(move || direction.get() == Direction::Withdrawal), "direction-withdrawal", Callback::new(move |_| direction.set(Direction::Withdrawal)))}
                    </div>
                </div>
                <label class="field wide">
                    <span>{move || ui.t(Key::Category)}</span>
                    <select data-testid="entry-category" node_ref=category_ref prop:value=move || category.get()
                        on:change=move |ev| category.set(event_target_value(&ev))>
                        {move || options.get().into_iter().map(|(id, label, hint)| {
                            let selected = id == category.get_untracked();
                            view! { <option value=id title=hint selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <WeightPicker weight=weight name="weight".to_string() />
                <label class="field">
                    <span>{move || ui.t(Key::FieldWho)}</span>
                    <input type="text" list="people-list" data-testid="entry-who" maxlength="120"
                        prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev)) />
                    <datalist id="people-list">
                        {move || people.get().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
                    </datalist>
                </label>
                <label class="field wide">
                    <span>{move || ui.t(Key::FieldNote)}</span>
                    <input type="text" data-testid="entry-note" node_ref=note_ref maxlength="2000"
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || ui.t(Key::Date)}</span>
                    <input type="date" data-testid="entry-date" prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev)) />
                </label>
                <Show when=move || direction.get() == Direction::Deposit && !repair_options.with(Vec::is_empty)>
                    <label class="field wide">
                        <span>{move || ui.t(Key::RepairsLabel)}</span>
                        <select data-testid="entry-repairs" prop:value=move || repairs.get().map(|r| r.0.to_string()).unwrap_or_default()
                            on:change=move |ev| repairs.set(event_target_value(&ev).parse().ok().map(EntryId))>
                            <option value="">{move || ui.t(Key::RepairsNone)}</option>
                            {move || repair_options.get().into_iter().map(|(id, label)| {
                                let selected = repairs.get_untracked() == Some(id);
                                view! { <option value=id.0.to_string() selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
            </div>
            {move || match new_category.get() {
                None => view! {
                    <button type="button" class="button link" data-testid="add-own-category"
                        on:click=move |_| new_category.set(Some(String::new()))>{move || ui.t(Key::AddOwnCategory)}</button>
                }.into_any(),
                Some(v) => view! {
                    <div class="inline-form">
                        <label class="field inline grow">
                            <span>{move || ui.t(Key::FieldLabel)}</span>
                            <input type="text" data-testid="own-category-label" prop:value=v maxlength="80"
                                on:input=move |ev| new_category.set(Some(event_target_value(&ev)))
                                on:keydown={let add = add_category.clone(); move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); add(); }} />
                        </label>
                        <button type="button" class="button small" data-testid="own-category-save" on:click={let add = add_category.clone(); move |_| add()}>{move || ui.t(Key::Add)}</button>
                        <button type="button" class="button small link" on:click=move |_| new_category.set(None)>{move || ui.t(Key::Cancel)}</button>
                    </div>
                }.into_any(),
            }}
            <Show when=move || !errors.get().is_empty()>
                <ul class="errors" role="alert" data-testid="entry-errors">
                    {move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ul>
            </Show>
            <div class="actions">
                <button type="submit" class="button primary" data-testid="entry-submit">
                    {move || ui.t(if editing.get().is_some() { Key::SaveEntry } else { Key::BookEntry })}
                </button>
                <Show when=move || editing.get().is_some()>
                    <button type="button" class="button" data-testid="entry-cancel-edit" on:click=move |_| reset()>{move || ui.t(Key::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}
