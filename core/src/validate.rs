//! Validation of what a user (or an import) can put into an account:
//! entries, client details, settings and texts. Each rule has its own error
//! variant so the UI can say exactly what is wrong, in the user's language
//! ([`EntryError::message`] and friends). Whole stored accounts are checked
//! by `storage::check`, which builds on these rules.

use chrono::NaiveDate;
use thiserror::Error;

use crate::catalogue;
use crate::i18n::{format_date, shorten, tf, Key, Lang};
use crate::model::{
    dates, limits, Account, CategoryId, Client, Direction, Entry, EntryId, Party, PeriodLength,
    Thresholds, Weight,
};

/// Which text field an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Client name.
    Name,
    /// Client organisation.
    Organisation,
    /// Our account manager.
    AccountManager,
    /// Their sponsor.
    Sponsor,
    /// Client notes.
    Notes,
    /// Entry: person or role.
    Who,
    /// Entry note.
    Note,
    /// Own category label.
    Label,
    /// Free text of a review or questionnaire.
    Text,
    /// Description of an interaction moment.
    Description,
    /// The person who asks, in a client invite.
    Person,
    /// Who asks, as the client reads it (person and organisation).
    Sender,
}

impl Field {
    /// The field's label in `lang`, for messages.
    pub fn label(self, lang: Lang) -> &'static str {
        let key = match self {
            Field::Name => Key::FieldName,
            Field::Organisation => Key::FieldOrganisation,
            Field::AccountManager => Key::FieldAccountManager,
            Field::Sponsor => Key::FieldSponsor,
            Field::Notes => Key::FieldNotes,
            Field::Who => Key::FieldWho,
            Field::Note => Key::FieldNote,
            Field::Label => Key::FieldLabel,
            Field::Text => Key::FieldText,
            Field::Description => Key::FieldDescription,
            Field::Person => Key::FieldPerson,
            Field::Sender => Key::FieldSender,
        };
        key.text(lang)
    }
}

/// A text field that is too long or missing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TextError {
    /// Required and empty after trimming.
    #[error("{0:?} is required")]
    Required(Field),
    /// Longer than allowed (in characters, after trimming).
    #[error("{field:?} is {len} characters; at most {max}")]
    TooLong {
        /// The field.
        field: Field,
        /// Its length.
        len: usize,
        /// The cap.
        max: usize,
    },
}

impl TextError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TextError::Required(f) => tf(lang, Key::ErrRequired, &[("field", f.label(lang))]),
            TextError::TooLong { field, len, max } => tf(
                lang,
                Key::ErrTooLong,
                &[
                    ("field", field.label(lang)),
                    ("len", &len.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
        }
    }
}

/// Trims `value` and checks it against `max` characters (and presence when
/// `required`). Text is never silently cut: the user decides what to drop.
pub fn clean_text(
    field: Field,
    value: &str,
    max: usize,
    required: bool,
) -> Result<String, TextError> {
    let trimmed = value.trim();
    if required && trimmed.is_empty() {
        return Err(TextError::Required(field));
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(TextError::TooLong { field, len, max });
    }
    Ok(trimmed.to_string())
}

/// What the entry form (or an import) supplies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDraft {
    /// Date of the event.
    pub date: NaiveDate,
    /// Whose entry.
    pub party: Party,
    /// Deposit or withdrawal.
    pub direction: Direction,
    /// Chosen category.
    pub category: CategoryId,
    /// Raw weight (validated to 1–5).
    pub weight: u8,
    /// Person or role.
    pub who: String,
    /// Note.
    pub note: String,
    /// The withdrawal this deposit repairs.
    pub repairs: Option<EntryId>,
}

impl From<&Entry> for EntryDraft {
    fn from(e: &Entry) -> Self {
        EntryDraft {
            date: e.date,
            party: e.party,
            direction: e.direction,
            category: e.category,
            weight: e.weight.get(),
            who: e.who.as_str().to_string(),
            note: e.note.clone(),
            repairs: e.repairs,
        }
    }
}

