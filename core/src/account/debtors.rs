//! Debtor management as bonding (`docs/DOMAIN.md`, "Debtor management as bonding"): a
//! late payment is mostly forgetfulness, a holiday or another payment term;
//! when it is dissatisfaction, it points to a withdrawal of ours and asks
//! for a bonding action: a call to listen and find a solution together.

use chrono::{Days, NaiveDate};

use crate::i18n::{Key, Lang};
use crate::model::{Account, Cause, Direction, Dispute, Entry, EntryId, MomentKind, Party};
use crate::questionnaires::moments::PrepareDraft;

/// The client withdrawals that ask for their cause when booked.
pub const DEBTOR_CATEGORIES: [&str; 2] = ["cw-paid-late", "cw-invoice-dispute"];

/// Whether `entry` is a late payment or a disputed invoice.
pub fn is_debtor_entry(entry: &Entry) -> bool {
    DEBTOR_CATEGORIES.contains(&entry.category.as_str())
}

/// Whether `entry` is a disputed invoice (not a late payment): it has
/// causes and a question of its own.
pub fn is_invoice_dispute(entry: &Entry) -> bool {
    entry.category.as_str() == DEBTOR_CATEGORIES[1]
}

/// The causes asked for `entry`.
pub fn causes_for(entry: &Entry) -> &'static [Cause] {
    if is_invoice_dispute(entry) {
        &Cause::INVOICE_DISPUTE
    } else {
        &Cause::LATE_PAYMENT
    }
}

/// Our withdrawals a dissatisfied cause may point to, the latest first (at
/// most 20, up to the date of the late payment).
pub fn candidates<'a>(account: &'a Account, late: &Entry) -> Vec<&'a Entry> {
    let mut out: Vec<&'a Entry> = account
        .entries
        .iter()
        .filter(|e| {
            e.party == Party::Supplier
                && e.direction == Direction::Withdrawal
                && e.date <= late.date
        })
        .collect();
    crate::model::order::sort_by_key(&mut out, |e| {
        (-crate::model::order::day(e.date), u64::MAX - e.id.0)
    });
    out.truncate(20);
    out
}

/// The suggested due date of a bonding call: two working days after
/// `today` (a call should not wait for the next invoice).
pub fn bonding_due(today: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let mut d = today;
    let mut left = 2;
    while left > 0 {
        d = d.checked_add_days(Days::new(1)).unwrap_or(d);
        if d.weekday().number_from_monday() <= 5 {
            left -= 1;
        }
    }
    d
}

/// The bonding action as a prepared call on `due`, in `lang`.
pub fn bonding_call(due: NaiveDate, lang: Lang) -> PrepareDraft {
    PrepareDraft {
        date: Some(due),
        kind: MomentKind::Call,
        description: Key::BondingDescription.text(lang).to_string(),
        expectation: Key::BondingExpectation.text(lang).to_string(),
        treatment: Key::BondingTreatment.text(lang).to_string(),
        extra: Key::BondingExtra.text(lang).to_string(),
        source: None,
    }
}

/// Why a dispute cannot be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DisputeError {
    /// The entry is not a late payment or disputed invoice of this account.
    #[error("not a late payment or dispute")]
    NotDebtor,
    /// The entry has a dispute already.
    #[error("already followed up")]
    Twice,
    /// "Ours" is not a withdrawal of ours, or given without dissatisfaction.
    #[error("bad link to ours")]
    BadOurs,
    /// The bonding moment does not exist.
    #[error("no bonding moment")]
    NoBonding,
}

impl DisputeError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DisputeError::NotDebtor => Key::ErrDisputeNotDebtor,
            DisputeError::Twice => Key::ErrDisputeTwice,
            DisputeError::BadOurs => Key::ErrDisputeOurs,
            DisputeError::NoBonding => Key::ErrNotFound,
        }
        .text(lang)
        .to_string()
    }
}

/// Checks `d` against `account` (ignoring a dispute with its own id).
pub fn check(account: &Account, d: &Dispute) -> Result<(), DisputeError> {
    let entry = account.entry(d.entry).ok_or(DisputeError::NotDebtor)?;
    if !is_debtor_entry(entry) {
        return Err(DisputeError::NotDebtor);
    }
    if account
        .disputes
        .iter()
        .any(|x| x.entry == d.entry && x.id != d.id)
    {
        return Err(DisputeError::Twice);
    }
    if let Some(o) = d.ours {
        let ok = d.cause.points_to_us()
            && account.entry(o).is_some_and(|e| {
                e.party == Party::Supplier && e.direction == Direction::Withdrawal
            });
        if !ok {
            return Err(DisputeError::BadOurs);
        }
    }
    if d.bonding.is_some_and(|m| account.moment(m).is_none()) {
        return Err(DisputeError::NoBonding);
    }
    Ok(())
}

/// How a client's disputes ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisputeStats {
    /// Followed up in all.
    pub total: usize,
    /// Per cause, in [`Cause::ALL`] order.
    pub by_cause: Vec<(Cause, usize)>,
    /// Not ended yet.
    pub open: usize,
    /// Ended in a solution.
    pub solved: usize,
    /// Ended without one.
    pub unsolved: usize,
    /// Later recommended us.
    pub ambassadors: usize,
}

