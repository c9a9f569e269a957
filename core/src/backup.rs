//! The JSON backup: export everything, and import with validation, a
//! preview, and a choice between merge (by client id) and replace.
//!
//! Export → import → export gives back the same bytes: the file is the
//! accounts in a fixed field order, pretty-printed, with its own schema.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::codec::SCHEMA;
use crate::i18n::{tf, Key, Lang};
use crate::model::Account;
use crate::validate::{validate_account, AccountProblem};

/// Marks a file as ours.
pub const FORMAT: &str = "klantbankrekening-backup";
/// Largest file accepted for import (10 MB).
pub const MAX_IMPORT_BYTES: u64 = 10 * 1024 * 1024;

/// A backup file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`FORMAT`].
    pub format: String,
    /// Data schema it was written with.
    pub schema: u32,
    /// Export date.
    pub exported: NaiveDate,
    /// Every client, in the app's order.
    pub clients: Vec<Account>,
}

/// The backup file's text for `accounts`.
pub fn export(accounts: &[Account], today: NaiveDate) -> String {
    let backup = Backup {
        format: FORMAT.to_string(),
        schema: SCHEMA,
        exported: today,
        clients: accounts.to_vec(),
    };
    let mut out = serde_json::to_string_pretty(&backup).unwrap_or_default();
    out.push('\n');
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
    /// One line for the user: which client, what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.problem {
            ClientProblem::Account(p) => p.message(lang),
            ClientProblem::DuplicateId(id) => tf(lang, Key::ImportDuplicateClient, &[("id", id)]),
            ClientProblem::Unreadable(detail) => {
                tf(lang, Key::ImportUnreadableClient, &[("detail", detail)])
            }
        };
        tf(
            lang,
            Key::ImportProblemLine,
            &[
                ("n", &(self.index + 1).to_string()),
                ("client", &self.client),
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
            ImportError::NotJson(d) => tf(lang, Key::ImportNotJson, &[("detail", d)]),
            ImportError::WrongFormat => Key::ImportWrongFormat.text(lang).to_string(),
            ImportError::NewerSchema(n) => {
                tf(lang, Key::ImportNewerSchema, &[("schema", &n.to_string())])
            }
            ImportError::Invalid(d) => tf(lang, Key::ImportInvalid, &[("detail", d)]),
            ImportError::Problems(p) => {
                tf(lang, Key::ImportProblems, &[("n", &p.len().to_string())])
            }
        }
    }
}

