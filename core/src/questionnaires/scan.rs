//! The account quick scan (`docs/DOMAIN.md`, "Account quick scan"): from how often
//! each give and take happened in the last twelve months, an estimated saldo
//! per party with its status in the corridor; for a group, the spread of
//! those estimates and the withdrawals most participants marked "often";
//! and, when the user asks, the scan turned into dated ledger entries.

use chrono::{Days, NaiveDate};

use super::definitions::{FREQUENCY, QUICK_SCAN};
use super::group::Stats;
use crate::account::status::{classify, StatusReport};
use crate::catalogue::{self, Builtin};
use crate::model::{Answer, Answers, CategoryId, Direction, Party, Points, Thresholds};
use crate::validate::EntryDraft;

/// How many times the answer to one item stands for (never 0, once 1, a
/// few times 3, often 6); `None` when not answered.
pub fn count(answer: Option<&Answer>) -> Option<u32> {
    match answer? {
        Answer::Choice(id) => FREQUENCY
            .iter()
            .find(|c| c.id == id)
            .map(|c| u32::from(c.points)),
        _ => None,
    }
}

/// The categories of the scan with their answered counts.
fn counted(answers: &Answers) -> impl Iterator<Item = (&'static Builtin, u32)> + '_ {
    QUICK_SCAN.items.iter().filter_map(move |item| {
        let b = catalogue::builtin(item.id)?;
        Some((b, count(answers.get(item.id))?))
    })
}

/// One participant's estimate of the account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Our estimated saldo: Σ count × default weight, deposits minus
    /// withdrawals.
    pub supplier: Points,
    /// The client's estimated saldo.
    pub client: Points,
    /// Our status, with the estimate as the saldo now.
    pub supplier_status: StatusReport,
    /// The client's status.
    pub client_status: StatusReport,
    /// Our withdrawals marked "often", heaviest first.
    pub often: Vec<&'static str>,
}

impl Estimate {
    /// The estimate of `party`.
    pub fn of(&self, party: Party) -> (Points, &StatusReport) {
        match party {
            Party::Supplier => (self.supplier, &self.supplier_status),
            Party::Client => (self.client, &self.client_status),
        }
    }
}

/// The estimate of one answer set under the corridor `t`. With no period
/// history, the status can be temporarily red, healthy or temporarily in
/// surplus, or structurally red below −credit.
pub fn estimate(answers: &Answers, t: &Thresholds) -> Estimate {
    let mut saldo = [0 as Points; 2];
    let mut answered = [false; 2];
    let mut often = Vec::new();
    for (b, n) in counted(answers) {
        let p = usize::from(b.party == Party::Client);
        answered[p] = true;
        let sign = if b.direction == Direction::Deposit {
            1
        } else {
            -1
        };
        saldo[p] += sign * Points::from(n) * Points::from(b.default_weight);
        if b.party == Party::Supplier && b.direction == Direction::Withdrawal && n == 6 {
            often.push((b.default_weight, b.id));
        }
    }
    often.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    // One "period": the estimate is now; the run needs more than one.
    let single = Thresholds {
        structural_run: t.structural_run.max(2),
        ..*t
    };
    Estimate {
        supplier: saldo[0],
        client: saldo[1],
        supplier_status: classify(&[saldo[0]], &single, answered[0]),
        client_status: classify(&[saldo[1]], &single, answered[1]),
        often: often.into_iter().map(|(_, id)| id).collect(),
    }
}

/// What a group's scans show together.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupScan {
    /// Figures over our estimated saldi.
    pub supplier: Option<Stats>,
    /// Figures over the client's estimated saldi.
    pub client: Option<Stats>,
    /// Withdrawals (both parties) with how many participants marked them
    /// "often", most first; only those marked at least once.
    pub often: Vec<(&'static str, u32)>,
}

