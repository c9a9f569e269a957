//! The one translation module: every user-facing text, in Dutch and English.
//!
//! Components never hold literal text; they ask for a [`Key`] in the current
//! [`Lang`]. Texts with values use `{name}` placeholders filled by [`fill`].
//! The `translations!` table makes a missing language a compile error, and the
//! tests check that both languages use the same placeholders.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A language the app speaks. Dutch is the default: the users are Dutch
/// account managers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Nederlands (default).
    #[default]
    #[serde(rename = "nl")]
    Nl,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Both languages, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// BCP 47 tag, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Parses a stored or typed code; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks between a Dutch and an English text held as data (category
    /// labels, questionnaire items), so data and UI follow the same switch.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// How Dutch text addresses the reader: with "u" (formal, the default for a
/// client: Dutch business usage often expects it) or with "je". The sender
/// of a client invite chooses; workshop participants are always "je".
/// English has one form, so both registers read the same there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Register {
    /// "u", "uw".
    #[default]
    #[serde(rename = "u")]
    Formal,
    /// "je", "jouw".
    #[serde(rename = "je")]
    Informal,
}

impl Register {
    /// Both registers, in the order the choice shows them.
    pub const ALL: [Register; 2] = [Register::Formal, Register::Informal];

    /// Of two texts that say the same in each register, the one for this
    /// register.
    pub fn pick(self, formal: Key, informal: Key) -> Key {
        match self {
            Register::Formal => formal,
            Register::Informal => informal,
        }
    }

    /// For serde: the default is not written.
    pub fn is_formal(&self) -> bool {
        *self == Register::Formal
    }
}

macro_rules! translations {
    ($($key:ident => $nl:expr, $en:expr;)*) => {
        #[allow(non_upper_case_globals, missing_docs)]
        impl Key {
            $(pub const $key: Key = Key { nl: $nl, en: $en };)*

            /// Every key, for completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

/// A user-facing text in both languages. Look it up with [`Key::text`]
/// or [`t`].
///
/// Every text is a constant (`Key::AppName`, …) holding its Dutch and
/// English words, so a program contains exactly the texts its code uses:
/// the browser app's first screen carries the overview's texts, not those
/// of every screen, and the participant page only its own. A missing
/// language is a compile error; the tests check that both use the same
/// placeholders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    nl: &'static str,
    en: &'static str,
}

impl Key {
    /// The text of this key in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }
}

/// Shorthand for `key.text(lang)`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    key.text(lang)
}

/// Fills `{name}` placeholders in a translated text, and picks the form of
/// a word by a count: `{n:antwoord|antwoorden}` is the first form when `n`
/// is 1 and the second otherwise (the one plural rule of Dutch and English
/// for counts). Forms are picked before values are filled in, so a value
/// (user text) is never read as a form.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = pick_forms(&out, name, value.trim() == "1");
    }
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Replaces every `{name:one|other}` in `text` with `one` or `other`.
fn pick_forms(text: &str, name: &str, one: bool) -> String {
    let open = format!("{{{name}:");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&open) {
        let body = &rest[at + open.len()..];
        let Some(end) = body.find('}') else { break };
        let (single, plural) = body[..end]
            .split_once('|')
            .unwrap_or((&body[..end], &body[..end]));
        out.push_str(&rest[..at]);
        out.push_str(if one { single } else { plural });
        rest = &body[end + 1..];
    }
    out.push_str(rest);
    out
}

/// User text quoted in a message, cut to `max` characters with "…", so a
/// hostile or careless 100,000-character name cannot flood the screen.
pub fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Text folded to lower case for searching and sorting names, notes and
/// titles.
///
/// The standard library's Unicode `to_lowercase` carries two conversion
/// tables of ~24 KB into every program that calls it, the first load
/// included; names in this app are written in European scripts, so the
/// fold covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic by
/// arithmetic and leaves every other character as it is (a search then
/// matches it exactly, which is never worse than not folding).
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// One character of [`fold_case`]: its lower-case form where that is one
/// character of the covered scripts, else the character itself.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Shorthand for `fill(t(lang, key), args)`.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(key.text(lang), args)
}

/// A date as users of that language write it: nl-NL `23-11-2026`, en-GB
/// `23/11/2026`.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    let sep = match lang {
        Lang::Nl => '-',
        Lang::En => '/',
    };
    format!(
        "{:02}{sep}{:02}{sep}{:04}",
        date.day(),
        date.month(),
        date.year()
    )
}

