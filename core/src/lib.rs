//! Pure domain core of Klantbankrekening.
//!
//! Everything that decides a number, a status, a text or a stored byte lives
//! here, so it can be tested natively and reused by every screen. This crate
//! must never depend on `leptos`, `web_sys`, `gloo` or `wasm_bindgen`: the
//! app crate around it only displays what these functions compute.

pub mod i18n;
pub mod route;
