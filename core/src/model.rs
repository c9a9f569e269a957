//! Domain types: clients, entries, stock-takes and their ids (DESIGN §2–§5).
//!
//! Everything a client page needs is kept together in an [`Account`]: the
//! client's details, own categories, entries and stock-takes. One account is
//! one unit of storage, import and merge.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::intern::Name;
use crate::moments::{Moment, MomentId};
use crate::questionnaire::{Response, ResponseId};

/// Points are whole numbers, never floats (DESIGN §3).
pub type Points = i64;

/// Stable id of a client relationship (`c-` + base36), safe in URLs and keys.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClientId(pub String);

impl ClientId {
    /// Makes an id from random bits supplied by the caller (the browser's
    /// crypto or a seeded generator in tests), so the core stays pure.
    pub fn from_random(bits: u64) -> ClientId {
        ClientId(format!("c-{}", base36(bits)))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for ids we could have generated: ASCII letters, digits, `-`, `_`,
    /// at most 64 long. Anything else (from an import) is refused.
    pub fn is_well_formed(&self) -> bool {
        !self.0.is_empty()
            && self.0.len() <= 64
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }
}

impl std::fmt::Display for ClientId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Id of an entry, unique within its account (sequential).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct EntryId(pub u64);

/// Id of a category: a catalogue id like `sd-delivered`, or `own-…` for a
/// user-defined one.
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
    /// Us (aanbieder): the headline klantsaldo is ours.
    Supplier,
    /// Them (klant).
    Client,
}

impl Party {
    /// Both parties, supplier first as the app shows them.
    pub const ALL: [Party; 2] = [Party::Supplier, Party::Client];
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
    pub fn sign(self) -> Points {
        match self {
            Direction::Deposit => 1,
            Direction::Withdrawal => -1,
        }
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
    pub fn points(self) -> Points {
        Points::from(self.0)
    }

    /// The raw value 1–5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u8::deserialize(d)?;
        Weight::new(v).ok_or_else(|| serde::de::Error::custom(format!("weight {v} is not 1-5")))
    }
}

/// One booking on the account (DESIGN §3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique within the account.
    pub id: EntryId,
    /// The calendar date the event happened.
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
    /// The earlier withdrawal this deposit makes good (apology, fix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repairs: Option<EntryId>,
}

impl Entry {
    /// The signed points this entry adds to its party's saldo.
    pub fn signed_points(&self) -> Points {
        self.direction.sign() * self.weight.points()
    }
}

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
}

/// Per-client thresholds of the status corridor (DESIGN §4, §5).
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

/// Ranges the thresholds must stay in; also shown next to the settings form.
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
    #[serde(default)]
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

/// A user-defined category, kept with the account that uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnCategory {
    /// `own-…`, unique within the account.
    pub id: CategoryId,
    /// Which party it is for.
    pub party: Party,
    /// Deposit or withdrawal.
    pub direction: Direction,
    /// The user's label (shown in both languages as typed).
    pub label: String,
}

/// A dated review (balans opmaken, DESIGN §5): the figures at that moment, a
/// reflection and agreed actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockTake {
    /// The review date.
    pub date: NaiveDate,
    /// Our saldo at that moment.
    pub supplier_saldo: Points,
    /// The client's saldo at that moment.
    pub client_saldo: Points,
    /// The status of our saldo at that moment (its stable code).
    pub status: String,
    /// What the account manager sees.
    #[serde(default)]
    pub reflection: String,
    /// What was agreed to do next.
    #[serde(default)]
    pub actions: String,
}

/// An entry taken out of an account, with what linked to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedEntry {
    /// The entry.
    pub entry: Entry,
    /// Deposits that made it good (their links were cleared).
    pub repaired_by: Vec<EntryId>,
    /// Moments whose action was booked as this entry.
    pub booked_by: Vec<MomentId>,
}

/// Everything stored for one client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Details and settings.
    pub client: Client,
    /// User-defined categories.
    #[serde(default)]
    pub own_categories: Vec<OwnCategory>,
    /// The ledger, in no particular order (computations do not depend on it).
    #[serde(default)]
    pub entries: Vec<Entry>,
    /// Stock-takes, oldest first.
    #[serde(default)]
    pub stock_takes: Vec<StockTake>,
    /// Interaction moments with their answers and actions.
    #[serde(default)]
    pub moments: Vec<Moment>,
    /// Dated self-assessments (hostmanship, integrity, …), any definition.
    #[serde(default)]
    pub assessments: Vec<Response>,
}

impl Account {
    /// A new, empty account.
    pub fn new(client: Client) -> Account {
        Account {
            client,
            own_categories: Vec::new(),
            entries: Vec::new(),
            stock_takes: Vec::new(),
            moments: Vec::new(),
            assessments: Vec::new(),
        }
    }

