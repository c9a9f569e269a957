//! Statistics of a group's answers to one questionnaire (`docs/DOMAIN.md`,
//! "Workshops"): per section and per statement, over the participants who
//! answered it, the count, mean, minimum, maximum, range and population
//! standard deviation. Skipped answers do not count; fewer than two
//! answers have no spread. Disagreement is ordered by standard deviation,
//! largest first; the weakest section follows the rule for one person.

use std::collections::BTreeMap;

use super::engine::{
    percent, scale_tenths, score, value, weakest_of, AnswerKind, Definition, Item, Weakest,
};
use crate::i18n::{format_tenths, Lang};
use crate::model::{Answer, Answers, Figure};

/// The unit a section's or statement's figures are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// The 1–5 scale (every scored item of the section is a scale).
    Scale,
    /// 0–100 (choices: the share of the best answer).
    Percent,
}

impl Unit {
    /// A normalised value (0–1) in this unit.
    pub fn of(self, normalised: f64) -> f64 {
        match self {
            Unit::Scale => 1.0 + 4.0 * normalised,
            Unit::Percent => 100.0 * normalised,
        }
    }

    /// A value in this unit, normalised (0–1); a spread is a distance, so
    /// it is only scaled.
    fn normalise(self, v: f64, distance: bool) -> f64 {
        match (self, distance) {
            (Unit::Scale, false) => (v - 1.0) / 4.0,
            (Unit::Scale, true) => v / 4.0,
            (Unit::Percent, _) => v / 100.0,
        }
    }
}

/// A normalised value (0–1) as it is kept: in 0–10,000.
fn keep(normalised: f64) -> u16 {
    (normalised * 10_000.0).round().clamp(0.0, 10_000.0) as u16
}

impl Figure {
    /// The figure of `stats` in `unit`, as a client keeps it.
    pub fn of(stats: &Stats, unit: Unit) -> Figure {
        Figure {
            n: stats.n,
            mean: keep(unit.normalise(stats.mean, false)),
            sd: stats.sd.map(|sd| keep(unit.normalise(sd, true))),
        }
    }

    /// The mean on the 1–5 scale in tenths: what the workshop and the
    /// client page both show for a principle.
    pub fn mean_tenths(&self) -> u32 {
        scale_tenths(f64::from(self.mean) / 10_000.0)
    }

    /// The mean as 0–100.
    pub fn percent(&self) -> u8 {
        percent(f64::from(self.mean) / 10_000.0)
    }

    /// The spread in `unit` as it is shown (one decimal on the 1–5 scale,
    /// whole on 0–100), when there are two or more.
    pub fn spread_text(&self, unit: Unit, lang: Lang) -> Option<String> {
        let sd = f64::from(self.sd?) / 10_000.0;
        Some(match unit {
            Unit::Scale => format_tenths((40.0 * sd).round() as i64, lang),
            Unit::Percent => format!("{:.0}", 100.0 * sd),
        })
    }
}

/// Figures over some values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stats {
    /// How many answered.
    pub n: u32,
    /// Their mean.
    pub mean: f64,
    /// The lowest.
    pub min: f64,
    /// The highest.
    pub max: f64,
    /// The population standard deviation; `None` with fewer than two.
    pub sd: Option<f64>,
}

impl Stats {
    /// Figures over `values`; `None` when there are none.
    pub fn of(values: &[f64]) -> Option<Stats> {
        let n = values.len();
        if n == 0 {
            return None;
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let sd = (n >= 2).then(|| {
            let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
            var.sqrt()
        });
        Some(Stats {
            n: n as u32,
            mean,
            min,
            max,
            sd,
        })
    }

    /// max − min; `None` with fewer than two.
    pub fn range(&self) -> Option<f64> {
        (self.n >= 2).then_some(self.max - self.min)
    }
}

/// One section over the group.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionResult {
    /// The section's id.
    pub section: &'static str,
    /// Its unit.
    pub unit: Unit,
    /// Every participant's score (by position in the input), in `unit`;
    /// `None` when they answered nothing in it.
    pub scores: Vec<Option<f64>>,
    /// Figures over the answered scores.
    pub stats: Option<Stats>,
}

