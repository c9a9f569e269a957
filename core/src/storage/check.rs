//! Checks a whole account as it comes from storage or an import, with every
//! rule the forms apply, so nothing enters that the app could not have made.

use thiserror::Error;

use crate::account::debtors::DisputeError;
use crate::catalogue;
use crate::i18n::{tf, Key, Lang};
use crate::invite::code::{PSEUDONYM_MAX, TITLE_MAX};
use crate::model::{limits, Account, DisputeId, EntryId, MomentId, ResponseId, RoundId};
use crate::questionnaires::definitions::CLIENT_VIEW;
use crate::questionnaires::engine::{validate_answers, AnswerError};
use crate::questionnaires::moments::{validate_moment, MomentError};
use crate::questionnaires::restore::validate_response;
use crate::validate::{
    apply_client_draft, clean_text, validate_entry, validate_settings, ClientDraft, ClientError,
    EntryDraft, EntryError, Field, TextError,
};

/// Checks a whole account as it comes from storage or an import: every entry
/// against the rules, ids unique, settings in range. Returns every problem.
pub fn validate_account(account: &Account) -> Vec<AccountProblem> {
    let mut problems = Vec::new();
    let c = &account.client;
    if !c.id.is_well_formed() {
        problems.push(AccountProblem::BadClientId);
    }
    let mut draft_errors = Vec::new();
    let mut probe = c.clone();
    if let Err(e) = apply_client_draft(&mut probe, &ClientDraft::from(c)) {
        draft_errors.extend(e);
    }
    if probe.name != c.name {
        // Untrimmed names from an import would not round-trip exactly.
        draft_errors.push(ClientError::Text(TextError::Required(Field::Name)));
    }
    if let Err(e) = validate_settings(c.period, &c.thresholds) {
        draft_errors.extend(e);
    }
    problems.extend(draft_errors.into_iter().map(AccountProblem::Client));
    let mut seen = std::collections::HashSet::new();
    for o in &account.own_categories {
        if !o.id.as_str().starts_with("own-") || catalogue::builtin(o.id.as_str()).is_some() {
            problems.push(AccountProblem::BadOwnCategory(o.id.as_str().to_string()));
        }
        if let Err(e) = clean_text(Field::Label, &o.label, limits::CATEGORY_LABEL, true) {
            problems.push(AccountProblem::OwnCategoryLabel(
                o.id.as_str().to_string(),
                e,
            ));
        }
        if !seen.insert(o.id.as_str()) {
            problems.push(AccountProblem::BadOwnCategory(o.id.as_str().to_string()));
        }
    }
    for w in account.entries.windows(2) {
        if w[0].id == w[1].id {
            problems.push(AccountProblem::DuplicateEntryId(w[0].id));
        }
    }
    for e in &account.entries {
        if let Err(errs) = validate_entry(account, &EntryDraft::from(e), e.id) {
            problems.extend(errs.into_iter().map(|err| AccountProblem::Entry(e.id, err)));
        }
    }
    let mut moment_ids = std::collections::HashSet::new();
    for m in &account.moments {
        if !moment_ids.insert(m.id) {
            problems.push(AccountProblem::DuplicateId("moment", m.id.0));
        }
        problems.extend(
            validate_moment(account, m)
                .into_iter()
                .map(|err| AccountProblem::Moment(m.id, err)),
        );
    }
    let mut response_ids = std::collections::HashSet::new();
    for r in &account.assessments {
        if !response_ids.insert(r.id) {
            problems.push(AccountProblem::DuplicateId("assessment", r.id.0));
        }
        problems.extend(
            validate_response(r)
                .into_iter()
                .map(|err| AccountProblem::Assessment(r.id, err)),
        );
    }
    let mut dispute_ids = std::collections::HashSet::new();
    for d in &account.disputes {
        if !dispute_ids.insert(d.id) {
            problems.push(AccountProblem::DuplicateId("dispute", d.id.0));
        }
        if let Err(e) = crate::account::debtors::check(account, d) {
            problems.push(AccountProblem::Dispute(d.id, e));
        }
    }
    let mut round_ids = std::collections::HashSet::new();
    for round in &account.rounds {
        if !round_ids.insert(round.id) || round.id.0 == 0 || round.id.0 > RoundId::MAX {
            problems.push(AccountProblem::DuplicateId("round", round.id.0));
        }
        if let Err(e) = clean_text(Field::Text, &round.sender, TITLE_MAX, false) {
            problems.push(AccountProblem::Round(round.id, RoundProblem::Text(e)));
        }
        let mut participants = std::collections::HashSet::new();
        for ret in &round.returns {
            let fits = ret.version == CLIENT_VIEW.version
                && validate_answers(&CLIENT_VIEW, &ret.answers).is_empty()
                && clean_text(Field::Text, &ret.name, PSEUDONYM_MAX, false).is_ok()
                && ret.booked.is_none_or(|b| account.entry(b).is_some());
            if !participants.insert(ret.participant) || !fits {
                problems.push(AccountProblem::Round(
                    round.id,
                    RoundProblem::Answer(ret.participant),
                ));
            }
        }
    }
    problems
}

