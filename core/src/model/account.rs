//! One client relationship as one unit of storage, import and merge.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answers::Response;
use super::client::Client;
use super::dispute::Dispute;
use super::entry::{CategoryId, Direction, Entry, Party, Points};
use super::ids::{DisputeId, EntryId, MomentId, ResponseId, RoundId, StockTakeId};
use super::moment::Moment;
use super::round::Round;

/// A user-defined category, kept with the account that uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCategory {
    /// `own-…`, unique within the account.
    pub id: CategoryId,
    /// Which party it is for.
    pub party: Party,
    /// Deposit or withdrawal.
    pub direction: Direction,
    /// The user's label (shown in both languages as typed).
    pub label: String,
}

/// A dated review (balans opmaken): the figures at that moment, a
/// reflection and agreed actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockTake {
    /// Unique within the account (0 in records written before ids existed;
    /// the restore step numbers them).
    #[serde(default)]
    pub id: StockTakeId,
    /// The review date.
    #[serde(with = "crate::model::dates::iso")]
    pub date: NaiveDate,
    /// Our saldo at that moment.
    pub supplier_saldo: Points,
    /// The client's saldo at that moment.
    pub client_saldo: Points,
    /// The status of our saldo at that moment (its stable code).
    pub status: String,
    /// What the account manager sees.
    #[serde(default)]
    pub reflection: String,
    /// What was agreed to do next.
    #[serde(default)]
    pub actions: String,
}

/// What kind of record a tombstone stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TombstoneKind {
    /// An entry.
    Entry,
    /// An interaction moment.
    Moment,
    /// An assessment.
    Assessment,
    /// A client-invite round.
    Round,
    /// A followed-up dispute.
    Dispute,
}

/// The memory of a deletion, so that a merge with a version that still has
/// the record does not bring it back, and a calendar export can cancel it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Tombstone {
    /// What was deleted.
    pub kind: TombstoneKind,
    /// Its id.
    pub id: u64,
    /// When (kept for [`Account::TOMBSTONE_DAYS`] days).
    #[serde(with = "crate::model::dates::iso")]
    pub on: NaiveDate,
}

/// An entry taken out of an account, with what linked to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedEntry {
    /// The entry.
    pub entry: Entry,
    /// Deposits that made it good (their links were cleared).
    pub repaired_by: Vec<EntryId>,
    /// Moments whose action was booked as this entry.
    pub booked_by: Vec<MomentId>,
    /// Disputes about this entry (they go with it), and disputes whose
    /// "withdrawal of ours" it was (that link was cleared).
    #[serde(default)]
    pub disputes: Vec<Dispute>,
}

/// Everything stored for one client.
///
/// Invariant: `entries`, `moments` and `assessments` are sorted by id, so
/// lookups by id are binary searches and the stored form is the same
/// however the records came in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Details and settings.
    pub client: Client,
    /// User-defined categories.
    #[serde(default)]
    pub own_categories: Vec<OwnCategory>,
    /// The ledger, sorted by id (computations do not depend on the order).
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// Stock-takes, oldest first.
    #[serde(default)]
    pub stock_takes: Vec<StockTake>,
    /// Interaction moments with their answers and actions.
    #[serde(default)]
    pub moments: Vec<Moment>,
    /// Dated self-assessments (hostmanship, integrity, …), any definition.
    #[serde(default)]
    pub assessments: Vec<Response>,
    /// Late payments and disputes followed up, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    /// Client-invite rounds with the answers received, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    /// Deletions not to be undone by a merge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tombstones: Vec<Tombstone>,
}

impl Account {
    /// How long a tombstone is kept: long after every open tab has saved
    /// or reloaded, short enough not to grow without bound.
    pub const TOMBSTONE_DAYS: i64 = 90;

    /// A new, empty account.
    pub fn new(client: Client) -> Account {
        Account {
            client,
            own_categories: Vec::new(),
            entries: Vec::new(),
            stock_takes: Vec::new(),
            moments: Vec::new(),
            assessments: Vec::new(),
            disputes: Vec::new(),
            rounds: Vec::new(),
            tombstones: Vec::new(),
        }
    }

    /// The client-invite round with `id`, if any.
    pub fn round(&self, id: RoundId) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The round with `id`, to change it in place.
    pub fn round_mut(&mut self, id: RoundId) -> Option<&mut Round> {
        self.rounds.iter_mut().find(|r| r.id == id)
    }

