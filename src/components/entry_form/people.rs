//! Who booked it, on that party's side.

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// Who on that party's side, with the people already used as suggestions.
#[component]
pub(super) fn PeopleField(
    /// The person or role.
    who: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let people = Memo::new(move |_| {
        // Distinct names first (by their interned index): 10k entries, a
        // handful of people.
        let distinct: std::collections::HashSet<kbr_core::intern::Name> =
            account.with(|a| a.entries.iter().map(|e| e.who).collect());
        let mut p: Vec<String> = distinct
            .into_iter()
            .filter(|w| !w.is_empty())
            .map(|w| w.to_string())
            .collect();
        p.sort();
        p
    });
    view! {
        <label class="field">
            <span>{ui.tr(Key::FieldWho)}</span>
            <input
                type="text"
                list="people-list"
                data-testid="entry-who"
                maxlength="120"
                prop:value=move || who.get()
                on:input=move |ev| who.set(event_target_value(&ev))
            />
            <datalist id="people-list">
                {move || {
                    people
                        .get()
                        .into_iter()
                        .map(|p| view! { <option value=p></option> })
                        .collect_view()
                }}
            </datalist>
        </label>
    }
}