/// Why an entry cannot be booked.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EntryError {
    /// Weight outside 1–5.
    #[error("weight {0} is not between 1 and 5")]
    Weight(u8),
    /// No such category in the catalogue or the account.
    #[error("unknown category {0}")]
    UnknownCategory(String),
    /// The category is for another party or direction.
    #[error("category {0} does not fit this party and direction")]
    CategoryMismatch(String),
    /// Only a deposit can repair something.
    #[error("only a deposit can repair a withdrawal")]
    RepairNotDeposit,
    /// The repaired entry does not exist in this account.
    #[error("entry {0:?} to repair does not exist")]
    RepairMissing(EntryId),
    /// The repaired entry is not a withdrawal.
    #[error("entry {0:?} is not a withdrawal")]
    RepairNotWithdrawal(EntryId),
    /// The repaired entry belongs to the other party: only the party that
    /// withdrew can make it good.
    #[error("entry {0:?} belongs to the other party")]
    RepairOtherParty(EntryId),
    /// The repaired entry is later than the repair (or is the repair itself).
    #[error("entry {0:?} is not earlier than the repair")]
    RepairNotEarlier(EntryId),
    /// Another deposit already repairs that withdrawal.
    #[error("entry {0:?} is already repaired")]
    RepairTaken(EntryId),
    /// Date outside the accepted range.
    #[error("date {0} is outside the accepted range")]
    Date(NaiveDate),
    /// A text field is too long.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The moment has no done, unbooked action to book.
    #[error("nothing to book")]
    NotBookable,
}

impl EntryError {
    /// One sentence for the user. Categories are named by their id only
    /// when no label exists (an import of an unknown one), shortened.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            EntryError::Weight(w) => return tf(lang, Key::ErrWeight, &[("value", &w.to_string())]),
            EntryError::UnknownCategory(c) => {
                return tf(lang, Key::ErrUnknownCategory, &[("id", &shorten(c, 40))])
            }
            EntryError::CategoryMismatch(c) => {
                return tf(lang, Key::ErrCategoryMismatch, &[("id", &shorten(c, 40))])
            }
            EntryError::Date(d) => {
                return tf(lang, Key::ErrDate, &[("date", &format_date(*d, lang))])
            }
            EntryError::Text(t) => return t.message(lang),
            EntryError::RepairNotDeposit => Key::ErrRepairNotDeposit,
            EntryError::RepairMissing(_) => Key::ErrRepairMissing,
            EntryError::RepairNotWithdrawal(_) => Key::ErrRepairNotWithdrawal,
            EntryError::RepairOtherParty(_) => Key::ErrRepairOtherParty,
            EntryError::RepairNotEarlier(_) => Key::ErrRepairNotEarlier,
            EntryError::RepairTaken(_) => Key::ErrRepairTaken,
            EntryError::NotBookable => Key::ErrNotBookable,
        };
        key.text(lang).to_string()
    }
}

/// Checks a draft against every rule and builds the entry with `id`.
/// `id` is the entry's own id (new or edited), so an edit may keep its link.
pub fn validate_entry(
    account: &Account,
    draft: &EntryDraft,
    id: EntryId,
) -> Result<Entry, Vec<EntryError>> {
    let mut errors = Vec::new();
    let weight = Weight::new(draft.weight);
    if weight.is_none() {
        errors.push(EntryError::Weight(draft.weight));
    }
    match catalogue::find(account, &draft.category) {
        None => errors.push(EntryError::UnknownCategory(
            draft.category.as_str().to_string(),
        )),
        Some(c) if c.party() != draft.party || c.direction() != draft.direction => errors.push(
            EntryError::CategoryMismatch(draft.category.as_str().to_string()),
        ),
        Some(_) => {}
    }
    if !dates::allowed(draft.date) {
        errors.push(EntryError::Date(draft.date));
    }
    if let Some(target) = draft.repairs {
        if let Err(e) = check_repair(account, draft, id, target) {
            errors.push(e);
        }
    }
    let who = clean_text(Field::Who, &draft.who, limits::NAME, false).map_err(EntryError::from);
    let note = clean_text(Field::Note, &draft.note, limits::NOTE, false).map_err(EntryError::from);
    let (who, note) = match (who, note) {
        (Ok(w), Ok(n)) => (w, n),
        (w, n) => {
            errors.extend(w.err());
            errors.extend(n.err());
            (String::new(), String::new())
        }
    };
    match (weight, errors.is_empty()) {
        (Some(weight), true) => Ok(Entry {
            id,
            date: draft.date,
            party: draft.party,
            direction: draft.direction,
            category: draft.category,
            weight,
            who: who.into(),
            note,
            repairs: draft.repairs,
        }),
        _ => Err(errors),
    }
}

