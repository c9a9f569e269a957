//! The account as documents. A shared client is one document for its
//! details and settings (`kbr:<client>`) and one per record
//! (`kbr:<client>:<kind>:<id>`), keyed by the records' stable ids: two
//! people booking at once write two documents and never conflict. A
//! document's body is `{"kbr": 1, "kind": …, "record": {…}, "was": {…}}`:
//! the record as the app stores it, and the version it was changed from
//! (what a later merge of two branches takes as their common version).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use thiserror::Error;

use super::canon::canonical;
use crate::model::{
    Account, ClientId, Dispute, Entry, Moment, OwnCategory, Response, Round, StockTake,
};
use crate::storage::check::{validate_account, AccountProblem};

/// The document format this version writes; a newer one is quarantined.
pub const DOC_SCHEMA: u64 = 1;

/// The largest document accepted, as canonical JSON (a moment with long
/// answers is a few KB; the client's details under 1 KB).
pub const MAX_DOC_BYTES: usize = 64 * 1024;

/// What a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// The client's details and settings.
    Client,
    /// An own category.
    Category,
    /// An entry.
    Entry,
    /// An interaction moment with its actions.
    Moment,
    /// A self-assessment.
    Assessment,
    /// A stock-take.
    StockTake,
    /// A dispute followed up.
    Dispute,
    /// A client-invite round.
    Round,
}

impl DocKind {
    const ALL: [DocKind; 8] = [
        DocKind::Client,
        DocKind::Category,
        DocKind::Entry,
        DocKind::Moment,
        DocKind::Assessment,
        DocKind::StockTake,
        DocKind::Dispute,
        DocKind::Round,
    ];

    /// Its name in document ids and bodies.
    pub fn tag(self) -> &'static str {
        match self {
            DocKind::Client => "client",
            DocKind::Category => "category",
            DocKind::Entry => "entry",
            DocKind::Moment => "moment",
            DocKind::Assessment => "assessment",
            DocKind::StockTake => "stocktake",
            DocKind::Dispute => "dispute",
            DocKind::Round => "round",
        }
    }

    fn of_tag(tag: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.tag() == tag)
    }
}

/// A document's id: whose, what, and which one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId {
    /// The client.
    pub client: ClientId,
    /// What it holds.
    pub kind: DocKind,
    /// The record's id (empty for the client document).
    pub key: String,
}

impl DocId {
    /// The client document of `client`.
    pub fn client(client: &ClientId) -> DocId {
        DocId {
            client: client.clone(),
            kind: DocKind::Client,
            key: String::new(),
        }
    }

