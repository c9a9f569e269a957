//! Combining two tabs' versions of one account without losing work.
//!
//! Both tabs started from the same stored version (the *base*). A merge
//! compares each record (the client's details, every entry, moment,
//! assessment, stock-take and own category) by its stable id, and inside a
//! record field by field:
//!
//! - a field only one side changed takes that side's value;
//! - a field both sides changed to the same value takes it;
//! - a field both sides changed to different values is a **conflict**: the
//!   merge keeps this tab's value for now and lists it, and the user
//!   chooses ([`resolve`]). Nothing is dropped silently.
//!
//! A record one side added is kept. A record one side deleted (absent there,
//! or buried in its tombstones) is deleted, unless the other side changed
//! it: that is a conflict too (keep or delete). An entry's party, direction
//! and category change together, as one field, so a merge never combines
//! a category with a party it does not belong to. Links that a merge leaves
//! dangling (a repair of a deleted withdrawal, two repairs of one
//! withdrawal, a booking of a deleted entry) are cleared and reported.
//! The rule is written in `docs/DOMAIN.md` ("Two tabs").

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Account, Dispute, DisputeId, EntryId, Round, RoundId, TombstoneKind};

/// Which record a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// The client's details and settings.
    Client,
    /// An own category.
    Category(String),
    /// An entry.
    Entry(u64),
    /// An interaction moment.
    Moment(u64),
    /// An assessment.
    Assessment(u64),
    /// A stock-take.
    StockTake(u64),
}

/// Two different changes to one thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The record.
    pub record: Record,
    /// The field (`None`: the whole record, changed on one side and deleted
    /// on the other).
    pub field: Option<String>,
    /// This tab's value (`None`: deleted here).
    pub mine: Option<Value>,
    /// The other tab's value (`None`: deleted there).
    pub theirs: Option<Value>,
}

/// What a merge gives: the combined account (holding this tab's value for
/// every conflict until the user chooses), the conflicts, and the links it
/// had to clear.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The combined account.
    pub account: Account,
    /// Fields changed differently on both sides.
    pub conflicts: Vec<Conflict>,
    /// Links cleared because what they pointed at is gone.
    pub cleared_links: usize,
}

/// The side a user picks for a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// This tab.
    Mine,
    /// The other tab.
    Theirs,
}

