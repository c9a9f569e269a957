//! The 1–5 weight of an entry as a row of radio buttons, shared by the
//! entry form and the booking of a done action.

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::use_ui;

/// Picks a weight 1–5.
#[component]
pub fn WeightPicker(
    /// The chosen weight.
    weight: RwSignal<u8>,
    /// Radio group name, unique on the page; also the prefix of the test ids
    /// (`{name}-3`).
    name: String,
) -> impl IntoView {
    let ui = use_ui();
    let label_id = format!("{name}-label");
    view! {
        <div class="field">
            <span id=label_id.clone()>{move || ui.t(Key::Weight)}</span>
            <div class="segmented weights" role="radiogroup" aria-labelledby=label_id>
                {(1u8..=5).map(|w| view! {
                    <label class="weight">
                        <input type="radio" name=name.clone() value=w data-testid=format!("{name}-{w}")
                            prop:checked=move || weight.get() == w on:change=move |_| weight.set(w) />
                        <span>{w}</span>
                    </label>
                }).collect_view()}
            </div>
        </div>
    }
}
