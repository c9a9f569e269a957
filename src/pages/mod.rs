//! One component per screen, chosen by the hash route in [`crate::App`].

pub mod calendar;
pub mod client;
pub mod data;
pub mod guide;
pub mod handout;
pub mod not_found;
pub mod overview;
pub mod participant;
pub mod recovery;
pub mod return_page;
pub mod workshops;
