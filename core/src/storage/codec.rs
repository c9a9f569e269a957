//! Storage encodings: the versioned envelope of one account in localStorage,
//! forward migrations (the restore step), and the classification of
//! browser storage errors.
//!
//! Layout: one key per client (`kbr:client:<id>`), so a change rewrites only
//! that client; the list of clients is the set of keys with that prefix.
//! The stored form is compact (entries as arrays, categories and people
//! interned, entry ids as differences) so that 80,000 realistic entries fit
//! in the 5 MiB quota.
//!
//! Schema history:
//! - 1: the account as plain JSON (`{"schema":1,"rev":n,"account":{…}}`).
//! - 2: compact (`{"schema":2,"rev":n,"client":…,"cats":…,"ids":…,"who":…,"e":…,"st":…}`).
//! - 3: schema 2 plus interaction moments (`m`) and self-assessments (`q`),
//!   each answer set with its definition version.
//! - 4: schema 3 with entry ids stored as the difference to the previous
//!   row (rows sorted by id), stock-take ids, tombstones (`t`) and the
//!   writer of the revision (`w`), so a tab can tell another tab's write
//!   of the same revision from its own.
//! - 5: schema 4 plus client-invite rounds with their answers (`r`),
//!   followed-up disputes (`d`) and prepared moments, so a
//!   version that does not know rounds opens such a record read-only
//!   instead of dropping them on its next save.
//!
//! From this version on, a record starts with its account's digest (`g`,
//! see [`glance`](super::glance)), which the first screen reads instead
//! of the whole record; the schema stays 5, since an app that does not
//! know `g` reads the rest as before.
//!
//! Every decoded account passes through [`restore`], the one place where
//! older records are brought to the current shape.

use chrono::NaiveDate;
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::account::digest::Digest;
use crate::i18n::{shorten, tf, Key, Lang};
use crate::intern::Name;
use crate::model::{
    dates, order, Account, CategoryId, Client, ClientId, Direction, Dispute, Entry, EntryId,
    Moment, OwnCategory, Party, Response, Round, StockTake, StockTakeId, Tombstone, Weight,
};

/// The schema this version writes.
pub const SCHEMA: u32 = 5;
/// Prefix of client keys.
pub const CLIENT_PREFIX: &str = "kbr:client:";
/// Prefix of quarantined raw data.
pub const QUARANTINE_PREFIX: &str = "kbr:quarantine:";
/// Key of the small bookkeeping record (last export, changes since).
pub const META_KEY: &str = "kbr:meta";

/// The storage key of a client.
pub fn client_key(id: &ClientId) -> String {
    format!("{CLIENT_PREFIX}{id}")
}

/// The client id a storage key stands for, when it is a client key with a
/// well-formed id.
pub fn client_of_key(key: &str) -> Option<ClientId> {
    key.strip_prefix(CLIENT_PREFIX).and_then(ClientId::parse)
}

/// The quarantine key for raw data found under `key` at `millis` (epoch ms).
pub fn quarantine_key(key: &str, millis: u64) -> String {
    format!("{QUARANTINE_PREFIX}{millis}:{key}")
}

/// Why stored data could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON at all (truncated, garbage).
    #[error("not valid JSON: {0}")]
    NotJson(String),
    /// JSON, but not an envelope of ours.
    #[error("not a Klantbankrekening record")]
    NotEnvelope,
    /// Written by a newer version of the app: we must not touch it.
    #[error("written by a newer version (schema {0})")]
    NewerSchema(u32),
    /// Our envelope, but a field has the wrong type or value.
    #[error("invalid data: {0}")]
    Invalid(String),
    /// A readable record of another client than its key says: reading it as
    /// that client would show the wrong data, and saving would overwrite.
    #[error("record of {found} under the key of {key}")]
    WrongKey {
        /// The client the key names.
        key: String,
        /// The client inside the record.
        found: String,
    },
    /// The text holds characters that are not valid text (a lone UTF-16
    /// surrogate): reading it would change it.
    #[error("contains invalid characters")]
    BadText,
}

