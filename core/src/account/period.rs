//! Periods of the running balance: ISO weeks, calendar months, quarters.
//!
//! A [`Period`] is a length plus a linear ordinal, so consecutive periods are
//! consecutive integers: iterating, counting runs and carrying the saldo
//! forward through empty periods need no calendar arithmetic.

use chrono::{Datelike, Days, NaiveDate};

use crate::i18n::{month_short, Lang};
use crate::model::PeriodLength;

/// One week, month or quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Week, month or quarter.
    pub length: PeriodLength,
    /// Linear ordinal: months `year*12+m-1`, quarters `year*4+q-1`, weeks the
    /// number of whole weeks from the Monday 1970-01-05.
    pub ordinal: i64,
}

/// Monday 1970-01-05, the origin of week ordinals.
fn week_origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 5).unwrap_or_default()
}

impl Period {
    /// The period containing `date`.
    #[inline(always)]
    pub fn of(length: PeriodLength, date: NaiveDate) -> Period {
        let ordinal = match length {
            PeriodLength::Month => i64::from(date.year()) * 12 + i64::from(month0(date)),
            PeriodLength::Quarter => i64::from(date.year()) * 4 + i64::from(month0(date) / 3),
            PeriodLength::Week => {
                let days = date.signed_duration_since(week_origin()).num_days();
                days.div_euclid(7)
            }
        };
        Period { length, ordinal }
    }

    /// The period `n` steps later (or earlier for negative `n`).
    pub fn offset(self, n: i64) -> Period {
        Period {
            ordinal: self.ordinal + n,
            ..self
        }
    }

    /// First day of the period.
    pub fn start(self) -> NaiveDate {
        match self.length {
            PeriodLength::Month => {
                ymd(self.ordinal.div_euclid(12), self.ordinal.rem_euclid(12) + 1)
            }
            PeriodLength::Quarter => ymd(
                self.ordinal.div_euclid(4),
                self.ordinal.rem_euclid(4) * 3 + 1,
            ),
            PeriodLength::Week => {
                let origin = week_origin();
                let days = self.ordinal * 7;
                if days >= 0 {
                    origin.checked_add_days(Days::new(days as u64))
                } else {
                    origin.checked_sub_days(Days::new(days.unsigned_abs()))
                }
                .unwrap_or(origin)
            }
        }
    }

    /// Last day of the period.
    pub fn end(self) -> NaiveDate {
        self.offset(1)
            .start()
            .pred_opt()
            .unwrap_or_else(|| self.start())
    }

    /// A short label: `mrt 2026` / `Mar 2026`, `K1 2026` / `Q1 2026`,
    /// `wk 53 2020` / `wk 53 2020` (ISO year of the week).
    pub fn label(self, lang: Lang) -> String {
        let start = self.start();
        match self.length {
            PeriodLength::Month => format!("{} {}", month_short(start.month(), lang), start.year()),
            PeriodLength::Quarter => {
                let q = lang.pick("K", "Q");
                format!("{q}{} {}", start.month0() / 3 + 1, start.year())
            }
            PeriodLength::Week => {
                let w = start.iso_week();
                format!("{} {} {}", lang.pick("wk", "wk"), w.week(), w.year())
            }
        }
    }
}

/// Month (0–11) from the day of the year through a table: the running
/// balance maps every entry to its period, and chrono's own month lookup was
/// a visible share of a 100k-entry page.
#[inline(always)]
fn month0(date: NaiveDate) -> u32 {
    const fn table(leap: bool) -> [u8; 366] {
        let lengths = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        let mut out = [11u8; 366];
        let (mut day, mut m) = (0, 0);
        while m < 12 {
            let mut i = 0;
            while i < lengths[m] {
                out[day] = m as u8;
                day += 1;
                i += 1;
            }
            m += 1;
        }
        out
    }
    const COMMON: [u8; 366] = table(false);
    const LEAP: [u8; 366] = table(true);
    let t = if date.leap_year() { &LEAP } else { &COMMON };
    u32::from(t[date.ordinal0() as usize])
}

fn ymd(year: i64, month: i64) -> NaiveDate {
    i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month as u32, 1))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::test_dates::d;

    #[test]
    fn months_are_consecutive_across_years() {
        let dec = Period::of(PeriodLength::Month, d(2025, 12, 31));
        let jan = Period::of(PeriodLength::Month, d(2026, 1, 1));
        assert_eq!(dec.offset(1), jan);
        assert_eq!(jan.start(), d(2026, 1, 1));
        assert_eq!(dec.end(), d(2025, 12, 31));
        assert_eq!(
            Period::of(PeriodLength::Month, d(2024, 2, 29)).end(),
            d(2024, 2, 29)
        );
    }

    #[test]
    fn quarter_boundaries() {
        let q1 = Period::of(PeriodLength::Quarter, d(2026, 3, 31));
        let q2 = Period::of(PeriodLength::Quarter, d(2026, 4, 1));
        assert_eq!(q1.offset(1), q2);
        assert_eq!(q1.start(), d(2026, 1, 1));
        assert_eq!(q1.end(), d(2026, 3, 31));
        assert_eq!(q2.start(), d(2026, 4, 1));
        let q4 = Period::of(PeriodLength::Quarter, d(2025, 12, 31));
        assert_eq!(q4.offset(1).start(), d(2026, 1, 1));
        assert_eq!(q1.label(Lang::Nl), "K1 2026");
        assert_eq!(q2.label(Lang::En), "Q2 2026");
    }

    #[test]
    fn iso_week_53_and_year_boundary() {
        // 2020 has an ISO week 53: Mon 28 Dec 2020 – Sun 3 Jan 2021.
        let w53 = Period::of(PeriodLength::Week, d(2020, 12, 31));
        assert_eq!(w53, Period::of(PeriodLength::Week, d(2021, 1, 3)));
        assert_eq!(w53.start(), d(2020, 12, 28));
        assert_eq!(w53.end(), d(2021, 1, 3));
        assert_eq!(w53.label(Lang::Nl), "wk 53 2020");
        let w1 = w53.offset(1);
        assert_eq!(w1.start(), d(2021, 1, 4));
        assert_eq!(w1.label(Lang::En), "wk 1 2021");
        // A Sunday belongs to the week of the Monday before it.
        assert_eq!(
            Period::of(PeriodLength::Week, d(2026, 11, 29)),
            Period::of(PeriodLength::Week, d(2026, 11, 23))
        );
    }

    #[test]
    fn weeks_before_the_origin_work() {
        let p = Period::of(PeriodLength::Week, d(1969, 12, 31));
        assert_eq!(p.start(), d(1969, 12, 29));
        assert_eq!(p.offset(1).start(), d(1970, 1, 5));
    }

    #[test]
    fn month_table_matches_chrono_for_every_day() {
        let mut day = d(2023, 1, 1);
        while day < d(2025, 1, 1) {
            assert_eq!(month0(day), day.month0(), "{day}");
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn month_labels() {
        let p = Period::of(PeriodLength::Month, d(2026, 3, 7));
        assert_eq!(p.label(Lang::Nl), "mrt 2026");
        assert_eq!(p.label(Lang::En), "Mar 2026");
    }
}
