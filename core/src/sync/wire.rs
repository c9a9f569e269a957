//! The JSON of the CouchDB replication protocol, read and written here so
//! the browser's replicator only moves text: documents with their
//! `_revisions`, `_changes` pages, `_revs_diff`, `_bulk_get` (and the
//! `open_revs` answer a server without it gives), `_bulk_docs` with
//! `new_edits=false`, and checkpoints. A sequence is kept as the opaque
//! JSON value the server sent (a number on some servers, a string on
//! CouchDB 2 and later): it is only ever sent back.
//!
//! Everything read is checked: an answer of the wrong shape is an error,
//! never a panic, and leaves the caller's data as it was.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use thiserror::Error;

use super::canon::hash_hex;
use super::rev::Rev;
use super::tree::Revision;

/// An answer that is not what the protocol says.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum WireError {
    /// The answer is not of the expected shape.
    #[error("unexpected answer from the server: {0}")]
    Shape(&'static str),
    /// A revision id that is not one.
    #[error("a bad revision id from the server: {0}")]
    BadRev(String),
    /// A document whose `_revisions` do not lead to its `_rev`.
    #[error("document {0}: its history does not match its revision")]
    BadHistory(String),
}

/// The revision id in a field of an answer.
fn rev_of(text: Option<&str>) -> Result<Rev, WireError> {
    let text = text.unwrap_or("");
    Rev::parse(text).ok_or_else(|| WireError::BadRev(text.to_string()))
}

/// A document as CouchDB sends and takes it: the body's fields with
/// `_id`, `_rev`, `_revisions` (`revs=true`) and `_deleted`.
pub fn doc_json(revision: &Revision) -> Value {
    let mut doc = match &revision.body {
        Value::Object(m) => m.clone(),
        _ => Map::new(),
    };
    doc.insert("_id".into(), json!(revision.id));
    doc.insert("_rev".into(), json!(revision.rev.to_string()));
    let ids: Vec<&str> = std::iter::once(revision.rev.hash())
        .chain(revision.ancestors.iter().map(Rev::hash))
        .collect();
    doc.insert(
        "_revisions".into(),
        json!({ "start": revision.rev.generation(), "ids": ids }),
    );
    if revision.deleted {
        doc.insert("_deleted".into(), json!(true));
    }
    Value::Object(doc)
}

/// A revision from a document as CouchDB sends it.
pub fn revision_of(doc: &Value) -> Result<Revision, WireError> {
    let map = doc
        .as_object()
        .ok_or(WireError::Shape("a document is not an object"))?;
    let id = map
        .get("_id")
        .and_then(Value::as_str)
        .ok_or(WireError::Shape("a document without _id"))?
        .to_string();
    let rev_text = map
        .get("_rev")
        .and_then(Value::as_str)
        .ok_or(WireError::Shape("a document without _rev"))?;
    let rev = rev_of(Some(rev_text))?;
    let ancestors = match map.get("_revisions") {
        None => Vec::new(),
        Some(history) => {
            let start = history.get("start").and_then(Value::as_u64);
            let ids = history.get("ids").and_then(Value::as_array);
            let (Some(start), Some(ids)) = (start, ids) else {
                return Err(WireError::BadHistory(id));
            };
            if start != rev.generation()
                || ids.first().and_then(Value::as_str) != Some(rev.hash())
                || ids.len() as u64 > start
            {
                return Err(WireError::BadHistory(id));
            }
            let mut ancestors = Vec::with_capacity(ids.len().saturating_sub(1));
            for (n, hash) in ids.iter().enumerate().skip(1) {
                let text = format!("{}-{}", start - n as u64, hash.as_str().unwrap_or(""));
                ancestors.push(rev_of(Some(&text))?);
            }
            ancestors
        }
    };
    let deleted = map
        .get("_deleted")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let body: Map<String, Value> = map
        .iter()
        .filter(|(k, _)| !k.starts_with('_'))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Revision {
        id,
        rev,
        ancestors,
        deleted,
        body: Value::Object(body),
    })
}

/// One row of a `_changes` page (`style=all_docs`).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// Its sequence, as the server wrote it.
    pub seq: Value,
    /// The document.
    pub id: String,
    /// Its leaf revisions.
    pub revs: Vec<Rev>,
}

/// A page of `_changes`.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesPage {
    /// The rows.
    pub rows: Vec<ChangeRow>,
    /// Where the next page starts (the checkpoint once it is done).
    pub last_seq: Value,
    /// How many changes are left after this page, when the server says.
    pub pending: Option<u64>,
    /// How many rows the answer had, skipped ones included: none means
    /// caught up, while a page of only design documents still moves on.
    pub answered: usize,
}

