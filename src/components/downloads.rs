//! The downloads several screens offer: the full backup, and the ledger of
//! some clients as CSV or hledger journal. The texts come from the core.

use kbr_core::i18n::{Key, Lang};
use kbr_core::model::Account;
use kbr_core::storage::export;

use leptos::prelude::*;

use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// A ledger export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerFormat {
    /// `;`-separated CSV with BOM, for (Dutch) spreadsheets.
    Csv,
    /// A plain-text hledger journal.
    Journal,
}

/// Downloads the ledger of `accounts` in `format`; `slug` names the file
/// (one client's name, or nothing for all).
pub fn download_ledger(
    accounts: &[&Account],
    format: LedgerFormat,
    lang: Lang,
    slug: Option<&str>,
) {
    let store = use_store();
    let (text, ext, mime) = match format {
        LedgerFormat::Csv => (
            export::ledger_csv(accounts, lang),
            "csv",
            "text/csv;charset=utf-8",
        ),
        LedgerFormat::Journal => (
            export::ledger_journal(accounts, lang),
            "journal",
            "text/plain;charset=utf-8",
        ),
    };
    let name = match slug {
        Some(s) => format!(
            "klantbankrekening-{}-{}.{ext}",
            export::file_slug(s),
            store.today()
        ),
        None => format!("klantbankrekening-{}.{ext}", store.today()),
    };
    if let Err(e) = browser::download(&name, mime, &text) {
        browser::warn("download failed", &e);
    }
}

/// The two ledger export buttons; `testid` prefixes their test ids
/// (`{testid}-csv`, `{testid}-journal`).
#[component]
pub fn LedgerExports(
    /// Called with the chosen format.
    on_export: Callback<LedgerFormat>,
    /// Prefix of the test ids.
    testid: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <button
            type="button"
            class="button"
            data-testid=format!("{testid}-csv")
            on:click=move |_| on_export.run(LedgerFormat::Csv)
        >
            {ui.tr(Key::ExportCsv)}
        </button>
        <button
            type="button"
            class="button"
            data-testid=format!("{testid}-journal")
            on:click=move |_| on_export.run(LedgerFormat::Journal)
        >
            {ui.tr(Key::ExportJournal)}
        </button>
    }
}
