//! Shown for a hash route that leads nowhere (e.g. a deleted client).

use kbr_core::i18n::Key;
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// "Page not found" with a way back to the overview.
#[component]
pub fn NotFound() -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="panel empty" data-testid="not-found">
            <h1>{ui.tr(Key::NotFoundTitle)}</h1>
            <p>{ui.tr(Key::NotFoundBody)}</p>
            <a class="button" href=Route::Overview.to_hash()>
                {ui.tr(Key::BackToOverview)}
            </a>
        </section>
    }
}
