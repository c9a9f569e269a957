//! Commands on ledger entries: add, edit, link repairs, remove and put back.

use super::*;

/// Applies one of these commands ([`Kind::Entries`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::AddEntry { id, draft } => {
            if account.entry(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            let entry = validate_entry(account, &draft, id).map_err(CommandError::Entry)?;
            account.put_entry(entry);
            Ok(Command::RemoveEntry { id })
        }
        Command::EditEntry { id, draft } => {
            let old = account.entry(id).cloned().ok_or(CommandError::NotFound)?;
            let entry = validate_entry(account, &draft, id).map_err(CommandError::Entry)?;
            check_dependants(account, &entry)?;
            account.put_entry(entry);
            Ok(Command::PutEntry(Box::new(old)))
        }
        Command::LinkRepair { deposit, repairs } => {
            let old = account
                .entry(deposit)
                .cloned()
                .ok_or(CommandError::NotFound)?;
            let mut draft = EntryDraft::from(&old);
            draft.repairs = repairs;
            let entry = validate_entry(account, &draft, deposit).map_err(CommandError::Entry)?;
            account.put_entry(entry);
            Ok(Command::PutEntry(Box::new(old)))
        }
        Command::RemoveEntry { id } => {
            let removed = account.remove_entry(id).ok_or(CommandError::NotFound)?;
            account.bury(TombstoneKind::Entry, id.0, today);
            Ok(Command::RestoreEntry(Box::new(removed)))
        }
        Command::RestoreEntry(removed) => {
            let id = removed.entry.id;
            if account.entry(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            account.restore_entry(*removed);
            account.unbury(TombstoneKind::Entry, id.0);
            Ok(Command::RemoveEntry { id })
        }
        Command::PutEntry(entry) => {
            let id = entry.id;
            let old = account.entry(id).cloned().ok_or(CommandError::NotFound)?;
            account.put_entry(*entry);
            Ok(Command::PutEntry(Box::new(old)))
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}

/// An edit must not break what points at the entry: deposits that make it
/// good need it to stay a withdrawal of the same party, not later than
/// them; a moment's booked extra must stay our deposit.
pub(super) fn check_dependants(account: &Account, entry: &Entry) -> Result<(), CommandError> {
    let repairs_ok = account
        .entries
        .iter()
        .filter(|e| e.repairs == Some(entry.id))
        .all(|r| {
            entry.direction == Direction::Withdrawal
                && entry.party == r.party
                && entry.date <= r.date
        });
    if !repairs_ok {
        return Err(CommandError::HasRepairs);
    }
    let booked = account.moments.iter().any(|m| {
        m.action
            .as_ref()
            .is_some_and(|a| a.booked == Some(entry.id))
    });
    if booked && (entry.party != Party::Supplier || entry.direction != Direction::Deposit) {
        return Err(CommandError::BookedExtra);
    }
    Ok(())
}
