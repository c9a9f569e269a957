//! The status corridor and the stock-take reminder (`docs/DOMAIN.md`,
//! "Status corridor" and "Stock-take").
//!
//! Status is computed from the period-end saldi of one party, so the same
//! rules classify our saldo (which drives the headline) and the client's.

use chrono::NaiveDate;

use crate::i18n::{format_points_lang, tf, Key, Lang};
use crate::model::{Account, Party, PeriodLength, Points, Thresholds};

/// Deposits of ours that end the start phase earlier.
pub const START_DEPOSITS: usize = 3;

/// Where one saldo sits in the corridor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Band {
    /// saldo < 0.
    Red,
    /// 0 ≤ saldo ≤ surplus limit.
    Healthy,
    /// saldo > surplus limit.
    Surplus,
}

/// The band of `saldo` under `t`.
pub fn band(saldo: Points, t: &Thresholds) -> Band {
    if saldo < 0 {
        Band::Red
    } else if saldo > t.surplus_limit {
        Band::Surplus
    } else {
        Band::Healthy
    }
}

/// The status of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Red for N periods in a row, or below −credit now.
    StructurallyRed,
    /// Red now, not (yet) structural.
    TemporarilyRed,
    /// Surplus for N periods in a row.
    StructurallySurplus,
    /// Surplus now, not (yet) structural.
    TemporarilySurplus,
    /// In the corridor.
    Healthy,
    /// A new relationship in its start phase, red or empty: it starts by
    /// depositing (our saldo only).
    Starting,
    /// No entries yet.
    NoData,
}

impl Status {
    /// Stable code, stored in stock-takes and used as CSS class.
    pub fn code(self) -> &'static str {
        match self {
            Status::StructurallyRed => "structurally-red",
            Status::TemporarilyRed => "temporarily-red",
            Status::StructurallySurplus => "structurally-surplus",
            Status::TemporarilySurplus => "temporarily-surplus",
            Status::Healthy => "healthy",
            Status::Starting => "starting",
            Status::NoData => "no-data",
        }
    }

    /// Parses [`Status::code`].
    pub fn from_code(code: &str) -> Option<Status> {
        [
            Status::StructurallyRed,
            Status::TemporarilyRed,
            Status::StructurallySurplus,
            Status::TemporarilySurplus,
            Status::Healthy,
            Status::Starting,
            Status::NoData,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// The status in words ("structureel rood").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::StructurallyRed => Key::StatusStructurallyRed,
            Status::TemporarilyRed => Key::StatusTemporarilyRed,
            Status::StructurallySurplus => Key::StatusStructurallySurplus,
            Status::TemporarilySurplus => Key::StatusTemporarilySurplus,
            Status::Healthy => Key::StatusHealthy,
            Status::Starting => Key::StatusStarting,
            Status::NoData => Key::StatusNoData,
        }
        .text(lang)
    }

    /// What to do next, in one sentence, for the saldo of `party`: about
    /// our own deposits for ours, about guiding the client for theirs.
    pub fn advice(self, party: Party, lang: Lang) -> &'static str {
        match (party, self) {
            (Party::Supplier, Status::StructurallyRed) => Key::AdviceStructurallyRed,
            (Party::Supplier, Status::TemporarilyRed) => Key::AdviceTemporarilyRed,
            (Party::Supplier, Status::StructurallySurplus) => Key::AdviceStructurallySurplus,
            (Party::Supplier, Status::TemporarilySurplus) => Key::AdviceTemporarilySurplus,
            (Party::Supplier, Status::Healthy) => Key::AdviceHealthy,
            (Party::Supplier, Status::NoData) => Key::AdviceNoData,
            (_, Status::Starting) => Key::AdviceStarting,
            (Party::Client, Status::StructurallyRed) => Key::AdviceClientStructurallyRed,
            (Party::Client, Status::TemporarilyRed) => Key::AdviceClientTemporarilyRed,
            (Party::Client, Status::StructurallySurplus) => Key::AdviceClientStructurallySurplus,
            (Party::Client, Status::TemporarilySurplus) => Key::AdviceClientTemporarilySurplus,
            (Party::Client, Status::Healthy) => Key::AdviceClientHealthy,
            (Party::Client, Status::NoData) => Key::AdviceClientNoData,
        }
        .text(lang)
    }
}

