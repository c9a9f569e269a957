//! Balances and breakdowns of a ledger (`docs/DOMAIN.md`, "Entries and
//! saldi").
//!
//! Every function here is independent of entry order and uses integer
//! points only, so results are exact and reproducible. What counts "now"
//! counts the entries dated up to today: an entry dated later is listed
//! (and has its running saldo in [`lines`]) but counts from its date.
//! The running balance covers at most [`MAX_PERIODS`] periods, whatever the
//! dates, so one entry dated decades away cannot make a page build
//! hundreds of thousands of points.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::account::booked::Booked;
use crate::account::period::Period;
use crate::catalogue;
use crate::i18n::{format_date, Lang};
use crate::intern::Name;
use crate::model::{
    Account, CategoryId, Direction, Entry, EntryId, MomentId, Party, PeriodLength, Points,
};

/// The most periods a running balance holds: five years of weeks, twenty
/// of months. Earlier entries are carried in as the opening saldo.
pub const MAX_PERIODS: i64 = 260;

/// Deposits and withdrawals of one party.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PartyTotals {
    /// Σ weights of deposits.
    pub deposits: Points,
    /// Σ weights of withdrawals.
    pub withdrawals: Points,
    /// Number of deposits.
    pub deposit_count: u32,
    /// Number of withdrawals.
    pub withdrawal_count: u32,
}

impl PartyTotals {
    #[inline(always)]
    fn add(&mut self, b: &Booked) {
        match b.direction {
            Direction::Deposit => {
                self.deposits += b.points;
                self.deposit_count += b.count;
            }
            Direction::Withdrawal => {
                self.withdrawals += b.points;
                self.withdrawal_count += b.count;
            }
        }
    }

    /// saldo = Σ deposits − Σ withdrawals.
    pub fn saldo(&self) -> Points {
        self.deposits - self.withdrawals
    }

    /// Deposits : withdrawals as tenths of the left side with the right side
    /// as 1 (32 means 3.2 : 1), rounded half up. `None` when nothing was
    /// withdrawn (the ratio is unbounded).
    pub fn ratio_tenths(&self) -> Option<i64> {
        (self.withdrawals > 0)
            .then(|| (self.deposits * 20 + self.withdrawals) / (self.withdrawals * 2))
    }
}

/// Both parties' totals. The supplier's saldo is the headline klantsaldo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Balances {
    /// Us.
    pub supplier: PartyTotals,
    /// The client.
    pub client: PartyTotals,
}

impl Balances {
    /// Counts one booking in its party's totals.
    #[inline(always)]
    pub fn add(&mut self, b: &Booked) {
        match b.party {
            Party::Supplier => self.supplier.add(b),
            Party::Client => self.client.add(b),
        }
    }

    /// The totals of `party`.
    pub fn of(&self, party: Party) -> &PartyTotals {
        match party {
            Party::Supplier => &self.supplier,
            Party::Client => &self.client,
        }
    }
}

/// Totals per party over `bookings`.
pub fn balances<'a>(bookings: impl IntoIterator<Item = &'a Booked>) -> Balances {
    let mut b = Balances::default();
    for x in bookings {
        b.add(x);
    }
    b
}

/// Totals per party over `entries`.
pub fn entry_balances<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Balances {
    let mut b = Balances::default();
    for e in entries {
        b.add(&Booked::of(e));
    }
    b
}

/// The saldo of both parties at the end of one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodPoint {
    /// The period.
    pub period: Period,
    /// Our saldo at its end.
    pub supplier: Points,
    /// The client's saldo at its end.
    pub client: Points,
}

impl PeriodPoint {
    /// The saldo of `party`.
    pub fn of(&self, party: Party) -> Points {
        match party {
            Party::Supplier => self.supplier,
            Party::Client => self.client,
        }
    }
}

/// Running saldo per period up to the current period (at most
/// [`MAX_PERIODS`] of them, the first carrying everything before it),
/// counting the bookings dated up to `today`. Periods without bookings
/// carry the saldo forward. Empty when nothing counts yet.
pub fn running_balance(
    bookings: &[Booked],
    length: PeriodLength,
    today: NaiveDate,
) -> Vec<PeriodPoint> {
    running_balance_within(bookings, length, today, date_span(bookings, today))
}

