//! Commands on self-assessments (and group results saved from a workshop).

use super::*;

/// Applies one of these commands ([`Kind::Assessments`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::AddAssessment {
            id,
            definition,
            date,
            answers,
            round,
            group,
        } => {
            if account.assessment(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            if round.is_some_and(|r| account.round(r).is_none()) {
                return Err(CommandError::NotFound);
            }
            let def = definitions::find(&definition).ok_or_else(|| {
                CommandError::Answers(vec![AnswerError::UnknownDefinition(definition.clone())])
            })?;
            let mut response =
                build_response(def, id, date, answers).map_err(CommandError::Answers)?;
            response.round = round;
            response.group = group;
            let at = account.assessments.partition_point(|r| r.id < id);
            account.assessments.insert(at, response);
            Ok(Command::RemoveAssessment { id })
        }
        Command::RemoveAssessment { id } => {
            let i = account
                .assessments
                .iter()
                .position(|r| r.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.assessments.remove(i);
            account.bury(TombstoneKind::Assessment, id.0, today);
            Ok(Command::PutAssessment(Box::new(old)))
        }
        Command::PutAssessment(response) => {
            let id = response.id;
            if account.assessment(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            let at = account.assessments.partition_point(|r| r.id < id);
            account.assessments.insert(at, *response);
            account.unbury(TombstoneKind::Assessment, id.0);
            Ok(Command::RemoveAssessment { id })
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}
