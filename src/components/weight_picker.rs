//! The 1–5 weight of an entry as a row of radio buttons with what each
//! weight means, shared by the entry form and the booking of a done
//! action, so two people score the same event the same way.

use kbr_core::catalogue;
use kbr_core::i18n::Key;
use kbr_core::model::Weight;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Picks a weight from [`Weight::MIN`] to [`Weight::MAX`].
#[component]
pub fn WeightPicker(
    /// The chosen weight.
    weight: RwSignal<u8>,
    /// Radio group name, unique on the page; also the prefix of the test ids
    /// (`{name}-3`).
    name: String,
    /// Set when the user picks a weight (so a category change keeps it).
    #[prop(optional)]
    touched: Option<RwSignal<bool>>,
    /// The category the entry is in, for its example of a weight.
    #[prop(optional, into)]
    category: Option<Signal<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let label_id = format!("{name}-label");
    let example = move || {
        let id = category?.get();
        let b = catalogue::builtin(&id)?;
        Some(catalogue::weight_example(b, ui.lang.get()))
    };
    view! {
        <div class="field weight-field">
            <span id=label_id.clone()>{ui.tr(Key::Weight)}</span>
            <div class="segmented weights" role="radiogroup" aria-labelledby=label_id>
                {(Weight::MIN..=Weight::MAX)
                    .map(|w| {
                        view! {
                            <label class="weight" title=move || Weight::meaning(w, ui.lang.get())>
                                <input
                                    type="radio"
                                    name=name.clone()
                                    value=w
                                    data-testid=format!("{name}-{w}")
                                    prop:checked=move || weight.get() == w
                                    on:change=move |_| {
                                        weight.set(w);
                                        if let Some(t) = touched {
                                            t.set(true);
                                        }
                                    }
                                />
                                <span>{w}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <small class="muted" data-testid="weight-meaning">
                {move || {
                    format!("{} = {}", weight.get(), Weight::meaning(weight.get(), ui.lang.get()))
                }}
                {move || example().map(|e| format!(" · {e}"))}
            </small>
        </div>
    }
}
