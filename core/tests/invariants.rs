//! Property tests of the ledger invariants (DESIGN §3–§4), 1,000 cases each.

use chrono::{Days, NaiveDate};
use kbr_core::account::digest::{Booked, Digest};
use kbr_core::account::ledger::{by_category, by_person, entry_balances as balances, scan};
use kbr_core::account::status::{band, classify, Band, Status};
use kbr_core::catalogue::BUILTIN;
use kbr_core::model::{Account, Client, ClientId};
use kbr_core::model::{
    CategoryId, Direction, Entry, EntryId, Party, PeriodLength, Thresholds, Weight,
};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn arb_entry() -> impl Strategy<Value = (usize, u8, u64, usize)> {
    (0..BUILTIN.len(), 1u8..=5, 0u64..1500, 0usize..4)
}

fn build(raw: &[(usize, u8, u64, usize)]) -> Vec<Entry> {
    const WHO: [&str; 4] = ["", "projectmanager", "facturatie", "key user"];
    let mut entries = raw
        .iter()
        .enumerate()
        .map(|(i, &(cat, w, back, who))| {
            let b = &BUILTIN[cat];
            Entry {
                // Ids as tabs hand them out (a replica above 32 bits), not
                // in entry order.
                id: EntryId(((i as u64 * 7919) % 1009 + 1) | (u64::from(w) << 40)),
                date: today().checked_sub_days(Days::new(back)).unwrap(),
                party: b.party,
                direction: b.direction,
                category: CategoryId(b.id.into()),
                weight: Weight::new(w).unwrap(),
                who: WHO[who].into(),
                note: String::new(),
                repairs: None,
            }
        })
        .collect::<Vec<_>>();
    // In id order, as an account keeps them.
    entries.sort_by_key(|e| e.id);
    entries
}

fn arb_length() -> impl Strategy<Value = PeriodLength> {
    prop_oneof![
        Just(PeriodLength::Week),
        Just(PeriodLength::Month),
        Just(PeriodLength::Quarter)
    ]
}

fn arb_thresholds() -> impl Strategy<Value = Thresholds> {
    (1i64..40, 0i64..30, 1u32..6).prop_map(|(surplus_limit, credit, structural_run)| Thresholds {
        surplus_limit,
        credit,
        structural_run,
        stock_take_days: 90,
    })
}

fn naive_saldo(entries: &[Entry], party: Party) -> i64 {
    let dep: i64 = entries
        .iter()
        .filter(|e| e.party == party && e.direction == Direction::Deposit)
        .map(|e| i64::from(e.weight.get()))
        .sum();
    let wd: i64 = entries
        .iter()
        .filter(|e| e.party == party && e.direction == Direction::Withdrawal)
        .map(|e| i64::from(e.weight.get()))
        .sum();
    dep - wd
}

