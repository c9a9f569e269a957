//! The first screen of a new user: what the app is, and two ways in. When
//! stored data could not be read, it says so before offering a new start.

use kbr_core::i18n::Key;
use kbr_core::route::Route;
use leptos::prelude::*;

use super::load_demo;
use crate::state::use_ui;
use crate::store::use_store;

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
                        <h1>{move || ui.t(Key::EmptyTitle)}</h1>
                        <p>{move || ui.t(Key::EmptyIntro1)}</p>
                        <p>{move || ui.t(Key::EmptyIntro2)}</p>
                    }
                }
            >
                <h1 data-testid="empty-unreadable">{move || ui.t(Key::EmptyUnreadableTitle)}</h1>
                <p>{move || ui.t(Key::EmptyUnreadable)}</p>
            </Show>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    data-testid="create-first-client"
                    on:click=move |_| creating.set(true)
                >
                    {move || ui.t(Key::EmptyCreateFirst)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="load-demo"
                    on:click=move |_| load_demo()
                >
                    {move || ui.t(Key::LoadDemo)}
                </button>
                <a class="button" href=Route::Workshops.to_hash() data-testid="nav-workshops">
                    {move || ui.t(Key::NavWorkshops)}
                </a>
            </div>
        </section>
    }
}
