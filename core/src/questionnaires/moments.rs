//! The rules of interaction moments: a dated contact with the client, the
//! three interaction questions answered about it, and the "little extra"
//! that can become a planned action and, once done, a deposit in the ledger
//! (`docs/DOMAIN.md`, "Three interaction questions", "Prepare, then look back").

use chrono::NaiveDate;
use thiserror::Error;

use super::definitions::{interaction, INTERACTION};
use super::engine::text_answer;
use super::engine::{item_stats, tidy, validate_answers, AnswerError};
use crate::i18n::{Key, Lang};
use crate::model::{
    dates, limits, Account, Action, Answer, Answers, Direction, Entry, EntryId, Moment, MomentId,
    MomentKind, Party, Preparation, ValueAnswer, SOURCE_MAX,
};
use crate::validate::{
    clean_text, suggested_weight, validate_entry, EntryDraft, EntryError, Field, TextError,
};

/// How the client will likely feel after the moment (question 1): only an
/// exceeded expectation makes a promoter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Below expectations.
    Dissatisfied,
    /// As expected: satisfied, but as likely to leave.
    Satisfied,
    /// Exceeded: a promoter.
    Promoter,
}

impl Outcome {
    /// Label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Dissatisfied => Key::OutcomeDissatisfied,
            Outcome::Satisfied => Key::OutcomeSatisfied,
            Outcome::Promoter => Key::OutcomePromoter,
        }
        .text(lang)
    }

    /// Stable code, for styling.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Dissatisfied => "dissatisfied",
            Outcome::Satisfied => "satisfied",
            Outcome::Promoter => "promoter",
        }
    }
}

impl Moment {
    /// The outcome of question 1, when answered.
    pub fn outcome(&self) -> Option<Outcome> {
        match self.answers.get(interaction::OUTCOME) {
            Some(Answer::Choice(c)) => match c.as_str() {
                interaction::BELOW => Some(Outcome::Dissatisfied),
                interaction::AS_EXPECTED => Some(Outcome::Satisfied),
                interaction::EXCEEDED => Some(Outcome::Promoter),
                _ => None,
            },
            _ => None,
        }
    }

    /// Question 2's score, when answered.
    pub fn treatment(&self) -> Option<u8> {
        match self.answers.get(interaction::TREATMENT) {
            Some(Answer::Scale(v)) => Some(*v),
            _ => None,
        }
    }

    /// The state of its action on `today`.
    pub fn action_state(&self, today: NaiveDate) -> Option<ActionState> {
        self.action.as_ref().map(|a| match (a.done, a.booked) {
            (Some(_), Some(_)) => ActionState::Booked,
            (Some(_), None) => ActionState::Done,
            (None, _) if Action::overdue(a.due, today) => ActionState::Overdue,
            (None, _) => ActionState::Open,
        })
    }
}

/// Where a planned action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionState {
    /// Due today or later.
    Open,
    /// Past its due date and not done.
    Overdue,
    /// Done, not (yet) booked as a deposit.
    Done,
    /// Done and booked as a deposit.
    Booked,
}

/// Figures over a client's moments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MomentStats {
    /// Number of moments.
    pub count: usize,
    /// Moments with question 1 answered.
    pub rated: u32,
    /// Share (0–100) of rated moments that exceeded expectations.
    pub exceeded_percent: Option<u8>,
    /// Mean of question 2 in tenths (10–50).
    pub treatment_tenths: Option<u32>,
    /// Actions not done yet (including overdue ones).
    pub open_actions: usize,
    /// Actions past their due date.
    pub overdue_actions: usize,
}