impl DecodeError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DecodeError::NotJson(d) => {
                tf(lang, Key::DecodeNotJson, &[("detail", &shorten(d, 120))])
            }
            DecodeError::NotEnvelope => Key::DecodeNotEnvelope.text(lang).to_string(),
            DecodeError::NewerSchema(n) => {
                tf(lang, Key::DecodeNewerSchema, &[("schema", &n.to_string())])
            }
            DecodeError::Invalid(d) => {
                tf(lang, Key::DecodeInvalid, &[("detail", &shorten(d, 120))])
            }
            DecodeError::WrongKey { key, found } => tf(
                lang,
                Key::DecodeWrongKey,
                &[("key", &shorten(key, 60)), ("found", &shorten(found, 60))],
            ),
            DecodeError::BadText => Key::DecodeBadText.text(lang).to_string(),
        }
    }
}

/// An account as read from storage, with the revision it was written at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// Revision: increases with every write, so two tabs notice each other.
    pub rev: u64,
    /// This version's token: unique per write; for records written before
    /// schema 4, `r<rev>` (see [`version_token`]).
    pub writer: String,
    /// The token of the version it was made from (empty: the first).
    pub parent: String,
    /// The schema it was written with (older ones are migrated on read).
    pub schema: u32,
    /// The account.
    pub account: Account,
}

#[derive(Serialize, Deserialize)]
struct V1 {
    schema: u32,
    rev: u64,
    account: Account,
}

/// Entry row: `[id, day, code, cat, who, note]` with an optional 7th
/// element, the id of the repaired entry. `day` counts from 2000-01-01;
/// `code` = party·10 + direction·5 + (weight − 1). From schema 4 on, `id`
/// is the difference to the previous row's id.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    id: u64,
    day: i64,
    code: u8,
    cat: u32,
    who: u32,
    note: String,
    repairs: Option<u64>,
}

impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(if self.repairs.is_some() { 7 } else { 6 }))?;
        seq.serialize_element(&self.id)?;
        seq.serialize_element(&self.day)?;
        seq.serialize_element(&self.code)?;
        seq.serialize_element(&self.cat)?;
        seq.serialize_element(&self.who)?;
        seq.serialize_element(&self.note)?;
        if let Some(r) = self.repairs {
            seq.serialize_element(&r)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RowVisitor;
        impl<'de> Visitor<'de> for RowVisitor {
            type Value = Row;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an entry row of 6 or 7 elements")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Row, A::Error> {
                let missing = |i| de::Error::invalid_length(i, &"6 or 7 elements");
                let row = Row {
                    id: seq.next_element()?.ok_or_else(|| missing(0))?,
                    day: seq.next_element()?.ok_or_else(|| missing(1))?,
                    code: seq.next_element()?.ok_or_else(|| missing(2))?,
                    cat: seq.next_element()?.ok_or_else(|| missing(3))?,
                    who: seq.next_element()?.ok_or_else(|| missing(4))?,
                    note: seq.next_element()?.ok_or_else(|| missing(5))?,
                    repairs: seq.next_element::<Option<u64>>()?.flatten(),
                };
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(8, &"6 or 7 elements"));
                }
                Ok(row)
            }
        }
        d.deserialize_seq(RowVisitor)
    }
}

/// The compact record of schemas 2 to 4 (3 adds `m` and `q`; 4 adds `t`
/// and `w` and stores ids as differences).
#[derive(Serialize, Deserialize)]
struct Compact {
    schema: u32,
    rev: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    w: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    p: String,
    client: Client,
    #[serde(default)]
    cats: Vec<OwnCategory>,
    ids: Vec<String>,
    who: Vec<String>,
    e: Vec<Row>,
    #[serde(default)]
    st: Vec<StockTake>,
    #[serde(default)]
    m: Vec<Moment>,
    #[serde(default)]
    q: Vec<Response>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    t: Vec<Tombstone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    r: Vec<Round>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    d: Vec<Dispute>,
}

/// The entries of an account as compact rows with their string tables.
struct Rows {
    ids: Vec<String>,
    who: Vec<String>,
    rows: Vec<Row>,
}

