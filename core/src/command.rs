//! Every change to an account, as data.
//!
//! A screen never pushes, finds or removes anything in an account itself:
//! it sends a [`Command`], and [`apply`] either changes the account and
//! returns the command that undoes it (its inverse), or changes nothing and
//! says why. Undo is applying the last inverse; the inverse of an inverse
//! redoes. Ids of new records are part of the command (chosen by the
//! caller from an [`crate::model::IdSource`]), so applying a command is
//! deterministic and the core stays free of randomness and clocks.

use chrono::NaiveDate;
use thiserror::Error;

use crate::account::debtors::{self, DisputeError};
use crate::account::summary;
use crate::catalogue;
use crate::i18n::{Key, Lang};
use crate::invite::code::TITLE_MAX;
use crate::model::{
    limits, Account, Answers, CategoryId, Client, ClientReturn, Direction, Dispute, DisputeId,
    Entry, EntryId, GroupInfo, Moment, MomentId, OwnCategory, Party, PeriodLength, RemovedEntry,
    Response, ResponseId, Round, RoundId, StockTake, StockTakeId, Thresholds, TombstoneKind,
};
use crate::questionnaires::definitions;
use crate::questionnaires::engine::{build_response, validate_answers, AnswerError};
use crate::questionnaires::moments::{
    booking, build_moment, build_prepared, edit_moment, edit_prepared, hold_moment, with_action,
    with_action_done, MomentDraft, MomentError, PrepareDraft,
};
use crate::validate::{
    apply_client_draft, clean_text, validate_entry, validate_settings, ClientDraft, ClientError,
    EntryDraft, EntryError, Field, TextError,
};

/// A change to one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Books a new entry with id `id`.
    AddEntry {
        /// The new entry's id (unused in the account).
        id: EntryId,
        /// What the form supplied.
        draft: EntryDraft,
    },
    /// Changes entry `id` to what the form supplied.
    EditEntry {
        /// The entry.
        id: EntryId,
        /// Its new contents.
        draft: EntryDraft,
    },
    /// Links deposit `deposit` as the repair of withdrawal `repairs`
    /// (or unlinks it with `None`).
    LinkRepair {
        /// The deposit that makes good.
        deposit: EntryId,
        /// The withdrawal it makes good.
        repairs: Option<EntryId>,
    },
    /// Deletes entry `id` (its links are cleared, and restored by undo).
    RemoveEntry {
        /// The entry.
        id: EntryId,
    },
    /// Puts a removed entry back with its links (the inverse of removing).
    RestoreEntry(Box<RemovedEntry>),
    /// Puts an entry back exactly as it was (the inverse of an edit).
    PutEntry(Box<Entry>),
    /// Adds an own category.
    AddOwnCategory {
        /// `own-…`, unused in the account.
        id: CategoryId,
        /// Which party it is for.
        party: Party,
        /// Deposit or withdrawal.
        direction: Direction,
        /// The user's label.
        label: String,
    },
    /// Removes an own category no entry uses (the inverse of adding one).
    RemoveOwnCategory {
        /// The category.
        id: CategoryId,
    },
    /// Logs an interaction moment with id `id`.
    LogMoment {
        /// The new moment's id.
        id: MomentId,
        /// What the form supplied.
        draft: MomentDraft,
    },
    /// Changes moment `id`; its action stays.
    EditMoment {
        /// The moment.
        id: MomentId,
        /// Its new contents.
        draft: MomentDraft,
    },
    /// Deletes moment `id`.
    RemoveMoment {
        /// The moment.
        id: MomentId,
    },
    /// Puts a moment back exactly as it was (the inverse of edits, of
    /// planning and of deleting).
    PutMoment(Box<Moment>),
    /// Plans the little extra of moment `moment` as an action due on `due`.
    PlanAction {
        /// The moment.
        moment: MomentId,
        /// The due date (required).
        due: Option<NaiveDate>,
    },
    /// Marks the action of moment `moment` done on `on`.
    CompleteAction {
        /// The moment.
        moment: MomentId,
        /// The day it was done.
        on: NaiveDate,
    },
    /// Books the done action of moment `moment` as deposit `entry`.
    BookAction {
        /// The moment.
        moment: MomentId,
        /// The new entry's id.
        entry: EntryId,
        /// The deposit (always ours).
        draft: EntryDraft,
    },
    /// Saves a filled-in assessment of `definition`.
    AddAssessment {
        /// The new assessment's id.
        id: ResponseId,
        /// The questionnaire's id.
        definition: String,
        /// The assessment date.
        date: Option<NaiveDate>,
        /// The answers.
        answers: Answers,
        /// The client-invite round it is our side of.
        round: Option<RoundId>,
        /// A workshop group's result (the answers are means).
        group: Option<GroupInfo>,
    },
    /// Deletes assessment `id`.
    RemoveAssessment {
        /// The assessment.
        id: ResponseId,
    },
    /// Puts an assessment back exactly as it was (the inverse of deleting).
    PutAssessment(Box<Response>),
    /// Records a stock-take on `date` with the figures of that moment.
    TakeStock {
        /// The new stock-take's id.
        id: StockTakeId,
        /// The review date.
        date: NaiveDate,
        /// What the account manager sees (required).
        reflection: String,
        /// What was agreed.
        actions: String,
    },
    /// Deletes stock-take `id` (the inverse of taking one).
    RemoveStockTake {
        /// The stock-take.
        id: StockTakeId,
    },
    /// Puts a stock-take back (the inverse of deleting one).
    PutStockTake(Box<StockTake>),
    /// Changes the client's details.
    EditClient(ClientDraft),
    /// Changes the period length and thresholds.
    ChangeSettings {
        /// The period length of the running balance.
        period: PeriodLength,
        /// The corridor and reminder thresholds.
        thresholds: Thresholds,
    },
    /// Archives or unarchives the client.
    SetArchived(bool),
    /// Puts the client's details and settings back (the inverse of the
    /// three commands above).
    PutClient(Box<Client>),
    /// The "prepare" step: a planned moment with its intentions.
    PrepareMoment {
        /// The new moment's id.
        id: MomentId,
        /// What the form supplied.
        draft: PrepareDraft,
    },
    /// Changes the preparation of a planned moment (its date, kind,
    /// description and the three intentions), for instance of one imported
    /// from the calendar with none yet.
    EditPrepared {
        /// The moment.
        id: MomentId,
        /// What the form supplied.
        draft: PrepareDraft,
    },
    /// The "after" step of a prepared moment: its answers and outcome.
    HoldMoment {
        /// The moment.
        id: MomentId,
        /// The answers, as in the moment form.
        draft: MomentDraft,
    },
    /// Follows up a late payment or disputed invoice: its cause, what of
    /// ours it points to, and the bonding call.
    OpenDispute(Box<Dispute>),
    /// Records how a dispute ended, and later whether the client became an
    /// ambassador.
    SetDisputeOutcome {
        /// The dispute.
        id: DisputeId,
        /// Solved, not solved, or still open.
        solved: Option<bool>,
        /// Recommended us afterwards.
        ambassador: bool,
    },
    /// Stops following up a dispute.
    RemoveDispute {
        /// The dispute.
        id: DisputeId,
    },
    /// Puts a dispute back exactly (the inverse of the commands above).
    PutDispute(Box<Dispute>),
    /// Starts a client-invite round, dated today.
    CreateRound {
        /// The round's id (random, as the codes carry it).
        id: RoundId,
        /// The language the client answers in.
        lang: Lang,
        /// Who asks, as the client will see it.
        sender: String,
    },
    /// Deletes round `id` with its answers.
    RemoveRound {
        /// The round.
        id: RoundId,
    },
    /// Puts a round back exactly as it was (the inverse of the round
    /// commands).
    PutRound(Box<Round>),
    /// Adds a client contact's answers to a round; the same contact again
    /// replaces their earlier answers.
    AddClientReturn {
        /// The round.
        round: RoundId,
        /// The answers.
        answer: Box<ClientReturn>,
    },
    /// Opens a round's answers without our own self-assessment for it (or
    /// closes them again).
    SkipOwnAssessment {
        /// The round.
        round: RoundId,
        /// Skip or not.
        skip: bool,
    },
    /// Notes which entry a client answer was booked as.
    MarkReturnBooked {
        /// The round.
        round: RoundId,
        /// The contact.
        participant: u32,
        /// The entry (or `None` to forget).
        entry: Option<EntryId>,
    },
    /// Several commands as one: all apply, or none.
    Batch(Vec<Command>),
}