/// The per-client figures of the interaction questions on `today`.
pub fn stats(moments: &[Moment], today: NaiveDate) -> MomentStats {
    let sets = || moments.iter().map(|m| &m.answers);
    let outcome_item = INTERACTION.item(interaction::OUTCOME);
    let outcome = outcome_item
        .map(|i| item_stats(i, sets()))
        .unwrap_or_default();
    let exceeded = outcome_item.and_then(|i| i.option_index(interaction::EXCEEDED));
    let treatment = INTERACTION
        .item(interaction::TREATMENT)
        .map(|i| item_stats(i, sets()))
        .unwrap_or_default();
    let states: Vec<_> = moments
        .iter()
        .filter_map(|m| m.action_state(today))
        .collect();
    MomentStats {
        count: moments.len(),
        rated: outcome.answered,
        exceeded_percent: exceeded.and_then(|i| outcome.share(i)),
        treatment_tenths: treatment.mean_tenths,
        open_actions: states
            .iter()
            .filter(|s| matches!(s, ActionState::Open | ActionState::Overdue))
            .count(),
        overdue_actions: states
            .iter()
            .filter(|s| matches!(s, ActionState::Overdue))
            .count(),
    }
}

/// What the moment form supplies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MomentDraft {
    /// Date of the contact.
    pub date: Option<NaiveDate>,
    /// Kind.
    pub kind: MomentKind,
    /// Short description.
    pub description: String,
    /// Answers (free text is trimmed on save).
    pub answers: Answers,
    /// Plan the extra as an action.
    pub plan_action: bool,
    /// Due date of the action, required when planning one.
    pub due: Option<NaiveDate>,
    /// At an invoice: value greater than the price? (ignored otherwise)
    pub value: Option<ValueAnswer>,
}

/// What the "prepare" step supplies: a planned moment with the three
/// questions as intentions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrepareDraft {
    /// When it will happen.
    pub date: Option<NaiveDate>,
    /// Meeting, call, delivery, …
    pub kind: MomentKind,
    /// A short description.
    pub description: String,
    /// What does the client expect?
    pub expectation: String,
    /// How would I want to be treated in their place?
    pub treatment: String,
    /// Which little extra will I add? Becomes a planned action due on the day.
    pub extra: String,
    /// The calendar event it was imported from (see [`Moment::source`]).
    pub source: Option<String>,
}

/// Longest intention text.
pub const INTENTION_MAX: usize = 500;

/// Longest moment description.
pub const DESCRIPTION_MAX: usize = 200;

/// Why a moment or action cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MomentError {
    /// No date, or out of range.
    #[error("bad date")]
    Date,
    /// The description is missing or too long.
    #[error(transparent)]
    Description(TextError),
    /// An answer does not fit its question.
    #[error(transparent)]
    Answer(AnswerError),
    /// An action was asked for, but there is no extra to plan.
    #[error("no extra to plan")]
    NoExtra,
    /// An action needs a concrete due date.
    #[error("due date required")]
    DueRequired,
    /// The due date lies before the moment.
    #[error("due date before the moment")]
    DueBeforeMoment,
    /// The action's done date lies before the moment.
    #[error("done before the moment")]
    DoneBeforeMoment,
    /// The extra is planned as an action already.
    #[error("already planned")]
    AlreadyPlanned,
    /// The action is done already.
    #[error("already done")]
    AlreadyDone,
    /// The moment has no planned action.
    #[error("no action")]
    NoAction,
    /// The moment took place already: its preparation stays as it was.
    #[error("not planned")]
    NotPlanned,
    /// The booked entry is not a supplier deposit of this account.
    #[error("booked entry {0:?} is not a deposit of ours")]
    BadBooking(EntryId),
}

impl MomentError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MomentError::Date => Key::ErrDateRange.text(lang).to_string(),
            MomentError::Description(e) => e.message(lang),
            MomentError::Answer(e) => e.message(lang),
            MomentError::NoExtra => Key::ErrNoExtra.text(lang).to_string(),
            MomentError::DueRequired => Key::ErrDueRequired.text(lang).to_string(),
            MomentError::DueBeforeMoment => Key::ErrDueBeforeMoment.text(lang).to_string(),
            MomentError::DoneBeforeMoment => Key::ErrDoneBeforeMoment.text(lang).to_string(),
            MomentError::BadBooking(_) => Key::ErrBadBooking.text(lang).to_string(),
            MomentError::AlreadyPlanned => Key::ErrAlreadyPlanned.text(lang).to_string(),
            MomentError::AlreadyDone => Key::ErrAlreadyDone.text(lang).to_string(),
            MomentError::NoAction => Key::ErrNoAction.text(lang).to_string(),
            MomentError::NotPlanned => Key::ErrNotPlanned.text(lang).to_string(),
        }
    }
}

