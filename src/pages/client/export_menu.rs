//! The client's exports and print, folded into one menu so that on a phone
//! the saldo stays within the first screen.

use kbr_core::i18n::Key;
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::components::downloads::{download_ledger, LedgerExports, LedgerFormat};
use crate::pages::calendar::CalendarExport;
use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// "Exporteren ▾": CSV, journal, calendar, print.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let export = move |format: LedgerFormat| {
        let lang = ui.lang.get_untracked();
        account.with_untracked(|a| download_ledger(&[a], format, lang, Some(&a.client.name)));
    };
    view! {
        <details class="menu no-print" data-testid="export-menu">
            <summary class="button">{ui.tr(Key::ExportMenu)}</summary>
            <div class="menu-items">
                <LedgerExports on_export=Callback::new(export) testid="client-export" />
                <CalendarExport client=Some(ctx.id.clone()) testid="client-calendar" />
                <button
                    type="button"
                    class="button"
                    data-testid="print"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {ui.tr(Key::Print)}
                </button>
                <a
                    class="button"
                    href=Route::Handout(ctx.id.clone()).to_hash()
                    data-testid="open-handout"
                >
                    {ui.tr(Key::HandoutOpen)}
                </a>
            </div>
        </details>
    }
}