/// Encodes entries (sorted by id) as rows; ids are stored as differences.
fn to_rows(entries: &[Entry]) -> Rows {
    let mut ids: Vec<String> = Vec::new();
    let mut who: Vec<String> = vec![String::new()];
    let mut id_index = rustc_hash::FxHashMap::<Name, u32>::default();
    let mut who_index = rustc_hash::FxHashMap::<Name, u32>::default();
    who_index.insert(Name::default(), 0);
    let mut rows = Vec::with_capacity(entries.len());
    let mut previous = 0u64;
    for e in entries {
        let cat = *id_index.entry(e.category.0).or_insert_with(|| {
            ids.push(e.category.as_str().to_string());
            (ids.len() - 1) as u32
        });
        let w = *who_index.entry(e.who).or_insert_with(|| {
            who.push(e.who.as_str().to_string());
            (who.len() - 1) as u32
        });
        let code = match e.party {
            Party::Supplier => 0,
            Party::Client => 10,
        } + match e.direction {
            Direction::Deposit => 0,
            Direction::Withdrawal => 5,
        } + (e.weight.get() - 1);
        rows.push(Row {
            id: e.id.0.wrapping_sub(previous),
            day: dates::day_number(e.date),
            code,
            cat,
            who: w,
            note: e.note.clone(),
            repairs: e.repairs.map(|r| r.0),
        });
        previous = e.id.0;
    }
    Rows { ids, who, rows }
}

/// Decodes rows back into entries; `delta` says whether ids are
/// differences (schema 4) or absolute (schemas 2 and 3).
fn from_rows(
    rows: Vec<Row>,
    ids: &[String],
    who: &[String],
    delta: bool,
) -> Result<Vec<Entry>, DecodeError> {
    let bad = |i: usize, what: &str| DecodeError::Invalid(format!("entry row {i}: {what}"));
    // Intern each distinct text once, not once per entry.
    let cat_names: Vec<CategoryId> = ids.iter().map(|s| CategoryId::new(s)).collect();
    let who_names: Vec<Name> = who.iter().map(|s| Name::new(s)).collect();
    let mut entries = Vec::with_capacity(rows.len());
    let mut previous = 0u64;
    for (i, row) in rows.into_iter().enumerate() {
        if row.code >= 20 {
            return Err(bad(i, "bad code"));
        }
        // The writer stores `id - previous` wrapping, so reading adds back
        // wrapping: a record whose entries are not in id order (written by
        // any version, or by hand) reads back exactly instead of failing.
        let id = if delta {
            previous.wrapping_add(row.id)
        } else {
            row.id
        };
        previous = id;
        entries.push(Entry {
            id: EntryId(id),
            date: dates::from_day_number(row.day).ok_or_else(|| bad(i, "bad date"))?,
            party: if row.code >= 10 {
                Party::Client
            } else {
                Party::Supplier
            },
            direction: if row.code % 10 >= 5 {
                Direction::Withdrawal
            } else {
                Direction::Deposit
            },
            category: *cat_names
                .get(row.cat as usize)
                .ok_or_else(|| bad(i, "bad category index"))?,
            weight: Weight::new(row.code % 5 + 1).ok_or_else(|| bad(i, "bad weight"))?,
            who: *who_names
                .get(row.who as usize)
                .ok_or_else(|| bad(i, "bad person index"))?,
            note: row.note,
            repairs: row.repairs.map(EntryId),
        });
    }
    Ok(entries)
}

/// Encodes an account in the current schema at revision `rev`, as version
/// `writer` (a token unique to this write).
pub fn encode(account: &Account, rev: u64, writer: &str) -> String {
    encode_versioned(account, rev, writer, "")
}

/// [`encode`] with the token of the version this one was made from, so
/// another tab can tell a later version of its own write from a sibling
/// written at the same moment. The record starts with the account's
/// digest.
pub fn encode_versioned(account: &Account, rev: u64, writer: &str, parent: &str) -> String {
    let body = encode_record(account, rev, writer, parent);
    let digest = Digest::of(account).compact();
    super::glance::prepend(&digest, &body, SCHEMA, rev, writer, parent)
}