/// A `_changes` answer. Rows for `_design/` documents are skipped: the
/// team's validation function is not the app's to copy.
pub fn changes_page(answer: &Value) -> Result<ChangesPage, WireError> {
    let results = answer
        .get("results")
        .and_then(Value::as_array)
        .ok_or(WireError::Shape("_changes without results"))?;
    let last_seq = answer
        .get("last_seq")
        .cloned()
        .ok_or(WireError::Shape("_changes without last_seq"))?;
    let mut rows = Vec::with_capacity(results.len());
    for row in results {
        let id = row
            .get("id")
            .and_then(Value::as_str)
            .ok_or(WireError::Shape("a change without id"))?;
        let changes = row
            .get("changes")
            .and_then(Value::as_array)
            .ok_or(WireError::Shape("a change without revisions"))?;
        let revs = changes
            .iter()
            .map(|c| rev_of(c.get("rev").and_then(Value::as_str)))
            .collect::<Result<Vec<_>, _>>()?;
        if id.starts_with("_design/") {
            continue;
        }
        rows.push(ChangeRow {
            seq: row.get("seq").cloned().unwrap_or(Value::Null),
            id: id.to_string(),
            revs,
        });
    }
    Ok(ChangesPage {
        rows,
        last_seq,
        pending: answer.get("pending").and_then(Value::as_u64),
        answered: results.len(),
    })
}

/// The body of `POST _revs_diff`.
pub fn revs_diff_request(offered: &BTreeMap<String, Vec<Rev>>) -> Value {
    let map: Map<String, Value> = offered
        .iter()
        .map(|(id, revs)| {
            let revs: Vec<String> = revs.iter().map(Rev::to_string).collect();
            (id.clone(), json!(revs))
        })
        .collect();
    Value::Object(map)
}

/// The revisions a `_revs_diff` answer says are missing.
pub fn revs_diff_missing(answer: &Value) -> Result<BTreeMap<String, Vec<Rev>>, WireError> {
    let map = answer
        .as_object()
        .ok_or(WireError::Shape("_revs_diff is not an object"))?;
    let mut out = BTreeMap::new();
    for (id, entry) in map {
        let missing = entry
            .get("missing")
            .and_then(Value::as_array)
            .ok_or(WireError::Shape("_revs_diff without missing"))?;
        let revs = missing
            .iter()
            .map(|m| rev_of(m.as_str()))
            .collect::<Result<Vec<_>, _>>()?;
        out.insert(id.clone(), revs);
    }
    Ok(out)
}

/// The body of `POST _bulk_get?revs=true`.
pub fn bulk_get_request(wanted: &BTreeMap<String, Vec<Rev>>) -> Value {
    let docs: Vec<Value> = wanted
        .iter()
        .flat_map(|(id, revs)| {
            revs.iter()
                .map(move |r| json!({ "id": id, "rev": r.to_string() }))
        })
        .collect();
    json!({ "docs": docs })
}

/// What a fetch of revisions gave: the revisions, and those the server
/// could not give (id, revision text, its reason).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fetched {
    /// The revisions.
    pub revisions: Vec<Revision>,
    /// What could not be had.
    pub failed: Vec<(String, String, String)>,
}

