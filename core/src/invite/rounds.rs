//! The rules of a client-invite round (`docs/DOMAIN.md`, "Client
//! invites"): what its invite carries, when its answers may be opened
//! (blind), how a received return becomes a stored answer, the trust gap of
//! a round, and which entry an answer could be booked as.

use chrono::NaiveDate;

use super::code::{CodeError, Invite, Kind, Return};
use crate::catalogue;
use crate::i18n::{tf, Key, Lang};
use crate::invite::code::TITLE_MAX;
use crate::model::{
    Account, Answer, Answers, CategoryId, ClientReturn, Direction, Party, Response, Round, RoundId,
};
use crate::questionnaires::definitions::{client_view, interaction, CLIENT_VIEW, HOSTMANSHIP};
use crate::questionnaires::engine::{score, text_answer, validate_answers};
use crate::questionnaires::gap::{gaps, PrincipleGap};
use crate::validate::{clean_text, EntryDraft, Field, TextError};

/// The invite of `round`: the client-view questionnaire, in the round's
/// language, with the sender's name as its title.
pub fn invite_of(round: &Round) -> Invite {
    Invite {
        kind: Kind::Client,
        session: round.id.0,
        lang: round.lang,
        exercises: vec![&CLIENT_VIEW],
        title: round.sender.clone(),
        register: round.register,
    }
}

/// Who asks, as the client reads it on the first screen: the person and
/// their organisation ("Eva de Vries, Jansen ICT"). Both are required: an
/// invite from nobody in particular is not answered, or not trusted.
pub fn sender_line(person: &str, organisation: &str) -> Result<String, Vec<TextError>> {
    let person = clean_text(Field::Person, person, TITLE_MAX, true);
    let organisation = clean_text(Field::Organisation, organisation, TITLE_MAX, true);
    match (person, organisation) {
        (Ok(p), Ok(o)) => {
            let line = format!("{p}, {o}");
            let len = line.chars().count();
            if len > TITLE_MAX {
                return Err(vec![TextError::TooLong {
                    field: Field::Sender,
                    len,
                    max: TITLE_MAX,
                }]);
            }
            Ok(line)
        }
        (p, o) => Err([p.err(), o.err()].into_iter().flatten().collect()),
    }
}

/// A ready-to-send message with the invite link, in the round's language.
pub fn message(round: &Round, link: &str) -> String {
    let key = if round.sender.trim().is_empty() {
        round
            .register
            .pick(Key::RoundMessageAnonymous, Key::RoundMessageAnonymousJe)
    } else {
        round.register.pick(Key::RoundMessage, Key::RoundMessageJe)
    };
    tf(
        round.lang,
        key,
        &[("sender", round.sender.trim()), ("link", link)],
    )
}

/// Whether the answers of `round` may be shown: the user recorded their own
/// self-assessment for it, or chose to skip that. Until then the answers
/// are kept but stay closed, so the self-assessment is made blind.
pub fn is_open(account: &Account, round: &Round) -> bool {
    round.skipped_self || own_response(account, round.id).is_some()
}

/// The hostmanship self-assessment made for `round`.
pub fn own_response(account: &Account, round: RoundId) -> Option<&Response> {
    account
        .assessments
        .iter()
        .filter(|r| r.definition == HOSTMANSHIP.id && r.round == Some(round))
        .max_by_key(|r| (r.date, r.id))
}

/// What the round's comparison uses as our side: the self-assessment for
/// the round, or when it was skipped, the latest hostmanship
/// self-assessment up to the round's last answer (`false`: not blind).
pub fn comparison_response<'a>(
    account: &'a Account,
    round: &Round,
) -> Option<(&'a Response, bool)> {
    if let Some(r) = own_response(account, round.id) {
        return Some((r, true));
    }
    let until = round.returns.iter().map(|r| r.received).max()?;
    account
        .assessments
        .iter()
        .filter(|r| r.definition == HOSTMANSHIP.id && r.group.is_none() && r.date <= until)
        .max_by_key(|r| (r.date, r.id))
        .map(|r| (r, false))
}

