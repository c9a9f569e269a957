//! The clients overview; with no clients yet, the explaining empty state.

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::use_ui;

/// The start page.
#[component]
pub fn Overview() -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="panel empty" data-testid="empty-state">
            <h1>{move || ui.t(Key::EmptyTitle)}</h1>
            <p>{move || ui.t(Key::EmptyIntro1)}</p>
            <p>{move || ui.t(Key::EmptyIntro2)}</p>
            <button type="button" class="button primary" data-testid="create-first-client">
                {move || ui.t(Key::EmptyCreateFirst)}
            </button>
        </section>
    }
}
