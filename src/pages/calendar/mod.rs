//! The bridge to the user's own calendar: the `.ics` export of one client
//! or all (with the reminder the user picks) and the import of a calendar
//! export as moments to prepare. The rules and the format are the core's
//! (`kbr_core::calendar`); these screens only choose, preview and confirm.

mod export;
mod import;
mod preview;

pub use export::CalendarExport;
pub use import::CalendarImport;
