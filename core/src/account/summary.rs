//! What a client page and the overview show, computed in one pass each.
//!
//! Screens display memos of these functions; the benchmark measures exactly
//! them, so its figures are what a user waits for.

use chrono::NaiveDate;

use crate::account::digest::Digest;
use crate::account::ledger::{self, Balances, BreakdownRow, PeriodPoint};
use crate::account::signals::{self, IndexationReview, Silence, StartPhase};
use crate::account::status::{self, Reminder, Staleness, Status, StatusReport};
use crate::model::{Account, Action, EntryId, Party, Points};
pub use crate::questionnaires::engine::latest_total;

/// The short figures per client: overview rows, sorting by attention.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Headline {
    /// Totals of both parties.
    pub balances: Balances,
    /// Status of our saldo (drives the headline).
    pub supplier_status: StatusReport,
    /// Status of the client's saldo.
    pub client_status: StatusReport,
    /// Latest entry date.
    pub last_entry: Option<NaiveDate>,
    /// Stock-take reminder.
    pub reminder: Reminder,
    /// Number of entries.
    pub entry_count: usize,
    /// Total (0–100) of the latest scored hostmanship self-assessment.
    pub hostmanship: Option<u8>,
    /// Planned extras not done yet.
    pub open_actions: usize,
    /// Of those, past their due date.
    pub overdue_actions: usize,
    /// Entries dated after today (listed, not counted yet).
    pub future_entries: u32,
    /// The start phase of a new relationship.
    pub start: Option<StartPhase>,
    /// Our withdrawals piling up while nobody talked to the client.
    pub silence: Option<Silence>,
    /// The yearly indexation review, while due.
    pub indexation: Option<IndexationReview>,
    /// Prepared moments of today and the coming week, and those still to
    /// look back on.
    pub planned: usize,
}

impl Headline {
    /// Our saldo: the klantsaldo.
    pub fn saldo(&self) -> Points {
        self.balances.supplier.saldo()
    }

    /// The status report of `party`'s saldo.
    pub fn status_of(&self, party: Party) -> &StatusReport {
        match party {
            Party::Supplier => &self.supplier_status,
            Party::Client => &self.client_status,
        }
    }

    /// Sort key: what needs attention first. Structurally red, then overdue
    /// stock-takes (red, amber), then temporarily red, structural surplus,
    /// the rest, and empty accounts last.
    pub fn attention_rank(&self) -> u8 {
        match (self.supplier_status.status, self.reminder.staleness) {
            (Status::StructurallyRed, _) => 0,
            (_, Staleness::Red) => 1,
            (_, Staleness::Amber) => 2,
            (Status::TemporarilyRed, _) => 3,
            (Status::StructurallySurplus, _) => 4,
            (Status::TemporarilySurplus, _) => 5,
            (Status::Healthy, _) => 6,
            (Status::Starting, _) => 7,
            (Status::NoData, _) => 8,
        }
    }
}

/// Everything the client page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The headline figures.
    pub headline: Headline,
    /// Running saldo per period of the client's period length.
    pub running: Vec<PeriodPoint>,
    /// Breakdown per party and category.
    pub by_category: Vec<BreakdownRow>,
    /// Breakdown per party and person/role.
    pub by_person: Vec<BreakdownRow>,
    /// Withdrawals that are not made good yet.
    pub open_repairs: Vec<EntryId>,
    /// Entries dated more than twenty years ago (flagged).
    pub far_past_entries: u32,
}

fn series(running: &[PeriodPoint], party: Party) -> Vec<Points> {
    running.iter().map(|p| p.of(party)).collect()
}