    /// The id for the next assessment.
    pub fn next_response_id(&self) -> ResponseId {
        ResponseId(
            self.assessments
                .iter()
                .map(|r| r.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// Takes entry `id` out, with the links that pointed at it: repairs of
    /// a deleted withdrawal and the booking of a moment's action would
    /// otherwise dangle. The result puts everything back via
    /// [`Account::restore_entry`].
    pub fn remove_entry(&mut self, id: EntryId) -> Option<RemovedEntry> {
        let i = self.entries.iter().position(|e| e.id == id)?;
        let entry = self.entries.remove(i);
        let mut repaired_by = Vec::new();
        for e in self.entries.iter_mut().filter(|e| e.repairs == Some(id)) {
            e.repairs = None;
            repaired_by.push(e.id);
        }
        let mut booked_by = Vec::new();
        for m in &mut self.moments {
            if let Some(a) = m.action.as_mut().filter(|a| a.booked == Some(id)) {
                a.booked = None;
                booked_by.push(m.id);
            }
        }
        Some(RemovedEntry {
            entry,
            repaired_by,
            booked_by,
        })
    }

    /// Undoes [`Account::remove_entry`]: the entry and its links come back
    /// where nothing else took their place meanwhile.
    pub fn restore_entry(&mut self, removed: RemovedEntry) {
        let id = removed.entry.id;
        if self.entry(id).is_some() {
            return;
        }
        self.entries.push(removed.entry);
        for e in self
            .entries
            .iter_mut()
            .filter(|e| removed.repaired_by.contains(&e.id) && e.repairs.is_none())
        {
            e.repairs = Some(id);
        }
        for m in self
            .moments
            .iter_mut()
            .filter(|m| removed.booked_by.contains(&m.id))
        {
            if let Some(a) = m.action.as_mut().filter(|a| a.booked.is_none()) {
                a.booked = Some(id);
            }
        }
    }

    /// The assessments of `definition`, oldest first (by date, then id).
    pub fn assessments_of(&self, definition: &str) -> Vec<&Response> {
        let mut list: Vec<&Response> = self
            .assessments
            .iter()
            .filter(|r| r.definition == definition)
            .collect();
        list.sort_by_key(|r| (r.date, r.id));
        list
    }

    /// The id for the next entry: one above the highest in use.
    pub fn next_entry_id(&self) -> EntryId {
        EntryId(
            self.entries
                .iter()
                .map(|e| e.id.0)
                .max()
                .map_or(1, |m| m + 1),
        )
    }

    /// The entry with `id`, if any.
    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The earliest entry date.
    pub fn first_entry_date(&self) -> Option<NaiveDate> {
        self.entries.iter().map(|e| e.date).min()
    }

    /// The latest entry date.
    pub fn last_entry_date(&self) -> Option<NaiveDate> {
        self.entries.iter().map(|e| e.date).max()
    }

    /// The newest stock-take by date.
    pub fn last_stock_take(&self) -> Option<&StockTake> {
        self.stock_takes.iter().max_by_key(|s| s.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_is_one_to_five() {
        assert!(Weight::new(0).is_none());
        assert!(Weight::new(6).is_none());
        for v in 1..=5 {
            assert_eq!(Weight::new(v).map(Weight::get), Some(v));
        }
        assert!(serde_json::from_str::<Weight>("7").is_err());
        assert_eq!(serde_json::from_str::<Weight>("3").ok(), Weight::new(3));
    }

    #[test]
    fn client_ids_are_url_safe() {
        for bits in [0, 1, 35, 36, u64::MAX] {
            let id = ClientId::from_random(bits);
            assert!(id.is_well_formed(), "{id}");
        }
        assert_eq!(ClientId::from_random(0).0, "c-0");
        assert_eq!(ClientId::from_random(36).0, "c-10");
        assert!(!ClientId("a b".into()).is_well_formed());
        assert!(!ClientId(String::new()).is_well_formed());
    }

    #[test]
    fn next_entry_id_follows_the_highest() {
        let mut a = Account::new(Client::new(ClientId("c-1".into()), "X"));
        assert_eq!(a.next_entry_id(), EntryId(1));
        a.entries.push(Entry {
            id: EntryId(41),
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            party: Party::Supplier,
            direction: Direction::Deposit,
            category: CategoryId("sd-delivered".into()),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        });
        assert_eq!(a.next_entry_id(), EntryId(42));
    }

    #[test]
    fn removing_an_entry_unlinks_and_restoring_relinks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut a = crate::demo::example(today, 1);
        let target = a.entries.iter().find_map(|e| e.repairs).unwrap();
        let repairer = a
            .entries
            .iter()
            .find(|e| e.repairs == Some(target))
            .unwrap()
            .id;
        // Book the demo's planned action on some deposit of ours.
        let ours = a
            .entries
            .iter()
            .find(|e| e.party == Party::Supplier && e.direction == Direction::Deposit)
            .unwrap()
            .id;
        let action = a.moments[2].action.as_mut().unwrap();
        action.done = Some(today);
        action.booked = Some(ours);
        let before = a.clone();

        let removed = a.remove_entry(target).unwrap();
        assert!(a.entry(target).is_none());
        assert_eq!(a.entry(repairer).unwrap().repairs, None);
        assert_eq!(removed.repaired_by, vec![repairer]);
        let removed_ours = a.remove_entry(ours).unwrap();
        assert_eq!(a.moments[2].action.as_ref().unwrap().booked, None);
        assert_eq!(crate::validate::validate_account(&a, today), vec![]);

        a.restore_entry(removed_ours);
        a.restore_entry(removed);
        a.entries.sort_by_key(|e| e.id);
        let mut want = before;
        want.entries.sort_by_key(|e| e.id);
        assert_eq!(a, want);
        assert!(a.remove_entry(EntryId(999_999)).is_none());
    }
}
