//! Entries: one deposit or withdrawal by one party, with its weight.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::EntryId;
use crate::i18n::{Key, Lang};
use crate::intern::Name;

/// Points are whole numbers, never floats.
pub type Points = i64;

/// Id of a category: a catalogue id like `sd-delivered`, or `own-…` for a
/// user-defined one (unique within its account only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CategoryId(pub Name);

impl CategoryId {
    /// The id of `text`.
    pub fn new(text: &str) -> CategoryId {
        CategoryId(Name::new(text))
    }

    /// The id as text.
    pub fn as_str(&self) -> &'static str {
        self.0.as_str()
    }
}

/// The two sides of the relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    /// Us (aanbieder): the headline saldo is ours.
    Supplier,
    /// Them (klant).
    Client,
}

impl Party {
    /// Both parties, supplier first as the app shows them.
    pub const ALL: [Party; 2] = [Party::Supplier, Party::Client];

    /// The party in words ("Aanbieder (wij)").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Party::Supplier => Key::PartySupplier,
            Party::Client => Key::PartyClient,
        }
        .text(lang)
    }

    /// Stable code for form values and test ids.
    pub fn code(self) -> &'static str {
        match self {
            Party::Supplier => "supplier",
            Party::Client => "client",
        }
    }

    /// The party with `code`.
    pub fn from_code(code: &str) -> Option<Party> {
        Party::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Whether an entry gives (storting) or takes (opname).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Storting: adds its weight to the party's saldo.
    Deposit,
    /// Opname: subtracts its weight.
    Withdrawal,
}

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::Deposit, Direction::Withdrawal];

    /// +1 for a deposit, −1 for a withdrawal.
    #[inline(always)]
    pub fn sign(self) -> Points {
        // Arithmetic rather than a match: summing a large ledger calls this
        // per entry, and the direction is unpredictable.
        1 - 2 * (self as Points)
    }

    /// The direction in words ("Storting").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Direction::Deposit => Key::DirectionDeposit,
            Direction::Withdrawal => Key::DirectionWithdrawal,
        }
        .text(lang)
    }

    /// Stable code for form values and test ids.
    pub fn code(self) -> &'static str {
        match self {
            Direction::Deposit => "deposit",
            Direction::Withdrawal => "withdrawal",
        }
    }

    /// The direction with `code`.
    pub fn from_code(code: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// Weight of an entry: 1 (small gesture) … 5 (major event). Only
/// constructed through [`Weight::new`], so an out-of-range weight cannot exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Weight(u8);

impl Weight {
    /// Smallest weight.
    pub const MIN: u8 = 1;
    /// Largest weight.
    pub const MAX: u8 = 5;

    /// A weight in 1–5, or `None`.
    pub fn new(value: u8) -> Option<Weight> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Weight(value))
    }

    /// The weight as points.
    #[inline(always)]
    pub fn points(self) -> Points {
        Points::from(self.0)
    }

    /// The raw value 1–5.
    #[inline(always)]
    pub fn get(self) -> u8 {
        self.0
    }

    /// What the weight means, in a few words ("3 · merkbaar"), so two
    /// people score the same event the same way.
    pub fn meaning(value: u8, lang: Lang) -> &'static str {
        match value {
            1 => Key::Weight1,
            2 => Key::Weight2,
            3 => Key::Weight3,
            4 => Key::Weight4,
            _ => Key::Weight5,
        }
        .text(lang)
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u8::deserialize(d)?;
        Weight::new(v).ok_or_else(|| serde::de::Error::custom(format!("weight {v} is not 1-5")))
    }
}

/// One booking on the account.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// Unique within the account.
    pub id: EntryId,
    /// The calendar date the event happened. An entry dated after today is
    /// kept and listed, but counts in the saldo only from its date.
    #[serde(with = "crate::model::dates::iso")]
    pub date: NaiveDate,
    /// Whose deposit or withdrawal this is.
    pub party: Party,
    /// Storting or opname.
    pub direction: Direction,
    /// A catalogue or own category fitting `party` and `direction`.
    pub category: CategoryId,
    /// 1–5 points.
    pub weight: Weight,
    /// Person or role on that party's side ("projectmanager"), interned:
    /// a few people recur on thousands of entries.
    #[serde(default)]
    pub who: Name,
    /// Free text.
    #[serde(default)]
    pub note: String,
    /// The earlier withdrawal of the same party this deposit makes good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repairs: Option<EntryId>,
}

impl Entry {
    /// The signed points this entry adds to its party's saldo.
    #[inline(always)]
    pub fn signed_points(&self) -> Points {
        self.direction.sign() * self.weight.points()
    }
}