/// The headline of an account from its digest, with its running balance
/// (the client page shows that too, so it is computed once).
fn headline_and_running(digest: &Digest, today: NaiveDate) -> (Headline, Vec<PeriodPoint>) {
    let bookings = &digest.bookings;
    let ledger::Totals {
        balances,
        span,
        future: future_entries,
    } = ledger::totals(bookings, today);
    let running = ledger::running_balance_within(bookings, digest.client.period, today, span);
    let t = &digest.client.thresholds;
    let classify = |party| {
        let totals = balances.of(party);
        let has = totals.deposit_count + totals.withdrawal_count > 0;
        status::classify(&series(&running, party), t, has)
    };
    // The earliest entry of all: the span's first day when anything is
    // booked up to today (a later one cannot be earlier), else the
    // earliest future one.
    let first = span.map(|(lo, _)| lo).or_else(|| digest.first_date());
    let start = signals::start_phase_from(digest, today, first);
    let mut supplier_status = classify(Party::Supplier);
    // A new relationship starts by depositing: red is not an alarm then
    // (below the credit limit still is; with nothing booked there is no
    // status at all).
    if let (Some(s), Status::TemporarilyRed) = (start, supplier_status.status) {
        supplier_status.status = Status::Starting;
        supplier_status.reason = status::Reason::StartPhase {
            until: s.until,
            deposits: s.deposits,
            saldo: balances.supplier.saldo(),
        };
    }
    let silence = signals::silence(digest, today, supplier_status.status);
    let headline = Headline {
        balances,
        supplier_status,
        client_status: classify(Party::Client),
        last_entry: span.map(|(_, last)| last),
        reminder: status::stock_take_reminder_since(
            digest.last_stock_take(),
            span.map(|(first, _)| first),
            t,
            today,
        ),
        entry_count: digest.entry_count(),
        hostmanship: digest.hostmanship,
        open_actions: digest.open_actions.len(),
        overdue_actions: digest
            .open_actions
            .iter()
            .filter(|&&due| Action::overdue(due, today))
            .count(),
        future_entries,
        start,
        silence,
        indexation: signals::indexation_review_from(digest, today, first),
        planned: digest.agenda(today, AGENDA_DAYS).len(),
    };
    (headline, running)
}

/// How far ahead the agenda looks, in days.
pub const AGENDA_DAYS: u64 = 7;

/// The headline of an account from its digest: what the overview shows,
/// without the account itself.
pub fn headline_of(digest: &Digest, today: NaiveDate) -> Headline {
    headline_and_running(digest, today).0
}

/// The headline of one account (cheaper than [`summarize`]).
pub fn headline(account: &Account, today: NaiveDate) -> Headline {
    headline_of(&Digest::of(account), today)
}

/// Everything a client page shows: one scan of the entries for totals,
/// breakdowns and repairs, and one for the running balance.
pub fn summarize(account: &Account, today: NaiveDate) -> Summary {
    let (headline, running) = headline_and_running(&Digest::of(account), today);
    let scan = ledger::scan(account, today);
    Summary {
        headline,
        by_category: scan.by_category,
        by_person: scan.by_person,
        open_repairs: scan.open_repairs,
        far_past_entries: scan.far_past,
        running,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::Answer;
    use crate::questionnaires::definitions;
    use crate::questionnaires::engine::score;

    #[test]
    fn a_party_with_nothing_booked_has_no_status() {
        use crate::account::status::Status;
        use crate::model::{
            Account, CategoryId, Client, ClientId, Direction, Entry, EntryId, Party, Weight,
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "Alleen wij"));
        a.entries.push(Entry {
            id: EntryId(1),
            date: today,
            party: Party::Supplier,
            direction: Direction::Deposit,
            category: CategoryId::new("sd-delivered"),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        });
        let h = headline(&a, today);
        assert_eq!(h.client_status.status, Status::NoData);
        assert_ne!(h.supplier_status.status, Status::NoData);
    }

    #[test]
    fn headline_shows_the_latest_scored_hostmanship_total_and_actions() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut a = demo::example(today, 1);
        let latest = score(&definitions::HOSTMANSHIP, &a.assessments[1].answers).total;
        let h = headline(&a, today);
        assert_eq!(h.hostmanship, latest);
        assert_eq!((h.open_actions, h.overdue_actions), (1, 0));
        // An all-skipped later assessment does not hide the last real score.
        let mut skipped = a.assessments[1].clone();
        skipped.id = a.next_response_id();
        skipped.date = today;
        for v in skipped.answers.values_mut() {
            *v = Answer::Skip;
        }
        a.assessments.push(skipped);
        assert_eq!(headline(&a, today).hostmanship, latest);
        let later = today.checked_add_days(chrono::Days::new(30)).unwrap();
        assert_eq!(headline(&a, later).overdue_actions, 1);
    }

    #[test]
    fn the_client_page_and_the_overview_agree() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for a in [
            demo::example(today, 2),
            demo::synthetic(2_000, 4, today),
            crate::model::Account::new(crate::model::Client::new(
                crate::model::ClientId::from_random(7),
                "Leeg",
            )),
        ] {
            let full = summarize(&a, today);
            assert_eq!(full.headline, headline(&a, today));
            let bookings = Digest::of(&a).bookings;
            assert_eq!(
                full.headline.balances,
                ledger::entry_balances(a.entries.iter().filter(|e| e.date <= today))
            );
            assert_eq!(
                full.running,
                ledger::running_balance(&bookings, a.client.period, today)
            );
            assert_eq!(
                headline_of(&Digest::of(&a).compact(), today),
                full.headline,
                "a stored (compact) digest gives the same headline"
            );
        }
    }
}

