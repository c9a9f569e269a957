//! The digest of an account: everything its overview row and the agenda
//! show, in a form that does not depend on the day it is read
//! (`docs/DOMAIN.md`, "The overview reads digests").
//!
//! Every figure of a [`Headline`](super::summary::Headline) is computed
//! from a digest, for the overview and the client page alike, so there is
//! one rule per figure. Storage keeps each account's digest beside it
//! (`storage::codec`), and the first screen reads those instead of
//! decoding whole accounts: a ledger's entries become bookings of points
//! per day and kind, moments their dates, an assessment its total.

use chrono::NaiveDate;

pub use crate::account::booked::{Booked, Mark};
use crate::model::{Account, Client, MomentId, MomentKind};
use crate::questionnaires::definitions;
use crate::questionnaires::engine::latest_total;

/// A moment prepared and not yet held: the agenda shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Planned {
    /// The moment.
    pub id: MomentId,
    /// Its day.
    pub date: NaiveDate,
    /// Meeting, call, …
    pub kind: MomentKind,
    /// What it is about, as typed.
    pub description: String,
}

/// What the overview needs of one account, on any day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    /// The client's details and settings.
    pub client: Client,
    /// Every entry as a booking (in a stored digest, one per day and kind).
    pub bookings: Vec<Booked>,
    /// The days of the stock-takes.
    pub stock_takes: Vec<NaiveDate>,
    /// The days of interaction moments that were held (not only planned).
    pub talks: Vec<NaiveDate>,
    /// The due dates of planned extras not done yet.
    pub open_actions: Vec<NaiveDate>,
    /// Prepared moments still to be held.
    pub planned: Vec<Planned>,
    /// Total (0–100) of the latest scored hostmanship self-assessment.
    pub hostmanship: Option<u8>,
}

impl Digest {
    /// The digest of `account`: one booking per entry.
    pub fn of(account: &Account) -> Digest {
        Digest {
            client: account.client.clone(),
            bookings: {
                let mark = Mark::marker();
                let entries = account.entries.iter();
                entries
                    .map(|e| Booked::with_mark(e, mark(e.category)))
                    .collect()
            },
            stock_takes: account.stock_takes.iter().map(|s| s.date).collect(),
            talks: account
                .moments
                .iter()
                .filter(|m| !m.planned)
                .map(|m| m.date)
                .collect(),
            open_actions: account
                .moments
                .iter()
                .filter_map(|m| m.action.as_ref())
                .filter(|a| a.is_open())
                .map(|a| a.due)
                .collect(),
            planned: account
                .moments
                .iter()
                .filter(|m| m.planned)
                .map(|m| Planned {
                    id: m.id,
                    date: m.date,
                    kind: m.kind,
                    description: m.description.clone(),
                })
                .collect(),
            hostmanship: latest_total(account, &definitions::HOSTMANSHIP).map(|(_, t)| t),
        }
    }

    /// The same digest with the bookings of one kind on one day added up,
    /// in date order: every figure on every day stays the same, in far
    /// fewer rows. Storage keeps this form.
    pub fn compact(mut self) -> Digest {
        let mut bookings = std::mem::take(&mut self.bookings);
        crate::model::order::sort_by(&mut bookings, |a, b| a.kind().cmp(&b.kind()));
        let mut out: Vec<Booked> = Vec::with_capacity(bookings.len());
        for b in bookings {
            match out.last_mut() {
                Some(last) if last.kind() == b.kind() => {
                    last.points += b.points;
                    last.count += b.count;
                }
                _ => out.push(b),
            }
        }
        self.bookings = out;
        self
    }

    /// Number of entries, dated any day.
    pub fn entry_count(&self) -> usize {
        self.bookings.iter().map(|b| b.count as usize).sum()
    }

    /// The date of the first entry, past or future.
    pub fn first_date(&self) -> Option<NaiveDate> {
        self.bookings.iter().map(|b| b.date).min()
    }

    /// The last stock-take's day.
    pub fn last_stock_take(&self) -> Option<NaiveDate> {
        self.stock_takes.iter().copied().max()
    }

    /// Prepared moments up to `days` days from `today`, including earlier
    /// ones still to look back on, by day.
    pub fn agenda(&self, today: NaiveDate, days: u64) -> Vec<&Planned> {
        let until = today
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(today);
        let mut out: Vec<&Planned> = self.planned.iter().filter(|p| p.date <= until).collect();
        crate::model::order::sort_by_key(&mut out, |p| (crate::model::order::day(p.date), p.id.0));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::dates::test_dates::d;
    use crate::model::{CategoryId, Points};

    #[test]
    fn compacting_adds_up_each_kind_per_day_and_keeps_the_totals() {
        let today = d(2026, 11, 23);
        let a = demo::synthetic(3_000, 9, today);
        let full = Digest::of(&a);
        let small = full.clone().compact();
        assert!(small.bookings.len() < full.bookings.len());
        assert_eq!(small.entry_count(), a.entries.len());
        let sum = |d: &Digest| d.bookings.iter().map(Booked::signed_points).sum::<Points>();
        assert_eq!(sum(&small), sum(&full));
        assert!(small.bookings.windows(2).all(|w| w[0].kind() < w[1].kind()));
        assert_eq!(
            small.clone().compact(),
            small,
            "compacting twice changes nothing"
        );
    }

    #[test]
    fn the_digest_holds_moments_as_the_overview_needs_them() {
        let today = d(2026, 11, 23);
        let a = demo::example(today, 1);
        let g = Digest::of(&a);
        assert_eq!(
            g.talks.len(),
            a.moments.iter().filter(|m| !m.planned).count()
        );
        assert_eq!(
            g.open_actions.len(),
            a.moments
                .iter()
                .filter(|m| m.action.as_ref().is_some_and(|x| x.done.is_none()))
                .count()
        );
        assert_eq!(g.stock_takes.len(), a.stock_takes.len());
        assert_eq!(g.last_stock_take(), a.last_stock_take().map(|s| s.date));
        assert_eq!(g.first_date(), a.first_entry_date());
        assert!(g.hostmanship.is_some());
    }

    #[test]
    fn the_agenda_holds_the_coming_week_and_what_is_still_to_look_back_on() {
        let today = d(2026, 11, 23);
        let planned = |id: u64, date| Planned {
            id: MomentId(id),
            date,
            kind: MomentKind::Call,
            description: format!("m{id}"),
        };
        let mut g = Digest::of(&demo::example(today, 2));
        g.planned = vec![
            planned(5, d(2026, 12, 1)),
            planned(4, d(2026, 11, 30)),
            planned(3, d(2026, 11, 23)),
            planned(2, d(2026, 11, 10)),
            planned(1, d(2026, 11, 30)),
        ];
        let ids: Vec<u64> = g.agenda(today, 7).iter().map(|p| p.id.0).collect();
        assert_eq!(
            ids,
            [2, 3, 1, 4],
            "by day, then id; a week ahead, not beyond"
        );
    }

    #[test]
    fn marks_name_the_two_categories_of_the_yearly_review() {
        assert_eq!(Mark::of(CategoryId::new("sd-innovation")), Mark::Innovation);
        assert_eq!(Mark::of(CategoryId::new("sw-indexation")), Mark::Indexation);
        assert_eq!(Mark::of(CategoryId::new("sd-delivered")), Mark::Plain);
    }
}
