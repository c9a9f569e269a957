//! Documents as CouchDB keeps them: a tree of revisions per document, of
//! which the leaves (the heads of the branches) keep their bodies, and a
//! sequence of changes. [`Database`] offers what the replication protocol
//! asks of each side, and [`replicate`] is one pass of that protocol from
//! a source to a target, with its checkpoint in `_local` documents on both
//! sides. The browser's replicator makes the same calls over HTTP; here it
//! models the browser's sync state and, in tests, the server.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use thiserror::Error;

use super::rev::{wins, Rev};

/// How much history a leaf keeps (CouchDB keeps 1000 by default): enough
/// to find where two branches of a record met, however long one was
/// offline; older revisions are forgotten (stemmed) as CouchDB does.
pub const REVS_LIMIT: usize = 100;

/// One revision as replication carries it (`_bulk_get` out, `_bulk_docs`
/// with `new_edits=false` in).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// The document id.
    pub id: String,
    /// This revision.
    pub rev: Rev,
    /// The revisions before it, parent first (what `_revisions` lists
    /// after the revision itself).
    pub ancestors: Vec<Rev>,
    /// A deletion (a tombstone: the document is gone on every side that
    /// receives it).
    pub deleted: bool,
    /// The body (empty for a deletion).
    pub body: Value,
}

/// The head of one branch of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaf {
    /// Its revision.
    pub rev: Rev,
    /// The revisions before it, parent first.
    pub ancestors: Vec<Rev>,
    /// A deletion.
    pub deleted: bool,
    /// Its body.
    pub body: Value,
}

/// One document's revisions: every id seen (for `_revs_diff`) and the
/// leaves with their bodies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocTree {
    seen: BTreeSet<Rev>,
    leaves: Vec<Leaf>,
}

impl DocTree {
    /// True when `rev` is known here (a leaf or an ancestor).
    pub fn has(&self, rev: &Rev) -> bool {
        self.seen.contains(rev)
    }

    /// Adds a revision; false when it was known. A leaf it descends from
    /// stops being a leaf.
    pub fn insert(&mut self, revision: Revision) -> bool {
        if self.seen.contains(&revision.rev) {
            return false;
        }
        self.seen.insert(revision.rev.clone());
        self.seen.extend(revision.ancestors.iter().cloned());
        self.leaves.retain(|l| !revision.ancestors.contains(&l.rev));
        let mut ancestors = revision.ancestors;
        ancestors.truncate(REVS_LIMIT);
        self.leaves.push(Leaf {
            rev: revision.rev,
            ancestors,
            deleted: revision.deleted,
            body: revision.body,
        });
        self.leaves.sort_by(|a, b| a.rev.cmp(&b.rev));
        true
    }

    /// Every leaf, by revision.
    pub fn leaves(&self) -> &[Leaf] {
        &self.leaves
    }

    /// The revision CouchDB shows: by [`wins`].
    pub fn winner(&self) -> Option<&Leaf> {
        self.leaves
            .iter()
            .fold(None, |best: Option<&Leaf>, l| match best {
                Some(b) if !wins(&l.rev, l.deleted, &b.rev, b.deleted) => Some(b),
                _ => Some(l),
            })
    }

    /// Live leaves other than the winner: the document's conflicts.
    pub fn conflicts(&self) -> Vec<&Leaf> {
        let winner = self.winner().map(|w| w.rev.clone());
        self.leaves
            .iter()
            .filter(|l| !l.deleted && Some(&l.rev) != winner.as_ref())
            .collect()
    }

    /// True when the document is there: its winner is not a deletion.
    pub fn is_live(&self) -> bool {
        self.winner().is_some_and(|w| !w.deleted)
    }
}

/// One row of `_changes`: a document changed at `seq`, with its leaves
/// (`style=all_docs`).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The update sequence of its last change.
    pub seq: u64,
    /// The document id.
    pub id: String,
    /// Its leaf revisions.
    pub leaves: Vec<Rev>,
}

