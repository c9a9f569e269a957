//! Answers to a questionnaire as stored, and a dated assessment. The
//! definitions and their scoring live in `questionnaires`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ResponseId, RoundId};

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// A group's mean, normalised to 0–10,000 (0 the lowest answer, 10,000
    /// the highest): how a workshop's result is kept on a client.
    Mean(u16),
}

/// Where a dated assessment came from, when not from one person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GroupInfo {
    /// The workshop session's title.
    pub title: String,
    /// How many participants answered.
    pub participants: u32,
    /// Per section, the group's figure as the workshop computed it (the
    /// mean of the participants' section scores): kept so the client page
    /// shows the workshop's numbers, not a recomputation from statement
    /// means, which a skipped statement shifts. Empty in results saved
    /// before figures were kept.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, Figure>,
    /// The group total: the mean of the participants' totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
}

/// A group's figure over the participants who answered: how many, their
/// mean and spread, normalised to 0–10,000 like [`Answer::Mean`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Figure {
    /// How many participants answered.
    pub n: u32,
    /// Their mean.
    pub mean: u16,
    /// The population standard deviation; absent with fewer than two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<u16>,
}

/// Answers by item id. Items without an answer count as skipped.
pub type Answers = BTreeMap<String, Answer>;

/// One filled-in assessment of a client relationship.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Response {
    /// Unique within the account.
    pub id: ResponseId,
    /// The definition's id.
    pub definition: String,
    /// The definition version it was answered under.
    pub version: u32,
    /// The assessment date.
    #[serde(with = "crate::model::dates::iso")]
    pub date: NaiveDate,
    /// The answers.
    pub answers: Answers,
    /// A workshop group's result (answers are means).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupInfo>,
    /// The client-invite round this self-assessment was made for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<RoundId>,
}

/// Scale answers from (item, value) pairs, for the tests of the rules that
/// read answers.
#[cfg(test)]
pub(crate) fn scale_answers(pairs: &[(&str, u8)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), Answer::Scale(*v)))
        .collect()
}