    /// The id in `text`, when it is one this app writes.
    pub fn parse(text: &str) -> Option<DocId> {
        let rest = text.strip_prefix("kbr:")?;
        let mut parts = rest.splitn(3, ':');
        let client = ClientId::parse(parts.next()?)?;
        match (parts.next(), parts.next()) {
            (None, None) => Some(DocId::client(&client)),
            (Some(tag), Some(key)) => {
                let kind = DocKind::of_tag(tag).filter(|k| *k != DocKind::Client)?;
                let ok = !key.is_empty()
                    && key.len() <= 64
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                ok.then(|| DocId {
                    client,
                    kind,
                    key: key.to_string(),
                })
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            DocKind::Client => write!(f, "kbr:{}", self.client),
            kind => write!(f, "kbr:{}:{}:{}", self.client, kind.tag(), self.key),
        }
    }
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Every record of `account` as JSON, by document.
pub fn records(account: &Account) -> BTreeMap<DocId, Value> {
    let client = &account.client.id;
    let id = |kind, key: String| DocId {
        client: client.clone(),
        kind,
        key,
    };
    let mut out = BTreeMap::new();
    out.insert(DocId::client(client), to_value(&account.client));
    for c in &account.own_categories {
        out.insert(
            id(DocKind::Category, c.id.as_str().to_string()),
            to_value(c),
        );
    }
    for e in &account.entries {
        out.insert(id(DocKind::Entry, e.id.0.to_string()), to_value(e));
    }
    for m in &account.moments {
        out.insert(id(DocKind::Moment, m.id.0.to_string()), to_value(m));
    }
    for a in &account.assessments {
        out.insert(id(DocKind::Assessment, a.id.0.to_string()), to_value(a));
    }
    for s in &account.stock_takes {
        out.insert(id(DocKind::StockTake, s.id.0.to_string()), to_value(s));
    }
    for d in &account.disputes {
        out.insert(id(DocKind::Dispute, d.id.0.to_string()), to_value(d));
    }
    for r in &account.rounds {
        out.insert(id(DocKind::Round, r.id.0.to_string()), to_value(r));
    }
    out
}

/// The body of a document holding `record` of `kind`, changed from `was`.
pub fn body(kind: DocKind, record: &Value, was: Option<&Value>) -> Value {
    let mut body = json!({ "kbr": DOC_SCHEMA, "kind": kind.tag(), "record": record });
    if let Some(was) = was {
        body["was"] = was.clone();
    }
    body
}

/// Why a document is not applied.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Quarantine {
    /// Its id is not one this app writes.
    #[error("not a document of this app")]
    BadId,
    /// Written by a newer version of the app.
    #[error("written by a newer version (format {0})")]
    Newer(u64),
    /// Larger than any record the app makes.
    #[error("too large ({0} bytes)")]
    TooLarge(usize),
    /// Not the shape of a record of its kind.
    #[error("not a valid record: {0}")]
    Malformed(String),
    /// A record that breaks a rule the forms apply.
    #[error("{0}")]
    Invalid(AccountProblem),
}

/// The record a document body holds, checked for format, size and kind.
pub fn record_of(id: &DocId, body: &Value) -> Result<Value, Quarantine> {
    let size = canonical(body).len();
    if size > MAX_DOC_BYTES {
        return Err(Quarantine::TooLarge(size));
    }
    match body.get("kbr").and_then(Value::as_u64) {
        Some(DOC_SCHEMA) => {}
        Some(n) if n > DOC_SCHEMA => return Err(Quarantine::Newer(n)),
        _ => return Err(Quarantine::Malformed("no format".into())),
    }
    if body.get("kind").and_then(Value::as_str) != Some(id.kind.tag()) {
        return Err(Quarantine::Malformed("kind does not match the id".into()));
    }
    body.get("record")
        .cloned()
        .ok_or_else(|| Quarantine::Malformed("no record".into()))
}

fn parse<T: DeserializeOwned>(record: &Value) -> Result<T, Quarantine> {
    serde_json::from_value(record.clone()).map_err(|e| Quarantine::Malformed(e.to_string()))
}

/// Adds `record`, read as a `T`, to `list` when its own id (`key_of`) is
/// the one its document is stored under.
fn add_to<T: DeserializeOwned>(
    id: &DocId,
    record: &Value,
    key_of: impl Fn(&T) -> String,
    list: &mut Vec<T>,
) -> Result<(), Quarantine> {
    let item: T = parse(record)?;
    let key = key_of(&item);
    if id.key != key {
        return Err(Quarantine::Malformed(format!("id {key} under {id}")));
    }
    list.push(item);
    Ok(())
}

/// An account read back from documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Assembled {
    /// The account, when its client document is sound.
    pub account: Option<Account>,
    /// Documents left out, with the reason.
    pub quarantined: Vec<(String, Quarantine)>,
}

/// The document a problem is about, when it is one record's.
fn culprit(client: &ClientId, problem: &AccountProblem) -> Option<DocId> {
    let (kind, key) = match problem {
        AccountProblem::BadOwnCategory(id) | AccountProblem::OwnCategoryLabel(id, _) => {
            (DocKind::Category, id.clone())
        }
        AccountProblem::DuplicateEntryId(id) | AccountProblem::Entry(id, _) => {
            (DocKind::Entry, id.0.to_string())
        }
        AccountProblem::Moment(id, _) => (DocKind::Moment, id.0.to_string()),
        AccountProblem::Assessment(id, _) => (DocKind::Assessment, id.0.to_string()),
        AccountProblem::Round(id, _) => (DocKind::Round, id.0.to_string()),
        AccountProblem::Dispute(id, _) => (DocKind::Dispute, id.0.to_string()),
        _ => return None,
    };
    Some(DocId {
        client: client.clone(),
        kind,
        key,
    })
}

