//! Answers to a questionnaire as stored, and a dated assessment. The
//! definitions and their scoring live in `questionnaires`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::ResponseId;

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Deliberately not answered: does not count in the score.
    Skip,
    /// A point on the 1–5 scale.
    Scale(u8),
    /// The id of the chosen option.
    Choice(String),
    /// Free text.
    Text(String),
}

/// Answers by item id. Items without an answer count as skipped.
pub type Answers = BTreeMap<String, Answer>;

/// One filled-in assessment of a client relationship.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// Unique within the account.
    pub id: ResponseId,
    /// The definition's id.
    pub definition: String,
    /// The definition version it was answered under.
    pub version: u32,
    /// The assessment date.
    pub date: NaiveDate,
    /// The answers.
    pub answers: Answers,
}