/// What is wrong in a stored client-invite round.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RoundProblem {
    /// The sender's name.
    #[error(transparent)]
    Text(TextError),
    /// One contact's answers do not fit the questionnaire, or appear twice.
    #[error("answers of contact {0} do not fit")]
    Answer(u32),
}

/// A problem found in a stored or imported account.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AccountProblem {
    /// The client id is not one we could have made.
    #[error("client id is malformed")]
    BadClientId,
    /// Client details or settings.
    #[error(transparent)]
    Client(ClientError),
    /// An own category id is malformed, duplicated or shadows the catalogue.
    #[error("own category {0} has a bad id")]
    BadOwnCategory(String),
    /// An own category label.
    #[error("own category {0}: {1}")]
    OwnCategoryLabel(String, TextError),
    /// Two entries share an id.
    #[error("entry id {0:?} is used twice")]
    DuplicateEntryId(EntryId),
    /// An entry breaks a rule.
    #[error("entry {0:?}: {1}")]
    Entry(EntryId, EntryError),
    /// Two moments, or two assessments, share an id.
    #[error("{0} id {1} is used twice")]
    DuplicateId(&'static str, u64),
    /// An interaction moment breaks a rule.
    #[error("moment {0:?}: {1}")]
    Moment(MomentId, MomentError),
    /// An assessment breaks a rule.
    #[error("assessment {0:?}: {1}")]
    Assessment(ResponseId, AnswerError),
    /// A client-invite round breaks a rule.
    #[error("round {0:?}: {1}")]
    Round(RoundId, RoundProblem),
    /// A followed-up dispute breaks a rule.
    #[error("dispute {0:?}: {1}")]
    Dispute(DisputeId, DisputeError),
}

impl AccountProblem {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AccountProblem::BadClientId => Key::ErrBadClientId.text(lang).to_string(),
            AccountProblem::Client(e) => e.message(lang),
            AccountProblem::BadOwnCategory(id) => tf(lang, Key::ErrBadOwnCategory, &[("id", id)]),
            AccountProblem::OwnCategoryLabel(_, e) => e.message(lang),
            AccountProblem::DuplicateEntryId(id) => {
                tf(lang, Key::ErrDuplicateEntry, &[("id", &id.0.to_string())])
            }
            AccountProblem::Entry(id, e) => tf(
                lang,
                Key::ErrInEntry,
                &[("id", &id.0.to_string()), ("problem", &e.message(lang))],
            ),
            AccountProblem::DuplicateId(_, id) => {
                tf(lang, Key::ErrDuplicateRecord, &[("id", &id.to_string())])
            }
            AccountProblem::Moment(id, e) => tf(
                lang,
                Key::ErrInMoment,
                &[("id", &id.0.to_string()), ("problem", &e.message(lang))],
            ),
            AccountProblem::Assessment(id, e) => tf(
                lang,
                Key::ErrInAssessment,
                &[("id", &id.0.to_string()), ("problem", &e.message(lang))],
            ),
            AccountProblem::Dispute(id, e) => tf(
                lang,
                Key::ErrInDispute,
                &[("id", &id.0.to_string()), ("problem", &e.message(lang))],
            ),
            AccountProblem::Round(id, e) => {
                let problem = match e {
                    RoundProblem::Text(t) => t.message(lang),
                    RoundProblem::Answer(_) => Key::CodeMalformed.text(lang).to_string(),
                };
                tf(
                    lang,
                    Key::ErrInRound,
                    &[("id", &id.slug()), ("problem", &problem)],
                )
            }
        }
    }
}
