//! Commands on the client's own categories.

use super::*;

/// Applies one of these commands ([`Kind::Categories`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    _today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::AddOwnCategory {
            id,
            party,
            direction,
            label,
        } => {
            let label = clean_text(Field::Label, &label, limits::CATEGORY_LABEL, true)?;
            if !id.as_str().starts_with("own-") || catalogue::find(account, &id).is_some() {
                return Err(CommandError::IdInUse);
            }
            account.own_categories.push(OwnCategory {
                id,
                party,
                direction,
                label,
            });
            Ok(Command::RemoveOwnCategory { id })
        }
        Command::RenameOwnCategory { id, label } => {
            let label = clean_text(Field::Label, &label, limits::CATEGORY_LABEL, true)?;
            let own = account
                .own_categories
                .iter_mut()
                .find(|c| c.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = std::mem::replace(&mut own.label, label);
            Ok(Command::RenameOwnCategory { id, label: old })
        }
        Command::RemoveOwnCategory { id } => {
            let i = account
                .own_categories
                .iter()
                .position(|c| c.id == id)
                .ok_or(CommandError::NotFound)?;
            if account.entries.iter().any(|e| e.category == id) {
                return Err(CommandError::CategoryInUse);
            }
            let c = account.own_categories.remove(i);
            Ok(Command::AddOwnCategory {
                id: c.id,
                party: c.party,
                direction: c.direction,
                label: c.label,
            })
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}
