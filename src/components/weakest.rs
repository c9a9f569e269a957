//! The weakest principle with its tip, or that none stands out: the same
//! box for one person's result, a group's and a participant's own.

use kbr_core::i18n::{tf, Key};
use kbr_core::questionnaires::engine::Weakest;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Shows `weakest`; nothing when fewer than two sections were answered.
#[component]
pub fn WeakestBox(
    /// The weakest section of a score or a group result.
    #[prop(into)]
    weakest: Signal<Weakest>,
) -> impl IntoView {
    let ui = use_ui();
    move || match weakest.get() {
        Weakest::Section(section) => view! {
            <div class="tip" data-testid="weakest">
                <h3>
                    {move || tf(
                        ui.lang.get(),
                        Key::WeakestSection,
                        &[("section", section.title.get(ui.lang.get()))],
                    )}
                </h3>
                <p class="muted">{move || section.description.get(ui.lang.get())}</p>
                <p>
                    <strong>{ui.tr(Key::Tip)}": "</strong>
                    <span data-testid="weakest-tip">{move || section.tip.get(ui.lang.get())}</span>
                </p>
            </div>
        }
        .into_any(),
        Weakest::AllEqual => view! {
            <p class="tip" data-testid="weakest-none">
                {ui.tr(Key::WeakestNone)}
            </p>
        }
        .into_any(),
        Weakest::NotEnough => ().into_any(),
    }
}
