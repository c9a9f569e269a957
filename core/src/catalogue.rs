//! The default category catalogue (`docs/DOMAIN.md`, "Entries and saldi"), in
//! the app's own words.
//!
//! Ids are stable: they are stored in every entry, so a label may be
//! reworded but an id never changes or is reused.

use crate::i18n::{tf, Key, Lang};
use crate::model::{Account, CategoryId, Direction, OwnCategory, Party};

/// A built-in category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Builtin {
    /// Stable id.
    pub id: &'static str,
    /// Whose entry this category is for.
    pub party: Party,
    /// Deposit or withdrawal.
    pub direction: Direction,
    /// Dutch label.
    pub nl: &'static str,
    /// English label.
    pub en: &'static str,
    /// One-line Dutch explanation.
    pub nl_hint: &'static str,
    /// One-line English explanation.
    pub en_hint: &'static str,
    /// A withdrawal that asks to be made good (an error, a broken promise):
    /// it stays "open" until a deposit is linked as its repair.
    pub repairable: bool,
    /// Weight suggested when the category is picked.
    pub default_weight: u8,
}

use Direction::{Deposit as D, Withdrawal as W};
use Party::{Client as C, Supplier as S};

macro_rules! cat {
    ($id:literal, $p:expr, $d:expr, $w:literal, $rep:literal, $nl:literal, $en:literal, $nlh:literal, $enh:literal) => {
        Builtin {
            id: $id,
            party: $p,
            direction: $d,
            default_weight: $w,
            repairable: $rep,
            nl: $nl,
            en: $en,
            nl_hint: $nlh,
            en_hint: $enh,
        }
    };
}