/// Checks a due date for an action on a moment of `moment_date`.
pub fn check_due(moment_date: NaiveDate, due: Option<NaiveDate>) -> Result<NaiveDate, MomentError> {
    let due = due.ok_or(MomentError::DueRequired)?;
    if !dates::allowed(due) {
        return Err(MomentError::Date);
    }
    if due < moment_date {
        return Err(MomentError::DueBeforeMoment);
    }
    Ok(due)
}

/// The little extra (question 3) of a set of answers, or "".
pub fn extra_of(answers: &Answers) -> &str {
    text_answer(answers, interaction::EXTRA)
}

/// A moment's date (allowed by the one date rule) and its cleaned
/// description, each `None`/empty with its problem added to `errors`.
fn date_and_description(
    date: Option<NaiveDate>,
    description: &str,
    errors: &mut Vec<MomentError>,
) -> (Option<NaiveDate>, String) {
    let date = date.filter(|d| dates::allowed(*d));
    if date.is_none() {
        errors.push(MomentError::Date);
    }
    let description = clean_text(Field::Description, description, DESCRIPTION_MAX, true)
        .map_err(|e| errors.push(MomentError::Description(e)))
        .unwrap_or_default();
    (date, description)
}

/// Turns a draft into a moment with `id`, or lists every problem.
pub fn build_moment(draft: &MomentDraft, id: MomentId) -> Result<Moment, Vec<MomentError>> {
    let mut errors = Vec::new();
    let (date, description) = date_and_description(draft.date, &draft.description, &mut errors);
    let answers = tidy(draft.answers.clone());
    errors.extend(
        validate_answers(&INTERACTION, &answers)
            .into_iter()
            .map(MomentError::Answer),
    );
    let extra = extra_of(&answers).to_string();
    let mut action = None;
    if draft.plan_action {
        if extra.is_empty() {
            errors.push(MomentError::NoExtra);
        }
        match (
            date,
            check_due(date.unwrap_or_else(dates::min_date), draft.due),
        ) {
            (_, Err(e)) => errors.push(e),
            (_, Ok(due)) => {
                action = Some(Action {
                    text: extra,
                    due,
                    done: None,
                    booked: None,
                })
            }
        }
    }
    match (errors.is_empty(), date) {
        (true, Some(date)) => Ok(Moment {
            id,
            date,
            kind: draft.kind,
            description,
            version: INTERACTION.version,
            answers,
            action,
            prepared: None,
            planned: false,
            value: draft.value.filter(|_| draft.kind == MomentKind::Invoice),
            source: None,
        }),
        _ => Err(errors),
    }
}

/// The "prepare" step: a planned moment with its intentions; the extra
/// becomes an action due on the day of the moment.
pub fn build_prepared(draft: &PrepareDraft, id: MomentId) -> Result<Moment, Vec<MomentError>> {
    let mut errors = Vec::new();
    let (date, description) = date_and_description(draft.date, &draft.description, &mut errors);
    let mut text = |t: &str| {
        clean_text(Field::Text, t, INTENTION_MAX, false)
            .map_err(|e| errors.push(MomentError::Description(e)))
            .unwrap_or_default()
    };
    let prepared = Preparation {
        expectation: text(&draft.expectation),
        treatment: text(&draft.treatment),
        extra: text(&draft.extra),
    };
    match (errors.is_empty(), date) {
        (true, Some(date)) => Ok(Moment {
            id,
            date,
            kind: draft.kind,
            description,
            version: INTERACTION.version,
            answers: Answers::new(),
            action: (!prepared.extra.is_empty()).then(|| Action {
                text: prepared.extra.clone(),
                due: date,
                done: None,
                booked: None,
            }),
            prepared: Some(prepared),
            planned: true,
            value: None,
            source: draft
                .source
                .as_deref()
                .map(|s| s.chars().take(SOURCE_MAX).collect()),
        }),
        _ => Err(errors),
    }
}

