//! Signals beyond the corridor (`docs/DOMAIN.md`, "Start phase", "The
//! silence alarm", "Value, not hours"): a new relationship starts by
//! depositing; withdrawals piling up while nobody talks to the client; and
//! the yearly indexation review in October and November.

use chrono::{Datelike, Days, NaiveDate};

use super::booked::Mark;
use super::digest::Digest;
use super::period::Period;
use super::status::Status;
use crate::model::{Direction, Party};

/// How long a relationship is new.
pub const START_DAYS: u64 = 90;
pub use super::status::START_DEPOSITS;

/// A new relationship in its start phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StartPhase {
    /// When the relationship began: its start date, or its first entry.
    pub since: NaiveDate,
    /// The last day of the start phase.
    pub until: NaiveDate,
    /// Our deposits so far.
    pub deposits: usize,
}

/// The start phase of an account (its `digest`) on `today`: the
/// relationship began less than [`START_DAYS`] days ago (its start date,
/// or else its first entry; with neither it is new today) and we made
/// fewer than [`START_DEPOSITS`] deposits. Trust is built by giving first,
/// so this phase asks for deposits instead of alarming.
pub fn start_phase(digest: &Digest, today: NaiveDate) -> Option<StartPhase> {
    start_phase_from(digest, today, digest.first_date())
}

/// [`start_phase`] with the first entry's date already known (the
/// headline has it from its span: one pass less over a large ledger).
pub fn start_phase_from(
    digest: &Digest,
    today: NaiveDate,
    first: Option<NaiveDate>,
) -> Option<StartPhase> {
    let since = digest
        .client
        .start_date
        .or(first)
        .unwrap_or(today)
        .min(today);
    let until = since.checked_add_days(Days::new(START_DAYS - 1))?;
    if today > until {
        return None;
    }
    // Counting stops where the phase ends: an old ledger costs one pass.
    let mut deposits = 0usize;
    for b in &digest.bookings {
        if b.party == Party::Supplier && b.direction == Direction::Deposit && b.date <= today {
            deposits += b.count as usize;
            if deposits >= START_DEPOSITS {
                return None;
            }
        }
    }
    Some(StartPhase {
        since,
        until,
        deposits,
    })
}

/// The categories suggested as first deposits (a useful whitepaper, a
/// demonstration visit, a proposal that listens, clear payment agreements).
pub const FIRST_DEPOSITS: [&str; 4] = [
    "sd-knowledge",
    "sd-proactive",
    "sd-listened",
    "sd-payment-agreements",
];

/// Withdrawals of ours piling up while nobody talked to the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Silence {
    /// The start of the window looked at (three periods up to today).
    pub since: NaiveDate,
    /// Our withdrawals in it.
    pub withdrawals: u32,
    /// Their points.
    pub points: i64,
}

/// Withdrawals in the window that make the silence worth saying.
pub const SILENCE_WITHDRAWALS: u32 = 3;

/// The silence alarm of an account (its `digest`) on `today` while its
/// status is `status`: over the current and the two previous periods our
/// withdrawals pile up (at least [`SILENCE_WITHDRAWALS`], more points than
/// our deposits) and no interaction moment or stock-take was recorded in
/// that time. Once the status is structural the corridor says it already.
pub fn silence(digest: &Digest, today: NaiveDate, status: Status) -> Option<Silence> {
    if matches!(status, Status::StructurallyRed | Status::NoData) {
        return None;
    }
    let since = Period::of(digest.client.period, today).offset(-2).start();
    let window = |d: NaiveDate| (d >= since) & (d <= today);
    // One pass: this runs for every client the overview shows.
    let (mut withdrawals, mut points, mut deposits) = (0u32, 0i64, 0i64);
    // Counted by arithmetic, not branches: party and direction change at
    // random from booking to booking, and a mispredicted branch per entry
    // was most of this loop's time on a large ledger.
    for b in &digest.bookings {
        let counted = i64::from((b.party == Party::Supplier) & window(b.date));
        let taken = i64::from(b.direction == Direction::Withdrawal);
        let w = b.points * counted;
        withdrawals += (counted * taken) as u32 * b.count;
        points += w * taken;
        deposits += w - w * taken;
    }
    let talked =
        digest.talks.iter().any(|&d| window(d)) || digest.stock_takes.iter().any(|&d| window(d));
    (withdrawals >= SILENCE_WITHDRAWALS && points > deposits && !talked).then_some(Silence {
        since,
        withdrawals,
        points,
    })
}