/// Every built-in category, grouped by party and direction.
pub const BUILTIN: &[Builtin] = &[
    // Supplier deposits.
    cat!(
        "sd-delivered",
        S,
        D,
        3,
        false,
        "Product of dienst geleverd",
        "Product or service delivered",
        "Geleverd wat is afgesproken, in de afgesproken kwaliteit.",
        "Delivered what was agreed, at the agreed quality."
    ),
    cat!(
        "sd-listened",
        S,
        D,
        2,
        false,
        "Goed geluisterd en doorgevraagd",
        "Listened well and asked follow-up questions",
        "De echte vraag achter de vraag boven tafel gekregen.",
        "Found the real question behind the question."
    ),
    cat!(
        "sd-proactive",
        S,
        D,
        3,
        false,
        "Proactief een oplossing aangedragen",
        "Proactively offered a solution",
        "Met een oplossing gekomen voordat de klant erom vroeg.",
        "Came up with a solution before the client asked."
    ),
    cat!(
        "sd-professional",
        S,
        D,
        1,
        false,
        "Professioneel gedrag",
        "Professional behaviour",
        "Op tijd, voorbereid, correct in toon en afspraak.",
        "On time, prepared, correct in tone and commitments."
    ),
    cat!(
        "sd-responsibility",
        S,
        D,
        3,
        false,
        "Verantwoordelijkheid genomen",
        "Took responsibility",
        "Het probleem opgepakt, wie het ook veroorzaakte.",
        "Picked up the problem, whoever caused it."
    ),
    cat!(
        "sd-reported-problem",
        S,
        D,
        2,
        false,
        "Probleem direct gemeld",
        "Reported a problem at once",
        "Zelf aan de bel getrokken in plaats van afwachten.",
        "Raised it ourselves instead of waiting."
    ),
    cat!(
        "sd-kept-agreement",
        S,
        D,
        2,
        false,
        "Afspraak nagekomen",
        "Kept an agreement",
        "Gedaan wat we zeiden, wanneer we het zeiden.",
        "Did what we said, when we said it."
    ),
    cat!(
        "sd-beyond",
        S,
        D,
        3,
        false,
        "Net iets beter dan verwacht",
        "A bit better than expected",
        "De verwachting overtroffen, niet alleen waargemaakt.",
        "Exceeded the expectation, not merely met it."
    ),
    cat!(
        "sd-honest-advice",
        S,
        D,
        4,
        false,
        "Eerlijk advies (ook nee verkopen)",
        "Honest advice (also saying no)",
        "Geadviseerd in het belang van de klant, ook als dat ons werk kost.",
        "Advised in the client's interest, even when it costs us work."
    ),
    cat!(
        "sd-knowledge",
        S,
        D,
        2,
        false,
        "Kennis gratis gedeeld",
        "Knowledge shared for free",
        "Een whitepaper, demo of inzicht zonder rekening.",
        "A white paper, demo or insight without an invoice."
    ),
    cat!(
        "sd-gesture",
        S,
        D,
        2,
        false,
        "Onverwacht gebaar",
        "An unexpected gesture",
        "Iets kleins dat de klant niet verwachtte.",
        "Something small the client did not expect."
    ),
    cat!(
        "sd-innovation",
        S,
        D,
        4,
        false,
        "Innovatie in plaats van indexatie",
        "Innovation instead of indexation",
        "Meer waarde geboden in plaats van alleen de prijs te verhogen.",
        "Offered more value instead of only raising the price."
    ),
    cat!(
        "sd-payment-agreements",
        S,
        D,
        2,
        false,
        "Heldere betaalafspraken gemaakt",
        "Clear payment terms agreed",
        "Bij de start duidelijk afgesproken wanneer en hoe er betaald wordt.",
        "Agreed at the start when and how payment happens."
    ),
    // Supplier withdrawals.
    cat!(
        "sw-payment",
        S,
        W,
        3,
        false,
        "Betaling ontvangen",
        "Payment taken",
        "De factuur voor het geleverde is betaald.",
        "The invoice for what we delivered was paid."
    ),
    cat!(
        "sw-commitment",
        S,
        W,
        1,
        false,
        "Commitment gevraagd",
        "Commitment asked",
        "Een afspraak, een 'ja' op meerwerk, tijd van de klant.",
        "A meeting, a 'yes' to extra work, the client's time."
    ),
    cat!(
        "sw-delivery-error",
        S,
        W,
        3,
        true,
        "Fout in de levering",
        "Error in delivery",
        "Iets geleverd dat niet klopte of niet werkte.",
        "Delivered something that was wrong or did not work."
    ),
    cat!(
        "sw-invoice-error",
        S,
        W,
        2,
        true,
        "Fout in de facturering",
        "Error in invoicing",
        "Een factuur die niet klopte.",
        "An invoice that was wrong."
    ),
    cat!(
        "sw-broken-agreement",
        S,
        W,
        3,
        true,
        "Afspraak niet nagekomen",
        "Agreement not kept",
        "Niet gedaan wat we hadden toegezegd.",
        "Did not do what we promised."
    ),
    cat!(
        "sw-no-callback",
        S,
        W,
        2,
        true,
        "Niet op tijd teruggebeld",
        "Did not call back in time",
        "De klant moest achter ons aan.",
        "The client had to chase us."
    ),
    cat!(
        "sw-behind-contract",
        S,
        W,
        3,
        true,
        "Verscholen achter contract of regels",
        "Hid behind the contract or our rules",
        "'Dat staat niet in het contract' in plaats van meedenken.",
        "'That is not in the contract' instead of helping."
    ),
    cat!(
        "sw-indexation",
        S,
        W,
        2,
        false,
        "Prijsindexatie doorberekend",
        "Price indexation passed on",
        "Een prijsverhoging zonder extra waarde.",
        "A price increase without extra value."
    ),
    cat!(
        "sw-careless-complaint",
        S,
        W,
        3,
        true,
        "Klacht slordig afgehandeld",
        "Complaint handled carelessly",
        "Een klacht laten liggen of afgedaan zonder oplossing.",
        "A complaint left or closed without a solution."
    ),
    cat!(
        "sw-client-disappointed",
        S,
        W,
        2,
        true,
        "Klant gaf ons een lage score",
        "Client gave us a low score",
        "De klant zei in zijn eigen scorecard dat we tekortschoten.",
        "In their own scorecard the client said we fell short."
    ),
    // Client deposits.
    cat!(
        "cd-paid-on-time",
        C,
        D,
        2,
        false,
        "Op tijd betaald",
        "Paid on time",
        "De factuur binnen de termijn voldaan.",
        "Paid the invoice within the term."
    ),
    cat!(
        "cd-kept-agreement",
        C,
        D,
        2,
        false,
        "Afspraak nagekomen",
        "Kept an agreement",
        "Gedaan wat de klant had toegezegd.",
        "Did what the client had promised."
    ),
    cat!(
        "cd-correct-info",
        C,
        D,
        2,
        false,
        "Juiste en volledige informatie",
        "Correct and complete information",
        "Wat we nodig hadden, klopte en was compleet.",
        "What we needed was right and complete."
    ),
    cat!(
        "cd-reported-error",
        C,
        D,
        2,
        false,
        "Fout vroeg gemeld",
        "Reported an error early",
        "Een fout gemeld zodra die gezien werd.",
        "Reported an error as soon as it was seen."
    ),
    cat!(
        "cd-recommended",
        C,
        D,
        4,
        false,
        "Ons aanbevolen (ambassadeur)",
        "Recommended us (ambassador)",
        "Ons bij anderen aangeraden.",
        "Recommended us to others."
    ),
    cat!(
        "cd-new-work",
        C,
        D,
        4,
        false,
        "Nieuwe opdracht gegund",
        "Awarded new work",
        "Vertrouwen uitgesproken met een nieuwe opdracht.",
        "Showed trust with new work."
    ),
    // Client withdrawals.
    cat!(
        "cw-paid-late",
        C,
        W,
        2,
        true,
        "Te laat betaald",
        "Paid late",
        "De factuur pas na de termijn of na herinneringen voldaan.",
        "Paid only after the term or after reminders."
    ),
    cat!(
        "cw-broken-agreement",
        C,
        W,
        3,
        true,
        "Afspraak niet nagekomen",
        "Agreement not kept",
        "Niet gedaan wat de klant had toegezegd.",
        "Did not do what the client promised."
    ),
    cat!(
        "cw-incorrect-info",
        C,
        W,
        2,
        true,
        "Onjuiste informatie",
        "Incorrect information",
        "Informatie die niet klopte of onvolledig was.",
        "Information that was wrong or incomplete."
    ),
    cat!(
        "cw-unpaid-extra",
        C,
        W,
        3,
        false,
        "Meerwerk geëist zonder betaling",
        "Extra work demanded without paying",
        "Extra werk verwacht dat niet betaald wordt.",
        "Expected extra work that will not be paid."
    ),
    cat!(
        "cw-invoice-dispute",
        C,
        W,
        2,
        false,
        "Dispuut over een factuur",
        "Dispute about an invoice",
        "Een factuur betwist of opgehouden.",
        "Disputed or held back an invoice."
    ),
    cat!(
        "cw-unrealistic-demand",
        C,
        W,
        2,
        false,
        "Onrealistische eis",
        "Unrealistic demand",
        "Iets gevraagd dat redelijkerwijs niet kan.",
        "Asked for something that cannot reasonably be done."
    ),
];

