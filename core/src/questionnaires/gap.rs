//! The trust gap (`docs/DOMAIN.md`, "Client invites and the trust gap"): per hostmanship
//! principle, our own score against the client's, on the 1–5 scale. The gap
//! is ours minus theirs: positive means we rate ourselves higher than the
//! client does. Largest gaps first.

use super::definitions::{CLIENT_VIEW, HOSTMANSHIP};
use super::engine::{score, Section};
use super::group::{group, Unit};
use crate::i18n::{format_tenths, tf, Key, Lang};
use crate::model::Answers;

/// One principle, both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipleGap {
    /// The hostmanship principle.
    pub section: &'static Section,
    /// Our mean on 1–5, in tenths.
    pub ours: Option<u32>,
    /// The client's mean on 1–5 (over every client answer of the round), in
    /// tenths.
    pub theirs: Option<u32>,
}

impl PrincipleGap {
    /// Ours minus theirs in tenths, when both answered.
    pub fn gap(&self) -> Option<i32> {
        Some(self.ours? as i32 - self.theirs? as i32)
    }

    /// "Je schat Dialoog voeren 1,3 punt hoger in dan de klant."
    pub fn sentence(&self, lang: Lang) -> Option<String> {
        let g = self.gap()?;
        let key = match g.signum() {
            1 => Key::GapHigher,
            -1 => Key::GapLower,
            _ => Key::GapEqual,
        };
        Some(tf(
            lang,
            key,
            &[
                ("principle", self.section.title.get(lang)),
                ("points", &format_tenths(i64::from(g.abs()), lang)),
            ],
        ))
    }
}

/// The gap per principle between our self-assessment `ours` (hostmanship
/// answers) and the client's answers `theirs` (client-view answers), the
/// largest gap first; principles without both sides last.
pub fn gaps(ours: Option<&Answers>, theirs: &[&Answers]) -> Vec<PrincipleGap> {
    let own = ours.map(|a| score(&HOSTMANSHIP, a));
    let client = group(&CLIENT_VIEW, theirs);
    let mut out: Vec<PrincipleGap> = HOSTMANSHIP
        .sections
        .iter()
        .map(|section| {
            let ours = own
                .as_ref()
                .and_then(|s| s.section(section.id))
                .and_then(|s| s.mean_tenths);
            let theirs = client
                .sections
                .iter()
                .find(|s| s.section == section.id && s.unit == Unit::Scale)
                .and_then(|s| s.stats)
                .map(|st| (st.mean * 10.0 + 0.5 + 1e-9).floor() as u32);
            PrincipleGap {
                section,
                ours,
                theirs,
            }
        })
        .collect();
    out.sort_by_key(|g| (g.gap().is_none(), std::cmp::Reverse(g.gap().map(i32::abs))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::scale_answers as scale;

    #[test]
    fn gaps_by_hand_largest_first() {
        // Ours: dialogue 4.3 (4, 4, 5), serving 3.0.
        let ours = scale(&[
            ("dialogue-listen", 4),
            ("dialogue-understand", 4),
            ("dialogue-unasked", 5),
            ("serving-success", 3),
        ]);
        // Two client contacts: dialogue 3 and 3 → 3.0; serving 4 and 3 → 3.5.
        let a = scale(&[
            ("cv-dialogue-listens", 2),
            ("cv-dialogue-unasked", 4),
            ("cv-serving-success", 4),
        ]);
        let b = scale(&[("cv-dialogue-listens", 3), ("cv-serving-success", 3)]);
        let g = gaps(Some(&ours), &[&a, &b]);
        assert_eq!(g[0].section.id, "dialogue");
        assert_eq!(
            (g[0].ours, g[0].theirs, g[0].gap()),
            (Some(43), Some(30), Some(13))
        );
        assert_eq!(
            g[0].sentence(Lang::Nl).unwrap(),
            "Je schat Dialoog voeren 1,3 punt hoger in dan de klant."
        );
        assert_eq!(g[1].section.id, "serving");
        assert_eq!(g[1].gap(), Some(-5));
        assert!(g[1]
            .sentence(Lang::En)
            .unwrap()
            .contains("0.5 points lower"));
        assert!(g[2..].iter().all(|x| x.gap().is_none()));
    }
}
