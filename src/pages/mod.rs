//! One component per screen, chosen by the hash route in [`crate::App`].

pub mod not_found;
pub mod overview;
