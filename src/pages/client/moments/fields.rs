//! The date, kind and description of a moment: the fields the log form and
//! the prepare form share.

use kbr_core::i18n::Key;
use kbr_core::model::MomentKind;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Date, kind and description of a moment.
#[component]
pub fn MomentFields(
    /// The date as the field holds it.
    date: RwSignal<String>,
    /// Meeting, call, …
    kind: RwSignal<MomentKind>,
    /// A short description.
    description: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="entry-grid">
            <label class="field">
                <span>{ui.tr(Key::Date)}</span>
                <input
                    type="date"
                    data-testid="moment-date"
                    prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev))
                />
            </label>
            <label class="field">
                <span>{ui.tr(Key::MomentKind)}</span>
                <select
                    data-testid="moment-kind"
                    prop:value=move || kind.get().code()
                    on:change=move |ev| {
                        if let Some(k) = MomentKind::from_code(&event_target_value(&ev)) {
                            kind.set(k)
                        }
                    }
                >
                    {move || {
                        MomentKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.code() selected=kind.get_untracked() == k>
                                        {k.label(ui.lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="field wide">
                <span>{ui.tr(Key::FieldDescription)}" *"</span>
                <input
                    type="text"
                    maxlength="200"
                    data-testid="moment-description"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                />
            </label>
        </div>
    }
}
