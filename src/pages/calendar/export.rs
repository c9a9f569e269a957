//! The calendar export: a reminder choice and a download button.

use kbr_core::calendar::export::{ExportOptions, Reminder};
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{Account, ClientId};
use kbr_core::storage::export::file_slug;
use leptos::prelude::*;

use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Downloads the calendar of one client (or of all) as an `.ics` file.
#[component]
pub fn CalendarExport(
    /// The client, or `None` for every client.
    client: Option<ClientId>,
    /// Prefix of the test ids (`{testid}-reminder`, `{testid}-ics`).
    testid: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let reminder = RwSignal::new(Reminder::default());
    // The name of the file just saved: said, with how to import it.
    let saved = RwSignal::new(None::<String>);
    let client = StoredValue::new(client);
    let download = move |_| {
        let accounts: Vec<Account> = match client.get_value() {
            Some(id) => store.peek_account(&id, Clone::clone).into_iter().collect(),
            None => store.accounts_now(),
        };
        let lang = ui.lang.get_untracked();
        let options = ExportOptions {
            lang,
            reminder: reminder.get_untracked(),
            today: store.today(),
            stamp: browser::now_utc(),
        };
        let name = match accounts.as_slice() {
            [one] => format!(
                "klantbankrekening-agenda-{}-{}.ics",
                file_slug(&one.client.name),
                store.today()
            ),
            _ => format!("klantbankrekening-agenda-{}.ics", store.today()),
        };
        leptos::task::spawn_local(async move {
            match super::ics_text(accounts, options).await {
                Ok(text) => match browser::download(&name, "text/calendar;charset=utf-8", &text) {
                    Ok(()) => saved.set(Some(name)),
                    Err(e) => {
                        browser::warn("download failed", &e);
                        store.notify(Key::LoadFailed.text(lang).to_string(), None);
                    }
                },
                Err(_) => store.notify(Key::LoadFailed.text(lang).to_string(), None),
            }
        });
    };
    view! {
        <div class="calendar-export">
            <label class="field">
                <span>{ui.tr(Key::ReminderLabel)}</span>
                <select
                    data-testid=format!("{testid}-reminder")
                    on:change=move |ev| {
                        if let Some(r) = Reminder::from_code(&event_target_value(&ev)) {
                            reminder.set(r);
                        }
                    }
                >
                    {Reminder::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r.code() selected=move || reminder.get() == r>
                                    {move || r.label(ui.lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                class="button"
                data-testid=format!("{testid}-ics")
                on:click=download
            >
                {ui.tr(Key::CalendarExportButton)}
            </button>
            {move || {
                saved
                    .get()
                    .map(|name| {
                        view! {
                            <p class="ok small" role="status" data-testid=format!("{testid}-saved")>
                                {move || tf(ui.lang.get(), Key::CalendarSaved, &[("file", &name)])}
                            </p>
                        }
                    })
            }}
            <p class="muted small" data-testid=format!("{testid}-google")>
                {ui.tr(Key::CalendarGoogleNote)}
            </p>
        </div>
    }
}
