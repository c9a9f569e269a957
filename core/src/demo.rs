//! Demo data: a realistic Dutch example relationship, and synthetic ledgers
//! of any size for tests, benchmarks and capacity measurements.
//!
//! Deterministic (seeded), so tests and benchmarks are reproducible.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::catalogue::{self, BUILTIN};
use crate::model::{
    Account, CategoryId, Client, ClientId, Direction, Entry, EntryId, Party, StockTake, Weight,
};

/// A small, fast, seeded generator (SplitMix64); enough for demo data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// `(party, direction, category, weight, who, note)` of one scripted event.
type Event = (
    Party,
    Direction,
    &'static str,
    u8,
    &'static str,
    &'static str,
);

use Direction::{Deposit as D, Withdrawal as W};
use Party::{Client as C, Supplier as S};

/// Twelve months of a relationship: a good start, a red stretch from month 5
/// to 8 (errors, a missed call-back, indexation, late payment), and a recovery
/// with repairs, proactive advice and an ambassador client.
const SCRIPT: [&[Event]; 12] = [
    &[
        (
            S,
            W,
            "sw-commitment",
            1,
            "accountmanager",
            "Kick-off gepland met het MT",
        ),
        (
            S,
            D,
            "sd-listened",
            2,
            "accountmanager",
            "Intake: echte vraag is grip op de planning",
        ),
        (
            S,
            D,
            "sd-delivered",
            3,
            "projectmanager",
            "Plan van aanpak opgeleverd",
        ),
        (
            C,
            D,
            "cd-correct-info",
            2,
            "key user",
            "Volledige proceslijst aangeleverd",
        ),
    ],
    &[
        (
            S,
            D,
            "sd-delivered",
            3,
            "consultant",
            "Fase 1 live, zonder verstoring",
        ),
        (
            S,
            W,
            "sw-payment",
            3,
            "facturatie",
            "Factuur fase 1 betaald",
        ),
        (
            C,
            D,
            "cd-paid-on-time",
            2,
            "crediteurenadministratie",
            "Binnen 14 dagen betaald",
        ),
        (
            S,
            D,
            "sd-knowledge",
            2,
            "consultant",
            "Whitepaper over planningsdata gedeeld",
        ),
    ],
    &[
        (
            S,
            D,
            "sd-kept-agreement",
            2,
            "projectmanager",
            "Opleverdatum fase 2 gehaald",
        ),
        (
            S,
            W,
            "sw-commitment",
            1,
            "accountmanager",
            "Gevraagd om extra testdag",
        ),
        (
            C,
            D,
            "cd-kept-agreement",
            2,
            "key user",
            "Testers op tijd beschikbaar",
        ),
        (
            S,
            D,
            "sd-professional",
            1,
            "servicedesk",
            "Melding binnen een uur opgepakt",
        ),
    ],
    &[
        (
            S,
            W,
            "sw-payment",
            3,
            "facturatie",
            "Factuur fase 2 betaald",
        ),
        (
            S,
            D,
            "sd-delivered",
            3,
            "consultant",
            "Rapportagemodule opgeleverd",
        ),
        (
            C,
            D,
            "cd-paid-on-time",
            2,
            "crediteurenadministratie",
            "Op tijd betaald",
        ),
    ],
    &[
        (
            S,
            W,
            "sw-delivery-error",
            3,
            "consultant",
            "Koppeling met WMS faalde na update",
        ),
        (
            S,
            W,
            "sw-no-callback",
            2,
            "servicedesk",
            "Klant twee keer moeten bellen",
        ),
        (S, W, "sw-payment", 3, "facturatie", "Maandfactuur betaald"),
        (
            C,
            W,
            "cw-incorrect-info",
            2,
            "key user",
            "Verkeerde testdata aangeleverd",
        ),
    ],
    &[
        (
            S,
            W,
            "sw-invoice-error",
            2,
            "facturatie",
            "Uren dubbel gefactureerd",
        ),
        (
            S,
            W,
            "sw-indexation",
            2,
            "accountmanager",
            "Indexatie 4% doorberekend",
        ),
        (
            S,
            D,
            "sd-delivered",
            3,
            "consultant",
            "Hotfix koppeling uitgerold",
        ),
        (
            C,
            W,
            "cw-paid-late",
            2,
            "crediteurenadministratie",
            "Betaling 30 dagen te laat",
        ),
    ],
    &[
        (
            S,
            W,
            "sw-broken-agreement",
            3,
            "projectmanager",
            "Training fase 3 verschoven zonder overleg",
        ),
        (
            S,
            W,
            "sw-commitment",
            1,
            "accountmanager",
            "Ja gevraagd op meerwerk",
        ),
        (
            C,
            W,
            "cw-invoice-dispute",
            2,
            "inkoop",
            "Factuur meerwerk betwist",
        ),
    ],
    &[
        (
            S,
            W,
            "sw-behind-contract",
            3,
            "accountmanager",
            "Verwezen naar het contract bij een redelijke vraag",
        ),
        (
            S,
            W,
            "sw-payment",
            3,
            "facturatie",
            "Kwartaalfactuur betaald",
        ),
        (
            S,
            D,
            "sd-reported-problem",
            2,
            "consultant",
            "Zelf gemeld dat de back-up faalde",
        ),
    ],
    &[
        (
            S,
            D,
            "sd-responsibility",
            3,
            "accountmanager",
            "Excuses en herstelplan voor de koppeling",
        ),
        (
            S,
            D,
            "sd-responsibility",
            2,
            "facturatie",
            "Dubbele uren gecrediteerd",
        ),
        (
            S,
            D,
            "sd-listened",
            2,
            "accountmanager",
            "Evaluatiegesprek met de directeur",
        ),
        (
            C,
            D,
            "cd-reported-error",
            2,
            "key user",
            "Afwijking in rapport direct gemeld",
        ),
    ],
    &[
        (
            S,
            D,
            "sd-proactive",
            3,
            "consultant",
            "Voorstel om handwerk in planning te schrappen",
        ),
        (
            S,
            D,
            "sd-kept-agreement",
            2,
            "projectmanager",
            "Training fase 3 alsnog gegeven",
        ),
        (S, W, "sw-payment", 3, "facturatie", "Maandfactuur betaald"),
        (
            C,
            D,
            "cd-paid-on-time",
            2,
            "crediteurenadministratie",
            "Weer op tijd betaald",
        ),
    ],
    &[
        (
            S,
            D,
            "sd-honest-advice",
            4,
            "accountmanager",
            "Afgeraden om module B aan te schaffen",
        ),
        (
            S,
            D,
            "sd-gesture",
            2,
            "projectmanager",
            "Taart bij de livegang van fase 3",
        ),
        (
            S,
            W,
            "sw-commitment",
            1,
            "accountmanager",
            "Afspraak voor jaarplan gevraagd",
        ),
        (
            C,
            D,
            "cd-recommended",
            4,
            "directeur",
            "Ons aanbevolen bij een zusterbedrijf",
        ),
    ],
    &[
        (
            S,
            D,
            "sd-beyond",
            3,
            "consultant",
            "Dashboard een week eerder klaar",
        ),
        (
            S,
            W,
            "sw-payment",
            3,
            "facturatie",
            "Factuur fase 3 betaald",
        ),
        (
            S,
            D,
            "sd-innovation",
            4,
            "accountmanager",
            "Innovatievoorstel in plaats van indexatie",
        ),
        (
            C,
            D,
            "cd-new-work",
            4,
            "inkoop",
            "Vervolgopdracht voor fase 4",
        ),
    ],
];

