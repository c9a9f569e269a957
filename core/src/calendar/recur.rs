//! Recurring calendar events (RFC 5545 `RRULE`), expanded into the dates
//! of a bounded window.
//!
//! Only what meeting series in Outlook, Google and Apple calendars use is
//! supported: `FREQ` daily, weekly, monthly or yearly with `INTERVAL`,
//! `COUNT`, `UNTIL`, `BYDAY` (with ordinals in monthly and yearly rules),
//! `BYMONTHDAY`, `BYMONTH` and `WKST`. A rule with any other part is
//! refused as a whole ([`RuleError::Unsupported`]) rather than expanded
//! wrongly. The work is bounded whatever the rule says: at most
//! [`MAX_PERIODS`] periods are looked at per event.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Most periods (days, weeks, months or years) stepped through for one
/// event: enough for a weekly series of 190 years, far below a freeze.
pub const MAX_PERIODS: u32 = 10_000;

/// How often the series repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    /// Every `interval` days.
    Daily,
    /// Every `interval` weeks.
    Weekly,
    /// Every `interval` months.
    Monthly,
    /// Every `interval` years.
    Yearly,
}

/// A weekday, optionally the n-th of the month or year (`2TU`, `-1FR`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByDay {
    /// 0 for every such weekday; 1 = the first, -1 = the last, …
    pub nth: i32,
    /// The weekday.
    pub day: Weekday,
}

/// Where a series stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// It does not.
    Never,
    /// After this many occurrences (counted from the first).
    Count(u32),
    /// On or before this date (the date of the last occurrence).
    Until(NaiveDate),
}

/// A parsed `RRULE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The frequency.
    pub freq: Freq,
    /// Every how many periods (at least 1).
    pub interval: u32,
    /// Where it ends.
    pub end: End,
    /// `BYDAY`.
    pub by_day: Vec<ByDay>,
    /// `BYMONTHDAY` (1–31 or −31–−1).
    pub by_month_day: Vec<i32>,
    /// `BYMONTH` (1–12).
    pub by_month: Vec<u32>,
    /// The first day of the week (`WKST`, Monday by default).
    pub week_start: Weekday,
}

/// Why a rule is not expanded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    /// A part this app does not expand (named).
    Unsupported(String),
    /// Not a valid rule.
    Invalid(String),
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn by_day(code: &str) -> Option<ByDay> {
    let split = code.len().checked_sub(2)?;
    // Checked: a hostile rule may put a multi-byte character there.
    let (nth, day) = code.split_at_checked(split)?;
    let nth = match nth {
        "" => 0,
        n => n.trim_start_matches('+').parse::<i32>().ok()?,
    };
    ((-53..=53).contains(&nth)).then_some(())?;
    Some(ByDay {
        nth,
        day: weekday(day)?,
    })
}

fn numbers<T: std::str::FromStr>(value: &str, what: &str) -> Result<Vec<T>, RuleError> {
    value
        .split(',')
        .map(|n| {
            n.trim_start_matches('+')
                .parse()
                .map_err(|_| RuleError::Invalid(what.into()))
        })
        .collect()
}