/// A decoded return code as the answer of one client contact, received on
/// `today`: only client codes holding exactly the client-view
/// questionnaire, with answers that fit it.
pub fn client_return(ret: &Return, today: NaiveDate) -> Result<ClientReturn, CodeError> {
    if ret.kind != Kind::Client {
        return Err(CodeError::WrongKind);
    }
    let [(definition, answers)] = ret.answers.as_slice() else {
        return Err(CodeError::Malformed);
    };
    if definition.id != CLIENT_VIEW.id || !validate_answers(definition, answers).is_empty() {
        return Err(CodeError::Malformed);
    }
    Ok(ClientReturn {
        participant: ret.participant,
        name: ret.pseudonym.clone(),
        received: today,
        version: definition.version,
        answers: answers.clone(),
        booked: None,
    })
}

/// The round with `id` among `accounts`, with the index of its account.
pub fn find_round<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    id: RoundId,
) -> Option<(&'a Account, &'a Round)> {
    accounts
        .into_iter()
        .find_map(|a| a.rounds.iter().find(|r| r.id == id).map(|r| (a, r)))
}

/// One round compared: our side, the client's side per principle, and the
/// client's own words.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundComparison<'a> {
    /// Our self-assessment compared with, and whether it was made blind
    /// for this round.
    pub ours: Option<(&'a Response, bool)>,
    /// Per principle, largest gap first.
    pub gaps: Vec<PrincipleGap>,
    /// "What would make the difference next time", per contact.
    pub next_time: Vec<(&'a ClientReturn, &'a str)>,
    /// The free remarks, per contact.
    pub remarks: Vec<(&'a ClientReturn, &'a str)>,
}

/// Compares `round` with our side. Call only when [`is_open`].
pub fn compare<'a>(account: &'a Account, round: &'a Round) -> RoundComparison<'a> {
    let ours = comparison_response(account, round);
    let theirs: Vec<&Answers> = round.returns.iter().map(|r| &r.answers).collect();
    let texts = |item: &str| {
        round
            .returns
            .iter()
            .map(|r| (r, text_answer(&r.answers, item)))
            .filter(|(_, t)| !t.is_empty())
            .collect::<Vec<_>>()
    };
    RoundComparison {
        ours,
        gaps: gaps(ours.map(|(r, _)| &r.answers), &theirs),
        next_time: texts(client_view::NEXT_TIME),
        remarks: texts(client_view::REMARK),
    }
}

/// How one client answer could be booked, when the user chooses to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookingOption {
    /// The entry it would make.
    pub draft: EntryDraft,
    /// Why this one is suggested first.
    pub suggested: bool,
}

/// The client's overall score on 1–5 in tenths: the mean of the answered
/// principles' means, each principle weighing the same, as in every total
/// (`docs/DOMAIN.md` "Client invites"); not the mean of all statements,
/// which would weigh a principle by how many of its statements were
/// answered; the last contact (a choice) is shown beside it, not in it.
/// Shown as "totaalscore"; below 3 it suggests booking a low score.
pub fn mean_tenths(answers: &Answers) -> Option<u32> {
    let s = score(&CLIENT_VIEW, answers);
    let scale: Vec<u32> = s.sections.iter().filter_map(|x| x.mean_tenths).collect();
    (!scale.is_empty()).then(|| {
        let sum: u32 = scale.iter().sum();
        (sum * 2 + scale.len() as u32) / (scale.len() as u32 * 2)
    })
}