/// One statement over the group.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult {
    /// The statement.
    pub item: &'static Item,
    /// Its unit.
    pub unit: Unit,
    /// Figures over the answers.
    pub stats: Option<Stats>,
}

/// The group's result of one questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    /// How many answer sets.
    pub participants: usize,
    /// Per section, in definition order.
    pub sections: Vec<SectionResult>,
    /// Per scored statement, in definition order.
    pub items: Vec<ItemResult>,
    /// Indices into `sections` with a spread, largest standard deviation
    /// first.
    pub disagreement: Vec<usize>,
    /// Indices into `items` that were answered, lowest mean first.
    pub lowest: Vec<usize>,
    /// The group's weakest section.
    pub weakest: Weakest,
    /// The group's mean per statement, as answers to keep on a client.
    pub means: Answers,
    /// Figures over the participants' totals (0–100, each by the rule
    /// for one person): the group total is their mean.
    pub totals: Option<Stats>,
}

impl GroupResult {
    /// The figures a client keeps of this result: per answered section,
    /// and the total, exactly as shown here.
    pub fn figures(&self) -> (BTreeMap<String, Figure>, Option<Figure>) {
        let sections = self
            .sections
            .iter()
            .filter_map(|s| Some((s.section.to_string(), Figure::of(&s.stats?, s.unit))))
            .collect();
        (sections, self.totals.map(|t| Figure::of(&t, Unit::Percent)))
    }
}

/// The unit of `section`'s figures: the 1–5 scale when all its scored
/// items are scales, else 0–100.
pub fn unit_of(definition: &Definition, section: &str) -> Unit {
    let all_scale = definition
        .items_of(section)
        .filter(|i| i.kind.is_scored())
        .all(|i| i.kind == AnswerKind::Scale);
    if all_scale {
        Unit::Scale
    } else {
        Unit::Percent
    }
}

/// The group result of `sets` (one per participant) for `definition`.
pub fn group(definition: &Definition, sets: &[&Answers]) -> GroupResult {
    let scores: Vec<_> = sets.iter().map(|a| score(definition, a)).collect();
    let sections: Vec<SectionResult> = definition
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let unit = unit_of(definition, s.id);
            let normalised: Vec<Option<f64>> = sets
                .iter()
                .map(|a| {
                    let vals: Vec<f64> = definition
                        .items_of(s.id)
                        .filter_map(|item| value(item, a.get(item.id)))
                        .collect();
                    (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64)
                })
                .collect();
            debug_assert_eq!(
                normalised.iter().filter(|v| v.is_some()).count(),
                scores
                    .iter()
                    .filter(|sc| sc.sections[i].percent.is_some())
                    .count()
            );
            let in_unit: Vec<Option<f64>> =
                normalised.iter().map(|v| v.map(|v| unit.of(v))).collect();
            let answered: Vec<f64> = in_unit.iter().flatten().copied().collect();
            SectionResult {
                section: s.id,
                unit,
                scores: in_unit,
                stats: Stats::of(&answered),
            }
        })
        .collect();
    let mut means = Answers::new();
    let items: Vec<ItemResult> = definition
        .items
        .iter()
        .filter(|i| i.kind.is_scored())
        .map(|item| {
            let normalised: Vec<f64> = sets
                .iter()
                .filter_map(|a| value(item, a.get(item.id)))
                .collect();
            if let Some(st) = Stats::of(&normalised) {
                means.insert(
                    item.id.to_string(),
                    Answer::Mean((st.mean * 10_000.0).round().clamp(0.0, 10_000.0) as u16),
                );
            }
            let unit = unit_of(definition, item.section);
            let in_unit: Vec<f64> = normalised.iter().map(|v| unit.of(*v)).collect();
            ItemResult {
                item,
                unit,
                stats: Stats::of(&in_unit),
            }
        })
        .collect();
    let mut disagreement: Vec<usize> = (0..sections.len())
        .filter(|&i| sections[i].stats.and_then(|s| s.sd).is_some())
        .collect();
    let sd = |i: usize| sections[i].stats.and_then(|s| s.sd).unwrap_or(0.0);
    disagreement.sort_by(|&a, &b| sd(b).total_cmp(&sd(a)).then(a.cmp(&b)));
    let mut lowest: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].stats.is_some())
        .collect();
    let mean_of = |i: usize| items[i].stats.map_or(0.0, |s| s.mean);
    lowest.sort_by(|&a, &b| mean_of(a).total_cmp(&mean_of(b)).then(a.cmp(&b)));
    // Weakest by the sections' group means, compared on one scale (0–100).
    let weakest = weakest_of(
        definition,
        sections.iter().filter_map(|s| {
            let m = s.stats?.mean;
            let normalised = match s.unit {
                Unit::Scale => (m - 1.0) / 4.0,
                Unit::Percent => m / 100.0,
            };
            Some((s.section, normalised * 100.0))
        }),
    );
    let totals: Vec<f64> = scores
        .iter()
        .filter_map(|s| s.total.map(f64::from))
        .collect();
    GroupResult {
        participants: sets.len(),
        sections,
        items,
        disagreement,
        lowest,
        weakest,
        means,
        totals: Stats::of(&totals),
    }
}