/// The command that undoes an applied one.
pub type Inverse = Command;

/// Why a command changed nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CommandError {
    /// The record the command is about is gone (deleted, perhaps in
    /// another tab).
    #[error("not found")]
    NotFound,
    /// A new record's id is in use already.
    #[error("id in use")]
    IdInUse,
    /// The entry breaks a rule.
    #[error("entry: {0:?}")]
    Entry(Vec<EntryError>),
    /// The entry is made good by other deposits that would no longer fit.
    #[error("entry has repairs")]
    HasRepairs,
    /// The entry is the booked extra of a moment and must stay our deposit.
    #[error("entry is a booked extra")]
    BookedExtra,
    /// The category is in use by entries.
    #[error("category in use")]
    CategoryInUse,
    /// The moment or its action breaks a rule.
    #[error("moment: {0:?}")]
    Moment(Vec<MomentError>),
    /// The answers break a rule.
    #[error("answers: {0:?}")]
    Answers(Vec<AnswerError>),
    /// A dispute breaks a rule.
    #[error(transparent)]
    Dispute(DisputeError),
    /// The client's details or settings break a rule.
    #[error("client: {0:?}")]
    Client(Vec<ClientError>),
    /// A text is missing or too long.
    #[error(transparent)]
    Text(#[from] TextError),
}

impl CommandError {
    /// Every problem as one sentence for the user.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        match self {
            CommandError::NotFound => vec![Key::ErrNotFound.text(lang).to_string()],
            CommandError::IdInUse => vec![Key::ErrIdInUse.text(lang).to_string()],
            CommandError::Entry(e) => e.iter().map(|e| e.message(lang)).collect(),
            CommandError::HasRepairs => vec![Key::ErrHasRepairs.text(lang).to_string()],
            CommandError::BookedExtra => vec![Key::ErrBookedExtra.text(lang).to_string()],
            CommandError::CategoryInUse => vec![Key::ErrCategoryInUse.text(lang).to_string()],
            CommandError::Moment(e) => e.iter().map(|e| e.message(lang)).collect(),
            CommandError::Answers(e) => e.iter().map(|e| e.message(lang)).collect(),
            CommandError::Dispute(e) => vec![e.message(lang)],
            CommandError::Client(e) => e.iter().map(|e| e.message(lang)).collect(),
            CommandError::Text(e) => vec![e.message(lang)],
        }
    }
}