fn check_repair(
    account: &Account,
    draft: &EntryDraft,
    id: EntryId,
    target: EntryId,
) -> Result<(), EntryError> {
    if draft.direction != Direction::Deposit {
        return Err(EntryError::RepairNotDeposit);
    }
    let Some(t) = account.entry(target) else {
        return Err(EntryError::RepairMissing(target));
    };
    if t.direction != Direction::Withdrawal {
        return Err(EntryError::RepairNotWithdrawal(target));
    }
    if t.party != draft.party {
        return Err(EntryError::RepairOtherParty(target));
    }
    if target == id || t.date > draft.date {
        return Err(EntryError::RepairNotEarlier(target));
    }
    if account
        .entries
        .iter()
        .any(|e| e.id != id && e.repairs == Some(target))
    {
        return Err(EntryError::RepairTaken(target));
    }
    Ok(())
}

/// What the client form supplies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientDraft {
    /// Name (required).
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// Our account manager.
    pub account_manager: String,
    /// Their sponsor.
    pub sponsor: String,
    /// Start of the relationship.
    pub start_date: Option<NaiveDate>,
    /// Notes.
    pub notes: String,
}

impl From<&Client> for ClientDraft {
    fn from(c: &Client) -> Self {
        ClientDraft {
            name: c.name.clone(),
            organisation: c.organisation.clone(),
            account_manager: c.account_manager.clone(),
            sponsor: c.sponsor.clone(),
            start_date: c.start_date,
            notes: c.notes.clone(),
        }
    }
}

/// Why client details or settings cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ClientError {
    /// A text field.
    #[error(transparent)]
    Text(#[from] TextError),
    /// Start date outside the accepted range.
    #[error("start date {0} is outside the accepted range")]
    Date(NaiveDate),
    /// A threshold outside its range.
    #[error("{which:?} must be between {min} and {max}")]
    Threshold {
        /// Which threshold.
        which: ThresholdField,
        /// Lower bound.
        min: i64,
        /// Upper bound.
        max: i64,
    },
}

/// The thresholds, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThresholdField {
    /// Surplus limit.
    SurplusLimit,
    /// Credit.
    Credit,
    /// Structural run length.
    StructuralRun,
    /// Stock-take interval.
    StockTakeDays,
}

impl ClientError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ClientError::Text(t) => t.message(lang),
            ClientError::Date(d) => tf(lang, Key::ErrDate, &[("date", &format_date(*d, lang))]),
            ClientError::Threshold { which, min, max } => {
                let label = match which {
                    ThresholdField::SurplusLimit => Key::SettingSurplusLimit,
                    ThresholdField::Credit => Key::SettingCredit,
                    ThresholdField::StructuralRun => Key::SettingStructuralRun,
                    ThresholdField::StockTakeDays => Key::SettingStockTakeDays,
                };
                tf(
                    lang,
                    Key::ErrThreshold,
                    &[
                        ("field", label.text(lang)),
                        ("min", &min.to_string()),
                        ("max", &max.to_string()),
                    ],
                )
            }
        }
    }
}