/// The earliest and latest date of the bookings dated up to `today`.
pub fn date_span(bookings: &[Booked], today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    totals(bookings, today).span
}

/// What the bookings add up to on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Both parties' totals of the bookings dated up to that day.
    pub balances: Balances,
    /// Their earliest and latest date.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Entries dated later: listed, not counted yet.
    pub future: u32,
}

/// Totals, date span and future entries of `bookings` on `today`, in one
/// pass (the headline needs all three of every client).
pub fn totals(bookings: &[Booked], today: NaiveDate) -> Totals {
    let mut t = Totals::default();
    for b in bookings {
        if b.date > today {
            t.future += b.count;
            continue;
        }
        t.balances.add(b);
        t.span = Some(t.span.map_or((b.date, b.date), |(lo, hi)| {
            (lo.min(b.date), hi.max(b.date))
        }));
    }
    t
}

/// [`running_balance`] with the counted bookings' date span already known:
/// the span fixes the first period (bounded by [`MAX_PERIODS`]), and one
/// pass fills them.
pub fn running_balance_within(
    bookings: &[Booked],
    length: PeriodLength,
    today: NaiveDate,
    span: Option<(NaiveDate, NaiveDate)>,
) -> Vec<PeriodPoint> {
    let Some((lo, _)) = span else {
        return Vec::new();
    };
    let last = Period::of(length, today).ordinal;
    let first = Period::of(length, lo)
        .ordinal
        .max(last - (MAX_PERIODS - 1))
        .min(last);
    let n = usize::try_from(last - first + 1).unwrap_or(0);
    // Per period, indexed by `Party as usize` (no branch on the party).
    let mut deltas = vec![[0 as Points; 2]; n];
    for b in bookings.iter().filter(|b| b.date <= today) {
        let o = (Period::of(length, b.date).ordinal - first).max(0);
        if let Some(slot) = usize::try_from(o).ok().and_then(|i| deltas.get_mut(i)) {
            slot[b.party as usize] += b.signed_points();
        }
    }
    let mut s = 0;
    let mut c = 0;
    deltas
        .into_iter()
        .enumerate()
        .map(|(i, [ds, dc])| {
            s += ds;
            c += dc;
            PeriodPoint {
                period: Period {
                    length,
                    ordinal: first + i as i64,
                },
                supplier: s,
                client: c,
            }
        })
        .collect()
}

/// One row of a breakdown: what one category or person added up to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakdownRow {
    /// Party of the row.
    pub party: Party,
    /// Category id or person/role (empty: not filled in).
    pub key: String,
    /// Σ deposits.
    pub deposits: Points,
    /// Σ withdrawals.
    pub withdrawals: Points,
    /// Number of entries.
    pub count: u32,
}

impl BreakdownRow {
    /// Net contribution to the party's saldo.
    pub fn net(&self) -> Points {
        self.deposits - self.withdrawals
    }
}

/// Points and counts per direction, indexed by `Direction as usize`: the
/// per-entry update has no branch on the direction, which is random from
/// one entry to the next (a mispredicted branch per entry was a visible
/// share of a 100k-entry page).
#[derive(Clone, Copy, Default)]
struct Tally {
    points: [Points; 2],
    count: [u32; 2],
}

impl Tally {
    #[inline(always)]
    fn add(&mut self, e: &Entry) {
        let d = e.direction as usize;
        self.points[d] += e.weight.points();
        self.count[d] += 1;
    }

    fn totals(&self) -> PartyTotals {
        PartyTotals {
            deposits: self.points[Direction::Deposit as usize],
            withdrawals: self.points[Direction::Withdrawal as usize],
            deposit_count: self.count[Direction::Deposit as usize],
            withdrawal_count: self.count[Direction::Withdrawal as usize],
        }
    }
}

/// Values by party and interned name (category id or person), found by
/// indexing an array with the name's dense index: no hashing and no heap
/// string per entry, which is what a 100k-entry page waits for.
struct ByName<T> {
    slot: Vec<u32>,
    rows: Vec<((Party, Name), T)>,
}