fn fetched_item(item: &Value, out: &mut Fetched) -> Result<(), WireError> {
    if let Some(doc) = item.get("ok") {
        out.revisions.push(revision_of(doc)?);
        return Ok(());
    }
    let error = item.get("error").unwrap_or(item);
    let text = |k: &str| {
        error
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let rev = match item.get("missing").and_then(Value::as_str) {
        Some(r) => r.to_string(),
        None => text("rev"),
    };
    let reason = if item.get("missing").is_some() {
        "missing".to_string()
    } else {
        text("error")
    };
    out.failed.push((text("id"), rev, reason));
    Ok(())
}

/// A `_bulk_get` answer.
pub fn bulk_get_results(answer: &Value) -> Result<Fetched, WireError> {
    let results = answer
        .get("results")
        .and_then(Value::as_array)
        .ok_or(WireError::Shape("_bulk_get without results"))?;
    let mut out = Fetched::default();
    for result in results {
        let docs = result
            .get("docs")
            .and_then(Value::as_array)
            .ok_or(WireError::Shape("_bulk_get result without docs"))?;
        for item in docs {
            fetched_item(item, &mut out)?;
        }
    }
    Ok(out)
}

/// The answer of `GET /db/<id>?revs=true&open_revs=[…]` with
/// `Accept: application/json`: the fallback for servers without
/// `_bulk_get`.
pub fn open_revs_results(answer: &Value) -> Result<Fetched, WireError> {
    let items = answer
        .as_array()
        .ok_or(WireError::Shape("open_revs is not a list"))?;
    let mut out = Fetched::default();
    for item in items {
        fetched_item(item, &mut out)?;
    }
    Ok(out)
}

/// The body of `POST _bulk_docs` that stores revisions as they are.
pub fn bulk_docs_request(revisions: &[Revision]) -> Value {
    let docs: Vec<Value> = revisions.iter().map(doc_json).collect();
    json!({ "docs": docs, "new_edits": false })
}

/// The documents a `_bulk_docs` answer refused (id, error, reason): with
/// `new_edits=false` a server answers only for those (a validation
/// function's `forbidden`, a member's `unauthorized`).
pub fn bulk_docs_refused(answer: &Value) -> Result<Vec<(String, String, String)>, WireError> {
    let items = answer
        .as_array()
        .ok_or(WireError::Shape("_bulk_docs is not a list"))?;
    Ok(items
        .iter()
        .filter(|i| i.get("error").is_some())
        .map(|i| {
            let text = |k: &str| i.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            (text("id"), text("error"), text("reason"))
        })
        .collect())
}

/// A checkpoint document's body: where this replication got to.
pub fn checkpoint(last_seq: &Value, session: &str) -> Value {
    json!({ "last_seq": last_seq, "session_id": session, "replicator": "klantbankrekening" })
}

/// The sequence to start from, given both sides' checkpoints: theirs when
/// they agree (same session), else from the beginning.
pub fn start_from(source: Option<&Value>, target: Option<&Value>) -> Option<Value> {
    let (s, t) = (source?, target?);
    let session = |v: &Value| v.get("session_id").cloned();
    (session(s).is_some() && session(s) == session(t) && s.get("last_seq") == t.get("last_seq"))
        .then(|| s.get("last_seq").cloned())
        .flatten()
}

/// The replication's id (the name of its `_local` checkpoint): stable for
/// this browser, this database and this direction.
pub fn replication_id(browser: &str, database_url: &str, direction: &str) -> String {
    hash_hex(format!("{browser}\n{database_url}\n{direction}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::tree::{child_of, Database};

    #[test]
    fn a_document_goes_out_and_back_with_its_history() {
        let mut db = Database::default();
        db.edit("kbr:c-1", Some(json!({ "kbr": 1, "kind": "client" })));
        let second = db
            .edit("kbr:c-1", Some(json!({ "kbr": 1, "n": 2 })))
            .unwrap();
        let doc = doc_json(&second);
        assert_eq!(doc["_revisions"]["start"], json!(2));
        assert_eq!(doc["_revisions"]["ids"].as_array().unwrap().len(), 2);
        assert_eq!(revision_of(&doc), Ok(second.clone()));
        let gone = child_of(
            "kbr:c-1",
            db.tree("kbr:c-1").unwrap().winner(),
            true,
            json!({}),
        );
        let back = revision_of(&doc_json(&gone)).unwrap();
        assert!(back.deleted);
        assert_eq!(back.ancestors.len(), 2);
    }

    #[test]
    fn a_history_that_does_not_lead_to_the_revision_is_refused() {
        for doc in [
            json!({ "_id": "d", "_rev": "2-bbb", "_revisions": { "start": 3, "ids": ["bbb", "aaa"] } }),
            json!({ "_id": "d", "_rev": "2-bbb", "_revisions": { "start": 2, "ids": ["ccc", "aaa"] } }),
            json!({ "_id": "d", "_rev": "1-bbb", "_revisions": { "start": 1, "ids": ["bbb", "aaa"] } }),
            json!({ "_id": "d", "_rev": "2-bbb", "_revisions": { "start": 2 } }),
        ] {
            assert_eq!(
                revision_of(&doc),
                Err(WireError::BadHistory("d".into())),
                "{doc}"
            );
        }
        assert!(matches!(
            revision_of(&json!({ "_id": "d", "_rev": "x" })),
            Err(WireError::BadRev(_))
        ));
        assert!(matches!(revision_of(&json!([1])), Err(WireError::Shape(_))));
        assert!(matches!(
            revision_of(&json!({ "_rev": "1-a" })),
            Err(WireError::Shape(_))
        ));
    }

    #[test]
    fn changes_keep_the_sequence_opaque_and_skip_design_documents() {
        // CouchDB 3 writes string sequences, PouchDB numbers.
        let answer = json!({
            "results": [
                { "seq": "1-g1AAAA", "id": "kbr:c-1", "changes": [{ "rev": "1-aaa" }, { "rev": "1-bbb" }] },
                { "seq": "2-g1AAAB", "id": "_design/kbr", "changes": [{ "rev": "1-ccc" }] },
                { "seq": 3, "id": "kbr:c-1:entry:4", "changes": [{ "rev": "2-ddd" }], "deleted": true }
            ],
            "last_seq": "3-g1AAAC",
            "pending": 7
        });
        let page = changes_page(&answer).unwrap();
        assert_eq!((page.rows.len(), page.answered), (2, 3));
        assert_eq!(page.rows[0].seq, json!("1-g1AAAA"));
        assert_eq!(page.rows[0].revs.len(), 2);
        assert_eq!(page.rows[1].seq, json!(3));
        assert_eq!(page.last_seq, json!("3-g1AAAC"));
        assert_eq!(page.pending, Some(7));
        assert!(changes_page(&json!({ "results": [] })).is_err());
        assert!(changes_page(&json!("garbage")).is_err());
        assert!(changes_page(
            &json!({ "results": [{ "id": "x", "changes": [{ "rev": "?" }] }], "last_seq": 1 })
        )
        .is_err());
    }

    #[test]
    fn revs_diff_and_bulk_get_bodies_and_answers() {
        let a = Rev::parse("1-aaa").unwrap();
        let b = Rev::parse("2-bbb").unwrap();
        let offered = BTreeMap::from([("d".to_string(), vec![a.clone(), b.clone()])]);
        assert_eq!(
            revs_diff_request(&offered),
            json!({ "d": ["1-aaa", "2-bbb"] })
        );
        let missing = revs_diff_missing(
            &json!({ "d": { "missing": ["2-bbb"], "possible_ancestors": ["1-aaa"] } }),
        )
        .unwrap();
        assert_eq!(missing["d"], vec![b.clone()]);
        assert_eq!(
            bulk_get_request(&missing),
            json!({ "docs": [{ "id": "d", "rev": "2-bbb" }] })
        );
        let answer = json!({ "results": [
            { "id": "d", "docs": [{ "ok": { "_id": "d", "_rev": "2-bbb", "_revisions": { "start": 2, "ids": ["bbb", "aaa"] }, "kbr": 1 } }] },
            { "id": "e", "docs": [{ "error": { "id": "e", "rev": "1-zzz", "error": "not_found", "reason": "missing" } }] }
        ]});
        let fetched = bulk_get_results(&answer).unwrap();
        assert_eq!(fetched.revisions.len(), 1);
        assert_eq!(fetched.revisions[0].ancestors, vec![a]);
        assert_eq!(fetched.revisions[0].body, json!({ "kbr": 1 }));
        assert_eq!(
            fetched.failed,
            vec![("e".into(), "1-zzz".into(), "not_found".into())]
        );
        let open = open_revs_results(
            &json!([{ "ok": { "_id": "d", "_rev": "2-bbb" } }, { "missing": "3-ccc" }]),
        )
        .unwrap();
        assert_eq!(open.revisions.len(), 1);
        assert_eq!(open.failed[0].1, "3-ccc");
    }

    #[test]
    fn bulk_docs_store_as_they_are_and_refusals_are_read() {
        let r = child_of("d", None, false, json!({ "kbr": 1 }));
        let body = bulk_docs_request(std::slice::from_ref(&r));
        assert_eq!(body["new_edits"], json!(false));
        assert_eq!(body["docs"][0]["_rev"], json!(r.rev.to_string()));
        let refused = bulk_docs_refused(&json!([
            { "id": "d", "rev": "1-a", "ok": true },
            { "id": "e", "error": "forbidden", "reason": "not a kbr document" }
        ]))
        .unwrap();
        assert_eq!(
            refused,
            vec![("e".into(), "forbidden".into(), "not a kbr document".into())]
        );
    }

    #[test]
    fn a_checkpoint_counts_only_when_both_sides_agree() {
        let a = checkpoint(&json!("5-x"), "s1");
        assert_eq!(start_from(Some(&a), Some(&a.clone())), Some(json!("5-x")));
        assert_eq!(
            start_from(Some(&a), Some(&checkpoint(&json!("4-x"), "s1"))),
            None
        );
        assert_eq!(
            start_from(Some(&a), Some(&checkpoint(&json!("5-x"), "s2"))),
            None
        );
        assert_eq!(start_from(Some(&a), None), None);
        assert_ne!(
            replication_id("b", "u", "push"),
            replication_id("b", "u", "pull")
        );
    }
}
