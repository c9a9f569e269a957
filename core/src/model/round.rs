//! Client-invite rounds: the client contact's own scorecard, asked by link
//! and answered without any server (`docs/DOMAIN.md`, "Client invites and the trust gap").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::ids::EntryId;
use super::ids::RoundId;
use crate::i18n::{Lang, Register};

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
    /// How the client is addressed in Dutch (the sender's choice; rounds
    /// made before there was a choice said "u").
    #[serde(default, skip_serializing_if = "Register::is_formal")]
    pub register: Register,
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

    /// The day `answer` was added, when this round holds these very
    /// answers already (the same link opened twice); a contact who sent
    /// other answers since is not "already added".
    pub fn added_on(&self, answer: &ClientReturn) -> Option<NaiveDate> {
        self.answer_of(answer.participant)
            .filter(|r| r.answers == answer.answers && r.name == answer.name)
            .map(|r| r.received)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::answers::Answer;

    fn answer(participant: u32, name: &str, score: u8, day: u32) -> ClientReturn {
        ClientReturn {
            participant,
            name: name.into(),
            received: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            version: 1,
            answers: [("q1".to_string(), Answer::Scale(score))].into(),
            booked: None,
        }
    }

    #[test]
    fn the_same_answers_twice_are_known_with_their_day() {
        let round = Round {
            id: RoundId(1),
            created: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            lang: Lang::Nl,
            sender: "Noord BV".into(),
            register: Register::Formal,
            skipped_self: false,
            returns: vec![answer(7, "Els", 4, 3)],
        };
        // Opened again on a later day: added on the 3rd.
        assert_eq!(
            round.added_on(&answer(7, "Els", 4, 20)),
            NaiveDate::from_ymd_opt(2026, 11, 3)
        );
        // Other answers, another name or another contact: new.
        assert_eq!(round.added_on(&answer(7, "Els", 2, 20)), None);
        assert_eq!(round.added_on(&answer(7, "", 4, 20)), None);
        assert_eq!(round.added_on(&answer(8, "Els", 4, 20)), None);
    }
}
