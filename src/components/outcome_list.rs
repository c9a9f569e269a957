//! What became of each code pasted, dropped or scanned in: one line each,
//! marked added or refused, read out as it changes.

use leptos::prelude::*;

/// The outcome lines of the last codes taken in: `(added, sentence)`.
#[component]
pub fn OutcomeList(
    /// The lines, newest batch only.
    #[prop(into)]
    lines: Signal<Vec<(bool, String)>>,
    /// The list's `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <ul class="outcomes" aria-live="polite" data-testid=testid>
            {move || {
                lines
                    .get()
                    .into_iter()
                    .map(|(ok, line)| {
                        view! {
                            <li
                                class:ok=ok
                                class:errors=!ok
                                data-testid=if ok { "outcome-ok" } else { "outcome-refused" }
                            >
                                {line}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
