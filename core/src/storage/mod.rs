//! Encodings of accounts: the stored record, the backup file, checks of
//! what comes in, the merge of two tabs' versions, and the exports for
//! other tools.

pub mod backup;
pub mod check;
pub mod codec;
pub mod export;
pub mod glance;
pub mod json;
pub mod merge;
