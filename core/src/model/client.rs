//! A client relationship's details and its per-client settings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::entry::Points;
use super::ids::ClientId;
use crate::i18n::{Key, Lang};

/// How long one period of the running balance is, chosen per client.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum PeriodLength {
    /// ISO weeks (Monday–Sunday; week 1 holds the first Thursday).
    Week,
    /// Calendar months (default).
    #[default]
    Month,
    /// Calendar quarters.
    Quarter,
}

impl PeriodLength {
    /// All lengths, shortest first.
    pub const ALL: [PeriodLength; 3] = [
        PeriodLength::Week,
        PeriodLength::Month,
        PeriodLength::Quarter,
    ];

    /// Stable code for form values.
    pub fn code(self) -> &'static str {
        match self {
            PeriodLength::Week => "week",
            PeriodLength::Month => "month",
            PeriodLength::Quarter => "quarter",
        }
    }

    /// The length with `code`.
    pub fn from_code(code: &str) -> Option<PeriodLength> {
        PeriodLength::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The length in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            PeriodLength::Week => Key::PeriodWeek,
            PeriodLength::Month => Key::PeriodMonth,
            PeriodLength::Quarter => Key::PeriodQuarter,
        }
        .text(lang)
    }
}

/// Per-client thresholds of the status corridor and the stock-take reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// A saldo above this is a surplus (default 15).
    pub surplus_limit: Points,
    /// A saldo below −credit is structurally red at once (default 10).
    pub credit: Points,
    /// N: this many consecutive red (or surplus) period ends make it structural (default 3).
    pub structural_run: u32,
    /// Days after which a new stock-take is due (default 90).
    pub stock_take_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            surplus_limit: 15,
            credit: 10,
            structural_run: 3,
            stock_take_days: 90,
        }
    }
}

/// Ranges the thresholds and texts must stay in; also shown next to the
/// settings form.
pub mod limits {
    use super::Points;
    /// Surplus limit range.
    pub const SURPLUS_LIMIT: (Points, Points) = (1, 1000);
    /// Credit range.
    pub const CREDIT: (Points, Points) = (0, 1000);
    /// Structural run length range.
    pub const STRUCTURAL_RUN: (u32, u32) = (1, 24);
    /// Stock-take interval range, days.
    pub const STOCK_TAKE_DAYS: (u32, u32) = (7, 730);
    /// Longest client name, organisation, person or role.
    pub const NAME: usize = 120;
    /// Longest note or free text.
    pub const NOTE: usize = 2000;
    /// Longest own category label.
    pub const CATEGORY_LABEL: usize = 80;
}

/// A client relationship's details and settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    /// Stable id.
    pub id: ClientId,
    /// The client's name as the user knows it (required).
    pub name: String,
    /// The client's organisation.
    #[serde(default)]
    pub organisation: String,
    /// Our account manager: the owner of the account.
    #[serde(default)]
    pub account_manager: String,
    /// Their sponsor (opdrachtgever).
    #[serde(default)]
    pub sponsor: String,
    /// When the relationship started.
    #[serde(default, with = "crate::model::dates::iso::option")]
    pub start_date: Option<NaiveDate>,
    /// Free text.
    #[serde(default)]
    pub notes: String,
    /// Period length of the running balance.
    #[serde(default)]
    pub period: PeriodLength,
    /// Corridor and reminder thresholds.
    #[serde(default)]
    pub thresholds: Thresholds,
    /// Hidden from the overview by default.
    #[serde(default)]
    pub archived: bool,
    /// Demo data: clearly marked, removable in one action, never mixed with
    /// real clients.
    #[serde(default)]
    pub demo: bool,
}

impl Client {
    /// A client with default settings.
    pub fn new(id: ClientId, name: impl Into<String>) -> Client {
        Client {
            id,
            name: name.into(),
            organisation: String::new(),
            account_manager: String::new(),
            sponsor: String::new(),
            start_date: None,
            notes: String::new(),
            period: PeriodLength::default(),
            thresholds: Thresholds::default(),
            archived: false,
            demo: false,
        }
    }
}