impl<T> Default for ByName<T> {
    fn default() -> Self {
        ByName {
            slot: Vec::new(),
            rows: Vec::new(),
        }
    }
}

impl<T> ByName<T> {
    #[inline(always)]
    fn get(&mut self, party: Party, name: Name, init: impl FnOnce() -> T) -> &mut T {
        let k = name.index() * 2 + party as usize;
        if k >= self.slot.len() {
            self.slot.resize(k + 1, u32::MAX);
        }
        let i = match self.slot[k] {
            u32::MAX => {
                self.rows.push(((party, name), init()));
                self.slot[k] = (self.rows.len() - 1) as u32;
                self.rows.len() - 1
            }
            i => i as usize,
        };
        &mut self.rows[i].1
    }
}

type Tallies = ByName<Tally>;

fn rows(map: impl IntoIterator<Item = ((Party, Name), Tally)>) -> Vec<BreakdownRow> {
    let mut rows: Vec<BreakdownRow> = map
        .into_iter()
        .map(|((party, key), t)| {
            let t = t.totals();
            BreakdownRow {
                party,
                key: key.to_string(),
                deposits: t.deposits,
                withdrawals: t.withdrawals,
                count: t.deposit_count + t.withdrawal_count,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.party
            .cmp(&b.party)
            .then(b.net().abs().cmp(&a.net().abs()))
            .then(a.key.cmp(&b.key))
    });
    rows
}

/// What one pass over an account's entries yields besides the totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scan {
    /// Per party and category.
    pub by_category: Vec<BreakdownRow>,
    /// Per party and person/role.
    pub by_person: Vec<BreakdownRow>,
    /// Withdrawals not made good yet, oldest first (see [`open_repairs`]).
    pub open_repairs: Vec<EntryId>,
    /// Entries dated more than twenty years ago.
    pub far_past: u32,
}

/// Breakdowns and open repairs of the entries dated up to `today`, in one
/// pass: each entry is read once, which is what a 100k-entry page waits
/// for. (Totals, spans and periods come from the account's
/// [`Digest`](crate::account::digest::Digest).)
pub fn scan(account: &Account, today: NaiveDate) -> Scan {
    let mut cats: ByName<(Tally, bool)> = ByName::default();
    let mut people = Tallies::default();
    let mut repaired: FxHashSet<EntryId> = FxHashSet::default();
    let mut candidates = vec![(today, EntryId(0)); account.entries.len() + 1];
    let mut kept = 0;
    let mut far_past = 0;
    for e in &account.entries {
        match crate::model::dates::flag(e.date, today) {
            Some(crate::model::dates::DateFlag::Future) => continue,
            Some(crate::model::dates::DateFlag::FarPast) => far_past += 1,
            None => {}
        }
        let (tally, repairable) = cats.get(e.party, e.category.0, || {
            let repairable = catalogue::find(account, &e.category).is_some_and(|c| c.repairable());
            (Tally::default(), repairable)
        });
        tally.add(e);
        // Written always, kept when it counts: no unpredictable branch.
        candidates[kept] = (e.date, e.id);
        kept += usize::from((e.direction == Direction::Withdrawal) & *repairable);
        if let Some(r) = e.repairs {
            repaired.insert(r);
        }
        people.get(e.party, e.who, Tally::default).add(e);
    }
    candidates.truncate(kept);
    candidates.retain(|(_, id)| !repaired.contains(id));
    let open_repairs = oldest_first(candidates);
    Scan {
        by_category: rows(cats.rows.into_iter().map(|(k, (t, _))| (k, t))),
        by_person: rows(people.rows),
        open_repairs,
        far_past,
    }
}