/// Which rule decided the status, with its numbers, so the UI can explain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Nothing booked.
    NoEntries,
    /// saldo < −credit now.
    BelowCredit {
        /// Current saldo.
        saldo: Points,
        /// Credit threshold.
        credit: Points,
    },
    /// Red at the end of `run` consecutive periods (run ≥ N).
    RedRun {
        /// Consecutive red periods up to now.
        run: u32,
        /// Current saldo.
        saldo: Points,
    },
    /// Red now for `run` < N periods.
    RedShort {
        /// Consecutive red periods up to now.
        run: u32,
        /// N.
        needed: u32,
        /// Current saldo.
        saldo: Points,
    },
    /// Surplus for `run` ≥ N periods.
    SurplusRun {
        /// Consecutive surplus periods.
        run: u32,
        /// Current saldo.
        saldo: Points,
        /// Surplus limit.
        limit: Points,
    },
    /// Surplus now for `run` < N periods.
    SurplusShort {
        /// Consecutive surplus periods.
        run: u32,
        /// N.
        needed: u32,
        /// Current saldo.
        saldo: Points,
        /// Surplus limit.
        limit: Points,
    },
    /// 0 ≤ saldo ≤ limit.
    InCorridor {
        /// Current saldo.
        saldo: Points,
        /// Surplus limit.
        limit: Points,
    },
    /// A new relationship in its start phase.
    StartPhase {
        /// Its last day.
        until: NaiveDate,
        /// Our deposits so far.
        deposits: usize,
        /// Current saldo.
        saldo: Points,
    },
}

/// The status of one party's saldo series, with everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatusReport {
    /// The classification.
    pub status: Status,
    /// The rule that fired.
    pub reason: Reason,
    /// The saldo fell in each of the last 3 periods ("steeds verder rood").
    pub steadily_more_red: bool,
    /// Band of every period end, oldest first (aligned with the series).
    pub bands: Vec<Band>,
}

/// Classifies a series of period-end saldi (oldest first; the last is now).
/// A party with no entries at all has no data, however long the series of
/// zeroes the other party's entries span: pass `has_entries = false`.
pub fn classify(series: &[Points], t: &Thresholds, has_entries: bool) -> StatusReport {
    let bands: Vec<Band> = series.iter().map(|&s| band(s, t)).collect();
    let Some(&saldo) = series.last().filter(|_| has_entries) else {
        return StatusReport {
            status: Status::NoData,
            reason: Reason::NoEntries,
            steadily_more_red: false,
            bands,
        };
    };
    let now = band(saldo, t);
    let run = bands.iter().rev().take_while(|&&b| b == now).count() as u32;
    let needed = t.structural_run.max(1);
    let (status, reason) = match now {
        Band::Red if saldo < -t.credit => (
            Status::StructurallyRed,
            Reason::BelowCredit {
                saldo,
                credit: t.credit,
            },
        ),
        Band::Red if run >= needed => (Status::StructurallyRed, Reason::RedRun { run, saldo }),
        Band::Red => (
            Status::TemporarilyRed,
            Reason::RedShort { run, needed, saldo },
        ),
        Band::Surplus if run >= needed => (
            Status::StructurallySurplus,
            Reason::SurplusRun {
                run,
                saldo,
                limit: t.surplus_limit,
            },
        ),
        Band::Surplus => (
            Status::TemporarilySurplus,
            Reason::SurplusShort {
                run,
                needed,
                saldo,
                limit: t.surplus_limit,
            },
        ),
        Band::Healthy => (
            Status::Healthy,
            Reason::InCorridor {
                saldo,
                limit: t.surplus_limit,
            },
        ),
    };
    StatusReport {
        status,
        reason,
        steadily_more_red: steadily_falling(series),
        bands,
    }
}

/// True when the saldo fell in each of the last 3 periods. The saldo before
/// the first period is 0, so a ledger that started with three falling
/// periods counts too.
fn steadily_falling(series: &[Points]) -> bool {
    let with_start: Vec<Points> = std::iter::once(0).chain(series.iter().copied()).collect();
    with_start.len() >= 4
        && with_start[with_start.len() - 4..]
            .windows(2)
            .all(|w| w[1] < w[0])
}

