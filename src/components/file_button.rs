//! Choosing a file with the app's own button, in the app's language: the
//! browser's bare file control speaks the browser's language ("Choose
//! File") and looks different on every system.

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// A button that opens the file chooser; the chosen file arrives in
/// `on_change` as the input's change event.
#[component]
pub fn FileButton(
    /// The button's text.
    label: Key,
    /// The file types offered (the input's `accept`).
    accept: &'static str,
    /// The input's test id.
    testid: &'static str,
    /// Called with the change event when a file was chosen.
    on_change: Callback<leptos::ev::Event>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <label class="button file-button">
            {ui.tr(label)}
            <input
                type="file"
                accept=accept
                class="visually-hidden"
                data-testid=testid
                on:change=move |ev| on_change.run(ev)
            />
        </label>
    }
}