/// Sorts (date, id) pairs by date, then id, and returns the ids. Open
/// repairs run to tens of thousands on a large ledger while their dates
/// span a few thousand days, so they are counted into one bucket per day
/// (two linear passes) and only the ids sharing a day are compared; a
/// sparse span (a few pairs decades apart) is sorted by comparison.
fn oldest_first(mut pairs: Vec<(NaiveDate, EntryId)>) -> Vec<EntryId> {
    use chrono::Datelike;
    let days: Vec<i32> = pairs.iter().map(|(d, _)| d.num_days_from_ce()).collect();
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return Vec::new();
    };
    let range = usize::try_from(i64::from(hi) - i64::from(lo) + 1).unwrap_or(usize::MAX);
    if range > pairs.len().saturating_mul(4).saturating_add(1024) {
        pairs.sort_unstable();
        return pairs.into_iter().map(|(_, id)| id).collect();
    }
    // `next[k]`: where the next id of day k goes; starts as day k's start.
    let mut next = vec![0usize; range + 1];
    for d in &days {
        next[(d - lo) as usize + 1] += 1;
    }
    for k in 1..next.len() {
        next[k] += next[k - 1];
    }
    let mut out = vec![EntryId(0); pairs.len()];
    for (d, (_, id)) in days.iter().zip(&pairs) {
        let k = (d - lo) as usize;
        out[next[k]] = *id;
        next[k] += 1;
    }
    // Now `next[k]` is where day k ends: sort each day's ids.
    let mut begin = 0;
    for &end in &next[..range] {
        if end - begin > 1 {
            out[begin..end].sort_unstable();
        }
        begin = end;
    }
    out
}

/// Breakdowns per party and category, and per party and person/role.
pub fn breakdowns(entries: &[Entry]) -> (Vec<BreakdownRow>, Vec<BreakdownRow>) {
    let mut cats = Tallies::default();
    let mut people = Tallies::default();
    for e in entries {
        cats.get(e.party, e.category.0, Tally::default).add(e);
        people.get(e.party, e.who, Tally::default).add(e);
    }
    (rows(cats.rows), rows(people.rows))
}

/// Per party and category.
pub fn by_category(entries: &[Entry]) -> Vec<BreakdownRow> {
    breakdowns(entries).0
}

/// Per party and person/role (as typed, trimmed by validation).
pub fn by_person(entries: &[Entry]) -> Vec<BreakdownRow> {
    breakdowns(entries).1
}

/// Ids of withdrawals of a repairable category dated up to `today` that no
/// deposit repairs yet, oldest first.
pub fn open_repairs(account: &Account, today: NaiveDate) -> Vec<EntryId> {
    scan(account, today).open_repairs
}

/// Totals per party of the bookings dated up to `today`.
pub fn balances_on(bookings: &[Booked], today: NaiveDate) -> Balances {
    totals(bookings, today).balances
}

/// The label of a category of this account in `lang` (its id when unknown).
pub fn category_label(account: &Account, id: CategoryId, lang: Lang) -> String {
    catalogue::find(account, &id)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| id.as_str().to_string())
}

/// An entry as the ledger table and the exports show it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Line {
    /// The entry.
    pub entry: Entry,
    /// Our saldo after this entry, in booking order.
    pub supplier: Points,
    /// The client's saldo after this entry.
    pub client: Points,
    /// The category's label (shared by every line of that category: a
    /// ledger of 10,000 lines has a handful of labels).
    pub category: std::sync::Arc<str>,
    /// The withdrawal this deposit makes good, named by date and category.
    pub repairs: Option<String>,
    /// The moment whose done extra was booked as this entry, and its date.
    pub moment: Option<(MomentId, NaiveDate)>,
}

impl Line {
    /// The running saldo of the entry's own party.
    pub fn running(&self) -> Points {
        match self.entry.party {
            Party::Supplier => self.supplier,
            Party::Client => self.client,
        }
    }
}

