//! What an account adds up to: periods, saldi and breakdowns, the status
//! corridor, and the summaries the screens show.

pub mod booked;
pub mod debtors;
pub mod digest;
pub mod ledger;
pub mod period;
pub mod signals;
pub mod status;
pub mod summary;
