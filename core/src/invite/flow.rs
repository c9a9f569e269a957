//! The participant's flow through an invite (`docs/DOMAIN.md`, "Invites
//! and return codes"): one screen per section of every exercise, the draft
//! kept locally while filling in, and the return code at the end. Used by
//! the workshop participant and the client contact alike.

use super::code::{decode_return, encode_return, Invite, Kind, Return};
use crate::i18n::{Key, Register};
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

/// The flow's own texts for one invite, chosen by who is asked (a
/// workshop participant or a client) and how they are addressed: decided
/// here once, so no screen of a flow mixes "u" and "je". (The
/// questionnaire's own texts follow the same register through
/// `Text::get_in`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    /// The first screen's heading without a title or sender.
    pub heading: Key,
    /// The same with `{title}` / `{sender}`.
    pub heading_from: Key,
    /// What the 1–5 scale means and that a question may be skipped.
    pub scale: Key,
    /// That nothing goes to a server.
    pub no_server: Key,
    /// The label of the optional name.
    pub name: Key,
    /// What the name is for.
    pub name_hint: Key,
    /// The start button once something was answered.
    pub resume: Key,
    /// The last screen's heading.
    pub done: Key,
    /// The line under it (a client's thanks); none for a participant, who
    /// sees their own result there.
    pub done_text: Option<Key>,
    /// Where the answers go, without a sender's name.
    pub send: Key,
    /// The same with `{sender}`.
    pub send_to: Key,
    /// How to send them.
    pub how: Key,
    /// How many steps were taken and that the answers stay on the device.
    pub steps: Key,
}

impl Words {
    /// The texts for `kind`, in `register` (a participant is "je").
    pub fn of(kind: Kind, register: Register) -> Words {
        let r = match kind {
            Kind::Workshop => Register::Informal,
            Kind::Client => register,
        };
        let base = Words {
            heading: Key::InviteWorkshop,
            heading_from: Key::InviteWorkshopTitled,
            scale: r.pick(Key::ScaleExplainedU, Key::ScaleExplained),
            no_server: r.pick(Key::InviteNoServerU, Key::InviteNoServer),
            name: Key::InvitePseudonym,
            name_hint: Key::InvitePseudonymHint,
            resume: r.pick(Key::InviteContinueU, Key::InviteContinue),
            done: Key::DoneWorkshop,
            done_text: None,
            send: Key::ReturnSendTrainer,
            send_to: Key::ReturnSendTrainer,
            // Scanning needs someone in the room: a workshop, not a
            // client answering at their own desk.
            how: Key::ReturnHow,
            steps: r.pick(Key::DoneStepsU, Key::DoneSteps),
        };
        match kind {
            Kind::Workshop => base,
            Kind::Client => Words {
                heading: r.pick(Key::InviteClient, Key::InviteClientJe),
                heading_from: r.pick(Key::InviteClientFrom, Key::InviteClientFromJe),
                name: r.pick(Key::InviteYourName, Key::InviteYourNameJe),
                name_hint: Key::InviteNameHint,
                done: r.pick(Key::DoneClient, Key::DoneClientJe),
                done_text: Some(r.pick(Key::DoneClientText, Key::DoneClientTextJe)),
                send: r.pick(Key::ReturnSendBack, Key::ReturnSendBackJe),
                send_to: r.pick(Key::ReturnSendTo, Key::ReturnSendToJe),
                how: Key::ReturnHowClient,
                ..base
            },
        }
    }

    /// Every text, for the register checks.
    pub fn all(&self) -> Vec<Key> {
        let mut keys = vec![
            self.heading,
            self.heading_from,
            self.scale,
            self.no_server,
            self.name,
            self.name_hint,
            self.resume,
            self.done,
            self.send,
            self.send_to,
            self.how,
            self.steps,
        ];
        keys.extend(self.done_text);
        keys
    }
}

impl Invite {
    /// The flow's own texts for this invite.
    pub fn words(&self) -> Words {
        Words::of(self.kind, self.register)
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
    use crate::i18n::{Lang, Register};
    use crate::model::Answer;
    use crate::questionnaires::definitions::{CLIENT_VIEW, HOSTMANSHIP, QUICK_SCAN};

    fn invite() -> Invite {
        Invite {
            kind: Kind::Workshop,
            session: 99,
            lang: Lang::Nl,
            exercises: vec![&HOSTMANSHIP, &QUICK_SCAN],
            title: "Casus".into(),
            register: Register::Informal,
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

    /// The flow's screens in `register` say only "u" or only "je": its own
    /// texts, those it shares with every flow, and the questionnaires'.
    #[test]
    fn a_flow_speaks_in_one_register() {
        use crate::questionnaires::definitions::workshop_exercises;
        let shared = [
            Key::InviteStart,
            Key::StepOf,
            Key::ScaleLow,
            Key::ScaleHigh,
            Key::Back,
            Key::Next,
            Key::Finish,
            Key::ChangeAnswers,
            Key::ReturnQr,
            Key::ReturnFile,
            Key::ReturnShareText,
        ];
        let client = |register| Invite {
            kind: Kind::Client,
            exercises: vec![&CLIENT_VIEW],
            register,
            ..invite()
        };
        let workshop = Invite {
            exercises: workshop_exercises().collect(),
            ..invite()
        };
        for inv in [
            client(Register::Formal),
            client(Register::Informal),
            workshop,
        ] {
            let r = inv.register;
            let mut texts: Vec<&str> = inv
                .words()
                .all()
                .iter()
                .chain(&shared)
                .map(|k| k.text(Lang::Nl))
                .collect();
            for d in &inv.exercises {
                texts.extend([d.title.get_in(Lang::Nl, r), d.intro.get_in(Lang::Nl, r)]);
                for s in d.sections {
                    texts.extend([
                        s.title.get_in(Lang::Nl, r),
                        s.description.get_in(Lang::Nl, r),
                    ]);
                }
                for item in d.items {
                    texts.push(item.text.get_in(Lang::Nl, r));
                    if let crate::questionnaires::engine::AnswerKind::Choice(options) = item.kind {
                        texts.extend(options.iter().map(|o| o.label.get_in(Lang::Nl, r)));
                    }
                }
            }
            let wrong: &[&str] = match r {
                Register::Formal => &["je", "jij", "jou", "jouw", "jezelf", "jullie"],
                Register::Informal => &["u", "uw"],
            };
            for t in texts {
                let lower = t.to_lowercase();
                let said = lower
                    .split(|c: char| !c.is_alphabetic())
                    .find(|w| wrong.contains(w));
                assert_eq!(said, None, "{:?} {r:?}: {t}", inv.kind);
            }
        }
        // English has one form: the client's texts read the same.
        let en = |r| {
            Words::of(Kind::Client, r)
                .all()
                .iter()
                .map(|k| k.text(Lang::En))
                .collect::<Vec<_>>()
        };
        assert_eq!(en(Register::Formal), en(Register::Informal));
        assert_ne!(
            Words::of(Kind::Client, Register::Formal),
            Words::of(Kind::Client, Register::Informal)
        );
    }
}
