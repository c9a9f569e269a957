//! A shared client's account in and out of its documents.
//!
//! - [`commit`]: what the user changed (the account before and after a
//!   command) becomes new revisions: a changed record a child of the
//!   winning revision, a removed record a deletion (a tombstone, which
//!   replication carries to everyone).
//! - [`resolve`]: a document that two people changed from one version has
//!   two live branches. Every device resolves it the same way, using only
//!   what the branches hold: the first branch in CouchDB's winning order
//!   whose record is sound is merged field by field with each other one,
//!   against the fields both were changed from (the `was` their bodies
//!   keep); the result becomes a child of the winning branch and every
//!   other branch is deleted. Equal inputs give equal revision ids, so two
//!   devices resolving at once agree instead of conflicting again. A field
//!   both changed differently keeps the first branch's value and is
//!   returned for a person to decide.
//! - [`read`]: the account from the winning revisions, bad documents left
//!   out ([`super::doc::assemble`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::doc::{assemble, body, record_of, records, Assembled, DocId, DocKind, Quarantine};
use super::tree::{child_of, Database, DocTree, Leaf, Revision};
use crate::model::{Account, ClientId, Dispute, Round};
use crate::storage::merge::{merge, merge_disputes, merge_record, merge_rounds, Conflict, Record};

/// The winning record of a document, when it is there and sound.
fn current(db: &Database, id: &DocId) -> Option<Value> {
    let leaf = db.tree(&id.to_string())?.winner()?;
    if leaf.deleted {
        return None;
    }
    record_of(id, &leaf.body).ok()
}

/// Writes the user's change (`before` → `after`, one client) into `db` as
/// local edits; without `before` (a client just shared) every record is
/// written. Returns the revisions written.
pub fn commit(db: &mut Database, before: Option<&Account>, after: &Account) -> usize {
    let (old, new) = (before.map(records).unwrap_or_default(), records(after));
    let mut written = 0;
    for (id, record) in &new {
        if old.get(id) == Some(record) {
            continue;
        }
        let was = current(db, id);
        if was.as_ref() == Some(record) {
            continue;
        }
        let doc = body(id.kind, record, was.as_ref());
        written += usize::from(db.edit(&id.to_string(), Some(doc)).is_some());
    }
    for id in old.keys().filter(|id| !new.contains_key(id)) {
        written += usize::from(db.edit(&id.to_string(), None).is_some());
    }
    written
}

/// The record a conflict names, for a document of `kind` under `key`.
fn record_name(kind: DocKind, key: &str) -> Option<Record> {
    let n = key.parse::<u64>();
    Some(match kind {
        DocKind::Client => Record::Client,
        DocKind::Category => Record::Category(key.to_string()),
        DocKind::Entry => Record::Entry(n.ok()?),
        DocKind::Moment => Record::Moment(n.ok()?),
        DocKind::Assessment => Record::Assessment(n.ok()?),
        DocKind::StockTake => Record::StockTake(n.ok()?),
        DocKind::Dispute | DocKind::Round => return None,
    })
}

fn object(value: Option<&Value>) -> Map<String, Value> {
    match value {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    }
}

/// The fields both branches were changed from, as far as they agree.
fn common_base(a: &Leaf, b: &Leaf) -> Map<String, Value> {
    let (x, y) = (object(a.body.get("was")), object(b.body.get("was")));
    x.into_iter().filter(|(k, v)| y.get(k) == Some(v)).collect()
}

/// Merges records that merge without asking (disputes, rounds) through
/// their own rule, over one-record lists.
fn merge_listed<T>(
    base: &Map<String, Value>,
    mine: &Value,
    theirs: &Value,
    rule: impl Fn(&[T], &[T], &[T]) -> Vec<T>,
) -> Option<Value>
where
    T: Serialize + DeserializeOwned,
{
    let parse = |v: &Value| serde_json::from_value::<T>(v.clone()).ok();
    let base: Vec<T> = parse(&Value::Object(base.clone())).into_iter().collect();
    let merged = rule(&base, &[parse(mine)?], &[parse(theirs)?]);
    merged
        .into_iter()
        .next()
        .and_then(|r| serde_json::to_value(r).ok())
}

