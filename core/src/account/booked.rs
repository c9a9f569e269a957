//! One booking of points: an entry, or in a stored digest all entries of
//! one kind on one day added up. The bottom of `account/`: the ledger and
//! the digest both count in bookings.

use chrono::NaiveDate;

use crate::model::{CategoryId, Direction, Entry, Party, Points};

/// What a booking stands for beyond its points: the indexation review
/// looks for these two categories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// Any other category.
    #[default]
    Plain,
    /// An innovation or saving offered to the client (`sd-innovation`).
    Innovation,
    /// A price indexation passed on (`sw-indexation`).
    Indexation,
}

impl Mark {
    /// The category of the deposit that settles the yearly review.
    pub const INNOVATION: &'static str = "sd-innovation";
    /// The category of the withdrawal the yearly review is about.
    pub const INDEXATION: &'static str = "sw-indexation";

    /// The mark of an entry in `category`.
    pub fn of(category: CategoryId) -> Mark {
        Mark::marker()(category)
    }

    /// [`Mark::of`] for many entries: the two categories are looked up
    /// once, then each entry's is compared as a number (interned), not as
    /// text.
    pub(crate) fn marker() -> impl Fn(CategoryId) -> Mark {
        let innovation = CategoryId::new(Mark::INNOVATION);
        let indexation = CategoryId::new(Mark::INDEXATION);
        move |c| {
            if c == innovation {
                Mark::Innovation
            } else if c == indexation {
                Mark::Indexation
            } else {
                Mark::Plain
            }
        }
    }
}

/// Points booked by one party in one direction on one day: one entry, or
/// in a stored digest all entries of that kind on that day added up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Booked {
    /// The day.
    pub date: NaiveDate,
    /// Whose deposit or withdrawal.
    pub party: Party,
    /// Deposit or withdrawal.
    pub direction: Direction,
    /// Innovation, indexation or neither.
    pub mark: Mark,
    /// Σ weights.
    pub points: Points,
    /// Number of entries.
    pub count: u32,
}

impl Booked {
    /// One entry as a booking.
    pub fn of(e: &Entry) -> Booked {
        Booked::with_mark(e, Mark::of(e.category))
    }

    #[inline(always)]
    pub(crate) fn with_mark(e: &Entry, mark: Mark) -> Booked {
        Booked {
            date: e.date,
            party: e.party,
            direction: e.direction,
            mark,
            points: e.weight.points(),
            count: 1,
        }
    }

    /// The points with their sign: deposits add, withdrawals take.
    #[inline(always)]
    pub fn signed_points(&self) -> Points {
        self.direction.sign() * self.points
    }

    /// What bookings of one day are added up by.
    pub(crate) fn kind(&self) -> (NaiveDate, Party, Direction, Mark) {
        (self.date, self.party, self.direction, self.mark)
    }
}
