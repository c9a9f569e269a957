//! Storage encodings: the versioned envelope of one account in localStorage,
//! forward migrations, and the classification of browser storage errors.
//!
//! Layout: one key per client (`kbr:client:<id>`), so a change rewrites only
//! that client; the list of clients is the set of keys with that prefix.
//! The stored form is compact (entries as arrays, categories and people
//! interned) so that 50,000+ realistic entries fit in the 5 MiB quota.
//!
//! Schema history:
//! - 1: the account as plain JSON (`{"schema":1,"rev":n,"account":{…}}`).
//! - 2: compact (`{"schema":2,"rev":n,"client":…,"cats":…,"ids":…,"who":…,"e":…,"st":…}`).
//! - 3: schema 2 plus interaction moments (`m`) and self-assessments (`q`),
//!   each answer set with its definition version. A schema-2 record reads as
//!   an account without either; answers of older definition versions are
//!   brought forward by [`crate::questionnaire::migrate_account`].

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::i18n::{tf, Key, Lang};
use crate::intern::Name;
use crate::model::{
    Account, CategoryId, Client, Direction, Entry, EntryId, OwnCategory, Party, StockTake, Weight,
};
use crate::moments::Moment;
use crate::questionnaire::Response;

/// The schema this version writes.
pub const SCHEMA: u32 = 3;
/// Prefix of client keys.
pub const CLIENT_PREFIX: &str = "kbr:client:";
/// Prefix of quarantined raw data.
pub const QUARANTINE_PREFIX: &str = "kbr:quarantine:";
/// Key of the small bookkeeping record (last export, changes since).
pub const META_KEY: &str = "kbr:meta";

/// The storage key of a client.
pub fn client_key(id: &str) -> String {
    format!("{CLIENT_PREFIX}{id}")
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
}

impl DecodeError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DecodeError::NotJson(d) => tf(lang, Key::DecodeNotJson, &[("detail", d)]),
            DecodeError::NotEnvelope => Key::DecodeNotEnvelope.text(lang).to_string(),
            DecodeError::NewerSchema(n) => {
                tf(lang, Key::DecodeNewerSchema, &[("schema", &n.to_string())])
            }
            DecodeError::Invalid(d) => tf(lang, Key::DecodeInvalid, &[("detail", d)]),
        }
    }
}

/// An account as read from storage, with the revision it was written at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// Revision: increases with every write, so two tabs notice each other.
    pub rev: u64,
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

/// Entry row of schema 2: `[id, day, code, cat, who, note]` or with a 7th
/// element, the id of the repaired entry. `day` counts from 2000-01-01;
/// `code` = party·10 + direction·5 + (weight − 1).
type Row = (u64, i64, u8, u32, u32, String, Option<u64>);

