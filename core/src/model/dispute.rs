//! A late payment or a disputed invoice as debtor management sees it: its
//! cause, what of ours it points to, the bonding action, and how it ended
//! (`docs/DOMAIN.md`, "Debtor management as bonding").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{DisputeId, EntryId, MomentId};
use crate::i18n::{Key, Lang};

/// Why the client paid late or disputed an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cause {
    /// They forgot.
    Forgotten,
    /// Someone was on holiday.
    Holiday,
    /// They work with another payment term.
    PaymentTerm,
    /// They are dissatisfied with something we did.
    Dissatisfied,
    /// A disputed invoice: it holds an error of ours (amount, hours, what
    /// was invoiced).
    InvoiceWrong,
    /// A disputed invoice: something administrative is missing or wrong
    /// (order number, reference, address).
    Administrative,
}

impl Cause {
    /// Every cause, the common ones first.
    pub const ALL: [Cause; 6] = [
        Cause::Forgotten,
        Cause::Holiday,
        Cause::PaymentTerm,
        Cause::Dissatisfied,
        Cause::InvoiceWrong,
        Cause::Administrative,
    ];

    /// The causes asked for a late payment: mostly forgetfulness, a
    /// holiday or another payment term.
    pub const LATE_PAYMENT: [Cause; 4] = [
        Cause::Forgotten,
        Cause::Holiday,
        Cause::PaymentTerm,
        Cause::Dissatisfied,
    ];

    /// The causes asked for a disputed invoice: its own, not a late
    /// payment's.
    pub const INVOICE_DISPUTE: [Cause; 3] = [
        Cause::InvoiceWrong,
        Cause::Administrative,
        Cause::Dissatisfied,
    ];

    /// Whether the cause points to something of ours (then the follow-up
    /// names our withdrawal and may plan a bonding call).
    pub fn points_to_us(self) -> bool {
        matches!(self, Cause::Dissatisfied | Cause::InvoiceWrong)
    }

    /// Stable code, for form values.
    pub fn code(self) -> &'static str {
        match self {
            Cause::Forgotten => "forgotten",
            Cause::Holiday => "holiday",
            Cause::PaymentTerm => "payment-term",
            Cause::Dissatisfied => "dissatisfied",
            Cause::InvoiceWrong => "invoice-wrong",
            Cause::Administrative => "administrative",
        }
    }

    /// The cause with `code`.
    pub fn from_code(code: &str) -> Option<Cause> {
        Cause::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Cause::Forgotten => Key::CauseForgotten,
            Cause::Holiday => Key::CauseHoliday,
            Cause::PaymentTerm => Key::CausePaymentTerm,
            Cause::Dissatisfied => Key::CauseDissatisfied,
            Cause::InvoiceWrong => Key::CauseInvoiceWrong,
            Cause::Administrative => Key::CauseAdministrative,
        }
        .text(lang)
    }
}

/// One late payment or disputed invoice followed up.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dispute {
    /// Unique within the account.
    pub id: DisputeId,
    /// The client's withdrawal (paid late, disputed invoice).
    pub entry: EntryId,
    /// Its cause.
    pub cause: Cause,
    /// When dissatisfied: the withdrawal of ours it points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<EntryId>,
    /// The bonding action: a prepared call to listen and find a solution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bonding: Option<MomentId>,
    /// Whether it ended in a solution (`None`: still open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solved: Option<bool>,
    /// When the outcome was recorded.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::dates::iso::option"
    )]
    pub closed: Option<NaiveDate>,
    /// Later, the client recommended us (became an ambassador).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambassador: bool,
}