/// The compact record without a digest (backups carry accounts this way:
/// an import computes digests when it stores them).
pub fn encode_record(account: &Account, rev: u64, writer: &str, parent: &str) -> String {
    let Rows { ids, who, rows } = to_rows(&account.entries);
    let record = Compact {
        schema: SCHEMA,
        rev,
        w: writer.to_string(),
        p: parent.to_string(),
        client: account.client.clone(),
        cats: account.own_categories.clone(),
        ids,
        who,
        e: rows,
        st: account.stock_takes.clone(),
        m: account.moments.clone(),
        q: account.assessments.clone(),
        t: account.tombstones.clone(),
        r: account.rounds.clone(),
        d: account.disputes.clone(),
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Encodes in schema 1 (only for migration tests and fixtures).
pub fn encode_v1(account: &Account, rev: u64) -> String {
    serde_json::to_string(&V1 {
        schema: 1,
        rev,
        account: account.clone(),
    })
    .unwrap_or_default()
}

#[derive(Deserialize)]
struct Head {
    schema: Option<u32>,
    #[serde(default)]
    rev: u64,
    #[serde(default)]
    w: String,
}

pub use super::glance::version_token;

/// The schema, revision and version token of a stored record, without decoding
/// the rest (the revision check before a save reads only this).
pub fn peek(raw: &str) -> Result<(u32, u64, String), DecodeError> {
    // serde reads a struct from an array too: only an object is ours.
    if !raw.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<de::IgnoredAny>(raw) {
            Ok(_) => DecodeError::NotEnvelope,
            Err(e) => DecodeError::NotJson(e.to_string()),
        });
    }
    let head: Head = serde_json::from_str(raw).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => DecodeError::NotEnvelope,
        _ => DecodeError::NotJson(e.to_string()),
    })?;
    match head.schema {
        Some(s) => Ok((s, head.rev, version_token(head.rev, &head.w))),
        None => Err(DecodeError::NotEnvelope),
    }
}

/// Reads the schema number of a stored record without decoding the rest.
pub fn peek_schema(raw: &str) -> Result<u32, DecodeError> {
    peek(raw).map(|(s, _, _)| s)
}

/// Decodes a stored account of any schema up to [`SCHEMA`], migrating forward.
pub fn decode(raw: &str) -> Result<Stored, DecodeError> {
    // Nearly every record is of a compact schema: read it in one pass, and
    // only for the rest (older, newer or broken records) look at the head
    // first, which names what is wrong.
    if raw.trim_start().starts_with('{') {
        if let Ok(c) = serde_json::from_str::<Compact>(raw) {
            if (2..=SCHEMA).contains(&c.schema) {
                return from_compact(c);
            }
        }
    }
    let schema = peek_schema(raw)?;
    let invalid = |e: serde_json::Error| DecodeError::Invalid(e.to_string());
    let mut stored = match schema {
        1 => {
            let v1: V1 = serde_json::from_str(raw).map_err(invalid)?;
            Stored {
                rev: v1.rev,
                writer: version_token(v1.rev, ""),
                parent: String::new(),
                schema: 1,
                account: v1.account,
            }
        }
        2..=SCHEMA => {
            let mut c: Compact = serde_json::from_str(raw).map_err(invalid)?;
            c.schema = schema;
            return from_compact(c);
        }
        n if n > SCHEMA => return Err(DecodeError::NewerSchema(n)),
        _ => return Err(DecodeError::NotEnvelope),
    };
    restore(&mut stored.account);
    Ok(stored)
}

/// A record of a compact schema (2 and later) as an account.
fn from_compact(c: Compact) -> Result<Stored, DecodeError> {
    let entries = from_rows(c.e, &c.ids, &c.who, c.schema >= 4)?;
    let mut stored = Stored {
        writer: version_token(c.rev, &c.w),
        rev: c.rev,
        parent: c.p,
        schema: c.schema,
        account: Account {
            client: c.client,
            own_categories: c.cats,
            entries,
            stock_takes: c.st,
            moments: c.m,
            assessments: c.q,
            rounds: c.r,
            disputes: c.d,
            tombstones: c.t,
        },
    };
    restore(&mut stored.account);
    Ok(stored)
}

/// Decodes the record stored under `key`: like [`decode`], and the record
/// must be of the client the key names.
pub fn decode_at(key: &str, raw: &str) -> Result<Stored, DecodeError> {
    let stored = decode(raw)?;
    match client_of_key(key) {
        Some(id) if id == stored.account.client.id => Ok(stored),
        _ => Err(DecodeError::WrongKey {
            key: key.to_string(),
            found: stored.account.client.id.to_string(),
        }),
    }
}

