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
use crate::i18n::{Key, Lang, Register};
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
mod assessments;
mod categories;
mod client;
mod disputes;
mod entries;
mod moments;
mod rounds;
mod stock_takes;

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
    /// Gives an own category another label; its entries keep it (they
    /// name it by its id). The inverse gives back the old label.
    RenameOwnCategory {
        /// The category.
        id: CategoryId,
        /// The new label.
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
        /// How the client is addressed in Dutch.
        register: Register,
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

/// What kind of record a command changes: [`apply`] hands it to that
/// kind's handler (one small module each), so a new command touches its
/// variant, this list and its handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Ledger entries.
    Entries,
    /// The client's own categories.
    Categories,
    /// Interaction moments and their actions.
    Moments,
    /// Self-assessments.
    Assessments,
    /// Stock-takes.
    StockTakes,
    /// The client's details and settings.
    Client,
    /// Invoice disputes.
    Disputes,
    /// Invite rounds and the client's answers.
    Rounds,
    /// Several commands at once.
    Batch,
}

impl Command {
    /// The kind of record this command changes.
    pub fn kind(&self) -> Kind {
        match self {
            Command::AddEntry { .. } => Kind::Entries,
            Command::EditEntry { .. } => Kind::Entries,
            Command::LinkRepair { .. } => Kind::Entries,
            Command::RemoveEntry { .. } => Kind::Entries,
            Command::RestoreEntry { .. } => Kind::Entries,
            Command::PutEntry { .. } => Kind::Entries,
            Command::AddOwnCategory { .. } => Kind::Categories,
            Command::RemoveOwnCategory { .. } => Kind::Categories,
            Command::RenameOwnCategory { .. } => Kind::Categories,
            Command::LogMoment { .. } => Kind::Moments,
            Command::EditMoment { .. } => Kind::Moments,
            Command::RemoveMoment { .. } => Kind::Moments,
            Command::PutMoment { .. } => Kind::Moments,
            Command::PlanAction { .. } => Kind::Moments,
            Command::CompleteAction { .. } => Kind::Moments,
            Command::BookAction { .. } => Kind::Moments,
            Command::PrepareMoment { .. } => Kind::Moments,
            Command::EditPrepared { .. } => Kind::Moments,
            Command::HoldMoment { .. } => Kind::Moments,
            Command::AddAssessment { .. } => Kind::Assessments,
            Command::RemoveAssessment { .. } => Kind::Assessments,
            Command::PutAssessment { .. } => Kind::Assessments,
            Command::TakeStock { .. } => Kind::StockTakes,
            Command::RemoveStockTake { .. } => Kind::StockTakes,
            Command::PutStockTake { .. } => Kind::StockTakes,
            Command::EditClient { .. } => Kind::Client,
            Command::ChangeSettings { .. } => Kind::Client,
            Command::SetArchived { .. } => Kind::Client,
            Command::PutClient { .. } => Kind::Client,
            Command::OpenDispute { .. } => Kind::Disputes,
            Command::SetDisputeOutcome { .. } => Kind::Disputes,
            Command::RemoveDispute { .. } => Kind::Disputes,
            Command::PutDispute { .. } => Kind::Disputes,
            Command::CreateRound { .. } => Kind::Rounds,
            Command::RemoveRound { .. } => Kind::Rounds,
            Command::PutRound { .. } => Kind::Rounds,
            Command::AddClientReturn { .. } => Kind::Rounds,
            Command::SkipOwnAssessment { .. } => Kind::Rounds,
            Command::MarkReturnBooked { .. } => Kind::Rounds,
            Command::Batch(_) => Kind::Batch,
        }
    }
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
    match command.kind() {
        Kind::Entries => entries::apply(account, command, today),
        Kind::Categories => categories::apply(account, command, today),
        Kind::Moments => moments::apply(account, command, today),
        Kind::Assessments => assessments::apply(account, command, today),
        Kind::StockTakes => stock_takes::apply(account, command, today),
        Kind::Client => client::apply(account, command, today),
        Kind::Disputes => disputes::apply(account, command, today),
        Kind::Rounds => rounds::apply(account, command, today),
        Kind::Batch => {
            let Command::Batch(commands) = command else {
                return Err(CommandError::NotFound);
            };
            batch(account, commands, today)
        }
    }
}

/// Applies every command or none: a refusal rolls back what the batch did.
fn batch(
    account: &mut Account,
    commands: Vec<Command>,
    today: NaiveDate,
) -> Result<Inverse, CommandError> {
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
mod tests;
