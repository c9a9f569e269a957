//! What a client page and the overview show, computed in one pass each.
//!
//! Screens display memos of these functions; the benchmark measures exactly
//! them, so its figures are what a user waits for.

use chrono::NaiveDate;

use crate::ledger::{self, Balances, BreakdownRow, PeriodPoint};
use crate::model::{Account, EntryId, Party, Points};
use crate::status::{self, Reminder, Staleness, Status, StatusReport};

/// The short figures per client: overview rows, sorting by attention.
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

impl Headline {
    /// Our saldo: the klantsaldo.
    pub fn saldo(&self) -> Points {
        self.balances.supplier.saldo()
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
            (Status::NoData, _) => 7,
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
}

fn series(running: &[PeriodPoint], party: Party) -> Vec<Points> {
    running.iter().map(|p| p.of(party)).collect()
}

fn headline_from(account: &Account, running: &[PeriodPoint], today: NaiveDate) -> Headline {
    let t = &account.client.thresholds;
    Headline {
        balances: ledger::balances(&account.entries),
        supplier_status: status::classify(&series(running, Party::Supplier), t),
        client_status: status::classify(&series(running, Party::Client), t),
        last_entry: account.last_entry_date(),
        reminder: status::stock_take_reminder(account, today),
        entry_count: account.entries.len(),
    }
}

/// The headline of one account (cheaper than [`summarize`]).
pub fn headline(account: &Account, today: NaiveDate) -> Headline {
    let running = ledger::running_balance(&account.entries, account.client.period, today);
    headline_from(account, &running, today)
}

/// Everything a client page shows.
pub fn summarize(account: &Account, today: NaiveDate) -> Summary {
    let running = ledger::running_balance(&account.entries, account.client.period, today);
    let scan = ledger::scan(account);
    Summary {
        headline: headline_from(account, &running, today),
        by_category: scan.by_category,
        by_person: scan.by_person,
        open_repairs: scan.open_repairs,
        running,
    }
}
