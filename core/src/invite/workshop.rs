//! Workshop sessions (`docs/DOMAIN.md`, "Workshops"): a trainer's session
//! with its exercises, the participants' answers collected from return
//! codes, the group results once revealed, the stored form of a session,
//! and the merge of two tabs' versions of it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::code::{
    decode_return, find_codes, CodeError, Invite, Kind, Return, PSEUDONYM_MAX, TITLE_MAX,
};
use crate::i18n::{tf, Key, Lang, Register};
use crate::model::{Answers, GroupInfo, RoundId};
use crate::questionnaires::definitions;
use crate::questionnaires::engine::{validate_answers, Definition};
use crate::questionnaires::group::{group, GroupResult};
use crate::validate::{clean_text, Field, TextError};

/// The schema of a stored session.
pub const SESSION_SCHEMA: u32 = 1;
/// Prefix of session keys in storage.
pub const SESSION_PREFIX: &str = "kbr:workshop:";
/// The most participants one session takes: a room, not a survey.
pub const MAX_PARTICIPANTS: usize = 200;

/// The storage key of a session.
pub fn session_key(id: RoundId) -> String {
    format!("{SESSION_PREFIX}{}", id.slug())
}

/// One participant's answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The random number of their device: the same participant sending
    /// again replaces their earlier answers.
    pub id: u32,
    /// The name they chose (may be empty: then "participant 3").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pseudonym: String,
    /// When their answers were added.
    #[serde(with = "crate::model::dates::iso")]
    pub received: NaiveDate,
    /// Per exercise (definition id), the answers.
    pub answers: BTreeMap<String, Answers>,
}

/// A workshop session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The id its codes carry.
    pub id: RoundId,
    /// When it was made.
    #[serde(with = "crate::model::dates::iso")]
    pub created: NaiveDate,
    /// The case title (travels in the invite link).
    pub title: String,
    /// The language participants answer in.
    pub lang: Lang,
    /// The exercises (definition ids), in order.
    pub exercises: Vec<String>,
    /// Whether the trainer revealed the results (until then only counts
    /// show, so early answers do not anchor the group).
    #[serde(default)]
    pub revealed: bool,
    /// Participants in the order their answers first came in.
    #[serde(default)]
    pub participants: Vec<Participant>,
}

/// Why a new session cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SessionError {
    /// The title is too long.
    #[error(transparent)]
    Title(#[from] TextError),
    /// No exercise was chosen.
    #[error("no exercise")]
    NoExercise,
}

impl SessionError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SessionError::Title(e) => e.message(lang),
            SessionError::NoExercise => Key::WorkshopNoExercise.text(lang).to_string(),
        }
    }
}

impl Session {
    /// A new session, or why not.
    pub fn new(
        id: RoundId,
        created: NaiveDate,
        title: &str,
        lang: Lang,
        exercises: &[&Definition],
    ) -> Result<Session, SessionError> {
        let title = clean_text(Field::Text, title, TITLE_MAX, false)?;
        if exercises.is_empty() {
            return Err(SessionError::NoExercise);
        }
        Ok(Session {
            id,
            created,
            title,
            lang,
            exercises: exercises.iter().map(|d| d.id.to_string()).collect(),
            revealed: false,
            participants: Vec::new(),
        })
    }