/// Reads `client`'s account back from its records, checked by the same
/// rules as an import: a record that fails them is left out and listed,
/// the others apply. Without a sound client document there is no account.
pub fn assemble(client: &ClientId, records: &BTreeMap<DocId, Value>) -> Assembled {
    let mut quarantined = Vec::new();
    let mut kept: BTreeMap<DocId, Value> = BTreeMap::new();
    for (id, record) in records.iter().filter(|(id, _)| &id.client == client) {
        kept.insert(id.clone(), record.clone());
    }
    loop {
        let (account, bad) = build(client, &kept);
        quarantined.extend(bad.iter().cloned().map(|(id, q)| (id.to_string(), q)));
        for (id, _) in &bad {
            kept.remove(id);
        }
        let Some(account) = account else {
            return Assembled {
                account: None,
                quarantined,
            };
        };
        if !bad.is_empty() {
            continue;
        }
        let problems = validate_account(&account);
        if problems.is_empty() {
            return Assembled {
                account: Some(account),
                quarantined,
            };
        }
        let mut removed = false;
        for problem in problems {
            match culprit(client, &problem) {
                Some(id) if kept.remove(&id).is_some() => {
                    quarantined.push((id.to_string(), Quarantine::Invalid(problem)));
                    removed = true;
                }
                _ => {}
            }
        }
        if !removed {
            // A rule about the whole account (the client's details): none
            // of it applies.
            quarantined.push((
                DocId::client(client).to_string(),
                Quarantine::Invalid(validate_account(&account).remove(0)),
            ));
            return Assembled {
                account: None,
                quarantined,
            };
        }
    }
}

/// The account of `records` (all of one client), with the records that do
/// not parse; none without a client record that parses.
fn build(
    client: &ClientId,
    records: &BTreeMap<DocId, Value>,
) -> (Option<Account>, Vec<(DocId, Quarantine)>) {
    let mut bad = Vec::new();
    let Some(details) = records.get(&DocId::client(client)) else {
        return (None, bad);
    };
    let details: crate::model::Client = match parse(details) {
        Ok(c) => c,
        Err(q) => {
            bad.push((DocId::client(client), q));
            return (None, bad);
        }
    };
    if &details.id != client {
        bad.push((
            DocId::client(client),
            Quarantine::Malformed(format!("client {} under {client}", details.id)),
        ));
        return (None, bad);
    }
    let mut account = Account::new(details);
    for (id, record) in records {
        let added = match id.kind {
            DocKind::Client => Ok(()),
            DocKind::Category => add_to(
                id,
                record,
                |c: &OwnCategory| c.id.as_str().to_string(),
                &mut account.own_categories,
            ),
            DocKind::Entry => add_to(
                id,
                record,
                |e: &Entry| e.id.0.to_string(),
                &mut account.entries,
            ),
            DocKind::Moment => add_to(
                id,
                record,
                |m: &Moment| m.id.0.to_string(),
                &mut account.moments,
            ),
            DocKind::Assessment => add_to(
                id,
                record,
                |a: &Response| a.id.0.to_string(),
                &mut account.assessments,
            ),
            DocKind::StockTake => add_to(
                id,
                record,
                |s: &StockTake| s.id.0.to_string(),
                &mut account.stock_takes,
            ),
            DocKind::Dispute => add_to(
                id,
                record,
                |d: &Dispute| d.id.0.to_string(),
                &mut account.disputes,
            ),
            DocKind::Round => add_to(
                id,
                record,
                |r: &Round| r.id.0.to_string(),
                &mut account.rounds,
            ),
        };
        if let Err(q) = added {
            bad.push((id.clone(), q));
        }
    }
    tidy(&mut account);
    (Some(account), bad)
}

/// The order an account keeps its lists in, whatever order the documents
/// came in.
fn tidy(account: &mut Account) {
    use crate::model::order::{day, sort_by_key};
    crate::storage::codec::restore(account);
    sort_by_key(&mut account.stock_takes, |s| (day(s.date), s.id.0));
    sort_by_key(&mut account.rounds, |r| (day(r.created), r.id.0));
    sort_by_key(&mut account.disputes, |d| (0, d.id.0));
}