/// Merges `theirs` into `mine` for a document of `id`'s kind.
fn merge_two(
    id: &DocId,
    base: &Map<String, Value>,
    mine: &Value,
    theirs: &Value,
) -> (Value, Vec<Conflict>) {
    match id.kind {
        DocKind::Dispute => {
            let merged = merge_listed::<Dispute>(base, mine, theirs, |b, m, t| {
                merge_disputes(b, m, t, |_| false)
            });
            (merged.unwrap_or_else(|| mine.clone()), Vec::new())
        }
        DocKind::Round => {
            let merged = merge_listed::<Round>(base, mine, theirs, |b, m, t| {
                merge_rounds(b, m, t, |_| false)
            });
            (merged.unwrap_or_else(|| mine.clone()), Vec::new())
        }
        kind => match record_name(kind, &id.key) {
            Some(record) => {
                let (map, conflicts) =
                    merge_record(&record, base, &object(Some(mine)), &object(Some(theirs)));
                (Value::Object(map), conflicts)
            }
            None => (mine.clone(), Vec::new()),
        },
    }
}

/// The revisions that resolve one document's branches, and the conflicts
/// a person must decide. Nothing when it has one live branch.
fn resolution(id: &DocId, tree: &DocTree) -> (Vec<Revision>, Vec<Conflict>) {
    let key = id.to_string();
    let live: Vec<&Leaf> = tree.leaves().iter().filter(|l| !l.deleted).collect();
    if live.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let Some(winner) = tree.winner() else {
        return (Vec::new(), Vec::new());
    };
    // Branches in winning order, the sound ones merged.
    let mut order = live.clone();
    order.sort_by(|a, b| b.rev.cmp(&a.rev));
    let sound: Vec<(&Leaf, Value)> = order
        .iter()
        .filter_map(|l| record_of(id, &l.body).ok().map(|r| (*l, r)))
        .collect();
    let mut conflicts = Vec::new();
    let mut out = Vec::new();
    if let Some(((first, record), rest)) = sound.split_first() {
        let mut merged = record.clone();
        for (leaf, theirs) in rest {
            let (next, found) = merge_two(id, &common_base(first, leaf), &merged, theirs);
            merged = next;
            conflicts.extend(found);
        }
        let winner_record = record_of(id, &winner.body).ok();
        if winner_record.as_ref() != Some(&merged) {
            let doc = body(id.kind, &merged, winner_record.as_ref().or(Some(record)));
            out.push(child_of(&key, Some(winner), false, doc));
        }
    }
    for leaf in live.iter().filter(|l| l.rev != winner.rev) {
        out.push(child_of(&key, Some(leaf), true, json!({})));
    }
    (out, conflicts)
}

/// Resolves every document of `client` with more than one live branch
/// (see the module's text). Returns the conflicts a person must decide.
pub fn resolve(db: &mut Database, client: &ClientId) -> Vec<Conflict> {
    let mut revisions = Vec::new();
    let mut conflicts = Vec::new();
    let ids: Vec<DocId> = db
        .ids()
        .filter_map(|k| DocId::parse(k))
        .filter(|id| &id.client == client)
        .collect();
    for id in ids {
        if let Some(tree) = db.tree(&id.to_string()) {
            let (r, c) = resolution(&id, tree);
            revisions.extend(r);
            conflicts.extend(c);
        }
    }
    db.put_revisions(revisions);
    conflicts
}

/// `client`'s account as the winning revisions hold it.
pub fn read(db: &Database, client: &ClientId) -> Assembled {
    read_keeping(db, client, None)
}

