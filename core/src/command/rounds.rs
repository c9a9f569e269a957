//! Commands on the client's invite rounds: create, remove, answers returned, the blind rule's skip, booking an answer.

use super::*;

/// Applies one of these commands ([`Kind::Rounds`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::CreateRound {
            id,
            lang,
            sender,
            register,
        } => {
            if account.round(id).is_some() || account.is_buried(TombstoneKind::Round, id.0) {
                return Err(CommandError::IdInUse);
            }
            // The client must see who asks (see `rounds::sender_line`).
            let sender = clean_text(Field::Sender, &sender, TITLE_MAX, true)?;
            account.rounds.push(Round {
                id,
                created: today,
                lang,
                sender,
                register,
                skipped_self: false,
                returns: Vec::new(),
            });
            Ok(Command::RemoveRound { id })
        }
        Command::RemoveRound { id } => {
            let i = account
                .rounds
                .iter()
                .position(|r| r.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.rounds.remove(i);
            account.bury(TombstoneKind::Round, id.0, today);
            Ok(Command::PutRound(Box::new(old)))
        }
        Command::PutRound(round) => {
            let id = round.id;
            account.unbury(TombstoneKind::Round, id.0);
            match account.round_mut(id) {
                Some(slot) => Ok(Command::PutRound(Box::new(std::mem::replace(slot, *round)))),
                None => {
                    account.rounds.push(*round);
                    crate::model::order::sort_by_key(&mut account.rounds, |r| {
                        (crate::model::order::day(r.created), r.id.0)
                    });
                    Ok(Command::RemoveRound { id })
                }
            }
        }
        Command::AddClientReturn { round, answer } => {
            let errors = validate_answers(&definitions::CLIENT_VIEW, &answer.answers);
            if !errors.is_empty() {
                return Err(CommandError::Answers(errors));
            }
            let slot = account.round_mut(round).ok_or(CommandError::NotFound)?;
            let old = slot.clone();
            match slot
                .returns
                .iter_mut()
                .find(|r| r.participant == answer.participant)
            {
                Some(existing) => *existing = *answer,
                None => slot.returns.push(*answer),
            }
            Ok(Command::PutRound(Box::new(old)))
        }
        Command::SkipOwnAssessment { round, skip } => {
            let slot = account.round_mut(round).ok_or(CommandError::NotFound)?;
            let old = std::mem::replace(&mut slot.skipped_self, skip);
            Ok(Command::SkipOwnAssessment { round, skip: old })
        }
        Command::MarkReturnBooked {
            round,
            participant,
            entry,
        } => {
            let slot = account
                .round_mut(round)
                .and_then(|r| r.returns.iter_mut().find(|x| x.participant == participant))
                .ok_or(CommandError::NotFound)?;
            let old = std::mem::replace(&mut slot.booked, entry);
            Ok(Command::MarkReturnBooked {
                round,
                participant,
                entry: old,
            })
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}
