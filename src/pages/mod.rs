//! One component per screen, chosen by the hash route in [`crate::App`].

pub mod assessments;
pub mod client;
pub mod data;
pub mod moments;
pub mod not_found;
pub mod overview;
pub mod recovery;
