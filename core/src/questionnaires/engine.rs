//! The questionnaire engine: definitions are data, answers are
//! stored per client with their date and the definition version, and one set
//! of scoring functions serves every definition.
//!
//! A definition groups its items into sections (the hostmanship principles,
//! for instance). Scored items (a 1–5 scale, or a choice whose options carry
//! points) can always be skipped; free text is never scored. Every answer is
//! normalised to 0–1 so that scales and choices mix: a section's score is
//! the mean of its answered items, the total (0–100) is the mean of the
//! answered sections, so each section weighs the same however many
//! statements it has.
//!
//! Adding a questionnaire means adding a [`Definition`] to
//! [`super::definitions`]; the screens render any definition. The scoring
//! rules are written in `docs/DOMAIN.md` ("Questionnaires").

use chrono::NaiveDate;
use thiserror::Error;

use crate::i18n::{tf, Key, Lang, Register};
use crate::model::{dates, limits, Account, Answer, Answers, Response, ResponseId};

/// A text held as data in both languages. Dutch texts are written in one
/// register; a text a client reads in either carries its "je" form too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// Dutch.
    pub nl: &'static str,
    /// English.
    pub en: &'static str,
    /// Dutch with "je" where `nl` says "u"; empty when `nl` serves both.
    pub nl_je: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }

    /// The text in `lang`, addressing the reader in `register`.
    pub fn get_in(&self, lang: Lang, register: Register) -> &'static str {
        match (lang, register) {
            (Lang::Nl, Register::Informal) if !self.nl_je.is_empty() => self.nl_je,
            _ => self.get(lang),
        }
    }
}

/// Shorthand for a [`Text`] in definitions.
pub const fn text(nl: &'static str, en: &'static str) -> Text {
    Text { nl, en, nl_je: "" }
}

/// A [`Text`] whose Dutch differs per register: `nl` with "u", `nl_je`
/// with "je".
pub const fn text_u(nl: &'static str, nl_je: &'static str, en: &'static str) -> Text {
    Text { nl, en, nl_je }
}

/// How a definition is used by the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// Answered per interaction moment (the three interaction questions).
    PerMoment,
    /// A dated self-assessment, repeated over time (hostmanship, integrity).
    Assessment,
    /// A dated estimate of the account from how often things happened (the
    /// quick scan): scored as saldi, not as a percentage.
    Scan,
    /// Answered by the client contact through an invite.
    ClientView,
}

impl Use {
    /// Whether a workshop or a client page offers it as a dated
    /// questionnaire (everything but the per-moment questions).
    pub fn is_dated(self) -> bool {
        !matches!(self, Use::PerMoment)
    }
}

/// One option of a choice item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Stable id, stored in answers.
    pub id: &'static str,
    /// What the user reads.
    pub label: Text,
    /// Points for scoring; the best option has the most.
    pub points: u8,
}

/// What kind of answer an item takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    /// 1 (not at all) … 5 (fully), or skip.
    Scale,
    /// One of the options, or skip.
    Choice(&'static [Choice]),
    /// Free text, never scored.
    FreeText,
}

impl AnswerKind {
    /// Whether answers of this kind count in the score.
    pub fn is_scored(self) -> bool {
        !matches!(self, AnswerKind::FreeText)
    }
}

/// One question or statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable id, unique within the definition.
    pub id: &'static str,
    /// The section it belongs to.
    pub section: &'static str,
    /// The question or statement.
    pub text: Text,
    /// Its answer kind.
    pub kind: AnswerKind,
}

impl Item {
    /// The position of option `id` of a choice item.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        match self.kind {
            AnswerKind::Choice(options) => options.iter().position(|c| c.id == id),
            _ => None,
        }
    }
}

/// A group of items, scored together (a hostmanship principle).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable id, unique within the definition.
    pub id: &'static str,
    /// Short name (chart axis, table heading).
    pub title: Text,
    /// One sentence on what it means.
    pub description: Text,
    /// A concrete thing to do when this is the weakest section.
    pub tip: Text,
}

