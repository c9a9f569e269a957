//! The calendar import: choose a file, see what it holds, confirm.
//! Nothing is written before the confirmation.

use kbr_core::calendar::import::IcsError;
use kbr_core::calendar::import::{parse, MAX_ICS_BYTES};
use kbr_core::i18n::Key;
use kbr_core::model::ClientId;
use leptos::prelude::*;

use super::preview::{ImportPreview, ImportState};
use crate::components::file_button::FileButton;
use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Reads an `.ics` export of the user's calendar into moments to prepare,
/// on the given client or on one the user picks.
#[component]
pub fn CalendarImport(
    /// The client, or `None` to let the user pick one.
    client: Option<ClientId>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let state = RwSignal::new(ImportState::Idle);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let lang = ui.lang.get_untracked();
        state.set(ImportState::Reading);
        let today = store.today();
        leptos::task::spawn_local(async move {
            let result = match browser::read_file(file, MAX_ICS_BYTES as u64).await {
                Err(size) => Err(IcsError::TooLarge(size as usize)),
                Ok((text, _)) => parse(&text, today, browser::utc_offset_minutes()),
            };
            state.set(match result {
                Ok(parsed) => ImportState::Ready(Box::new(parsed)),
                Err(e) => ImportState::Failed(e.message(lang)),
            });
        });
    };
    let client = StoredValue::new(client);
    view! {
        <div class="calendar-import" data-testid="calendar-import">
            <p>
                {ui
                    .tr(
                        if client.get_value().is_some() {
                            Key::CalendarImportIntro
                        } else {
                            Key::CalendarImportIntroAny
                        },
                    )}
            </p>
            <p>
                <FileButton
                    label=Key::CalendarChooseFile
                    accept=".ics,text/calendar"
                    testid="calendar-file"
                    on_change=Callback::new(on_file)
                />
            </p>
            {move || match state.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Reading => {
                    view! {
                        <p class="muted" role="status">
                            {ui.t(Key::ImportBusy)}
                        </p>
                    }
                        .into_any()
                }
                ImportState::Failed(msg) => {
                    view! {
                        <p
                            class="banner danger user-text"
                            role="alert"
                            data-testid="calendar-error"
                        >
                            {msg}
                        </p>
                    }
                        .into_any()
                }
                ImportState::Done(msg) => {
                    view! {
                        <p class="ok" role="status" data-testid="calendar-done">
                            {msg}
                        </p>
                    }
                        .into_any()
                }
                ImportState::Ready(parsed) => {
                    view! { <ImportPreview parsed=parsed client=client.get_value() state=state /> }
                        .into_any()
                }
            }}
        </div>
    }
}