/// [`read`], with the records of `mine` standing in for documents that are
/// quarantined: a bad document arriving for a record never removes the
/// sound version this browser has (nor does this browser then write its
/// version over a document it cannot read, which may be a newer app's).
pub fn read_keeping(db: &Database, client: &ClientId, mine: Option<&Account>) -> Assembled {
    let mut found = BTreeMap::new();
    let mut bad = Vec::new();
    for key in db.ids() {
        let Some(id) = DocId::parse(key) else {
            continue;
        };
        if &id.client != client {
            continue;
        }
        let Some(leaf) = db.tree(key).and_then(DocTree::winner) else {
            continue;
        };
        if leaf.deleted {
            continue;
        }
        match record_of(&id, &leaf.body) {
            Ok(record) => {
                found.insert(id, record);
            }
            Err(q) => bad.push((key.clone(), q)),
        }
    }
    let mut assembled = assemble(client, &found);
    bad.append(&mut assembled.quarantined);
    if let (Some(mine), false) = (mine, bad.is_empty()) {
        let own = records(mine);
        for (key, _) in &bad {
            if let Some((id, record)) = DocId::parse(key).and_then(|id| own.get_key_value(&id)) {
                found.insert(id.clone(), record.clone());
            }
        }
        let kept = assemble(client, &found);
        if kept.account.is_some() {
            assembled.account = kept.account;
        }
    }
    assembled.quarantined = bad;
    assembled
}

/// The clients whose documents changed in `db` after sequence `since`,
/// and the sequence now: what a pull touched.
pub fn touched(db: &Database, since: u64) -> (BTreeSet<ClientId>, u64) {
    let clients = db
        .changes(since, usize::MAX)
        .into_iter()
        .filter_map(|c| DocId::parse(&c.id).map(|id| id.client))
        .collect();
    (clients, db.update_seq())
}

/// Deletes every live document of `client` (a shared client deleted
/// here): the deletions reach the whole team. Returns how many.
pub fn remove(db: &mut Database, client: &ClientId) -> usize {
    let keys: Vec<String> = db
        .ids()
        .filter(|k| DocId::parse(k).is_some_and(|id| &id.client == client))
        .filter(|k| db.tree(k).is_some_and(DocTree::is_live))
        .cloned()
        .collect();
    keys.iter().filter(|k| db.edit(k, None).is_some()).count()
}

/// What arrived for one client, made into the account this browser keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct Absorbed {
    /// The account to keep; `None`: the team deleted the client (or never
    /// had it).
    pub account: Option<Account>,
    /// Fields changed differently by two people, for a person to decide
    /// (the account holds the first one's value until then).
    pub conflicts: Vec<Conflict>,
    /// Documents not applied, with the reason.
    pub quarantined: Vec<(String, Quarantine)>,
}

/// Takes what a pull brought for `client` into the account this browser
/// keeps. `agreed`: the account as this browser last exchanged it with
/// `db`; `mine`: the account now. Conflicting branches are resolved first
/// ([`resolve`]); a change made here since `agreed` is merged field by
/// field with the team's ([`merge`]), so neither side's booking is lost,
/// and written into `db`: afterwards the account returned is what `db`
/// holds (the next `agreed`).
pub fn absorb(
    db: &mut Database,
    client: &ClientId,
    agreed: Option<&Account>,
    mine: Option<&Account>,
    today: NaiveDate,
) -> Absorbed {
    let mut conflicts = resolve(db, client);
    let read = read_keeping(db, client, mine);
    let client_doc = DocId::client(client).to_string();
    let client_bad = read.quarantined.iter().any(|(k, _)| k == &client_doc);
    let account = match (read.account, mine) {
        (None, mine) if client_bad => mine.cloned(),
        (None, _) => None,
        (Some(theirs), Some(mine)) if agreed != Some(mine) && &theirs != mine => {
            let base = agreed
                .cloned()
                .unwrap_or_else(|| Account::new(theirs.client.clone()));
            let merged = merge(&base, mine, &theirs, today);
            conflicts.extend(merged.conflicts);
            // This browser's changes go in at once: what is kept and what
            // the database holds agree again.
            commit(db, Some(&theirs), &merged.account);
            Some(merged.account)
        }
        (Some(theirs), _) => Some(theirs),
    };
    Absorbed {
        account,
        conflicts,
        quarantined: read.quarantined,
    }
}