/// The running balance of `entries` on [`today`].
fn running_balance(
    entries: &[kbr_core::model::Entry],
    length: kbr_core::model::PeriodLength,
) -> Vec<kbr_core::account::ledger::PeriodPoint> {
    let bookings: Vec<Booked> = entries.iter().map(Booked::of).collect();
    kbr_core::account::ledger::running_balance(&bookings, length, today())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn saldo_is_deposits_minus_withdrawals(raw in prop::collection::vec(arb_entry(), 0..200)) {
        let entries = build(&raw);
        let b = balances(&entries);
        for party in Party::ALL {
            prop_assert_eq!(b.of(party).saldo(), naive_saldo(&entries, party));
        }
    }

    #[test]
    fn results_do_not_depend_on_entry_order(
        raw in prop::collection::vec(arb_entry(), 0..120),
        length in arb_length(),
        seed in any::<u64>(),
    ) {
        let entries = build(&raw);
        let mut shuffled = entries.clone();
        // Fisher–Yates with a tiny LCG: proptest shrinks the seed.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(balances(&entries), balances(&shuffled));
        prop_assert_eq!(running_balance(&entries, length), running_balance(&shuffled, length));
        prop_assert_eq!(by_category(&entries), by_category(&shuffled));
        prop_assert_eq!(by_person(&entries), by_person(&shuffled));
    }

    #[test]
    fn last_running_value_is_the_saldo(raw in prop::collection::vec(arb_entry(), 1..200), length in arb_length()) {
        let entries = build(&raw);
        let running = running_balance(&entries, length);
        let last = running.last().unwrap();
        let b = balances(&entries);
        prop_assert_eq!(last.supplier, b.supplier.saldo());
        prop_assert_eq!(last.client, b.client.saldo());
        // Consecutive periods, ending in the current one.
        prop_assert!(running.windows(2).all(|w| w[1].period == w[0].period.offset(1)));
        prop_assert_eq!(last.period, kbr_core::account::period::Period::of(length, today()));
    }

    #[test]
    fn breakdowns_add_up_to_the_saldo(raw in prop::collection::vec(arb_entry(), 0..200)) {
        let entries = build(&raw);
        let b = balances(&entries);
        for rows in [by_category(&entries), by_person(&entries)] {
            for party in Party::ALL {
                let sum: i64 = rows.iter().filter(|r| r.party == party).map(|r| r.net()).sum();
                prop_assert_eq!(sum, b.of(party).saldo());
            }
            let count: u32 = rows.iter().map(|r| r.count).sum();
            prop_assert_eq!(count as usize, entries.len());
        }
        // The fused one-pass scan the client page uses agrees with them.
        let mut account = Account::new(Client::new(ClientId::new_unchecked("c-p"), "P"));
        account.entries = entries.clone();
        let s = scan(&account, today());
        prop_assert_eq!(s.by_category, by_category(&entries));
        prop_assert_eq!(s.by_person, by_person(&entries));
        // And the digest's totals, which the headline shows.
        let digest = Digest::of(&account);
        prop_assert_eq!(kbr_core::account::ledger::balances(&digest.bookings), b);
        prop_assert_eq!(kbr_core::account::ledger::balances(&digest.compact().bookings), b);
        // Its open repairs: every repairable withdrawal (none is made good
        // here), oldest first and by id within a day.
        let mut open: Vec<(NaiveDate, EntryId)> = entries
            .iter()
            .filter(|e| e.direction == Direction::Withdrawal)
            .filter(|e| kbr_core::catalogue::find(&account, &e.category).is_some_and(|c| c.repairable()))
            .map(|e| (e.date, e.id))
            .collect();
        open.sort();
        prop_assert_eq!(s.open_repairs, open.into_iter().map(|(_, id)| id).collect::<Vec<_>>());
    }

    #[test]
    fn status_bands_are_consistent_with_period_saldi(
        series in prop::collection::vec(-40i64..60, 0..30),
        t in arb_thresholds(),
    ) {
        let r = classify(&series, &t, true);
        prop_assert_eq!(r.bands.len(), series.len());
        for (b, s) in r.bands.iter().zip(&series) {
            prop_assert_eq!(*b, band(*s, &t));
        }
        let Some(&now) = series.last() else {
            prop_assert_eq!(r.status, Status::NoData);
            return Ok(());
        };
        let run = |want: Band| series.iter().rev().take_while(|&&s| band(s, &t) == want).count() as u32;
        let expected = match band(now, &t) {
            Band::Red if now < -t.credit || run(Band::Red) >= t.structural_run => Status::StructurallyRed,
            Band::Red => Status::TemporarilyRed,
            Band::Surplus if run(Band::Surplus) >= t.structural_run => Status::StructurallySurplus,
            Band::Surplus => Status::TemporarilySurplus,
            Band::Healthy => Status::Healthy,
        };
        prop_assert_eq!(r.status, expected);
        // The trend flag is set exactly when the saldo fell in each of the
        // last three periods (from 0 before the first): both ways.
        let n = series.len();
        let prev = |i: usize| if i == 0 { 0 } else { series[i - 1] };
        let fell_three_times = n >= 3 && (n - 3..n).all(|i| series[i] < prev(i));
        prop_assert_eq!(r.steadily_more_red, fell_three_times, "series {:?}", series);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The storage codec gives back exactly what it was given, including
    /// notes with quotes, separators, non-ASCII and people typed by users.
    #[test]
    fn storage_codec_round_trips(
        raw in prop::collection::vec(arb_entry(), 0..60),
        notes in prop::collection::vec(".{0,40}", 60),
        rev in 0u64..1_000_000,
    ) {
        let mut account = Account::new(Client::new(ClientId::new_unchecked("c-codec"), "Codec \"BV\"; ñ"));
        account.entries = build(&raw);
        for (e, n) in account.entries.iter_mut().zip(&notes) {
            e.note = n.clone();
            e.who = n.chars().take(5).collect::<String>().into();
        }
        let raw = kbr_core::storage::codec::encode(&account, rev, "t");
        let stored = kbr_core::storage::codec::decode(&raw).unwrap();
        prop_assert_eq!(&stored.account, &account);
        prop_assert_eq!(stored.rev, rev);
        // The digest in front reads back without decoding the record, and
        // is the account's.
        let glance = kbr_core::storage::glance::read(&raw).unwrap();
        prop_assert_eq!(glance.digest, Digest::of(&account).compact());
        prop_assert_eq!((glance.rev, glance.writer), (rev, stored.writer));
        // And the schema-1 migration path gives the same account.
        let migrated = kbr_core::storage::codec::decode(&kbr_core::storage::codec::encode_v1(&account, rev)).unwrap();
        prop_assert_eq!(migrated.account, account);
    }
}

/// A random answer for every item of a definition: an out-of-range or
/// foreign value now and then, so scoring must cope with anything stored.
fn arb_answers(
    definition: &'static kbr_core::questionnaires::engine::Definition,
) -> impl Strategy<Value = kbr_core::model::Answers> {
    use kbr_core::model::Answer;
    use kbr_core::questionnaires::engine::AnswerKind;
    prop::collection::vec((0u8..8, 0usize..4), definition.items.len()).prop_map(move |raw| {
        definition
            .items
            .iter()
            .zip(raw)
            .filter_map(|(item, (v, pick))| {
                let answer = match (item.kind, v) {
                    (_, 0) => return None,
                    (_, 1) => Answer::Skip,
                    (AnswerKind::Scale, v) => Answer::Scale(v - 1), // 1..=6: 6 is out of range
                    (AnswerKind::Choice(options), _) => Answer::Choice(
                        options
                            .get(pick)
                            .map_or("unknown".to_string(), |c| c.id.to_string()),
                    ),
                    (AnswerKind::FreeText, _) => Answer::Text("t".into()),
                };
                Some((item.id.to_string(), answer))
            })
            .collect()
    })
}

fn arb_definition() -> impl Strategy<Value = &'static kbr_core::questionnaires::engine::Definition>
{
    (0..kbr_core::questionnaires::definitions::ALL.len())
        .prop_map(|i| kbr_core::questionnaires::definitions::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Scores stay in their ranges for any answers: totals and section
    /// percentages 0–100, principle means 1.0–5.0, and every scored item is
    /// either answered or skipped.
    #[test]
    fn scores_stay_within_their_ranges(
        (definition, answers) in arb_definition().prop_flat_map(|d| (Just(d), arb_answers(d)))
    ) {
        use kbr_core::questionnaires::engine::score;
        let s = score(definition, &answers);
        prop_assert!(s.total.is_none_or(|t| t <= 100));
        prop_assert_eq!((s.answered + s.skipped) as usize, definition.scored_items());
        prop_assert_eq!(s.total.is_none(), s.answered == 0);
        for section in &s.sections {
            prop_assert!(section.percent.is_none_or(|p| p <= 100));
            prop_assert!(section.mean_tenths.is_none_or(|m| (10..=50).contains(&m)));
            prop_assert_eq!(section.percent.is_some(), section.answered > 0);
        }
        if let Some(total) = s.total {
            let percents: Vec<u8> = s.sections.iter().filter_map(|x| x.percent).collect();
            prop_assert!(total >= *percents.iter().min().unwrap());
            prop_assert!(total <= *percents.iter().max().unwrap());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The headline reuses its scan's first date for the start phase and
    /// the indexation review: the same answer as asking them alone, with
    /// entries in the future too and on review days (October–December).
    #[test]
    fn headline_signals_equal_the_signals_alone(
        raw in prop::collection::vec(arb_entry(), 0..80),
        ahead in 0u64..1600,
        day in 0u64..92,
    ) {
        let mut account = Account::new(Client::new(ClientId::from_random(7), "P"));
        account.entries = build(&raw);
        for e in &mut account.entries {
            e.date = e.date.checked_add_days(Days::new(ahead)).unwrap();
        }
        let on = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap().checked_add_days(Days::new(day)).unwrap();
        let h = kbr_core::account::summary::headline(&account, on);
        let digest = Digest::of(&account);
        prop_assert_eq!(h.start, kbr_core::account::signals::start_phase(&digest, on));
        prop_assert_eq!(h.indexation, kbr_core::account::signals::indexation_review(&digest, on));
        // Storage keeps the digest compacted: the same headline on any day.
        prop_assert_eq!(&kbr_core::account::summary::headline_of(&digest.compact(), on), &h);
        let s = kbr_core::account::summary::summarize(&account, on);
        prop_assert_eq!(s.headline.start, h.start);
        prop_assert_eq!(s.headline.indexation, h.indexation);
    }
}
