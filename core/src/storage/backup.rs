//! The JSON backup: export everything, and import with validation, a
//! preview, and a choice between merge (by client id) and replace.
//!
//! Every file the app writes imports again, up to the largest store the
//! browser quota allows: each client is written as its compact storage
//! record (entries as rows), one client per line, so a backup of 80,000
//! entries is about as large as the store itself. Export → import → export
//! gives back the same bytes. Files of earlier versions (schema 1–3, with
//! verbose accounts) still import.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;
use thiserror::Error;

use crate::i18n::{shorten, tf, Key, Lang};
use crate::invite::workshop::{self, Session};
use crate::model::{Account, ClientId};
use crate::storage::check::{validate_account, AccountProblem};
use crate::storage::codec::{self, DecodeError};

/// Marks a file as ours.
pub const FORMAT: &str = "klantbankrekening-backup";
/// The backup schema this version writes: clients as storage records (4),
/// plus workshop sessions (5).
pub const BACKUP_SCHEMA: u32 = 5;
/// Largest file accepted for import (40 MB). The browser quota holds about
/// 5 million characters, which is at most 15 MB of UTF-8 even if every
/// character took three bytes, and 22 MB in the verbose format of older
/// versions: a larger file was not written by this app.
pub const MAX_IMPORT_BYTES: u64 = 40 * 1024 * 1024;

/// A backup file, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The schema it was written with.
    pub schema: u32,
    /// Export date.
    pub exported: NaiveDate,
    /// Every client, in the app's order.
    pub clients: Vec<Account>,
    /// The trainer's workshop sessions.
    pub workshops: Vec<Session>,
}

/// The backup file's text for `accounts`.
pub fn export(accounts: &[Account], workshops: &[Session], today: NaiveDate) -> String {
    let mut out = format!(
        "{{\"format\":\"{FORMAT}\",\"schema\":{BACKUP_SCHEMA},\"exported\":\"{today}\",\"clients\":["
    );
    for (i, a) in accounts.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&codec::encode_record(a, 0, "", ""));
    }
    out.push_str("\n]");
    if !workshops.is_empty() {
        out.push_str(",\"workshops\":[");
        for (i, s) in workshops.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&workshop::encode(s));
        }
        out.push_str("\n]");
    }
    out.push_str("}\n");
    out
}

/// A suggested file name: `klantbankrekening-2026-11-23.json`.
pub fn file_name(today: NaiveDate) -> String {
    format!("klantbankrekening-{today}.json")
}

/// A problem in one client of an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// Position of the client in the file (0-based).
    pub index: usize,
    /// The client's name as found (may be empty).
    pub client: String,
    /// What is wrong.
    pub problem: ClientProblem,
}

/// What is wrong with one client in an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClientProblem {
    /// A rule is broken.
    Account(AccountProblem),
    /// The same client id appears twice in the file.
    DuplicateId(String),
    /// The client's record has the wrong structure (a field of the wrong
    /// type, a weight outside 1–5, a missing name): serde's own words.
    Unreadable(String),
}

impl ImportProblem {
    /// One line for the user: which client, what is wrong. User text from
    /// the file is quoted shortened.
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.problem {
            ClientProblem::Account(p) => p.message(lang),
            ClientProblem::DuplicateId(id) => tf(
                lang,
                Key::ImportDuplicateClient,
                &[("id", &shorten(id, 40))],
            ),
            ClientProblem::Unreadable(detail) => tf(
                lang,
                Key::ImportUnreadableClient,
                &[("detail", &shorten(detail, 160))],
            ),
        };
        tf(
            lang,
            Key::ImportProblemLine,
            &[
                ("n", &(self.index + 1).to_string()),
                ("client", &shorten(&self.client, 60)),
                ("problem", &what),
            ],
        )
    }
}

/// Why a file cannot be imported. Nothing changes when any of these occur.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    #[error("file is {0} bytes")]
    TooLarge(u64),
    /// Not JSON.
    #[error("not JSON: {0}")]
    NotJson(String),
    /// JSON, but not our backup format.
    #[error("not a backup file")]
    WrongFormat,
    /// Made by a newer version.
    #[error("newer schema {0}")]
    NewerSchema(u32),
    /// Our format, but the structure is off (wrong types, missing fields).
    #[error("invalid: {0}")]
    Invalid(String),
    /// Readable, but clients break rules.
    #[error("{} problems", .0.len())]
    Problems(Vec<ImportProblem>),
}