#[cfg(test)]
mod tests {
    use super::super::definitions::{HOSTMANSHIP, INTEGRITY};
    use super::*;

    use crate::model::scale_answers as scale;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn stats_by_hand() {
        let s = Stats::of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
        assert!(close(s.mean, 5.0));
        assert!(close(s.sd.unwrap(), 2.0), "the textbook population sd");
        assert_eq!((s.min, s.max, s.range()), (2.0, 9.0, Some(7.0)));
        let one = Stats::of(&[3.0]).unwrap();
        assert_eq!((one.sd, one.range()), (None, None));
        assert_eq!(Stats::of(&[]), None);
    }

    #[test]
    fn three_participants_on_hostmanship() {
        // Serving (3 statements): means 4, 2 and — (skipped all).
        // Dialogue: 5, 1, 3 → mean 3, sd √(8/3) ≈ 1.633, range 4.
        let a = scale(&[
            ("serving-success", 4),
            ("serving-welcome", 4),
            ("dialogue-listen", 5),
        ]);
        let b = scale(&[
            ("serving-success", 1),
            ("serving-beyond-contract", 3),
            ("dialogue-listen", 1),
        ]);
        let mut c = scale(&[("dialogue-listen", 3)]);
        c.insert("serving-success".into(), Answer::Skip);
        let r = group(&HOSTMANSHIP, &[&a, &b, &c]);
        let serving = &r.sections[0];
        assert_eq!(serving.unit, Unit::Scale);
        assert_eq!(serving.scores[2], None, "skipped does not count");
        let st = serving.stats.unwrap();
        assert_eq!(st.n, 2);
        assert!(close(st.mean, 3.0));
        assert!(close(st.sd.unwrap(), 1.0));
        let dialogue = r.sections.iter().find(|s| s.section == "dialogue").unwrap();
        let d = dialogue.stats.unwrap();
        assert!(close(d.mean, 3.0));
        assert!(close(d.sd.unwrap(), (8.0f64 / 3.0).sqrt()));
        assert_eq!(d.range(), Some(4.0));
        // Dialogue disagrees most; "dialogue-listen" (mean 3) and
        // "serving-success" (mean 2.5) are the lowest statements.
        assert_eq!(r.sections[r.disagreement[0]].section, "dialogue");
        assert_eq!(r.items[r.lowest[0]].item.id, "serving-success");
        // Equal means (3 and 3): no weakest.
        assert_eq!(r.weakest, Weakest::AllEqual);
        assert_eq!(r.means.get("dialogue-listen"), Some(&Answer::Mean(5_000)));
    }

