//! The workshop's results on a projector (`docs/DOMAIN.md`, "Workshops"):
//! which slides there are and in what order. Per scored exercise one
//! overview (the group total and every principle) and then one slide per
//! principle for the discussion, the principles the group disagrees on
//! most first, then those without a spread in the questionnaire's order.

use super::workshop::Session;
use crate::questionnaires::engine::{Definition, Use};
use crate::questionnaires::group::GroupResult;

/// One slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// An exercise at a glance: its group total and every section.
    Overview {
        /// The exercise.
        definition: &'static Definition,
    },
    /// One section, large, for the discussion.
    Section {
        /// The exercise.
        definition: &'static Definition,
        /// The section's index in the exercise's group result.
        index: usize,
    },
}

/// The sections of `result` in discussion order: largest spread first
/// (as `disagreement` orders them), then the rest that were answered, in
/// the questionnaire's order.
pub fn discussion_order(result: &GroupResult) -> Vec<usize> {
    let spread = &result.disagreement;
    let rest = (0..result.sections.len())
        .filter(|i| result.sections[*i].stats.is_some() && !spread.contains(i));
    spread.iter().copied().chain(rest).collect()
}

/// Every slide of `session`, in order: exercises scored per section with
/// at least one answer (a quick scan estimates saldi and has its own view).
pub fn slides(session: &Session) -> Vec<Slide> {
    let mut out = Vec::new();
    for definition in session.definitions() {
        if definition.usage != Use::Assessment {
            continue;
        }
        let result = session.result(definition);
        if result.participants == 0 {
            continue;
        }
        out.push(Slide::Overview { definition });
        out.extend(
            discussion_order(&result)
                .into_iter()
                .map(|index| Slide::Section { definition, index }),
        );
    }
    out
}

/// The slide after `at` of `count` (`forward`), or before it, staying
/// within the show.
pub fn step(at: usize, count: usize, forward: bool) -> usize {
    match (forward, count) {
        (_, 0) => 0,
        (true, n) => (at + 1).min(n - 1),
        (false, _) => at.saturating_sub(1).min(count - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::invite::code::{Kind, Return};
    use crate::model::{Answers, RoundId};
    use crate::questionnaires::definitions::{HOSTMANSHIP, QUICK_SCAN};
    use chrono::NaiveDate;

    fn session(sets: &[Answers]) -> Session {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let mut s = Session::new(
            RoundId(7),
            day,
            "Noord",
            Lang::Nl,
            &[&HOSTMANSHIP, &QUICK_SCAN],
        )
        .unwrap();
        for (i, a) in sets.iter().enumerate() {
            let ret = Return {
                kind: Kind::Workshop,
                session: 7,
                participant: i as u32 + 1,
                pseudonym: String::new(),
                answers: vec![(&HOSTMANSHIP, a.clone())],
            };
            let p = s.accept(&ret, day).unwrap();
            s.participants.push(p);
        }
        s
    }

    use crate::model::scale_answers as scale;

    #[test]
    fn an_overview_then_the_principles_most_disputed_first() {
        // "dialogue" splits the group 1 against 5, "serving" 2 against 4,
        // "whole" agrees; the rest are not answered.
        let a = scale(&[
            ("dialogue-listen", 1),
            ("serving-success", 2),
            ("whole-journey", 3),
        ]);
        let b = scale(&[
            ("dialogue-listen", 5),
            ("serving-success", 4),
            ("whole-journey", 3),
        ]);
        let s = session(&[a, b]);
        let slides = slides(&s);
        let ids: Vec<&str> = slides
            .iter()
            .map(|sl| match sl {
                Slide::Overview { .. } => "overview",
                Slide::Section { definition, index } => definition.sections[*index].id,
            })
            .collect();
        // "whole" has a spread of 0: it still counts as a spread, last.
        assert_eq!(ids, ["overview", "dialogue", "serving", "whole"]);
        // No answers, no slides; the quick scan has none of its own.
        assert!(super::slides(&session(&[])).is_empty());
        assert_eq!(step(0, 4, true), 1);
        assert_eq!(step(3, 4, true), 3);
        assert_eq!(step(0, 4, false), 0);
        assert_eq!(step(2, 4, false), 1);
        assert_eq!(step(9, 4, false), 3);
        assert_eq!(step(0, 0, true), 0);
    }

    #[test]
    fn one_participant_gives_the_principles_in_the_questionnaires_order() {
        let a = scale(&[("whole-journey", 3), ("serving-success", 2)]);
        let s = session(&[a]);
        let ids: Vec<usize> = slides(&s)
            .iter()
            .filter_map(|sl| match sl {
                Slide::Section { index, .. } => Some(*index),
                Slide::Overview { .. } => None,
            })
            .collect();
        assert_eq!(ids, [0, 1]);
    }
}