impl ImportError {
    /// One sentence for the user (problems are listed separately).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::TooLarge(n) => tf(
                lang,
                Key::ImportTooLarge,
                &[
                    ("size", &format!("{:.1}", *n as f64 / 1_048_576.0)),
                    ("max", &(MAX_IMPORT_BYTES / 1_048_576).to_string()),
                ],
            ),
            ImportError::NotJson(d) => {
                tf(lang, Key::ImportNotJson, &[("detail", &shorten(d, 160))])
            }
            ImportError::WrongFormat => Key::ImportWrongFormat.text(lang).to_string(),
            ImportError::NewerSchema(n) => {
                tf(lang, Key::ImportNewerSchema, &[("schema", &n.to_string())])
            }
            ImportError::Invalid(d) => {
                tf(lang, Key::ImportInvalid, &[("detail", &shorten(d, 160))])
            }
            ImportError::Problems(p) => {
                tf(lang, Key::ImportProblems, &[("n", &p.len().to_string())])
            }
        }
    }
}

/// The outside of a backup file; clients are read one by one.
#[derive(Deserialize)]
struct Envelope<'a> {
    format: Option<String>,
    schema: Option<u64>,
    #[serde(default, with = "crate::model::dates::iso::option")]
    exported: Option<NaiveDate>,
    #[serde(borrow)]
    clients: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    workshops: Vec<&'a RawValue>,
}

/// The name of a client as found in a raw record of either format, for
/// problem lines.
fn name_in(raw: &str) -> String {
    #[derive(Deserialize)]
    struct Named {
        name: Option<String>,
    }
    #[derive(Deserialize)]
    struct WithClient {
        client: Option<Named>,
    }
    serde_json::from_str::<WithClient>(raw)
        .ok()
        .and_then(|w| w.client)
        .and_then(|c| c.name)
        .unwrap_or_default()
}

/// Reads and validates a backup file's text. `size` is the file size in
/// bytes, checked before anything is parsed.
pub fn parse(text: &str, size: u64) -> Result<Backup, ImportError> {
    if size > MAX_IMPORT_BYTES || text.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(size.max(text.len() as u64)));
    }
    if !text.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => ImportError::WrongFormat,
            Err(e) => ImportError::NotJson(e.to_string()),
        });
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::WrongFormat,
        _ => ImportError::NotJson(e.to_string()),
    })?;
    if envelope.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    let schema = match envelope.schema {
        Some(n) if n > u64::from(BACKUP_SCHEMA) => {
            return Err(ImportError::NewerSchema(
                u32::try_from(n).unwrap_or(u32::MAX),
            ))
        }
        Some(n @ 1..) => n as u32,
        _ => return Err(ImportError::WrongFormat),
    };
    let exported = envelope
        .exported
        .ok_or_else(|| ImportError::Invalid("exported is missing".into()))?;
    let raw_clients = envelope
        .clients
        .ok_or_else(|| ImportError::Invalid("clients is not a list".into()))?;
    // Clients are read one by one, so a broken field is reported for the
    // client (and entry) it is in, not as one error for the whole file.
    let mut problems = Vec::new();
    let mut clients = Vec::with_capacity(raw_clients.len());
    for (index, raw) in raw_clients.into_iter().enumerate() {
        let read = if schema >= 4 {
            codec::decode(raw.get())
                .map(|s| s.account)
                .map_err(|e| match e {
                    DecodeError::Invalid(d) | DecodeError::NotJson(d) => d,
                    other => other.to_string(),
                })
        } else {
            serde_json::from_str::<Account>(raw.get())
                .map(|mut a| {
                    codec::restore(&mut a);
                    a
                })
                .map_err(|e| e.to_string())
        };
        match read {
            Ok(a) => clients.push(a),
            Err(detail) => problems.push(ImportProblem {
                index,
                client: name_in(raw.get()),
                problem: ClientProblem::Unreadable(detail),
            }),
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (index, account) in clients.iter().enumerate() {
        let client = account.client.name.clone();
        if !seen.insert(account.client.id.clone()) {
            problems.push(ImportProblem {
                index,
                client: client.clone(),
                problem: ClientProblem::DuplicateId(account.client.id.to_string()),
            });
        }
        for p in validate_account(account) {
            problems.push(ImportProblem {
                index,
                client: client.clone(),
                problem: ClientProblem::Account(p),
            });
        }
    }
    if problems.is_empty() {
        let mut workshops = Vec::with_capacity(envelope.workshops.len());
        for raw in envelope.workshops {
            let s = workshop::decode(raw.get()).map_err(|e| ImportError::Invalid(e.to_string()))?;
            workshops.push(s);
        }
        Ok(Backup {
            schema,
            exported,
            clients,
            workshops,
        })
    } else {
        Err(ImportError::Problems(problems))
    }
}

/// How an import combines with what is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Clients with the same id are replaced; new ones added; others kept.
    Merge,
    /// Everything present is replaced by the file.
    Replace,
}

