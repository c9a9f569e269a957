//! The bridge to the user's own calendar: the `.ics` export of one client
//! or all (with the reminder the user picks) and the import of a calendar
//! export as moments to prepare. The rules and the format are the core's
//! (`kbr_core::calendar`); these screens only choose, preview and confirm.

mod export;
mod import;
mod preview;

use kbr_core::calendar::export::{to_ics, ExportOptions};
use kbr_core::model::{Account, ClientId};
use leptos::prelude::*;

pub use export::CalendarExport;

crate::deferred! {
    /// The calendar import (its own chunk: it is used rarely, and brings
    /// the iCalendar parser).
    pub fn calendar_import(client: Option<ClientId>) -> AnyView {
        view! { <import::CalendarImport client=client /> }.into_any()
    }
}

crate::deferred! {
    /// The `.ics` text of `accounts` (its own chunk, with the iCalendar writer).
    fn ics_text(accounts: Vec<Account>, options: ExportOptions) -> String {
        let refs: Vec<&Account> = accounts.iter().collect();
        to_ics(&refs, &options)
    }
}
