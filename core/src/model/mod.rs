//! The leaf layer: what the app stores, and nothing that computes with it.
//!
//! Every other module builds on these types; this folder imports none of
//! them (only `i18n` for the labels of its enums). An [`Account`] is one
//! client relationship: details, own categories, entries, stock-takes,
//! interaction moments, assessments, client-invite rounds, and the tombstones of what was deleted.
//! The rules these types follow are written in `docs/DOMAIN.md`.

mod account;
mod answers;
mod client;
pub mod dates;
mod dispute;
mod entry;
mod ids;
mod moment;
pub mod order;
mod round;

pub use account::{Account, OwnCategory, RemovedEntry, StockTake, Tombstone, TombstoneKind};
#[cfg(test)]
pub(crate) use answers::scale_answers;
pub use answers::{Answer, Answers, Figure, GroupInfo, Response};
pub use client::{limits, Client, PeriodLength, Thresholds};
pub use dispute::{Cause, Dispute};
pub use entry::{CategoryId, Direction, Entry, Party, Points, Weight};
pub use ids::{
    base36, ClientId, DisputeId, EntryId, IdSource, MomentId, ResponseId, RoundId, StockTakeId,
};
pub use moment::{Action, Moment, MomentKind, Preparation, ValueAnswer, SOURCE_MAX};
pub use round::{ClientReturn, Round};
