//! Commands on the client's details and settings.

use super::*;

/// Applies one of these commands ([`Kind::Client`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    _today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::EditClient(draft) => {
            let old = account.client.clone();
            apply_client_draft(&mut account.client, &draft).map_err(CommandError::Client)?;
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::ChangeSettings { period, thresholds } => {
            validate_settings(period, &thresholds).map_err(CommandError::Client)?;
            let old = account.client.clone();
            account.client.period = period;
            account.client.thresholds = thresholds;
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::SetArchived(archived) => {
            let old = account.client.clone();
            account.client.archived = archived;
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::PutClient(client) => {
            if client.id != account.client.id {
                return Err(CommandError::NotFound);
            }
            let old = std::mem::replace(&mut account.client, *client);
            Ok(Command::PutClient(Box::new(old)))
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}