/// The restore step, run on every account read from storage or a file:
/// entries, moments and assessments sorted by id, stock-takes numbered (records from before
/// stock-take ids), answers brought to the current questionnaire versions.
pub fn restore(account: &mut Account) {
    account.sort_entries();
    order::sort_by_key(&mut account.moments, |m| (0, m.id.0));
    order::sort_by_key(&mut account.assessments, |r| (0, r.id.0));
    if account.stock_takes.iter().any(|s| s.id.0 == 0) {
        order::sort_by_key(&mut account.stock_takes, |s| (order::day(s.date), 0));
        let first = account.next_stock_take_id().0;
        let unnumbered = account.stock_takes.iter_mut().filter(|s| s.id.0 == 0);
        for (n, s) in (first..).zip(unnumbered) {
            s.id = StockTakeId(n);
        }
    }
    crate::questionnaires::restore::migrate_account(account);
}

/// Bookkeeping kept beside the data: when the user last exported, and how
/// many changes were saved since (for the backup reminder).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Date of the last full JSON export.
    #[serde(default, with = "crate::model::dates::iso::option")]
    pub last_export: Option<NaiveDate>,
    /// Saved changes since that export.
    #[serde(default)]
    pub changes_since_export: u32,
    /// The day of the first saved change since the last export (or ever):
    /// the reminder counts from here, not from the beginning of time.
    #[serde(default, with = "crate::model::dates::iso::option")]
    pub first_change: Option<NaiveDate>,
}

impl Meta {
    /// Reads the stored bookkeeping record (JSON as serde writes it) with
    /// the first screen's small reader; anything unreadable is a fresh
    /// start (it is only a reminder).
    pub fn read(text: &str) -> Meta {
        Meta::read_strict(text).unwrap_or_default()
    }

    fn read_strict(text: &str) -> Result<Meta, super::json::Unexpected> {
        let mut r = super::json::Reader::new(text);
        let mut meta = Meta::default();
        let date = |r: &mut super::json::Reader| -> Result<Option<NaiveDate>, _> {
            if r.null() {
                return Ok(None);
            }
            dates::parse_iso(&r.string()?)
                .map(Some)
                .ok_or(super::json::Unexpected)
        };
        r.object()?;
        let mut first = true;
        while r.more(first)? {
            first = false;
            match r.key()?.as_str() {
                "last_export" => meta.last_export = date(&mut r)?,
                "changes_since_export" => meta.changes_since_export = r.int_as()?,
                "first_change" => meta.first_change = date(&mut r)?,
                _ => r.skip()?,
            }
        }
        r.end()?;
        Ok(meta)
    }

    /// Days after which an export is due.
    pub const EXPORT_DAYS: i64 = 30;
    /// Changes after which an export is due.
    pub const EXPORT_CHANGES: u32 = 200;

    /// Counts `n` saved changes on `today`.
    pub fn count_changes(&mut self, n: u32, today: NaiveDate) {
        if n == 0 {
            return;
        }
        self.changes_since_export = self.changes_since_export.saturating_add(n);
        if self.first_change.is_none() {
            self.first_change = Some(today);
        }
    }

    /// Records an export on `today`.
    pub fn exported(&mut self, today: NaiveDate) {
        self.last_export = Some(today);
        self.changes_since_export = 0;
        self.first_change = None;
    }

    /// Remind to export when there are unexported changes and the first of
    /// them is more than 30 days old, or 200 changes have piled up.
    pub fn export_due(&self, today: NaiveDate) -> bool {
        if self.changes_since_export == 0 {
            return false;
        }
        let since = self.first_change.or(self.last_export);
        self.changes_since_export >= Self::EXPORT_CHANGES
            || since.is_some_and(|d| today.signed_duration_since(d).num_days() > Self::EXPORT_DAYS)
    }
}

/// What kind of failure a browser storage call reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageFailure {
    /// The quota is full.
    Quota,
    /// Storage is disabled or forbidden (SecurityError; some private modes).
    Disabled,
    /// Anything else.
    Other,
}