/// Validates client details and applies them to `client` (id and settings
/// untouched). On error nothing is changed.
pub fn apply_client_draft(
    client: &mut Client,
    draft: &ClientDraft,
) -> Result<(), Vec<ClientError>> {
    let mut errors: Vec<ClientError> = Vec::new();
    let mut take = |field, value: &str, max, required| {
        clean_text(field, value, max, required)
            .map_err(|e| errors.push(e.into()))
            .unwrap_or_default()
    };
    let name = take(Field::Name, &draft.name, limits::NAME, true);
    let organisation = take(
        Field::Organisation,
        &draft.organisation,
        limits::NAME,
        false,
    );
    let account_manager = take(
        Field::AccountManager,
        &draft.account_manager,
        limits::NAME,
        false,
    );
    let sponsor = take(Field::Sponsor, &draft.sponsor, limits::NAME, false);
    let notes = take(Field::Notes, &draft.notes, limits::NOTE, false);
    if let Some(d) = draft.start_date {
        if !dates::allowed(d) {
            errors.push(ClientError::Date(d));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    client.name = name;
    client.organisation = organisation;
    client.account_manager = account_manager;
    client.sponsor = sponsor;
    client.start_date = draft.start_date;
    client.notes = notes;
    Ok(())
}

/// Checks period length and thresholds against their ranges.
pub fn validate_settings(_period: PeriodLength, t: &Thresholds) -> Result<(), Vec<ClientError>> {
    let mut errors = Vec::new();
    let mut check = |which, value: i64, (min, max): (i64, i64)| {
        if value < min || value > max {
            errors.push(ClientError::Threshold { which, min, max });
        }
    };
    check(
        ThresholdField::SurplusLimit,
        t.surplus_limit,
        limits::SURPLUS_LIMIT,
    );
    check(ThresholdField::Credit, t.credit, limits::CREDIT);
    let run = limits::STRUCTURAL_RUN;
    check(
        ThresholdField::StructuralRun,
        i64::from(t.structural_run),
        (i64::from(run.0), i64::from(run.1)),
    );
    let days = limits::STOCK_TAKE_DAYS;
    check(
        ThresholdField::StockTakeDays,
        i64::from(t.stock_take_days),
        (i64::from(days.0), i64::from(days.1)),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Suggested weight, for the entry form; falls back to 2.
pub fn suggested_weight(account: &Account, category: &CategoryId) -> u8 {
    catalogue::find(account, category).map_or(2, |c| c.default_weight())
}

/// Something about an entry worth a second look that does not stop it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryWarning {
    /// Dated after today: it counts in the saldo only from that day.
    Future(NaiveDate),
    /// Dated more than twenty years ago: perhaps a typing error.
    FarPast(NaiveDate),
}

impl EntryWarning {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EntryWarning::Future(d) => {
                tf(lang, Key::WarnFuture, &[("date", &format_date(*d, lang))])
            }
            EntryWarning::FarPast(d) => {
                tf(lang, Key::WarnFarPast, &[("date", &format_date(*d, lang))])
            }
        }
    }
}

/// The warnings for an entry dated `date`, booked on `today`.
pub fn entry_warnings(date: NaiveDate, today: NaiveDate) -> Option<EntryWarning> {
    match dates::flag(date, today)? {
        dates::DateFlag::Future => Some(EntryWarning::Future(date)),
        dates::DateFlag::FarPast => Some(EntryWarning::FarPast(date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClientId, Weight};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn account_with(party: Party, category: &str) -> Account {
        let mut a = Account::new(Client::new(ClientId::from_random(3), "X"));
        a.put_entry(Entry {
            id: EntryId(1),
            date: day(1),
            party,
            direction: Direction::Withdrawal,
            category: CategoryId::new(category),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        });
        a
    }

    fn repair(party: Party, category: &str) -> EntryDraft {
        EntryDraft {
            date: day(2),
            party,
            direction: Direction::Deposit,
            category: CategoryId::new(category),
            weight: 2,
            who: String::new(),
            note: String::new(),
            repairs: Some(EntryId(1)),
        }
    }

    #[test]
    fn only_the_party_that_withdrew_can_make_it_good() {
        let a = account_with(Party::Client, "cw-paid-late");
        assert_eq!(
            validate_entry(
                &a,
                &repair(Party::Supplier, "sd-responsibility"),
                EntryId(2)
            ),
            Err(vec![EntryError::RepairOtherParty(EntryId(1))])
        );
        assert!(validate_entry(&a, &repair(Party::Client, "cd-paid-on-time"), EntryId(2)).is_ok());
    }

    #[test]
    fn one_date_rule_and_warnings() {
        let a = account_with(Party::Supplier, "sw-invoice-error");
        let mut d = repair(Party::Supplier, "sd-responsibility");
        d.repairs = None;
        d.date = NaiveDate::from_ymd_opt(2150, 1, 1).unwrap();
        assert!(
            validate_entry(&a, &d, EntryId(2)).is_ok(),
            "far ahead but allowed"
        );
        assert_eq!(
            entry_warnings(d.date, day(20)),
            Some(EntryWarning::Future(d.date))
        );
        d.date = NaiveDate::from_ymd_opt(9999, 1, 1).unwrap();
        assert_eq!(
            validate_entry(&a, &d, EntryId(2)),
            Err(vec![EntryError::Date(d.date)])
        );
    }
}