/// Parses the value of an `RRULE` property. `until` turns the `UNTIL`
/// value (a date or a date-time) into the date of the last occurrence.
pub fn parse_rule(
    value: &str,
    until: impl Fn(&str) -> Option<NaiveDate>,
) -> Result<Rule, RuleError> {
    let mut freq = None;
    let mut rule = Rule {
        freq: Freq::Daily,
        interval: 1,
        end: End::Never,
        by_day: Vec::new(),
        by_month_day: Vec::new(),
        by_month: Vec::new(),
        week_start: Weekday::Mon,
    };
    for part in value.split(';').filter(|p| !p.is_empty()) {
        let (name, v) = part
            .split_once('=')
            .ok_or_else(|| RuleError::Invalid(part.into()))?;
        let invalid = || RuleError::Invalid(name.into());
        match name.to_ascii_uppercase().as_str() {
            "FREQ" => {
                freq = Some(match v.to_ascii_uppercase().as_str() {
                    "DAILY" => Freq::Daily,
                    "WEEKLY" => Freq::Weekly,
                    "MONTHLY" => Freq::Monthly,
                    "YEARLY" => Freq::Yearly,
                    other => return Err(RuleError::Unsupported(format!("FREQ={other}"))),
                })
            }
            "INTERVAL" => {
                rule.interval = v.parse().map_err(|_| invalid())?;
                if rule.interval == 0 {
                    return Err(invalid());
                }
            }
            "COUNT" => rule.end = End::Count(v.parse().map_err(|_| invalid())?),
            "UNTIL" => rule.end = End::Until(until(v).ok_or_else(invalid)?),
            "BYDAY" => {
                rule.by_day = v
                    .to_ascii_uppercase()
                    .split(',')
                    .map(|d| by_day(d).ok_or_else(invalid))
                    .collect::<Result<_, _>>()?
            }
            "BYMONTHDAY" => {
                rule.by_month_day = numbers(v, name)?;
                if rule
                    .by_month_day
                    .iter()
                    .any(|d| *d == 0 || !(-31..=31).contains(d))
                {
                    return Err(invalid());
                }
            }
            "BYMONTH" => {
                rule.by_month = numbers(v, name)?;
                if rule.by_month.iter().any(|m| !(1..=12).contains(m)) {
                    return Err(invalid());
                }
            }
            "WKST" => rule.week_start = weekday(&v.to_ascii_uppercase()).ok_or_else(invalid)?,
            other => return Err(RuleError::Unsupported(other.to_string())),
        }
    }
    rule.freq = freq.ok_or_else(|| RuleError::Invalid("FREQ".into()))?;
    let ordinal_days = rule.by_day.iter().any(|d| d.nth != 0);
    let ordinals_fit = match rule.freq {
        Freq::Monthly => true,
        Freq::Yearly => !rule.by_month.is_empty(),
        Freq::Daily | Freq::Weekly => false,
    };
    if ordinal_days && !ordinals_fit {
        return Err(RuleError::Unsupported("BYDAY".into()));
    }
    Ok(rule)
}

/// The days of `year`-`month` (1-based), or `None` for an invalid month.
fn month_days(year: i32, month: u32) -> Option<(NaiveDate, u32)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(1))?;
    Some((first, next.signed_duration_since(first).num_days() as u32))
}

/// The dates of one month a monthly or yearly rule picks, sorted.
fn in_month(rule: &Rule, year: i32, month: u32, start: NaiveDate) -> Vec<NaiveDate> {
    let Some((first, len)) = month_days(year, month) else {
        return Vec::new();
    };
    let day = |d: u32| first.checked_add_days(Days::new(u64::from(d) - 1));
    let mut out: Vec<NaiveDate> = if !rule.by_month_day.is_empty() {
        rule.by_month_day
            .iter()
            .filter_map(|&d| {
                let d = if d > 0 { d } else { len as i32 + 1 + d };
                (1..=len as i32).contains(&d).then(|| day(d as u32))?
            })
            .filter(|date| {
                rule.by_day.is_empty() || rule.by_day.iter().any(|b| b.day == date.weekday())
            })
            .collect()
    } else if !rule.by_day.is_empty() {
        let mut dates = Vec::new();
        for b in &rule.by_day {
            let all: Vec<NaiveDate> = (1..=len)
                .filter_map(day)
                .filter(|d| d.weekday() == b.day)
                .collect();
            match b.nth {
                0 => dates.extend(all),
                n if n > 0 => dates.extend(all.get(n as usize - 1)),
                n => dates.extend(
                    all.len()
                        .checked_sub(n.unsigned_abs() as usize)
                        .map(|i| all[i]),
                ),
            }
        }
        dates
    } else {
        day(start.day())
            .filter(|_| start.day() <= len)
            .into_iter()
            .collect()
    };
    out.sort();
    out.dedup();
    out
}

/// The first day of period `k` (0 = the period of `start`); `None` once
/// it lies beyond what dates can express.
fn period_start(rule: &Rule, start: NaiveDate, k: u32) -> Option<NaiveDate> {
    let step = k.checked_mul(rule.interval)?;
    match rule.freq {
        Freq::Daily => start.checked_add_days(Days::new(u64::from(step))),
        Freq::Weekly => {
            let back = (7 + start.weekday().num_days_from_monday()
                - rule.week_start.num_days_from_monday())
                % 7;
            start
                .checked_sub_days(Days::new(u64::from(back)))?
                .checked_add_days(Days::new(u64::from(step) * 7))
        }
        Freq::Monthly => NaiveDate::from_ymd_opt(start.year(), start.month(), 1)?
            .checked_add_months(Months::new(step)),
        Freq::Yearly => {
            NaiveDate::from_ymd_opt(start.year().checked_add(i32::try_from(step).ok()?)?, 1, 1)
        }
    }
}

