//! The date of an entry.

use kbr_core::i18n::Key;
use kbr_core::model::dates;
use kbr_core::validate::entry_warnings;
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The date of the entry, with a warning for dates after today or long ago.
#[component]
pub(super) fn DateField(
    /// The date as the field holds it.
    date: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let warning = move || {
        dates::parse_input(&date.get())
            .and_then(|d| entry_warnings(d, store.today()))
            .map(|w| w.message(ui.lang.get()))
    };
    view! {
        <label class="field">
            <span>{ui.tr(Key::Date)}</span>
            <input
                type="date"
                data-testid="entry-date"
                prop:value=move || date.get()
                on:input=move |ev| date.set(event_target_value(&ev))
            />
            {move || {
                warning()
                    .map(|w| {
                        view! {
                            <small class="warning-text" data-testid="date-warning">
                                {w}
                            </small>
                        }
                    })
            }}
        </label>
    }
}
