//! The first screen of a new user: what the app is, and two ways in. When
//! stored data could not be read, it says so before offering a new start.

use kbr_core::i18n::Key;
use kbr_core::route::Route;
use leptos::prelude::*;

use super::load_demo;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The empty state.
#[component]
pub fn EmptyState(
    /// Set to open the new-client form.
    creating: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let unreadable = move || store.startup_problem().is_some();

    view! {
        <section class="panel empty" data-testid="empty-state">
            <Show
                when=unreadable
                fallback=move || {
                    view! {
                        <h1>{ui.tr(Key::EmptyTitle)}</h1>
                        <p>{ui.tr(Key::EmptyIntro1)}</p>
                        <p>{ui.tr(Key::EmptyIntro2)}</p>
                    }
                }
            >
                <h1 data-testid="empty-unreadable">{ui.tr(Key::EmptyUnreadableTitle)}</h1>
                <p>{ui.tr(Key::EmptyUnreadable)}</p>
            </Show>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    data-testid="create-first-client"
                    on:click=move |_| creating.set(true)
                >
                    {ui.tr(Key::EmptyCreateFirst)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="load-demo"
                    on:click=move |_| load_demo()
                >
                    {ui.tr(Key::LoadDemo)}
                </button>
                <a class="button" href=Route::Workshops.to_hash() data-testid="nav-workshops">
                    {ui.tr(Key::NavWorkshops)}
                </a>
            </div>
            <p class="muted">
                {ui.tr(Key::EmptyRestoreIntro)} " "
                <a href=Route::Data.to_hash() data-testid="empty-restore">
                    {ui.tr(Key::EmptyRestore)}
                </a>
            </p>
        </section>
    }
}
