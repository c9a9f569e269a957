//! The entry form's buttons.

use kbr_core::i18n::Key;
use kbr_core::model::EntryId;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Book (or save the change), and cancel while editing.
#[component]
pub(super) fn FormButtons(
    /// The entry being edited, if any.
    editing: RwSignal<Option<EntryId>>,
    /// Stops editing.
    cancel: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="actions">
            <button type="submit" class="button primary" data-testid="entry-submit">
                {move || {
                    ui.t(if editing.get().is_some() { Key::SaveEntry } else { Key::BookEntry })
                }}
            </button>
            <Show when=move || editing.get().is_some()>
                <button
                    type="button"
                    class="button"
                    data-testid="entry-cancel-edit"
                    on:click=move |_| cancel.run(())
                >
                    {ui.tr(Key::Cancel)}
                </button>
            </Show>
        </div>
    }
}