/// Where the yearly indexation review stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IndexationReview {
    /// The year reviewed.
    pub year: i32,
    /// The last day to do it (30 November).
    pub due: NaiveDate,
    /// An indexation (a withdrawal of ours) was booked this year.
    pub indexed: bool,
    /// An innovation or saving was offered (a deposit of ours) this year.
    pub offered: bool,
}

/// The indexation review of an account (its `digest`) on `today`, shown
/// from 1 October to 31 December while it is not done: done means an
/// innovation or saving offered to the client this year
/// ([`Mark::Innovation`]), the deposit set against the indexation. An
/// indexation without one is the case to warn about most. A relationship
/// that began after 1 September has no indexation yet.
pub fn indexation_review(digest: &Digest, today: NaiveDate) -> Option<IndexationReview> {
    indexation_review_from(digest, today, digest.first_date())
}

/// [`indexation_review`] with the first entry's date already known.
pub fn indexation_review_from(
    digest: &Digest,
    today: NaiveDate,
    first: Option<NaiveDate>,
) -> Option<IndexationReview> {
    if today.month() < 10 || digest.client.archived {
        return None;
    }
    let year = today.year();
    let began = digest.client.start_date.or(first)?;
    if began >= NaiveDate::from_ymd_opt(year, 9, 1)? {
        return None;
    }
    let mut indexed = false;
    let new_year = NaiveDate::from_ymd_opt(year, 1, 1)?;
    for b in digest
        .bookings
        .iter()
        .filter(|b| (b.date >= new_year) & (b.date <= today))
    {
        match b.mark {
            Mark::Innovation => return None,
            Mark::Indexation => indexed = true,
            Mark::Plain => {}
        }
    }
    Some(IndexationReview {
        year,
        due: NaiveDate::from_ymd_opt(year, 11, 30).unwrap_or(today),
        indexed,
        offered: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::test_dates::d;
    use crate::model::{
        Account, CategoryId, Client, ClientId, Entry, EntryId, Moment, MomentId, MomentKind,
        PeriodLength, Weight,
    };

    fn entry(
        id: u64,
        cat: &str,
        party: Party,
        direction: Direction,
        date: NaiveDate,
        w: u8,
    ) -> Entry {
        Entry {
            id: EntryId(id),
            date,
            party,
            direction,
            category: CategoryId::new(cat),
            weight: Weight::new(w).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        }
    }

    fn account() -> Account {
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "X"));
        a.client.period = PeriodLength::Month;
        a
    }

    #[test]
    fn a_new_relationship_is_in_its_start_phase_until_three_deposits_or_ninety_days() {
        let today = d(2026, 11, 23);
        let mut a = account();
        // Nothing booked, no start date: new today.
        assert_eq!(
            start_phase(&Digest::of(&a), today).map(|s| s.since),
            Some(today)
        );
        // A kick-off commitment and a first invoice: withdrawals first.
        a.entries.push(entry(
            1,
            "sw-commitment",
            Party::Supplier,
            Direction::Withdrawal,
            d(2026, 11, 2),
            3,
        ));
        a.entries.push(entry(
            2,
            "sw-payment",
            Party::Supplier,
            Direction::Withdrawal,
            d(2026, 11, 9),
            3,
        ));
        let s = start_phase(&Digest::of(&a), today).unwrap();
        assert_eq!(
            (s.since, s.until, s.deposits),
            (d(2026, 11, 2), d(2027, 1, 30), 0)
        );
        assert!(start_phase(&Digest::of(&a), d(2027, 1, 30)).is_some());
        assert!(start_phase(&Digest::of(&a), d(2027, 1, 31)).is_none());
        for (i, day) in [3, 4, 5].into_iter().enumerate() {
            assert!(
                start_phase(&Digest::of(&a), today).is_some(),
                "{i} deposits"
            );
            a.entries.push(entry(
                10 + i as u64,
                "sd-knowledge",
                Party::Supplier,
                Direction::Deposit,
                d(2026, 11, day),
                2,
            ));
        }
        assert!(
            start_phase(&Digest::of(&a), today).is_none(),
            "three deposits end it"
        );
        // A start date long ago: no start phase, whatever the entries.
        let mut old = account();
        old.client.start_date = Some(d(2025, 1, 1));
        assert!(start_phase(&Digest::of(&old), today).is_none());
    }

    #[test]
    fn silence_is_withdrawals_piling_up_without_a_moment_or_stock_take() {
        let today = d(2026, 11, 23);
        let mut a = account();
        for (i, day) in [(9, 10), (10, 5), (11, 2)].into_iter().enumerate() {
            a.entries.push(entry(
                i as u64 + 1,
                "sw-payment",
                Party::Supplier,
                Direction::Withdrawal,
                d(2026, day.0, day.1),
                2,
            ));
        }
        let s = silence(&Digest::of(&a), today, Status::TemporarilyRed).unwrap();
        // Window: the current month and the two before.
        assert_eq!((s.since, s.withdrawals, s.points), (d(2026, 9, 1), 3, 6));
        assert!(silence(&Digest::of(&a), today, Status::StructurallyRed).is_none());
        // Deposits that outweigh them: no alarm.
        a.entries.push(entry(
            9,
            "sd-delivered",
            Party::Supplier,
            Direction::Deposit,
            d(2026, 10, 1),
            5,
        ));
        a.entries.push(entry(
            10,
            "sd-delivered",
            Party::Supplier,
            Direction::Deposit,
            d(2026, 10, 2),
            2,
        ));
        assert!(silence(&Digest::of(&a), today, Status::Healthy).is_none());
        a.entries.truncate(3);
        // A moment in the window ends the silence; a planned one does not.
        let mut m = Moment {
            id: MomentId(1),
            date: d(2026, 10, 20),
            kind: MomentKind::Call,
            description: "Bellen".into(),
            version: 1,
            answers: Default::default(),
            action: None,
            prepared: None,
            planned: true,
            value: None,
            source: None,
        };
        a.moments.push(m.clone());
        assert!(silence(&Digest::of(&a), today, Status::TemporarilyRed).is_some());
        m.planned = false;
        a.moments = vec![m];
        assert!(silence(&Digest::of(&a), today, Status::TemporarilyRed).is_none());
    }

    #[test]
    fn the_indexation_review_shows_from_october_until_an_innovation_is_offered() {
        let mut a = account();
        // A relationship that has not begun, or began this autumn: no review.
        assert!(indexation_review(&Digest::of(&a), d(2026, 10, 1)).is_none());
        a.client.start_date = Some(d(2026, 9, 15));
        assert!(indexation_review(&Digest::of(&a), d(2026, 10, 1)).is_none());
        a.client.start_date = Some(d(2025, 3, 1));
        assert!(indexation_review(&Digest::of(&a), d(2026, 9, 30)).is_none());
        let r = indexation_review(&Digest::of(&a), d(2026, 10, 1)).unwrap();
        assert_eq!(
            (r.year, r.due, r.indexed, r.offered),
            (2026, d(2026, 11, 30), false, false)
        );
        a.entries.push(entry(
            1,
            "sw-indexation",
            Party::Supplier,
            Direction::Withdrawal,
            d(2026, 10, 5),
            2,
        ));
        assert!(
            indexation_review(&Digest::of(&a), d(2026, 10, 6))
                .unwrap()
                .indexed
        );
        // Last year's innovation does not count; this year's does.
        a.entries.push(entry(
            2,
            "sd-innovation",
            Party::Supplier,
            Direction::Deposit,
            d(2025, 11, 5),
            3,
        ));
        assert!(indexation_review(&Digest::of(&a), d(2026, 11, 1)).is_some());
        a.entries.push(entry(
            3,
            "sd-innovation",
            Party::Supplier,
            Direction::Deposit,
            d(2026, 11, 5),
            3,
        ));
        assert!(indexation_review(&Digest::of(&a), d(2026, 11, 6)).is_none());
        assert!(indexation_review(&Digest::of(&a), d(2026, 12, 31)).is_none());
    }
}