/// What an import will do, shown before the user confirms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Clients that are new.
    pub added: usize,
    /// Clients replaced by the file's version.
    pub replaced: usize,
    /// Clients removed (replace mode: present but not in the file).
    pub removed: usize,
    /// Clients left as they are.
    pub kept: usize,
    /// Entries in the file.
    pub entries: usize,
    /// Interaction moments in the file.
    pub moments: usize,
    /// Self-assessments in the file.
    pub assessments: usize,
}

/// Previews an import over the ids of the clients present.
pub fn plan(existing: &[ClientId], backup: &Backup, mode: ImportMode) -> ImportPlan {
    let in_file = |id: &ClientId| backup.clients.iter().any(|b| &b.client.id == id);
    let exists = |b: &Account| existing.contains(&b.client.id);
    let replaced = backup.clients.iter().filter(|b| exists(b)).count();
    let untouched = existing.iter().filter(|id| !in_file(id)).count();
    ImportPlan {
        added: backup.clients.len() - replaced,
        replaced,
        removed: if mode == ImportMode::Replace {
            untouched
        } else {
            0
        },
        kept: if mode == ImportMode::Merge {
            untouched
        } else {
            0
        },
        entries: backup.clients.iter().map(|a| a.entries.len()).sum(),
        moments: backup.clients.iter().map(|a| a.moments.len()).sum(),
        assessments: backup.clients.iter().map(|a| a.assessments.len()).sum(),
    }
}

/// The ids an import removes (replace mode: those not in the file).
pub fn removed_by(existing: &[ClientId], backup: &Backup, mode: ImportMode) -> Vec<ClientId> {
    match mode {
        ImportMode::Merge => Vec::new(),
        ImportMode::Replace => existing
            .iter()
            .filter(|id| !backup.clients.iter().any(|b| &b.client.id == *id))
            .cloned()
            .collect(),
    }
}

/// What an import does to the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// Accounts to write (new ones, and replacements by id), in file order.
    pub put: Vec<Account>,
    /// Clients to delete (replace mode: those not in the file).
    pub removed: Vec<ClientId>,
}