/// An item id that changed between versions, so old answers keep counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rename {
    /// Answers stored with a version below this one use `from`.
    pub before: u32,
    /// The old item id.
    pub from: &'static str,
    /// The item id since `before`.
    pub to: &'static str,
}

/// A questionnaire, as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Definition {
    /// Stable id, stored with every answer set.
    pub id: &'static str,
    /// A small stable number naming the definition inside invite and
    /// return codes (never reused).
    pub code: u8,
    /// Increases whenever items change; answers keep the version they were
    /// given under.
    pub version: u32,
    /// How the app offers it.
    pub usage: Use,
    /// Title.
    pub title: Text,
    /// What it is for and how to answer.
    pub intro: Text,
    /// Sections in display order.
    pub sections: &'static [Section],
    /// Items in display order.
    pub items: &'static [Item],
    /// Item ids renamed in earlier versions, oldest first.
    pub renames: &'static [Rename],
}

impl Definition {
    /// The item with `id`.
    pub fn item(&self, id: &str) -> Option<&'static Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The section with `id`.
    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The items of `section`, in order.
    pub fn items_of<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'static Item> + 'a {
        self.items.iter().filter(move |i| i.section == section)
    }

    /// Number of scored items.
    pub fn scored_items(&self) -> usize {
        self.items.iter().filter(|i| i.kind.is_scored()).count()
    }
}

/// The normalised value (0–1) of a scored answer, `None` when skipped,
/// unscored or not valid for the item. A group's mean counts as the value
/// it stands for.
pub fn value(item: &Item, answer: Option<&Answer>) -> Option<f64> {
    match (item.kind, answer?) {
        (k, Answer::Mean(m)) if k.is_scored() && *m <= 10_000 => Some(f64::from(*m) / 10_000.0),
        (AnswerKind::Scale, Answer::Scale(v)) if (1..=5).contains(v) => {
            Some(f64::from(v - 1) / 4.0)
        }
        (AnswerKind::Choice(options), Answer::Choice(id)) => {
            let max = options.iter().map(|c| c.points).max().unwrap_or(0);
            let chosen = options.iter().find(|c| c.id == id)?;
            Some(if max == 0 {
                0.0
            } else {
                f64::from(chosen.points) / f64::from(max)
            })
        }
        _ => None,
    }
}

/// The score of one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionScore {
    /// The section's id.
    pub section: &'static str,
    /// Scored items answered.
    pub answered: u32,
    /// Scored items skipped (or left open).
    pub skipped: u32,
    /// Mean on the 1–5 scale in tenths (10–50), when the section's answered
    /// items are all scales: the principle score.
    pub mean_tenths: Option<u32>,
    /// The mean as 0–100; `None` when nothing was answered.
    pub percent: Option<u8>,
}

/// The score of one answer set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Per section, in definition order.
    pub sections: Vec<SectionScore>,
    /// 0–100: the mean of the answered sections; `None` when all skipped.
    pub total: Option<u8>,
    /// Scored items answered.
    pub answered: u32,
    /// Scored items skipped.
    pub skipped: u32,
}

impl Score {
    /// The score of section `id`.
    pub fn section(&self, id: &str) -> Option<&SectionScore> {
        self.sections.iter().find(|s| s.section == id)
    }
}

/// A normalised value (0–1) of a 1–5 scale as its scale value in tenths
/// (10–50), rounded half up.
pub fn scale_tenths(normalised: f64) -> u32 {
    // The small offset keeps a tie like 3.45 from rounding down by float error.
    ((10.0 + 40.0 * normalised) + 0.5 + 1e-9)
        .floor()
        .clamp(10.0, 50.0) as u32
}