/// (month, index) of a scripted event.
type Slot = (usize, usize);

/// Which scripted withdrawal each repair makes good: repair → withdrawal.
const REPAIRS: &[(Slot, Slot)] = &[((8, 0), (4, 0)), ((8, 1), (5, 0)), ((9, 1), (6, 0))];

/// The example relationship over the twelve months up to `today`, marked as
/// demo. `id_bits` makes its client id (the caller supplies randomness).
pub fn example(today: NaiveDate, id_bits: u64) -> Account {
    let mut client = Client::new(ClientId::from_random(id_bits), "Van Dalen Logistiek (demo)");
    client.organisation = "Van Dalen Logistiek B.V.".into();
    client.account_manager = "Sanne de Vries".into();
    client.sponsor = "Pieter van Dalen, directeur".into();
    client.notes = "Voorbeeldklant om de app te verkennen. Verwijder hem met één klik.".into();
    client.demo = true;
    let first_month = month_start(today)
        .checked_sub_months(Months::new(11))
        .unwrap_or(today);
    client.start_date = Some(first_month);
    let mut account = Account::new(client);
    let mut rng = Rng::new(0x006b_6272_6465_6d6f);
    let mut ids = std::collections::HashMap::new();
    for (m, events) in SCRIPT.iter().enumerate() {
        let start = first_month
            .checked_add_months(Months::new(m as u32))
            .unwrap_or(first_month);
        // Spread events over the month but never after today.
        let last_day = if m == 11 { today.day().max(1) } else { 28 };
        let mut days: Vec<u32> = (0..events.len())
            .map(|_| 1 + rng.below(u64::from(last_day)) as u32)
            .collect();
        days.sort_unstable();
        for (i, ((party, dir, cat, w, who, note), day)) in events.iter().zip(days).enumerate() {
            let id = account.next_entry_id();
            ids.insert((m, i), id);
            account.entries.push(Entry {
                id,
                date: start
                    .checked_add_days(Days::new(u64::from(day - 1)))
                    .unwrap_or(start),
                party: *party,
                direction: *dir,
                category: CategoryId((*cat).into()),
                weight: Weight::new(*w).unwrap_or(Weight::new(1).expect("1 is a weight")),
                who: (*who).into(),
                note: (*note).into(),
                repairs: None,
            });
        }
    }
    for (repair, target) in REPAIRS {
        if let (Some(r), Some(t)) = (ids.get(repair), ids.get(target)) {
            if let Some(e) = account.entries.iter_mut().find(|e| e.id == *r) {
                e.repairs = Some(*t);
            }
        }
    }
    let review_date = first_month
        .checked_add_months(Months::new(8))
        .and_then(|d| d.checked_add_days(Days::new(27)))
        .unwrap_or(first_month);
    account.stock_takes.push(StockTake {
        id: crate::model::StockTakeId(1),
        date: review_date,
        supplier_saldo: 0,
        client_saldo: 0,
        status: "structurally-red".into(),
        reflection:
            "Drie maanden rood door fouten en een gemiste afspraak; de klant zei er niets over."
                .into(),
        actions: "Excuses aanbieden, dubbele uren crediteren, vast belmoment met de servicedesk."
            .into(),
    });
    // The stored figures are those at the review date.
    let before: Vec<Entry> = account
        .entries
        .iter()
        .filter(|e| e.date <= review_date)
        .cloned()
        .collect();
    let b = crate::account::ledger::entry_balances(&before);
    if let Some(st) = account.stock_takes.last_mut() {
        st.supplier_saldo = b.supplier.saldo();
        st.client_saldo = b.client.saldo();
    }
    add_self_assessments(&mut account, review_date, today);
    add_followed_up_disputes(&mut account, today);
    account
}