/// One example event per built-in category at its default weight, so the
/// numbers mean the same to everyone: (id, Dutch, English).
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "sd-delivered",
        "een afgesproken deel op tijd opgeleverd",
        "an agreed part delivered on time",
    ),
    (
        "sd-listened",
        "in een overleg de echte vraag boven tafel gekregen",
        "found the real question in a meeting",
    ),
    (
        "sd-proactive",
        "ongevraagd een oplossing voor een terugkerend probleem voorgesteld",
        "proposed a fix for a recurring problem, unasked",
    ),
    (
        "sd-professional",
        "een melding binnen het uur opgepakt",
        "picked up a report within the hour",
    ),
    (
        "sd-responsibility",
        "een probleem opgelost dat niet door ons kwam",
        "solved a problem we did not cause",
    ),
    (
        "sd-reported-problem",
        "zelf gemeld dat een levering een dag later komt",
        "reported ourselves that a delivery will be a day late",
    ),
    (
        "sd-kept-agreement",
        "een toegezegd terugbelmoment nagekomen",
        "kept a promised call-back",
    ),
    (
        "sd-beyond",
        "een rapport een week eerder dan afgesproken",
        "a report a week earlier than agreed",
    ),
    (
        "sd-honest-advice",
        "afgeraden iets te kopen waar de klant niets aan heeft",
        "advised against buying something the client does not need",
    ),
    (
        "sd-knowledge",
        "een whitepaper of demonstratie zonder kosten",
        "a white paper or demonstration free of charge",
    ),
    (
        "sd-gesture",
        "taart bij een livegang",
        "a cake at a go-live",
    ),
    (
        "sd-innovation",
        "een besparingsvoorstel in plaats van de jaarlijkse indexatie",
        "a saving proposal instead of the yearly indexation",
    ),
    (
        "sd-payment-agreements",
        "bij de start heldere betaalafspraken gemaakt",
        "clear payment terms agreed at the start",
    ),
    (
        "sw-payment",
        "een maandfactuur betaald",
        "a monthly invoice paid",
    ),
    (
        "sw-commitment",
        "om een afspraak gevraagd",
        "asked for a meeting",
    ),
    (
        "sw-delivery-error",
        "een update die een koppeling brak",
        "an update that broke an integration",
    ),
    (
        "sw-invoice-error",
        "uren dubbel gefactureerd",
        "hours invoiced twice",
    ),
    (
        "sw-broken-agreement",
        "een afspraak een week verschoven zonder overleg",
        "an appointment moved a week without consulting",
    ),
    (
        "sw-no-callback",
        "de klant moest twee keer bellen",
        "the client had to call twice",
    ),
    (
        "sw-behind-contract",
        "naar het contract verwezen bij een redelijke vraag",
        "pointed to the contract at a reasonable request",
    ),
    (
        "sw-indexation",
        "de jaarlijkse indexatie doorberekend",
        "passed on the yearly indexation",
    ),
    (
        "sw-client-disappointed",
        "de klant scoorde ons laag op luisteren",
        "the client scored us low on listening",
    ),
    (
        "sw-careless-complaint",
        "een klacht afgesloten zonder antwoord",
        "closed a complaint without an answer",
    ),
    (
        "cd-paid-on-time",
        "een factuur binnen de termijn betaald",
        "paid an invoice within the term",
    ),
    (
        "cd-kept-agreement",
        "testers op de afgesproken dag beschikbaar",
        "testers available on the agreed day",
    ),
    (
        "cd-correct-info",
        "volledige gegevens in één keer aangeleverd",
        "complete data delivered in one go",
    ),
    (
        "cd-reported-error",
        "een fout in een rapport direct gemeld",
        "reported an error in a report at once",
    ),
    (
        "cd-recommended",
        "ons aanbevolen bij een ander bedrijf",
        "recommended us to another company",
    ),
    (
        "cd-new-work",
        "een vervolgopdracht gegund",
        "awarded follow-up work",
    ),
    (
        "cw-paid-late",
        "een maand te laat betaald",
        "paid a month late",
    ),
    (
        "cw-broken-agreement",
        "een afspraak afgezegd op de dag zelf",
        "cancelled a meeting on the day itself",
    ),
    (
        "cw-incorrect-info",
        "verkeerde testgegevens aangeleverd",
        "delivered wrong test data",
    ),
    (
        "cw-unpaid-extra",
        "extra werk geëist zonder ervoor te willen betalen",
        "demanded extra work without wanting to pay for it",
    ),
    (
        "cw-invoice-dispute",
        "een factuur betwist",
        "disputed an invoice",
    ),
    (
        "cw-unrealistic-demand",
        "alles morgen af willen hebben",
        "wanted everything done by tomorrow",
    ),
];

