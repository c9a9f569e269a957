//! What the trainer does with a session: reveal or hide the results,
//! export the answers as CSV, project or print the results, delete the
//! session; each with the line that explains it.

use kbr_core::i18n::Key;
use kbr_core::invite::workshop::{self, SessionCommand};
use kbr_core::model::RoundId;
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::state::browser;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// The toolbar of session `id`.
#[component]
pub fn SessionActions(
    /// The session.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let revealed = move || workshops.with(id, |s| s.revealed).unwrap_or(false);
    let toggle = move |_| {
        let lang = ui.lang.get_untracked();
        let on = !revealed();
        let done = ui.t(if on {
            Key::WorkshopRevealed
        } else {
            Key::WorkshopHidden
        });
        workshops.act(id, SessionCommand::Reveal(on), done.to_string(), lang);
    };
    let csv = move |_| {
        let lang = ui.lang.get_untracked();
        if let Some((name, text)) =
            workshops.with(id, |s| (workshop::csv_name(s), workshop::csv(s, lang)))
        {
            let _ = browser::download(&name, "text/csv;charset=utf-8", &text);
        }
    };
    let delete = move |_| {
        let done = ui.t(Key::WorkshopDeleted).to_string();
        workshops.delete(id, done);
        ui.go(Route::Workshops);
    };
    view! {
        <div class="toolbar no-print">
            <button type="button" class="button primary" on:click=toggle data-testid="reveal">
                {move || { ui.t(if revealed() { Key::WorkshopHide } else { Key::WorkshopReveal }) }}
            </button>
            <button
                type="button"
                class="button"
                on:click=csv
                data-testid="session-csv"
                aria-describedby="csv-help"
            >
                {ui.tr(Key::WorkshopCsv)}
            </button>
            <Show when=revealed>
                // Full screen needs the click itself: asked here,
                // on the way to the projector view.
                <a
                    class="button primary"
                    href=Route::Projector(id).to_hash()
                    on:click=|_| browser::enter_fullscreen()
                    aria-describedby="projector-help"
                    data-testid="projector-open"
                >
                    {ui.tr(Key::ProjectorOpen)}
                </a>
                <button
                    type="button"
                    class="button"
                    on:click=|_| browser::print()
                    data-testid="print-handout"
                >
                    {ui.tr(Key::PrintHandout)}
                </button>
            </Show>
            <button
                type="button"
                class="button danger"
                on:click=delete
                data-testid="session-delete"
            >
                {ui.tr(Key::WorkshopDelete)}
            </button>
        </div>
        <p id="csv-help" class="muted small no-print" data-testid="csv-help">
            {ui.tr(Key::WorkshopCsvHelp)}
        </p>
        <Show when=revealed>
            <p id="projector-help" class="muted small no-print">
                {ui.tr(Key::ProjectorOpenHelp)}
            </p>
        </Show>
    }
}
