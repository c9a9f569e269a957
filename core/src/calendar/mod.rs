//! The bridge to the user's own calendar (iCalendar, RFC 5545), both
//! ways: [`export`] writes due actions, the next stock-take and prepared
//! moments as an `.ics` file; [`import`] reads a calendar export and turns
//! its meetings into planned moments to prepare, expanding series with
//! [`recur`]. The format itself (line folding, escaping, parsing) is the
//! `icalendar` crate's; the rules are in `docs/DOMAIN.md`, "Calendar".

pub mod export;
pub mod import;
pub mod recur;

/// The domain part of every UID this app writes, so they never collide
/// with the UIDs of other calendars.
pub const UID_DOMAIN: &str = "klantbankrekening";