/// Reads and validates a backup file's text. `size` is the file size in
/// bytes, checked before anything is parsed.
pub fn parse(text: &str, size: u64, today: NaiveDate) -> Result<Backup, ImportError> {
    if size > MAX_IMPORT_BYTES || text.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(size.max(text.len() as u64)));
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    match value.get("schema").and_then(|s| s.as_u64()) {
        Some(n) if n > u64::from(SCHEMA) => {
            return Err(ImportError::NewerSchema(
                u32::try_from(n).unwrap_or(u32::MAX),
            ))
        }
        Some(1..) => {}
        _ => return Err(ImportError::WrongFormat),
    }
    // Clients are read one by one, so a broken field is reported for the
    // client (and entry) it is in, not as one error for the whole file.
    let mut value = value;
    let raw_clients = match value.get_mut("clients").map(serde_json::Value::take) {
        Some(serde_json::Value::Array(list)) => list,
        _ => return Err(ImportError::Invalid("clients is not a list".into())),
    };
    let mut problems = Vec::new();
    let mut clients = Vec::with_capacity(raw_clients.len());
    for (index, raw) in raw_clients.into_iter().enumerate() {
        let name = raw
            .pointer("/client/name")
            .and_then(|n| n.as_str())
            .unwrap_or("")
            .to_string();
        match serde_json::from_value::<Account>(raw) {
            Ok(mut a) => {
                crate::questionnaire::migrate_account(&mut a);
                clients.push(a)
            }
            Err(e) => problems.push(ImportProblem {
                index,
                client: name,
                problem: ClientProblem::Unreadable(e.to_string()),
            }),
        }
    }
    value["clients"] = serde_json::Value::Array(Vec::new());
    let mut backup: Backup =
        serde_json::from_value(value).map_err(|e| ImportError::Invalid(e.to_string()))?;
    backup.clients = clients;
    let mut seen = std::collections::HashSet::new();
    for (index, account) in backup.clients.iter().enumerate() {
        let client = account.client.name.clone();
        if !seen.insert(account.client.id.clone()) {
            problems.push(ImportProblem {
                index,
                client: client.clone(),
                problem: ClientProblem::DuplicateId(account.client.id.0.clone()),
            });
        }
        for p in validate_account(account, today) {
            problems.push(ImportProblem {
                index,
                client: client.clone(),
                problem: ClientProblem::Account(p),
            });
        }
    }
    if problems.is_empty() {
        Ok(backup)
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

/// Previews an import.
pub fn plan(existing: &[Account], backup: &Backup, mode: ImportMode) -> ImportPlan {
    let in_file = |a: &Account| backup.clients.iter().any(|b| b.client.id == a.client.id);
    let exists = |b: &Account| existing.iter().any(|a| a.client.id == b.client.id);
    let replaced = backup.clients.iter().filter(|b| exists(b)).count();
    let untouched = existing.iter().filter(|a| !in_file(a)).count();
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

/// Applies an import: the accounts after it, in order (existing first, in
/// place; new ones appended).
pub fn apply(existing: Vec<Account>, backup: Backup, mode: ImportMode) -> Vec<Account> {
    match mode {
        ImportMode::Replace => backup.clients,
        ImportMode::Merge => {
            let mut out = existing;
            for b in backup.clients {
                match out.iter_mut().find(|a| a.client.id == b.client.id) {
                    Some(slot) => *slot = b,
                    None => out.push(b),
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::ClientId;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn export_import_export_is_byte_identical() {
        let accounts = vec![demo::example(today(), 1), demo::synthetic(300, 2, today())];
        let text = export(&accounts, today());
        let back = parse(&text, text.len() as u64, today()).unwrap();
        let again = export(&apply(vec![], back, ImportMode::Replace), today());
        assert_eq!(text, again);
        assert!(text.starts_with("{\n  \"format\": \"klantbankrekening-backup\""));
    }

    #[test]
    fn refuses_oversized_non_json_foreign_and_newer_files() {
        assert!(matches!(
            parse("{}", MAX_IMPORT_BYTES + 1, today()),
            Err(ImportError::TooLarge(_))
        ));
        assert!(matches!(
            parse("{oops", 5, today()),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            parse("{\"a\":1}", 7, today()),
            Err(ImportError::WrongFormat)
        );
        let newer = r#"{"format":"klantbankrekening-backup","schema":9,"exported":"2026-01-01","clients":[]}"#;
        assert_eq!(parse(newer, 10, today()), Err(ImportError::NewerSchema(9)));
        let wrong = r#"{"format":"klantbankrekening-backup","schema":2,"exported":"2026-01-01","clients":"x"}"#;
        assert!(matches!(
            parse(wrong, 10, today()),
            Err(ImportError::Invalid(_))
        ));
    }

    #[test]
    fn lists_every_problem_with_client_and_entry() {
        let mut a = demo::example(today(), 1);
        let mut b = demo::example(today(), 1); // same id: duplicate
        a.entries[2].category = crate::model::CategoryId("cd-paid-on-time".into()); // wrong party
        b.client.name = "   ".into();
        let text = export(&[a, b], today());
        let Err(ImportError::Problems(problems)) = parse(&text, 1, today()) else {
            panic!("expected problems");
        };
        let lines: Vec<String> = problems.iter().map(|p| p.message(Lang::Nl)).collect();
        assert!(
            lines
                .iter()
                .any(|l| l.contains("Klant 1") && l.contains("Boeking 3")),
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
    fn a_broken_field_is_reported_for_its_client() {
        let text = export(&[demo::example(today(), 1)], today()).replacen(
            "\"weight\": 1",
            "\"weight\": 9",
            1,
        );
        let Err(ImportError::Problems(problems)) = parse(&text, 1, today()) else {
            panic!("expected problems");
        };
        assert_eq!(problems.len(), 1);
        let line = problems[0].message(Lang::Nl);
        assert!(
            line.starts_with("Klant 1 (Van Dalen Logistiek (demo))"),
            "{line}"
        );
        assert!(line.contains("weight 9"), "{line}");
    }

    #[test]
    fn merge_and_replace_plans() {
        let x = demo::synthetic(5, 1, today());
        let y = demo::synthetic(5, 2, today());
        let mut x2 = x.clone();
        x2.client.name = "X nieuw".into();
        let z = demo::synthetic(7, 3, today());
        let backup = Backup {
            format: FORMAT.into(),
            schema: SCHEMA,
            exported: today(),
            clients: vec![x2.clone(), z.clone()],
        };
        let existing = vec![x, y.clone()];
        let p = plan(&existing, &backup, ImportMode::Merge);
        assert_eq!(
            (p.added, p.replaced, p.kept, p.removed, p.entries),
            (1, 1, 1, 0, 12)
        );
        let merged = apply(existing.clone(), backup.clone(), ImportMode::Merge);
        assert_eq!(merged, vec![x2.clone(), y, z.clone()]);
        let p = plan(&existing, &backup, ImportMode::Replace);
        assert_eq!((p.added, p.replaced, p.kept, p.removed), (1, 1, 0, 1));
        assert_eq!(apply(existing, backup, ImportMode::Replace), vec![x2, z]);
        assert_ne!(ClientId::from_random(1), ClientId::from_random(2));
        // The preview counts what the questionnaires hold too.
        let demo = demo::example(today(), 3);
        let file = Backup {
            format: FORMAT.into(),
            schema: SCHEMA,
            exported: today(),
            clients: vec![demo.clone()],
        };
        let p = plan(&[], &file, ImportMode::Merge);
        assert_eq!(
            (p.moments, p.assessments),
            (demo.moments.len(), demo.assessments.len())
        );
        assert!(p.moments > 0 && p.assessments > 0);
    }
}