/// Classifies a DOMException by name and legacy code: Chromium's
/// `QuotaExceededError`, Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (1014), old
/// WebKit's code 22, and `SecurityError` (18) for disabled storage.
pub fn classify_failure(name: &str, code: u16) -> StorageFailure {
    match (name, code) {
        ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22 | 1014) => {
            StorageFailure::Quota
        }
        ("SecurityError", _) | (_, 18) => StorageFailure::Disabled,
        _ => StorageFailure::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::dates::test_dates::today;
    use serde_json::Value;

    #[test]
    fn round_trips_the_demo_account() {
        let mut a = demo::example(today(), 9);
        a.bury(crate::model::TombstoneKind::Entry, 77, today());
        let s = decode(&encode_versioned(&a, 7, "tab-1", "tab-0")).unwrap();
        assert_eq!(s.parent, "tab-0");
        assert_eq!(s.account, a);
        assert_eq!((s.rev, s.writer.as_str(), s.schema), (7, "tab-1", SCHEMA));
        assert_eq!(
            peek(&encode(&a, 7, "tab-1")).unwrap(),
            (SCHEMA, 7, "tab-1".to_string())
        );
    }

    #[test]
    fn ids_are_stored_as_differences_and_come_back_whole() {
        let mut a = demo::synthetic(5, 1, today());
        let mut far = a.entries[0].clone();
        far.id = EntryId((77 << 32) + 3);
        a.put_entry(far);
        let raw = encode(&a, 1, "");
        assert!(raw.contains("\"e\":[[1,"), "{raw}");
        assert_eq!(decode(&raw).unwrap().account, a);
    }

    #[test]
    fn entries_out_of_id_order_still_read_back() {
        // A falling id is a difference that wraps; the reader must wrap it
        // back rather than refuse the whole record.
        let mut a = demo::synthetic(5, 1, today());
        a.entries[0].id = EntryId((77 << 32) + 3);
        let stored = decode(&encode(&a, 1, "")).unwrap().account;
        let ids = |a: &Account| {
            let mut ids: Vec<EntryId> = a.entries.iter().map(|e| e.id).collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(&stored), ids(&a));
        assert!(stored.entries.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn a_record_under_another_clients_key_is_refused() {
        let a = demo::example(today(), 9);
        let raw = encode(&a, 1, "");
        assert!(decode_at(&client_key(&a.client.id), &raw).is_ok());
        assert!(matches!(
            decode_at("kbr:client:c-other", &raw),
            Err(DecodeError::WrongKey { .. })
        ));
    }

    #[test]
    fn migrates_schema_1() {
        let a = demo::example(today(), 9);
        let s = decode(&encode_v1(&a, 3)).unwrap();
        assert_eq!(s.schema, 1);
        assert_eq!(s.account, a);
        // Re-encoding writes the current schema.
        assert_eq!(
            peek_schema(&encode(&s.account, s.rev + 1, "")).unwrap(),
            SCHEMA
        );
    }

    /// A schema-3 record as the previous version wrote it: absolute ids,
    /// stock-takes without ids, no tombstones.
    fn as_schema_3(a: &Account) -> Value {
        let mut v: Value = serde_json::from_str(&encode(a, 4, "")).unwrap();
        assert!(v.get("p").is_none());
        let obj = v.as_object_mut().unwrap();
        obj.insert("schema".into(), Value::from(3));
        obj.remove("w");
        let rows = obj.get_mut("e").unwrap().as_array_mut().unwrap();
        for (row, e) in rows.iter_mut().zip(&a.entries) {
            row[0] = Value::from(e.id.0);
        }
        for st in obj.get_mut("st").unwrap().as_array_mut().unwrap() {
            st.as_object_mut().unwrap().remove("id");
        }
        v
    }

    #[test]
    fn migrates_schemas_2_and_3() {
        let mut a = demo::example(today(), 9);
        let s = decode(&as_schema_3(&a).to_string()).unwrap();
        assert_eq!(s.schema, 3);
        assert_eq!(s.account, a, "stock-takes are numbered by date");
        let mut v = as_schema_3(&a);
        let obj = v.as_object_mut().unwrap();
        obj.insert("schema".into(), Value::from(2));
        obj.remove("m");
        obj.remove("q");
        let s = decode(&v.to_string()).unwrap();
        assert_eq!(s.schema, 2);
        a.moments.clear();
        a.assessments.clear();
        assert_eq!(s.account, a);
    }

    #[test]
    fn brings_answers_of_older_definition_versions_forward() {
        let mut a = demo::example(today(), 9);
        a.assessments[0].version = 0;
        a.moments[0].version = 0;
        let s = decode(&encode(&a, 1, "")).unwrap();
        assert_eq!(s.account.assessments[0].version, 1);
        assert_eq!(s.account.moments[0].version, 1);
        assert_eq!(s.account.assessments[0].answers, a.assessments[0].answers);
        // Unknown questionnaires are kept as they are, for validation to report.
        a.assessments[0].definition = "from-the-future".into();
        let s = decode(&encode(&a, 1, "")).unwrap();
        assert_eq!(s.account.assessments[0], a.assessments[0]);
        assert!(!crate::storage::check::validate_account(&s.account).is_empty());
    }

    #[test]
    fn refuses_garbage_truncated_wrong_types_and_newer_schemas() {
        let good = encode(&demo::example(today(), 1), 1, "");
        assert!(matches!(
            decode(&good[..good.len() / 2]),
            Err(DecodeError::NotJson(_))
        ));
        assert!(matches!(decode("not json"), Err(DecodeError::NotJson(_))));
        assert_eq!(decode("[1,2]"), Err(DecodeError::NotEnvelope));
        assert_eq!(decode("{\"a\":1}"), Err(DecodeError::NotEnvelope));
        assert_eq!(decode("{\"schema\":0}"), Err(DecodeError::NotEnvelope));
        assert_eq!(
            decode("{\"schema\":99,\"x\":[]}"),
            Err(DecodeError::NewerSchema(99))
        );
        assert_eq!(peek_schema("{\"schema\":5}"), Ok(5));
        let wrong_type = good.replacen("\"rev\":1", "\"rev\":\"one\"", 1);
        assert!(decode(&wrong_type).is_err());
        for bad in [
            r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":["sd-delivered"],"who":[""],"e":[[1,9000,25,0,0,""]]}"#,
            r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":[],"who":[""],"e":[[1,9000,2,0,0,""]]}"#,
            r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":["sd-delivered"],"who":[""],"e":[[1,9000,2,0,0]]}"#,
            r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":["sd-delivered"],"who":[""],"e":[[1,9000,2,0,0,"",3,4]]}"#,
        ] {
            assert!(matches!(decode(bad), Err(DecodeError::Invalid(_))), "{bad}");
        }
        let minimal = r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":["sd-delivered"],"who":[""],"e":[[1,9000,2,0,0,"n"]]}"#;
        let s = decode(minimal).unwrap();
        assert_eq!(s.account.entries[0].weight.get(), 3);
    }

    #[test]
    fn eighty_thousand_realistic_entries_fit_in_the_quota() {
        let a = demo::synthetic(80_000, 3, today());
        let encoded = encode(&a, 1, "t-1");
        let units: usize =
            encoded.encode_utf16().count() + client_key(&a.client.id).encode_utf16().count();
        println!(
            "80,000 entries: {units} UTF-16 units ({:.1} per entry)",
            units as f64 / 80_000.0
        );
        assert!(units < 5_242_880, "{units}");
    }

    #[test]
    fn classifies_storage_failures() {
        assert_eq!(
            classify_failure("QuotaExceededError", 22),
            StorageFailure::Quota
        );
        assert_eq!(
            classify_failure("NS_ERROR_DOM_QUOTA_REACHED", 0),
            StorageFailure::Quota
        );
        assert_eq!(classify_failure("Error", 1014), StorageFailure::Quota);
        assert_eq!(classify_failure("", 22), StorageFailure::Quota);
        assert_eq!(
            classify_failure("SecurityError", 18),
            StorageFailure::Disabled
        );
        assert_eq!(
            classify_failure("InvalidStateError", 11),
            StorageFailure::Other
        );
    }

    #[test]
    fn export_reminder_counts_from_the_first_change() {
        let mut m = Meta::default();
        assert!(!m.export_due(today()));
        m.count_changes(1, today());
        assert!(
            !m.export_due(today()),
            "a fresh first change is not overdue"
        );
        let later = today().checked_add_days(chrono::Days::new(31)).unwrap();
        assert!(m.export_due(later));
        m.exported(later);
        assert!(!m.export_due(later));
        m.count_changes(Meta::EXPORT_CHANGES, later);
        assert!(m.export_due(later));
    }
}