/// The figures of `account`'s disputes.
pub fn stats(account: &Account) -> DisputeStats {
    let d = &account.disputes;
    DisputeStats {
        total: d.len(),
        by_cause: Cause::ALL
            .into_iter()
            .map(|c| (c, d.iter().filter(|x| x.cause == c).count()))
            .filter(|(_, n)| *n > 0)
            .collect(),
        open: d.iter().filter(|x| x.solved.is_none()).count(),
        solved: d.iter().filter(|x| x.solved == Some(true)).count(),
        unsolved: d.iter().filter(|x| x.solved == Some(false)).count(),
        ambassadors: d.iter().filter(|x| x.ambassador).count(),
    }
}

/// The late payments and disputes of `account` not followed up yet.
pub fn unexplained(account: &Account) -> Vec<EntryId> {
    account
        .entries
        .iter()
        .filter(|e| is_debtor_entry(e) && !account.disputes.iter().any(|d| d.entry == e.id))
        .map(|e| e.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CategoryId, Client, ClientId, DisputeId, MomentId, Weight};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn entry(id: u64, cat: &str, party: Party, direction: Direction, date: NaiveDate) -> Entry {
        Entry {
            id: EntryId(id),
            date,
            party,
            direction,
            category: CategoryId::new(cat),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        }
    }

    #[test]
    fn candidates_are_the_latest_first_and_on_one_day_the_last_booked_first() {
        let late = entry(
            9,
            "cw-paid-late",
            Party::Client,
            Direction::Withdrawal,
            d(3, 10),
        );
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-2"), "Y"));
        a.entries = vec![
            entry(
                3,
                "sw-delivery-error",
                Party::Supplier,
                Direction::Withdrawal,
                d(3, 1),
            ),
            entry(
                5,
                "sw-invoice-error",
                Party::Supplier,
                Direction::Withdrawal,
                d(3, 1),
            ),
            entry(
                4,
                "sw-delivery-error",
                Party::Supplier,
                Direction::Withdrawal,
                d(3, 5),
            ),
            entry(
                6,
                "sw-delivery-error",
                Party::Supplier,
                Direction::Withdrawal,
                d(3, 11),
            ),
            late.clone(),
        ];
        let ids: Vec<u64> = candidates(&a, &late).iter().map(|e| e.id.0).collect();
        assert_eq!(ids, vec![4, 5, 3]);
    }

    fn account() -> Account {
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "X"));
        a.entries = vec![
            entry(
                1,
                "sw-delivery-error",
                Party::Supplier,
                Direction::Withdrawal,
                d(10, 1),
            ),
            entry(
                2,
                "cw-paid-late",
                Party::Client,
                Direction::Withdrawal,
                d(10, 20),
            ),
            entry(
                3,
                "sd-delivered",
                Party::Supplier,
                Direction::Deposit,
                d(10, 2),
            ),
            entry(
                4,
                "sw-payment",
                Party::Supplier,
                Direction::Withdrawal,
                d(11, 1),
            ),
        ];
        a
    }

    fn dispute(cause: Cause, ours: Option<u64>) -> Dispute {
        Dispute {
            id: DisputeId(1),
            entry: EntryId(2),
            cause,
            ours: ours.map(EntryId),
            bonding: None,
            solved: None,
            closed: None,
            ambassador: false,
        }
    }

    #[test]
    fn a_dissatisfied_cause_points_to_an_earlier_withdrawal_of_ours() {
        let a = account();
        let late = a.entry(EntryId(2)).unwrap();
        // Only our withdrawals up to the late payment, latest first.
        let ids: Vec<u64> = candidates(&a, late).iter().map(|e| e.id.0).collect();
        assert_eq!(ids, vec![1]);
        assert_eq!(check(&a, &dispute(Cause::Dissatisfied, Some(1))), Ok(()));
        assert_eq!(
            check(&a, &dispute(Cause::Holiday, Some(1))),
            Err(DisputeError::BadOurs)
        );
        assert_eq!(
            check(&a, &dispute(Cause::Dissatisfied, Some(3))),
            Err(DisputeError::BadOurs)
        );
        let mut wrong = dispute(Cause::Forgotten, None);
        wrong.entry = EntryId(1);
        assert_eq!(check(&a, &wrong), Err(DisputeError::NotDebtor));
        let mut bond = dispute(Cause::Dissatisfied, None);
        bond.bonding = Some(MomentId(9));
        assert_eq!(check(&a, &bond), Err(DisputeError::NoBonding));
        assert_eq!(unexplained(&a), vec![EntryId(2)]);
    }

    #[test]
    fn the_bonding_call_is_two_working_days_later_and_stats_count_endings() {
        // Friday 20 November 2026 → Tuesday 24 November.
        assert_eq!(bonding_due(d(11, 20)), d(11, 24));
        assert_eq!(bonding_due(d(11, 23)), d(11, 25));
        let call = bonding_call(d(11, 25), Lang::Nl);
        assert_eq!(call.kind, MomentKind::Call);
        assert!(!call.extra.is_empty());
        let mut a = account();
        let mut x = dispute(Cause::Dissatisfied, Some(1));
        x.solved = Some(true);
        x.ambassador = true;
        a.disputes.push(x);
        let s = stats(&a);
        assert_eq!((s.total, s.open, s.solved, s.ambassadors), (1, 0, 1, 1));
        assert_eq!(s.by_cause, vec![(Cause::Dissatisfied, 1)]);
        assert!(unexplained(&a).is_empty());
    }
}
