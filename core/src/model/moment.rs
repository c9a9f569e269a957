//! Interaction moments as stored: a dated contact with the client, the
//! answers to the three interaction questions, and the "little extra"
//! planned as an action. The rules live in `questionnaires::moments`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::ids::{EntryId, MomentId};
use crate::i18n::{Key, Lang};

/// What kind of contact it was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MomentKind {
    /// A meeting in person or online.
    #[default]
    Meeting,
    /// A phone call.
    Call,
    /// An e-mail or message.
    Mail,
    /// A delivery of work.
    Delivery,
    /// An invoice.
    Invoice,
    /// Anything else.
    Other,
}

impl MomentKind {
    /// Every kind, in the order the form lists them.
    pub const ALL: [MomentKind; 6] = [
        MomentKind::Meeting,
        MomentKind::Call,
        MomentKind::Mail,
        MomentKind::Delivery,
        MomentKind::Invoice,
        MomentKind::Other,
    ];

    /// Stable code, for form values.
    pub fn code(self) -> &'static str {
        match self {
            MomentKind::Meeting => "meeting",
            MomentKind::Call => "call",
            MomentKind::Mail => "mail",
            MomentKind::Delivery => "delivery",
            MomentKind::Invoice => "invoice",
            MomentKind::Other => "other",
        }
    }

    /// The kind with `code`.
    pub fn from_code(code: &str) -> Option<MomentKind> {
        MomentKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MomentKind::Meeting => Key::KindMeeting,
            MomentKind::Call => Key::KindCall,
            MomentKind::Mail => Key::KindMail,
            MomentKind::Delivery => Key::KindDelivery,
            MomentKind::Invoice => Key::KindInvoice,
            MomentKind::Other => Key::KindOther,
        }
        .text(lang)
    }
}

/// The little extra, planned with a concrete due date.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Action {
    /// What will be done.
    pub text: String,
    /// A real date: "as soon as possible" is not a deadline.
    #[serde(with = "crate::model::dates::iso")]
    pub due: NaiveDate,
    /// When it was done.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::dates::iso::option"
    )]
    pub done: Option<NaiveDate>,
    /// The deposit booked for it, once booked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booked: Option<EntryId>,
}

impl Action {
    /// Not done yet: it counts as an open action.
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// An open action due on `due` is overdue on `today` from the day after.
    pub fn overdue(due: NaiveDate, today: NaiveDate) -> bool {
        due < today
    }
}

/// One interaction moment with its answers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Moment {
    /// Unique within the account.
    pub id: MomentId,
    /// When it happened (or, while prepared, when it will happen).
    #[serde(with = "crate::model::dates::iso")]
    pub date: NaiveDate,
    /// Meeting, call, …
    pub kind: MomentKind,
    /// A short description.
    pub description: String,
    /// The interaction definition version the answers were given under.
    pub version: u32,
    /// Answers to the three interaction questions.
    #[serde(default)]
    pub answers: Answers,
    /// The extra, when planned as an action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// Prepared before it happened: the three questions as intentions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared: Option<Preparation>,
    /// Still to come (or not yet looked back on): the answers are given in
    /// the "after" step.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// At an invoice: is the value for this client greater than the price?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueAnswer>,
    /// Where it came from when imported from the user's calendar: the
    /// event's UID (with the occurrence date for a series), so a second
    /// import knows it already.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Longest calendar source key kept on a moment.
pub const SOURCE_MAX: usize = 300;

/// The three interaction questions asked before a moment, as intentions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Preparation {
    /// What does the client expect of this moment?
    #[serde(default)]
    pub expectation: String,
    /// How would I want to be treated in their place?
    #[serde(default)]
    pub treatment: String,
    /// Which little extra will I add this time?
    #[serde(default)]
    pub extra: String,
}

/// The answer to "is the value for this client greater than the price?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueAnswer {
    /// The value is greater than the price.
    Greater,
    /// About equal.
    Equal,
    /// The price is greater than the value.
    Smaller,
}

impl ValueAnswer {
    /// Every answer, best first.
    pub const ALL: [ValueAnswer; 3] = [
        ValueAnswer::Greater,
        ValueAnswer::Equal,
        ValueAnswer::Smaller,
    ];

    /// Stable code, for form values.
    pub fn code(self) -> &'static str {
        match self {
            ValueAnswer::Greater => "greater",
            ValueAnswer::Equal => "equal",
            ValueAnswer::Smaller => "smaller",
        }
    }

    /// The answer with `code`.
    pub fn from_code(code: &str) -> Option<ValueAnswer> {
        ValueAnswer::ALL.into_iter().find(|v| v.code() == code)
    }

    /// Label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ValueAnswer::Greater => Key::ValueGreater,
            ValueAnswer::Equal => Key::ValueEqual,
            ValueAnswer::Smaller => Key::ValueSmaller,
        }
        .text(lang)
    }
}
