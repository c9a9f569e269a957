//! Commands on interaction moments: log, edit, prepare, hold, remove, and the action of question 3 (plan, complete, book as a deposit).

use super::*;

/// Applies one of these commands ([`Kind::Moments`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::LogMoment { id, draft } => {
            if account.moment(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            let moment = build_moment(&draft, id).map_err(CommandError::Moment)?;
            let at = account.moments.partition_point(|m| m.id < id);
            account.moments.insert(at, moment);
            Ok(Command::RemoveMoment { id })
        }
        Command::EditMoment { id, draft } => {
            let old = account.moment(id).cloned().ok_or(CommandError::NotFound)?;
            let moment = edit_moment(&old, &draft).map_err(CommandError::Moment)?;
            replace_moment(account, moment)
        }
        Command::RemoveMoment { id } => {
            let i = account
                .moments
                .iter()
                .position(|m| m.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.moments.remove(i);
            account.bury(TombstoneKind::Moment, id.0, today);
            // A dispute's bonding call that is deleted is no longer linked;
            // undo links it again.
            let mut inverse = vec![Command::PutMoment(Box::new(old))];
            for d in account
                .disputes
                .iter_mut()
                .filter(|d| d.bonding == Some(id))
            {
                inverse.push(Command::PutDispute(Box::new(d.clone())));
                d.bonding = None;
            }
            Ok(match inverse.len() {
                1 => inverse.remove(0),
                _ => Command::Batch(inverse),
            })
        }
        Command::PutMoment(moment) => {
            let id = moment.id;
            match account.moment(id).cloned() {
                Some(_) => replace_moment(account, *moment),
                None => {
                    let at = account.moments.partition_point(|m| m.id < id);
                    account.moments.insert(at, *moment);
                    account.unbury(TombstoneKind::Moment, id.0);
                    Ok(Command::RemoveMoment { id })
                }
            }
        }
        Command::PlanAction { moment, due } => {
            let old = account.moment(moment).ok_or(CommandError::NotFound)?;
            let planned = with_action(old, due).map_err(|e| CommandError::Moment(vec![e]))?;
            replace_moment(account, planned)
        }
        Command::CompleteAction { moment, on } => {
            let old = account.moment(moment).ok_or(CommandError::NotFound)?;
            let done = with_action_done(old, on).map_err(|e| CommandError::Moment(vec![e]))?;
            replace_moment(account, done)
        }
        Command::BookAction {
            moment,
            entry,
            draft,
        } => {
            if account.entry(entry).is_some() {
                return Err(CommandError::IdInUse);
            }
            let old = account
                .moment(moment)
                .cloned()
                .ok_or(CommandError::NotFound)?;
            let (booked, deposit) =
                booking(account, moment, entry, &draft).map_err(CommandError::Entry)?;
            account.put_entry(deposit);
            replace_moment(account, booked)?;
            Ok(Command::Batch(vec![
                Command::RemoveEntry { id: entry },
                Command::PutMoment(Box::new(old)),
            ]))
        }
        Command::PrepareMoment { id, draft } => {
            if account.moment(id).is_some() || account.is_buried(TombstoneKind::Moment, id.0) {
                return Err(CommandError::IdInUse);
            }
            let moment = build_prepared(&draft, id).map_err(CommandError::Moment)?;
            let at = account.moments.partition_point(|m| m.id < id);
            account.moments.insert(at, moment);
            Ok(Command::RemoveMoment { id })
        }
        Command::EditPrepared { id, draft } => {
            let old = account.moment(id).cloned().ok_or(CommandError::NotFound)?;
            let edited = edit_prepared(&old, &draft).map_err(CommandError::Moment)?;
            replace_moment(account, edited)
        }
        Command::HoldMoment { id, draft } => {
            let old = account.moment(id).cloned().ok_or(CommandError::NotFound)?;
            let held = hold_moment(&old, &draft).map_err(CommandError::Moment)?;
            replace_moment(account, held)
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}

/// Replaces the moment with `moment.id`, returning the inverse.
pub(super) fn replace_moment(
    account: &mut Account,
    moment: Moment,
) -> Result<Inverse, CommandError> {
    let slot = account
        .moment_mut(moment.id)
        .ok_or(CommandError::NotFound)?;
    let old = std::mem::replace(slot, moment);
    Ok(Command::PutMoment(Box::new(old)))
}