/// A normalised mean (0–1) as a whole percentage, rounded half up.
pub fn percent(mean: f64) -> u8 {
    (mean * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Scores `answers` against `definition`.
pub fn score(definition: &Definition, answers: &Answers) -> Score {
    let mut sections = Vec::with_capacity(definition.sections.len());
    let (mut answered, mut skipped) = (0, 0);
    let mut section_means = Vec::new();
    for section in definition.sections {
        let (mut n, mut skip, mut sum) = (0u32, 0u32, 0.0f64);
        let all_scale = definition
            .items_of(section.id)
            .filter(|i| i.kind.is_scored())
            .all(|i| i.kind == AnswerKind::Scale);
        for item in definition
            .items_of(section.id)
            .filter(|i| i.kind.is_scored())
        {
            match value(item, answers.get(item.id)) {
                Some(v) => {
                    n += 1;
                    sum += v;
                }
                None => skip += 1,
            }
        }
        answered += n;
        skipped += skip;
        let mean = (n > 0).then(|| sum / f64::from(n));
        if let Some(m) = mean {
            section_means.push(m);
        }
        sections.push(SectionScore {
            section: section.id,
            answered: n,
            skipped: skip,
            // 1 + 4 × the normalised mean, on the 1–5 scale, in tenths.
            mean_tenths: (n > 0 && all_scale).then(|| scale_tenths(sum / f64::from(n))),
            percent: mean.map(percent),
        });
    }
    let total = (!section_means.is_empty())
        .then(|| percent(section_means.iter().sum::<f64>() / section_means.len() as f64));
    Score {
        sections,
        total,
        answered,
        skipped,
    }
}

/// The score of a stored assessment. A workshop's group result is shown
/// with the figures the workshop computed (per section the mean of the
/// participants' section scores, the total the mean of their totals), not
/// recomputed from the statement means it also keeps: a statement skipped
/// by some participants would shift a recomputation.
pub fn score_of(definition: &Definition, response: &Response) -> Score {
    let mut s = score(definition, &response.answers);
    let Some(group) = response.group.as_ref().filter(|g| !g.sections.is_empty()) else {
        return s;
    };
    for section in &mut s.sections {
        let Some(f) = group.sections.get(section.section) else {
            continue;
        };
        section.percent = Some(f.percent());
        if section.mean_tenths.is_some() {
            section.mean_tenths = Some(f.mean_tenths());
        }
    }
    s.total = group.total.map(|t| t.percent());
    s
}

/// What the lowest-scoring section is, if one stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakest {
    /// Fewer than two sections answered: nothing to compare.
    NotEnough,
    /// Every answered section scores the same: none stands out.
    AllEqual,
    /// The section with the lowest score (the first in definition order
    /// on a tie).
    Section(&'static Section),
}

impl Weakest {
    /// The section, when one stands out.
    pub fn section(self) -> Option<&'static Section> {
        match self {
            Weakest::Section(s) => Some(s),
            _ => None,
        }
    }
}

/// The weakest of the answered sections by their `percent` values, given
/// as (section id, value) pairs: one person's score or a group's means.
pub fn weakest_of(
    definition: &Definition,
    values: impl IntoIterator<Item = (&'static str, f64)>,
) -> Weakest {
    let answered: Vec<(&'static str, f64)> = values.into_iter().collect();
    if answered.len() < 2 {
        return Weakest::NotEnough;
    }
    let min = answered
        .iter()
        .map(|(_, v)| *v)
        .fold(f64::INFINITY, f64::min);
    let max = answered
        .iter()
        .map(|(_, v)| *v)
        .fold(f64::NEG_INFINITY, f64::max);
    if (max - min).abs() < 1e-9 {
        return Weakest::AllEqual;
    }
    answered
        .into_iter()
        .find(|(_, v)| (*v - min).abs() < 1e-9)
        .and_then(|(id, _)| definition.section(id))
        .map_or(Weakest::NotEnough, Weakest::Section)
}

/// The weakest answered section of one answer set.
pub fn weakest(definition: &Definition, score: &Score) -> Weakest {
    weakest_of(
        definition,
        score
            .sections
            .iter()
            .filter_map(|s| s.percent.map(|p| (s.section, f64::from(p)))),
    )
}

/// Scored items answered in the lower half (scale 1–2, or an option worth
/// less than half of the best one): what to talk about first.
pub fn attention_items(definition: &Definition, answers: &Answers) -> Vec<&'static Item> {
    definition
        .items
        .iter()
        .filter(|i| value(i, answers.get(i.id)).is_some_and(|v| v < 0.5))
        .collect()
}

/// How one item was answered over many answer sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemStats {
    /// Answer sets with a valid scored answer.
    pub answered: u32,
    /// Mean scale value in tenths (scale items).
    pub mean_tenths: Option<u32>,
    /// For choice items: how often each option was chosen, in option order.
    pub counts: Vec<u32>,
}

impl ItemStats {
    /// The share (0–100) of answers that chose option `index`.
    pub fn share(&self, index: usize) -> Option<u8> {
        let n = *self.counts.get(index)?;
        (self.answered > 0).then(|| ((n * 100 + self.answered / 2) / self.answered) as u8)
    }
}

/// Statistics of `item` over `sets` (interaction moments, for instance).
pub fn item_stats<'a>(item: &Item, sets: impl IntoIterator<Item = &'a Answers>) -> ItemStats {
    let mut stats = ItemStats::default();
    let mut scale_sum = 0u32;
    if let AnswerKind::Choice(options) = item.kind {
        stats.counts = vec![0; options.len()];
    }
    for answers in sets {
        match (item.kind, answers.get(item.id)) {
            (AnswerKind::Scale, Some(Answer::Scale(v))) if (1..=5).contains(v) => {
                stats.answered += 1;
                scale_sum += u32::from(*v);
            }
            (AnswerKind::Choice(_), Some(Answer::Choice(id))) => {
                if let Some(i) = item.option_index(id) {
                    stats.answered += 1;
                    stats.counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    if matches!(item.kind, AnswerKind::Scale) && stats.answered > 0 {
        stats.mean_tenths = Some((scale_sum * 10 + stats.answered / 2) / stats.answered);
    }
    stats
}

/// A flaw in a definition (caught by tests, so it never ships).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DefinitionError {
    /// Two sections or two items share an id.
    #[error("{0}: duplicate id {1}")]
    DuplicateId(&'static str, &'static str),
    /// An item names a section that does not exist.
    #[error("{0}: item {1} is in an unknown section")]
    UnknownSection(&'static str, &'static str),
    /// A text is empty in one language.
    #[error("{0}: a text of {1} is missing a language")]
    MissingText(&'static str, &'static str),
    /// A choice has fewer than two options, or duplicate option ids.
    #[error("{0}: item {1} has bad options")]
    BadOptions(&'static str, &'static str),
    /// A section without scored items.
    #[error("{0}: section {1} has no scored item")]
    EmptySection(&'static str, &'static str),
    /// A rename that points to no current item.
    #[error("{0}: rename to {1} points nowhere")]
    BadRename(&'static str, &'static str),
}

/// Checks a definition: unique ids, every text in both languages, every
/// item in a known section, options well formed, renames pointing to items.
pub fn validate_definition(d: &Definition) -> Result<(), Vec<DefinitionError>> {
    let mut errors = Vec::new();
    let filled = |t: &Text| !t.nl.trim().is_empty() && !t.en.trim().is_empty();
    for (what, t) in [("title", &d.title), ("intro", &d.intro)] {
        if !filled(t) {
            errors.push(DefinitionError::MissingText(d.id, what));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for s in d.sections {
        if !seen.insert(s.id) {
            errors.push(DefinitionError::DuplicateId(d.id, s.id));
        }
        if ![&s.title, &s.description, &s.tip].into_iter().all(filled) {
            errors.push(DefinitionError::MissingText(d.id, s.id));
        }
        if !d.items_of(s.id).any(|i| i.kind.is_scored()) && d.usage == Use::Assessment {
            errors.push(DefinitionError::EmptySection(d.id, s.id));
        }
    }
    let mut items = std::collections::HashSet::new();
    for i in d.items {
        if !items.insert(i.id) {
            errors.push(DefinitionError::DuplicateId(d.id, i.id));
        }
        if d.section(i.section).is_none() {
            errors.push(DefinitionError::UnknownSection(d.id, i.id));
        }
        if !filled(&i.text) {
            errors.push(DefinitionError::MissingText(d.id, i.id));
        }
        if let AnswerKind::Choice(options) = i.kind {
            let ids: std::collections::HashSet<_> = options.iter().map(|c| c.id).collect();
            if options.len() < 2
                || ids.len() != options.len()
                || !options.iter().all(|c| filled(&c.label))
            {
                errors.push(DefinitionError::BadOptions(d.id, i.id));
            }
        }
    }
    for r in d.renames {
        if d.item(r.to).is_none() || r.before > d.version {
            errors.push(DefinitionError::BadRename(d.id, r.to));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Brings answers given under `version` to the definition's current
/// version, following its renames. Answers to items the definition no
/// longer has are kept under their old id (nothing is thrown away), and are
/// ignored by scoring.
pub fn migrate(definition: &Definition, version: u32, answers: &mut Answers) {
    for r in definition.renames.iter().filter(|r| version < r.before) {
        if let Some(a) = answers.remove(r.from) {
            answers.entry(r.to.to_string()).or_insert(a);
        }
    }
}

/// Why an answer set is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AnswerError {
    /// The definition is not known to this version of the app.
    #[error("unknown questionnaire {0}")]
    UnknownDefinition(String),
    /// Answered under a newer definition version than this app knows.
    #[error("questionnaire {0} version {1} is newer than this app")]
    NewerVersion(String, u32),
    /// An answer for an item the definition does not have.
    #[error("unknown item {0}")]
    UnknownItem(String),
    /// An answer that does not fit its item (scale out of range, unknown
    /// option, text for a scale…).
    #[error("answer to {0} does not fit the question")]
    Mismatch(String),
    /// A free text answer longer than the cap.
    #[error("answer to {0} is too long")]
    TooLong(String),
    /// The date is outside the accepted range.
    #[error("date out of range")]
    DateOutOfRange,
    /// A group figure for a section the questionnaire does not have, or
    /// out of range.
    #[error("group figure {0} does not fit")]
    GroupFigure(String),
}

impl AnswerError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AnswerError::UnknownDefinition(id) => {
                tf(lang, Key::ErrUnknownQuestionnaire, &[("id", id)])
            }
            AnswerError::NewerVersion(id, v) => tf(
                lang,
                Key::ErrNewerQuestionnaire,
                &[("id", id), ("version", &v.to_string())],
            ),
            AnswerError::UnknownItem(id) => tf(lang, Key::ErrUnknownItem, &[("id", id)]),
            AnswerError::GroupFigure(id) => tf(lang, Key::ErrGroupFigure, &[("id", id)]),
            AnswerError::Mismatch(id) => tf(lang, Key::ErrAnswerMismatch, &[("id", id)]),
            AnswerError::TooLong(id) => tf(
                lang,
                Key::ErrAnswerTooLong,
                &[("id", id), ("max", &limits::NOTE.to_string())],
            ),
            AnswerError::DateOutOfRange => Key::ErrDateRange.text(lang).to_string(),
        }
    }
}

/// Checks `answers` against `definition`: every answer belongs to an item
/// and fits its kind; free text is trimmed and at most [`limits::NOTE`]
/// characters.
pub fn validate_answers(definition: &Definition, answers: &Answers) -> Vec<AnswerError> {
    let mut errors = Vec::new();
    for (id, answer) in answers {
        let Some(item) = definition.item(id) else {
            errors.push(AnswerError::UnknownItem(id.clone()));
            continue;
        };
        let fits = match (item.kind, answer) {
            (k, Answer::Skip) => k.is_scored(),
            (k, Answer::Mean(m)) => k.is_scored() && *m <= 10_000,
            (AnswerKind::Scale, Answer::Scale(v)) => (1..=5).contains(v),
            (AnswerKind::Choice(options), Answer::Choice(c)) => options.iter().any(|o| o.id == c),
            (AnswerKind::FreeText, Answer::Text(t)) => {
                if t.chars().count() > limits::NOTE {
                    errors.push(AnswerError::TooLong(id.clone()));
                }
                t.trim() == t
            }
            _ => false,
        };
        if !fits {
            errors.push(AnswerError::Mismatch(id.clone()));
        }
    }
    errors
}

/// Trims free text and drops empty text answers, so what is stored is what
/// validation accepts.
pub fn tidy(answers: Answers) -> Answers {
    answers
        .into_iter()
        .filter_map(|(k, a)| match a {
            Answer::Text(t) => {
                let t = t.trim();
                (!t.is_empty()).then(|| (k, Answer::Text(t.to_string())))
            }
            other => Some((k, other)),
        })
        .collect()
}

/// The value of a free text answer, or "".
pub fn text_answer<'a>(answers: &'a Answers, item: &str) -> &'a str {
    match answers.get(item) {
        Some(Answer::Text(t)) => t,
        _ => "",
    }
}

/// Builds a stored assessment of `definition` from the form's answers, or
/// lists every problem.
pub fn build_response(
    definition: &Definition,
    id: ResponseId,
    date: Option<NaiveDate>,
    answers: Answers,
) -> Result<Response, Vec<AnswerError>> {
    let answers = tidy(answers);
    let mut errors = validate_answers(definition, &answers);
    let date = date.filter(|d| dates::allowed(*d));
    if date.is_none() {
        errors.push(AnswerError::DateOutOfRange);
    }
    match date {
        Some(date) if errors.is_empty() => Ok(Response {
            id,
            definition: definition.id.to_string(),
            version: definition.version,
            date,
            answers,
            group: None,
            round: None,
        }),
        _ => Err(errors),
    }
}

/// The date and total of the latest assessment of `definition` that has a
/// score (an all-skipped one has none).
pub fn latest_total(account: &Account, definition: &Definition) -> Option<(NaiveDate, u8)> {
    account
        .assessments_of(definition.id)
        .into_iter()
        .rev()
        .find_map(|r| score_of(definition, r).total.map(|t| (r.date, t)))
}

/// One tenth-precision figure as the language writes it (`3,5` / `3.5`).
pub fn tenths_text(tenths: u32, lang: Lang) -> String {
    let sep = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    format!("{}{sep}{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_questionnaire_but_the_per_moment_questions_is_dated() {
        use crate::questionnaires::definitions::{
            CLIENT_VIEW, HOSTMANSHIP, INTEGRITY, INTERACTION, QUICK_SCAN,
        };
        for d in [&HOSTMANSHIP, &INTEGRITY, &QUICK_SCAN, &CLIENT_VIEW] {
            assert!(d.usage.is_dated(), "{}", d.id);
        }
        assert!(!INTERACTION.usage.is_dated());
    }

    use super::*;

    const YES_NO: &[Choice] = &[
        Choice {
            id: "yes",
            label: text("ja", "yes"),
            points: 1,
        },
        Choice {
            id: "no",
            label: text("nee", "no"),
            points: 0,
        },
    ];

    const SECTIONS: &[Section] = &[
        Section {
            id: "a",
            title: text("A", "A"),
            description: text("a", "a"),
            tip: text("ta", "ta"),
        },
        Section {
            id: "b",
            title: text("B", "B"),
            description: text("b", "b"),
            tip: text("tb", "tb"),
        },
    ];

    /// A test definition, version 2, in which `a1` was called `old-a1`.
    pub(crate) const TEST_DEF: Definition = Definition {
        id: "test",
        code: 250,
        version: 2,
        usage: Use::Assessment,
        title: text("Toets", "Test"),
        intro: text("Uitleg", "Intro"),
        sections: SECTIONS,
        items: &[
            Item {
                id: "a1",
                section: "a",
                text: text("a1", "a1"),
                kind: AnswerKind::Scale,
            },
            Item {
                id: "a2",
                section: "a",
                text: text("a2", "a2"),
                kind: AnswerKind::Scale,
            },
            Item {
                id: "b1",
                section: "b",
                text: text("b1", "b1"),
                kind: AnswerKind::Choice(YES_NO),
            },
            Item {
                id: "note",
                section: "b",
                text: text("n", "n"),
                kind: AnswerKind::FreeText,
            },
        ],
        renames: &[Rename {
            before: 2,
            from: "old-a1",
            to: "a1",
        }],
    };

    fn answers(list: &[(&str, Answer)]) -> Answers {
        list.iter()
            .map(|(k, a)| (k.to_string(), a.clone()))
            .collect()
    }

    #[test]
    fn scores_sections_as_means_and_the_total_as_their_mean() {
        let a = answers(&[
            ("a1", Answer::Scale(5)),
            ("a2", Answer::Scale(2)),
            ("b1", Answer::Choice("no".into())),
            ("note", Answer::Text("x".into())),
        ]);
        let s = score(&TEST_DEF, &a);
        let sa = s.section("a").unwrap();
        assert_eq!(sa.mean_tenths, Some(35));
        assert_eq!(sa.percent, Some(63)); // (4+1)/8 = 0.625
        let sb = s.section("b").unwrap();
        assert_eq!(sb.mean_tenths, None);
        assert_eq!(sb.percent, Some(0));
        assert_eq!(s.total, Some(31)); // (0.625 + 0) / 2
        assert_eq!((s.answered, s.skipped), (3, 0));
        assert_eq!(weakest(&TEST_DEF, &s).section().map(|x| x.id), Some("b"));
        let attention: Vec<_> = attention_items(&TEST_DEF, &a)
            .iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(attention, vec!["a2", "b1"]);
    }

    #[test]
    fn skips_do_not_count_and_all_skipped_has_no_score() {
        let a = answers(&[("a1", Answer::Scale(4)), ("a2", Answer::Skip)]);
        let s = score(&TEST_DEF, &a);
        assert_eq!(s.section("a").unwrap().mean_tenths, Some(40));
        assert_eq!(s.section("b").unwrap().percent, None);
        assert_eq!(s.total, Some(75));
        assert_eq!((s.answered, s.skipped), (1, 2));
        // One answered section: no "weakest".
        assert_eq!(weakest(&TEST_DEF, &s), Weakest::NotEnough);

        let none = score(&TEST_DEF, &answers(&[("a1", Answer::Skip)]));
        assert_eq!(none.total, None);
        assert!(none.sections.iter().all(|s| s.percent.is_none()));
        assert_eq!(score(&TEST_DEF, &Answers::new()).total, None);
    }

    #[test]
    fn equal_sections_name_no_weakest() {
        let a = answers(&[
            ("a1", Answer::Scale(3)),
            ("a2", Answer::Scale(3)),
            ("b1", Answer::Choice("yes".into())),
        ]);
        // Section a is 50%, b is 100%: a is weakest.
        assert_eq!(
            weakest(&TEST_DEF, &score(&TEST_DEF, &a))
                .section()
                .map(|s| s.id),
            Some("a")
        );
        let same = answers(&[
            ("a1", Answer::Scale(5)),
            ("b1", Answer::Choice("yes".into())),
        ]);
        assert_eq!(
            weakest(&TEST_DEF, &score(&TEST_DEF, &same)),
            Weakest::AllEqual
        );
    }

    #[test]
    fn extremes_are_zero_and_hundred() {
        let low = answers(&[
            ("a1", Answer::Scale(1)),
            ("a2", Answer::Scale(1)),
            ("b1", Answer::Choice("no".into())),
        ]);
        let high = answers(&[
            ("a1", Answer::Scale(5)),
            ("a2", Answer::Scale(5)),
            ("b1", Answer::Choice("yes".into())),
        ]);
        assert_eq!(score(&TEST_DEF, &low).total, Some(0));
        assert_eq!(score(&TEST_DEF, &high).total, Some(100));
    }

    #[test]
    fn invalid_answers_score_as_skipped_and_are_reported() {
        let a = answers(&[
            ("a1", Answer::Scale(9)),
            ("a2", Answer::Text("hm".into())),
            ("b1", Answer::Choice("maybe".into())),
            ("zz", Answer::Scale(3)),
            ("note", Answer::Text(" padded ".into())),
        ]);
        assert_eq!(score(&TEST_DEF, &a).total, None);
        let errors = validate_answers(&TEST_DEF, &a);
        assert!(errors.contains(&AnswerError::Mismatch("a1".into())));
        assert!(errors.contains(&AnswerError::Mismatch("a2".into())));
        assert!(errors.contains(&AnswerError::Mismatch("b1".into())));
        assert!(errors.contains(&AnswerError::UnknownItem("zz".into())));
        assert!(errors.contains(&AnswerError::Mismatch("note".into())));
        let long = answers(&[("note", Answer::Text("x".repeat(limits::NOTE + 1)))]);
        assert_eq!(
            validate_answers(&TEST_DEF, &long),
            vec![AnswerError::TooLong("note".into())]
        );
        let tidied = tidy(answers(&[
            ("note", Answer::Text("  x ".into())),
            ("a1", Answer::Text("   ".into())),
        ]));
        assert_eq!(tidied, answers(&[("note", Answer::Text("x".into()))]));
    }

    #[test]
    fn migrates_renamed_items_from_older_versions_only() {
        let mut old = answers(&[("old-a1", Answer::Scale(4))]);
        migrate(&TEST_DEF, 1, &mut old);
        assert_eq!(old, answers(&[("a1", Answer::Scale(4))]));
        // At the current version an item called old-a1 would be left alone.
        let mut current = answers(&[("old-a1", Answer::Scale(4))]);
        migrate(&TEST_DEF, 2, &mut current);
        assert!(current.contains_key("old-a1"));
    }

    #[test]
    fn item_stats_over_answer_sets() {
        let sets = [
            answers(&[
                ("a1", Answer::Scale(4)),
                ("b1", Answer::Choice("yes".into())),
            ]),
            answers(&[
                ("a1", Answer::Scale(5)),
                ("b1", Answer::Choice("no".into())),
            ]),
            answers(&[("a1", Answer::Skip), ("b1", Answer::Choice("yes".into()))]),
        ];
        let a1 = item_stats(TEST_DEF.item("a1").unwrap(), &sets);
        assert_eq!((a1.answered, a1.mean_tenths), (2, Some(45)));
        let b1 = item_stats(TEST_DEF.item("b1").unwrap(), &sets);
        assert_eq!(b1.counts, vec![2, 1]);
        assert_eq!(b1.share(0), Some(67));
        assert_eq!(item_stats(TEST_DEF.item("b1").unwrap(), &[]).share(0), None);
        // A scale value outside 1–5 (a damaged record) is not counted.
        let odd = [
            answers(&[("a1", Answer::Scale(9))]),
            answers(&[("a1", Answer::Scale(2))]),
        ];
        let a1 = item_stats(TEST_DEF.item("a1").unwrap(), &odd);
        assert_eq!((a1.answered, a1.mean_tenths), (1, Some(20)));
    }

    #[test]
    fn answer_errors_are_sentences_naming_what_is_wrong() {
        let m = AnswerError::UnknownDefinition("x-quiz".into()).message(Lang::Nl);
        assert!(m.contains("x-quiz") && m.ends_with('.'), "{m}");
        let m = AnswerError::DateOutOfRange.message(Lang::En);
        assert!(m.len() > 10 && m.ends_with('.'), "{m}");
    }

    #[test]
    fn definition_validation_catches_flaws() {
        assert_eq!(validate_definition(&TEST_DEF), Ok(()));
        const BROKEN: &[Item] = &[
            Item {
                id: "x",
                section: "nowhere",
                text: text("", "x"),
                kind: AnswerKind::Choice(&[]),
            },
            Item {
                id: "x",
                section: "a",
                text: text("x", "x"),
                kind: AnswerKind::Scale,
            },
        ];
        let mut broken = TEST_DEF;
        broken.items = BROKEN;
        let errors = validate_definition(&broken).unwrap_err();
        assert!(errors.contains(&DefinitionError::DuplicateId("test", "x")));
        assert!(errors.contains(&DefinitionError::UnknownSection("test", "x")));
        assert!(errors.contains(&DefinitionError::MissingText("test", "x")));
        assert!(errors.contains(&DefinitionError::BadOptions("test", "x")));
        assert!(errors.contains(&DefinitionError::EmptySection("test", "b")));
        assert!(errors.contains(&DefinitionError::BadRename("test", "a1")));
    }

    #[test]
    fn answers_serialize_compactly() {
        let a = answers(&[
            ("a", Answer::Skip),
            ("b", Answer::Scale(3)),
            ("c", Answer::Choice("yes".into())),
            ("d", Answer::Text("t".into())),
        ]);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"a":"skip","b":{"scale":3},"c":{"choice":"yes"},"d":{"text":"t"}}"#
        );
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
    }
}
