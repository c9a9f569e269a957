//! Pure domain core of Klantbankrekening.
//!
//! Everything that decides a number, a status, a text or a stored byte lives
//! here, so it can be tested natively and reused by every screen. This crate
//! never depends on `leptos`, `web_sys`, `gloo` or `wasm_bindgen`: the app
//! crate around it only displays what these functions compute and sends
//! [`command::Command`]s back. The rules are written in `docs/DOMAIN.md`.
//!
//! Layers, each importing only the ones before it:
//! 1. [`i18n`], [`intern`], [`model`], [`route`]: texts, ids and stored types.
//! 2. [`catalogue`], [`questionnaires`] (engine and definitions),
//!    [`account::period`].
//! 3. [`validate`], [`account`] (ledger, status, summary), moments.
//! 4. [`command`], [`storage`] (codec, backup, merge, exports), [`demo`],
//!    [`calendar`] (the .ics export and import).
#![warn(missing_docs)]

pub mod account;
pub mod axis;
pub mod calendar;
pub mod catalogue;
pub mod command;
pub mod demo;
pub mod i18n;
pub mod intern;
pub mod invite;
pub mod model;
pub mod questionnaires;
pub mod route;
pub mod storage;
pub mod sync;
pub mod validate;