    /// The exercises as definitions (unknown ids are skipped).
    pub fn definitions(&self) -> Vec<&'static Definition> {
        self.exercises
            .iter()
            .filter_map(|id| definitions::find(id))
            .collect()
    }

    /// The invite its link carries.
    pub fn invite(&self) -> Invite {
        Invite {
            kind: Kind::Workshop,
            session: self.id.0,
            lang: self.lang,
            exercises: self.definitions(),
            title: self.title.clone(),
            register: Register::Informal,
        }
    }

    /// How participant `p` is shown: their pseudonym, or "deelnemer 3" by
    /// the order their answers came in.
    pub fn label(&self, p: &Participant, lang: Lang) -> String {
        if !p.pseudonym.is_empty() {
            return p.pseudonym.clone();
        }
        let n = self
            .participants
            .iter()
            .position(|x| x.id == p.id)
            .unwrap_or(0)
            + 1;
        tf(lang, Key::WorkshopParticipantN, &[("n", &n.to_string())])
    }

    /// How many answered, per exercise.
    pub fn counts(&self) -> Vec<(&'static Definition, usize)> {
        self.definitions()
            .into_iter()
            .map(|d| {
                let n = self
                    .participants
                    .iter()
                    .filter(|p| p.answers.contains_key(d.id))
                    .count();
                (d, n)
            })
            .collect()
    }

    /// The answer sets of one exercise, with who gave them.
    pub fn answers_to(&self, definition: &Definition) -> Vec<(&Participant, &Answers)> {
        self.participants
            .iter()
            .filter_map(|p| p.answers.get(definition.id).map(|a| (p, a)))
            .collect()
    }

    /// The group result of one exercise.
    pub fn result(&self, definition: &Definition) -> GroupResult {
        let sets: Vec<&Answers> = self
            .answers_to(definition)
            .into_iter()
            .map(|(_, a)| a)
            .collect();
        group(definition, &sets)
    }

    /// The group's means of one exercise with where they came from, to keep
    /// on a client as one dated assessment.
    pub fn as_assessment(&self, definition: &Definition) -> Option<(Answers, GroupInfo)> {
        let r = self.result(definition);
        let (sections, total) = r.figures();
        (!r.means.is_empty()).then(|| {
            (
                r.means,
                GroupInfo {
                    title: self.title.clone(),
                    participants: r.participants as u32,
                    sections,
                    total,
                },
            )
        })
    }

    /// The day the answers of `ret` were added, when this session holds
    /// these very answers already (the same link opened twice).
    pub fn added_on(&self, ret: &Return) -> Option<NaiveDate> {
        let p = self.accept(ret, self.created).ok()?;
        self.participants
            .iter()
            .find(|x| x.id == p.id && x.answers == p.answers && x.pseudonym == p.pseudonym)
            .map(|x| x.received)
    }

    /// Checks a decoded return against this session and turns it into a
    /// participant, or says why it is refused (whole).
    pub fn accept(&self, ret: &Return, today: NaiveDate) -> Result<Participant, CodeError> {
        if ret.kind != Kind::Workshop {
            return Err(CodeError::WrongKind);
        }
        if ret.session != self.id.0 {
            return Err(CodeError::OtherSession);
        }
        let mut answers = BTreeMap::new();
        for (d, a) in &ret.answers {
            if !self.exercises.iter().any(|e| e == d.id) || !validate_answers(d, a).is_empty() {
                return Err(CodeError::Malformed);
            }
            answers.insert(d.id.to_string(), a.clone());
        }
        if answers.is_empty() {
            return Err(CodeError::Malformed);
        }
        Ok(Participant {
            id: ret.participant,
            pseudonym: ret.pseudonym.clone(),
            received: today,
            answers,
        })
    }

    /// Adds a participant; the same participant again replaces their
    /// earlier answers in place. Returns whether it replaced.
    pub fn put(&mut self, p: Participant) -> bool {
        match self.participants.iter_mut().find(|x| x.id == p.id) {
            Some(slot) => {
                *slot = p;
                true
            }
            None => {
                self.participants.push(p);
                false
            }
        }
    }
}

/// What happened to one pasted or dropped code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new participant's answers were added.
    Added(String),
    /// A participant sent again: their earlier answers were replaced.
    Replaced(String),
    /// These very answers were added before (a link pasted twice, a phone
    /// held up to the camera again): nothing changed.
    Duplicate(String),
    /// The code was refused, whole: its first characters and why.
    Refused(String, CodeError),
}

/// Reads every return code in `text` (links, bare codes, a chat message)
/// into `session`, code by code: each is added whole or refused whole.
/// Text without any code is one refusal.
pub fn collect(session: &mut Session, text: &str, today: NaiveDate, lang: Lang) -> Vec<Outcome> {
    let codes = find_codes(text);
    if codes.is_empty() {
        let shown: String = text.trim().chars().take(12).collect();
        return vec![Outcome::Refused(shown, CodeError::NotACode)];
    }
    codes
        .into_iter()
        .map(|code| {
            let shown: String = code.chars().take(12).collect();
            let accepted = decode_return(&code).and_then(|r| session.accept(&r, today));
            let label_of = |session: &Session, id| {
                session
                    .participants
                    .iter()
                    .find(|x: &&Participant| x.id == id)
                    .map(|p| session.label(p, lang))
                    .unwrap_or_default()
            };
            match accepted {
                Ok(p)
                    if session.participants.iter().any(|x| {
                        x.id == p.id && x.answers == p.answers && x.pseudonym == p.pseudonym
                    }) =>
                {
                    Outcome::Duplicate(label_of(session, p.id))
                }
                Ok(p)
                    if session.participants.len() >= MAX_PARTICIPANTS
                        && !session.participants.iter().any(|x| x.id == p.id) =>
                {
                    Outcome::Refused(shown, CodeError::Malformed)
                }
                Ok(p) => {
                    let id = p.id;
                    let replaced = session.put(p);
                    let label = label_of(session, id);
                    if replaced {
                        Outcome::Replaced(label)
                    } else {
                        Outcome::Added(label)
                    }
                }
                Err(e) => Outcome::Refused(shown, e),
            }
        })
        .collect()
}

