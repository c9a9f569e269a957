//! Commands on invoice disputes.

use super::*;

/// Applies one of these commands ([`Kind::Disputes`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::OpenDispute(dispute) => {
            if account.dispute(dispute.id).is_some() {
                return Err(CommandError::IdInUse);
            }
            debtors::check(account, &dispute).map_err(CommandError::Dispute)?;
            let id = dispute.id;
            let at = account.disputes.partition_point(|d| d.id < id);
            account.disputes.insert(at, *dispute);
            Ok(Command::RemoveDispute { id })
        }
        Command::SetDisputeOutcome {
            id,
            solved,
            ambassador,
        } => {
            let slot = account
                .disputes
                .iter_mut()
                .find(|d| d.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = slot.clone();
            slot.closed = match (solved, old.solved) {
                (None, _) => None,
                (Some(_), Some(_)) => old.closed,
                (Some(_), None) => Some(today),
            };
            slot.solved = solved;
            slot.ambassador = ambassador;
            Ok(Command::PutDispute(Box::new(old)))
        }
        Command::RemoveDispute { id } => {
            let i = account
                .disputes
                .iter()
                .position(|d| d.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.disputes.remove(i);
            account.bury(TombstoneKind::Dispute, id.0, today);
            Ok(Command::PutDispute(Box::new(old)))
        }
        Command::PutDispute(dispute) => {
            let id = dispute.id;
            debtors::check(account, &dispute).map_err(CommandError::Dispute)?;
            account.unbury(TombstoneKind::Dispute, id.0);
            match account.disputes.iter_mut().find(|d| d.id == id) {
                Some(slot) => Ok(Command::PutDispute(Box::new(std::mem::replace(
                    slot, *dispute,
                )))),
                None => {
                    let at = account.disputes.partition_point(|d| d.id < id);
                    account.disputes.insert(at, *dispute);
                    Ok(Command::RemoveDispute { id })
                }
            }
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}
