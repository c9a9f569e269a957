//! Property tests of the invite and return codes (DESIGN §8): every
//! definition round-trips with any answers, skipped or not; any change to a
//! code is refused whole; return links of the workshop exercises stay short.

use kbr_core::i18n::{Lang, Register};
use kbr_core::invite::code::{
    decode_invite, decode_return, encode_invite, encode_return, CodeError, Invite, Kind, Return,
};
use kbr_core::model::{Answer, Answers};
use kbr_core::questionnaires::definitions::{self, ALL};
use kbr_core::questionnaires::engine::{AnswerKind, Definition};
use proptest::prelude::*;

/// Answers to `d` from one random number per item: 0 leaves it out,
/// anything else picks a valid answer of its kind.
fn answers(d: &Definition, picks: &[(u8, String)]) -> Answers {
    d.items
        .iter()
        .zip(picks.iter().cycle())
        .filter_map(|(item, (n, text))| {
            let a = match (item.kind, n % 7) {
                (_, 0) => return None,
                (AnswerKind::Scale, v) => Answer::Scale(v.min(5)),
                (AnswerKind::Choice(o), v) => Answer::Choice(o[usize::from(v) % o.len()].id.into()),
                (AnswerKind::FreeText, _) => {
                    let t = text.trim();
                    if t.is_empty() || t.chars().any(|c| c.is_control()) {
                        return None;
                    }
                    Answer::Text(t.to_string())
                }
            };
            Some((item.id.to_string(), a))
        })
        .collect()
}

fn arb_picks() -> impl Strategy<Value = Vec<(u8, String)>> {
    prop::collection::vec((any::<u8>(), "[a-zA-Zéëï 0-9,.!?€\u{1F600}]{0,40}"), 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_definition_round_trips_with_any_answers(
        session in 1u64..(1 << 48),
        participant in any::<u32>(),
        pseudonym in "[a-zA-Z0-9 é]{0,24}",
        picks in arb_picks(),
        client in any::<bool>(),
    ) {
        for d in ALL {
            let ret = Return {
                kind: if client { Kind::Client } else { Kind::Workshop },
                session,
                participant,
                pseudonym: pseudonym.trim().to_string(),
                answers: vec![(*d, answers(d, &picks))],
            };
            let code = encode_return(&ret);
            prop_assert_eq!(decode_return(&code), Ok(ret));
        }
    }

    #[test]
    fn a_changed_character_is_refused_whole(
        picks in arb_picks(),
        at in any::<prop::sample::Index>(),
        with in "[A-Za-z0-9_-]",
    ) {
        let ret = Return {
            kind: Kind::Workshop,
            session: 77,
            participant: 5,
            pseudonym: String::new(),
            answers: vec![(&definitions::HOSTMANSHIP, answers(&definitions::HOSTMANSHIP, &picks))],
        };
        let code = encode_return(&ret);
        let i = at.index(code.len());
        let mut changed: Vec<char> = code.chars().collect();
        changed[i] = with.chars().next().unwrap();
        let changed: String = changed.into_iter().collect();
        if changed != code {
            prop_assert!(decode_return(&changed).is_err());
        }
        // Cut off anywhere: refused too.
        prop_assert!(decode_return(&code[..i]).is_err());
    }

    #[test]
    fn invites_round_trip(session in 1u64..(1 << 48), title in "[a-zA-Z0-9 ]{0,60}", n in 1usize..4, en in any::<bool>(), client in any::<bool>(), je in any::<bool>()) {
        // A client is addressed as the sender chose; a participant with "je".
        let invite = Invite {
            kind: if client { Kind::Client } else { Kind::Workshop },
            session,
            lang: if en { Lang::En } else { Lang::Nl },
            exercises: if client {
                vec![&definitions::CLIENT_VIEW]
            } else {
                definitions::workshop_exercises().take(n).collect()
            },
            title: title.trim().to_string(),
            register: if je || !client { Register::Informal } else { Register::Formal },
        };
        prop_assert_eq!(decode_invite(&encode_invite(&invite)), Ok(invite));
    }
}

#[test]
fn the_longest_workshop_return_link_stays_under_300_characters() {
    // Every exercise a workshop can hold, every item answered with the
    // widest value, the longest pseudonym.
    let all: Vec<&Definition> = definitions::workshop_exercises().collect();
    let widest = |d: &Definition| -> Answers {
        d.items
            .iter()
            .map(|i| {
                let a = match i.kind {
                    AnswerKind::Scale => Answer::Scale(5),
                    AnswerKind::Choice(o) => Answer::Choice(o[o.len() - 1].id.into()),
                    AnswerKind::FreeText => Answer::Text("x".into()),
                };
                (i.id.to_string(), a)
            })
            .collect()
    };
    let ret = Return {
        kind: Kind::Workshop,
        session: (1 << 48) - 1,
        participant: u32::MAX,
        pseudonym: "Ä".repeat(24),
        answers: all.iter().map(|d| (*d, widest(d))).collect(),
    };
    let link = format!(
        "https://voorbeeld.nl/klantbankrekening/#/r/{}",
        encode_return(&ret)
    );
    let qr = kbr_core::invite::qr::qr_of(&link).unwrap();
    println!(
        "longest workshop return link (all {} exercises, 24-letter pseudonym): {} characters, QR version {}",
        all.len(),
        link.len(),
        qr.version
    );
    assert!(link.len() < 300, "{}", link.len());
    assert_eq!(
        decode_return(&link[link.find("#/r/").unwrap() + 4..]),
        Ok(ret)
    );
    assert_eq!(decode_return("#"), Err(CodeError::NotACode));
}