/// A database: documents, their update sequence and `_local` documents
/// (which do not replicate).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Database {
    docs: BTreeMap<String, DocTree>,
    changed: BTreeMap<String, u64>,
    /// The same, by sequence: `_changes` reads a batch in order without
    /// going through every document.
    by_seq: BTreeMap<u64, String>,
    seq: u64,
    locals: BTreeMap<String, Value>,
}

impl Database {
    /// The sequence of the last change.
    pub fn update_seq(&self) -> u64 {
        self.seq
    }

    /// The documents' ids.
    pub fn ids(&self) -> impl Iterator<Item = &String> {
        self.docs.keys()
    }

    /// One document's revisions.
    pub fn tree(&self, id: &str) -> Option<&DocTree> {
        self.docs.get(id)
    }

    /// `_changes?since=…&style=all_docs&limit=…`: documents changed after
    /// `since`, oldest change first.
    pub fn changes(&self, since: u64, limit: usize) -> Vec<Change> {
        self.by_seq
            .range(since.saturating_add(1)..)
            .take(limit)
            .map(|(&seq, id)| Change {
                seq,
                id: id.clone(),
                leaves: self.docs[id]
                    .leaves()
                    .iter()
                    .map(|l| l.rev.clone())
                    .collect(),
            })
            .collect()
    }

    /// How many documents changed after `since` (a push's "waiting").
    pub fn changed_since(&self, since: u64) -> usize {
        self.by_seq.range(since.saturating_add(1)..).count()
    }

    fn mark_changed(&mut self, id: String) {
        if let Some(old) = self.changed.insert(id.clone(), self.seq) {
            self.by_seq.remove(&old);
        }
        self.by_seq.insert(self.seq, id);
    }

    /// `_revs_diff`: of the revisions offered per document, those not
    /// known here.
    pub fn revs_diff(&self, offered: &BTreeMap<String, Vec<Rev>>) -> BTreeMap<String, Vec<Rev>> {
        offered
            .iter()
            .filter_map(|(id, revs)| {
                let missing: Vec<Rev> = revs
                    .iter()
                    .filter(|r| !self.docs.get(id).is_some_and(|t| t.has(r)))
                    .cloned()
                    .collect();
                (!missing.is_empty()).then(|| (id.clone(), missing))
            })
            .collect()
    }

    /// `_bulk_get` of one leaf revision with its history (`revs=true`).
    pub fn get(&self, id: &str, rev: &Rev) -> Option<Revision> {
        let leaf = self.docs.get(id)?.leaves().iter().find(|l| &l.rev == rev)?;
        Some(Revision {
            id: id.to_string(),
            rev: leaf.rev.clone(),
            ancestors: leaf.ancestors.clone(),
            deleted: leaf.deleted,
            body: leaf.body.clone(),
        })
    }

    /// `_bulk_docs` with `new_edits=false`: stores revisions as they are,
    /// branches and all. Returns how many were new.
    pub fn put_revisions(&mut self, revisions: Vec<Revision>) -> usize {
        let mut added = 0;
        for revision in revisions {
            let id = revision.id.clone();
            if self.docs.entry(id.clone()).or_default().insert(revision) {
                self.seq += 1;
                self.mark_changed(id);
                added += 1;
            }
        }
        added
    }

    /// A local edit (`new_edits=true`): a new revision on top of the
    /// winner, or the first; `None` deletes. Returns the revision written,
    /// or nothing when it changes nothing (the same body, or deleting what
    /// is not there).
    pub fn edit(&mut self, id: &str, body: Option<Value>) -> Option<Revision> {
        let winner = self.docs.get(id).and_then(DocTree::winner);
        let deleted = body.is_none();
        let body = body.unwrap_or_else(|| json!({}));
        match winner {
            Some(w) if w.deleted == deleted && w.body == body => return None,
            None if deleted => return None,
            _ => {}
        }
        // A document deleted and made again continues its history.
        let revision = child_of(id, winner, deleted, body);
        self.put_revisions(vec![revision.clone()]);
        Some(revision)
    }