/// The entries a client answer could become: a withdrawal of ours when the
/// client scored us low or the last contact fell below expectation, a
/// recommendation (a deposit of the client) when it exceeded it. The one
/// that fits the answer is marked suggested; nothing is booked unless the
/// user picks one.
pub fn booking_options(ret: &ClientReturn, on: NaiveDate, lang: Lang) -> Vec<BookingOption> {
    let outcome = match ret.answers.get(client_view::LAST_CONTACT) {
        Some(Answer::Choice(c)) => Some(c.as_str()),
        _ => None,
    };
    let mean = mean_tenths(&ret.answers);
    let low = outcome == Some(interaction::BELOW) || mean.is_some_and(|m| m < 30);
    let promoter = outcome == Some(interaction::EXCEEDED) && !low;
    let who = ret.name.clone();
    let make = |id: &str, party, direction, key, suggested| {
        let weight = catalogue::builtin(id).map_or(2, |b| b.default_weight);
        let figure = mean.map_or_else(
            || "–".to_string(),
            |m| crate::questionnaires::engine::tenths_text(m, lang),
        );
        BookingOption {
            draft: EntryDraft {
                date: on,
                party,
                direction,
                category: CategoryId::new(id),
                weight,
                who: who.clone(),
                note: tf(lang, key, &[("mean", &figure)]),
                repairs: None,
            },
            suggested,
        }
    };
    vec![
        make(
            "sw-client-disappointed",
            Party::Supplier,
            Direction::Withdrawal,
            Key::RoundBookLowNote,
            low,
        ),
        make(
            "cd-recommended",
            Party::Client,
            Direction::Deposit,
            Key::RoundBookPromoterNote,
            promoter,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Register;
    use crate::model::{Client, ClientId, ResponseId};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_overall_score_weighs_each_principle_the_same_as_the_total_does() {
        // Dialogue: one statement answered 1; every other statement 4.
        let mut answers = Answers::new();
        let scale = |i: &&crate::questionnaires::engine::Item| {
            i.kind == crate::questionnaires::engine::AnswerKind::Scale
        };
        for item in CLIENT_VIEW.items.iter().filter(scale) {
            let v = if item.section == "dialogue" { 1 } else { 4 };
            answers.insert(item.id.to_string(), Answer::Scale(v));
        }
        let dialogue: Vec<_> = CLIENT_VIEW
            .items
            .iter()
            .filter(|i| i.section == "dialogue")
            .filter(scale)
            .map(|i| i.id)
            .collect();
        for id in dialogue.iter().skip(1) {
            answers.insert(id.to_string(), Answer::Skip);
        }
        let s = score(&CLIENT_VIEW, &answers);
        let principles: Vec<u32> = s.sections.iter().filter_map(|x| x.mean_tenths).collect();
        let expected = principles.iter().sum::<u32>() as f64 / principles.len() as f64;
        assert_eq!(principles.len(), 6);
        assert_eq!(mean_tenths(&answers), Some(expected.round() as u32));
        // Not the mean of the statements answered (dialogue would weigh less).
        assert_ne!(mean_tenths(&answers), Some(37));
    }

    #[test]
    fn the_sender_is_a_person_and_an_organisation_both_required() {
        assert_eq!(
            sender_line(" Eva de Vries ", "Jansen ICT"),
            Ok("Eva de Vries, Jansen ICT".to_string())
        );
        assert_eq!(
            sender_line("", " "),
            Err(vec![
                TextError::Required(Field::Person),
                TextError::Required(Field::Organisation)
            ])
        );
        assert_eq!(
            sender_line("Eva", ""),
            Err(vec![TextError::Required(Field::Organisation)])
        );
        let long = "x".repeat(TITLE_MAX);
        assert!(matches!(
            sender_line(&long[..TITLE_MAX - 2], "ab").unwrap_err()[..],
            [TextError::TooLong {
                field: Field::Sender,
                ..
            }]
        ));
        // And a round is never made without one.
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "Klant"));
        let empty = crate::command::Command::CreateRound {
            id: RoundId(5),
            lang: Lang::Nl,
            sender: "  ".into(),
            register: Register::Formal,
        };
        assert!(crate::command::apply(&mut a, empty, d(3, 1)).is_err());
        assert!(a.rounds.is_empty());
    }

    fn round(id: u64) -> Round {
        Round {
            id: RoundId(id),
            created: d(3, 1),
            lang: Lang::Nl,
            sender: "Jansen ICT".into(),
            register: Register::Formal,
            skipped_self: false,
            returns: Vec::new(),
        }
    }

    fn account() -> Account {
        Account::new(Client::new(ClientId::new_unchecked("c1"), "Van Dalen"))
    }

    fn own(id: u64, date: NaiveDate, round: Option<RoundId>) -> Response {
        Response {
            id: ResponseId(id),
            definition: HOSTMANSHIP.id.into(),
            version: HOSTMANSHIP.version,
            date,
            answers: [("dialogue-listen".to_string(), Answer::Scale(5))].into(),
            group: None,
            round,
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn answers_stay_closed_until_our_own_assessment_or_an_explicit_skip() {
        let mut a = account();
        let mut r = round(9);
        assert!(!is_open(&a, &r));
        // A self-assessment for another round, or none, does not open it.
        a.assessments.push(own(1, d(3, 2), Some(RoundId(8))));
        a.assessments.push(own(2, d(3, 2), None));
        assert!(!is_open(&a, &r));
        a.assessments.push(own(3, d(3, 3), Some(RoundId(9))));
        assert!(is_open(&a, &r));
        assert_eq!(
            comparison_response(&a, &r).map(|(x, blind)| (x.id, blind)),
            Some((ResponseId(3), true))
        );
        a.assessments.pop();
        r.skipped_self = true;
        assert!(is_open(&a, &r));
        // Skipped: compared with the latest one up to the last answer, not blind.
        r.returns.push(ClientReturn {
            participant: 1,
            name: String::new(),
            received: d(3, 5),
            version: 1,
            answers: Answers::new(),
            booked: None,
        });
        assert_eq!(
            comparison_response(&a, &r).map(|(x, blind)| (x.id, blind)),
            Some((ResponseId(2), false))
        );
    }

    #[test]
    fn a_return_must_be_a_client_code_with_the_client_view() {
        let ret = Return {
            kind: Kind::Client,
            session: 9,
            participant: 4,
            pseudonym: "Ans".into(),
            answers: vec![(
                &CLIENT_VIEW,
                answers(&[("cv-dialogue-listens", Answer::Scale(2))]),
            )],
        };
        let got = client_return(&ret, d(4, 1)).unwrap();
        assert_eq!(
            (got.participant, got.name.as_str(), got.received),
            (4, "Ans", d(4, 1))
        );
        let workshop = Return {
            kind: Kind::Workshop,
            ..ret.clone()
        };
        assert_eq!(client_return(&workshop, d(4, 1)), Err(CodeError::WrongKind));
        let other = Return {
            answers: vec![(&HOSTMANSHIP, Answers::new())],
            ..ret
        };
        assert_eq!(client_return(&other, d(4, 1)), Err(CodeError::Malformed));
    }

    #[test]
    fn low_answers_suggest_a_withdrawal_and_promoters_a_recommendation() {
        let ret = |a: Answers| ClientReturn {
            participant: 1,
            name: "Ans".into(),
            received: d(4, 1),
            version: 1,
            answers: a,
            booked: None,
        };
        let low = ret(answers(&[
            ("cv-dialogue-listens", Answer::Scale(2)),
            ("cv-serving-success", Answer::Scale(3)),
        ]));
        let o = booking_options(&low, d(4, 2), Lang::Nl);
        assert!(o[0].suggested && !o[1].suggested);
        assert_eq!(o[0].draft.category.as_str(), "sw-client-disappointed");
        assert_eq!(
            (o[0].draft.party, o[0].draft.direction),
            (Party::Supplier, Direction::Withdrawal)
        );
        assert!(o[0].draft.note.contains("2,5"), "{}", o[0].draft.note);
        assert_eq!(o[0].draft.who, "Ans");
        let promoter = ret(answers(&[
            (
                client_view::LAST_CONTACT,
                Answer::Choice(interaction::EXCEEDED.into()),
            ),
            ("cv-dialogue-listens", Answer::Scale(5)),
        ]));
        let o = booking_options(&promoter, d(4, 2), Lang::En);
        assert!(!o[0].suggested && o[1].suggested);
        assert_eq!(o[1].draft.category.as_str(), "cd-recommended");
        let neutral = ret(answers(&[("cv-dialogue-listens", Answer::Scale(4))]));
        assert!(booking_options(&neutral, d(4, 2), Lang::Nl)
            .iter()
            .all(|o| !o.suggested));
    }

    #[test]
    fn the_invite_carries_only_the_client_view_and_the_message_holds_the_link() {
        let r = round(77);
        let i = invite_of(&r);
        assert_eq!(
            (i.kind, i.session, i.exercises.len()),
            (Kind::Client, 77, 1)
        );
        assert_eq!(i.title, "Jansen ICT");
        let m = message(&r, "https://x.nl/p/#/i/abc");
        assert!(
            m.contains("https://x.nl/p/#/i/abc") && m.contains("Jansen ICT"),
            "{m}"
        );
    }
}
