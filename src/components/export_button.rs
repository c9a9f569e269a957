//! The "download backup" button the banners about saving offer.

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::work::{self, StoreWork};

/// "Download backup": what a banner about saving offers.
#[component]
pub fn ExportButton(
    /// The button's test id.
    testid: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    view! {
        <button
            type="button"
            class="button small"
            data-testid=testid
            on:click=move |_| work::spawn(
                store,
                ui.lang.get_untracked(),
                StoreWork::DownloadBackup(store),
            )
        >
            {ui.tr(Key::ExportBackup)}
        </button>
    }
}