    fn entry_index(&self, id: EntryId) -> Result<usize, usize> {
        self.entries.binary_search_by_key(&id, |e| e.id)
    }

    /// The entry with `id`, if any.
    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.entry_index(id).ok().map(|i| &self.entries[i])
    }

    /// The entry with `id`, to change it in place.
    pub fn entry_mut(&mut self, id: EntryId) -> Option<&mut Entry> {
        self.entry_index(id).ok().map(|i| &mut self.entries[i])
    }

    /// Puts `entry` in its place by id, replacing one with the same id.
    /// Returns the replaced entry.
    pub fn put_entry(&mut self, entry: Entry) -> Option<Entry> {
        match self.entry_index(entry.id) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i], entry)),
            Err(i) => {
                self.entries.insert(i, entry);
                None
            }
        }
    }

    /// Restores the sorted-by-id invariant (after reading a record or a
    /// file written in any order).
    pub fn sort_entries(&mut self) {
        if !self.entries.windows(2).all(|w| w[0].id < w[1].id) {
            super::order::sort_by_key(&mut self.entries, |e| (0, e.id.0));
        }
    }

    /// The id for the next entry in sequence (one above the highest):
    /// for demo data and records made without an [`super::IdSource`].
    pub fn next_entry_id(&self) -> EntryId {
        EntryId(self.entries.last().map_or(1, |e| e.id.0 + 1))
    }

    /// The next moment id in sequence (see [`Account::next_entry_id`]).
    pub fn next_moment_id(&self) -> MomentId {
        MomentId(
            self.moments
                .iter()
                .map(|m| m.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// The next assessment id in sequence (see [`Account::next_entry_id`]).
    pub fn next_response_id(&self) -> ResponseId {
        ResponseId(
            self.assessments
                .iter()
                .map(|r| r.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// The next stock-take id in sequence.
    pub fn next_stock_take_id(&self) -> StockTakeId {
        StockTakeId(
            self.stock_takes
                .iter()
                .map(|s| s.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// The moment with `id`.
    pub fn moment(&self, id: MomentId) -> Option<&Moment> {
        self.moments.iter().find(|m| m.id == id)
    }

    /// The moment with `id`, to change it in place.
    pub fn moment_mut(&mut self, id: MomentId) -> Option<&mut Moment> {
        self.moments.iter_mut().find(|m| m.id == id)
    }

    /// The assessment with `id`.
    pub fn assessment(&self, id: ResponseId) -> Option<&Response> {
        self.assessments.iter().find(|r| r.id == id)
    }

    /// Takes entry `id` out, with the links that pointed at it: repairs of
    /// a deleted withdrawal and the booking of a moment's action would
    /// otherwise dangle. The result puts everything back via
    /// [`Account::restore_entry`].
    pub fn remove_entry(&mut self, id: EntryId) -> Option<RemovedEntry> {
        let i = self.entry_index(id).ok()?;
        let entry = self.entries.remove(i);
        let mut repaired_by = Vec::new();
        for e in self.entries.iter_mut().filter(|e| e.repairs == Some(id)) {
            e.repairs = None;
            repaired_by.push(e.id);
        }
        let mut booked_by = Vec::new();
        for m in &mut self.moments {
            if let Some(a) = m.action.as_mut().filter(|a| a.booked == Some(id)) {
                a.booked = None;
                booked_by.push(m.id);
            }
        }
        let mut disputes = Vec::new();
        self.disputes.retain(|d| {
            let about = d.entry == id;
            if about || d.ours == Some(id) {
                disputes.push(d.clone());
            }
            !about
        });
        for d in self.disputes.iter_mut().filter(|d| d.ours == Some(id)) {
            d.ours = None;
        }
        Some(RemovedEntry {
            entry,
            repaired_by,
            booked_by,
            disputes,
        })
    }

    /// Undoes [`Account::remove_entry`]: the entry and its links come back
    /// where nothing else took their place meanwhile.
    pub fn restore_entry(&mut self, removed: RemovedEntry) {
        let id = removed.entry.id;
        if self.entry(id).is_some() {
            return;
        }
        self.put_entry(removed.entry);
        for e in self
            .entries
            .iter_mut()
            .filter(|e| removed.repaired_by.contains(&e.id) && e.repairs.is_none())
        {
            e.repairs = Some(id);
        }
        for m in self
            .moments
            .iter_mut()
            .filter(|m| removed.booked_by.contains(&m.id))
        {
            if let Some(a) = m.action.as_mut().filter(|a| a.booked.is_none()) {
                a.booked = Some(id);
            }
        }
        for old in removed.disputes {
            match self.disputes.iter_mut().find(|d| d.id == old.id) {
                Some(d) if d.ours.is_none() => d.ours = old.ours,
                Some(_) => {}
                None => {
                    let at = self.disputes.partition_point(|d| d.id < old.id);
                    self.disputes.insert(at, old);
                }
            }
        }
    }

    /// The followed-up dispute with `id`, if any.
    pub fn dispute(&self, id: DisputeId) -> Option<&Dispute> {
        self.disputes.iter().find(|d| d.id == id)
    }

    /// Records the deletion of `kind` `id` on `on`.
    pub fn bury(&mut self, kind: TombstoneKind, id: u64, on: NaiveDate) {
        if !self.is_buried(kind, id) {
            self.tombstones.push(Tombstone { kind, id, on });
        }
    }

    /// Forgets the deletion of `kind` `id` (undo brought it back).
    pub fn unbury(&mut self, kind: TombstoneKind, id: u64) {
        self.tombstones.retain(|t| !(t.kind == kind && t.id == id));
    }

    /// Whether `kind` `id` was deleted.
    pub fn is_buried(&self, kind: TombstoneKind, id: u64) -> bool {
        self.tombstones.iter().any(|t| t.kind == kind && t.id == id)
    }

    /// Drops tombstones older than [`Account::TOMBSTONE_DAYS`].
    pub fn prune_tombstones(&mut self, today: NaiveDate) {
        self.tombstones
            .retain(|t| today.signed_duration_since(t.on).num_days() <= Self::TOMBSTONE_DAYS);
    }

    /// The assessments of `definition`, oldest first (by date, then id).
    pub fn assessments_of(&self, definition: &str) -> Vec<&Response> {
        let mut list: Vec<&Response> = self
            .assessments
            .iter()
            .filter(|r| r.definition == definition)
            .collect();
        super::order::sort_by_key(&mut list, |r| (super::order::day(r.date), r.id.0));
        list
    }

    /// The earliest entry date.
    pub fn first_entry_date(&self) -> Option<NaiveDate> {
        self.entries.iter().map(|e| e.date).min()
    }

    /// The latest entry date.
    pub fn last_entry_date(&self) -> Option<NaiveDate> {
        self.entries.iter().map(|e| e.date).max()
    }

    /// The newest stock-take by date.
    pub fn last_stock_take(&self) -> Option<&StockTake> {
        self.stock_takes.iter().max_by_key(|s| (s.date, s.id))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ClientId, Weight};
    use super::*;

    fn entry(id: u64) -> Entry {
        Entry {
            id: EntryId(id),
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            party: Party::Supplier,
            direction: Direction::Deposit,
            category: CategoryId::new("sd-delivered"),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        }
    }

    #[test]
    fn entries_stay_sorted_by_id_and_are_found_by_it() {
        let mut a = Account::new(Client::new(ClientId::from_random(1), "X"));
        assert_eq!(a.next_entry_id(), EntryId(1));
        for id in [41, 3, 1 << 40, 7] {
            assert!(a.put_entry(entry(id)).is_none());
        }
        let ids: Vec<u64> = a.entries.iter().map(|e| e.id.0).collect();
        assert_eq!(ids, vec![3, 7, 41, 1 << 40]);
        assert!(a.entry(EntryId(41)).is_some());
        assert!(a.entry(EntryId(42)).is_none());
        let mut changed = entry(7);
        changed.note = "x".into();
        assert_eq!(a.put_entry(changed).map(|e| e.id), Some(EntryId(7)));
        assert_eq!(a.entry(EntryId(7)).unwrap().note, "x");
        assert_eq!(a.next_entry_id(), EntryId((1 << 40) + 1));
    }

    #[test]
    fn tombstones_are_kept_ninety_days() {
        let mut a = Account::new(Client::new(ClientId::from_random(1), "X"));
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        a.bury(TombstoneKind::Entry, 5, d(1, 1));
        a.bury(TombstoneKind::Entry, 5, d(1, 2));
        assert_eq!(a.tombstones.len(), 1);
        assert!(a.is_buried(TombstoneKind::Entry, 5));
        a.prune_tombstones(d(4, 1));
        assert_eq!(a.tombstones.len(), 1, "90 days after 1 Jan is 1 Apr");
        a.prune_tombstones(d(4, 2));
        assert!(a.tombstones.is_empty());
    }
}