/// "Voorbeeld: 3 = een afspraak een week verschoven zonder overleg": what
/// the default weight of `b` stands for.
pub fn weight_example(b: &Builtin, lang: Lang) -> String {
    let text = EXAMPLES
        .iter()
        .find(|(id, ..)| *id == b.id)
        .map_or("", |(_, nl, en)| lang.pick(nl, en));
    tf(
        lang,
        Key::WeightExample,
        &[("weight", &b.default_weight.to_string()), ("text", text)],
    )
}

/// A category as the rest of the app sees it, built-in or own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CategoryRef<'a> {
    /// From the catalogue.
    Builtin(&'static Builtin),
    /// The user's own.
    Own(&'a OwnCategory),
}

impl<'a> CategoryRef<'a> {
    /// The stable id.
    pub fn id(&self) -> &'a str {
        match self {
            CategoryRef::Builtin(b) => b.id,
            CategoryRef::Own(o) => o.id.as_str(),
        }
    }

    /// The party the category belongs to.
    pub fn party(&self) -> Party {
        match self {
            CategoryRef::Builtin(b) => b.party,
            CategoryRef::Own(o) => o.party,
        }
    }

    /// The direction the category belongs to.
    pub fn direction(&self) -> Direction {
        match self {
            CategoryRef::Builtin(b) => b.direction,
            CategoryRef::Own(o) => o.direction,
        }
    }

    /// The label in `lang` (own categories are shown as typed).
    pub fn label(&self, lang: Lang) -> &'a str {
        match self {
            CategoryRef::Builtin(b) => lang.pick(b.nl, b.en),
            CategoryRef::Own(o) => &o.label,
        }
    }

    /// The one-line explanation, for built-in categories.
    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        match self {
            CategoryRef::Builtin(b) => Some(lang.pick(b.nl_hint, b.en_hint)),
            CategoryRef::Own(_) => None,
        }
    }

    /// Whether a withdrawal of this category stays open until repaired.
    /// Own withdrawal categories count as repairable: the user made them up
    /// for something that went wrong more often than for routine takes.
    pub fn repairable(&self) -> bool {
        match self {
            CategoryRef::Builtin(b) => b.repairable,
            CategoryRef::Own(o) => o.direction == Direction::Withdrawal,
        }
    }

    /// Suggested weight.
    pub fn default_weight(&self) -> u8 {
        match self {
            CategoryRef::Builtin(b) => b.default_weight,
            CategoryRef::Own(_) => 2,
        }
    }
}

