//! Commands on stock-takes ("de balans opmaken").

use super::*;

/// Applies one of these commands ([`Kind::StockTakes`]).
pub(super) fn apply(
    account: &mut Account,
    command: Command,
    _today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::TakeStock {
            id,
            date,
            reflection,
            actions,
        } => {
            if account.stock_takes.iter().any(|s| s.id == id) {
                return Err(CommandError::IdInUse);
            }
            let reflection = clean_text(Field::Text, &reflection, limits::NOTE, true)?;
            let actions = clean_text(Field::Text, &actions, limits::NOTE, false)?;
            let head = summary::headline(account, date);
            account.stock_takes.push(StockTake {
                id,
                date,
                supplier_saldo: head.balances.supplier.saldo(),
                client_saldo: head.balances.client.saldo(),
                status: head.supplier_status.status.code().to_string(),
                reflection,
                actions,
            });
            crate::model::order::sort_by_key(&mut account.stock_takes, |s| {
                (crate::model::order::day(s.date), s.id.0)
            });
            Ok(Command::RemoveStockTake { id })
        }
        Command::RemoveStockTake { id } => {
            let i = account
                .stock_takes
                .iter()
                .position(|s| s.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.stock_takes.remove(i);
            Ok(Command::PutStockTake(Box::new(old)))
        }
        Command::PutStockTake(stock_take) => {
            let id = stock_take.id;
            if account.stock_takes.iter().any(|s| s.id == id) {
                return Err(CommandError::IdInUse);
            }
            account.stock_takes.push(*stock_take);
            crate::model::order::sort_by_key(&mut account.stock_takes, |s| {
                (crate::model::order::day(s.date), s.id.0)
            });
            Ok(Command::RemoveStockTake { id })
        }
        // Routed here by `Command::kind`: never another kind.
        _ => Err(CommandError::NotFound),
    }
}