    /// A `_local` document (a checkpoint).
    pub fn local(&self, id: &str) -> Option<&Value> {
        self.locals.get(id)
    }

    /// Writes a `_local` document.
    pub fn put_local(&mut self, id: &str, body: Value) {
        self.locals.insert(id.to_string(), body);
    }
}

/// The stored sync state could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoredError {
    /// Written by a newer version of the app.
    #[error("sync state of a newer version ({0})")]
    Newer(u64),
    /// Not the shape this version writes.
    #[error("sync state unreadable: {0}")]
    Shape(&'static str),
}

/// The format of the stored sync state.
const STORED_VERSION: u64 = 1;

impl Database {
    /// The database as it is kept beside the accounts: per document its
    /// sequence and leaves, a leaf as `[rev, [ancestor hashes], deleted,
    /// body]` (an ancestor's generation follows from its place), and the
    /// `_local` documents. Compact, since it counts against the browser's
    /// storage like the accounts do.
    pub fn to_stored(&self) -> Value {
        let docs: Vec<Value> = self
            .docs
            .iter()
            .map(|(id, tree)| {
                let leaves: Vec<Value> = tree
                    .leaves
                    .iter()
                    .map(|l| {
                        let hashes: Vec<&str> = l.ancestors.iter().map(Rev::hash).collect();
                        json!([l.rev.to_string(), hashes, u8::from(l.deleted), l.body])
                    })
                    .collect();
                json!([id, self.changed.get(id).copied().unwrap_or(0), leaves])
            })
            .collect();
        json!({ "v": STORED_VERSION, "seq": self.seq, "docs": docs, "locals": self.locals })
    }

    /// Reads back what [`Database::to_stored`] wrote.
    pub fn from_stored(value: &Value) -> Result<Database, StoredError> {
        let shape = StoredError::Shape;
        match value.get("v").and_then(Value::as_u64) {
            Some(STORED_VERSION) => {}
            Some(n) if n > STORED_VERSION => return Err(StoredError::Newer(n)),
            _ => return Err(shape("no version")),
        }
        let seq = value
            .get("seq")
            .and_then(Value::as_u64)
            .ok_or(shape("no sequence"))?;
        let mut db = Database {
            seq,
            ..Database::default()
        };
        if let Some(Value::Object(locals)) = value.get("locals") {
            db.locals = locals.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        }
        let docs = value
            .get("docs")
            .and_then(Value::as_array)
            .ok_or(shape("no documents"))?;
        for doc in docs {
            let (Some(id), Some(changed), Some(leaves)) = (
                doc.get(0).and_then(Value::as_str),
                doc.get(1).and_then(Value::as_u64),
                doc.get(2).and_then(Value::as_array),
            ) else {
                return Err(shape("a bad document"));
            };
            let mut tree = DocTree::default();
            for leaf in leaves {
                let rev = leaf
                    .get(0)
                    .and_then(Value::as_str)
                    .and_then(Rev::parse)
                    .ok_or(shape("a bad revision"))?;
                let hashes = leaf
                    .get(1)
                    .and_then(Value::as_array)
                    .ok_or(shape("a bad history"))?;
                let mut ancestors = Vec::with_capacity(hashes.len());
                for (n, hash) in hashes.iter().enumerate() {
                    let generation = rev
                        .generation()
                        .checked_sub(n as u64 + 1)
                        .filter(|g| *g > 0);
                    let text = format!(
                        "{}-{}",
                        generation.ok_or(shape("a bad history"))?,
                        hash.as_str().unwrap_or("")
                    );
                    ancestors.push(Rev::parse(&text).ok_or(shape("a bad history"))?);
                }
                let deleted = leaf
                    .get(2)
                    .and_then(Value::as_u64)
                    .ok_or(shape("a bad leaf"))?
                    == 1;
                let body = leaf.get(3).cloned().ok_or(shape("a bad leaf"))?;
                tree.seen.insert(rev.clone());
                tree.seen.extend(ancestors.iter().cloned());
                tree.leaves.push(Leaf {
                    rev,
                    ancestors,
                    deleted,
                    body,
                });
            }
            tree.leaves.sort_by(|a, b| a.rev.cmp(&b.rev));
            if changed > seq {
                return Err(shape("a change after the last sequence"));
            }
            if db.by_seq.insert(changed, id.to_string()).is_some() {
                return Err(shape("two documents at one sequence"));
            }
            db.changed.insert(id.to_string(), changed);
            db.docs.insert(id.to_string(), tree);
        }
        Ok(db)
    }
}