/// A planned moment with its preparation changed: the same id and source;
/// the action follows the extra until it is done.
pub fn edit_prepared(old: &Moment, draft: &PrepareDraft) -> Result<Moment, Vec<MomentError>> {
    if !old.planned {
        return Err(vec![MomentError::NotPlanned]);
    }
    let mut moment = build_prepared(draft, old.id)?;
    moment.source = old.source.clone();
    if let Some(action) = old.action.as_ref().filter(|a| a.done.is_some()) {
        moment.action = Some(action.clone());
    }
    Ok(moment)
}

/// The draft of the "prepare" form that edits the planned moment `m`.
pub fn prepare_draft_of(m: &Moment) -> PrepareDraft {
    let p = m.prepared.clone().unwrap_or_default();
    PrepareDraft {
        date: Some(m.date),
        kind: m.kind,
        description: m.description.clone(),
        expectation: p.expectation,
        treatment: p.treatment,
        extra: p.extra,
        source: m.source.clone(),
    }
}

/// The "after" step of a prepared moment: the answers recorded against
/// what was prepared; the moment is held from now on.
pub fn hold_moment(old: &Moment, draft: &MomentDraft) -> Result<Moment, Vec<MomentError>> {
    let mut moment = edit_moment(old, draft)?;
    moment.planned = false;
    Ok(moment)
}

/// The starting values of the "after" form of `m`: what was prepared as
/// the extra stands in question 3.
pub fn after_draft(m: &Moment) -> MomentDraft {
    let mut draft = draft_of(m);
    if let Some(p) = &m.prepared {
        if extra_of(&draft.answers).is_empty() && !p.extra.is_empty() {
            draft
                .answers
                .insert(interaction::EXTRA.into(), Answer::Text(p.extra.clone()));
        }
    }
    draft
}

/// Value answers of invoice moments over time, oldest first.
pub fn value_history(account: &Account) -> Vec<(NaiveDate, ValueAnswer)> {
    let mut out: Vec<_> = account
        .moments
        .iter()
        .filter_map(|m| m.value.map(|v| (m.date, v)))
        .collect();
    crate::model::order::sort_by_key(&mut out, |(d, _)| (crate::model::order::day(*d), 0));
    out
}

/// Applies an edit of `old` from the form: the moment keeps its id. A
/// planned action stays (its text follows the edited extra until it is
/// booked); one can be planned now if there was none.
pub fn edit_moment(old: &Moment, draft: &MomentDraft) -> Result<Moment, Vec<MomentError>> {
    let mut draft = draft.clone();
    draft.plan_action &= old.action.is_none();
    let mut moment = build_moment(&draft, old.id)?;
    moment.prepared = old.prepared.clone();
    moment.planned = old.planned;
    moment.source = old.source.clone();
    if let Some(mut action) = old.action.clone() {
        let extra = extra_of(&moment.answers);
        if action.booked.is_none() && !extra.is_empty() {
            action.text = extra.to_string();
        }
        if action.due < moment.date || action.done.is_some_and(|d| d < moment.date) {
            return Err(vec![MomentError::DueBeforeMoment]);
        }
        moment.action = Some(action);
    }
    Ok(moment)
}

/// The form's starting values for editing `m`.
pub fn draft_of(m: &Moment) -> MomentDraft {
    MomentDraft {
        date: Some(m.date),
        kind: m.kind,
        description: m.description.clone(),
        answers: m.answers.clone(),
        plan_action: false,
        due: m.action.as_ref().map(|a| a.due),
        value: m.value,
    }
}

