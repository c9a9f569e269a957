//! The participant's flow through an invite (`docs/DOMAIN.md`, "Invites
//! and return codes"): one screen per section of every exercise, the draft
//! kept locally while filling in, and the return code at the end. Used by
//! the workshop participant and the client contact alike.

use super::code::{decode_return, encode_return, Invite, Kind, Return};
use crate::model::Answers;
use crate::questionnaires::engine::Section;

/// The prefix of participants' drafts in local storage.
pub const DRAFT_PREFIX: &str = "kbr:draft:";

/// What a participant has filled in so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Their random number (chosen once per invite on this device).
    pub participant: u32,
    /// The name they chose (may be empty).
    pub pseudonym: String,
    /// Per exercise of the invite, in order, the answers.
    pub answers: Vec<Answers>,
    /// The screen they were on: 0 the intro, 1… the sections, then the end.
    pub step: usize,
}

impl Draft {
    /// A fresh draft for `invite`.
    pub fn new(invite: &Invite, participant: u32) -> Draft {
        Draft {
            participant,
            pseudonym: String::new(),
            answers: vec![Answers::new(); invite.exercises.len()],
            step: 0,
        }
    }
}

/// One screen of the flow: a section of one exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    /// Index of the exercise in the invite.
    pub exercise: usize,
    /// The section shown.
    pub section: &'static Section,
}

/// Every section screen of `invite`, in order (sections without items are
/// left out).
pub fn screens(invite: &Invite) -> Vec<Screen> {
    invite
        .exercises
        .iter()
        .enumerate()
        .flat_map(|(exercise, d)| {
            d.sections
                .iter()
                .filter(move |s| d.items_of(s.id).next().is_some())
                .map(move |section| Screen { exercise, section })
        })
        .collect()
}

/// The storage key of the draft for `invite` on this device.
pub fn draft_key(invite: &Invite) -> String {
    let kind = match invite.kind {
        Kind::Workshop => 'w',
        Kind::Client => 'c',
    };
    format!(
        "{DRAFT_PREFIX}{kind}{}",
        crate::model::base36(invite.session)
    )
}

/// The return code of `draft`.
pub fn return_code(invite: &Invite, draft: &Draft) -> String {
    encode_return(&Return {
        kind: invite.kind,
        session: invite.session,
        participant: draft.participant,
        pseudonym: draft.pseudonym.clone(),
        answers: invite
            .exercises
            .iter()
            .copied()
            .zip(draft.answers.iter().cloned())
            .collect(),
    })
}

/// The stored form of a draft: its step and its return code, so a draft
/// is checked exactly as answers sent to the trainer are.
pub fn encode_draft(invite: &Invite, draft: &Draft) -> String {
    format!("1.{}.{}", draft.step, return_code(invite, draft))
}

/// Reads a stored draft back; `None` when it does not fit this invite
/// (another version, another session, damaged): then the participant
/// starts afresh.
pub fn decode_draft(invite: &Invite, raw: &str) -> Option<Draft> {
    let mut parts = raw.splitn(3, '.');
    if parts.next()? != "1" {
        return None;
    }
    let step: usize = parts.next()?.parse().ok()?;
    let ret = decode_return(parts.next()?).ok()?;
    let fits = ret.kind == invite.kind
        && ret.session == invite.session
        && ret.answers.len() == invite.exercises.len()
        && ret
            .answers
            .iter()
            .zip(&invite.exercises)
            .all(|((a, _), b)| a.id == b.id);
    fits.then(|| Draft {
        participant: ret.participant,
        pseudonym: ret.pseudonym,
        answers: ret.answers.into_iter().map(|(_, a)| a).collect(),
        step: step.min(screens(invite).len() + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Answer;
    use crate::questionnaires::definitions::{CLIENT_VIEW, HOSTMANSHIP, QUICK_SCAN};

    fn invite() -> Invite {
        Invite {
            kind: Kind::Workshop,
            session: 99,
            lang: Lang::Nl,
            exercises: vec![&HOSTMANSHIP, &QUICK_SCAN],
            title: "Casus".into(),
        }
    }

    #[test]
    fn one_screen_per_section_of_every_exercise() {
        let s = screens(&invite());
        assert_eq!(
            s.len(),
            HOSTMANSHIP.sections.len() + QUICK_SCAN.sections.len()
        );
        assert_eq!(
            (s[0].exercise, s[0].section.id),
            (0, HOSTMANSHIP.sections[0].id)
        );
        assert_eq!(s.last().unwrap().exercise, 1);
    }

    #[test]
    fn drafts_survive_a_reload_and_refuse_another_invite() {
        let i = invite();
        let mut d = Draft::new(&i, 77);
        d.pseudonym = "Groen".into();
        d.answers[0].insert("dialogue-listen".into(), Answer::Scale(4));
        d.answers[1].insert("sw-payment".into(), Answer::Choice("often".into()));
        d.step = 5;
        let raw = encode_draft(&i, &d);
        assert_eq!(decode_draft(&i, &raw), Some(d.clone()));
        assert_eq!(draft_key(&i), "kbr:draft:w2r");
        let other = Invite {
            session: 100,
            ..i.clone()
        };
        assert_eq!(decode_draft(&other, &raw), None);
        let client = Invite {
            kind: Kind::Client,
            exercises: vec![&CLIENT_VIEW],
            ..i.clone()
        };
        assert_eq!(decode_draft(&client, &raw), None);
        assert_eq!(decode_draft(&i, "garbage"), None);
        assert_eq!(decode_draft(&i, &raw.replacen("1.", "2.", 1)), None);
    }
}