/// The categories that took the most from either party, heaviest first:
/// where trust went.
pub fn top_withdrawals(summary: &Summary, n: usize) -> Vec<&BreakdownRow> {
    let mut rows: Vec<&BreakdownRow> = summary
        .by_category
        .iter()
        .filter(|r| r.withdrawals > 0)
        .collect();
    rows.sort_by(|a, b| b.withdrawals.cmp(&a.withdrawals).then(a.key.cmp(&b.key)));
    rows.truncate(n);
    rows
}

/// Actions planned at interaction moments and not done yet, earliest due
/// first, with whether they are overdue on `today`.
pub fn open_actions(account: &Account, today: NaiveDate) -> Vec<(&crate::model::Action, bool)> {
    let mut out: Vec<_> = account
        .moments
        .iter()
        .filter_map(|m| m.action.as_ref())
        .filter(|a| a.is_open())
        .map(|a| (a, Action::overdue(a.due, today)))
        .collect();
    crate::model::order::sort_by_key(&mut out, |(a, _)| (crate::model::order::day(a.due), 0));
    out
}

#[cfg(test)]
mod handout_tests {
    use super::*;
    use crate::demo;

    #[test]
    fn a_new_relationship_that_starts_with_withdrawals_is_starting_not_red() {
        use crate::model::{CategoryId, Client, ClientId, Direction, Entry, EntryId, Weight};
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "Nieuw"));
        // Nothing booked: no status, but the start phase is on.
        let h = headline(&a, today);
        assert_eq!(h.supplier_status.status, Status::NoData);
        assert!(h.start.is_some());
        let entry = |id: u64, cat: &str, direction| Entry {
            id: EntryId(id),
            date: today,
            party: Party::Supplier,
            direction,
            category: CategoryId::new(cat),
            weight: Weight::new(3).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        };
        a.entries
            .push(entry(1, "sw-commitment", Direction::Withdrawal));
        a.entries
            .push(entry(2, "sw-payment", Direction::Withdrawal));
        let h = headline(&a, today);
        assert_eq!(h.supplier_status.status, Status::Starting);
        assert!(h.start.is_some());
        assert!(h
            .supplier_status
            .reason
            .sentence(Party::Supplier, a.client.period, crate::i18n::Lang::Nl)
            .contains("startfase"));
        for id in 3..=5 {
            a.entries
                .push(entry(id, "sd-knowledge", Direction::Deposit));
        }
        // Three deposits of ours end the start phase: the corridor applies.
        let h = headline(&a, today);
        assert!(h.start.is_none());
        assert_eq!(h.supplier_status.status, Status::Healthy);
    }

    #[test]
    fn top_withdrawals_are_the_heaviest_and_open_actions_come_by_due_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let a = demo::example(today, 1);
        let s = summarize(&a, today);
        let top = top_withdrawals(&s, 3);
        assert!(top.len() <= 3 && !top.is_empty());
        assert!(top.windows(2).all(|w| w[0].withdrawals >= w[1].withdrawals));
        let actions = open_actions(&a, today);
        assert!(actions.windows(2).all(|w| w[0].0.due <= w[1].0.due));
        assert!(actions
            .iter()
            .all(|(x, overdue)| x.done.is_none() && *overdue == (x.due < today)));
    }
}
