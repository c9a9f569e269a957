//! The form for a new workshop session: case title (with the warning that
//! it travels in the link), language and exercises.

use kbr_core::i18n::Key;
use kbr_core::invite::code::TITLE_MAX;
use kbr_core::invite::workshop::Session;
use kbr_core::model::RoundId;
use kbr_core::questionnaires::definitions;
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::lang_picker::LangPicker;
use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// Creates a session and opens it.
#[component]
pub fn NewSessionForm() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let workshops = use_workshops();
    let title = RwSignal::new(String::new());
    let lang = RwSignal::new(ui.lang.get_untracked());
    let chosen = RwSignal::new(vec![definitions::HOSTMANSHIP_ID.to_string()]);
    let errors = RwSignal::new(Vec::<String>::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picked: Vec<_> = definitions::workshop_exercises()
            .filter(|d| chosen.with_untracked(|c| c.iter().any(|x| x == d.id)))
            .collect();
        let id = RoundId::from_random(browser::random_bits());
        let made = Session::new(
            id,
            store.today(),
            &title.get_untracked(),
            lang.get_untracked(),
            &picked,
        );
        match made
            .map_err(|e| e.message(ui.lang.get_untracked()))
            .and_then(|s| workshops.create(s))
        {
            Ok(()) => ui.go(Route::Workshop(id)),
            Err(e) => errors.set(vec![e]),
        }
    };
    let exercises = definitions::workshop_exercises()
        .map(|d| {
            let id = d.id;
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid=format!("exercise-{id}")
                        prop:checked=move || chosen.with(|c| c.iter().any(|x| x == id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen
                                .update(|c| {
                                    c.retain(|x| x != id);
                                    if on {
                                        c.push(id.to_string());
                                    }
                                });
                        }
                    />
                    <span>{move || d.title.get(ui.lang.get())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="form panel" on:submit=create novalidate data-testid="new-session">
            <h2>{ui.tr(Key::WorkshopNew)}</h2>
            <label class="field">
                <span>{ui.tr(Key::WorkshopCaseTitle)}</span>
                <input
                    type="text"
                    maxlength=TITLE_MAX.to_string()
                    data-testid="session-title"
                    aria-describedby="session-title-hint"
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
            </label>
            <p id="session-title-hint" class="warning-text small">
                {ui.tr(Key::WorkshopTitleWarning)}
            </p>
            <LangPicker name="session-lang" legend=Key::WorkshopLanguage lang=lang />
            <fieldset>
                <legend>{ui.tr(Key::WorkshopExercises)}</legend>
                {exercises}
            </fieldset>
            <ErrorList errors=errors />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="session-create">
                    {ui.tr(Key::WorkshopCreate)}
                </button>
            </div>
        </form>
    }
}