/// Every entry in booking order (date, then id) with each party's running
/// saldo after it, its category label, what it makes good and the moment
/// it was booked for. One label lookup per category, one pass.
pub fn lines(account: &Account, lang: Lang) -> Vec<Line> {
    let mut order: Vec<&Entry> = account.entries.iter().collect();
    crate::model::order::sort_by_key(&mut order, |e| (crate::model::order::day(e.date), e.id.0));
    let mut labels: FxHashMap<CategoryId, std::sync::Arc<str>> = FxHashMap::default();
    let mut label = |id: CategoryId| {
        labels
            .entry(id)
            .or_insert_with(|| category_label(account, id, lang).into())
            .clone()
    };
    let booked: FxHashMap<EntryId, (MomentId, NaiveDate)> = account
        .moments
        .iter()
        .filter_map(|m| Some((m.action.as_ref()?.booked?, (m.id, m.date))))
        .collect();
    let (mut s, mut c) = (0, 0);
    order
        .into_iter()
        .map(|e| {
            match e.party {
                Party::Supplier => s += e.signed_points(),
                Party::Client => c += e.signed_points(),
            }
            let repairs = e
                .repairs
                .and_then(|r| account.entry(r))
                .map(|t| format!("{} · {}", format_date(t.date, lang), label(t.category)));
            Line {
                category: label(e.category),
                repairs,
                moment: booked.get(&e.id).copied(),
                supplier: s,
                client: c,
                entry: e.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CategoryId, Client, ClientId, Weight};

    fn entry(
        id: u64,
        date: (i32, u32, u32),
        party: Party,
        dir: Direction,
        cat: &str,
        w: u8,
    ) -> Entry {
        Entry {
            id: EntryId(id),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            party,
            direction: dir,
            category: CategoryId(cat.into()),
            weight: Weight::new(w).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        }
    }

    #[test]
    fn oldest_first_orders_by_date_then_id_with_and_without_packing() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let pairs = vec![
            (d(2026, 3, 1), EntryId(9)),
            (d(1990, 1, 1), EntryId(50)),
            (d(2026, 3, 1), EntryId(2)),
            (d(-5, 6, 1), EntryId(7)),
        ];
        let want = vec![EntryId(7), EntryId(50), EntryId(2), EntryId(9)];
        assert_eq!(oldest_first(pairs.clone()), want);
        let mut big = pairs;
        big.push((d(2030, 1, 1), EntryId(u64::MAX)));
        let mut want_big = want;
        want_big.push(EntryId(u64::MAX));
        assert_eq!(oldest_first(big), want_big);
    }

    #[test]
    fn empty_ledger() {
        let b = balances(&[]);
        assert_eq!(b.supplier.saldo(), 0);
        assert_eq!(b.supplier.ratio_tenths(), None);
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert!(running_balance(&[], PeriodLength::Month, today).is_empty());
        assert!(by_category(&[]).is_empty());
    }

    #[test]
    fn single_entry() {
        let e = [entry(
            1,
            (2026, 1, 10),
            Party::Client,
            Direction::Withdrawal,
            "cw-paid-late",
            2,
        )];
        let b = entry_balances(&e);
        assert_eq!(b.client.saldo(), -2);
        assert_eq!(b.supplier.saldo(), 0);
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let bookings: Vec<Booked> = e.iter().map(Booked::of).collect();
        let r = running_balance(&bookings, PeriodLength::Month, today);
        assert_eq!(
            r.len(),
            3,
            "jan, feb, mar: carried forward to the current month"
        );
        assert!(r.iter().all(|p| p.client == -2 && p.supplier == 0));
    }

    #[test]
    fn ratio_rounds_half_up() {
        let t = PartyTotals {
            deposits: 16,
            withdrawals: 5,
            ..Default::default()
        };
        assert_eq!(t.ratio_tenths(), Some(32));
        let t = PartyTotals {
            deposits: 1,
            withdrawals: 4,
            ..Default::default()
        };
        assert_eq!(t.ratio_tenths(), Some(3), "0.25 rounds to 0.3");
    }

    #[test]
    fn open_repairs_ignore_routine_withdrawals_and_repaired_ones() {
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "X"));
        a.entries.push(entry(
            1,
            (2026, 1, 1),
            Party::Supplier,
            Direction::Withdrawal,
            "sw-payment",
            3,
        ));
        a.entries.push(entry(
            2,
            (2026, 1, 2),
            Party::Supplier,
            Direction::Withdrawal,
            "sw-invoice-error",
            2,
        ));
        a.entries.push(entry(
            3,
            (2026, 1, 3),
            Party::Supplier,
            Direction::Withdrawal,
            "sw-delivery-error",
            3,
        ));
        let mut fix = entry(
            4,
            (2026, 1, 4),
            Party::Supplier,
            Direction::Deposit,
            "sd-responsibility",
            3,
        );
        fix.repairs = Some(EntryId(3));
        a.entries.push(fix);
        assert_eq!(
            open_repairs(&a, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
            vec![EntryId(2)]
        );
    }
}
