//! Pure domain core of Klantbankrekening.
//!
//! Everything that decides a number, a status, a text or a stored byte lives
//! here, so it can be tested natively and reused by every screen. This crate
//! must never depend on `leptos`, `web_sys`, `gloo` or `wasm_bindgen`: the
//! app crate around it only displays what these functions compute.
#![warn(missing_docs)]

pub mod backup;
pub mod catalogue;
pub mod codec;
pub mod definitions;
pub mod demo;
pub mod export;
pub mod i18n;
pub mod intern;
pub mod ledger;
pub mod merge;
pub mod model;
pub mod moments;
pub mod period;
pub mod questionnaire;
pub mod route;
pub mod status;
pub mod summary;
pub mod validate;
