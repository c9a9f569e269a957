//! The notice after a change, with "undo" when possible (its code loads
//! with the first notice: `components::rare`).

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::work::{self, StoreWork};

/// The notice, with "undo" when possible.
#[component]
pub fn Toast() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let undo = move |_| {
        let lang = ui.lang.get_untracked();
        if let Some(undo) = store.take_undo() {
            let workshops = crate::state::workshops::loaded_workshops();
            work::spawn(store, lang, StoreWork::Undo(store, undo, workshops, lang));
        }
    };
    view! {
        {move || {
            store
                .notice()
                .map(|(text, has_undo)| {
                    view! {
                        <div class="toast" data-testid="toast">
                            <span>{text}</span>
                            <Show when=move || has_undo>
                                <button
                                    type="button"
                                    class="button small"
                                    data-testid="undo"
                                    on:click=undo
                                >
                                    {ui.tr(Key::Undo)}
                                </button>
                            </Show>
                            <button
                                type="button"
                                class="button small link"
                                aria-label=ui.tr(Key::Close)
                                on:click=move |_| store.dismiss_notice()
                            >
                                "×"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