/// The revision that follows `parent` (none: a new document).
pub fn child_of(id: &str, parent: Option<&Leaf>, deleted: bool, body: Value) -> Revision {
    let rev = Rev::next(parent.map(|p| &p.rev), deleted, &body);
    let ancestors = parent
        .map(|p| {
            std::iter::once(p.rev.clone())
                .chain(p.ancestors.iter().cloned())
                .collect()
        })
        .unwrap_or_default();
    Revision {
        id: id.to_string(),
        rev,
        ancestors,
        deleted,
        body,
    }
}

/// What one replication pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pass {
    /// Revisions the target did not have and now has.
    pub written: usize,
    /// The source sequence it reached (the new checkpoint).
    pub last_seq: u64,
}

/// One pass of the replication protocol from `source` to `target`:
/// start from the checkpoint both sides agree on (`_local/<replication>`,
/// else from the beginning), read `_changes` in batches, ask the target
/// which leaves it lacks (`_revs_diff`), fetch them with their history
/// (`_bulk_get`), write them as they are (`_bulk_docs`, `new_edits=false`),
/// and record the checkpoint on both sides after each batch.
pub fn replicate(
    source: &mut Database,
    target: &mut Database,
    replication: &str,
    batch: usize,
) -> Pass {
    let key = format!("_local/{replication}");
    let since = match (source.local(&key), target.local(&key)) {
        (Some(a), Some(b)) if a == b => a.get("last_seq").and_then(Value::as_u64).unwrap_or(0),
        _ => 0,
    };
    let mut pass = Pass {
        written: 0,
        last_seq: since,
    };
    loop {
        let changes = source.changes(pass.last_seq, batch.max(1));
        let Some(last) = changes.last().map(|c| c.seq) else {
            break;
        };
        let offered: BTreeMap<String, Vec<Rev>> =
            changes.into_iter().map(|c| (c.id, c.leaves)).collect();
        let missing = target.revs_diff(&offered);
        let revisions: Vec<Revision> = missing
            .iter()
            .flat_map(|(id, revs)| revs.iter().filter_map(|r| source.get(id, r)))
            .collect();
        pass.written += target.put_revisions(revisions);
        pass.last_seq = last;
        let checkpoint = json!({ "last_seq": last });
        source.put_local(&key, checkpoint.clone());
        target.put_local(&key, checkpoint);
    }
    pass
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: i64) -> Value {
        json!({ "n": n })
    }

    #[test]
    fn an_edit_descends_from_the_winner_and_a_same_edit_writes_nothing() {
        let mut db = Database::default();
        let first = db.edit("d", Some(body(1))).unwrap();
        let second = db.edit("d", Some(body(2))).unwrap();
        assert_eq!(second.ancestors, vec![first.rev.clone()]);
        assert_eq!(db.edit("d", Some(body(2))), None);
        assert_eq!(db.tree("d").unwrap().leaves().len(), 1);
        let gone = db.edit("d", None).unwrap();
        assert!(gone.deleted);
        assert!(!db.tree("d").unwrap().is_live());
        assert_eq!(db.edit("d", None), None);
        assert_eq!(db.update_seq(), 3);
    }

    #[test]
    fn replication_brings_branches_and_both_sides_see_one_winner() {
        let (mut a, mut b, mut server) = (
            Database::default(),
            Database::default(),
            Database::default(),
        );
        a.edit("d", Some(body(1)));
        replicate(&mut a, &mut server, "a", 10);
        replicate(&mut server, &mut b, "b", 10);
        a.edit("d", Some(body(2)));
        b.edit("d", Some(body(3)));
        replicate(&mut a, &mut server, "a", 10);
        replicate(&mut b, &mut server, "b-up", 10);
        replicate(&mut server, &mut a, "a-down", 10);
        replicate(&mut server, &mut b, "b", 10);
        for db in [&a, &b, &server] {
            let tree = db.tree("d").unwrap();
            assert_eq!(tree.leaves().len(), 2);
            assert_eq!(tree.conflicts().len(), 1);
        }
        assert_eq!(a.tree("d").unwrap().winner(), b.tree("d").unwrap().winner());
    }

    #[test]
    fn a_checkpoint_skips_what_was_replicated_and_batches_cover_everything() {
        let (mut a, mut server) = (Database::default(), Database::default());
        for i in 0..25 {
            a.edit(&format!("d{i}"), Some(body(i)));
        }
        let pass = replicate(&mut a, &mut server, "a", 10);
        assert_eq!((pass.written, pass.last_seq), (25, 25));
        assert_eq!(server.ids().count(), 25);
        let again = replicate(&mut a, &mut server, "a", 10);
        assert_eq!((again.written, again.last_seq), (0, 25));
        // A target that lost its checkpoint starts over, and writes nothing
        // it has.
        server.put_local("_local/a", json!({ "last_seq": 3 }));
        let over = replicate(&mut a, &mut server, "a", 7);
        assert_eq!((over.written, over.last_seq), (0, 25));
    }

    #[test]
    fn the_stored_state_reads_back_the_same_and_refuses_what_it_cannot_read() {
        let (mut a, mut b, mut server) = (
            Database::default(),
            Database::default(),
            Database::default(),
        );
        for i in 0..5 {
            a.edit(&format!("d{i}"), Some(body(i)));
        }
        a.edit("d1", None);
        replicate(&mut a, &mut server, "a", 10);
        replicate(&mut server, &mut b, "b", 10);
        a.edit("d2", Some(body(20)));
        b.edit("d2", Some(body(21)));
        replicate(&mut b, &mut server, "b-up", 10);
        replicate(&mut server, &mut a, "a-down", 10);
        let stored = a.to_stored();
        let back =
            Database::from_stored(&serde_json::from_str(&stored.to_string()).unwrap()).unwrap();
        assert_eq!(back, a);
        assert_eq!(back.tree("d2").unwrap().conflicts().len(), 1);
        let mut newer = stored.clone();
        newer["v"] = json!(2);
        assert_eq!(Database::from_stored(&newer), Err(StoredError::Newer(2)));
        for bad in [
            json!({}),
            json!({ "v": 1, "seq": 1, "docs": [["d", 9, []]] }),
            json!({ "v": 1, "seq": 3, "docs": [["d", 1, [["2-a", ["x", "y"], 0, {}]]]] }),
        ] {
            assert!(
                matches!(Database::from_stored(&bad), Err(StoredError::Shape(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn history_is_stemmed_at_the_limit() {
        let mut db = Database::default();
        for i in 0..(REVS_LIMIT as i64 + 20) {
            db.edit("d", Some(body(i)));
        }
        let leaf = &db.tree("d").unwrap().leaves()[0];
        assert_eq!(leaf.ancestors.len(), REVS_LIMIT);
        assert_eq!(leaf.rev.generation(), REVS_LIMIT as u64 + 20);
    }

    #[test]
    fn revs_diff_names_only_unknown_revisions() {
        let mut db = Database::default();
        let r = db.edit("d", Some(body(1))).unwrap();
        let other = Rev::parse("1-zzz").unwrap();
        let offered = BTreeMap::from([
            ("d".to_string(), vec![r.rev.clone(), other.clone()]),
            ("e".to_string(), vec![other.clone()]),
        ]);
        let missing = db.revs_diff(&offered);
        assert_eq!(missing["d"], vec![other.clone()]);
        assert_eq!(missing["e"], vec![other]);
    }
}