const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Short month name (`mrt` / `Mar`), for chart axes and period labels.
pub fn month_short(month: u32, lang: Lang) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Nl => MONTHS_NL[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// A whole number with a sign for non-zero values and grouping as the
/// language writes it: `+1.234` (nl) / `+1,234` (en), and a real minus sign.
pub fn format_points(value: i64, signed: bool) -> String {
    format_points_lang(value, signed, Lang::Nl)
}

/// Like [`format_points`] with the thousands separator of `lang`.
pub fn format_points_lang(value: i64, signed: bool, lang: Lang) -> String {
    let digits = value.unsigned_abs().to_string();
    let group = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if value < 0 {
        "\u{2212}"
    } else if signed && value > 0 {
        "+"
    } else {
        ""
    };
    format!("{sign}{grouped}")
}

/// A decimal with one digit and the language's decimal mark (`3,2` / `3.2`).
/// Takes tenths as an integer so no float formatting rules leak in.
pub fn format_tenths(tenths: i64, lang: Lang) -> String {
    let mark = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    let sign = if tenths < 0 { "\u{2212}" } else { "" };
    let a = tenths.unsigned_abs();
    format!("{sign}{}{mark}{}", a / 10, a % 10)
}

translations! {
    AppName => "Klantbankrekening", "Client bank account";
    AppTagline => "Vertrouwen per klantrelatie, bijgehouden als een rekening", "Trust per client relationship, kept like an account";
    LanguageLabel => "Taal", "Language";
    SkipToContent => "Naar de inhoud", "Skip to content";
    NavOverview => "Klanten", "Clients";
    EmptyTitle => "Nog geen klanten", "No clients yet";
    EmptyIntro1 => "Elke klantrelatie heeft een rekening van vertrouwen: jij stort door te leveren, te luisteren en afspraken na te komen, en je neemt op met elke betaling die je ontvangt, elke vraag om commitment en elke fout. De klant doet hetzelfde, dus je houdt beide kanten bij.", "Every client relationship has an account of trust: you deposit by delivering, listening and keeping agreements, and you withdraw with every payment you receive, every commitment you ask for and every error. The client does the same, so you keep track of both sides.";
    EmptyIntro2 => "Houd per klant bij wat er gestort en opgenomen wordt, zie of je tijdelijk of structureel rood staat, en maak regelmatig de balans op. Alles blijft in deze browser.",
                   "Record per client what is deposited and withdrawn, see whether you are temporarily or structurally in the red, and take stock regularly. Everything stays in this browser.";
    EmptyCreateFirst => "Eerste klant aanmaken", "Create your first client";
    NotFoundTitle => "Pagina niet gevonden", "Page not found";
    NotFoundBody => "Deze link wijst naar niets (meer). Misschien is de klant verwijderd.", "This link leads nowhere (any more). Perhaps the client was deleted.";
    BackToOverview => "Terug naar het overzicht", "Back to the overview";
    FooterPrivacy => "Je gegevens blijven in deze browser; er is geen server.", "Your data stays in this browser; there is no server.";
    FieldName => "Naam", "Name";
    FieldOrganisation => "Organisatie", "Organisation";
    FieldAccountManager => "Onze accountmanager", "Our account manager";
    FieldSponsor => "Hun opdrachtgever", "Their sponsor";
    FieldNotes => "Notities", "Notes";
    FieldWho => "Wie (persoon of rol)", "Who (person or role)";
    FieldNote => "Toelichting", "Note";
    FieldLabel => "Naam van de categorie", "Category name";
    FieldPerson => "Jouw naam", "Your name";
    FieldSender => "Afzender", "Sender";
    FieldText => "Tekst", "Text";
    ErrRequired => "{field} is verplicht.", "{field} is required.";
    ErrTooLong => "{field} is {len} tekens; maximaal {max}.", "{field} is {len} characters; at most {max}.";
    ErrWeight => "Gewicht {value} kan niet: kies 1 tot en met 5.", "Weight {value} is not possible: choose 1 to 5.";
    ErrUnknownCategory => "Categorie '{id}' bestaat niet.", "Category '{id}' does not exist.";
    ErrCategoryMismatch => "Categorie '{id}' hoort bij een andere partij of richting.", "Category '{id}' belongs to another party or direction.";
    ErrRepairNotDeposit => "Alleen een storting kan een opname goedmaken.", "Only a deposit can make good a withdrawal.";
    ErrRepairMissing => "De opname om goed te maken bestaat niet meer.", "The withdrawal to make good no longer exists.";
    ErrRepairNotWithdrawal => "Alleen een opname kan worden goedgemaakt.", "Only a withdrawal can be made good.";
    ErrRepairNotEarlier => "De opname om goed te maken moet eerder zijn dan deze storting.", "The withdrawal to make good must be earlier than this deposit.";
    ErrRepairTaken => "Die opname is al goedgemaakt door een andere storting.", "That withdrawal is made good by another deposit already.";
    ErrDate => "De datum {date} valt buiten het toegestane bereik.", "The date {date} is outside the accepted range.";
    ErrThreshold => "{field} moet tussen {min} en {max} liggen.", "{field} must be between {min} and {max}.";
    ErrBadClientId => "De klant heeft een ongeldige id.", "The client has an invalid id.";
    ErrBadOwnCategory => "Eigen categorie '{id}' heeft een ongeldige of dubbele id.", "Own category '{id}' has an invalid or duplicate id.";
    ErrDuplicateEntry => "Boeking-id {id} komt twee keer voor.", "Entry id {id} occurs twice.";
    ErrInEntry => "Boeking {id}: {problem}", "Entry {id}: {problem}";
    SettingSurplusLimit => "Overschotgrens", "Surplus limit";
    SettingCredit => "Kredietgrens", "Credit limit";
    SettingSurplusLimitHint => "Ons saldo boven deze grens is overschot: de klant stort meer dan wij terugdoen, en dat vraagt om iets terug te geven.", "Our balance above this limit is surplus: the client deposits more than we return, which asks for giving something back.";
    SettingCreditHint => "Hoe ver ons saldo onder 0 mag zakken: het krediet dat de klant ons geeft. Dieper is meteen structureel rood.", "How far our balance may fall below 0: the credit the client gives us. Deeper is structurally red at once.";
    SettingStructuralRunHint => "Zoveel perioden op rij rood aan het eind maakt rood structureel.", "This many periods in a row red at their end makes red structural.";
    SettingStockTakeDaysHint => "Na zoveel dagen herinnert de app je eraan de balans op te maken.", "After this many days the app reminds you to take stock.";
    SettingStructuralRun => "Aantal perioden voor 'structureel'", "Periods before 'structural'";
    SettingStockTakeDays => "Balans opmaken om de … dagen", "Take stock every … days";
    StatusStructurallyRed => "Structureel rood", "Structurally red";
    StatusTemporarilyRed => "Tijdelijk rood", "Temporarily red";
    StatusStructurallySurplus => "Structureel overschot", "Structural surplus";
    StatusTemporarilySurplus => "Tijdelijk overschot", "Temporary surplus";
    StatusHealthy => "Gezond", "Healthy";
    StatusNoData => "Nog geen gegevens", "No data yet";
    AdviceStructurallyRed => "Plan nu een gesprek met de opdrachtgever: erken wat er misging, maak het goed en spreek concreet af wat je gaat storten.", "Plan a conversation with the sponsor now: acknowledge what went wrong, make it good and agree concretely what you will deposit.";
    AdviceTemporarilyRed => "Geen paniek, de klant geeft krediet: zorg dat de volgende boekingen stortingen zijn en maak openstaande fouten goed.", "No panic, the client gives credit: make sure the next entries are deposits and make good the open errors.";
    AdviceStructurallySurplus => "Je geeft al lang veel meer dan je neemt: vraag om wat je toekomt (betaling, commitment) voordat het wrevel wekt.", "You have long given far more than you take: ask for what is due (payment, commitment) before it breeds resentment.";
    AdviceTemporarilySurplus => "Mooi overschot: een goed moment om iets te vragen, zoals een vervolgopdracht of een aanbeveling.", "A fine surplus: a good moment to ask for something, such as follow-up work or a recommendation.";
    AdviceHealthy => "Een klein positief saldo is het doel: blijf storten en maak regelmatig de balans op.", "A small positive balance is the aim: keep depositing and take stock regularly.";
    AdviceNoData => "Boek de eerste storting of opname om de rekening te openen.", "Book the first deposit or withdrawal to open the account.";
    UnitWeek => "week", "week";
    UnitWeeks => "weken", "weeks";
    UnitMonth => "maand", "month";
    UnitMonths => "maanden", "months";
    UnitQuarter => "kwartaal", "quarter";
    UnitQuarters => "kwartalen", "quarters";
    ReasonNoEntries => "Er is nog niets van ons geboekt op deze rekening.", "Nothing of ours has been booked on this account yet.";
    ReasonNoEntriesClient => "Er is nog niets van de klant geboekt op deze rekening.", "Nothing of the client's has been booked on this account yet.";
    ReasonBelowCredit => "Saldo {saldo} is dieper dan de kredietgrens van {credit}: de klant geeft ons geen krediet meer.", "Balance {saldo} is below the credit limit of {credit}: the client gives us no more credit.";
    ReasonBelowCreditClient => "Saldo {saldo} van de klant is dieper dan de kredietgrens van {credit} die wij geven.", "The client's balance {saldo} is below the credit limit of {credit} that we give.";
    AdviceClientStructurallyRed => "De klant neemt al lang meer dan hij geeft. Bespreek het met de opdrachtgever: benoem welke afspraken (betalen, juiste informatie, meerwerk) anders moeten en leg ze samen vast.", "The client has long taken more than they give. Discuss it with the sponsor: name which agreements (payment, correct information, extra work) must change and record them together.";
    AdviceClientTemporarilyRed => "De klant staat even rood bij ons; dat mag. Begeleid hem: herinner vriendelijk aan de afspraak en zeg duidelijk wat je van hem nodig hebt.", "The client is briefly in the red with us; that is allowed. Guide them: remind them kindly of the agreement and say clearly what you need from them.";
    AdviceClientStructurallySurplus => "De klant geeft al lang veel meer dan hij neemt. Laat zien dat je het waardeert en vraag wat je voor hem terug kunt doen, zodat het in balans blijft.", "The client has long given far more than they take. Show that you value it and ask what you can do for them in return, so it stays in balance.";
    AdviceClientTemporarilySurplus => "De klant doet het goed: laat merken dat je het ziet, bijvoorbeeld een bedankje bij een snelle betaling.", "The client is doing well: let them know you notice, for instance a thank-you for a prompt payment.";
    AdviceClientHealthy => "De klant houdt zich aan de afspraken: blijf duidelijk over wat je van hem verwacht.", "The client keeps to the agreements: stay clear about what you expect from them.";
    AdviceClientNoData => "Boek ook wat de klant doet: op tijd betalen, afspraken nakomen, juiste informatie geven, fouten vroeg melden.", "Book what the client does too: paying on time, keeping agreements, giving correct information, reporting errors early.";
    ReasonRedRun => "{n} {unit} op rij rood (saldo {saldo}): dit is geen tijdelijke dip meer.", "{n} {unit} in a row in the red (balance {saldo}): this is no longer a temporary dip.";
    ReasonRedShort => "{n} {unit} rood (saldo {saldo}); na {needed} {needed_unit} op rij wordt het structureel.", "{n} {unit} in the red (balance {saldo}); after {needed} {needed_unit} in a row it becomes structural.";
    ReasonSurplusRun => "{n} {unit} op rij een overschot boven {limit} (saldo {saldo}).", "A surplus above {limit} for {n} {unit} in a row (balance {saldo}).";
    ReasonSurplusShort => "{n} {unit} een overschot boven {limit} (saldo {saldo}); na {needed} {needed_unit} op rij wordt het structureel.", "A surplus above {limit} for {n} {unit} (balance {saldo}); after {needed} {needed_unit} in a row it becomes structural.";
    ReasonInCorridor => "Saldo {saldo} ligt tussen 0 en {limit}: klein en positief, zoals het hoort.", "Balance {saldo} is between 0 and {limit}: small and positive, as it should be.";
    DecodeNotJson => "De gegevens zijn geen leesbare JSON ({detail}).", "The data is not readable JSON ({detail}).";
    DecodeNotEnvelope => "De gegevens komen niet van deze app.", "The data does not come from this app.";
    DecodeNewerSchema => "Deze gegevens zijn gemaakt door een nieuwere versie van de app (schema {schema}).", "This data was made by a newer version of the app (schema {schema}).";
    DecodeInvalid => "De gegevens zijn beschadigd ({detail}).", "The data is damaged ({detail}).";
    ImportDuplicateClient => "klant-id {id} staat twee keer in het bestand", "client id {id} appears twice in the file";
    ImportUnreadableClient => "onleesbare gegevens ({detail})", "unreadable data ({detail})";
    ImportProblemLine => "Klant {n} ({client}): {problem}", "Client {n} ({client}): {problem}";
    ImportTooLarge => "Het bestand is {size} MB; maximaal {max} MB.", "The file is {size} MB; at most {max} MB.";
    ImportNotJson => "Het bestand is geen geldige JSON ({detail}).", "The file is not valid JSON ({detail}).";
    ImportWrongFormat => "Dit is geen back-upbestand van Klantbankrekening.", "This is not a Klantbankrekening backup file.";
    ImportNewerSchema => "Het bestand komt van een nieuwere versie van de app (schema {schema}); werk de app eerst bij.", "The file comes from a newer version of the app (schema {schema}); update the app first.";
    ImportInvalid => "Het bestand heeft een onverwachte opbouw ({detail}).", "The file has an unexpected structure ({detail}).";
    ImportProblems => "Het bestand bevat {n} {n:fout|fouten}; er is niets veranderd.", "The file contains {n} {n:problem|problems}; nothing was changed.";
    PartySupplier => "Aanbieder (wij)", "Supplier (us)";
    PartyClient => "Klant (zij)", "Client (them)";
    DirectionDeposit => "Storting", "Deposit";
    DirectionWithdrawal => "Opname", "Withdrawal";
    CsvClient => "Klant", "Client";
    CsvDate => "Datum", "Date";
    CsvParty => "Partij", "Party";
    CsvDirection => "Richting", "Direction";
    CsvCategory => "Categorie", "Category";
    CsvWeight => "Gewicht", "Weight";
    CsvPoints => "Punten", "Points";
    CsvWho => "Wie", "Who";
    CsvNote => "Toelichting", "Note";
    CsvEntryId => "Boeking", "Entry";
    CsvRepairs => "Maakt goed", "Makes good";
    CsvSupplierSaldo => "Saldo aanbieder", "Supplier balance";
    CsvClientSaldo => "Saldo klant", "Client balance";
    Actions => "Acties", "Actions";
    Add => "Toevoegen", "Add";
    AddOwnCategory => "+ Eigen categorie", "+ Own category";
    OwnCategoriesTitle => "Eigen categorieën", "Own categories";
    OwnCategoriesNone => "Nog geen eigen categorieën. Voeg er een toe bij het boeken (\"+ Eigen categorie\").", "No own categories yet. Add one while booking (\"+ Own category\").";
    OwnCategoryRename => "Hernoemen", "Rename";
    OwnCategoryRenamed => "Categorie hernoemd.", "Category renamed.";
    OwnCategoryRemoved => "Categorie verwijderd.", "Category deleted.";
    OwnCategoryUsedOne => "in 1 boeking", "in 1 entry";
    OwnCategoryUsedMany => "in {n} boekingen", "in {n} entries";
    OwnCategoryInUse => "In gebruik: verwijderen kan pas als geen boeking haar meer gebruikt.", "In use: it can be deleted once no entry uses it.";
    Advice => "Advies", "Advice";
    AgreedActions => "Afgesproken acties", "Agreed actions";
    Archive => "Archiveren", "Archive";
    Unarchive => "Uit archief halen", "Unarchive";
    ArchivedBadge => "Gearchiveerd", "Archived";
    BackupAdvice => "Je gegevens staan alleen in deze browser. Een back-up (JSON) is je enige kopie: maak er regelmatig een en bewaar hem veilig.", "Your data lives only in this browser. A backup (JSON) is your only copy: make one regularly and keep it safe.";
    BandHealthy => "Gezond", "Healthy";
    BandRed => "Rood", "Red";
    BandSurplus => "Overschot", "Surplus";
    BannerConflict => "Dit tabblad en een ander tabblad hebben '{client}' tegelijk gewijzigd, op dezelfde plek. Kies per punt welke versie blijft; al het andere is al samengevoegd.", "This tab and another tab changed '{client}' at the same time, in the same place. Choose per point which version stays; everything else is merged already.";
    ConflictMerge => "Samenvoegen", "Merge";
    ConflictTheirs => "Alles van het andere tabblad nemen", "Take everything from the other tab";
    BannerDisabled => "Deze browser staat opslaan niet toe (bijvoorbeeld in privémodus of door een instelling). Je kunt gewoon werken, maar na sluiten is alles weg: maak een back-up.", "This browser does not allow saving (for example in private mode or by a setting). You can keep working, but everything is gone when you close it: make a backup.";
    BannerQuota => "De opslag van de browser is vol. Je wijzigingen staan nog in het geheugen; maak nu een back-up en verwijder oude of demo-klanten.", "The browser's storage is full. Your changes are still in memory; make a backup now and remove old or demo clients.";
    BannerWriteFailed => "Opslaan is mislukt. Je wijzigingen staan nog in het geheugen; we proberen het opnieuw. Maak voor de zekerheid een back-up.", "Saving failed. Your changes are still in memory; we will try again. Make a backup to be safe.";
    BannerNotSaved => "Wijzigingen worden niet opgeslagen.", "Changes are not being saved.";
    BannerExportReminder => "Je laatste back-up is meer dan 30 dagen of 200 wijzigingen geleden (of nog nooit gemaakt).", "Your last backup was more than 30 days or 200 changes ago (or never made).";
    BannerQuarantine => "{n} {n:onleesbaar gegeven is|onleesbare gegevens zijn} apart gezet; de rest is gewoon geladen. Er is niets verwijderd.", "{n} unreadable {n:record was|records were} set aside; the rest loaded normally. Nothing was deleted.";
    BannerQuarantineOpen => "Bekijken en downloaden", "View and download";
    BannerReadOnlyTitle => "Alleen lezen.", "Read-only.";
    BannerReadOnly => "Er staan gegevens van een nieuwere versie van de app in deze browser. Om ze niet te beschadigen wordt er niets opgeslagen; open de nieuwste versie van de app.", "This browser holds data from a newer version of the app. To keep it intact nothing is saved; open the newest version of the app.";
    BarDetail => "({dep} gestort, {wd} opgenomen, {n}×)", "({dep} deposited, {wd} withdrawn, {n}×)";
    BookEntry => "Boeken", "Book";
    BreakdownByCategory => "Per categorie", "By category";
    BreakdownByPerson => "Per persoon of rol", "By person or role";
    Cancel => "Annuleren", "Cancel";
    Category => "Categorie", "Category";
    ChartEmpty => "Nog geen verloop: boek eerst iets.", "No history yet: book something first.";
    ChartPoint => "{period}: wij {us}, klant {them}", "{period}: us {us}, client {them}";
    ChartSummary => "Verloop van het saldo over {n} perioden; nu wij {us}, klant {them}.", "Balance over {n} periods; now us {us}, client {them}.";
    ChartTableCaption => "Saldo aan het eind van elke periode", "Balance at the end of each period";
    ClientDeleted => "'{client}' is verwijderd.", "'{client}' was deleted.";
    ClientSaldo => "Saldo van de klant", "Client's balance";
    OurSaldo => "Ons saldo bij de klant", "Our balance with the client";
    ClientSections => "Onderdelen van de klant", "Client sections";
    Close => "Sluiten", "Close";
    ConfirmDeleteClient => "'{client}' en alle boekingen verwijderen?", "Delete '{client}' and all its entries?";
    DataIntro => "Maak een back-up van alles, zet een back-up terug, of exporteer het grootboek voor een spreadsheet (CSV) of voor hledger, een gratis boekhoudprogramma dat een journaal in platte tekst leest.", "Back up everything, restore a backup, or export the ledger for a spreadsheet (CSV) or for hledger, a free accounting program that reads a journal in plain text.";
    Date => "Datum", "Date";
    Delete => "Verwijderen", "Delete";
    DemoBadge => "Demo", "Demo";
    DemoRemoved => "{n} {n:demoklant|demoklanten} verwijderd.", "{n} demo {n:client|clients} removed.";
    Direction => "Richting", "Direction";
    Download => "Downloaden", "Download";
    Edit => "Bewerken", "Edit";
    EditClient => "Klant bewerken", "Edit client";
    NewClient => "Nieuwe klant", "New client";
    EditEntry => "Boeking bewerken", "Edit entry";
    NewEntry => "Nieuwe boeking", "New entry";
    EntryAdded => "Boeking toegevoegd.", "Entry added.";
    EntryDeleted => "Boeking verwijderd.", "Entry deleted.";
    EntryUpdated => "Boeking bijgewerkt.", "Entry updated.";
    ErrDateMissing => "Kies een geldige datum.", "Choose a valid date.";
    ExportBackup => "Back-up downloaden (JSON)", "Download backup (JSON)";
    ExportCsv => "Rekening als CSV", "Account as CSV";
    ExportJournal => "Journaal voor hledger (boekhouden in platte tekst)", "Journal for hledger (plain-text accounting)";
    FieldStartDate => "Start van de relatie", "Start of the relationship";
    FilterAll => "Alle", "All";
    FilterFrom => "Vanaf", "From";
    FilterTo => "Tot en met", "Up to";
    FilterText => "Zoeken", "Search";
    Filters => "Filters", "Filters";
    ImportChoose => "Kies een back-upbestand", "Choose a backup file";
    ImportConfirm => "Importeren", "Import";
    ImportDone => "{n} {n:klant|klanten} geïmporteerd.", "{n} {n:client|clients} imported.";
    ImportIntro => "Een back-up wordt eerst gecontroleerd. Je ziet wat er verandert en kiest dan: samenvoegen of alles vervangen. Bij een fout verandert er niets.", "A backup is checked first. You see what will change and then choose: merge or replace everything. On any error nothing changes.";
    ImportMerge => "Samenvoegen: klanten met dezelfde id worden vervangen, nieuwe toegevoegd, de rest blijft.", "Merge: clients with the same id are replaced, new ones added, the rest stays.";
    ImportMode => "Hoe importeren?", "How to import?";
    ImportPlanText => "{added} nieuw, {replaced} vervangen, {removed} verwijderd, {kept} ongemoeid; {entries} boekingen, {moments} contactmomenten en {assessments} zelftoetsen in het bestand.", "{added} new, {replaced} replaced, {removed} removed, {kept} untouched; {entries} entries, {moments} moments and {assessments} self-assessments in the file.";
    ImportReplace => "Vervangen: alles in deze browser wordt vervangen door het bestand.", "Replace: everything in this browser is replaced by the file.";
    ImportTitle => "Back-up terugzetten", "Restore a backup";
    LastEntry => "laatste boeking {date}", "last entry {date}";
    LastExport => "Laatste back-up: {date}; {n} {n:wijziging|wijzigingen} sindsdien.", "Last backup: {date}; {n} {n:change|changes} since.";
    NeverExported => "Er is nog nooit een back-up gemaakt.", "No backup has been made yet.";
    Ledger => "Boekingen", "Entries";
    LedgerCount => "{shown} van {total} boekingen", "{shown} of {total} entries";
    EmptyRestoreIntro => "Een nieuw apparaat of een nieuwe browser?", "A new device or browser?";
    EmptyRestore => "Zet een back-up terug", "Restore a backup";
    LoadDemo => "Demoklant laden", "Load demo client";
    RemoveDemo => "Demo verwijderen", "Remove demo";
    MakeGood => "Goedmaken", "Make good";
    NavData => "Gegevens", "Data";
    Next => "Volgende", "Next";
    Previous => "Vorige", "Previous";
    Pages => "Pagina's", "Pages";
    PageOf => "Pagina {n} van {total}", "Page {n} of {total}";
    NoClientsMatch => "Geen klanten gevonden.", "No clients found.";
    NoEntriesYet => "nog geen boekingen", "no entries yet";
    NoStockTakes => "Nog geen balans opgemaakt.", "No stock-take yet.";
    OpenRepair => "nog goed te maken", "to make good";
    Party => "Partij", "Party";
    PartySupplierShort => "Wij", "Us";
    PartyClientShort => "Klant", "Client";
    Period => "Periode", "Period";
    PeriodLength => "Periode van het verloop", "Period of the history";
    PeriodWeek => "Week", "Week";
    PeriodMonth => "Maand", "Month";
    PeriodQuarter => "Kwartaal", "Quarter";
    PersistedYes => "De browser beschermt deze opslag tegen automatisch opruimen.", "The browser protects this storage from automatic clean-up.";
    PersistedNo => "De browser kan deze opslag opruimen als de schijf vol raakt: een back-up is je zekerheid.", "The browser may clear this storage when the disk fills up: a backup is your safety net.";
    PersistedUnknown => "Onbekend of de browser deze opslag beschermt.", "Unknown whether the browser protects this storage.";
    Print => "Afdrukken", "Print";
    RatioLine => "Stortingen : opnames = {ratio} ({dep} gestort, {wd} opgenomen)", "Deposits : withdrawals = {ratio} ({dep} deposited, {wd} withdrawn)";
    RecoveryTitle => "Onleesbare gegevens", "Unreadable data";
    RecoveryIntro => "Bij het openen waren deze gegevens niet te lezen. Ze zijn niet overschreven of verwijderd, maar apart gezet. Download ze om ze te bewaren of te laten herstellen.", "When the app opened, this data could not be read. It was not overwritten or deleted, but set aside. Download it to keep it or have it repaired.";
    RecoveryNone => "Er zijn geen onleesbare gegevens.", "There is no unreadable data.";
    RecoverySize => "{n} tekens, bewaard onder {key}", "{n} characters, kept under {key}";
    RecoveryDelete => "Definitief verwijderen", "Delete for good";
    Reflection => "Reflectie: wat zie je?", "Reflection: what do you see?";
    ReminderAmber => "Balans opmaken", "Stock-take due";
    ReminderRed => "Balans opmaken is over tijd", "Stock-take overdue";
    ReminderNothing => "Nog niets om te beoordelen.", "Nothing to review yet.";
    ReminderSinceFirst => "Nog nooit de balans opgemaakt; eerste boeking {date} ({days} dagen geleden). Volgende uiterlijk {due}.", "Never taken stock; first entry {date} ({days} days ago). Next due {due}.";
    ReminderSinceReview => "Laatst de balans opgemaakt op {date} ({days} dagen geleden). Volgende uiterlijk {due}.", "Last stock-take on {date} ({days} days ago). Next due {due}.";
    RepairsEntry => "maakt goed: {entry}", "makes good: {entry}";
    RepairsLabel => "Maakt goed", "Makes good";
    RepairsNone => "— geen —", "— none —";
    RulesTitle => "Zo werkt de status", "How the status works";
    RuleBands => "Rood is een saldo onder 0; gezond is 0 tot en met de overschotgrens; daarboven is overschot.", "Red is a balance below 0; healthy is 0 up to the surplus limit; above it is surplus.";
    RuleStructuralRed => "Structureel rood: rood aan het eind van het ingestelde aantal perioden op rij, of nu dieper dan de kredietgrens.", "Structurally red: red at the end of the set number of periods in a row, or now deeper than the credit.";
    RuleTemporary => "Tijdelijk rood of overschot: nu rood of overschot, maar nog niet zo lang.", "Temporarily red or surplus: red or surplus now, but not for that long yet.";
    RuleSurplus => "Structureel overschot: een overschot aan het eind van het ingestelde aantal perioden op rij.", "Structural surplus: a surplus at the end of the set number of periods in a row.";
    RuleTrend => "'Steeds verder rood': het saldo daalde in elk van de laatste 3 perioden.", "'Sliding deeper into the red': the balance fell in each of the last 3 periods.";
    RuleStockTake => "Balans opmaken: oranje na het ingestelde aantal dagen, rood na twee keer zo lang.", "Stock-take: amber after the set number of days, red after twice as long.";
    RunningSaldo => "Saldo partij", "Party's balance";
    RunningSaldoHelp => "Het saldo van de partij van die regel (wij of de klant) na die boeking", "The balance of that line's party (us or the client) after that entry";
    RunningSaldoSupplier => "Ons saldo:", "Our balance:";
    RunningSaldoClient => "Saldo klant:", "Client's balance:";
    RowActionsNamed => "Acties voor {entry}", "Actions for {entry}";
    SafariNote => "Safari wist gegevens van websites die je 7 dagen niet bezoekt. Exporteer regelmatig een back-up.", "Safari deletes data of websites you have not visited for 7 days. Export a backup regularly.";
    Save => "Opslaan", "Save";
    SaveEntry => "Wijziging opslaan", "Save change";
    SaveStockTake => "Balans vastleggen", "Record stock-take";
    SearchClients => "Zoek op naam, organisatie of accountmanager", "Search by name, organisation or account manager";
    SettingsSaved => "Instellingen opgeslagen.", "Settings saved.";
    ShowArchived => "Gearchiveerde klanten tonen ({n})", "Show archived clients ({n})";
    StockTakeTitle => "Balans opmaken", "Take stock";
    StockTakeIntro => "Kijk samen naar de cijfers: waar staan we, hoe komt dat, en wat spreken we af?", "Look at the figures: where do we stand, why, and what do we agree?";
    StockTakeFigures => "Nu: ons saldo {us}, saldo klant {them}, status {status}, {open} {open:opname|opnames} nog goed te maken.", "Now: our balance {us}, client balance {them}, status {status}, {open} {open:withdrawal|withdrawals} still to make good.";
    StockTakeHistory => "Eerdere balansen", "Earlier stock-takes";
    StockTakeRecord => "wij {us}, klant {them}, {status}", "us {us}, client {them}, {status}";
    StockTakeSaved => "Balans vastgelegd.", "Stock-take recorded.";
    StorageTitle => "Opslag in deze browser", "Storage in this browser";
    TabLedger => "Rekening", "Account";
    TabBreakdown => "Verdeling", "Breakdown";
    TabStockTake => "Balans opmaken", "Stock-take";
    TabSettings => "Instellingen", "Settings";
    TabMoments => "Contactmomenten", "Interaction moments";
    TabAssessments => "Zelftoetsen", "Self-assessments";
    FieldDescription => "Omschrijving", "Description";
    ErrDateRange => "Kies een datum tussen 1990 en 2199.", "Choose a date between 1990 and 2199.";
    ErrUnknownQuestionnaire => "Vragenlijst '{id}' is onbekend in deze versie van de app.", "Questionnaire '{id}' is unknown to this version of the app.";
    ErrNewerQuestionnaire => "Vragenlijst '{id}' versie {version} komt van een nieuwere versie van de app.", "Questionnaire '{id}' version {version} comes from a newer version of the app.";
    ErrUnknownItem => "Antwoord op onbekende vraag '{id}'.", "Answer to an unknown question '{id}'.";
    ErrGroupFigure => "Een groepsscore ({id}) past niet bij de vragenlijst.", "A group figure ({id}) does not fit the questionnaire.";
    ErrAnswerMismatch => "Het antwoord op '{id}' past niet bij de vraag.", "The answer to '{id}' does not fit the question.";
    ErrAnswerTooLong => "Het antwoord op '{id}' is langer dan {max} tekens.", "The answer to '{id}' is longer than {max} characters.";
    ErrNoExtra => "Vul bij vraag 3 eerst het extraatje in dat je wilt plannen.", "First fill in the extra you want to plan at question 3.";
    ErrDueRequired => "Kies een concrete datum: 'zo snel mogelijk' is geen deadline.", "Choose a concrete date: 'as soon as possible' is not a deadline.";
    ErrDueBeforeMoment => "De deadline ligt vóór het contactmoment.", "The due date lies before the interaction.";
    ErrDoneBeforeMoment => "De actie is afgerond vóór het contactmoment.", "The action was done before the interaction.";
    ErrBadBooking => "De geboekte storting van deze actie bestaat niet (meer).", "The deposit booked for this action does not exist (any more).";
    ErrDuplicateRecord => "Id {id} komt twee keer voor.", "Id {id} occurs twice.";
    ErrInMoment => "Contactmoment {id}: {problem}", "Interaction {id}: {problem}";
    ErrInAssessment => "Zelftoets {id}: {problem}", "Self-assessment {id}: {problem}";
    KindMeeting => "Overleg", "Meeting";
    KindCall => "Telefoongesprek", "Phone call";
    KindMail => "E-mail", "E-mail";
    KindDelivery => "Oplevering", "Delivery";
    KindInvoice => "Factuur", "Invoice";
    KindOther => "Overig", "Other";
    OutcomeDissatisfied => "Ontevreden", "Dissatisfied";
    OutcomeSatisfied => "Tevreden", "Satisfied";
    OutcomePromoter => "Promotor", "Promoter";
    Skip => "Overslaan", "Skip";
    RadarTitle => "Radar van {title}", "Radar of {title}";
    AssessmentsIntro => "Kijk eerlijk naar je eigen kant van de relatie. Vul een zelftoets regelmatig in, bijvoorbeeld bij elke balans, en vergelijk met de vorige keer.", "Take an honest look at your own side of the relationship. Fill in a self-assessment regularly, for example at every stock-take, and compare with the last time.";
    AssessmentLatest => "Laatste score: {total}/100 op {date} ({n} keer ingevuld).", "Latest score: {total}/100 on {date} (filled in {n} times).";
    AssessmentNone => "Nog niet ingevuld.", "Not filled in yet.";
    AssessmentNoScore => "{n} keer ingevuld, alles overgeslagen: nog geen score.", "Filled in {n} times, everything skipped: no score yet.";
    AssessmentOpen => "Openen", "Open";
    UnknownQuestionnaire => "Deze vragenlijst bestaat niet.", "This questionnaire does not exist.";
    BackToAssessments => "‹ Alle zelftoetsen", "‹ All self-assessments";
    AssessmentNew => "Nieuwe zelftoets invullen", "Fill in a new self-assessment";
    AssessmentSave => "Zelftoets opslaan", "Save self-assessment";
    AssessmentSaved => "Zelftoets opgeslagen.", "Self-assessment saved.";
    AssessmentDeleted => "Zelftoets verwijderd.", "Self-assessment deleted.";
    DeleteAssessment => "Zelftoets van {date} verwijderen", "Delete the self-assessment of {date}";
    AssessmentResult => "Uitkomst", "Result";
    CompareShown => "Tonen", "Show";
    CompareWith => "Vergelijken met", "Compare with";
    CompareNothing => "— niets —", "— nothing —";
    TotalOutOf100 => "Totaal {total}/100", "Total {total}/100";
    TotalDelta => "({delta} ten opzichte van de vergelijking)", "({delta} against the comparison)";
    AllSkipped => "Alles overgeslagen: geen score.", "Everything skipped: no score.";
    SectionColumn => "Principe", "Principle";
    Difference => "Verschil", "Difference";
    DifferenceHelp => "Verschil: de nieuwste min de vorige, in punten op 0–100 (25 punten is één stap op de schaal 1–5).", "Difference: the newest minus the previous, in points on 0–100 (25 points is one step on the 1–5 scale).";
    WeakestSection => "Zwakste principe: {section}", "Weakest principle: {section}";
    Tip => "Tip", "Tip";
    AttentionTitle => "Laag gescoord: bespreek dit eerst", "Scored low: talk about these first";
    HistoryPerSection => "Verloop per principe", "History per principle";
    TotalColumn => "Totaal", "Total";
    AnsweredCount => "{answered} van {total} beantwoord.", "{answered} of {total} answered.";
    MomentsTitle => "Contactmomenten", "Interaction moments";
    StatMoments => "Contactmomenten", "Interactions";
    StatExceeded => "Verwachting overtroffen", "Expectations exceeded";
    StatTreatment => "Gemiddeld bij vraag 2", "Average of question 2";
    StatOpenActions => "Openstaande acties", "Open actions";
    OpenWithOverdue => "{open} (waarvan {overdue} te laat)", "{open} ({overdue} overdue)";
    MomentNew => "Contactmoment vastleggen", "Log an interaction";
    MomentsList => "Alle contactmomenten", "All interaction moments";
    NoMoments => "Nog geen contactmomenten vastgelegd.", "No interaction moments logged yet.";
    MomentKind => "Soort contact", "Kind of contact";
    MomentSave => "Contactmoment opslaan", "Save interaction";
    MomentSaved => "Contactmoment opgeslagen.", "Interaction saved.";
    MomentDeleted => "Contactmoment verwijderd.", "Interaction deleted.";
    DeleteMoment => "Contactmoment van {date} verwijderen", "Delete the interaction of {date}";
    EditMoment => "Contactmoment van {date} bewerken", "Edit the interaction of {date}";
    PlanAsAction => "Het extraatje (vraag 3) als actie plannen, met een deadline", "Plan the extra (question 3) as an action, with a due date";
    PlanAsActionShort => "Als actie plannen", "Plan as action";
    DueDate => "Deadline", "Due date";
    DueHint => "Een echte datum: 'zo snel mogelijk' is geen deadline.", "A real date: 'as soon as possible' is not a deadline.";
    TreatmentScore => "Behandeling {score}/5", "Treatment {score}/5";
    Why => "Waarom", "Why";
    Extra => "Extraatje", "Extra";
    ActionDue => "Actie gepland, deadline {due}.", "Action planned, due {due}.";
    Overdue => "Te laat", "Overdue";
    MarkDone => "Als gedaan markeren", "Mark as done";
    ActionDoneOn => "Gedaan op {date}. Boek het als storting op de rekening:", "Done on {date}. Book it as a deposit on the account:";
    BookAsDeposit => "Als storting boeken", "Book as deposit";
    DepositBooked => "Storting geboekt.", "Deposit booked.";
    ActionBooked => "Gedaan op {date} en geboekt als storting {points}.", "Done on {date} and booked as a deposit of {points}.";
    ToLedger => "Naar de rekening", "To the account";
    FromMoment => "extraatje van contactmoment {date}", "extra from the interaction of {date}";
    HostmanshipShort => "Hostmanship {total}/100", "Hostmanship {total}/100";
    OpenActionsShort => "{n} openstaande {n:actie|acties}", "{n} open {n:action|actions}";
    TrendMoreRed => "Steeds verder rood", "Sliding deeper into the red";
    Undo => "Ongedaan maken", "Undo";
    Unknown => "(onbekend)", "(unknown)";
    Weight => "Gewicht", "Weight";
    ErrNotFound => "Dit bestaat niet meer; misschien is het in een ander tabblad verwijderd.", "This no longer exists; it may have been deleted in another tab.";
    ErrIdInUse => "Dit is al vastgelegd.", "This has been recorded already.";
    ErrHasRepairs => "Deze opname is goedgemaakt door een latere storting; zo gewijzigd past die koppeling niet meer. Ontkoppel eerst de storting.", "This withdrawal is made good by a later deposit; changed like this, that link no longer fits. Unlink the deposit first.";
    ErrBookedExtra => "Deze boeking is het geboekte extraatje van een contactmoment en blijft een storting van ons.", "This entry is the booked extra of an interaction moment and stays a deposit of ours.";
    ErrCategoryInUse => "Deze categorie wordt nog gebruikt.", "This category is still in use.";
    ErrAlreadyPlanned => "Het extraatje is al als actie gepland.", "The extra is planned as an action already.";
    ErrAlreadyDone => "Deze actie is al gedaan.", "This action is done already.";
    ErrNoAction => "Er is geen actie gepland.", "No action is planned.";
    ErrNotPlanned => "Dit moment is al geweest; de voorbereiding blijft zoals ze was.", "This moment has taken place; its preparation stays as it was.";
    ErrNotBookable => "Er is geen gedane, nog niet geboekte actie om te boeken.", "There is no done, unbooked action to book.";
    ErrRepairOtherParty => "Alleen de partij die opnam kan het goedmaken: kies een opname van dezelfde partij.", "Only the party that withdrew can make it good: choose a withdrawal of the same party.";
    WarnFuture => "Let op: {date} ligt in de toekomst. De boeking wordt bewaard, maar telt pas mee in het saldo vanaf die dag.", "Note: {date} is in the future. The entry is kept, but counts in the saldo only from that day.";
    WarnFarPast => "Let op: {date} is meer dan twintig jaar geleden. Klopt het jaartal?", "Note: {date} is more than twenty years ago. Is the year right?";
    DecodeWrongKey => "Dit record staat onder de sleutel {key}, maar hoort bij klant {found}. Het is apart gezet zodat het die klant niet kan overschrijven.", "This record is stored under the key {key} but belongs to client {found}. It was set aside so it cannot overwrite that client.";
    DecodeBadText => "De gegevens bevatten ongeldige tekens; ze zijn ongewijzigd apart gezet.", "The data contains invalid characters; it was set aside unchanged.";
    WeightExample => "Voorbeeld: {weight} = {text}", "Example: {weight} = {text}";
    ActionMarkedDone => "Actie als gedaan gemarkeerd.", "Action marked as done.";
    ArchiveNamed => "{client} archiveren", "Archive {client}";
    UnarchiveNamed => "{client} uit archief halen", "Unarchive {client}";
    EditClientNamed => "{client} bewerken", "Edit {client}";
    DeleteClientNamed => "{client} verwijderen", "Delete {client}";
    ClientArchived => "Klant gearchiveerd.", "Client archived.";
    ClientUnarchived => "Klant uit het archief gehaald.", "Client unarchived.";
    BannerDeletedThere => "'{client}' is in een ander tabblad verwijderd, maar in dit tabblad nog gewijzigd. Bewaren of verwijderen?", "'{client}' was deleted in another tab but still changed in this one. Keep it or delete it?";
    BannerStartupUnreadable => "De opgeslagen gegevens konden bij het openen niet worden gelezen ({detail}). Er is niets overschreven; wat je nu doet wordt misschien niet bewaard. Herlaad de pagina of controleer de instellingen van de browser.", "The stored data could not be read when the app opened ({detail}). Nothing was overwritten; what you do now may not be kept. Reload the page or check the browser's settings.";
    BannerStartupRecords => "{n} opgeslagen {n:klant kon|klanten konden} niet worden gelezen. Ze zijn niet overschreven; herlaad de pagina om het opnieuw te proberen.", "{n} stored {n:client|clients} could not be read. They were not overwritten; reload the page to try again.";
    ConflictHere => "Dit tabblad", "This tab";
    ConflictThere => "Ander tabblad", "Other tab";
    ConflictShown => "Nu getoond", "Shown now";
    ConflictOther => "Andere wijziging", "The other change";
    BannerConflictTeam => "Twee mensen in het team hebben '{client}' tegelijk gewijzigd, op dezelfde plek. Kies per punt welke versie blijft; al het andere is al samengevoegd. Je keuze gaat naar het hele team.", "Two people in the team changed '{client}' at the same time, in the same place. Choose per point which version stays; everything else is merged already. Your choice goes to the whole team.";
    ConflictSave => "Keuzes opslaan", "Save choices";
    ConflictKeep => "Bewaren", "Keep";
    ConflictDelete => "Verwijderen", "Delete";
    BannerStoredUnreadable => "De opgeslagen kopie van '{client}' kon niet worden gelezen: de browser geeft hem niet terug. Je gegevens in dit tabblad zijn er nog. Sla ze opnieuw op om die kopie te vervangen, of download eerst een back-up.", "The stored copy of '{client}' could not be read: the browser does not return it. Your data in this tab is still here. Save it again to replace that copy, or download a backup first.";
    SaveAgain => "Opnieuw opslaan", "Save again";
    ConflictClient => "Klantgegevens", "Client details";
    ConflictCategory => "Eigen categorie {label}", "Own category {label}";
    ConflictEntry => "Boeking van {date} · {category}", "Entry of {date} · {category}";
    ConflictMoment => "Contactmoment van {date} · {what}", "Interaction of {date} · {what}";
    ConflictAssessment => "{what} van {date}", "{what} of {date}";
    ConflictDeletedRecord => "Verwijderd record", "Deleted record";
    ConflictDeletedValue => "verwijderd", "deleted";
    ConflictChangedValue => "gewijzigd", "changed";
    EntryName => "boeking van {date} · {category}", "entry of {date} · {category}";
    EditEntryNamed => "{entry} bewerken", "Edit {entry}";
    DeleteEntryNamed => "{entry} verwijderen", "Delete {entry}";
    MakeGoodNamed => "{entry} goedmaken", "Make good {entry}";
    EmptyUnreadableTitle => "Je gegevens konden niet worden gelezen", "Your data could not be read";
    EmptyUnreadable => "Er is opgeslagen data die de app bij het openen niet kon lezen; die is niet overschreven. Een nieuwe klant aanmaken kan, maar wordt misschien niet bewaard. Herlaad eerst de pagina.", "There is stored data the app could not read when it opened; it was not overwritten. You can create a new client, but it may not be kept. Reload the page first.";
    ErrAwaitingChoice => "Kies eerst bovenaan welke versie blijft: dit tabblad en een ander hebben deze klant tegelijk gewijzigd.", "First choose at the top which version stays: this tab and another changed this client at the same time.";
    ErrReadOnly => "Niet opgeslagen: deze browser bevat gegevens van een nieuwere versie van de app, dus deze versie verandert niets. Open de nieuwste versie.", "Not saved: this browser holds data of a newer version of the app, so this version changes nothing. Open the newest version.";
    ExportMenu => "Exporteren", "Export";
    FlagFuture => "{n} {n:boeking ligt|boekingen liggen} in de toekomst: {n:ze staat|ze staan} in de lijst maar {n:telt|tellen} pas mee vanaf {n:haar|hun} datum.", "{n} {n:entry lies|entries lie} in the future: listed, but {n:it counts|they count} only from {n:its|their} date.";
    FlagFarPast => "{n} {n:boeking is|boekingen zijn} meer dan twintig jaar oud: klopt het jaartal?", "{n} {n:entry is|entries are} more than twenty years old: is the year right?";
    FutureBadge => "toekomstig", "future";
    ImportBusy => "Bezig…", "Working…";
    ImportNotStored => "{stored} van {n} {n:klant is|klanten zijn} opgeslagen; de rest staat alleen in het geheugen omdat opslaan mislukte. Zie de melding bovenaan.", "{stored} of {n} {n:client was|clients were} stored; the rest is in memory only because saving failed. See the message at the top.";
    ImportRefusedReadOnly => "Niet geïmporteerd: deze browser bevat gegevens van een nieuwere versie van de app. Er is niets veranderd.", "Not imported: this browser holds data of a newer version of the app. Nothing was changed.";
    RepairsSearch => "Zoek in de {n} openstaande {n:opname|opnames} van deze partij", "Search the {n} open {n:withdrawal|withdrawals} of this party";
    RuleFuture => "Een boeking met een datum na vandaag wordt bewaard maar telt pas mee vanaf die datum.", "An entry dated after today is kept but counts only from that date.";
    WeakestNone => "Alle principes scoren gelijk: geen enkel principe springt eruit.", "All principles score the same: no principle stands out.";
    GapHigher => "Je schat {principle} {points} punt hoger in dan de klant.", "You rate {principle} {points} points higher than the client does.";
    GapLower => "Je schat {principle} {points} punt lager in dan de klant.", "You rate {principle} {points} points lower than the client does.";
    GapEqual => "Over {principle} zijn jij en de klant het eens.", "You and the client agree on {principle}.";
    CodeNotACode => "Dit is geen code van Klantbankrekening. Plak de hele link of code.", "This is not a Klantbankrekening code. Paste the whole link or code.";
    CodeChecksum => "Deze code is veranderd of afgeknipt. Vraag de afzender de hele link opnieuw te sturen.", "This code was changed or cut off. Ask the sender to send the whole link again.";
    CodeNewer => "Deze code is gemaakt door een nieuwere versie van de app. Open de nieuwste versie.", "This code was made by a newer version of the app. Open the newest version.";
    CodeWrongKind => "Dit is een ander soort code: een uitnodiging in plaats van antwoorden, of een code voor een klant in plaats van een workshop.", "This is another kind of code: an invite instead of answers, or a client code instead of a workshop code.";
    CodeUnknownExercise => "Deze code bevat een oefening die deze versie van de app niet kent.", "This code holds an exercise this version of the app does not know.";
    CodeOtherVersion => "Deze code is ingevuld met een andere versie van „{title}”.", "This code was answered with another version of “{title}”.";
    CodeOtherSession => "Deze antwoorden horen bij een andere sessie of klantuitnodiging.", "These answers belong to another session or client invite.";
    CodeMalformed => "De antwoorden in deze code passen niet bij de vragenlijst.", "The answers in this code do not fit the questionnaire.";
    RoundMessage => "Beste klant,\n\nWij willen graag van u horen hoe u onze samenwerking ervaart. Wilt u deze korte vragenlijst invullen? Het kost een paar minuten en elke vraag mag u overslaan:\n\n{link}\n\nEr wordt niets op een server opgeslagen: aan het eind krijgt u een link met uw antwoorden, die u zelf aan ons terugstuurt.\n\nMet vriendelijke groet,\n{sender}", "Dear client,\n\nWe would like to hear how you experience our cooperation. Would you fill in this short questionnaire? It takes a few minutes and you may skip any question:\n\n{link}\n\nNothing is stored on any server: at the end you get a link with your answers, which you send back to us yourself.\n\nKind regards,\n{sender}";
    RoundMessageAnonymous => "Beste klant,\n\nWij willen graag van u horen hoe u onze samenwerking ervaart. Wilt u deze korte vragenlijst invullen? Het kost een paar minuten en elke vraag mag u overslaan:\n\n{link}\n\nEr wordt niets op een server opgeslagen: aan het eind krijgt u een link met uw antwoorden, die u zelf aan ons terugstuurt.{sender}", "Dear client,\n\nWe would like to hear how you experience our cooperation. Would you fill in this short questionnaire? It takes a few minutes and you may skip any question:\n\n{link}\n\nNothing is stored on any server: at the end you get a link with your answers, which you send back to us yourself.{sender}";
    RoundMessageJe => "Hallo,\n\nWe horen graag van je hoe je onze samenwerking ervaart. Wil je deze korte vragenlijst invullen? Het kost een paar minuten en elke vraag mag je overslaan:\n\n{link}\n\nEr wordt niets op een server opgeslagen: aan het eind krijg je een link met je antwoorden, die je zelf aan ons terugstuurt.\n\nGroet,\n{sender}", "Hello,\n\nWe would like to hear how you experience our cooperation. Would you fill in this short questionnaire? It takes a few minutes and you may skip any question:\n\n{link}\n\nNothing is stored on any server: at the end you get a link with your answers, which you send back to us yourself.\n\nBest wishes,\n{sender}";
    RoundMessageAnonymousJe => "Hallo,\n\nWe horen graag van je hoe je onze samenwerking ervaart. Wil je deze korte vragenlijst invullen? Het kost een paar minuten en elke vraag mag je overslaan:\n\n{link}\n\nEr wordt niets op een server opgeslagen: aan het eind krijg je een link met je antwoorden, die je zelf aan ons terugstuurt.{sender}", "Hello,\n\nWe would like to hear how you experience our cooperation. Would you fill in this short questionnaire? It takes a few minutes and you may skip any question:\n\n{link}\n\nNothing is stored on any server: at the end you get a link with your answers, which you send back to us yourself.{sender}";
    RoundBookLowNote => "Scorecard van de klant: totaalscore {mean} op 5", "Client's scorecard: overall score {mean} out of 5";
    RoundBookPromoterNote => "Scorecard van de klant: verwachting overtroffen (totaalscore {mean} op 5)", "Client's scorecard: expectation exceeded (overall score {mean} out of 5)";
    ErrInRound => "Klantuitnodiging {id}: {problem}", "Client invite {id}: {problem}";
    WorkshopNoExercise => "Kies minstens één oefening.", "Choose at least one exercise.";
    WorkshopParticipantN => "deelnemer {n}", "participant {n}";
    CsvParticipant => "Deelnemer", "Participant";
    CsvExercise => "Oefening", "Exercise";
    CsvSection => "Onderdeel", "Part";
    CsvStatement => "Stelling", "Statement";
    CsvAnswer => "Antwoord", "Answer";
    CsvScore => "Score (0-100)", "Score (0-100)";
    NavWorkshops => "Workshop", "Workshop";
    TabClientView => "Klant aan het woord", "Client's view";
    LanguageDutch => "Nederlands", "Dutch";
    LanguageEnglish => "Engels", "English";
    LinkLabel => "Link", "Link";
    CopyLink => "Kopieer link", "Copy link";
    ShareLink => "Delen…", "Share…";
    Copied => "Gekopieerd.", "Copied.";
    CopyFailed => "Kopiëren lukte niet: selecteer de link en kopieer hem zelf.", "Copying failed: select the link and copy it yourself.";
    WorkshopsTitle => "Workshops", "Workshops";
    WorkshopsIntro => "Laat een groep tegelijk één klantrelatie scoren, op hun telefoon. Er is geen server: de uitnodiging en de antwoorden reizen als link, QR-code of bestand.", "Let a group score one client relationship at the same time, on their phones. There is no server: the invite and the answers travel as a link, QR code or file.";
    WorkshopsList => "Sessies", "Sessions";
    WorkshopUntitled => "Workshop zonder titel", "Untitled workshop";
    WorkshopListMeta => "{date} · {n} {n:deelnemer|deelnemers}", "{date} · {n} {n:participant|participants}";
    WorkshopNew => "Nieuwe sessie", "New session";
    WorkshopCaseTitle => "Titel van de casus", "Case title";
    WorkshopTitleWarning => "Let op: de titel reist mee in de uitnodigingslink. Kies een codenaam (\"Casus Noord\") in plaats van de echte naam van een klant.", "Note: the title travels in the invite link. Choose a code name (\"Case North\") rather than a client's real name.";
    WorkshopLanguage => "Taal van de deelnemers", "Participants' language";
    WorkshopExercises => "Oefeningen", "Exercises";
    WorkshopCreate => "Sessie maken", "Create session";
    WorkshopMeta => "{date} · {lang} · {exercises}", "{date} · {lang} · {exercises}";
    WorkshopRevealed => "Resultaten getoond.", "Results revealed.";
    WorkshopHidden => "Resultaten verborgen.", "Results hidden.";
    WorkshopDeleted => "Sessie verwijderd.", "Session deleted.";
    WorkshopInvite => "Uitnodiging", "Invite";
    WorkshopInviteHelp => "Projecteer de QR-code of deel de link. Deelnemers hebben geen account nodig; er wordt niets op een server opgeslagen.", "Project the QR code or share the link. Participants need no account; nothing is stored on any server.";
    WorkshopInviteQr => "QR-code van de uitnodigingslink", "QR code of the invite link";
    WorkshopReveal => "Toon resultaten", "Reveal results";
    WorkshopHide => "Verberg resultaten", "Hide results";
    WorkshopCsv => "Exporteer CSV", "Export CSV";
    WorkshopDelete => "Verwijder sessie", "Delete session";
    PrintHandout => "Print hand-out", "Print handout";
    CollectTitle => "Antwoorden verzamelen", "Collect answers";
    CollectCount => "{n} beantwoord", "{n} answered";
    CollectPaste => "Plak antwoordlinks of -codes (één of meer, of een heel chatbericht)", "Paste return links or codes (one or more, or a whole chat message)";
    CollectFiles => "Kies antwoordbestanden", "Choose return files";
    CollectDrop => "of sleep ze hierheen", "or drop them here";
    CollectAdd => "Toevoegen", "Add";
    CollectAdded => "Toegevoegd: {who}.", "Added: {who}.";
    CollectReplaced => "{who} stuurde opnieuw: de eerdere antwoorden zijn vervangen.", "{who} sent again: the earlier answers were replaced.";
    CollectDuplicate => "Al toegevoegd: de antwoorden van {who} staan er al precies zo in.", "Already added: {who}'s answers are in exactly like this.";
    ScanStart => "Scannen met de camera", "Scan with the camera";
    ScanStop => "Stop met scannen", "Stop scanning";
    ScanVideo => "Wat de camera ziet", "What the camera sees";
    ScanCountOf => "{n} van {of}", "{n} of {of}";
    ScanExpected => "Verwacht aantal deelnemers", "Expected participants";
    CameraRefused => "De camera mag niet worden gebruikt: sta de camera toe in de instellingen van de browser. Plakken werkt gewoon.", "The camera may not be used: allow it in the browser's settings. Pasting still works.";
    CameraAbsent => "Er is geen camera gevonden. Plakken werkt gewoon.", "No camera was found. Pasting still works.";
    CameraBusy => "De camera is in gebruik door een ander programma. Sluit dat en probeer opnieuw, of plak de links.", "The camera is in use by another program. Close it and try again, or paste the links.";
    CameraUnsupported => "Deze browser kan hier de camera niet gebruiken. Plakken werkt gewoon.", "This browser cannot use the camera here. Pasting still works.";
    CollectRefused => "Geweigerd ({code}…): {reason}", "Refused ({code}…): {reason}";
    CollectFileTooLarge => "Geweigerd: {name} is te groot voor een antwoordbestand.", "Refused: {name} is too large for a return file.";
    GroupStats => "gemiddeld {mean} · bereik {min}–{max} ({range}) · sd {sd} · n {n}", "mean {mean} · range {min}–{max} ({range}) · sd {sd} · n {n}";
    ProjectorOpen => "Projector", "Projector";
    ProjectorOpenHelp => "Toont de resultaten schermvullend, groot genoeg voor achter in de zaal. Pijltjes: volgende en vorige; Esc: terug.", "Shows the results full screen, large enough for the back of the room. Arrows: next and previous; Esc: back.";
    ProjectorPosition => "{n} / {of}", "{n} / {of}";
    ProjectorEmpty => "Nog geen antwoorden om te tonen.", "No answers to show yet.";
    ProjectorNotRevealed => "Onthul eerst de resultaten; daarna kun je ze projecteren.", "Reveal the results first; then you can project them.";
    ProjectorNav => "Dia's", "Slides";
    ProjectorPrev => "Vorige", "Previous";
    ProjectorNext => "Volgende", "Next";
    ProjectorClose => "Sluiten (Esc)", "Close (Esc)";
    ProjectorOrder => "Meeste verschil van mening bovenaan. Elke stip is één deelnemer, de streep het groepsgemiddelde; de spreiding zegt hoe ver de scores gemiddeld van dat gemiddelde liggen.", "Most disagreement at the top. Each dot is one participant, the bar the group mean; the spread says how far the scores lie from that mean on average.";
    ProjectorSpread => "spreiding {sd}", "spread {sd}";
    ProjectorOne => "één antwoord: een spreiding vraagt er twee", "one answer: a spread takes two";
    ProjectorTotal => "Groepstotaal {total} van 100 · {n} {n:deelnemer|deelnemers}", "Group total {total} out of 100 · {n} {n:participant|participants}";
    ProjectorNoTotal => "{n} {n:deelnemer|deelnemers}, nog geen score", "{n} {n:participant|participants}, no score yet";
    GroupSingle => "{value} · één antwoord: een spreiding vraagt er minstens twee", "{value} · one answer: a spread takes at least two";
    GroupStatsHelp => "Gemiddeld: het gemiddelde van de deelnemers; bereik: de laagste tot de hoogste score (tussen haakjes het verschil); sd: de standaardafwijking, hoe ver de scores gemiddeld van het gemiddelde liggen; n: hoeveel deelnemers antwoordden.", "Mean: the participants' average; range: the lowest to the highest score (the difference in brackets); sd: the standard deviation, how far the scores lie from the mean on average; n: how many participants answered.";
    WorkshopCsvHelp => "De CSV heeft één regel per deelnemer en stelling. \"Score (0-100)\" is het antwoord omgerekend naar 0–100 (1 = 0, 5 = 100; bij een keuze het aandeel van het beste antwoord), zodat schalen en keuzes vergelijkbaar zijn.", "The CSV has one row per participant and statement. \"Score (0-100)\" is the answer converted to 0–100 (1 = 0, 5 = 100; for a choice the share of the best answer), so scales and choices compare.";
    GroupAnswered => "{n} {n:deelnemer beantwoordde|deelnemers beantwoordden} deze oefening.", "{n} {n:participant|participants} answered this exercise.";
    GroupMean => "groepsgemiddelde", "group mean";
    GroupDisagreement => "Grootste verschillen van mening", "Largest disagreements";
    GroupLowest => "Stellingen met de laagste groepsscore", "Statements with the lowest group score";
    GroupNoAnswers => "nog geen antwoorden", "no answers yet";
    ScanOurSaldo => "Ons geschatte saldo", "Our estimated saldo";
    ScanClientSaldo => "Geschat saldo van de klant", "The client's estimated saldo";
    ScanEstimates => "schattingen: {values}", "estimates: {values}";
    ScanOftenTitle => "Opnames die de groep vaak noemde", "Withdrawals the group marked often";
    ScanOftenLine => "{label}: {n} van {of} deelnemers", "{label}: {n} of {of} participants";
    SaveGroupTitle => "Bewaar bij een klant", "Save onto a client";
    SaveGroupHelp => "Het groepsresultaat komt in de geschiedenis van de klant, naast de zelftoetsen, gemarkeerd als groepsresultaat.", "The group result goes into the client's history, beside the self-assessments, marked as a group result.";
    SaveGroupClient => "Klant", "Client";
    SaveGroupChoose => "Kies een klant…", "Choose a client…";
    SaveGroupButton => "Bewaar groepsresultaat", "Save group result";
    SaveGroupPickClient => "Kies eerst een klant.", "Choose a client first.";
    SaveGroupNothing => "Er is nog niets om te bewaren.", "There is nothing to save yet.";
    SaveGroupDone => "Groepsresultaat bewaard bij {client}.", "Group result saved onto {client}.";
    WorksheetTitle => "Leeg werkblad", "Blank worksheet";
    WorksheetHelp => "Voor zalen zonder telefoons: print een werkblad per deelnemer.", "For rooms without phones: print one worksheet per participant.";
    WorksheetPrint => "Print werkblad", "Print worksheet";
    WorksheetName => "Naam of codenaam: ____________________", "Name or code name: ____________________";
    ScaleExplained => "1 = helemaal niet waar, 5 = helemaal waar. Weet je het niet, sla de vraag dan over.", "1 = not true at all, 5 = completely true. If you do not know, skip the question.";
    ScaleExplainedU => "1 = helemaal niet waar, 5 = helemaal waar. Weet u het niet, sla de vraag dan over.", "1 = not true at all, 5 = completely true. If you do not know, skip the question.";
    ReturnTitle => "Antwoorden ontvangen", "Answers received";
    ReturnForWorkshop => "Antwoorden voor de workshop \"{title}\" ({who}).", "Answers for the workshop \"{title}\" ({who}).";
    ReturnFrom => "van {who}", "from {who}";
    ReturnForClient => "Antwoorden van de klant voor {client}.", "The client's answers for {client}.";
    ReturnAdd => "Voeg toe", "Add them";
    ReturnAlreadyAdded => "Deze antwoorden zijn al toegevoegd op {date}.", "These answers were already added on {date}.";
    ReturnOpenTarget => "Bekijk ze", "View them";
    ReturnNoName => "zonder naam", "no name";
    ReturnAdded => "Antwoorden van de klant toegevoegd.", "The client's answers were added.";
    ReturnNoSession => "Deze antwoorden horen bij een workshop die niet in deze browser staat. Open de link in de browser van de trainer.", "These answers belong to a workshop that is not in this browser. Open the link in the trainer's browser.";
    ReturnNoRound => "Deze antwoorden horen bij een klantuitnodiging die niet in deze browser staat.", "These answers belong to a client invite that is not in this browser.";
    ClientViewTitle => "Wat vindt de klant zelf?", "What does the client think?";
    ClientViewIntro => "Stuur je klant een korte vragenlijst over dezelfde zes principes als je eigen hostmanship-zelftoets. De antwoorden blijven dicht tot je voor die ronde je eigen scorecard hebt ingevuld: zo vergelijk je eerlijk. Er is geen server: de klant stuurt een link terug.", "Send your client a short questionnaire on the same six principles as your own hostmanship self-assessment. The answers stay closed until you have filled in your own scorecard for that round: so the comparison is honest. There is no server: the client sends a link back.";
    RoundNew => "Nieuwe klantuitnodiging", "New client invite";
    RoundSender => "Afzender (de klant ziet dit als eerste)", "Sender (the first thing the client sees)";
    RoundSenderHint => "Wie de klant om antwoorden vraagt: jouw naam en je organisatie, allebei nodig, zodat de klant weet van wie het komt. Reist mee in de link.", "Who asks the client for answers: your name and your organisation, both needed, so the client knows who it comes from. Travels in the link.";
    RoundLanguage => "Taal van de klant", "The client's language";
    RoundRegister => "Aanspreekvorm", "Form of address";
    RoundRegisterFormal => "u", "u (formal)";
    RoundRegisterInformal => "je", "je (informal)";
    RoundRegisterHint => "Hoe de vragenlijst de klant in het Nederlands aanspreekt: met u of met je. In het Engels is er één vorm.", "How the questionnaire addresses the client in Dutch: with \"u\" (formal) or \"je\" (informal). English has one form.";
    RoundCreate => "Maak uitnodiging", "Create invite";
    RoundCreated => "Uitnodiging gemaakt.", "Invite created.";
    RoundHead => "Ronde van {date} · {lang} · {n} {n:antwoord|antwoorden}", "Round of {date} · {lang} · {n} {n:answer|answers}";
    RoundInvite => "Uitnodiging om te versturen", "Invite to send";
    RoundInviteQr => "QR-code van de klantuitnodiging", "QR code of the client invite";
    RoundMessageLabel => "Bericht om te versturen", "Message to send";
    RoundCopyMessage => "Kopieer bericht", "Copy message";
    RoundPaste => "Plak hier de antwoordlink die de klant terugstuurde", "Paste the return link the client sent back";
    RoundContact => "contactpersoon", "contact";
    RoundStateWaiting => "wacht op antwoorden", "awaiting answers";
    RoundStateClosed => "gesloten", "closed";
    RoundStateOpen => "open", "open";
    RoundSealed => "{n} {n:antwoord|antwoorden} ontvangen, nog gesloten.", "{n} {n:answer|answers} received, still closed.";
    RoundSealedWhy => "Vul eerst je eigen hostmanship-scorecard voor deze ronde in, zonder de antwoorden van de klant te zien. Dan zie je het verschil eerlijk.", "First fill in your own hostmanship scorecard for this round, without seeing the client's answers. Then the difference is honest.";
    RoundFillOwn => "Vul mijn eigen scorecard in", "Fill in my own scorecard";
    RoundSkip => "Open zonder eigen scorecard", "Open without my own scorecard";
    RoundSkipConfirm => "Weet je het zeker? Zonder eigen scorecard vooraf kleuren de antwoorden van de klant je eigen beeld.", "Are you sure? Without your own scorecard first, the client's answers will colour your own view.";
    RoundSkipYes => "Ja, open zonder", "Yes, open without";
    RoundSkipped => "Antwoorden geopend zonder eigen scorecard.", "Answers opened without your own scorecard.";
    RoundRemove => "Verwijder ronde", "Delete round";
    RoundRemoved => "Ronde verwijderd.", "Round deleted.";
    GapTitle => "Vertrouwenskloof", "Trust gap";
    GapBasisBlind => "Vergeleken met je eigen scorecard van {date}, ingevuld voordat je de antwoorden zag.", "Compared with your own scorecard of {date}, filled in before you saw the answers.";
    GapBasisEarlier => "Je sloeg je eigen scorecard voor deze ronde over: vergeleken met je scorecard van {date}.", "You skipped your own scorecard for this round: compared with your scorecard of {date}.";
    GapBasisNone => "Je sloeg je eigen scorecard over en er is geen eerdere: alleen de kant van de klant.", "You skipped your own scorecard and there is no earlier one: only the client's side.";
    GapOurs => "wij {v}", "us {v}";
    GapTheirs => "klant {v}", "client {v}";
    GapNextTime => "Wat volgens de klant het verschil maakt", "What the client says would make the difference";
    GapRemarks => "Opmerkingen van de klant", "The client's remarks";
    GapHistoryTitle => "Kloof per ronde", "Gap per round";
    GapHistoryHelp => "Onze score min die van de klant, per principe (1–5): dichter bij 0 is kleiner.", "Our score minus the client's, per principle (1–5): closer to 0 is smaller.";
    GapPrinciple => "Principe", "Principle";
    ReturnListTitle => "Antwoorden per contactpersoon", "Answers per contact";
    ReturnLine => "{who}, ontvangen {date}: totaalscore {mean} op 5 (het gemiddelde van de zes principes) · laatste contact: {outcome}", "{who}, received {date}: overall score {mean} out of 5 (the mean of the six principles) · last contact: {outcome}";
    ReturnBookAs => "Boek als \"{category}\"", "Book as \"{category}\"";
    ReturnBooked => "Geboekt als boeking van {date}.", "Booked as the entry of {date}.";
    ReturnBookedDone => "Antwoord geboekt.", "Answer booked.";
    ImportSessions => "{n} {n:workshopsessie|workshopsessies} samengevoegd.", "{n} workshop {n:session|sessions} merged.";
    InviteBadTitle => "Deze uitnodiging werkt niet", "This invite does not work";
    InviteBadHelp => "Vraag wie je de link stuurde om hem opnieuw te sturen, of scan de QR-code nog eens.", "Ask whoever sent you the link to send it again, or scan the QR code once more.";
    InviteWorkshop => "Workshop", "Workshop";
    InviteWorkshopTitled => "Workshop: {title}", "Workshop: {title}";
    InviteClient => "Hoe ervaart u onze samenwerking?", "How do you experience our cooperation?";
    InviteClientFrom => "{sender} vraagt hoe u de samenwerking ervaart", "{sender} asks how you experience the cooperation";
    InviteClientJe => "Hoe ervaar je onze samenwerking?", "How do you experience our cooperation?";
    InviteClientFromJe => "{sender} vraagt hoe je de samenwerking ervaart", "{sender} asks how you experience the cooperation";
    InviteAccountExplained => "Elke klantrelatie is een rekening van vertrouwen: met wat je levert, luistert en nakomt stort je erop, met fouten, gebroken afspraken en elke vraag om betaling of inzet neem je ervan op. Denk bij deze oefening aan één klantrelatie.", "Every client relationship is an account of trust: what you deliver, listen to and keep deposits into it; errors, broken agreements and every request for payment or effort withdraw from it. Think of one client relationship during this exercise.";
    InviteNoServer => "Er wordt niets op een server opgeslagen. Je antwoorden blijven op dit toestel tot je ze zelf terugstuurt met de link aan het eind.", "Nothing is stored on any server. Your answers stay on this device until you send them back yourself with the link at the end.";
    InviteNoServerU => "Er wordt niets op een server opgeslagen. Uw antwoorden blijven op dit toestel tot u ze zelf terugstuurt met de link aan het eind.", "Nothing is stored on any server. Your answers stay on this device until you send them back yourself with the link at the end.";
    InvitePseudonym => "Schuilnaam (niet verplicht)", "Pseudonym (optional)";
    InvitePseudonymHint => "Zonder schuilnaam heet je voor de trainer \"deelnemer 3\" of zo.", "Without a pseudonym the trainer sees you as \"participant 3\" or similar.";
    InviteYourName => "Uw naam (niet verplicht)", "Your name (optional)";
    InviteYourNameJe => "Je naam (niet verplicht)", "Your name (optional)";
    InviteNameHint => "Zo weet de leverancier van wie de antwoorden zijn. Leeg laten mag.", "So the supplier knows whose answers these are. You may leave it empty.";
    InviteStart => "Begin", "Start";
    InviteContinue => "Ga verder waar je was", "Continue where you were";
    InviteContinueU => "Ga verder waar u was", "Continue where you were";
    StepOf => "Stap {n} van {of}", "Step {n} of {of}";
    ScaleLow => "1 = helemaal niet waar", "1 = not true at all";
    ScaleHigh => "5 = helemaal waar", "5 = completely true";
    Back => "Terug", "Back";
    Finish => "Klaar", "Finish";
    DoneWorkshop => "Klaar! Dit is je eigen resultaat", "Done! This is your own result";
    DoneClient => "Dank u wel!", "Thank you!";
    DoneClientText => "Uw antwoorden helpen ons u beter te bedienen. Stuur ze terug met de link hieronder.", "Your answers help us serve you better. Send them back with the link below.";
    DoneClientJe => "Dank je wel!", "Thank you!";
    DoneClientTextJe => "Je antwoorden helpen ons je beter te bedienen. Stuur ze terug met de link hieronder.", "Your answers help us serve you better. Send them back with the link below.";
    DoneSteps => "Je hebt {n} stappen doorlopen. Je antwoorden blijven op dit toestel bewaard.", "You went through {n} steps. Your answers stay kept on this device.";
    DoneStepsU => "U hebt {n} stappen doorlopen. Uw antwoorden blijven op dit toestel bewaard.", "You went through {n} steps. Your answers stay kept on this device.";
    ReturnSendTrainer => "Stuur je antwoorden naar de trainer", "Send your answers to the trainer";
    ReturnSendTo => "Stuur uw antwoorden terug naar {sender}", "Send your answers back to {sender}";
    ReturnSendBack => "Stuur uw antwoorden terug", "Send your answers back";
    ReturnSendToJe => "Stuur je antwoorden terug naar {sender}", "Send your answers back to {sender}";
    ReturnSendBackJe => "Stuur je antwoorden terug", "Send your answers back";
    ReturnHow => "Laat de QR-code scannen, kopieer de link in een chat of mail, deel hem, of download hem als bestand.", "Let the QR code be scanned, copy the link into a chat or mail, share it, or download it as a file.";
    ReturnHowClient => "Kopieer de link in een mail of chat, deel hem, of download hem als bestand en stuur dat mee.", "Copy the link into a mail or chat, share it, or download it as a file and send that.";
    ReturnBrightness => "Zet de helderheid van je scherm op het hoogst en houd je telefoon stil voor de camera van de trainer.", "Turn your screen's brightness all the way up and hold your phone still in front of the trainer's camera.";
    ReturnQr => "QR-code van de antwoordlink", "QR code of the return link";
    ReturnShareText => "Mijn antwoorden (Klantbankrekening)", "My answers (Klantbankrekening)";
    ReturnFile => "Download als bestand", "Download as a file";
    ChangeAnswers => "Antwoorden aanpassen", "Change answers";
    YourScore => "jouw score", "your score";
    GroupResultBadge => "groep: {title} ({n})", "group: {title} ({n})";
    GroupFiguresIntro => "Groepsresultaat van de workshop \"{title}\" met {n} {n:deelnemer|deelnemers}: per principe het gemiddelde van hun eigen scores, precies zoals de workshop het toonde. De spreiding is de standaardafwijking: hoe ver de scores gemiddeld van dat gemiddelde liggen.", "Group result of the workshop \"{title}\" with {n} {n:participant|participants}: per principle the mean of their own scores, exactly as the workshop showed it. The spread is the standard deviation: how far the scores lie from that mean on average.";
    GroupFigureLine => "{mean} · {spread} · {n} {n:antwoord|antwoorden}", "{mean} · {spread} · {n} {n:answer|answers}";
    GroupFigureSpread => "spreiding {sd}", "spread {sd}";
    GroupFigureNoSpread => "geen spreiding (daarvoor zijn twee antwoorden nodig)", "no spread (that takes two answers)";
    ForClientRound => "voor klantronde", "for client round";
    GroupNoSpread => "Nog geen spreiding: daarvoor zijn minstens twee antwoorden per principe nodig.", "No spread yet: that takes at least two answers per principle.";
    ScanOftenNone => "Niemand noemde een opname \"vaak\".", "Nobody marked a withdrawal \"often\".";
    ScanOf => "Snelle scan van {date}", "Quick scan of {date}";
    ScanOftenOurs => "Onze opnames die vaak voorkwamen", "Our withdrawals that happened often";
    ScanEntriesHelp => "Wil je verder met een echte rekening? De scan wordt dan {n} boekingen, verspreid over het afgelopen jaar, met het standaardgewicht.", "Want to go on with a real account? The scan then becomes {n} entries, spread over the past year, at the default weight.";
    ScanMakeEntries => "Maak boekingen van deze scan", "Turn this scan into entries";
    ScanEntriesConfirm => "{n} boekingen toevoegen aan het grootboek van deze klant?", "Add {n} entries to this client's ledger?";
    ScanMakeYes => "Ja, voeg toe", "Yes, add them";
    ScanEntriesMade => "{n} boekingen toegevoegd.", "{n} entries added.";
    StartFromScan => "Nog geen boekingen? Begin met een snelle scan: geef aan hoe vaak elke storting en opname het afgelopen jaar voorkwam.", "No entries yet? Start with a quick scan: mark how often each deposit and withdrawal happened in the past year.";
    StartFromScanLink => "Snelle scan invullen", "Fill in a quick scan";
    ScanLatest => "Laatste scan {date}: ons geschatte saldo {saldo} ({status}).", "Latest scan {date}: our estimated saldo {saldo} ({status}).";
    BackToClient => "Terug naar de klant", "Back to the client";
    HandoutDate => "Stand van {date}", "As of {date}";
    HandoutWithdrawals => "Grootste opnames", "Largest withdrawals";
    HandoutActions => "Open acties", "Open actions";
    HandoutOverdue => "{due} (te laat)", "{due} (overdue)";
    HandoutOpen => "Hand-out", "Handout";
    CauseForgotten => "Vergeten", "Forgotten";
    CauseHoliday => "Vakantie", "Holiday";
    CausePaymentTerm => "Andere betaaltermijn", "Another payment term";
    CauseDissatisfied => "Ontevreden", "Dissatisfied";
    CauseInvoiceWrong => "Fout in de factuur", "Error in the invoice";
    CauseAdministrative => "Administratief (inkoopnummer, referentie, adres)", "Administrative (order number, reference, address)";
    ValueGreater => "Ja, de waarde is groter dan de prijs", "Yes, the value is greater than the price";
    ValueEqual => "Ongeveer gelijk", "About equal";
    ValueSmaller => "Nee, de prijs is groter dan de waarde", "No, the price is greater than the value";
    BondingDescription => "Bellen om te luisteren en samen een oplossing te zoeken", "Call to listen and find a solution together";
    BondingExpectation => "Dat we echt luisteren naar wat er misging, zonder ons te verdedigen.", "That we really listen to what went wrong, without defending ourselves.";
    BondingTreatment => "Serieus genomen worden en zelf mee mogen beslissen over de oplossing.", "Being taken seriously and having a say in the solution.";
    BondingExtra => "Samen een oplossing afspreken en die dezelfde week uitvoeren.", "Agree on a solution together and carry it out the same week.";
    ErrDisputeNotDebtor => "Alleen een late betaling of een betwiste factuur van deze klant kan worden opgevolgd.", "Only a late payment or a disputed invoice of this client can be followed up.";
    ErrDisputeTwice => "Deze betaling wordt al opgevolgd.", "This payment is already followed up.";
    ErrDisputeOurs => "Kies een opname van ons, en alleen bij ontevredenheid.", "Choose a withdrawal of ours, and only when the client is dissatisfied.";
    ErrInDispute => "Opvolging {id}: {problem}", "Follow-up {id}: {problem}";
    StatusStarting => "Startfase", "Starting phase";
    AdviceStarting => "Begin met storten: geef eerst, voordat je iets vraagt. Denk aan een nuttige whitepaper, een demonstratiebezoek of een voorstel dat laat zien dat je geluisterd hebt; heldere betaalafspraken tellen ook.", "Start by depositing: give first, before you ask anything. Think of a useful whitepaper, a demonstration visit or a proposal that shows you listened; clear payment agreements count too.";
    ReasonStartPhase => "Nieuwe relatie: startfase tot {until}, {n} van {needed} eerste stortingen gedaan (saldo {saldo}). Rood op dag één is normaal; vertrouwen begint met geven.", "New relationship: starting phase until {until}, {n} of {needed} first deposits made (saldo {saldo}). Red on day one is normal; trust starts with giving.";
    PrepareNew => "Bereid een moment voor", "Prepare a moment";
    PrepareIntro => "Stel de drie vragen vóór het moment, als voornemen. Het extraatje wordt een actie op de dag zelf; achteraf kijk je terug.", "Ask the three questions before the moment, as intentions. The extra becomes an action on the day itself; afterwards you look back.";
    PrepareExpectation => "Wat verwacht de klant van dit moment?", "What does the client expect of this moment?";
    PrepareTreatment => "Hoe zou ik in zijn plaats behandeld willen worden?", "How would I want to be treated in their place?";
    PrepareExtra => "Welk klein extraatje voeg ik deze keer toe?", "Which little extra will I add this time?";
    PrepareExtraHint => "Het extraatje wordt een actie met de datum van het moment als deadline.", "The extra becomes an action with the date of the moment as its due date.";
    PrepareSave => "Voorbereiding opslaan", "Save preparation";
    PreparedTitle => "Voorbereid", "Prepared";
    MomentPrepared => "Moment voorbereid.", "Moment prepared.";
    MomentPlannedBadge => "gepland", "planned";
    MomentAfter => "Terugblikken", "Look back";
    ValueQuestion => "Is de waarde voor deze klant groter dan de prijs?", "Is the value for this client greater than the price?";
    StatValue => "Waarde groter dan prijs", "Value greater than price";
    ValueStat => "{n} van {of} facturen; laatste: {last}", "{n} of {of} invoices; latest: {last}";
    DisputesTitle => "Betalingen en geschillen", "Payments and disputes";
    DisputeStats => "{total} opgevolgd: {open} open, {solved} opgelost, {unsolved} niet opgelost, {ambassadors} later ambassadeur. {causes}", "{total} followed up: {open} open, {solved} solved, {unsolved} not solved, {ambassadors} later an ambassador. {causes}";
    DisputeLine => "{date}: {cause}", "{date}: {cause}";
    DisputePointsTo => "(wees naar: {ours})", "(pointed to: {ours})";
    DisputeOpen => "nog open", "still open";
    DisputeSolved => "opgelost", "solved";
    DisputeUnsolved => "niet opgelost", "not solved";
    DisputeAmbassador => "opgelost, daarna ambassadeur", "solved, then an ambassador";
    DisputeMarkSolved => "Opgelost", "Solved";
    DisputeMarkUnsolved => "Niet opgelost", "Not solved";
    DisputeMarkAmbassador => "Beval ons later aan", "Recommended us later";
    DisputeSaved => "Opvolging opgeslagen.", "Follow-up saved.";
    DisputeBondingPlanned => "Opvolging opgeslagen en een verbindend gesprek voorbereid.", "Follow-up saved and a bonding call prepared.";
    DisputeAsk => "{what} op {date}: wat is de oorzaak?", "{what} on {date}: what is the cause?";
    DisputeAskInvoice => "{what} op {date}: waarom betwist de klant de factuur?", "{what} on {date}: why does the client dispute the invoice?";
    DisputeIntroInvoice => "Een betwiste factuur heeft een eigen oorzaak: een fout in de factuur (van ons), iets administratiefs, of ontevredenheid over het werk. Wijst het naar iets van ons, bel dan om te luisteren en samen een oplossing te zoeken.", "A disputed invoice has a cause of its own: an error in the invoice (ours), something administrative, or dissatisfaction with the work. When it points to something of ours, call to listen and find a solution together.";
    DisputeIntro => "Een late betaling is meestal vergeten, een vakantie of een andere betaaltermijn. Is de klant ontevreden, dan wijst dat naar iets van ons: bel om te luisteren en samen een oplossing te zoeken.", "A late payment is mostly forgetfulness, a holiday or another payment term. When the client is dissatisfied, it points to something of ours: call to listen and find a solution together.";
    DisputeCause => "Oorzaak", "Cause";
    DisputeOurs => "Naar welke opname van ons wijst het?", "Which withdrawal of ours does it point to?";
    DisputeOursNone => "(weet ik niet)", "(don't know)";
    DisputePlanCall => "Bereid een verbindend gesprek voor", "Prepare a bonding call";
    DisputePickCause => "Kies eerst een oorzaak.", "Choose a cause first.";
    Later => "Later", "Later";
    StartTitle => "Startfase: begin met storten", "Starting phase: start by depositing";
    StartText => "Deze relatie is nieuw (startfase tot {until}, {n} van 3 eerste stortingen gedaan). Rood in het begin is normaal: een eerste factuur of een kick-off vraagt al iets van de klant. Vertrouwen bouw je door eerst te geven.", "This relationship is new (starting phase until {until}, {n} of 3 first deposits made). Red at the start is normal: a first invoice or a kick-off already asks something of the client. Trust is built by giving first.";
    StartSuggest => "Eerste stortingen die passen (één tik boekt ze vandaag, met het standaardgewicht):", "First deposits that fit (one tap books them today, at the default weight):";
    SilenceText => "Stilte-alarm: {n} opnames van ons ({points}) sinds {since}, en geen contactmoment of balans in die tijd. De klant zegt vaak niets, maar komt plotseling in actie: maak een afspraak.", "Silence alarm: {n} withdrawals of ours ({points}) since {since}, and no interaction moment or stock-take in that time. The client often says nothing, then suddenly acts: make an appointment.";
    IndexationDue => "Jaarlijkse indexatie ({year}): zet vóór {due} een innovatie of besparing voor de klant tegenover de indexatie.", "Yearly indexation ({year}): before {due}, set an innovation or saving for the client against the indexation.";
    IndexationIndexed => "Indexatie {year} is geboekt, maar er staat nog geen innovatie of besparing tegenover. Doe dat vóór {due}.", "Indexation {year} is booked, but no innovation or saving is set against it yet. Do it before {due}.";
    SilenceBadge => "stilte-alarm", "silence alarm";
    IndexationBadge => "indexatiegesprek", "indexation review";
    PlannedShort => "{n} voorbereid", "{n} prepared";
    AgendaTitle => "Voorbereide momenten", "Prepared moments";
    AgendaToday => "Vandaag", "Today";
    AgendaLookBack => "{date} (nog terugblikken)", "{date} (still to look back on)";
    NavGuide => "Uitleg", "Guide";
    GuideTitle => "Uitleg: de klantbankrekening", "Guide: the client bank account";
    GuideIntro => "Een korte uitleg van het idee achter deze app, en waar je elk onderdeel vindt. Ook te printen als hand-out van één pagina.", "A short explanation of the idea behind this app, and where to find each part. Also printable as a one-page handout.";
    GuideAccountTitle => "Vertrouwen als een rekening", "Trust as an account";
    GuideAccountText => "Stephen Covey noemde het de emotionele bankrekening: elke relatie heeft een saldo van vertrouwen. Bij een klantrelatie zijn er twee rekeninghouders. Wij storten door te leveren, te luisteren, afspraken na te komen en net iets meer te doen; we nemen op met elke factuur, elke vraag om inzet, elke fout. De klant stort door op tijd te betalen, eerlijk te informeren en ons aan te bevelen, en neemt op met late betalingen en onredelijke eisen. Geef elke storting en opname een gewicht van 1 tot 5.", "Stephen Covey called it the emotional bank account: every relationship has a balance of trust. A client relationship has two account holders. We deposit by delivering, listening, keeping agreements and doing a little more; we withdraw with every invoice, every request for effort, every mistake. The client deposits by paying on time, informing honestly and recommending us, and withdraws with late payments and unreasonable demands. Give every deposit and withdrawal a weight from 1 to 5.";
    GuideCorridorTitle => "De corridor", "The corridor";
    GuideCorridorText => "Een klein positief saldo is gezond. Rood is niet meteen erg: tijdelijk rood hoort bij een factuur of een gevraagde inzet. Blijft het saldo meerdere periodes rood, of zakt het onder de kredietgrens, dan is het structureel rood: tijd voor een gesprek. Een blijvend groot overschot is ook een signaal: je geeft meer dan de relatie vraagt, of je vraagt te weinig.", "A small positive balance is healthy. Red is not bad at once: temporarily red comes with an invoice or a request for effort. When the balance stays red for several periods, or drops below the credit limit, it is structurally red: time for a conversation. A lasting large surplus is a signal too: you give more than the relationship asks, or ask too little.";
    GuideStartTitle => "Begin met storten", "Start by depositing";
    GuideStartText => "Een nieuwe relatie begint met geven: een nuttig stuk kennis, een demonstratie, een voorstel waaruit blijkt dat je luisterde, heldere betaalafspraken. De eerste factuur maakt het saldo daarna niet meteen rood. Daarom kent de app een startfase.", "A new relationship starts with giving: a useful piece of knowledge, a demonstration, a proposal that shows you listened, clear payment agreements. The first invoice then does not turn the balance red at once. That is why the app has a starting phase.";
    GuideStockTitle => "Balans opmaken", "Taking stock";
    GuideStockText => "Kijk regelmatig samen met je team naar beide saldi: wat zien we, wat spreken we af? De app herinnert je eraan en bewaart elke balans met de cijfers van dat moment.", "Look at both balances regularly with your team: what do we see, what do we agree? The app reminds you and keeps every stock-take with the figures of that moment.";
    GuideQuestionsTitle => "Drie vragen bij elk contact", "Three questions at every contact";
    GuideQuestionsText => "Stel bij elk contactmoment drie vragen, het liefst vooraf: wat verwacht de klant, hoe zou ik in zijn plaats behandeld willen worden, en welk klein extraatje voeg ik toe? Kijk achteraf terug: onder verwachting, zoals verwacht of overtroffen. Alleen een overtroffen verwachting maakt van een tevreden klant een promotor; een tevreden klant stapt net zo makkelijk over.", "Ask three questions at every interaction moment, preferably beforehand: what does the client expect, how would I want to be treated in their place, and which little extra do I add? Look back afterwards: below, as expected or exceeded. Only an exceeded expectation turns a satisfied client into a promoter; a satisfied client leaves just as easily.";
    GuideHostTitle => "Hostmanship en integriteit", "Hostmanship and integrity";
    GuideHostText => "Gastheerschap in zes principes: dienen, het geheel zien, verantwoordelijkheid nemen, consideratie hebben, dialoog voeren en kennis hebben. Toets jezelf per klant en zie welk principe de meeste aandacht vraagt. De integriteitscheck vraagt of de rekening op eerlijk zakendoen rust.", "Hostmanship in six principles: serving, seeing the whole, taking responsibility, having consideration, holding a dialogue and having knowledge. Assess yourself per client and see which principle needs most attention. The integrity checklist asks whether the account rests on honest dealing.";
    GuideDebtorTitle => "Betalen, waarde en indexatie", "Payment, value and indexation";
    GuideDebtorText => "Een late betaling is meestal vergeten of een vakantie; is de klant ontevreden, bel dan om te luisteren. Vraag bij elke factuur of de waarde groter is dan de prijs, en zet tegenover de jaarlijkse indexatie een innovatie of besparing.", "A late payment is mostly forgotten or a holiday; when the client is dissatisfied, call to listen. Ask at every invoice whether the value is greater than the price, and set an innovation or saving against the yearly indexation.";
    GuideAskTitle => "Vraag het de klant, en de groep", "Ask the client, and the group";
    GuideAskText => "Meten is weten: stuur de klant zijn eigen scorecard en vergelijk die met de jouwe. In een workshop scoren deelnemers één klantrelatie op hun telefoon en bespreek je de verschillen.", "Measuring is knowing: send the client their own scorecard and compare it with yours. In a workshop, participants score one client relationship on their phones and you discuss the differences.";
    GuideWhere => "Waar in de app", "Where in the app";
    GuidePrint => "Print deze uitleg", "Print this guide";
    GuideOpenClient => "Open een klant", "Open a client";
    MainNav => "Hoofdmenu", "Main menu";
    Weight1 => "klein gebaar", "small gesture";
    Weight2 => "merkbaar", "noticeable";
    Weight3 => "duidelijk", "clear";
    Weight4 => "groot", "big";
    Weight5 => "ingrijpend", "major event";
    ReminderLabel => "Herinnering", "Reminder";
    CalendarExportButton => "Agenda (.ics)", "Calendar (.ics)";
    CalendarTitleSection => "Je eigen agenda", "Your own calendar";
    CalendarIntro => "Zet openstaande extraatjes, de volgende balans en voorbereide momenten in Outlook, Google Agenda of Apple Agenda: download het bestand en open of importeer het daar. Een nieuwe download werkt dezelfde afspraken bij in plaats van ze dubbel te zetten; wat gedaan of verwijderd is, zeggen Outlook en Apple Agenda dan af.", "Put open extras, the next stock-take and prepared moments into Outlook, Google Calendar or Apple Calendar: download the file and open or import it there. A new download updates the same events instead of adding them twice; what is done or deleted, Outlook and Apple Calendar then cancel.";
    CalendarSaved => "Opgeslagen als {file} (in je downloads). Open het bestand, of importeer het: Outlook via Bestand › Openen en exporteren › Importeren, Google Agenda via Instellingen › Importeren en exporteren, Apple Agenda via Archief › Importeer.", "Saved as {file} (in your downloads). Open the file, or import it: Outlook via File › Open & Export › Import, Google Calendar via Settings › Import & export, Apple Calendar via File › Import.";
    CalendarGoogleNote => "Google Agenda negeert afzeggingen en herinneringen in een geïmporteerd bestand: een gedane actie verwijder je daar zelf, en een herinnering stel je daar zelf in.", "Google Calendar ignores cancellations and alarms in an imported file: remove a done action there yourself, and set a reminder there yourself.";
    CalendarImportTitle => "Afspraken uit je agenda", "Events from your calendar";
    CalendarImportOpen => "Uit je agenda halen", "From your calendar";
    CalendarImportIntroAny => "Exporteer in je agenda de afspraken met een klant als .ics-bestand (ook een terugkerende reeks), kies het hier en kies bij welke klant ze horen. Ze worden momenten om voor te bereiden. Je ziet eerst wat er gebeurt; er wordt niets opgeslagen voordat je bevestigt.", "Export the events with a client from your calendar as an .ics file (a recurring series too), choose it here and pick the client they belong to. They become moments to prepare. You see first what will happen; nothing is saved before you confirm.";
    CalendarImportIntro => "Exporteer in je agenda de afspraken met deze klant als .ics-bestand (ook een terugkerende reeks) en kies het hier. Ze worden momenten om voor te bereiden. Je ziet eerst wat er gebeurt; er wordt niets opgeslagen voordat je bevestigt.", "Export the events with this client from your calendar as an .ics file (a recurring series too) and choose it here. They become moments to prepare. You see first what will happen; nothing is saved before you confirm.";
    CalendarChooseFile => "Kies een agendabestand (.ics)", "Choose a calendar file (.ics)";
    CalendarClient => "Bij welke klant?", "For which client?";
    CalendarChooseClient => "Kies een klant", "Choose a client";
    CalendarPreviewCount => "In het bestand: {events} {events:afspraak|afspraken}. Van vandaag tot en met {until} (de komende {days} dagen; een reeks telt met elke datum) {dates:is er|zijn er} {dates} {dates:datum|data}: nieuw om klaar te zetten {new}, al bekend bij deze klant {known}.", "In the file: {events} {events:event|events}. From today through {until} (the coming {days} days; a series counts with each of its dates) there {dates:is|are} {dates} {dates:date|dates}: new to prepare {new}, known to this client already {known}.";
    CalendarKnown => "al bekend", "known already";
    CalendarSeries => "reeks", "series";
    CalendarSkipped => "Niet overgenomen: {n}", "Not taken over: {n}";
    CalendarImportConfirm => "{n} {n:moment|momenten} klaarzetten", "Prepare {n} {n:moment|moments}";
    CalendarImported => "{n} {n:moment|momenten} klaargezet bij {client}; bereid ze voor bij Contactmomenten.", "{n} {n:moment|moments} set up for {client}; prepare them under Interaction moments.";
    PrepareEdit => "Voorbereiden", "Prepare";
    UpdateReady => "Er is een nieuwe versie van de app klaar.", "A new version of the app is ready.";
    UpdateReload => "Nieuwe versie laden", "Load the new version";
    Loading => "Laden…", "Loading…";
    LoadFailed => "Dit deel van de app kon niet worden geladen. Is er verbinding? Je gegevens zijn veilig.", "This part of the app could not be loaded. Is there a connection? Your data is safe.";
    TryAgain => "Opnieuw proberen", "Try again";
    NotPreparedYet => "Nog niet voorbereid: stel de drie vragen vooraf met Voorbereiden.", "Not prepared yet: ask the three questions beforehand with Prepare.";
    PrepareEditMoment => "Moment van {date} voorbereiden", "Prepare the moment of {date}";
    CalendarTitle => "{app} · {client} · {what}", "{app} · {client} · {what}";
    CalendarName => "{app} · {client}", "{app} · {client}";
    CalendarExtra => "extraatje: {text}", "little extra: {text}";
    CalendarStockTake => "balans opmaken", "take stock";
    CalendarStockTakeOverdue => "balans opmaken (over tijd sinds {date})", "take stock (overdue since {date})";
    CalendarStockTakeText => "Bekijk beide saldi, de status en wat je afspreekt. Vorige balans of eerste boeking: {date}.", "Look at both balances, the status and what you agree. Previous stock-take or first entry: {date}.";
    CalendarNotPrepared => "Nog niet voorbereid: stel de drie vragen vooraf in de app.", "Not prepared yet: ask the three questions beforehand in the app.";
    CalendarDeleted => "verwijderd", "deleted";
    ReminderNone => "Geen herinnering", "No reminder";
    ReminderMorningOf => "Op de dag zelf om 9:00", "On the day at 9:00";
    ReminderDayBefore => "De dag ervoor om 9:00", "The day before at 9:00";
    ReminderWeekBefore => "Een week ervoor om 9:00", "A week before at 9:00";
    IcsTooLarge => "Dit bestand is {size} MB; een agenda-export van meer dan {max} MB leest de app niet.", "This file is {size} MB; the app does not read a calendar export over {max} MB.";
    IcsNotCalendar => "Dit is geen agendabestand (.ics): het begint niet met BEGIN:VCALENDAR.", "This is not a calendar file (.ics): it does not start with BEGIN:VCALENDAR.";
    IcsSyntax => "Dit agendabestand volgt het formaat niet en kan niet worden gelezen.", "This calendar file does not follow the format and cannot be read.";
    IcsBadLine => "Regel {line} van dit agendabestand is geen agendaregel (een naam, dan een dubbele punt en een waarde).", "Line {line} of this calendar file is not a calendar line (a name, then a colon and a value).";
    IcsUnclosed => "Regel {line} van dit agendabestand begint een onderdeel (BEGIN) dat nergens wordt afgesloten (END).", "Line {line} of this calendar file begins a part (BEGIN) that never ends (END).";
    IcsStrayEnd => "Regel {line} van dit agendabestand sluit een onderdeel af (END) dat daar niet begonnen was (BEGIN).", "Line {line} of this calendar file ends a part (END) that was not begun there (BEGIN).";
    IcsTooDeep => "Dit agendabestand is dieper genest dan een agenda ooit is.", "This calendar file is nested deeper than any calendar is.";
    IcsLineTooLong => "Regel {line} van dit agendabestand is veel te lang.", "Line {line} of this calendar file is far too long.";
    IcsTooManyEvents => "Dit agendabestand bevat {n} afspraken; de app leest er hoogstens {max}.", "This calendar file holds {n} events; the app reads at most {max}.";
    IcsTooManyOccurrences => "Dit agendabestand geeft meer dan {max} afspraken in de komende periode: exporteer alleen de afspraken met deze klant.", "This calendar file gives more than {max} events in the coming period: export only the events with this client.";
    IcsNoEvents => "Dit agendabestand bevat geen afspraken.", "This calendar file holds no events.";
    IcsNoTitle => "(zonder titel)", "(untitled)";
    IcsSkipPast => "{title}: al voorbij", "{title}: already past";
    IcsSkipCancelled => "{title}: afgezegd", "{title}: cancelled";
    IcsSkipUnsupported => "{title}: deze herhaling ({part}) kan de app niet uitrekenen; zet de momenten met de hand klaar", "{title}: the app cannot work out this repetition ({part}); prepare the moments by hand";
    IcsSkipUnreadable => "{title}: datum of herhaling onleesbaar", "{title}: date or repetition unreadable";
    IcsSkipNoneInWindow => "{title}: geen afspraak in de komende {days} dagen", "{title}: no event in the coming {days} days";
    IcsSkipLater => "{title}: pas na de komende {days} dagen; een latere import neemt haar mee", "{title}: after the coming {days} days; a later import takes it";
    IcsSkipTooLong => "{title}: deze reeks loopt te lang terug om haar afspraken te kunnen bepalen; zet de afspraken in de komende {days} dagen er met de hand in", "{title}: this series goes back too far to work out its events; add the events of the coming {days} days by hand";
    TeamErrNoAddress => "Vul het adres van de teamdatabase in.", "Enter the address of the team database.";
    TeamErrNotAddress => "Dat is geen adres: begin met / (op deze site) of met https://.", "That is not an address: start with / (on this site) or with https://.";
    TeamErrNoDatabase => "Het adres moet eindigen op de naam van de database (kleine letters, cijfers, _$()+-).", "The address must end in the database's name (lowercase letters, digits, _$()+-).";
    TeamErrNoName => "Vul je gebruikersnaam in.", "Enter your user name.";
    TeamErrWrongPassword => "Naam of wachtwoord klopt niet.", "Name or password is wrong.";
    TeamErrNotMember => "Je bent (nog) geen lid van deze teamdatabase. Vraag de beheerder je toe te voegen.", "You are not (yet) a member of this team database. Ask its administrator to add you.";
    TeamErrUnreachable => "De server is niet bereikbaar. Controleer het adres en je verbinding.", "The server cannot be reached. Check the address and your connection.";
    TeamErrServer => "De server gaf een onverwacht antwoord ({status}).", "The server gave an unexpected answer ({status}).";
    SyncOff => "Alleen in deze browser", "Only in this browser";
    SyncStarting => "Team: verbinden…", "Team: connecting…";
    SyncPulling => "Team: ophalen, nog {n} wijzigingen", "Team: fetching, {n} changes left";
    SyncReceived => "Team: ophalen, {n} wijzigingen binnen", "Team: fetching, {n} changes in";
    SyncSynced => "Team: bijgewerkt om {at}", "Team: in step at {at}";
    SyncWaiting => "Team: {n} wijzigingen wachten", "Team: {n} changes waiting";
    SyncOffline => "Team: offline, {n} wijzigingen wachten", "Team: offline, {n} changes waiting";
    SyncSignIn => "Team: opnieuw aanmelden nodig", "Team: sign in again";
    SyncNotMember => "Team: geen lid van de database", "Team: not a member of the database";
    SyncOtherTab => "Team: bijgehouden door een ander tabblad", "Team: kept in step by another tab";
    SyncError => "Team: fout ({reason}), probeert opnieuw", "Team: error ({reason}), trying again";
    TeamTitle => "Team", "Team";
    TeamIntro => "Houd klanten samen met je team bij, op al je apparaten. Alleen klanten die je deelt gaan naar de teamdatabase; de rest blijft in deze browser. Je wachtwoord wordt niet bewaard.", "Keep clients together with your team, on all your devices. Only the clients you share go to the team database; the rest stays in this browser. Your password is not stored.";
    TeamAddress => "Adres van de teamdatabase", "Address of the team database";
    TeamName => "Gebruikersnaam", "User name";
    TeamPassword => "Wachtwoord", "Password";
    TeamConnect => "Verbinden", "Connect";
    TeamSignIn => "Aanmelden", "Sign in";
    TeamSignInIntro => "Je sessie is verlopen. Meld je opnieuw aan; je wijzigingen wachten tot dan.", "Your session has expired. Sign in again; your changes wait until then.";
    TeamConnected => "Verbonden met {url} als {name}.", "Connected to {url} as {name}.";
    TeamDisconnect => "Verbinding verbreken", "Disconnect";
    TeamDisconnected => "Verbinding met het team verbroken. De klanten blijven in deze browser.", "Disconnected from the team. The clients stay in this browser.";
    TeamClients => "Gedeelde klanten", "Shared clients";
    TeamShare => "Delen met het team", "Share with the team";
    TeamSharedBadge => "Gedeeld", "Shared";
    TeamQuarantine => "Niet toegepast (ongeldig of van een nieuwere versie): {n} documenten", "Not applied (invalid or from a newer version): {n} documents";
    TeamStored => "Teamgegevens in deze browser: {size}", "Team data in this browser: {size}";
    TeamSharedClientsNone => "Nog geen klanten.", "No clients yet.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    // `{n:one|other}` uses the placeholder `n`.
                    let name = after[..end].split(':').next().unwrap_or_default();
                    out.insert(name.to_string());
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
        out
    }

    #[test]
    fn a_count_picks_the_singular_or_the_plural_of_a_word() {
        let one = tf(Lang::Nl, Key::RoundSealed, &[("n", "1")]);
        assert_eq!(one, "1 antwoord ontvangen, nog gesloten.");
        let two = tf(Lang::Nl, Key::RoundSealed, &[("n", "2")]);
        assert_eq!(two, "2 antwoorden ontvangen, nog gesloten.");
        let none = tf(Lang::En, Key::RoundSealed, &[("n", "0")]);
        assert_eq!(none, "0 answers received, still closed.");
        assert_eq!(
            tf(Lang::Nl, Key::FlagFuture, &[("n", "1")]),
            "1 boeking ligt in de toekomst: ze staat in de lijst maar telt pas mee vanaf haar datum."
        );
        // A value is never read as a form, and every form is picked.
        assert_eq!(
            fill("{who} · {n:a|b}{n:c|d}", &[("who", "{n:x|y}"), ("n", "1")]),
            "{n:x|y} · ac"
        );
        // No "(s)" or "(en)" anywhere, and with every placeholder filled
        // (with a count of one and of two) nothing of a form is left.
        for key in Key::ALL {
            for lang in [Lang::Nl, Lang::En] {
                for count in ["1", "2"] {
                    let names = placeholders(key.text(lang));
                    let args: Vec<(&str, &str)> =
                        names.iter().map(|n| (n.as_str(), count)).collect();
                    let text = tf(lang, *key, &args);
                    assert!(
                        !text.contains("(s)") && !text.contains("(en)"),
                        "{key:?}: {text}"
                    );
                    assert!(!text.contains('|'), "{key:?}: a form left: {text}");
                }
            }
        }
    }

    #[test]
    fn every_key_has_dutch_and_english_text() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                let text = key.text(lang);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
                assert_eq!(
                    text,
                    text.trim(),
                    "{key:?} has stray whitespace in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for key in Key::ALL {
            assert_eq!(
                placeholders(key.text(Lang::Nl)),
                placeholders(key.text(Lang::En)),
                "{key:?}"
            );
        }
    }

    #[test]
    fn fold_case_agrees_with_unicode_lower_case_in_the_covered_scripts() {
        let covered = [
            0x41..=0x5Au32,
            0xC0..=0xDE,
            0x100..=0x17F,
            0x386..=0x3AB,
            0x400..=0x42F,
        ];
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let folded = fold_char(c);
            if !covered.iter().any(|r| r.contains(&u)) {
                assert_eq!(folded, c, "{c:?} is outside the fold");
                continue;
            }
            let std_lower: Vec<char> = c.to_lowercase().collect();
            match std_lower.as_slice() {
                [l] => assert_eq!(folded, *l, "{c:?}"),
                // İ lowers to i + a combining dot; a search wants the i.
                _ => assert_eq!((c, folded), ('\u{130}', 'i')),
            }
        }
    }

    #[test]
    fn fold_case_reads_dutch_and_european_names() {
        assert_eq!(fold_case("Van DALEN Ĳzer"), "van dalen ĳzer");
        assert_eq!(fold_case("ÉÈËÖÜ Ÿ Ł ŒUVRE"), "éèëöü ÿ ł œuvre");
        assert_eq!(fold_case("ΑΘΗΝΑ МОСКВА Ёж"), "αθηνα москва ёж");
        assert_eq!(fold_case("東京 ß 3×4"), "東京 ß 3×4");
    }

    #[test]
    fn lang_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::default(), Lang::Nl);
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{n} maanden {n}", &[("n", "3")]), "3 maanden 3");
        assert_eq!(fill("geen", &[("n", "3")]), "geen");
    }

    #[test]
    fn formats_dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(format_date(d, Lang::Nl), "07-03-2026");
        assert_eq!(format_date(d, Lang::En), "07/03/2026");
        assert_eq!(month_short(3, Lang::Nl), "mrt");
        assert_eq!(month_short(3, Lang::En), "Mar");
    }

    #[test]
    fn formats_numbers_per_language() {
        assert_eq!(format_points(0, true), "0");
        assert_eq!(format_points(12, true), "+12");
        assert_eq!(format_points(-3, true), "\u{2212}3");
        assert_eq!(format_points_lang(1234567, false, Lang::Nl), "1.234.567");
        assert_eq!(format_points_lang(-1234, false, Lang::En), "\u{2212}1,234");
        assert_eq!(format_points_lang(100, false, Lang::En), "100");
        assert_eq!(format_tenths(32, Lang::Nl), "3,2");
        assert_eq!(format_tenths(32, Lang::En), "3.2");
        assert_eq!(format_tenths(-5, Lang::En), "\u{2212}0.5");
    }
}
