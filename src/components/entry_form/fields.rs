//! The entry form's fields, the choices it remembers per client, and the
//! rules that keep the fields in step.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use kbr_core::model::{dates, CategoryId, ClientId, Direction, Entry, EntryId, Party};
use kbr_core::validate::{suggested_weight, EntryDraft};
use leptos::html;
use leptos::prelude::*;

use crate::state::client::ShownAccount;

/// What the form remembers per client between entries.
#[derive(Clone, Debug)]
pub(super) struct Defaults {
    pub(super) party: Party,
    pub(super) direction: Direction,
    pub(super) category: String,
    pub(super) who: String,
}

thread_local! {
    pub(super) static DEFAULTS: RefCell<HashMap<ClientId, Defaults>> = RefCell::new(HashMap::new());
}

/// The form's fields, shared with its parts.
#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub(super) party: RwSignal<Party>,
    pub(super) direction: RwSignal<Direction>,
    pub(super) category: RwSignal<String>,
    pub(super) weight: RwSignal<u8>,
    /// The user picked the weight: a category change no longer resets it.
    pub(super) weight_touched: RwSignal<bool>,
    pub(super) who: RwSignal<String>,
    pub(super) note: RwSignal<String>,
    pub(super) date: RwSignal<String>,
    pub(super) repairs: RwSignal<Option<EntryId>>,
}

impl Fields {
    /// Empty fields with the choices remembered for this client.
    pub(super) fn new(remembered: Option<Defaults>, today: NaiveDate) -> Fields {
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
    pub(super) fn load(&self, e: &Entry) {
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
    pub(super) fn draft(&self) -> Option<EntryDraft> {
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
    pub(super) fn clear(&self, today: NaiveDate) {
        self.note.set(String::new());
        self.date.set(today.to_string());
        self.repairs.set(None);
        self.weight_touched.set(false);
    }
}

/// Keeps the fields in step: a new category suggests its weight (unless
/// the user chose one), an entry chosen for editing is loaded, a
/// withdrawal chosen to make good starts a deposit of its party.
pub(super) fn follow(
    f: Fields,
    editing: RwSignal<Option<EntryId>>,
    repair_target: RwSignal<Option<EntryId>>,
    account: ShownAccount,
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