/// Applies `command` to `account` on `today`. On success the account is
/// changed and the inverse is returned; on error nothing changed.
pub fn apply(
    account: &mut Account,
    command: Command,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
    match command {
        Command::AddEntry { id, draft } => {
            if account.entry(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            let entry = validate_entry(account, &draft, id).map_err(CommandError::Entry)?;
            account.put_entry(entry);
            Ok(Command::RemoveEntry { id })
        }
        Command::EditEntry { id, draft } => {
            let old = account.entry(id).cloned().ok_or(CommandError::NotFound)?;
            let entry = validate_entry(account, &draft, id).map_err(CommandError::Entry)?;
            check_dependants(account, &entry)?;
            account.put_entry(entry);
            Ok(Command::PutEntry(Box::new(old)))
        }
        Command::LinkRepair { deposit, repairs } => {
            let old = account
                .entry(deposit)
                .cloned()
                .ok_or(CommandError::NotFound)?;
            let mut draft = EntryDraft::from(&old);
            draft.repairs = repairs;
            let entry = validate_entry(account, &draft, deposit).map_err(CommandError::Entry)?;
            account.put_entry(entry);
            Ok(Command::PutEntry(Box::new(old)))
        }
        Command::RemoveEntry { id } => {
            let removed = account.remove_entry(id).ok_or(CommandError::NotFound)?;
            account.bury(TombstoneKind::Entry, id.0, today);
            Ok(Command::RestoreEntry(Box::new(removed)))
        }
        Command::RestoreEntry(removed) => {
            let id = removed.entry.id;
            if account.entry(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            account.restore_entry(*removed);
            account.unbury(TombstoneKind::Entry, id.0);
            Ok(Command::RemoveEntry { id })
        }
        Command::PutEntry(entry) => {
            let id = entry.id;
            let old = account.entry(id).cloned().ok_or(CommandError::NotFound)?;
            account.put_entry(*entry);
            Ok(Command::PutEntry(Box::new(old)))
        }
        Command::AddOwnCategory {
            id,
            party,
            direction,
            label,
        } => {
            let label = clean_text(Field::Label, &label, limits::CATEGORY_LABEL, true)?;
            if !id.as_str().starts_with("own-") || catalogue::find(account, &id).is_some() {
                return Err(CommandError::IdInUse);
            }
            account.own_categories.push(OwnCategory {
                id,
                party,
                direction,
                label,
            });
            Ok(Command::RemoveOwnCategory { id })
        }
        Command::RemoveOwnCategory { id } => {
            let i = account
                .own_categories
                .iter()
                .position(|c| c.id == id)
                .ok_or(CommandError::NotFound)?;
            if account.entries.iter().any(|e| e.category == id) {
                return Err(CommandError::CategoryInUse);
            }
            let c = account.own_categories.remove(i);
            Ok(Command::AddOwnCategory {
                id: c.id,
                party: c.party,
                direction: c.direction,
                label: c.label,
            })
        }
        Command::LogMoment { id, draft } => {
            if account.moment(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            let moment = build_moment(&draft, id).map_err(CommandError::Moment)?;
            let at = account.moments.partition_point(|m| m.id < id);
            account.moments.insert(at, moment);
            Ok(Command::RemoveMoment { id })
        }
        Command::EditMoment { id, draft } => {
            let old = account.moment(id).cloned().ok_or(CommandError::NotFound)?;
            let moment = edit_moment(&old, &draft).map_err(CommandError::Moment)?;
            replace_moment(account, moment)
        }
        Command::RemoveMoment { id } => {
            let i = account
                .moments
                .iter()
                .position(|m| m.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.moments.remove(i);
            account.bury(TombstoneKind::Moment, id.0, today);
            // A dispute's bonding call that is deleted is no longer linked;
            // undo links it again.
            let mut inverse = vec![Command::PutMoment(Box::new(old))];
            for d in account
                .disputes
                .iter_mut()
                .filter(|d| d.bonding == Some(id))
            {
                inverse.push(Command::PutDispute(Box::new(d.clone())));
                d.bonding = None;
            }
            Ok(match inverse.len() {
                1 => inverse.remove(0),
                _ => Command::Batch(inverse),
            })
        }
        Command::PutMoment(moment) => {
            let id = moment.id;
            match account.moment(id).cloned() {
                Some(_) => replace_moment(account, *moment),
                None => {
                    let at = account.moments.partition_point(|m| m.id < id);
                    account.moments.insert(at, *moment);
                    account.unbury(TombstoneKind::Moment, id.0);
                    Ok(Command::RemoveMoment { id })
                }
            }
        }
        Command::PlanAction { moment, due } => {
            let old = account.moment(moment).ok_or(CommandError::NotFound)?;
            let planned = with_action(old, due).map_err(|e| CommandError::Moment(vec![e]))?;
            replace_moment(account, planned)
        }
        Command::CompleteAction { moment, on } => {
            let old = account.moment(moment).ok_or(CommandError::NotFound)?;
            let done = with_action_done(old, on).map_err(|e| CommandError::Moment(vec![e]))?;
            replace_moment(account, done)
        }
        Command::BookAction {
            moment,
            entry,
            draft,
        } => {
            if account.entry(entry).is_some() {
                return Err(CommandError::IdInUse);
            }
            let old = account
                .moment(moment)
                .cloned()
                .ok_or(CommandError::NotFound)?;
            let (booked, deposit) =
                booking(account, moment, entry, &draft).map_err(CommandError::Entry)?;
            account.put_entry(deposit);
            replace_moment(account, booked)?;
            Ok(Command::Batch(vec![
                Command::RemoveEntry { id: entry },
                Command::PutMoment(Box::new(old)),
            ]))
        }
        Command::AddAssessment {
            id,
            definition,
            date,
            answers,
            round,
            group,
        } => {
            if account.assessment(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            if round.is_some_and(|r| account.round(r).is_none()) {
                return Err(CommandError::NotFound);
            }
            let def = definitions::find(&definition).ok_or_else(|| {
                CommandError::Answers(vec![AnswerError::UnknownDefinition(definition.clone())])
            })?;
            let mut response =
                build_response(def, id, date, answers).map_err(CommandError::Answers)?;
            response.round = round;
            response.group = group;
            let at = account.assessments.partition_point(|r| r.id < id);
            account.assessments.insert(at, response);
            Ok(Command::RemoveAssessment { id })
        }
        Command::RemoveAssessment { id } => {
            let i = account
                .assessments
                .iter()
                .position(|r| r.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.assessments.remove(i);
            account.bury(TombstoneKind::Assessment, id.0, today);
            Ok(Command::PutAssessment(Box::new(old)))
        }
        Command::PutAssessment(response) => {
            let id = response.id;
            if account.assessment(id).is_some() {
                return Err(CommandError::IdInUse);
            }
            let at = account.assessments.partition_point(|r| r.id < id);
            account.assessments.insert(at, *response);
            account.unbury(TombstoneKind::Assessment, id.0);
            Ok(Command::RemoveAssessment { id })
        }
        Command::TakeStock {
            id,
            date,
            reflection,
            actions,
        } => {
            if account.stock_takes.iter().any(|s| s.id == id) {
                return Err(CommandError::IdInUse);
            }
            let reflection = clean_text(Field::Text, &reflection, limits::NOTE, true)?;
            let actions = clean_text(Field::Text, &actions, limits::NOTE, false)?;
            let head = summary::headline(account, date);
            account.stock_takes.push(StockTake {
                id,
                date,
                supplier_saldo: head.balances.supplier.saldo(),
                client_saldo: head.balances.client.saldo(),
                status: head.supplier_status.status.code().to_string(),
                reflection,
                actions,
            });
            crate::model::order::sort_by_key(&mut account.stock_takes, |s| {
                (crate::model::order::day(s.date), s.id.0)
            });
            Ok(Command::RemoveStockTake { id })
        }
        Command::RemoveStockTake { id } => {
            let i = account
                .stock_takes
                .iter()
                .position(|s| s.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.stock_takes.remove(i);
            Ok(Command::PutStockTake(Box::new(old)))
        }
        Command::PutStockTake(stock_take) => {
            let id = stock_take.id;
            if account.stock_takes.iter().any(|s| s.id == id) {
                return Err(CommandError::IdInUse);
            }
            account.stock_takes.push(*stock_take);
            crate::model::order::sort_by_key(&mut account.stock_takes, |s| {
                (crate::model::order::day(s.date), s.id.0)
            });
            Ok(Command::RemoveStockTake { id })
        }
        Command::EditClient(draft) => {
            let old = account.client.clone();
            apply_client_draft(&mut account.client, &draft).map_err(CommandError::Client)?;
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::ChangeSettings { period, thresholds } => {
            validate_settings(period, &thresholds).map_err(CommandError::Client)?;
            let old = account.client.clone();
            account.client.period = period;
            account.client.thresholds = thresholds;
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::SetArchived(archived) => {
            let old = account.client.clone();
            account.client.archived = archived;
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::PutClient(client) => {
            if client.id != account.client.id {
                return Err(CommandError::NotFound);
            }
            let old = std::mem::replace(&mut account.client, *client);
            Ok(Command::PutClient(Box::new(old)))
        }
        Command::PrepareMoment { id, draft } => {
            if account.moment(id).is_some() || account.is_buried(TombstoneKind::Moment, id.0) {
                return Err(CommandError::IdInUse);
            }
            let moment = build_prepared(&draft, id).map_err(CommandError::Moment)?;
            let at = account.moments.partition_point(|m| m.id < id);
            account.moments.insert(at, moment);
            Ok(Command::RemoveMoment { id })
        }
        Command::EditPrepared { id, draft } => {
            let old = account.moment(id).cloned().ok_or(CommandError::NotFound)?;
            let edited = edit_prepared(&old, &draft).map_err(CommandError::Moment)?;
            replace_moment(account, edited)
        }
        Command::HoldMoment { id, draft } => {
            let old = account.moment(id).cloned().ok_or(CommandError::NotFound)?;
            let held = hold_moment(&old, &draft).map_err(CommandError::Moment)?;
            replace_moment(account, held)
        }
        Command::OpenDispute(dispute) => {
            if account.dispute(dispute.id).is_some() {
                return Err(CommandError::IdInUse);
            }
            debtors::check(account, &dispute).map_err(CommandError::Dispute)?;
            let id = dispute.id;
            let at = account.disputes.partition_point(|d| d.id < id);
            account.disputes.insert(at, *dispute);
            Ok(Command::RemoveDispute { id })
        }
        Command::SetDisputeOutcome {
            id,
            solved,
            ambassador,
        } => {
            let slot = account
                .disputes
                .iter_mut()
                .find(|d| d.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = slot.clone();
            slot.closed = match (solved, old.solved) {
                (None, _) => None,
                (Some(_), Some(_)) => old.closed,
                (Some(_), None) => Some(today),
            };
            slot.solved = solved;
            slot.ambassador = ambassador;
            Ok(Command::PutDispute(Box::new(old)))
        }
        Command::RemoveDispute { id } => {
            let i = account
                .disputes
                .iter()
                .position(|d| d.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.disputes.remove(i);
            account.bury(TombstoneKind::Dispute, id.0, today);
            Ok(Command::PutDispute(Box::new(old)))
        }
        Command::PutDispute(dispute) => {
            let id = dispute.id;
            debtors::check(account, &dispute).map_err(CommandError::Dispute)?;
            account.unbury(TombstoneKind::Dispute, id.0);
            match account.disputes.iter_mut().find(|d| d.id == id) {
                Some(slot) => Ok(Command::PutDispute(Box::new(std::mem::replace(
                    slot, *dispute,
                )))),
                None => {
                    let at = account.disputes.partition_point(|d| d.id < id);
                    account.disputes.insert(at, *dispute);
                    Ok(Command::RemoveDispute { id })
                }
            }
        }
        Command::CreateRound { id, lang, sender } => {
            if account.round(id).is_some() || account.is_buried(TombstoneKind::Round, id.0) {
                return Err(CommandError::IdInUse);
            }
            let sender = clean_text(Field::Text, &sender, TITLE_MAX, false)?;
            account.rounds.push(Round {
                id,
                created: today,
                lang,
                sender,
                skipped_self: false,
                returns: Vec::new(),
            });
            Ok(Command::RemoveRound { id })
        }
        Command::RemoveRound { id } => {
            let i = account
                .rounds
                .iter()
                .position(|r| r.id == id)
                .ok_or(CommandError::NotFound)?;
            let old = account.rounds.remove(i);
            account.bury(TombstoneKind::Round, id.0, today);
            Ok(Command::PutRound(Box::new(old)))
        }
        Command::PutRound(round) => {
            let id = round.id;
            account.unbury(TombstoneKind::Round, id.0);
            match account.round_mut(id) {
                Some(slot) => Ok(Command::PutRound(Box::new(std::mem::replace(slot, *round)))),
                None => {
                    account.rounds.push(*round);
                    crate::model::order::sort_by_key(&mut account.rounds, |r| {
                        (crate::model::order::day(r.created), r.id.0)
                    });
                    Ok(Command::RemoveRound { id })
                }
            }
        }
        Command::AddClientReturn { round, answer } => {
            let errors = validate_answers(&definitions::CLIENT_VIEW, &answer.answers);
            if !errors.is_empty() {
                return Err(CommandError::Answers(errors));
            }
            let slot = account.round_mut(round).ok_or(CommandError::NotFound)?;
            let old = slot.clone();
            match slot
                .returns
                .iter_mut()
                .find(|r| r.participant == answer.participant)
            {
                Some(existing) => *existing = *answer,
                None => slot.returns.push(*answer),
            }
            Ok(Command::PutRound(Box::new(old)))
        }
        Command::SkipOwnAssessment { round, skip } => {
            let slot = account.round_mut(round).ok_or(CommandError::NotFound)?;
            let old = std::mem::replace(&mut slot.skipped_self, skip);
            Ok(Command::SkipOwnAssessment { round, skip: old })
        }
        Command::MarkReturnBooked {
            round,
            participant,
            entry,
        } => {
            let slot = account
                .round_mut(round)
                .and_then(|r| r.returns.iter_mut().find(|x| x.participant == participant))
                .ok_or(CommandError::NotFound)?;
            let old = std::mem::replace(&mut slot.booked, entry);
            Ok(Command::MarkReturnBooked {
                round,
                participant,
                entry: old,
            })
        }
        Command::Batch(commands) => {
            let mut done: Vec<Command> = Vec::with_capacity(commands.len());
            for c in commands {
                match apply(account, c, today) {
                    Ok(inverse) => done.push(inverse),
                    Err(e) => {
                        // Roll back what this batch did, newest first.
                        for inverse in done.into_iter().rev() {
                            let _ = apply(account, inverse, today);
                        }
                        return Err(e);
                    }
                }
            }
            done.reverse();
            Ok(Command::Batch(done))
        }
    }
}

/// Replaces the moment with `moment.id`, returning the inverse.
fn replace_moment(account: &mut Account, moment: Moment) -> Result<Inverse, CommandError> {
    let slot = account
        .moment_mut(moment.id)
        .ok_or(CommandError::NotFound)?;
    let old = std::mem::replace(slot, moment);
    Ok(Command::PutMoment(Box::new(old)))
}

/// An edit must not break what points at the entry: deposits that make it
/// good need it to stay a withdrawal of the same party, not later than
/// them; a moment's booked extra must stay our deposit.
fn check_dependants(account: &Account, entry: &Entry) -> Result<(), CommandError> {
    let repairs_ok = account
        .entries
        .iter()
        .filter(|e| e.repairs == Some(entry.id))
        .all(|r| {
            entry.direction == Direction::Withdrawal
                && entry.party == r.party
                && entry.date <= r.date
        });
    if !repairs_ok {
        return Err(CommandError::HasRepairs);
    }
    let booked = account.moments.iter().any(|m| {
        m.action
            .as_ref()
            .is_some_and(|a| a.booked == Some(entry.id))
    });
    if booked && (entry.party != Party::Supplier || entry.direction != Direction::Deposit) {
        return Err(CommandError::BookedExtra);
    }
    Ok(())
}

/// A new account from the client form, with id `id`.
pub fn new_account(
    id: crate::model::ClientId,
    draft: &ClientDraft,
) -> Result<Account, Vec<ClientError>> {
    let mut client = Client::new(id, "");
    apply_client_draft(&mut client, draft)?;
    Ok(Account::new(client))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::dates::test_dates::{d, today};
    use crate::model::ClientId;
    use crate::questionnaires::definitions::interaction;
    use crate::questionnaires::moments::{booking_draft, ActionState, EXTRA_CATEGORY};
    use crate::storage::check::validate_account;

    fn draft(party: Party, direction: Direction, category: &str, weight: u8) -> EntryDraft {
        EntryDraft {
            date: d(2026, 11, 1),
            party,
            direction,
            category: CategoryId::new(category),
            weight,
            who: String::new(),
            note: String::new(),
            repairs: None,
        }
    }

    fn empty() -> Account {
        Account::new(Client::new(ClientId::from_random(9), "X"))
    }

    /// Applies, then checks that the inverse restores the account exactly
    /// (tombstones aside) and that redoing gives the changed account back.
    fn round_trip(account: &mut Account, command: Command) -> Inverse {
        let before = account.clone();
        let inverse = apply(account, command, today()).expect("command applies");
        let after = account.clone();
        let mut undone = account.clone();
        let redo = apply(&mut undone, inverse.clone(), today()).expect("inverse applies");
        let strip = |a: &Account| {
            let mut a = a.clone();
            a.tombstones.clear();
            a
        };
        assert_eq!(strip(&undone), strip(&before), "undo restores");
        let mut redone = undone;
        apply(&mut redone, redo, today()).expect("redo applies");
        assert_eq!(strip(&redone), strip(&after), "redo repeats");
        inverse
    }

    #[test]
    fn every_entry_command_has_an_exact_inverse() {
        let mut a = demo::example(today(), 1);
        let id = EntryId(1 << 33);
        round_trip(
            &mut a,
            Command::AddEntry {
                id,
                draft: draft(Party::Supplier, Direction::Deposit, "sd-delivered", 3),
            },
        );
        let mut edited = draft(Party::Supplier, Direction::Deposit, "sd-listened", 5);
        edited.note = "beter".into();
        round_trip(&mut a, Command::EditEntry { id, draft: edited });
        let target = a.entries.iter().find_map(|e| e.repairs).unwrap();
        round_trip(&mut a, Command::RemoveEntry { id: target });
        round_trip(&mut a, Command::SetArchived(true));
        round_trip(
            &mut a,
            Command::AddOwnCategory {
                id: CategoryId::new("own-77"),
                party: Party::Client,
                direction: Direction::Deposit,
                label: "Taart".into(),
            },
        );
        assert_eq!(validate_account(&a), vec![]);
    }

    #[test]
    fn a_failed_command_changes_nothing() {
        let mut a = demo::example(today(), 1);
        let before = a.clone();
        let bad = apply(
            &mut a,
            Command::AddEntry {
                id: EntryId(1 << 33),
                draft: draft(Party::Client, Direction::Deposit, "sd-delivered", 3),
            },
            today(),
        );
        assert!(matches!(bad, Err(CommandError::Entry(_))));
        assert_eq!(
            apply(
                &mut a,
                Command::RemoveEntry {
                    id: EntryId(999_999)
                },
                today()
            ),
            Err(CommandError::NotFound)
        );
        let batch = Command::Batch(vec![
            Command::SetArchived(true),
            Command::RemoveMoment {
                id: MomentId(999_999),
            },
        ]);
        assert_eq!(apply(&mut a, batch, today()), Err(CommandError::NotFound));
        assert_eq!(a, before, "the batch rolled back its first step");
    }

    #[test]
    fn removing_buries_and_restoring_unburies() {
        let mut a = demo::example(today(), 1);
        let id = a.entries[0].id;
        let inverse = apply(&mut a, Command::RemoveEntry { id }, today()).unwrap();
        assert!(a.is_buried(TombstoneKind::Entry, id.0));
        apply(&mut a, inverse, today()).unwrap();
        assert!(!a.is_buried(TombstoneKind::Entry, id.0));
    }

    #[test]
    fn an_edit_may_not_break_a_repair_that_points_at_it() {
        let mut a = empty();
        let w = EntryId(1);
        apply(
            &mut a,
            Command::AddEntry {
                id: w,
                draft: draft(
                    Party::Supplier,
                    Direction::Withdrawal,
                    "sw-invoice-error",
                    2,
                ),
            },
            today(),
        )
        .unwrap();
        let mut fix = draft(Party::Supplier, Direction::Deposit, "sd-responsibility", 2);
        fix.repairs = Some(w);
        apply(
            &mut a,
            Command::AddEntry {
                id: EntryId(2),
                draft: fix,
            },
            today(),
        )
        .unwrap();
        let turned = draft(Party::Supplier, Direction::Deposit, "sd-delivered", 2);
        assert_eq!(
            apply(
                &mut a,
                Command::EditEntry {
                    id: w,
                    draft: turned
                },
                today()
            ),
            Err(CommandError::HasRepairs)
        );
        round_trip(
            &mut a,
            Command::LinkRepair {
                deposit: EntryId(2),
                repairs: None,
            },
        );
    }

    #[test]
    fn plan_complete_and_book_an_action_with_undo() {
        let mut a = empty();
        a.client.account_manager = "Sanne".into();
        let mut answers = Answers::new();
        answers.insert(
            interaction::EXTRA.into(),
            crate::model::Answer::Text("Bloemetje".into()),
        );
        let m = MomentId(1);
        apply(
            &mut a,
            Command::LogMoment {
                id: m,
                draft: MomentDraft {
                    date: Some(d(2026, 11, 1)),
                    description: "Belletje".into(),
                    answers,
                    ..Default::default()
                },
            },
            today(),
        )
        .unwrap();
        assert!(matches!(
            apply(
                &mut a,
                Command::PlanAction {
                    moment: m,
                    due: None
                },
                today()
            ),
            Err(CommandError::Moment(_))
        ));
        round_trip(
            &mut a,
            Command::PlanAction {
                moment: m,
                due: Some(d(2026, 11, 30)),
            },
        );
        // Not done yet: nothing to book.
        let booking = booking_draft(&a, m).unwrap();
        assert!(apply(
            &mut a,
            Command::BookAction {
                moment: m,
                entry: EntryId(5),
                draft: booking.clone()
            },
            today()
        )
        .is_err());
        round_trip(
            &mut a,
            Command::CompleteAction {
                moment: m,
                on: d(2026, 11, 20),
            },
        );
        let booking = booking_draft(&a, m).unwrap();
        assert_eq!(booking.date, d(2026, 11, 20));
        assert_eq!(booking.category.as_str(), EXTRA_CATEGORY);
        assert_eq!(booking.who, "Sanne");
        let mut wrong = booking.clone();
        wrong.party = Party::Client; // ignored: a booked extra is always ours
        round_trip(
            &mut a,
            Command::BookAction {
                moment: m,
                entry: EntryId(5),
                draft: wrong,
            },
        );
        let e = a.entry(EntryId(5)).unwrap();
        assert_eq!(
            (e.party, e.direction),
            (Party::Supplier, Direction::Deposit)
        );
        assert_eq!(
            a.moments[0].action_state(today()),
            Some(ActionState::Booked)
        );
        // Booking twice is refused; the booked extra stays our deposit.
        assert!(apply(
            &mut a,
            Command::BookAction {
                moment: m,
                entry: EntryId(6),
                draft: booking
            },
            today()
        )
        .is_err());
        let to_client = draft(Party::Client, Direction::Deposit, "cd-paid-on-time", 2);
        assert_eq!(
            apply(
                &mut a,
                Command::EditEntry {
                    id: EntryId(5),
                    draft: to_client
                },
                today()
            ),
            Err(CommandError::BookedExtra)
        );
        assert_eq!(validate_account(&a), vec![]);
    }

    #[test]
    fn assessments_stock_takes_and_settings_round_trip() {
        let mut a = demo::example(today(), 1);
        let mut answers = Answers::new();
        answers.insert("serving-success".into(), crate::model::Answer::Scale(4));
        round_trip(
            &mut a,
            Command::AddAssessment {
                id: ResponseId(1 << 40),
                definition: definitions::HOSTMANSHIP_ID.into(),
                date: Some(today()),
                answers,
                round: None,
                group: None,
            },
        );
        let first = a.assessments[0].id;
        round_trip(&mut a, Command::RemoveAssessment { id: first });
        round_trip(
            &mut a,
            Command::TakeStock {
                id: StockTakeId(1 << 40),
                date: today(),
                reflection: "Goed bezig".into(),
                actions: String::new(),
            },
        );
        let mut t = Thresholds {
            credit: 4,
            ..Default::default()
        };
        round_trip(
            &mut a,
            Command::ChangeSettings {
                period: PeriodLength::Week,
                thresholds: t,
            },
        );
        t.credit = -1;
        assert!(matches!(
            apply(
                &mut a,
                Command::ChangeSettings {
                    period: PeriodLength::Week,
                    thresholds: t
                },
                today()
            ),
            Err(CommandError::Client(_))
        ));
        let mut details = ClientDraft::from(&a.client);
        details.name = "Nieuwe naam".into();
        round_trip(&mut a, Command::EditClient(details));
        assert_eq!(validate_account(&a), vec![]);
    }

    #[test]
    fn round_commands_have_exact_inverses_and_a_contact_answering_twice_replaces() {
        use crate::model::{Answer, ClientReturn, RoundId};
        let mut a = demo::example(today(), 1);
        let id = RoundId(0xABCDEF);
        round_trip(
            &mut a,
            Command::CreateRound {
                id,
                lang: Lang::En,
                sender: "  Jansen ICT ".into(),
            },
        );
        assert_eq!(a.round(id).map(|r| r.sender.as_str()), Some("Jansen ICT"));
        assert_eq!(
            apply(
                &mut a.clone(),
                Command::CreateRound {
                    id,
                    lang: Lang::Nl,
                    sender: String::new()
                },
                today()
            ),
            Err(CommandError::IdInUse)
        );
        let answer = |participant, v| {
            Box::new(ClientReturn {
                participant,
                name: String::new(),
                received: today(),
                version: 1,
                answers: [("cv-dialogue-listens".to_string(), Answer::Scale(v))].into(),
                booked: None,
            })
        };
        round_trip(
            &mut a,
            Command::AddClientReturn {
                round: id,
                answer: answer(7, 2),
            },
        );
        round_trip(
            &mut a,
            Command::AddClientReturn {
                round: id,
                answer: answer(7, 4),
            },
        );
        round_trip(
            &mut a,
            Command::AddClientReturn {
                round: id,
                answer: answer(8, 5),
            },
        );
        let r = a.round(id).unwrap();
        assert_eq!(r.returns.len(), 2);
        assert_eq!(
            r.answer_of(7).unwrap().answers["cv-dialogue-listens"],
            Answer::Scale(4)
        );
        let bad = Box::new(ClientReturn {
            answers: [("cv-dialogue-listens".to_string(), Answer::Scale(9))].into(),
            ..*answer(9, 1)
        });
        assert!(apply(
            &mut a,
            Command::AddClientReturn {
                round: id,
                answer: bad
            },
            today()
        )
        .is_err());
        round_trip(
            &mut a,
            Command::SkipOwnAssessment {
                round: id,
                skip: true,
            },
        );
        let entry = a.entries[0].id;
        round_trip(
            &mut a,
            Command::MarkReturnBooked {
                round: id,
                participant: 8,
                entry: Some(entry),
            },
        );
        round_trip(
            &mut a,
            Command::AddAssessment {
                id: ResponseId(1 << 41),
                definition: definitions::HOSTMANSHIP_ID.into(),
                date: Some(today()),
                answers: [("dialogue-listen".to_string(), Answer::Scale(3))].into(),
                round: Some(id),
                group: None,
            },
        );
        assert!(crate::invite::rounds::own_response(&a, id).is_some());
        round_trip(&mut a, Command::RemoveRound { id });
        assert!(a.is_buried(TombstoneKind::Round, id.0));
        assert_eq!(
            apply(
                &mut a,
                Command::SkipOwnAssessment {
                    round: id,
                    skip: true
                },
                today()
            ),
            Err(CommandError::NotFound)
        );
    }

    #[test]
    fn prepare_then_look_back_and_follow_up_a_late_payment_with_a_bonding_call() {
        use crate::account::debtors::{bonding_call, stats};
        use crate::model::{Cause, Dispute, DisputeId, MomentKind};
        use crate::questionnaires::moments::{after_draft, PrepareDraft};
        let mut a = demo::example(today(), 1);
        let id = MomentId(1 << 40);
        let prepare = PrepareDraft {
            date: today().succ_opt(),
            kind: MomentKind::Delivery,
            description: "Oplevering fase 2".into(),
            expectation: "Alles werkt op de testomgeving".into(),
            treatment: "Eerlijk horen wat nog niet af is".into(),
            extra: "Korte handleiding voor de key users".into(),
            source: None,
        };
        round_trip(
            &mut a,
            Command::PrepareMoment {
                id,
                draft: prepare.clone(),
            },
        );
        let m = a.moment(id).unwrap().clone();
        assert!(m.planned && m.answers.is_empty());
        // The extra is an action due on the day of the moment.
        assert_eq!(
            m.action.as_ref().map(|x| (x.text.as_str(), x.due)),
            Some(("Korte handleiding voor de key users", m.date))
        );
        // Preparing it further (as for a moment imported from the calendar)
        // keeps its id and source; the action follows the extra.
        let mut more = crate::questionnaires::moments::prepare_draft_of(&m);
        more.extra = "Handleiding en een kort filmpje".into();
        round_trip(&mut a, Command::EditPrepared { id, draft: more });
        let m = a.moment(id).unwrap().clone();
        assert_eq!(
            m.action.as_ref().map(|x| x.text.as_str()),
            Some("Handleiding en een kort filmpje")
        );
        assert_eq!(
            m.prepared.as_ref().map(|p| p.treatment.as_str()),
            Some("Eerlijk horen wat nog niet af is")
        );
        // After: the outcome against what was prepared; the extra stands in question 3.
        let mut draft = after_draft(&m);
        assert_eq!(
            draft.answers[interaction::EXTRA],
            crate::model::Answer::Text("Handleiding en een kort filmpje".into())
        );
        draft.answers.insert(
            interaction::OUTCOME.into(),
            crate::model::Answer::Choice(interaction::EXCEEDED.into()),
        );
        round_trip(&mut a, Command::HoldMoment { id, draft });
        let held = a.moment(id).unwrap();
        assert!(!held.planned);
        // Once held, the preparation stays as it was.
        let late_edit = Command::EditPrepared {
            id,
            draft: crate::questionnaires::moments::prepare_draft_of(held),
        };
        assert_eq!(
            apply(&mut a.clone(), late_edit, today()),
            Err(CommandError::Moment(vec![MomentError::NotPlanned]))
        );
        let held = a.moment(id).unwrap();
        assert_eq!(
            held.prepared.as_ref().map(|p| p.expectation.as_str()),
            Some("Alles werkt op de testomgeving")
        );
        assert_eq!(
            held.outcome(),
            Some(crate::questionnaires::moments::Outcome::Promoter)
        );

        // A late payment, caused by dissatisfaction about a delivery error of ours.
        let late = EntryId(1 << 41);
        let ours = a
            .entries
            .iter()
            .find(|e| e.party == Party::Supplier && e.direction == Direction::Withdrawal)
            .unwrap()
            .id;
        apply(
            &mut a,
            Command::AddEntry {
                id: late,
                draft: EntryDraft {
                    date: today(),
                    party: Party::Client,
                    direction: Direction::Withdrawal,
                    category: CategoryId::new("cw-paid-late"),
                    weight: 2,
                    who: String::new(),
                    note: String::new(),
                    repairs: None,
                },
            },
            today(),
        )
        .unwrap();
        let call = MomentId(1 << 42);
        let dispute = Dispute {
            id: DisputeId(7),
            entry: late,
            cause: Cause::Dissatisfied,
            ours: Some(ours),
            bonding: Some(call),
            solved: None,
            closed: None,
            ambassador: false,
        };
        // The call must exist first: in one batch, prepared, then followed up.
        assert!(apply(
            &mut a.clone(),
            Command::OpenDispute(Box::new(dispute.clone())),
            today()
        )
        .is_err());
        round_trip(
            &mut a,
            Command::Batch(vec![
                Command::PrepareMoment {
                    id: call,
                    draft: bonding_call(today(), Lang::Nl),
                },
                Command::OpenDispute(Box::new(dispute)),
            ]),
        );
        round_trip(
            &mut a,
            Command::SetDisputeOutcome {
                id: DisputeId(7),
                solved: Some(true),
                ambassador: false,
            },
        );
        assert_eq!(a.dispute(DisputeId(7)).unwrap().closed, Some(today()));
        round_trip(
            &mut a,
            Command::SetDisputeOutcome {
                id: DisputeId(7),
                solved: Some(true),
                ambassador: true,
            },
        );
        assert_eq!(stats(&a).ambassadors, 1);
        // Deleting the late payment takes its follow-up along; undo brings both back.
        let inverse = round_trip(&mut a, Command::RemoveEntry { id: late });
        assert!(matches!(inverse, Command::RestoreEntry(_)));
        // Deleting the call unlinks it; undo links it again.
        round_trip(&mut a, Command::RemoveMoment { id: call });
        assert_eq!(validate_account(&a), vec![]);
    }
}