/// The group view of `sets`.
pub fn group_scan(sets: &[&Answers], t: &Thresholds) -> GroupScan {
    let estimates: Vec<Estimate> = sets.iter().map(|a| estimate(a, t)).collect();
    let values = |party: Party| -> Vec<f64> {
        sets.iter()
            .zip(&estimates)
            .filter(|(a, _)| counted(a).any(|(b, _)| b.party == party))
            .map(|(_, e)| e.of(party).0 as f64)
            .collect()
    };
    let mut often: Vec<(&'static str, u32)> = QUICK_SCAN
        .items
        .iter()
        .filter(|i| i.section.ends_with('w'))
        .map(|i| {
            let n = sets
                .iter()
                .filter(|a| count(a.get(i.id)) == Some(6))
                .count() as u32;
            (i.id, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    often.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    GroupScan {
        supplier: Stats::of(&values(Party::Supplier)),
        client: Stats::of(&values(Party::Client)),
        often,
    }
}

/// The scan as ledger entries, when the user asks: per category its count
/// of entries at the default weight, spread evenly over the twelve months
/// before `today`.
pub fn entries(answers: &Answers, today: NaiveDate) -> Vec<EntryDraft> {
    let mut out = Vec::new();
    for (b, n) in counted(answers) {
        for k in 0..n {
            // The middle of the k-th of n equal parts of the year.
            let back = 365 - (u64::from(k) * 2 + 1) * 365 / (u64::from(n) * 2);
            out.push(EntryDraft {
                date: today.checked_sub_days(Days::new(back)).unwrap_or(today),
                party: b.party,
                direction: b.direction,
                category: CategoryId::new(b.id),
                weight: b.default_weight,
                who: String::new(),
                note: String::new(),
                repairs: None,
            });
        }
    }
    crate::model::order::sort_by_key(&mut out, |d| (crate::model::order::day(d.date), 0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::status::Status;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Answer::Choice(v.to_string())))
            .collect()
    }

    #[test]
    fn estimates_saldi_by_hand() {
        // Delivered (weight 3) a few times: +9; payment (3) often: −18;
        // invoice error (2) once: −2 → ours −11, below the credit of 10.
        // Paid on time (2) often: +12; paid late (2) once: −2 → theirs +10.
        let a = answers(&[
            ("sd-delivered", "few"),
            ("sw-payment", "often"),
            ("sw-invoice-error", "once"),
            ("cd-paid-on-time", "often"),
            ("cw-paid-late", "once"),
            ("sw-no-callback", "never"),
        ]);
        let e = estimate(&a, &Thresholds::default());
        assert_eq!((e.supplier, e.client), (-11, 10));
        assert_eq!(e.supplier_status.status, Status::StructurallyRed);
        assert_eq!(e.client_status.status, Status::Healthy);
        assert_eq!(e.often, vec!["sw-payment"]);
        let small = answers(&[("sw-invoice-error", "few")]);
        let e = estimate(&small, &Thresholds::default());
        assert_eq!(e.supplier_status.status, Status::TemporarilyRed);
        assert_eq!(e.client_status.status, Status::NoData);
    }

    #[test]
    fn group_spread_and_most_often() {
        let a = answers(&[("sd-delivered", "often"), ("sw-payment", "often")]); // 18 − 18 = 0
        let b = answers(&[("sd-delivered", "few"), ("sw-payment", "often")]); // 9 − 18 = −9
        let c = answers(&[("cw-paid-late", "often")]); // ours not answered
        let g = group_scan(&[&a, &b, &c], &Thresholds::default());
        let s = g.supplier.unwrap();
        assert_eq!(s.n, 2);
        assert!((s.mean - -4.5).abs() < 1e-9);
        assert!((s.sd.unwrap() - 4.5).abs() < 1e-9);
        assert_eq!(g.often, vec![("sw-payment", 2), ("cw-paid-late", 1)]);
    }

    #[test]
    fn entries_spread_over_the_year() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let a = answers(&[("sd-delivered", "few"), ("sw-payment", "once")]);
        let e = entries(&a, today);
        assert_eq!(e.len(), 4);
        let first = today.checked_sub_days(Days::new(365)).unwrap();
        assert!(e.iter().all(|d| d.date > first && d.date <= today));
        let delivered: Vec<_> = e
            .iter()
            .filter(|d| d.category.as_str() == "sd-delivered")
            .map(|d| d.date)
            .collect();
        let gap1 = delivered[1].signed_duration_since(delivered[0]).num_days();
        let gap2 = delivered[2].signed_duration_since(delivered[1]).num_days();
        assert!((gap1 - gap2).abs() <= 1, "evenly spread: {gap1} {gap2}");
        assert!(e
            .iter()
            .all(|d| d.weight == 3 || d.category.as_str() == "sw-payment"));
    }
}