fn periods_word(length: PeriodLength, n: u32, lang: Lang) -> &'static str {
    let one = n == 1;
    match (length, one) {
        (PeriodLength::Week, true) => Key::UnitWeek,
        (PeriodLength::Week, false) => Key::UnitWeeks,
        (PeriodLength::Month, true) => Key::UnitMonth,
        (PeriodLength::Month, false) => Key::UnitMonths,
        (PeriodLength::Quarter, true) => Key::UnitQuarter,
        (PeriodLength::Quarter, false) => Key::UnitQuarters,
    }
    .text(lang)
}

impl Reason {
    /// The one-sentence explanation of the status of `party`'s saldo
    /// ("3 maanden op rij rood: …").
    pub fn sentence(&self, party: Party, length: PeriodLength, lang: Lang) -> String {
        let pts = |v: Points| format_points_lang(v, true, lang);
        let num = |v: Points| format_points_lang(v, false, lang);
        let ours = party == Party::Supplier;
        match *self {
            Reason::NoEntries => if ours {
                Key::ReasonNoEntries
            } else {
                Key::ReasonNoEntriesClient
            }
            .text(lang)
            .to_string(),
            Reason::BelowCredit { saldo, credit } => tf(
                lang,
                if ours {
                    Key::ReasonBelowCredit
                } else {
                    Key::ReasonBelowCreditClient
                },
                &[("saldo", &pts(saldo)), ("credit", &num(credit))],
            ),
            Reason::RedRun { run, saldo } => tf(
                lang,
                Key::ReasonRedRun,
                &[
                    ("n", &run.to_string()),
                    ("unit", periods_word(length, run, lang)),
                    ("saldo", &pts(saldo)),
                ],
            ),
            Reason::RedShort { run, needed, saldo } => tf(
                lang,
                Key::ReasonRedShort,
                &[
                    ("n", &run.to_string()),
                    ("unit", periods_word(length, run, lang)),
                    ("needed", &needed.to_string()),
                    ("needed_unit", periods_word(length, needed, lang)),
                    ("saldo", &pts(saldo)),
                ],
            ),
            Reason::SurplusRun { run, saldo, limit } => tf(
                lang,
                Key::ReasonSurplusRun,
                &[
                    ("n", &run.to_string()),
                    ("unit", periods_word(length, run, lang)),
                    ("saldo", &pts(saldo)),
                    ("limit", &num(limit)),
                ],
            ),
            Reason::SurplusShort {
                run,
                needed,
                saldo,
                limit,
            } => tf(
                lang,
                Key::ReasonSurplusShort,
                &[
                    ("n", &run.to_string()),
                    ("unit", periods_word(length, run, lang)),
                    ("needed", &needed.to_string()),
                    ("needed_unit", periods_word(length, needed, lang)),
                    ("saldo", &pts(saldo)),
                    ("limit", &num(limit)),
                ],
            ),
            Reason::InCorridor { saldo, limit } => tf(
                lang,
                Key::ReasonInCorridor,
                &[("saldo", &pts(saldo)), ("limit", &num(limit))],
            ),
            Reason::StartPhase {
                until,
                deposits,
                saldo,
            } => tf(
                lang,
                Key::ReasonStartPhase,
                &[
                    ("until", &crate::i18n::format_date(until, lang)),
                    ("n", &deposits.to_string()),
                    ("needed", &START_DEPOSITS.to_string()),
                    ("saldo", &pts(saldo)),
                ],
            ),
        }
    }
}

/// How overdue the next stock-take is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Staleness {
    /// Within the interval (or nothing to review yet).
    Ok,
    /// Older than the interval.
    Amber,
    /// Older than twice the interval.
    Red,
}

/// The stock-take reminder of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reminder {
    /// Ok, amber or red.
    pub staleness: Staleness,
    /// The last stock-take, or the first entry when there is none.
    pub since: Option<NaiveDate>,
    /// Whether `since` is a real stock-take (false: the first entry).
    pub has_stock_take: bool,
    /// Days from `since` to today (0 when there is nothing to count from).
    pub days: i64,
    /// When the next stock-take is due.
    pub due: Option<NaiveDate>,
}