/// What an import of `backup` in `mode` does, over the ids present.
pub fn apply(existing: &[ClientId], backup: Backup, mode: ImportMode) -> Applied {
    Applied {
        removed: removed_by(existing, &backup, mode),
        put: backup.clients,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::dates::test_dates::today;
    use serde::Serialize;

    fn ids(accounts: &[Account]) -> Vec<ClientId> {
        accounts.iter().map(|a| a.client.id.clone()).collect()
    }

    #[test]
    fn workshop_sessions_travel_in_the_backup_and_a_broken_one_refuses_the_file() {
        use crate::invite::workshop::Session;
        use crate::model::RoundId;
        use crate::questionnaires::definitions::HOSTMANSHIP;
        let s = Session::new(RoundId(99), today(), "Casus", Lang::Nl, &[&HOSTMANSHIP]).unwrap();
        let text = export(
            &[demo::example(today(), 1)],
            std::slice::from_ref(&s),
            today(),
        );
        let back = parse(&text, text.len() as u64).unwrap();
        assert_eq!(back.workshops, vec![s]);
        let broken = text.replace("\"exercises\":[\"hostmanship\"]", "\"exercises\":[]");
        assert!(matches!(
            parse(&broken, broken.len() as u64),
            Err(ImportError::Invalid(_))
        ));
    }

    #[test]
    fn export_import_export_is_byte_identical() {
        let accounts = vec![demo::example(today(), 1), demo::synthetic(300, 2, today())];
        let text = export(&accounts, &[], today());
        let back = parse(&text, text.len() as u64).unwrap();
        assert_eq!(back.clients, accounts);
        let again = export(&apply(&[], back, ImportMode::Replace).put, &[], today());
        assert_eq!(text, again);
        assert!(text.starts_with("{\"format\":\"klantbankrekening-backup\",\"schema\":5"));
    }

    #[test]
    fn a_backup_at_the_quota_capacity_round_trips_under_the_cap() {
        let big = demo::synthetic(80_000, 7, today());
        let start = std::time::Instant::now();
        let text = export(std::slice::from_ref(&big), &[], today());
        let back = parse(&text, text.len() as u64).unwrap();
        println!(
            "backup of 80,000 entries: {:.1} MB, export+import {} ms (debug build)",
            text.len() as f64 / 1_048_576.0,
            start.elapsed().as_millis()
        );
        assert!((text.len() as u64) < MAX_IMPORT_BYTES);
        assert_eq!(back.clients[0], big);
    }

    #[test]
    fn files_of_earlier_versions_still_import() {
        #[derive(Serialize)]
        struct Old<'a> {
            format: &'a str,
            schema: u32,
            exported: NaiveDate,
            clients: Vec<Account>,
        }
        let a = demo::example(today(), 1);
        let text = serde_json::to_string_pretty(&Old {
            format: FORMAT,
            schema: 3,
            exported: today(),
            clients: vec![a.clone()],
        })
        .unwrap();
        let back = parse(&text, text.len() as u64).unwrap();
        assert_eq!(back.schema, 3);
        assert_eq!(back.clients, vec![a]);
    }

    #[test]
    fn refuses_oversized_non_json_foreign_and_newer_files() {
        assert!(matches!(
            parse("{}", MAX_IMPORT_BYTES + 1),
            Err(ImportError::TooLarge(_))
        ));
        assert!(matches!(parse("{oops", 5), Err(ImportError::NotJson(_))));
        assert_eq!(parse("{\"a\":1}", 7), Err(ImportError::WrongFormat));
        assert_eq!(parse("[1]", 3), Err(ImportError::WrongFormat));
        let newer = r#"{"format":"klantbankrekening-backup","schema":9,"exported":"2026-01-01","clients":[]}"#;
        assert_eq!(parse(newer, 10), Err(ImportError::NewerSchema(9)));
        let wrong = r#"{"format":"klantbankrekening-backup","schema":2,"exported":"2026-01-01","clients":"x"}"#;
        assert!(matches!(parse(wrong, 10), Err(ImportError::WrongFormat)));
        let missing = r#"{"format":"klantbankrekening-backup","schema":2,"exported":"2026-01-01"}"#;
        assert!(matches!(parse(missing, 10), Err(ImportError::Invalid(_))));
    }

    #[test]
    fn lists_every_problem_with_client_and_entry() {
        let mut a = demo::example(today(), 1);
        let mut b = demo::example(today(), 1); // same id: duplicate
        a.entries[2].category = crate::model::CategoryId::new("cd-paid-on-time"); // wrong party
        b.client.name = "   ".into();
        let text = export(&[a.clone(), b], &[], today());
        let Err(ImportError::Problems(problems)) = parse(&text, 1) else {
            panic!("expected problems");
        };
        let lines: Vec<String> = problems.iter().map(|p| p.message(Lang::Nl)).collect();
        let third = a.entries[2].id.0.to_string();
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Klant 1") && l.contains(&format!("Boeking {third}"))),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Klant 2") && l.contains("twee keer")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Klant 2") && l.contains("Naam is verplicht")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_broken_field_is_reported_for_its_client_and_long_names_are_shortened() {
        let mut a = demo::example(today(), 1);
        a.client.name = "N".repeat(100_000);
        let text =
            export(&[a], &[], today()).replacen("\"weight\":", "\"weight\":\"x\",\"w2\":", 0);
        let text = text.replacen(",0,\"", ",0,7,\"", 1);
        let Err(ImportError::Problems(problems)) = parse(&text, 1) else {
            panic!("expected problems");
        };
        assert_eq!(problems.len(), 1);
        let line = problems[0].message(Lang::Nl);
        assert!(line.starts_with("Klant 1 (NNN"), "{line}");
        assert!(
            line.chars().count() < 400,
            "quoted shortened: {}",
            line.chars().count()
        );
    }

    #[test]
    fn merge_and_replace_plans() {
        let x = demo::synthetic(5, 1, today());
        let y = demo::synthetic(5, 2, today());
        let mut x2 = x.clone();
        x2.client.name = "X nieuw".into();
        let z = demo::synthetic(7, 3, today());
        let backup = Backup {
            schema: BACKUP_SCHEMA,
            exported: today(),
            clients: vec![x2.clone(), z.clone()],
            workshops: Vec::new(),
        };
        let existing = ids(&[x, y.clone()]);
        let p = plan(&existing, &backup, ImportMode::Merge);
        assert_eq!(
            (p.added, p.replaced, p.kept, p.removed, p.entries),
            (1, 1, 1, 0, 12)
        );
        let merged = apply(&existing, backup.clone(), ImportMode::Merge);
        assert_eq!(merged.put, vec![x2.clone(), z.clone()]);
        assert!(merged.removed.is_empty());
        let p = plan(&existing, &backup, ImportMode::Replace);
        assert_eq!((p.added, p.replaced, p.kept, p.removed), (1, 1, 0, 1));
        assert_eq!(
            apply(&existing, backup, ImportMode::Replace).removed,
            vec![y.client.id.clone()]
        );
        // The preview counts what the questionnaires hold too.
        let demo = demo::example(today(), 3);
        let file = Backup {
            schema: BACKUP_SCHEMA,
            exported: today(),
            clients: vec![demo.clone()],
            workshops: Vec::new(),
        };
        let p = plan(&[], &file, ImportMode::Merge);
        assert_eq!(
            (p.moments, p.assessments),
            (demo.moments.len(), demo.assessments.len())
        );
        assert!(p.moments > 0 && p.assessments > 0);
    }
}
