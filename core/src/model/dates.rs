//! The one date rule, shared by the forms, storage and import: a date the
//! app accepted once is always accepted again, whatever the device clock
//! says later. Dates after today are allowed (a planned delivery, a clock
//! that runs ahead) but flagged, and count in the saldo only from that day.

use chrono::{Datelike, NaiveDate};

/// The earliest date accepted anywhere: 1 January 1990.
pub fn min_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default()
}

/// The latest date accepted anywhere: 31 December 2199. Fixed, not
/// relative to today, so a backup written on a device whose clock ran
/// ahead still imports.
pub fn max_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2199, 12, 31).unwrap_or_default()
}

/// Whether `date` is accepted.
pub fn allowed(date: NaiveDate) -> bool {
    (min_date()..=max_date()).contains(&date)
}

/// Parses a date as a date field gives it (`2026-11-23`); `None` for an
/// empty or broken value.
pub fn parse_input(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// Why a date deserves a second look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateFlag {
    /// After today: listed, but not counted yet.
    Future,
    /// More than twenty years ago: possibly a typing error.
    FarPast,
}

/// The flag of `date` on `today`, if any.
#[inline(always)]
pub fn flag(date: NaiveDate, today: NaiveDate) -> Option<DateFlag> {
    if date > today {
        Some(DateFlag::Future)
    } else if today.year() - date.year() > 20 {
        Some(DateFlag::FarPast)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_date_field_values() {
        assert_eq!(parse_input(" 2026-11-23 "), Some(d(2026, 11, 23)));
        assert_eq!(parse_input(""), None);
        assert_eq!(parse_input("23-11-2026"), None);
    }

    #[test]
    fn the_rule_does_not_depend_on_today() {
        assert!(allowed(d(1990, 1, 1)));
        assert!(!allowed(d(1989, 12, 31)));
        assert!(allowed(d(2199, 12, 31)));
        assert!(!allowed(d(2200, 1, 1)));
        assert!(!allowed(d(9999, 1, 1)));
    }

    #[test]
    fn future_and_far_past_dates_are_flagged() {
        let today = d(2026, 11, 23);
        assert_eq!(flag(d(2026, 11, 24), today), Some(DateFlag::Future));
        assert_eq!(flag(today, today), None);
        assert_eq!(flag(d(2005, 1, 1), today), Some(DateFlag::FarPast));
        assert_eq!(flag(d(2006, 1, 1), today), None);
    }
}
