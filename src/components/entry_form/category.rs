//! The category of an entry: the catalogue's and the client's own that fit
//! the party and direction, with a one-line hint, and a way to add one.

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{base36, CategoryId, Direction, Party};
use leptos::prelude::*;

use crate::components::category_select::CategorySelect;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The category select and "add your own".
#[component]
pub fn CategoryField(
    /// The chosen party.
    party: RwSignal<Party>,
    /// The chosen direction.
    direction: RwSignal<Direction>,
    /// The chosen category id.
    category: RwSignal<String>,
    /// Where a refused new category says why.
    errors: RwSignal<Vec<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let adding = RwSignal::new(None::<String>);
    view! {
        <div class="field wide">
            <CategorySelect
                party=party
                direction=direction
                category=category
                testid="entry-category"
            />
            <Show
                when=move || adding.get().is_some()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button link small"
                            data-testid="add-own-category"
                            on:click=move |_| adding.set(Some(String::new()))
                        >
                            {ui.tr(Key::AddOwnCategory)}
                        </button>
                    }
                }
            >
                <NewCategory
                    party=party
                    direction=direction
                    category=category
                    adding=adding
                    errors=errors
                />
            </Show>
        </div>
    }
}

/// The label of a new own category, added with a command.
#[component]
fn NewCategory(
    party: RwSignal<Party>,
    direction: RwSignal<Direction>,
    category: RwSignal<String>,
    adding: RwSignal<Option<String>>,
    errors: RwSignal<Vec<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let add = Callback::new(move |()| {
        let label = adding.get_untracked().unwrap_or_default();
        let id = CategoryId::new(&format!("own-{}", base36(store.new_id())));
        let command = Command::AddOwnCategory {
            id,
            party: party.get_untracked(),
            direction: direction.get_untracked(),
            label,
        };
        match store.dispatch(&ctx.id, command) {
            Ok(_) => {
                category.set(id.as_str().to_string());
                adding.set(None);
                errors.set(Vec::new());
            }
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    });
    view! {
        <span class="inline-form">
            <input
                type="text"
                maxlength="80"
                data-testid="own-category-label"
                aria-label=ui.tr(Key::FieldLabel)
                prop:value=move || adding.get().unwrap_or_default()
                on:input=move |ev| adding.set(Some(event_target_value(&ev)))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        add.run(());
                    }
                }
            />
            <button
                type="button"
                class="button small"
                data-testid="own-category-save"
                on:click=move |_| add.run(())
            >
                {ui.tr(Key::Add)}
            </button>
            <button type="button" class="button small link" on:click=move |_| adding.set(None)>
                {ui.tr(Key::Cancel)}
            </button>
        </span>
    }
}