/// The example's late payment and disputed invoice, already followed up
/// (another payment term; an error in the invoice, pointing to our "yes"
/// to extra work), so the demo opens on its figures, not on a question.
fn add_followed_up_disputes(account: &mut Account, today: NaiveDate) {
    use crate::account::debtors::{candidates, is_debtor_entry, is_invoice_dispute};
    use crate::model::{Cause, Dispute, DisputeId};

    let disputes: Vec<Dispute> = account
        .entries
        .iter()
        .filter(|e| is_debtor_entry(e))
        .enumerate()
        .map(|(i, e)| {
            let invoice = is_invoice_dispute(e);
            Dispute {
                id: DisputeId(i as u64 + 1),
                entry: e.id,
                cause: if invoice {
                    Cause::InvoiceWrong
                } else {
                    Cause::PaymentTerm
                },
                ours: invoice
                    .then(|| candidates(account, e).first().map(|o| o.id))
                    .flatten(),
                bonding: None,
                solved: Some(true),
                closed: e.date.checked_add_days(Days::new(14)).map(|d| d.min(today)),
                ambassador: false,
            }
        })
        .collect();
    account.disputes = disputes;
}

/// Interaction moments and self-assessments for the example: a hostmanship
/// assessment at the review and one last month (dialogue stays the weakest
/// principle), an integrity checklist, and moments with one open action.
fn add_self_assessments(account: &mut Account, review_date: NaiveDate, today: NaiveDate) {
    use crate::model::{
        Action, Answer, Answers, Moment, MomentId, MomentKind, Response, ResponseId,
    };
    use crate::questionnaires::definitions::{interaction, HOSTMANSHIP, INTEGRITY, INTERACTION};

    let days_ago = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let scale_answers = |scores: &[u8]| -> Answers {
        HOSTMANSHIP
            .items
            .iter()
            .zip(scores.iter().cycle())
            .map(|(item, s)| {
                let a = if *s == 0 {
                    Answer::Skip
                } else {
                    Answer::Scale(*s)
                };
                (item.id.to_string(), a)
            })
            .collect()
    };
    // Three statements per principle, in definition order.
    let before = [3, 2, 3, 2, 2, 3, 2, 1, 2, 3, 3, 2, 2, 1, 2, 4, 3, 0];
    let after = [4, 4, 3, 3, 4, 3, 4, 3, 4, 4, 3, 4, 3, 2, 3, 4, 4, 4];
    account.assessments.push(Response {
        id: ResponseId(1),
        definition: HOSTMANSHIP.id.into(),
        version: HOSTMANSHIP.version,
        date: review_date,
        answers: scale_answers(&before),
        group: None,
        round: None,
    });
    account.assessments.push(Response {
        id: ResponseId(2),
        definition: HOSTMANSHIP.id.into(),
        version: HOSTMANSHIP.version,
        date: days_ago(30).max(review_date),
        answers: scale_answers(&after),
        group: None,
        round: None,
    });
    let checks = ["yes", "yes", "yes", "yes", "yes", "yes", "no", "yes", "yes"];
    account.assessments.push(Response {
        id: ResponseId(3),
        definition: INTEGRITY.id.into(),
        version: INTEGRITY.version,
        date: days_ago(30).max(review_date),
        answers: INTEGRITY
            .items
            .iter()
            .zip(checks)
            .map(|(i, c)| (i.id.to_string(), Answer::Choice(c.into())))
            .collect(),
        group: None,
        round: None,
    });
    let moment = |id: u64,
                  ago: u64,
                  kind: MomentKind,
                  description: &str,
                  outcome: &str,
                  treatment: u8,
                  extra: &str| {
        let mut answers = Answers::new();
        answers.insert(interaction::OUTCOME.into(), Answer::Choice(outcome.into()));
        answers.insert(interaction::TREATMENT.into(), Answer::Scale(treatment));
        if !extra.is_empty() {
            answers.insert(interaction::EXTRA.into(), Answer::Text(extra.into()));
        }
        Moment {
            id: MomentId(id),
            date: days_ago(ago),
            kind,
            description: description.into(),
            version: INTERACTION.version,
            answers,
            action: None,
            prepared: None,
            planned: false,
            value: None,
            source: None,
        }
    };
    account.moments.push(moment(
        1,
        40,
        MomentKind::Invoice,
        "Factuur oktober verstuurd",
        interaction::AS_EXPECTED,
        3,
        "",
    ));
    account.moments.push(moment(
        2,
        20,
        MomentKind::Meeting,
        "Kwartaaloverleg met Pieter van Dalen",
        interaction::EXCEEDED,
        4,
        "Samenvatting met drie verbeterideeën voor hun planning sturen",
    ));
    let mut call = moment(
        3,
        6,
        MomentKind::Call,
        "Storing in de koppeling gemeld door de planner",
        interaction::BELOW,
        2,
        "Planner persoonlijk terugbellen als de oorzaak bekend is",
    );
    call.action = Some(Action {
        text: "Planner persoonlijk terugbellen als de oorzaak bekend is".into(),
        due: today.checked_add_days(Days::new(7)).unwrap_or(today),
        done: None,
        booked: None,
    });
    account.moments.push(call);
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

const NOTES: &[&str] = &[
    "Afspraak over de planning van volgende week",
    "Rapportage op tijd en volledig aangeleverd",
    "Klant belde over een storing in de koppeling",
    "Extra overleg gevraagd over de uitbreiding",
    "Factuur besproken met de administratie",
    "Workshop met de key users goed ontvangen",
    "Vraag over licenties binnen een dag beantwoord",
    "Testresultaten gedeeld en samen doorgenomen",
];
const PEOPLE: &[&str] = &[
    "accountmanager",
    "projectmanager",
    "consultant",
    "servicedesk",
    "facturatie",
    "key user",
    "inkoop",
    "directeur",
];

/// A valid ledger of `count` random entries spread over the 730 days up to
/// `today`, with ~40-character notes: the realistic load for benchmarks and
/// storage capacity tests.
pub fn synthetic(count: usize, seed: u64, today: NaiveDate) -> Account {
    let mut rng = Rng::new(seed);
    let mut client = Client::new(ClientId::from_random(seed), format!("Synthetisch {seed}"));
    client.demo = true;
    let mut account = Account::new(client);
    account.entries.reserve(count);
    for i in 0..count {
        let b = rng.pick(BUILTIN);
        let back = rng.below(730);
        account.entries.push(Entry {
            id: EntryId(i as u64 + 1),
            date: today.checked_sub_days(Days::new(back)).unwrap_or(today),
            party: b.party,
            direction: b.direction,
            category: CategoryId(b.id.into()),
            weight: Weight::new(1 + rng.below(5) as u8)
                .unwrap_or(Weight::new(1).expect("1 is a weight")),
            who: (*rng.pick(PEOPLE)).into(),
            note: (*rng.pick(NOTES)).into(),
            repairs: None,
        });
    }
    debug_assert!(account
        .entries
        .iter()
        .all(|e| catalogue::find(&account, &e.category).is_some()));
    account
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::ledger::running_balance;
    use crate::account::status::{classify, Band, Status};
    use crate::model::dates::test_dates::today;
    use crate::model::PeriodLength;
    use crate::storage::check::validate_account;

    #[test]
    fn the_example_has_its_late_payments_followed_up_already() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let a = example(today, 1);
        assert!(crate::account::debtors::unexplained(&a).is_empty());
        assert_eq!(a.disputes.len(), 2);
        for d in &a.disputes {
            assert_eq!(crate::account::debtors::check(&a, d), Ok(()));
        }
    }

    #[test]
    fn example_is_valid_marked_and_has_a_red_stretch_and_recovery() {
        let a = example(today(), 42);
        assert!(a.client.demo);
        assert_eq!(validate_account(&a), vec![]);
        let running = running_balance(
            &crate::account::digest::Digest::of(&a).bookings,
            PeriodLength::Month,
            today(),
        );
        assert_eq!(running.len(), 12);
        let series: Vec<i64> = running.iter().map(|p| p.supplier).collect();
        let red_run = series.windows(3).any(|w| w.iter().all(|&s| s < 0));
        assert!(red_run, "three red months in a row: {series:?}");
        let report = classify(&series, &a.client.thresholds, true);
        assert_eq!(report.status, Status::Healthy, "{series:?}");
        assert!(report.bands.contains(&Band::Red));
        let people: std::collections::HashSet<_> = a.entries.iter().map(|e| &e.who).collect();
        assert!(people.len() >= 5);
        assert!(a.entries.iter().any(|e| e.party == Party::Client));
        assert!(a.entries.iter().all(|e| e.date <= today()));
        assert_eq!(a.entries.iter().filter(|e| e.repairs.is_some()).count(), 3);
    }

    #[test]
    fn synthetic_ledgers_are_valid_and_deterministic() {
        let a = synthetic(500, 7, today());
        assert_eq!(a.entries.len(), 500);
        assert_eq!(validate_account(&a), vec![]);
        assert_eq!(a, synthetic(500, 7, today()));
    }
}