fn to_map<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Field groups that change together: an entry's kind.
fn group(kind: &RecordKind, key: &str) -> String {
    match (kind, key) {
        (RecordKind::Entry, "party" | "direction" | "category") => "kind".to_string(),
        _ => key.to_string(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RecordKind {
    Client,
    Category,
    Entry,
    Moment,
    Assessment,
    StockTake,
}

fn fields_of(kind: &RecordKind, map: &Map<String, Value>) -> BTreeMap<String, Value> {
    let mut out: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for (k, v) in map {
        out.entry(group(kind, k))
            .or_default()
            .insert(k.clone(), v.clone());
    }
    out.into_iter()
        .map(|(g, m)| {
            // A single-key group is its value; a group is an object.
            if m.len() == 1 && m.contains_key(&g) {
                (g.clone(), m.get(&g).cloned().unwrap_or(Value::Null))
            } else {
                (g, Value::Object(m))
            }
        })
        .collect()
}

fn unfold(kind: &RecordKind, fields: BTreeMap<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (g, v) in fields {
        match (kind, g.as_str(), v) {
            (RecordKind::Entry, "kind", Value::Object(m)) => out.extend(m),
            (_, _, v) => {
                out.insert(g, v);
            }
        }
    }
    out
}

/// Merges one record present on all three sides, field by field.
fn merge_fields(
    kind: RecordKind,
    record: &Record,
    base: &Map<String, Value>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let (b, m, t) = (
        fields_of(&kind, base),
        fields_of(&kind, mine),
        fields_of(&kind, theirs),
    );
    let keys: std::collections::BTreeSet<&String> =
        b.keys().chain(m.keys()).chain(t.keys()).collect();
    let mut out = BTreeMap::new();
    for k in keys {
        let (bv, mv, tv) = (b.get(k), m.get(k), t.get(k));
        let chosen = if mv == tv || tv == bv {
            mv
        } else if mv == bv {
            tv
        } else {
            conflicts.push(Conflict {
                record: record.clone(),
                field: Some(k.clone()),
                mine: mv.cloned(),
                theirs: tv.cloned(),
            });
            mv
        };
        if let Some(v) = chosen {
            out.insert(k.clone(), v.clone());
        }
    }
    unfold(&kind, out)
}

/// Merges a list of records identified by `id_of`, the three-way way.
#[allow(clippy::too_many_arguments)]
fn merge_records<T, K>(
    kind: RecordKind,
    base: &[T],
    mine: &[T],
    theirs: &[T],
    id_of: impl Fn(&T) -> K,
    record_of: impl Fn(&K) -> Record,
    buried: impl Fn(&K) -> bool,
    conflicts: &mut Vec<Conflict>,
) -> Vec<T>
where
    T: Serialize + DeserializeOwned + Clone + PartialEq,
    K: Ord + Clone,
{
    let index =
        |list: &[T]| -> BTreeMap<K, T> { list.iter().map(|r| (id_of(r), r.clone())).collect() };
    let (b, m, t) = (index(base), index(mine), index(theirs));
    let mut ids: Vec<K> = m.keys().chain(t.keys()).cloned().collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let (bv, mv, tv) = (b.get(&id), m.get(&id), t.get(&id));
        let record = record_of(&id);
        let kept: Option<T> = match (bv, mv, tv) {
            (_, Some(x), Some(y)) if x == y => Some(x.clone()),
            (Some(base), Some(x), Some(y)) => {
                let map = merge_fields(
                    kind,
                    &record,
                    &to_map(base),
                    &to_map(x),
                    &to_map(y),
                    conflicts,
                );
                serde_json::from_value(Value::Object(map))
                    .ok()
                    .or_else(|| Some(x.clone()))
            }
            // Added on both sides under one id (the same replica picked twice).
            (None, Some(x), Some(y)) => {
                conflicts.push(Conflict {
                    record,
                    field: None,
                    mine: serde_json::to_value(x).ok(),
                    theirs: serde_json::to_value(y).ok(),
                });
                Some(x.clone())
            }
            // Deleted there.
            (Some(base), Some(x), None) => {
                if x == base {
                    None
                } else {
                    conflicts.push(Conflict {
                        record,
                        field: None,
                        mine: serde_json::to_value(x).ok(),
                        theirs: None,
                    });
                    Some(x.clone())
                }
            }
            // Deleted here.
            (Some(base), None, Some(y)) => {
                if y == base {
                    None
                } else {
                    conflicts.push(Conflict {
                        record,
                        field: None,
                        mine: None,
                        theirs: serde_json::to_value(y).ok(),
                    });
                    Some(y.clone())
                }
            }
            // Added on one side, unless the other side buried it.
            (None, Some(x), None) | (None, None, Some(x)) => (!buried(&id)).then(|| x.clone()),
            (_, None, None) => None,
        };
        out.extend(kept);
    }
    out
}

/// Merges this tab's version (`mine`) with the other tab's (`theirs`),
/// both made from `base`, on `today` (old tombstones are pruned).
pub fn merge(base: &Account, mine: &Account, theirs: &Account, today: NaiveDate) -> Merged {
    let mut conflicts = Vec::new();
    let mut tombstones = mine.tombstones.clone();
    for t in &theirs.tombstones {
        if !tombstones.iter().any(|x| x.kind == t.kind && x.id == t.id) {
            tombstones.push(*t);
        }
    }
    let buried =
        |kind: TombstoneKind, id: u64| tombstones.iter().any(|t| t.kind == kind && t.id == id);
    let client_map = merge_fields(
        RecordKind::Client,
        &Record::Client,
        &to_map(&base.client),
        &to_map(&mine.client),
        &to_map(&theirs.client),
        &mut conflicts,
    );
    let client =
        serde_json::from_value(Value::Object(client_map)).unwrap_or_else(|_| mine.client.clone());
    let own_categories = merge_records(
        RecordKind::Category,
        &base.own_categories,
        &mine.own_categories,
        &theirs.own_categories,
        |c| c.id.as_str().to_string(),
        |id| Record::Category(id.clone()),
        |_| false,
        &mut conflicts,
    );
    let entries = merge_records(
        RecordKind::Entry,
        &base.entries,
        &mine.entries,
        &theirs.entries,
        |e| e.id.0,
        |id| Record::Entry(*id),
        |id| buried(TombstoneKind::Entry, *id),
        &mut conflicts,
    );
    let moments = merge_records(
        RecordKind::Moment,
        &base.moments,
        &mine.moments,
        &theirs.moments,
        |m| m.id.0,
        |id| Record::Moment(*id),
        |id| buried(TombstoneKind::Moment, *id),
        &mut conflicts,
    );
    let assessments = merge_records(
        RecordKind::Assessment,
        &base.assessments,
        &mine.assessments,
        &theirs.assessments,
        |r| r.id.0,
        |id| Record::Assessment(*id),
        |id| buried(TombstoneKind::Assessment, *id),
        &mut conflicts,
    );
    let mut stock_takes = merge_records(
        RecordKind::StockTake,
        &base.stock_takes,
        &mine.stock_takes,
        &theirs.stock_takes,
        |s| s.id.0,
        |id| Record::StockTake(*id),
        |_| false,
        &mut conflicts,
    );
    crate::model::order::sort_by_key(&mut stock_takes, |s| {
        (crate::model::order::day(s.date), s.id.0)
    });
    let disputes = merge_disputes(&base.disputes, &mine.disputes, &theirs.disputes, |id| {
        buried(TombstoneKind::Dispute, id.0)
    });
    let rounds = merge_rounds(&base.rounds, &mine.rounds, &theirs.rounds, |id| {
        buried(TombstoneKind::Round, id.0)
    });
    let mut account = Account {
        client,
        own_categories,
        entries,
        stock_takes,
        moments,
        assessments,
        disputes,
        rounds,
        tombstones,
    };
    account.prune_tombstones(today);
    let cleared_links = clear_dangling_links(&mut account);
    Merged {
        account,
        conflicts,
        cleared_links,
    }
}

/// Merges three versions of one record (as JSON objects) field by field,
/// the rule [`merge`] applies to a record both sides kept: team sync
/// resolves one document at a time with it. A conflict keeps `mine` and is
/// listed. `base` may hold only some fields (those known to be the common
/// version); a field it lacks that the two sides set differently is a
/// conflict.
pub fn merge_record(
    record: &Record,
    base: &Map<String, Value>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> (Map<String, Value>, Vec<Conflict>) {
    let kind = match record {
        Record::Client => RecordKind::Client,
        Record::Category(_) => RecordKind::Category,
        Record::Entry(_) => RecordKind::Entry,
        Record::Moment(_) => RecordKind::Moment,
        Record::Assessment(_) => RecordKind::Assessment,
        Record::StockTake(_) => RecordKind::StockTake,
    };
    let mut conflicts = Vec::new();
    let map = merge_fields(kind, record, base, mine, theirs, &mut conflicts);
    (map, conflicts)
}

/// Client-invite rounds merge without asking: a round is a set of answers
/// that only grows, so both sides' answers are kept (per contact the one
/// received last; on the same day this tab's), "booked" keeps the side that
/// set it, and "skip our own assessment" follows the side that changed it.
/// A deleted round stays deleted.
pub(crate) fn merge_rounds(
    base: &[Round],
    mine: &[Round],
    theirs: &[Round],
    buried: impl Fn(RoundId) -> bool,
) -> Vec<Round> {
    let mut out: Vec<Round> = Vec::new();
    for r in mine.iter().chain(theirs) {
        if buried(r.id) || out.iter().any(|x| x.id == r.id) {
            continue;
        }
        let find = |list: &[Round]| list.iter().find(|x| x.id == r.id).cloned();
        let (b, m, t) = (find(base), find(mine), find(theirs));
        let round = match (m, t) {
            (Some(m), Some(t)) => {
                let mut round = m.clone();
                let base_skip = b.as_ref().is_some_and(|b| b.skipped_self);
                round.skipped_self = if m.skipped_self == base_skip {
                    t.skipped_self
                } else {
                    m.skipped_self
                };
                for their in t.returns {
                    match round
                        .returns
                        .iter_mut()
                        .find(|x| x.participant == their.participant)
                    {
                        Some(ours) if their.received > ours.received => *ours = their,
                        Some(ours) => {
                            if ours.booked.is_none() && ours.answers == their.answers {
                                ours.booked = their.booked;
                            }
                        }
                        None => round.returns.push(their),
                    }
                }
                round
            }
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => continue,
        };
        out.push(round);
    }
    crate::model::order::sort_by_key(&mut out, |r| (crate::model::order::day(r.created), r.id.0));
    out
}

/// Followed-up disputes merge without asking: both sides' disputes are
/// kept; for one changed on both sides the side that changed it from the
/// common version wins, and an outcome recorded on either side is kept.
pub(crate) fn merge_disputes(
    base: &[Dispute],
    mine: &[Dispute],
    theirs: &[Dispute],
    buried: impl Fn(DisputeId) -> bool,
) -> Vec<Dispute> {
    let mut out: Vec<Dispute> = Vec::new();
    for d in mine.iter().chain(theirs) {
        if buried(d.id) || out.iter().any(|x| x.id == d.id) {
            continue;
        }
        let find = |list: &[Dispute]| list.iter().find(|x| x.id == d.id).cloned();
        let merged = match (find(base), find(mine), find(theirs)) {
            (b, Some(m), Some(t)) => {
                let mut x = if b.as_ref() == Some(&m) {
                    t.clone()
                } else {
                    m.clone()
                };
                x.solved = x.solved.or(m.solved).or(t.solved);
                x.closed = x.closed.or(m.closed).or(t.closed);
                x.ambassador |= m.ambassador || t.ambassador;
                x
            }
            (_, Some(x), None) | (_, None, Some(x)) => x,
            (_, None, None) => continue,
        };
        out.push(merged);
    }
    crate::model::order::sort_by_key(&mut out, |d| (0, d.id.0));
    out
}

/// Clears links a merge left pointing at nothing, or doubled: a repair of a
/// missing or already repaired withdrawal, a booking of a missing entry.
/// Returns how many were cleared.
pub fn clear_dangling_links(account: &mut Account) -> usize {
    let mut cleared = 0;
    let mut repaired: std::collections::HashSet<EntryId> = std::collections::HashSet::new();
    let exists: std::collections::HashSet<EntryId> = account.entries.iter().map(|e| e.id).collect();
    // Oldest repair first keeps its link; later ones pointing at the same
    // withdrawal lose theirs.
    let mut order: Vec<usize> = (0..account.entries.len()).collect();
    crate::model::order::sort_by_key(&mut order, |&i| {
        (
            crate::model::order::day(account.entries[i].date),
            account.entries[i].id.0,
        )
    });
    for i in order {
        let e = &mut account.entries[i];
        if let Some(r) = e.repairs {
            if !exists.contains(&r) || !repaired.insert(r) {
                e.repairs = None;
                cleared += 1;
            }
        }
    }
    for m in &mut account.moments {
        if let Some(a) = m.action.as_mut() {
            if a.booked.is_some_and(|b| !exists.contains(&b)) {
                a.booked = None;
                cleared += 1;
            }
        }
    }
    // A dispute whose entry is gone goes with it; links of it to a missing
    // entry of ours or a missing bonding moment are cleared.
    let before = account.disputes.len();
    account.disputes.retain(|d| exists.contains(&d.entry));
    cleared += before - account.disputes.len();
    let moments: std::collections::HashSet<_> = account.moments.iter().map(|m| m.id).collect();
    for d in &mut account.disputes {
        if d.ours.is_some_and(|o| !exists.contains(&o)) {
            d.ours = None;
            cleared += 1;
        }
        if d.bonding.is_some_and(|m| !moments.contains(&m)) {
            d.bonding = None;
            cleared += 1;
        }
    }
    for r in account.rounds.iter_mut().flat_map(|r| r.returns.iter_mut()) {
        if r.booked.is_some_and(|b| !exists.contains(&b)) {
            r.booked = None;
            cleared += 1;
        }
    }
    cleared
}

fn set_in<T: Serialize + DeserializeOwned>(
    list: &mut Vec<T>,
    kind: RecordKind,
    matches: impl Fn(&T) -> bool,
    field: Option<&str>,
    value: Option<&Value>,
) {
    let pos = list.iter().position(&matches);
    match (field, value, pos) {
        (None, None, Some(i)) => {
            list.remove(i);
        }
        (None, Some(v), Some(i)) => {
            if let Ok(x) = serde_json::from_value(v.clone()) {
                list[i] = x;
            }
        }
        (None, Some(v), None) => {
            if let Ok(x) = serde_json::from_value(v.clone()) {
                list.push(x);
            }
        }
        (Some(f), Some(v), Some(i)) => {
            let mut fields = fields_of(&kind, &to_map(&list[i]));
            fields.insert(f.to_string(), v.clone());
            if let Ok(x) = serde_json::from_value(Value::Object(unfold(&kind, fields))) {
                list[i] = x;
            }
        }
        _ => {}
    }
}

/// Applies the user's choice for one conflict to a merged account.
pub fn resolve(account: &mut Account, conflict: &Conflict, side: Side) {
    let value = match side {
        Side::Mine => conflict.mine.as_ref(),
        Side::Theirs => conflict.theirs.as_ref(),
    };
    let field = conflict.field.as_deref();
    match &conflict.record {
        Record::Client => {
            let mut list = vec![account.client.clone()];
            set_in(&mut list, RecordKind::Client, |_| true, field, value);
            if let Some(c) = list.pop() {
                account.client = c;
            }
        }
        Record::Category(id) => set_in(
            &mut account.own_categories,
            RecordKind::Category,
            |c| c.id.as_str() == id,
            field,
            value,
        ),
        Record::Entry(id) => {
            set_in(
                &mut account.entries,
                RecordKind::Entry,
                |e| e.id.0 == *id,
                field,
                value,
            );
            account.sort_entries();
        }
        Record::Moment(id) => set_in(
            &mut account.moments,
            RecordKind::Moment,
            |m| m.id.0 == *id,
            field,
            value,
        ),
        Record::Assessment(id) => set_in(
            &mut account.assessments,
            RecordKind::Assessment,
            |r| r.id.0 == *id,
            field,
            value,
        ),
        Record::StockTake(id) => set_in(
            &mut account.stock_takes,
            RecordKind::StockTake,
            |s| s.id.0 == *id,
            field,
            value,
        ),
    }
    clear_dangling_links(account);
}

/// A conflict's value as short text for the question shown to the user:
/// strings as they are, numbers and dates plain, deleted as `None`.
pub fn value_text(value: Option<&Value>) -> Option<String> {
    fn plain(v: &Value) -> String {
        match v {
            Value::String(s) => s.clone(),
            Value::Null => "—".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::Array(a) => a.iter().map(plain).collect::<Vec<_>>().join(", "),
            Value::Object(m) => m.values().map(plain).collect::<Vec<_>>().join(" · "),
        }
    }
    value.map(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::{apply, Command};
    use crate::demo;
    use crate::model::dates::test_dates::today;
    use crate::model::{CategoryId, Direction, Party};
    use crate::storage::check::validate_account;
    use crate::validate::EntryDraft;

    fn add(a: &mut Account, id: u64, note: &str) {
        apply(
            a,
            Command::AddEntry {
                id: EntryId(id),
                draft: EntryDraft {
                    date: today(),
                    party: Party::Supplier,
                    direction: Direction::Deposit,
                    category: CategoryId::new("sd-delivered"),
                    weight: 2,
                    who: String::new(),
                    note: note.into(),
                    repairs: None,
                },
            },
            today(),
        )
        .unwrap();
    }

    #[test]
    fn additions_on_both_sides_and_a_rename_survive() {
        let base = demo::synthetic(50, 1, today());
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        add(&mut mine, 1 << 33, "hier");
        add(&mut theirs, 2 << 33, "daar");
        theirs.client.name = "Nieuwe naam".into();
        theirs.client.thresholds.credit = 4;
        let m = merge(&base, &mine, &theirs, today());
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.account.entries.len(), 52);
        assert_eq!(m.account.client.name, "Nieuwe naam");
        assert_eq!(m.account.client.thresholds.credit, 4);
        assert_eq!(validate_account(&m.account), vec![]);
    }

    #[test]
    fn an_edit_here_and_an_addition_there_do_not_duplicate() {
        let base = demo::synthetic(50, 2, today());
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let id = base.entries[3].id;
        mine.entry_mut(id).unwrap().note = "bewerkt".into();
        add(&mut theirs, 2 << 33, "nieuw");
        let m = merge(&base, &mine, &theirs, today());
        assert!(m.conflicts.is_empty());
        assert_eq!(m.account.entries.len(), 51);
        assert_eq!(m.account.entry(id).unwrap().note, "bewerkt");
        let saldo = |a: &Account| {
            crate::account::ledger::entry_balances(&a.entries)
                .supplier
                .saldo()
        };
        assert_eq!(saldo(&m.account), saldo(&base) + 2);
    }

    #[test]
    fn different_fields_of_one_entry_combine_and_the_same_field_asks() {
        let base = demo::synthetic(20, 3, today());
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let id = base.entries[0].id;
        mine.entry_mut(id).unwrap().note = "mijn notitie".into();
        theirs.entry_mut(id).unwrap().who = "Piet".into();
        mine.client.notes = "hier".into();
        theirs.client.notes = "daar".into();
        let m = merge(&base, &mine, &theirs, today());
        let e = m.account.entry(id).unwrap();
        assert_eq!((e.note.as_str(), e.who.as_str()), ("mijn notitie", "Piet"));
        assert_eq!(m.conflicts.len(), 1);
        let c = &m.conflicts[0];
        assert_eq!(
            (c.record.clone(), c.field.as_deref()),
            (Record::Client, Some("notes"))
        );
        assert_eq!(
            m.account.client.notes, "hier",
            "this tab's value until chosen"
        );
        let mut resolved = m.account.clone();
        resolve(&mut resolved, c, Side::Theirs);
        assert_eq!(resolved.client.notes, "daar");
        assert_eq!(value_text(c.theirs.as_ref()).as_deref(), Some("daar"));
    }

    #[test]
    fn choosing_in_a_category_conflict_changes_that_category_only() {
        use crate::model::{CategoryId, Direction, OwnCategory, Party};
        let mut base = demo::example(today(), 5);
        for (id, label) in [("own-a", "Eerste"), ("own-b", "Tweede")] {
            base.own_categories.push(OwnCategory {
                id: CategoryId::new(id),
                party: Party::Supplier,
                direction: Direction::Deposit,
                label: label.into(),
            });
        }
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.own_categories[0].label = "Hier".into();
        theirs.own_categories[0].label = "Daar".into();
        let m = merge(&base, &mine, &theirs, today());
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].record, Record::Category("own-a".into()));
        let mut resolved = m.account.clone();
        resolve(&mut resolved, &m.conflicts[0], Side::Theirs);
        let labels: Vec<&str> = resolved
            .own_categories
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(labels, ["Daar", "Tweede"]);
    }

    #[test]
    fn choosing_in_a_moment_assessment_or_stock_take_conflict_changes_that_record_only() {
        let base = demo::example(today(), 6);
        assert!(base.moments.len() >= 2 && base.assessments.len() >= 2);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.moments[0].description = "Hier".into();
        theirs.moments[0].description = "Daar".into();
        mine.assessments[0].date = today();
        theirs.assessments[0].date = today() - chrono::Days::new(1);
        mine.stock_takes[0].reflection = "Hier".into();
        theirs.stock_takes[0].reflection = "Daar".into();
        let m = merge(&base, &mine, &theirs, today());
        assert_eq!(m.conflicts.len(), 3);
        let mut resolved = m.account.clone();
        for c in &m.conflicts {
            resolve(&mut resolved, c, Side::Theirs);
        }
        assert_eq!(resolved.moments[0].description, "Daar");
        assert_eq!(resolved.moments[1].description, base.moments[1].description);
        assert_eq!(resolved.assessments[0].date, today() - chrono::Days::new(1));
        assert_eq!(resolved.assessments[1].date, base.assessments[1].date);
        assert_eq!(resolved.stock_takes[0].reflection, "Daar");
    }

    #[test]
    fn deletions_stay_deleted_unless_the_other_side_changed_the_record() {
        let base = demo::example(today(), 4);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let gone = base.entries[5].id;
        let changed = base.entries[6].id;
        apply(&mut theirs, Command::RemoveEntry { id: gone }, today()).unwrap();
        apply(&mut theirs, Command::RemoveEntry { id: changed }, today()).unwrap();
        mine.entry_mut(changed).unwrap().note = "nog nodig".into();
        let m = merge(&base, &mine, &theirs, today());
        assert!(m.account.entry(gone).is_none());
        assert!(
            m.account.entry(changed).is_some(),
            "kept until the user chooses"
        );
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].theirs, None);
        let mut resolved = m.account.clone();
        resolve(&mut resolved, &m.conflicts[0], Side::Theirs);
        assert!(resolved.entry(changed).is_none());
        assert!(m.account.is_buried(TombstoneKind::Entry, gone.0));
    }

    #[test]
    fn a_kind_change_moves_party_direction_and_category_together() {
        let base = demo::synthetic(10, 5, today());
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let id = base.entries[0].id;
        {
            let e = mine.entry_mut(id).unwrap();
            e.party = Party::Client;
            e.direction = Direction::Withdrawal;
            e.category = CategoryId::new("cw-paid-late");
            e.repairs = None;
        }
        theirs.entry_mut(id).unwrap().weight = crate::model::Weight::new(5).unwrap();
        let m = merge(&base, &mine, &theirs, today());
        assert!(m.conflicts.is_empty());
        let e = m.account.entry(id).unwrap();
        assert_eq!(
            (e.party, e.category.as_str(), e.weight.get()),
            (Party::Client, "cw-paid-late", 5)
        );
    }

    #[test]
    fn two_repairs_of_one_withdrawal_keep_the_first() {
        let base = demo::example(today(), 6);
        let target = base
            .entries
            .iter()
            .find(|e| {
                e.direction == Direction::Withdrawal
                    && e.repairs.is_none()
                    && !base.entries.iter().any(|x| x.repairs == Some(e.id))
            })
            .unwrap()
            .clone();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        for (a, id) in [(&mut mine, 1u64 << 33), (&mut theirs, 2 << 33)] {
            let mut e = target.clone();
            e.id = EntryId(id);
            e.direction = Direction::Deposit;
            e.category = CategoryId::new(if e.party == Party::Supplier {
                "sd-responsibility"
            } else {
                "cd-kept-agreement"
            });
            e.repairs = Some(target.id);
            a.put_entry(e);
        }
        let m = merge(&base, &mine, &theirs, today());
        assert_eq!(m.cleared_links, 1);
        assert_eq!(
            m.account
                .entries
                .iter()
                .filter(|e| e.repairs == Some(target.id))
                .count(),
            1
        );
    }

    #[test]
    fn answers_to_a_round_from_both_tabs_are_kept_and_a_deleted_round_stays_deleted() {
        use crate::command::{apply, Command};
        use crate::i18n::Lang;
        use crate::model::{Answer, ClientReturn, RoundId};
        let mut base = demo::synthetic(5, 3, today());
        let (r1, r2) = (RoundId(11), RoundId(12));
        for id in [r1, r2] {
            let c = Command::CreateRound {
                id,
                lang: Lang::Nl,
                sender: "Eva, Jansen ICT".into(),
                register: crate::i18n::Register::Formal,
            };
            apply(&mut base, c, today()).unwrap();
        }
        let answer = |participant, v| Command::AddClientReturn {
            round: r1,
            answer: Box::new(ClientReturn {
                participant,
                name: String::new(),
                received: today(),
                version: 1,
                answers: [("cv-dialogue-listens".to_string(), Answer::Scale(v))].into(),
                booked: None,
            }),
        };
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        apply(&mut mine, answer(1, 2), today()).unwrap();
        apply(&mut theirs, answer(2, 5), today()).unwrap();
        apply(
            &mut theirs,
            Command::SkipOwnAssessment {
                round: r1,
                skip: true,
            },
            today(),
        )
        .unwrap();
        apply(&mut mine, Command::RemoveRound { id: r2 }, today()).unwrap();
        let m = merge(&base, &mine, &theirs, today());
        assert!(m.conflicts.is_empty());
        let round = m.account.round(r1).unwrap();
        assert_eq!(round.returns.len(), 2);
        assert!(round.skipped_self);
        assert!(m.account.round(r2).is_none());
        assert_eq!(validate_account(&m.account), vec![]);
    }
}