/// The compact record of schemas 2 and 3 (3 adds `m` and `q`).
#[derive(Serialize, Deserialize)]
struct Compact {
    schema: u32,
    rev: u64,
    client: Client,
    #[serde(default)]
    cats: Vec<OwnCategory>,
    ids: Vec<String>,
    who: Vec<String>,
    e: Vec<Value>,
    #[serde(default)]
    st: Vec<StockTake>,
    #[serde(default)]
    m: Vec<Moment>,
    #[serde(default)]
    q: Vec<Response>,
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

fn day_number(d: NaiveDate) -> i64 {
    d.signed_duration_since(epoch()).num_days()
}

fn from_day_number(n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        epoch().checked_add_days(Days::new(n as u64))
    } else {
        epoch().checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Encodes an account in the current schema at revision `rev`.
pub fn encode(account: &Account, rev: u64) -> String {
    let mut ids: Vec<String> = Vec::new();
    let mut who: Vec<String> = vec![String::new()];
    let mut id_index = rustc_hash::FxHashMap::<&str, u32>::default();
    let mut who_index = rustc_hash::FxHashMap::<&str, u32>::default();
    who_index.insert("", 0);
    let mut rows = Vec::with_capacity(account.entries.len());
    for e in &account.entries {
        let cat = *id_index.entry(e.category.as_str()).or_insert_with(|| {
            ids.push(e.category.as_str().to_string());
            (ids.len() - 1) as u32
        });
        let w = *who_index.entry(e.who.as_str()).or_insert_with(|| {
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
        let mut row = vec![
            Value::from(e.id.0),
            Value::from(day_number(e.date)),
            Value::from(code),
            Value::from(cat),
            Value::from(w),
            Value::from(e.note.as_str()),
        ];
        if let Some(r) = e.repairs {
            row.push(Value::from(r.0));
        }
        rows.push(Value::Array(row));
    }
    let record = Compact {
        schema: SCHEMA,
        rev,
        client: account.client.clone(),
        cats: account.own_categories.clone(),
        ids,
        who,
        e: rows,
        st: account.stock_takes.clone(),
        m: account.moments.clone(),
        q: account.assessments.clone(),
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

/// Reads the schema number of a stored record without decoding the rest.
pub fn peek_schema(raw: &str) -> Result<u32, DecodeError> {
    let v: Value = serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    schema_of(&v)
}

fn schema_of(v: &Value) -> Result<u32, DecodeError> {
    v.get("schema")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(DecodeError::NotEnvelope)
}

/// Decodes a stored account of any schema up to [`SCHEMA`], migrating forward.
pub fn decode(raw: &str) -> Result<Stored, DecodeError> {
    let v: Value = serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    if !v.is_object() {
        return Err(DecodeError::NotEnvelope);
    }
    let schema = schema_of(&v)?;
    let mut stored = match schema {
        1 => {
            let v1: V1 =
                serde_json::from_value(v).map_err(|e| DecodeError::Invalid(e.to_string()))?;
            Stored {
                rev: v1.rev,
                schema: 1,
                account: v1.account,
            }
        }
        2 | 3 => decode_compact(v, schema)?,
        n if n > SCHEMA => return Err(DecodeError::NewerSchema(n)),
        _ => return Err(DecodeError::NotEnvelope),
    };
    crate::questionnaire::migrate_account(&mut stored.account);
    Ok(stored)
}

fn decode_compact(v: Value, schema: u32) -> Result<Stored, DecodeError> {
    let v2: Compact = serde_json::from_value(v).map_err(|e| DecodeError::Invalid(e.to_string()))?;
    let bad = |i: usize, what: &str| DecodeError::Invalid(format!("entry row {i}: {what}"));
    let mut entries = Vec::with_capacity(v2.e.len());
    // Intern each distinct text once, not once per entry.
    let cat_names: Vec<CategoryId> = v2.ids.iter().map(|s| CategoryId::new(s)).collect();
    let who_names: Vec<Name> = v2.who.iter().map(|s| Name::new(s)).collect();
    for (i, raw) in v2.e.into_iter().enumerate() {
        let arr = raw.as_array().ok_or_else(|| bad(i, "not an array"))?;
        let row: Row = match arr.len() {
            6 | 7 => serde_json::from_value(Value::Array(
                arr.iter()
                    .cloned()
                    .chain((arr.len() == 6).then_some(Value::Null))
                    .collect(),
            ))
            .map_err(|e| bad(i, &e.to_string()))?,
            _ => return Err(bad(i, "wrong length")),
        };
        let (id, day, code, cat, who, note, repairs) = row;
        if code >= 20 {
            return Err(bad(i, "bad code"));
        }
        entries.push(Entry {
            id: EntryId(id),
            date: from_day_number(day).ok_or_else(|| bad(i, "bad date"))?,
            party: if code >= 10 {
                Party::Client
            } else {
                Party::Supplier
            },
            direction: if code % 10 >= 5 {
                Direction::Withdrawal
            } else {
                Direction::Deposit
            },
            category: *cat_names
                .get(cat as usize)
                .ok_or_else(|| bad(i, "bad category index"))?,
            weight: Weight::new(code % 5 + 1).ok_or_else(|| bad(i, "bad weight"))?,
            who: *who_names
                .get(who as usize)
                .ok_or_else(|| bad(i, "bad person index"))?,
            note,
            repairs: repairs.map(EntryId),
        });
    }
    Ok(Stored {
        rev: v2.rev,
        schema,
        account: Account {
            client: v2.client,
            own_categories: v2.cats,
            entries,
            stock_takes: v2.st,
            moments: v2.m,
            assessments: v2.q,
        },
    })
}

/// Bookkeeping kept beside the data: when the user last exported, and how
/// many changes were saved since (for the backup reminder).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Date of the last full JSON export.
    #[serde(default)]
    pub last_export: Option<NaiveDate>,
    /// Saved changes since that export.
    #[serde(default)]
    pub changes_since_export: u32,
}

impl Meta {
    /// Remind to export when the last export is older than 30 days, or 200
    /// changes ago, or never happened while there is data.
    pub fn export_due(&self, today: NaiveDate, has_data: bool) -> bool {
        match self.last_export {
            None => has_data && self.changes_since_export > 0,
            Some(d) => {
                today.signed_duration_since(d).num_days() > 30 || self.changes_since_export >= 200
            }
        }
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

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn round_trips_the_demo_account() {
        let a = demo::example(today(), 9);
        let s = decode(&encode(&a, 7)).unwrap();
        assert_eq!(s.account, a);
        assert_eq!(s.rev, 7);
        assert_eq!(s.schema, SCHEMA);
    }

    #[test]
    fn migrates_schema_1() {
        let a = demo::example(today(), 9);
        let s = decode(&encode_v1(&a, 3)).unwrap();
        assert_eq!(s.schema, 1);
        assert_eq!(s.account, a);
        // Re-encoding writes the current schema.
        assert_eq!(peek_schema(&encode(&s.account, s.rev + 1)).unwrap(), SCHEMA);
    }

    #[test]
    fn migrates_schema_2_to_an_account_without_answers() {
        let mut a = demo::example(today(), 9);
        assert!(!a.moments.is_empty() && !a.assessments.is_empty());
        let mut v: Value = serde_json::from_str(&encode(&a, 4)).unwrap();
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
        let s = decode(&encode(&a, 1)).unwrap();
        assert_eq!(s.account.assessments[0].version, 1);
        assert_eq!(s.account.moments[0].version, 1);
        assert_eq!(s.account.assessments[0].answers, a.assessments[0].answers);
        // Unknown questionnaires are kept as they are, for validation to report.
        a.assessments[0].definition = "from-the-future".into();
        let s = decode(&encode(&a, 1)).unwrap();
        assert_eq!(s.account.assessments[0], a.assessments[0]);
        assert!(!crate::validate::validate_account(&s.account, today()).is_empty());
    }

    #[test]
    fn refuses_garbage_truncated_wrong_types_and_newer_schemas() {
        let good = encode(&demo::example(today(), 1), 1);
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
        assert_eq!(peek_schema("{\"schema\":4}"), Ok(4));
        let wrong_type = good.replacen("\"rev\":1", "\"rev\":\"one\"", 1);
        assert!(matches!(decode(&wrong_type), Err(DecodeError::Invalid(_))));
        let bad_code = r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":["sd-delivered"],"who":[""],"e":[[1,9000,25,0,0,""]]}"#;
        assert!(matches!(decode(bad_code), Err(DecodeError::Invalid(_))));
        let bad_index = r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":[],"who":[""],"e":[[1,9000,2,0,0,""]]}"#;
        assert!(matches!(decode(bad_index), Err(DecodeError::Invalid(_))));
        let minimal = r#"{"schema":2,"rev":1,"client":{"id":"c-1","name":"X"},"ids":["sd-delivered"],"who":[""],"e":[[1,9000,2,0,0,"n"]]}"#;
        let s = decode(minimal).unwrap();
        assert_eq!(s.account.entries[0].weight.get(), 3);
    }

    #[test]
    fn fifty_thousand_realistic_entries_fit_in_the_quota() {
        let a = demo::synthetic(50_000, 3, today());
        let encoded = encode(&a, 1);
        let units: usize = encoded.encode_utf16().count() + client_key(a.client.id.as_str()).len();
        println!(
            "50,000 entries: {units} UTF-16 units ({:.1} per entry)",
            units as f64 / 50_000.0
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
    fn export_reminder() {
        let mut m = Meta::default();
        assert!(!m.export_due(today(), false));
        m.changes_since_export = 1;
        assert!(m.export_due(today(), true));
        m.last_export = Some(today());
        assert!(!m.export_due(today(), true));
        m.changes_since_export = 200;
        assert!(m.export_due(today(), true));
        m.changes_since_export = 0;
        m.last_export = today().checked_sub_days(Days::new(31));
        assert!(m.export_due(today(), true));
    }
}