/// A change to a session, as data; [`apply`] returns its inverse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionCommand {
    /// Reads every return code in a pasted text or dropped file.
    Collect(String),
    /// Shows or hides the group results.
    Reveal(bool),
    /// Removes one participant's answers.
    RemoveParticipant(u32),
    /// Puts the session back exactly as it was (the inverse).
    Restore(Box<Session>),
}

/// Applies `command` to `session` on `today`; returns the inverse and, for
/// [`SessionCommand::Collect`], what happened to each code. A command that
/// changes nothing has itself-restoring inverse.
pub fn apply(
    session: &mut Session,
    command: SessionCommand,
    today: NaiveDate,
    lang: Lang,
) -> (SessionCommand, Vec<Outcome>) {
    let before = Box::new(session.clone());
    let outcomes = match command {
        SessionCommand::Collect(text) => collect(session, &text, today, lang),
        SessionCommand::Reveal(on) => {
            session.revealed = on;
            Vec::new()
        }
        SessionCommand::RemoveParticipant(id) => {
            session.participants.retain(|p| p.id != id);
            Vec::new()
        }
        SessionCommand::Restore(s) => {
            *session = *s;
            Vec::new()
        }
    };
    (SessionCommand::Restore(before), outcomes)
}

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: u32,
    session: Session,
}

/// Why a stored session cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SessionDecodeError {
    /// Written by a newer version of the app.
    #[error("newer schema {0}")]
    Newer(u32),
    /// Not a session, or a field does not fit.
    #[error("invalid: {0}")]
    Invalid(String),
}

/// The stored text of a session.
pub fn encode(session: &Session) -> String {
    serde_json::to_string(&Stored {
        schema: SESSION_SCHEMA,
        session: session.clone(),
    })
    .unwrap_or_default()
}

/// Reads a stored session and checks it as strictly as a new one.
pub fn decode(raw: &str) -> Result<Session, SessionDecodeError> {
    #[derive(Deserialize)]
    struct Head {
        schema: u32,
    }
    let head: Head =
        serde_json::from_str(raw).map_err(|e| SessionDecodeError::Invalid(e.to_string()))?;
    if head.schema > SESSION_SCHEMA {
        return Err(SessionDecodeError::Newer(head.schema));
    }
    let stored: Stored =
        serde_json::from_str(raw).map_err(|e| SessionDecodeError::Invalid(e.to_string()))?;
    let s = stored.session;
    check(&s).map_err(SessionDecodeError::Invalid)?;
    Ok(s)
}

/// Every rule a stored or imported session must meet.
pub fn check(s: &Session) -> Result<(), String> {
    if s.id.0 == 0 || s.id.0 > RoundId::MAX {
        return Err("id".into());
    }
    if clean_text(Field::Text, &s.title, TITLE_MAX, false).map_or(true, |t| t != s.title) {
        return Err("title".into());
    }
    if s.exercises.is_empty() || s.exercises.iter().any(|e| definitions::find(e).is_none()) {
        return Err("exercises".into());
    }
    if s.participants.len() > MAX_PARTICIPANTS {
        return Err("participants".into());
    }
    let mut ids = std::collections::HashSet::new();
    for p in &s.participants {
        let ok = ids.insert(p.id)
            && p.pseudonym.chars().count() <= PSEUDONYM_MAX
            && p.answers.iter().all(|(d, a)| {
                s.exercises.contains(d)
                    && definitions::find(d).is_some_and(|d| validate_answers(d, a).is_empty())
            });
        if !ok {
            return Err(format!("participant {}", p.id));
        }
    }
    Ok(())
}

/// Merges this tab's version of a session with another tab's: every
/// participant of both (per participant the answers received last; on the
/// same day this tab's), revealed if either revealed.
pub fn merge(mine: &Session, theirs: &Session) -> Session {
    let mut out = mine.clone();
    out.revealed |= theirs.revealed;
    for p in &theirs.participants {
        match out.participants.iter_mut().find(|x| x.id == p.id) {
            Some(slot) if p.received > slot.received => *slot = p.clone(),
            Some(_) => {}
            None => out.participants.push(p.clone()),
        }
    }
    out
}