/// The dates of the period that begins on `first`, sorted.
fn period(rule: &Rule, start: NaiveDate, first: NaiveDate) -> Vec<NaiveDate> {
    let month_ok = |d: &NaiveDate| rule.by_month.is_empty() || rule.by_month.contains(&d.month());
    match rule.freq {
        Freq::Daily => {
            let d = first;
            let fits = (rule.by_day.is_empty() || rule.by_day.iter().any(|b| b.day == d.weekday()))
                && month_ok(&d)
                && (rule.by_month_day.is_empty() || rule.by_month_day.contains(&(d.day() as i32)));
            if fits {
                vec![d]
            } else {
                Vec::new()
            }
        }
        Freq::Weekly => {
            let days: Vec<Weekday> = if rule.by_day.is_empty() {
                vec![start.weekday()]
            } else {
                rule.by_day.iter().map(|b| b.day).collect()
            };
            (0..7)
                .filter_map(|i| first.checked_add_days(Days::new(i)))
                .filter(|d| days.contains(&d.weekday()) && month_ok(d))
                .collect()
        }
        Freq::Monthly if !month_ok(&first) => Vec::new(),
        Freq::Monthly => in_month(rule, first.year(), first.month(), start),
        Freq::Yearly => {
            let months: Vec<u32> = if rule.by_month.is_empty() {
                vec![start.month()]
            } else {
                rule.by_month.clone()
            };
            let mut out: Vec<NaiveDate> = months
                .into_iter()
                .flat_map(|m| in_month(rule, first.year(), m, start))
                .collect();
            out.sort();
            out
        }
    }
}

/// The first period that can hold a date on or after `from`, when the
/// rule does not count occurrences (with `COUNT` every period from the
/// start must be counted).
fn first_period(rule: &Rule, start: NaiveDate, from: NaiveDate) -> u32 {
    if matches!(rule.end, End::Count(_)) || from <= start {
        return 0;
    }
    let periods = match rule.freq {
        Freq::Daily => from.signed_duration_since(start).num_days(),
        Freq::Weekly => from.signed_duration_since(start).num_days() / 7 - 1,
        Freq::Monthly => {
            i64::from(from.year() - start.year()) * 12 + i64::from(from.month())
                - i64::from(start.month())
                - 1
        }
        Freq::Yearly => i64::from(from.year() - start.year()) - 1,
    };
    u32::try_from(periods.max(0) / i64::from(rule.interval)).unwrap_or(u32::MAX)
}

/// The outcome of expanding one series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The dates within the window, sorted.
    pub dates: Vec<NaiveDate>,
    /// The series had more periods than [`MAX_PERIODS`] before the window
    /// ended: dates after the last one looked at are missing.
    pub truncated: bool,
}

