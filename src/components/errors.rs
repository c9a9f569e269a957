//! The list of problems a form shows after a refused save: one sentence
//! each, announced to screen readers, kept until the next try.

use leptos::prelude::*;

/// Shows `errors` as an alert list; nothing when empty.
#[component]
pub fn ErrorList(
    /// The messages, already translated.
    errors: RwSignal<Vec<String>>,
    /// Test id of the list.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <ul class="errors" role="alert" data-testid=testid>
                {move || {
                    errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()
                }}
            </ul>
        </Show>
    }
}