/// Checks a stored or imported moment against every rule, including its
/// link to the ledger.
pub fn validate_moment(account: &Account, m: &Moment) -> Vec<MomentError> {
    let mut errors = Vec::new();
    if !dates::allowed(m.date) {
        errors.push(MomentError::Date);
    }
    match clean_text(Field::Description, &m.description, DESCRIPTION_MAX, true) {
        Ok(clean) if clean != m.description => errors.push(MomentError::Description(
            TextError::Required(Field::Description),
        )),
        Ok(_) => {}
        Err(e) => errors.push(MomentError::Description(e)),
    }
    if m.version > INTERACTION.version {
        errors.push(MomentError::Answer(AnswerError::NewerVersion(
            INTERACTION.id.to_string(),
            m.version,
        )));
    }
    errors.extend(
        validate_answers(&INTERACTION, &m.answers)
            .into_iter()
            .map(MomentError::Answer),
    );
    if let Some(p) = &m.prepared {
        for t in [&p.expectation, &p.treatment, &p.extra] {
            if let Err(e) = clean_text(Field::Text, t, INTENTION_MAX, false) {
                errors.push(MomentError::Description(e));
            }
        }
    }
    if m.source
        .as_ref()
        .is_some_and(|s| s.chars().count() > SOURCE_MAX)
    {
        errors.push(MomentError::Description(TextError::TooLong {
            field: Field::Text,
            len: m.source.as_ref().map_or(0, |s| s.chars().count()),
            max: SOURCE_MAX,
        }));
    }
    if m.value.is_some() && m.kind != MomentKind::Invoice {
        errors.push(MomentError::Answer(AnswerError::UnknownItem(
            "value".into(),
        )));
    }
    if let Some(a) = &m.action {
        if let Err(e) = clean_text(Field::Text, &a.text, limits::NOTE, true) {
            errors.push(MomentError::Description(e));
        }
        if let Err(e) = check_due(m.date, Some(a.due)) {
            errors.push(e);
        }
        if a.done.is_some_and(|d| d < m.date || !dates::allowed(d)) {
            errors.push(MomentError::DoneBeforeMoment);
        }
        if let Some(id) = a.booked {
            let ok = account
                .entry(id)
                .is_some_and(|e| e.party == Party::Supplier && e.direction == Direction::Deposit);
            if !ok || a.done.is_none() {
                errors.push(MomentError::BadBooking(id));
            }
        }
    }
    errors
}

/// The catalogue category a done extra is booked under by default: going
/// beyond what was agreed.
pub const EXTRA_CATEGORY: &str = "sd-beyond";

/// `moment` with its extra planned as an action due on `due`.
pub fn with_action(moment: &Moment, due: Option<NaiveDate>) -> Result<Moment, MomentError> {
    let extra = extra_of(&moment.answers).to_string();
    if extra.is_empty() {
        return Err(MomentError::NoExtra);
    }
    if moment.action.is_some() {
        return Err(MomentError::AlreadyPlanned);
    }
    let due = check_due(moment.date, due)?;
    let mut out = moment.clone();
    out.action = Some(Action {
        text: extra,
        due,
        done: None,
        booked: None,
    });
    Ok(out)
}

/// `moment` with its action marked done on `day` (not before the moment).
pub fn with_action_done(moment: &Moment, day: NaiveDate) -> Result<Moment, MomentError> {
    let mut out = moment.clone();
    match out.action.as_mut() {
        Some(a) if a.done.is_none() => {
            a.done = Some(day.max(moment.date));
            Ok(out)
        }
        Some(_) => Err(MomentError::AlreadyDone),
        None => Err(MomentError::NoAction),
    }
}

/// The deposit a done action suggests: ours, on the day it was done, in
/// [`EXTRA_CATEGORY`], by our account manager, with the action as note.
pub fn booking_draft(account: &Account, id: MomentId) -> Option<EntryDraft> {
    let m = account.moment(id)?;
    let a = m.action.as_ref()?;
    let category = crate::model::CategoryId::new(EXTRA_CATEGORY);
    Some(EntryDraft {
        date: a.done.unwrap_or(m.date),
        party: Party::Supplier,
        direction: Direction::Deposit,
        weight: suggested_weight(account, &category),
        category,
        who: account.client.account_manager.clone(),
        note: a.text.chars().take(limits::NOTE).collect(),
        repairs: None,
    })
}