/// The dates of the series starting on `start` that fall within
/// `from..=to`. The start itself is always the first occurrence (RFC 5545
/// counts it even when the rule would not pick it).
pub fn expand(rule: &Rule, start: NaiveDate, from: NaiveDate, to: NaiveDate) -> Expansion {
    let limit = match rule.end {
        End::Count(n) => n,
        _ => u32::MAX,
    };
    let until = match rule.end {
        End::Until(d) => d.min(to),
        _ => to,
    };
    let mut dates = Vec::new();
    let mut count = 0u32;
    let mut batch = vec![start];
    let mut k = first_period(rule, start, from);
    let last = k.saturating_add(MAX_PERIODS);
    loop {
        for d in batch.drain(..) {
            if count >= limit || d > until {
                return Expansion {
                    dates,
                    truncated: false,
                };
            }
            count += 1;
            if d >= from {
                dates.push(d);
            }
        }
        if k >= last {
            return Expansion {
                dates,
                truncated: true,
            };
        }
        let Some(first) = period_start(rule, start, k).filter(|f| *f <= until) else {
            return Expansion {
                dates,
                truncated: false,
            };
        };
        batch = period(rule, start, first);
        batch.retain(|d| *d > start);
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::test_dates::d;

    fn rule(text: &str) -> Rule {
        parse_rule(text, |v| {
            NaiveDate::parse_from_str(v.get(..8).unwrap_or(v), "%Y%m%d").ok()
        })
        .unwrap()
    }

    fn dates(text: &str, start: NaiveDate, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        expand(&rule(text), start, from, to).dates
    }

    #[test]
    fn a_series_begun_years_ago_gives_exactly_its_dates_in_the_window() {
        // The periods before the window are skipped by arithmetic, not
        // walked: the skip must land on the right period for each kind.
        let (from, to) = (d(2026, 12, 1), d(2027, 2, 28));
        assert_eq!(
            dates("FREQ=MONTHLY", d(2019, 3, 15), from, to),
            vec![d(2026, 12, 15), d(2027, 1, 15), d(2027, 2, 15)]
        );
        assert_eq!(
            dates("FREQ=MONTHLY;INTERVAL=2", d(2019, 10, 20), from, to),
            vec![d(2026, 12, 20), d(2027, 2, 20)]
        );
        assert_eq!(
            dates("FREQ=YEARLY", d(2001, 1, 9), from, to),
            vec![d(2027, 1, 9)]
        );
        assert_eq!(
            dates(
                "FREQ=WEEKLY;INTERVAL=3",
                d(2020, 1, 7),
                from,
                d(2026, 12, 31)
            ),
            vec![d(2026, 12, 1), d(2026, 12, 22)]
        );
        assert_eq!(
            dates(
                "FREQ=DAILY;INTERVAL=10",
                d(1990, 1, 1),
                from,
                d(2026, 12, 20)
            ),
            dates(
                "FREQ=DAILY;INTERVAL=10",
                d(1990, 1, 1),
                d(1990, 1, 1),
                d(2026, 12, 20)
            )
            .into_iter()
            .filter(|x| *x >= from)
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn weekly_on_the_start_weekday() {
        // Tuesday 1 December 2026, every week, in a window of three weeks.
        let got = dates(
            "FREQ=WEEKLY",
            d(2026, 12, 1),
            d(2026, 12, 1),
            d(2026, 12, 21),
        );
        assert_eq!(got, vec![d(2026, 12, 1), d(2026, 12, 8), d(2026, 12, 15)]);
    }

    #[test]
    fn every_two_weeks_on_two_days_with_a_count() {
        let got = dates(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5",
            d(2026, 11, 30),
            d(2026, 11, 1),
            d(2027, 3, 1),
        );
        assert_eq!(
            got,
            vec![
                d(2026, 11, 30),
                d(2026, 12, 3),
                d(2026, 12, 14),
                d(2026, 12, 17),
                d(2026, 12, 28)
            ]
        );
    }

    #[test]
    fn count_is_counted_from_the_start_not_from_the_window() {
        // Ten weekly meetings from 1 October: only the last ones fall in December.
        let got = dates(
            "FREQ=WEEKLY;COUNT=10",
            d(2026, 10, 1),
            d(2026, 12, 1),
            d(2027, 3, 1),
        );
        assert_eq!(got, vec![d(2026, 12, 3)]);
    }

    #[test]
    fn monthly_on_the_second_tuesday_and_the_last_friday() {
        let got = dates(
            "FREQ=MONTHLY;BYDAY=2TU",
            d(2026, 12, 8),
            d(2026, 12, 1),
            d(2027, 2, 28),
        );
        assert_eq!(got, vec![d(2026, 12, 8), d(2027, 1, 12), d(2027, 2, 9)]);
        let got = dates(
            "FREQ=MONTHLY;BYDAY=-1FR",
            d(2026, 12, 25),
            d(2026, 12, 1),
            d(2027, 2, 28),
        );
        assert_eq!(got, vec![d(2026, 12, 25), d(2027, 1, 29), d(2027, 2, 26)]);
    }

    #[test]
    fn monthly_on_the_31st_skips_short_months() {
        let got = dates(
            "FREQ=MONTHLY",
            d(2027, 1, 31),
            d(2027, 1, 1),
            d(2027, 5, 31),
        );
        assert_eq!(got, vec![d(2027, 1, 31), d(2027, 3, 31), d(2027, 5, 31)]);
        let got = dates(
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            d(2027, 1, 31),
            d(2027, 1, 1),
            d(2027, 3, 31),
        );
        assert_eq!(got, vec![d(2027, 1, 31), d(2027, 2, 28), d(2027, 3, 31)]);
    }

    #[test]
    fn until_is_inclusive_and_daily_skips_ahead() {
        let got = dates(
            "FREQ=DAILY;UNTIL=20261203T235959Z",
            d(2026, 12, 1),
            d(2026, 11, 1),
            d(2027, 1, 1),
        );
        assert_eq!(got, vec![d(2026, 12, 1), d(2026, 12, 2), d(2026, 12, 3)]);
        // A daily series from 1990 without an end reaches today without stepping 13,000 days.
        let e = expand(
            &rule("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
            d(1990, 1, 1),
            d(2026, 12, 1),
            d(2026, 12, 7),
        );
        assert_eq!(e.dates.len(), 5);
        assert!(!e.truncated);
    }

    #[test]
    fn yearly_and_workdays() {
        let got = dates(
            "FREQ=YEARLY",
            d(2020, 12, 10),
            d(2026, 12, 1),
            d(2027, 12, 31),
        );
        assert_eq!(got, vec![d(2026, 12, 10), d(2027, 12, 10)]);
        let got = dates(
            "FREQ=YEARLY;BYMONTH=11;BYDAY=1MO",
            d(2026, 11, 2),
            d(2026, 1, 1),
            d(2028, 1, 1),
        );
        assert_eq!(got, vec![d(2026, 11, 2), d(2027, 11, 1)]);
    }

    #[test]
    fn unsupported_and_invalid_rules_are_refused() {
        let p = |t: &str| parse_rule(t, |_| None);
        assert!(matches!(p("FREQ=HOURLY"), Err(RuleError::Unsupported(_))));
        assert!(matches!(
            p("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU"),
            Err(RuleError::Unsupported(_))
        ));
        assert!(matches!(
            p("FREQ=WEEKLY;BYDAY=2MO"),
            Err(RuleError::Unsupported(_))
        ));
        assert!(matches!(
            p("FREQ=WEEKLY;INTERVAL=0"),
            Err(RuleError::Invalid(_))
        ));
        assert!(matches!(p("INTERVAL=2"), Err(RuleError::Invalid(_))));
        assert!(matches!(
            p("FREQ=WEEKLY;BYDAY=XX"),
            Err(RuleError::Invalid(_))
        ));
        assert!(matches!(
            p("FREQ=MONTHLY;BYMONTHDAY=32"),
            Err(RuleError::Invalid(_))
        ));
        assert!(matches!(
            p("FREQ=DAILY;UNTIL=garbage"),
            Err(RuleError::Invalid(_))
        ));
        // Found by the calendar fuzz target: a multi-byte character where
        // the weekday code ends panicked instead of being refused.
        for hostile in [
            "FREQ=MONTHLY;BYDAY=-\u{479}R",
            "FREQ=WEEKLY;BYDAY=é",
            "FREQ=WEEKLY;BYDAY=1€",
        ] {
            assert!(
                matches!(p(hostile), Err(RuleError::Invalid(_))),
                "{hostile}"
            );
        }
    }

    #[test]
    fn hostile_rules_stay_bounded() {
        // A rule that never matches: BYMONTHDAY=31 in February only.
        let e = expand(
            &rule("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31"),
            d(2026, 12, 1),
            d(2026, 12, 1),
            d(2199, 12, 31),
        );
        assert_eq!(e.dates, vec![d(2026, 12, 1)]);
        // An enormous count and interval do not overflow.
        let e = expand(
            &rule("FREQ=YEARLY;INTERVAL=4000000000;COUNT=4000000000"),
            d(2026, 12, 1),
            d(2026, 12, 1),
            d(2199, 12, 31),
        );
        assert_eq!(e.dates, vec![d(2026, 12, 1)]);
        let e = expand(
            &rule("FREQ=DAILY;COUNT=4000000000"),
            d(1990, 1, 1),
            d(2199, 1, 1),
            d(2199, 12, 31),
        );
        assert!(e.truncated);
    }
}