    #[test]
    fn choices_are_in_percent_and_means_score_like_answers() {
        let yes = |ids: &[&str]| -> Answers {
            ids.iter()
                .map(|k| (k.to_string(), Answer::Choice("yes".into())))
                .collect()
        };
        let mut a = yes(&["told-wrong", "said-no"]);
        a.insert("no-hiding".into(), Answer::Choice("no".into()));
        let b = yes(&["told-wrong"]);
        let r = group(&INTEGRITY, &[&a, &b]);
        let s = r.sections[0].stats.unwrap();
        assert_eq!(r.sections[0].unit, Unit::Percent);
        assert!(close(s.mean, (200.0 / 3.0 + 100.0) / 2.0));
        // The kept means are per statement: told-wrong 1, said-no 1,
        // no-hiding 0 → the kept result scores 2/3.
        let kept = score(&INTEGRITY, &r.means);
        assert_eq!(kept.total, Some(67));
    }

    /// A group result saved onto a client keeps the workshop's numbers:
    /// with statements skipped by some participants, the mean of the
    /// statement means differs from the mean of the participants' section
    /// scores, and the client page shows the latter, as the workshop did.
    #[test]
    fn a_saved_group_result_shows_the_workshops_numbers_exactly() {
        use crate::model::{GroupInfo, Response, ResponseId};
        use crate::questionnaires::engine::{score_of, Score};
        // A: "own" 5, the other two skipped (section 5.0); B: all three 1.
        let a = scale(&[("responsibility-own", 5), ("serving-success", 4)]);
        let b = scale(&[
            ("responsibility-own", 1),
            ("responsibility-no-blame", 1),
            ("responsibility-follow-up", 1),
            ("serving-success", 2),
        ]);
        let r = group(&HOSTMANSHIP, &[&a, &b]);
        let (sections, total) = r.figures();
        let resp = &r.sections[r
            .sections
            .iter()
            .position(|s| s.section == "responsibility")
            .unwrap()];
        let shown = Figure::of(&resp.stats.unwrap(), resp.unit);
        assert_eq!(shown.mean_tenths(), 30, "the workshop shows 3,0");
        assert_eq!((shown.n, shown.sd), (2, Some(5000)), "sd 2.0 on the scale");
        let response = Response {
            id: ResponseId(1),
            definition: HOSTMANSHIP.id.into(),
            version: HOSTMANSHIP.version,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            answers: r.means.clone(),
            group: Some(GroupInfo {
                title: "Noord".into(),
                participants: 2,
                sections,
                total,
            }),
            round: None,
        };
        let kept: Score = score_of(&HOSTMANSHIP, &response);
        let recomputed = score(&HOSTMANSHIP, &r.means);
        let tenths = |s: &Score| s.section("responsibility").and_then(|x| x.mean_tenths);
        assert_eq!(tenths(&kept), Some(30));
        // (5 + 1) / 2 and 1 / 1 over the statements: 2,3 would be shown.
        assert_ne!(tenths(&recomputed), Some(30));
        // The total is the mean of the two participants' own totals.
        let own = |x: &Answers| f64::from(score(&HOSTMANSHIP, x).total.unwrap());
        let expect = percent(((own(&a) + own(&b)) / 2.0) / 100.0);
        assert_eq!(kept.total, Some(expect));
        assert_eq!(total.unwrap().percent(), expect);
        // Without figures (results saved before they were kept) the means
        // are all there is.
        let old = Response {
            group: Some(GroupInfo {
                sections: BTreeMap::new(),
                total: None,
                ..response.group.clone().unwrap()
            }),
            ..response.clone()
        };
        assert_eq!(score_of(&HOSTMANSHIP, &old), recomputed);
        // A figure for a section the questionnaire lacks is refused.
        let mut bad = response.clone();
        bad.group
            .as_mut()
            .unwrap()
            .sections
            .insert("nope".into(), shown);
        assert!(!crate::questionnaires::restore::validate_response(&bad).is_empty());
        assert!(crate::questionnaires::restore::validate_response(&response).is_empty());
    }
}