/// The answers of a session as CSV (`;`-separated, as Dutch spreadsheets
/// open it): one row per participant and statement.
pub fn csv(session: &Session, lang: Lang) -> String {
    use crate::questionnaires::engine::{value, AnswerKind};
    let mut out = String::from("\u{feff}");
    out.push_str(
        &[
            Key::CsvParticipant,
            Key::CsvExercise,
            Key::CsvSection,
            Key::CsvStatement,
            Key::CsvAnswer,
            Key::CsvScore,
        ]
        .map(|k| k.text(lang))
        .join(";"),
    );
    out.push_str("\r\n");
    let field = |s: &str| crate::storage::export::csv_field(s);
    for d in session.definitions() {
        for (p, answers) in session.answers_to(d) {
            for item in d.items {
                let Some(a) = answers.get(item.id) else {
                    continue;
                };
                let shown = match (item.kind, a) {
                    (AnswerKind::Choice(options), crate::model::Answer::Choice(c)) => options
                        .iter()
                        .find(|o| o.id == c)
                        .map_or(c.clone(), |o| o.label.get(lang).to_string()),
                    (_, crate::model::Answer::Scale(v)) => v.to_string(),
                    (_, crate::model::Answer::Text(t)) => t.clone(),
                    _ => String::new(),
                };
                let score =
                    value(item, Some(a)).map_or(String::new(), |v| format!("{:.0}", v * 100.0));
                let section = d.section(item.section).map_or("", |s| s.title.get(lang));
                let row = [
                    session.label(p, lang),
                    d.title.get(lang).to_string(),
                    section.to_string(),
                    item.text.get(lang).to_string(),
                    shown,
                    score,
                ];
                out.push_str(&row.iter().map(|c| field(c)).collect::<Vec<_>>().join(";"));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// A file name for the CSV: `workshop-<title>-<date>.csv`.
pub fn csv_name(session: &Session) -> String {
    let slug = if session.title.trim().is_empty() {
        session.id.slug()
    } else {
        crate::storage::export::file_slug(&session.title)
    };
    format!("workshop-{slug}-{}.csv", session.created)
}

#[cfg(test)]
mod tests {
    use super::super::code::encode_return;
    use super::*;
    use crate::model::Answer;
    use crate::questionnaires::definitions::{HOSTMANSHIP, INTEGRITY, QUICK_SCAN};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn session() -> Session {
        Session::new(
            RoundId(4242),
            day(1),
            " Casus Noord ",
            Lang::Nl,
            &[&HOSTMANSHIP, &QUICK_SCAN],
        )
        .unwrap()
    }

    fn code(session: u64, participant: u32, name: &str, listen: u8) -> String {
        let answers = [("dialogue-listen".to_string(), Answer::Scale(listen))].into();
        encode_return(&Return {
            kind: Kind::Workshop,
            session,
            participant,
            pseudonym: name.into(),
            answers: vec![(&HOSTMANSHIP, answers)],
        })
    }

    #[test]
    fn a_session_needs_an_exercise_and_a_short_title() {
        assert_eq!(session().title, "Casus Noord");
        assert_eq!(
            Session::new(RoundId(1), day(1), "x", Lang::Nl, &[]),
            Err(SessionError::NoExercise)
        );
        assert!(Session::new(
            RoundId(1),
            day(1),
            &"x".repeat(61),
            Lang::Nl,
            &[&HOSTMANSHIP]
        )
        .is_err());
        let invite = session().invite();
        assert_eq!(invite.exercises.len(), 2);
        assert_eq!(invite.title, "Casus Noord");
    }

    #[test]
    fn pasted_codes_are_added_whole_replaced_per_participant_or_refused_with_a_reason() {
        let mut s = session();
        let client = encode_return(&Return {
            kind: Kind::Client,
            session: 4242,
            participant: 9,
            pseudonym: String::new(),
            answers: vec![],
        });
        let chat = format!(
            "Piet: https://x.nl/#/r/{}\nAns: {}\nweer Piet https://x.nl/#/r/{}\n{}\n{}\n{}",
            code(4242, 1, "Piet", 2),
            code(4242, 2, "", 4),
            code(4242, 1, "Piet", 5),
            code(77, 3, "", 3),
            client,
            "AAAAAAAAAAAAAAAAAAAAAAAA",
        );
        let out = collect(&mut s, &chat, day(2), Lang::Nl);
        assert_eq!(out[0], Outcome::Added("Piet".into()));
        assert_eq!(out[1], Outcome::Added("deelnemer 2".into()));
        assert_eq!(out[2], Outcome::Replaced("Piet".into()));
        assert!(matches!(
            out[3],
            Outcome::Refused(_, CodeError::OtherSession)
        ));
        assert!(matches!(out[4], Outcome::Refused(_, CodeError::WrongKind)));
        assert!(matches!(out[5], Outcome::Refused(_, CodeError::Checksum)));
        assert_eq!(s.participants.len(), 2);
        // The same link opened again is known, with the day it was added;
        // Piet's earlier answers (since replaced) and another session's are not.
        let again = |c: String| s.added_on(&decode_return(&c).unwrap());
        assert_eq!(again(code(4242, 1, "Piet", 5)), Some(day(2)));
        assert_eq!(again(code(4242, 2, "", 4)), Some(day(2)));
        assert_eq!(again(code(4242, 1, "Piet", 2)), None);
        assert_eq!(again(code(4242, 1, "Pieter", 5)), None);
        assert_eq!(again(code(4242, 3, "", 3)), None);
        assert_eq!(
            s.participants[0].answers["hostmanship"]["dialogue-listen"],
            Answer::Scale(5)
        );
        assert_eq!(s.counts(), vec![(&HOSTMANSHIP, 2), (&QUICK_SCAN, 0)]);
        // The very same answers again change nothing and say so.
        let before = s.clone();
        assert_eq!(
            collect(&mut s, &code(4242, 1, "Piet", 5), day(3), Lang::Nl),
            vec![Outcome::Duplicate("Piet".into())]
        );
        assert_eq!(s, before);
        assert!(matches!(
            collect(&mut s, "hallo allemaal", day(2), Lang::Nl)[..],
            [Outcome::Refused(_, CodeError::NotACode)]
        ));
        // An exercise the session does not hold is refused.
        let integrity = encode_return(&Return {
            kind: Kind::Workshop,
            session: 4242,
            participant: 5,
            pseudonym: String::new(),
            answers: vec![(&INTEGRITY, Answers::new())],
        });
        assert!(matches!(
            collect(&mut s, &integrity, day(2), Lang::Nl)[..],
            [Outcome::Refused(_, CodeError::Malformed)]
        ));
        // The group result and the means to keep on a client.
        let r = s.result(&HOSTMANSHIP);
        assert_eq!(r.participants, 2);
        let (means, info) = s.as_assessment(&HOSTMANSHIP).unwrap();
        assert_eq!(means["dialogue-listen"], Answer::Mean(8750));
        assert_eq!((info.title.as_str(), info.participants), ("Casus Noord", 2));
    }

    #[test]
    fn stored_sessions_round_trip_merge_and_refuse_tampering() {
        let mut s = session();
        collect(&mut s, &code(4242, 1, "Piet", 2), day(2), Lang::Nl);
        let raw = encode(&s);
        assert_eq!(decode(&raw), Ok(s.clone()));
        assert!(matches!(
            decode(&raw.replace("\"schema\":1", "\"schema\":9")),
            Err(SessionDecodeError::Newer(9))
        ));
        assert!(
            decode(&raw.replace("\"exercises\":[\"hostmanship\"", "\"exercises\":[\"bogus\""))
                .is_err()
        );
        assert!(decode("[]").is_err());
        let mut other = s.clone();
        collect(&mut other, &code(4242, 2, "Ans", 3), day(3), Lang::Nl);
        other.revealed = true;
        collect(&mut s, &code(4242, 3, "Kim", 4), day(3), Lang::Nl);
        let m = merge(&s, &other);
        assert_eq!(m.participants.len(), 3);
        assert!(m.revealed);
        assert_eq!(session_key(s.id), "kbr:workshop:39u");
    }

    #[test]
    fn csv_has_a_row_per_answer_and_guards_formulas() {
        let mut s = session();
        collect(&mut s, &code(4242, 1, "=Piet", 2), day(2), Lang::Nl);
        let csv = csv(&s, Lang::Nl);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2, "{csv}");
        assert!(lines[0].starts_with("\u{feff}Deelnemer;Oefening"));
        assert!(lines[1].starts_with("'=Piet;Hostmanship"), "{}", lines[1]);
        assert!(lines[1].ends_with(";2;25"), "{}", lines[1]);
        assert_eq!(csv_name(&s), "workshop-casus-noord-2026-11-01.csv");
    }
}