/// The built-in category with `id`.
pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTIN.iter().find(|b| b.id == id)
}

/// Looks a category up in the catalogue, then in the account's own ones.
pub fn find<'a>(account: &'a Account, id: &CategoryId) -> Option<CategoryRef<'a>> {
    find_in(&account.own_categories, id.as_str())
}

/// Like [`find`], over a slice of own categories.
pub fn find_in<'a>(own: &'a [OwnCategory], id: &str) -> Option<CategoryRef<'a>> {
    builtin(id).map(CategoryRef::Builtin).or_else(|| {
        own.iter()
            .find(|o| o.id.as_str() == id)
            .map(CategoryRef::Own)
    })
}

/// The categories that fit a party and direction: catalogue first, then own.
pub fn for_kind(account: &Account, party: Party, direction: Direction) -> Vec<CategoryRef<'_>> {
    BUILTIN
        .iter()
        .filter(|b| b.party == party && b.direction == direction)
        .map(CategoryRef::Builtin)
        .chain(
            account
                .own_categories
                .iter()
                .filter(|o| o.party == party && o.direction == direction)
                .map(CategoryRef::Own),
        )
        .collect()
}

/// One category as a form offers it: id, label and hint in `lang`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The category id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its one-line explanation ("" for own categories).
    pub hint: String,
}

/// The categories that fit `party` and `direction` as form choices.
pub fn choices(account: &Account, party: Party, direction: Direction, lang: Lang) -> Vec<Choice> {
    for_kind(account, party, direction)
        .into_iter()
        .map(|c| Choice {
            id: c.id().to_string(),
            label: c.label(lang).to_string(),
            hint: c.hint(lang).unwrap_or("").to_string(),
        })
        .collect()
}

/// A new own category id that does not collide with the account's.
pub fn new_own_id(account: &Account) -> CategoryId {
    let mut n = account.own_categories.len() + 1;
    loop {
        let id = CategoryId::new(&format!("own-{n}"));
        if find(account, &id).is_none() {
            return id;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalogue_ids_are_unique_and_prefixed_by_kind() {
        let mut seen = HashSet::new();
        for b in BUILTIN {
            assert!(seen.insert(b.id), "duplicate id {}", b.id);
            let prefix = match (b.party, b.direction) {
                (Party::Supplier, Direction::Deposit) => "sd-",
                (Party::Supplier, Direction::Withdrawal) => "sw-",
                (Party::Client, Direction::Deposit) => "cd-",
                (Party::Client, Direction::Withdrawal) => "cw-",
            };
            assert!(b.id.starts_with(prefix), "{}", b.id);
            assert!((1..=5).contains(&b.default_weight));
            assert!(!b.repairable || b.direction == Direction::Withdrawal);
            for s in [b.nl, b.en, b.nl_hint, b.en_hint] {
                assert!(!s.trim().is_empty());
            }
        }
    }

    #[test]
    fn every_category_has_a_weight_example_in_both_languages() {
        for b in BUILTIN {
            let (_, nl, en) = EXAMPLES
                .iter()
                .find(|(id, ..)| *id == b.id)
                .unwrap_or_else(|| panic!("no example for {}", b.id));
            assert!(!nl.is_empty() && !en.is_empty());
            assert!(weight_example(b, Lang::Nl).starts_with("Voorbeeld: "));
        }
        for (id, ..) in EXAMPLES {
            assert!(builtin(id).is_some(), "example for unknown {id}");
        }
    }

    #[test]
    fn catalogue_covers_every_kind_from_the_design() {
        let count = |p, d| {
            BUILTIN
                .iter()
                .filter(|b| b.party == p && b.direction == d)
                .count()
        };
        assert_eq!(count(Party::Supplier, Direction::Deposit), 13);
        assert_eq!(count(Party::Supplier, Direction::Withdrawal), 10);
        assert_eq!(count(Party::Client, Direction::Deposit), 6);
        assert_eq!(count(Party::Client, Direction::Withdrawal), 6);
    }
}
