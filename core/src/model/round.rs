//! Client-invite rounds: the client contact's own scorecard, asked by link
//! and answered without any server (`docs/DOMAIN.md`, "Client invites and the trust gap").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::ids::EntryId;
use super::ids::RoundId;
use crate::i18n::Lang;

/// One client contact's answers to a round, as their return code carried
/// them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientReturn {
    /// The random number of the contact's device: the same contact sending
    /// again replaces their earlier answers.
    pub participant: u32,
    /// The name the contact gave (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// When the answers were added.
    #[serde(with = "crate::model::dates::iso")]
    pub received: NaiveDate,
    /// The client-view definition version answered under.
    pub version: u32,
    /// The answers (skipped items absent).
    pub answers: Answers,
    /// The entry the user booked from these answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booked: Option<EntryId>,
}

/// One round of asking the client: an invite sent on a date in a language,
/// and the answers that came back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// The id the invite and return codes carry.
    pub id: RoundId,
    /// When the invite was made.
    #[serde(with = "crate::model::dates::iso")]
    pub created: NaiveDate,
    /// The language the client answers in.
    pub lang: Lang,
    /// Who asks, as the client will see it (the user's name or company;
    /// travels in the link; may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sender: String,
    /// The user chose to open the answers without their own
    /// self-assessment for this round.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skipped_self: bool,
    /// The answers received, by participant, in the order they came.
    #[serde(default)]
    pub returns: Vec<ClientReturn>,
}

impl Round {
    /// The answers of `participant`, if received.
    pub fn answer_of(&self, participant: u32) -> Option<&ClientReturn> {
        self.returns.iter().find(|r| r.participant == participant)
    }
}
