//! The notice that a new version of the app is ready (see `state::offline`).

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::offline::Update;
use crate::state::ui::use_ui;

/// "A new version is ready: reload", while one is.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ui = use_ui();
    let update = expect_context::<Update>();
    view! {
        <Show when=move || update.ready()>
            <div class="banner info update" role="status" data-testid="update-notice">
                <p>{ui.tr(Key::UpdateReady)}</p>
                <button
                    type="button"
                    class="button small primary"
                    data-testid="update-reload"
                    on:click=move |_| update.apply()
                >
                    {ui.tr(Key::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