/// Staleness counted from the last stock-take, or from the first entry when
/// there is none; amber after the interval, red after twice the interval.
pub fn stock_take_reminder(account: &Account, today: NaiveDate) -> Reminder {
    stock_take_reminder_since(
        account.last_stock_take().map(|s| s.date),
        account.first_entry_date(),
        &account.client.thresholds,
        today,
    )
}

/// [`stock_take_reminder`] from the day of the last stock-take and of the
/// first entry (the headline has both from the account's digest).
pub fn stock_take_reminder_since(
    last: Option<NaiveDate>,
    first_entry: Option<NaiveDate>,
    t: &Thresholds,
    today: NaiveDate,
) -> Reminder {
    let since = last.or(first_entry);
    let interval = i64::from(t.stock_take_days.max(1));
    let Some(since) = since else {
        return Reminder {
            staleness: Staleness::Ok,
            since: None,
            has_stock_take: false,
            days: 0,
            due: None,
        };
    };
    let days = today.signed_duration_since(since).num_days();
    let staleness = if days > 2 * interval {
        Staleness::Red
    } else if days > interval {
        Staleness::Amber
    } else {
        Staleness::Ok
    };
    Reminder {
        staleness,
        since: Some(since),
        has_stock_take: last.is_some(),
        days,
        due: since.checked_add_days(chrono::Days::new(interval as u64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Client, ClientId, StockTake};

    fn t() -> Thresholds {
        Thresholds::default()
    }

    #[test]
    fn bands_at_their_boundaries() {
        assert_eq!(band(-1, &t()), Band::Red);
        assert_eq!(band(0, &t()), Band::Healthy);
        assert_eq!(
            band(15, &t()),
            Band::Healthy,
            "exactly at the surplus limit is healthy"
        );
        assert_eq!(band(16, &t()), Band::Surplus);
    }

    #[test]
    fn no_data() {
        let r = classify(&[], &t(), true);
        assert_eq!(r.status, Status::NoData);
        assert_eq!(r.reason, Reason::NoEntries);
    }

    #[test]
    fn a_party_without_entries_has_no_data_whatever_the_series() {
        let r = classify(&[0, 0, 0], &t(), false);
        assert_eq!(r.status, Status::NoData);
        let nl = r
            .reason
            .sentence(Party::Client, PeriodLength::Month, Lang::Nl);
        assert!(nl.contains("van de klant"), "{nl}");
    }

    #[test]
    fn the_clients_explanation_is_about_the_client() {
        let r = classify(&[5, -11], &t(), true);
        let ours = r
            .reason
            .sentence(Party::Supplier, PeriodLength::Month, Lang::Nl);
        let theirs = r
            .reason
            .sentence(Party::Client, PeriodLength::Month, Lang::Nl);
        assert!(ours.contains("geeft ons geen krediet"), "{ours}");
        assert!(!theirs.contains("geeft ons geen krediet"), "{theirs}");
        assert!(Status::StructurallyRed
            .advice(Party::Client, Lang::Nl)
            .contains("klant"));
        assert!(!Status::StructurallyRed
            .advice(Party::Client, Lang::Nl)
            .contains("erken wat er misging"));
    }

    #[test]
    fn saldo_exactly_zero_is_healthy() {
        assert_eq!(classify(&[-3, 0], &t(), true).status, Status::Healthy);
    }

    #[test]
    fn n_minus_one_red_periods_are_temporary_n_are_structural() {
        let r = classify(&[5, -1, -2], &t(), true);
        assert_eq!(r.status, Status::TemporarilyRed);
        assert_eq!(
            r.reason,
            Reason::RedShort {
                run: 2,
                needed: 3,
                saldo: -2
            }
        );
        let r = classify(&[5, -1, -2, -1], &t(), true);
        assert_eq!(r.status, Status::StructurallyRed);
        assert_eq!(r.reason, Reason::RedRun { run: 3, saldo: -1 });
    }

    #[test]
    fn below_credit_is_structural_at_once() {
        let r = classify(&[5, -11], &t(), true);
        assert_eq!(r.status, Status::StructurallyRed);
        assert_eq!(
            r.reason,
            Reason::BelowCredit {
                saldo: -11,
                credit: 10
            }
        );
        // Exactly −credit is not below it.
        assert_eq!(
            classify(&[5, -10], &t(), true).status,
            Status::TemporarilyRed
        );
    }

    #[test]
    fn surplus_runs() {
        assert_eq!(
            classify(&[16, 17], &t(), true).status,
            Status::TemporarilySurplus
        );
        assert_eq!(
            classify(&[16, 17, 20], &t(), true).status,
            Status::StructurallySurplus
        );
        assert_eq!(classify(&[16, 17, 15], &t(), true).status, Status::Healthy);
    }

    #[test]
    fn a_custom_run_length_and_credit_change_the_status() {
        let mut custom = t();
        custom.structural_run = 2;
        assert_eq!(
            classify(&[-1, -1], &custom, true).status,
            Status::StructurallyRed
        );
        custom.credit = 0;
        assert_eq!(
            classify(&[-1], &custom, true).status,
            Status::StructurallyRed
        );
    }

    #[test]
    fn steadily_more_red_needs_three_falls_in_a_row() {
        assert!(
            classify(&[-1, -2, -3], &t(), true).steadily_more_red,
            "0 → −1 → −2 → −3"
        );
        assert!(!classify(&[-1, -2], &t(), true).steadily_more_red);
        assert!(!classify(&[-1, -1, -2, -3], &t(), true).steadily_more_red);
        assert!(classify(&[4, -1, -2, -3], &t(), true).steadily_more_red);
        assert!(
            !classify(&[4, -1, -1, -3], &t(), true).steadily_more_red,
            "a flat period breaks it"
        );
    }

    #[test]
    fn explanations_carry_the_numbers() {
        let r = classify(&[5, -1, -2, -1], &t(), true);
        let nl = r
            .reason
            .sentence(Party::Supplier, PeriodLength::Month, Lang::Nl);
        assert!(nl.starts_with("3 maanden op rij rood"), "{nl}");
        let en = r
            .reason
            .sentence(Party::Supplier, PeriodLength::Week, Lang::En);
        assert!(en.contains("3 weeks"), "{en}");
        let r = classify(&[-1], &t(), true);
        assert!(r
            .reason
            .sentence(Party::Supplier, PeriodLength::Month, Lang::Nl)
            .contains("1 maand"));
    }

    #[test]
    fn status_codes_round_trip() {
        for s in [
            Status::StructurallyRed,
            Status::TemporarilyRed,
            Status::StructurallySurplus,
            Status::TemporarilySurplus,
            Status::Healthy,
            Status::NoData,
        ] {
            assert_eq!(Status::from_code(s.code()), Some(s));
            for party in Party::ALL {
                assert!(!s.advice(party, Lang::Nl).is_empty());
            }
            assert_ne!(
                s.advice(Party::Supplier, Lang::Nl),
                s.advice(Party::Client, Lang::Nl)
            );
        }
    }

    #[test]
    fn stock_take_reminder_counts_from_last_review_or_first_entry() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "X"));
        assert_eq!(stock_take_reminder(&a, d(6, 1)).staleness, Staleness::Ok);
        a.stock_takes.push(StockTake {
            id: Default::default(),
            date: d(1, 1),
            supplier_saldo: 0,
            client_saldo: 0,
            status: "healthy".into(),
            reflection: String::new(),
            actions: String::new(),
        });
        // 90 days after 1 Jan is 1 Apr.
        assert_eq!(stock_take_reminder(&a, d(4, 1)).staleness, Staleness::Ok);
        assert_eq!(stock_take_reminder(&a, d(4, 2)).staleness, Staleness::Amber);
        // 180 days after 1 Jan is 30 Jun.
        assert_eq!(
            stock_take_reminder(&a, d(6, 30)).staleness,
            Staleness::Amber
        );
        let r = stock_take_reminder(&a, d(7, 1));
        assert_eq!(r.staleness, Staleness::Red);
        assert!(r.has_stock_take);
        assert_eq!(r.due, Some(d(4, 1)));
    }
}
