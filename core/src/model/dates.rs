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

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

/// Days from 2000-01-01 to `d` (negative before): how stored records
/// write dates in bulk.
pub fn day_number(d: NaiveDate) -> i64 {
    d.signed_duration_since(epoch()).num_days()
}

/// The date `n` days from 2000-01-01; `None` outside chrono's range.
pub fn from_day_number(n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        epoch().checked_add_days(chrono::Days::new(n as u64))
    } else {
        epoch().checked_sub_days(chrono::Days::new(n.unsigned_abs()))
    }
}

/// Parses a date as a date field gives it (`2026-11-23`); `None` for an
/// empty or broken value.
pub fn parse_input(value: &str) -> Option<NaiveDate> {
    parse_iso(value.trim())
}

/// Reads exactly `YYYY-MM-DD`, the one way the app writes a date: in a
/// date field, in storage and in every backup.
///
/// Written out rather than through chrono's general parser, which brings
/// its whole format machinery (RFC 2822 and 3339, time zones, ~10 KB of
/// code) into the first load for what is ten fixed characters.
pub fn parse_iso(value: &str) -> Option<NaiveDate> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..10])?)
}

/// Serde for a stored date: written as chrono writes it, read by
/// [`parse_iso`]. Every date field of a stored type goes through here
/// (`#[serde(with = "dates::iso")]`).
pub mod iso {
    use chrono::NaiveDate;
    use serde::{de, Deserializer, Serializer};
    use std::fmt;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }

    /// Reads `YYYY-MM-DD`; anything else is an error naming the value.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(IsoVisitor)
    }

    struct IsoVisitor;

    impl de::Visitor<'_> for IsoVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date as YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<NaiveDate, E> {
            super::parse_iso(value)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }

    /// The same for an optional date (`null` or absent is `None`).
    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        /// Writes the date, or `null`.
        pub fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => super::serialize(d, serializer),
                None => serializer.serialize_none(),
            }
        }

        /// Reads a date or `null`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            #[derive(Deserialize)]
            struct Iso(#[serde(with = "super")] NaiveDate);
            Ok(Option::<Iso>::deserialize(deserializer)?.map(|Iso(d)| d))
        }
    }
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

/// Dates for the core's unit tests, one definition for every module.
#[cfg(test)]
pub(crate) mod test_dates {
    use chrono::NaiveDate;

    /// A date written as year, month, day; tests only use valid ones.
    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The fixed "today" the tests are written against.
    pub(crate) fn today() -> NaiveDate {
        d(2026, 11, 23)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::test_dates::d;

    #[test]
    fn parses_date_field_values() {
        assert_eq!(parse_input(" 2026-11-23 "), Some(d(2026, 11, 23)));
        assert_eq!(parse_input(""), None);
        assert_eq!(parse_input("23-11-2026"), None);
    }

    #[test]
    fn iso_dates_read_only_the_written_form() {
        assert_eq!(parse_iso("2026-02-28"), Some(d(2026, 2, 28)));
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "+2026-02-28",
            "2026/02/28",
            "2026-02-28 ",
            "２０２６-02-28",
            "",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn iso_round_trips_and_agrees_with_chrono(days in 0i64..800_000, junk in "[0-9+-]{0,12}") {
            let date = d(1, 1, 1) + chrono::Days::new(days as u64);
            proptest::prop_assert_eq!(parse_iso(&date.to_string()), Some(date));
            if let Some(parsed) = parse_iso(&junk) {
                proptest::prop_assert_eq!(Some(parsed), NaiveDate::parse_from_str(&junk, "%Y-%m-%d").ok());
            }
            #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
            struct Both {
                #[serde(with = "iso")]
                on: NaiveDate,
                #[serde(default, with = "iso::option")]
                maybe: Option<NaiveDate>,
            }
            let both = Both { on: date, maybe: Some(date) };
            let json = serde_json::to_string(&both).unwrap();
            proptest::prop_assert_eq!(&json, &format!("{{\"on\":\"{date}\",\"maybe\":\"{date}\"}}"));
            proptest::prop_assert_eq!(serde_json::from_str::<Both>(&json).unwrap(), both);
            let none: Both = serde_json::from_str(&format!("{{\"on\":\"{date}\"}}")).unwrap();
            proptest::prop_assert_eq!(none.maybe, None);
        }
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
