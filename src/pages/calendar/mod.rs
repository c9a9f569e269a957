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

/// What the calendar chunk is asked for.
pub enum CalendarTask {
    /// The import, for a client or one to pick.
    Import(Option<ClientId>),
    /// The `.ics` text of some accounts.
    Ics(Vec<Account>, ExportOptions),
}

/// What it gives back.
pub enum CalendarOut {
    /// The import's view.
    View(AnyView),
    /// The `.ics` text.
    Text(String),
}

crate::chunk! {
    /// The calendar import and the `.ics` writer: a chunk of their own,
    /// used rarely, with the iCalendar parser and writer.
    pub static CALENDAR = fn calendar(task: CalendarTask) -> CalendarOut {
        match task {
            CalendarTask::Import(client) => {
                CalendarOut::View(view! { <import::CalendarImport client=client /> }.into_any())
            }
            CalendarTask::Ics(accounts, options) => {
                let refs: Vec<&Account> = accounts.iter().collect();
                CalendarOut::Text(to_ics(&refs, &options))
            }
        }
    }
}

/// The calendar import's view, loaded when first opened.
pub async fn calendar_import(client: Option<ClientId>) -> crate::components::deferred::Loaded {
    CALENDAR
        .call(CalendarTask::Import(client))
        .await
        .map(|out| match out {
            CalendarOut::View(v) => v,
            CalendarOut::Text(_) => ().into_any(),
        })
}

async fn ics_text(
    accounts: Vec<Account>,
    options: ExportOptions,
) -> Result<String, crate::state::defer::ChunkError> {
    CALENDAR
        .call(CalendarTask::Ics(accounts, options))
        .await
        .map(|out| match out {
            CalendarOut::Text(t) => t,
            CalendarOut::View(_) => String::new(),
        })
}
