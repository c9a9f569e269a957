//! Whose entry and which way: two pairs of toggle buttons.

use kbr_core::i18n::Key;
use kbr_core::model::{Direction, Party};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Party (us, the client) and direction (deposit, withdrawal).
#[component]
pub fn KindPicker(
    /// The chosen party.
    party: RwSignal<Party>,
    /// The chosen direction.
    direction: RwSignal<Direction>,
) -> impl IntoView {
    let ui = use_ui();
    let toggle =
        move |label: &'static str, active: Signal<bool>, testid: String, on: Callback<()>| {
            view! {
                <button
                    type="button"
                    class="seg"
                    data-testid=testid
                    aria-pressed=move || active.get().to_string()
                    on:click=move |_| on.run(())
                >
                    {label}
                </button>
            }
        };
    view! {
        <div class="field">
            <span id="party-label">{ui.tr(Key::Party)}</span>
            <div class="segmented" role="group" aria-labelledby="party-label">
                {move || {
                    Party::ALL
                        .into_iter()
                        .map(|p| toggle(
                            p.label(ui.lang.get()),
                            Signal::derive(move || party.get() == p),
                            format!("party-{}", p.code()),
                            Callback::new(move |_| party.set(p)),
                        ))
                        .collect_view()
                }}
            </div>
        </div>
        <div class="field">
            <span id="direction-label">{ui.tr(Key::Direction)}</span>
            <div class="segmented" role="group" aria-labelledby="direction-label">
                {move || {
                    Direction::ALL
                        .into_iter()
                        .map(|d| toggle(
                            d.label(ui.lang.get()),
                            Signal::derive(move || direction.get() == d),
                            format!("direction-{}", d.code()),
                            Callback::new(move |_| direction.set(d)),
                        ))
                        .collect_view()
                }}
            </div>
        </div>
    }
}
