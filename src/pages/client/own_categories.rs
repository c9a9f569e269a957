//! The client's own categories: each with its label to rename, how many
//! entries use it, and delete while none does. Every change is a command
//! with its undo.

use kbr_core::command::Command;
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{CategoryId, OwnCategory};
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The list of own categories on the settings tab.
#[component]
pub fn OwnCategories() -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let rows = Memo::new(move |_| {
        account.with(|a| {
            a.own_categories
                .iter()
                .map(|c| {
                    let used = a.entries.iter().filter(|e| e.category == c.id).count();
                    (c.clone(), used)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel own-categories" data-testid="own-categories">
            <h2>{ui.tr(Key::OwnCategoriesTitle)}</h2>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p class="muted">{ui.tr(Key::OwnCategoriesNone)}</p> }
            >
                <ul class="own-category-list">
                    <For
                        each=move || rows.get()
                        key=|(c, used)| (c.id, c.label.clone(), *used)
                        let:row
                    >
                        <OwnCategoryRow category=row.0 used=row.1 />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One own category: its label to rename, its use, delete.
#[component]
fn OwnCategoryRow(
    /// The category.
    category: OwnCategory,
    /// How many entries use it.
    used: usize,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let client = use_client().id;
    let label = RwSignal::new(category.label.clone());
    let errors = RwSignal::new(Vec::<String>::new());
    let id: CategoryId = category.id;
    let client2 = client.clone();
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::RenameOwnCategory {
            id,
            label: label.get_untracked(),
        };
        match store.act(&client, command, ui.t(Key::OwnCategoryRenamed).to_string()) {
            Ok(()) => errors.set(Vec::new()),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    let delete = move |_: leptos::ev::MouseEvent| {
        let command = Command::RemoveOwnCategory { id };
        if let Err(e) = store.act(&client2, command, ui.t(Key::OwnCategoryRemoved).to_string()) {
            errors.set(e.messages(ui.lang.get_untracked()));
        }
    };
    let in_use = used > 0;
    let kind = move || {
        let lang = ui.lang.get();
        let uses = if used == 1 {
            ui.t(Key::OwnCategoryUsedOne).to_string()
        } else {
            tf(lang, Key::OwnCategoryUsedMany, &[("n", &used.to_string())])
        };
        format!(
            "{} · {} · {uses}",
            category.party.label(lang),
            category.direction.label(lang)
        )
    };
    view! {
        <li class="own-category" data-testid="own-category-row">
            <form class="inline-form" on:submit=rename novalidate>
                <input
                    type="text"
                    maxlength="80"
                    data-testid="own-category-rename-input"
                    aria-label=ui.tr(Key::FieldLabel)
                    prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev))
                />
                <button type="submit" class="button small" data-testid="own-category-rename">
                    {ui.tr(Key::OwnCategoryRename)}
                </button>
                <button
                    type="button"
                    class="button small link"
                    data-testid="own-category-delete"
                    disabled=in_use
                    title=move || in_use.then(|| ui.t(Key::OwnCategoryInUse))
                    on:click=delete
                >
                    {ui.tr(Key::Delete)}
                </button>
            </form>
            <p class="muted small" data-testid="own-category-use">
                {kind}
            </p>
            <ErrorList errors=errors testid="own-category-errors" />
        </li>
    }
}
