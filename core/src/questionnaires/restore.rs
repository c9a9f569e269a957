//! The restore step of stored answers: checks an assessment against its
//! definition, and brings old answers to the current definition versions.
//! Above both the engine and the shipped definitions, which it joins.

use super::definitions;
use super::engine::{migrate, validate_answers, AnswerError};
use crate::model::{dates, Account, Response};

/// Checks a stored or imported assessment: a known definition, a version
/// this app knows, a sane date and answers that fit.
pub fn validate_response(response: &Response) -> Vec<AnswerError> {
    let Some(definition) = definitions::find(&response.definition) else {
        return vec![AnswerError::UnknownDefinition(response.definition.clone())];
    };
    if response.version > definition.version {
        return vec![AnswerError::NewerVersion(
            response.definition.clone(),
            response.version,
        )];
    }
    let mut errors = validate_answers(definition, &response.answers);
    if let Some(g) = &response.group {
        // A group figure is a mean over at most the group, within 0–10,000.
        let fits = |f: &crate::model::Figure| {
            f.n >= 1
                && f.n <= g.participants
                && f.mean <= 10_000
                && f.sd.is_none_or(|sd| sd <= 10_000)
        };
        for (id, f) in &g.sections {
            if definition.sections.iter().all(|s| s.id != id) || !fits(f) {
                errors.push(AnswerError::GroupFigure(id.clone()));
            }
        }
        if g.total.as_ref().is_some_and(|t| !fits(t)) {
            errors.push(AnswerError::GroupFigure("total".into()));
        }
    }
    if !dates::allowed(response.date) {
        errors.push(AnswerError::DateOutOfRange);
    }
    errors
}

/// The restore step for answers (run on every load and import): brings the
/// answers of every moment and assessment to the current definition
/// versions. Unknown definitions and newer versions are left untouched, so
/// validation can report them instead of losing them.
pub fn migrate_account(account: &mut Account) {
    let interaction = &definitions::INTERACTION;
    for m in &mut account.moments {
        if m.version < interaction.version {
            migrate(interaction, m.version, &mut m.answers);
            m.version = interaction.version;
        }
    }
    for r in &mut account.assessments {
        if let Some(d) = definitions::find(&r.definition) {
            if r.version < d.version {
                migrate(d, r.version, &mut r.answers);
                r.version = d.version;
            }
        }
    }
}