/// The deposit of ours (always ours and a deposit, whatever the draft
/// says) that books the done action of moment `id` as entry `entry_id`,
/// with the moment linked to it. Nothing is changed: the command puts both
/// in place.
pub fn booking(
    account: &Account,
    id: MomentId,
    entry_id: EntryId,
    draft: &EntryDraft,
) -> Result<(Moment, Entry), Vec<EntryError>> {
    let mut draft = draft.clone();
    draft.party = Party::Supplier;
    draft.direction = Direction::Deposit;
    draft.repairs = None;
    let entry = validate_entry(account, &draft, entry_id)?;
    let mut moment = account
        .moment(id)
        .filter(|m| {
            m.action
                .as_ref()
                .is_some_and(|a| a.done.is_some() && a.booked.is_none())
        })
        .cloned()
        .ok_or_else(|| vec![EntryError::NotBookable])?;
    if let Some(a) = moment.action.as_mut() {
        a.booked = Some(entry_id);
    }
    Ok((moment, entry))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::test_dates::{d, today};
    use crate::model::{CategoryId, Client, ClientId, Entry, Weight};

    fn moment(id: u64, outcome: Option<&str>, treatment: Option<u8>) -> Moment {
        let mut answers = Answers::new();
        if let Some(o) = outcome {
            answers.insert(interaction::OUTCOME.into(), Answer::Choice(o.into()));
        }
        if let Some(t) = treatment {
            answers.insert(interaction::TREATMENT.into(), Answer::Scale(t));
        }
        Moment {
            id: MomentId(id),
            date: d(2026, 11, 1),
            kind: MomentKind::Call,
            description: "Belletje".into(),
            version: 1,
            answers,
            action: None,
            prepared: None,
            planned: false,
            value: None,
            source: None,
        }
    }

    #[test]
    fn outcome_maps_to_dissatisfied_satisfied_promoter() {
        assert_eq!(
            moment(1, Some("below"), None).outcome(),
            Some(Outcome::Dissatisfied)
        );
        assert_eq!(
            moment(1, Some("as-expected"), None).outcome(),
            Some(Outcome::Satisfied)
        );
        assert_eq!(
            moment(1, Some("exceeded"), None).outcome(),
            Some(Outcome::Promoter)
        );
        assert_eq!(moment(1, None, None).outcome(), None);
    }

    #[test]
    fn stats_share_exceeded_average_and_actions() {
        let mut ms = vec![
            moment(1, Some("exceeded"), Some(5)),
            moment(2, Some("as-expected"), Some(2)),
            moment(3, Some("below"), None),
            moment(4, None, Some(4)),
        ];
        ms[0].action = Some(Action {
            text: "x".into(),
            due: d(2026, 11, 20),
            done: None,
            booked: None,
        });
        ms[1].action = Some(Action {
            text: "y".into(),
            due: today(),
            done: None,
            booked: None,
        });
        ms[2].action = Some(Action {
            text: "z".into(),
            due: d(2026, 11, 2),
            done: Some(d(2026, 11, 2)),
            booked: None,
        });
        let s = stats(&ms, today());
        assert_eq!(s.count, 4);
        assert_eq!(s.rated, 3);
        assert_eq!(s.exceeded_percent, Some(33));
        assert_eq!(s.treatment_tenths, Some(37)); // 11/3 = 3.67
        assert_eq!((s.open_actions, s.overdue_actions), (2, 1));
        assert_eq!(ms[0].action_state(today()), Some(ActionState::Overdue));
        assert_eq!(ms[1].action_state(today()), Some(ActionState::Open));
        assert_eq!(ms[2].action_state(today()), Some(ActionState::Done));
        let empty = stats(&[], today());
        assert_eq!(empty.exceeded_percent, None);
        assert_eq!(empty.treatment_tenths, None);
    }

    #[test]
    fn an_action_needs_an_extra_and_a_concrete_date_not_before_the_moment() {
        let mut draft = MomentDraft {
            date: Some(d(2026, 11, 10)),
            kind: MomentKind::Meeting,
            description: "  Kwartaaloverleg ".into(),
            plan_action: true,
            ..Default::default()
        };
        let errs = build_moment(&draft, MomentId(1)).unwrap_err();
        assert!(errs.contains(&MomentError::NoExtra));
        assert!(errs.contains(&MomentError::DueRequired));
        draft.answers.insert(
            interaction::EXTRA.into(),
            Answer::Text(" Samenvatting sturen ".into()),
        );
        draft.due = Some(d(2026, 11, 9));
        assert_eq!(
            build_moment(&draft, MomentId(1)).unwrap_err(),
            vec![MomentError::DueBeforeMoment]
        );
        draft.due = Some(d(2026, 11, 10));
        let m = build_moment(&draft, MomentId(1)).unwrap();
        assert_eq!(m.description, "Kwartaaloverleg");
        let action = m.action.unwrap();
        assert_eq!(action.text, "Samenvatting sturen");
        assert_eq!(action.due, d(2026, 11, 10));
    }

    #[test]
    fn a_moment_needs_a_date_and_a_description() {
        let errs = build_moment(&MomentDraft::default(), MomentId(1)).unwrap_err();
        assert!(errs.contains(&MomentError::Date));
        assert!(errs.contains(&MomentError::Description(TextError::Required(
            Field::Description
        ))));
        let long = MomentDraft {
            date: Some(today()),
            description: "x".repeat(DESCRIPTION_MAX + 1),
            ..Default::default()
        };
        assert!(matches!(
            build_moment(&long, MomentId(1)).unwrap_err()[..],
            [MomentError::Description(TextError::TooLong { .. })]
        ));
    }

    #[test]
    fn a_booking_must_point_to_our_deposit() {
        let mut a = Account::new(Client::new(ClientId::new_unchecked("c-1"), "X"));
        a.entries.push(Entry {
            id: EntryId(1),
            date: d(2026, 11, 5),
            party: Party::Client,
            direction: Direction::Deposit,
            category: CategoryId("cd-paid-on-time".into()),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        });
        let mut m = moment(1, None, None);
        m.action = Some(Action {
            text: "x".into(),
            due: d(2026, 11, 5),
            done: Some(d(2026, 11, 5)),
            booked: Some(EntryId(1)),
        });
        assert_eq!(
            validate_moment(&a, &m),
            vec![MomentError::BadBooking(EntryId(1))]
        );
        a.entries[0].party = Party::Supplier;
        a.entries[0].category = CategoryId("sd-beyond".into());
        assert_eq!(validate_moment(&a, &m), vec![]);
        m.action.as_mut().unwrap().done = Some(d(2026, 10, 1));
        assert_eq!(validate_moment(&a, &m), vec![MomentError::DoneBeforeMoment]);
    }

    #[test]
    fn editing_keeps_the_id_and_the_action() {
        let mut m = moment(4, Some("below"), Some(2));
        m.answers
            .insert(interaction::EXTRA.into(), Answer::Text("Bellen".into()));
        m.action = Some(Action {
            text: "Bellen".into(),
            due: d(2026, 11, 30),
            done: None,
            booked: None,
        });
        let mut draft = draft_of(&m);
        draft.description = "Belletje over de storing".into();
        draft
            .answers
            .insert(interaction::EXTRA.into(), Answer::Text("Langsgaan".into()));
        draft.plan_action = true; // ignored: there is an action already
        let edited = edit_moment(&m, &draft).unwrap();
        assert_eq!(edited.id, MomentId(4));
        assert_eq!(edited.description, "Belletje over de storing");
        let action = edited.action.unwrap();
        assert_eq!(
            (action.text.as_str(), action.due),
            ("Langsgaan", d(2026, 11, 30))
        );
        // Moving the moment after its action's deadline is refused.
        draft.date = Some(d(2026, 12, 1));
        assert_eq!(
            edit_moment(&m, &draft).unwrap_err(),
            vec![MomentError::DueBeforeMoment]
        );
        // A booked action keeps the text it was booked with.
        m.action.as_mut().unwrap().done = Some(d(2026, 11, 2));
        m.action.as_mut().unwrap().booked = Some(EntryId(3));
        let mut draft = draft_of(&m);
        draft.answers.insert(
            interaction::EXTRA.into(),
            Answer::Text("Iets anders".into()),
        );
        assert_eq!(
            edit_moment(&m, &draft).unwrap().action.unwrap().text,
            "Bellen"
        );
    }
}
