//! The form for a new assessment of one questionnaire.

use kbr_core::command::Command;
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{dates, Answers, ResponseId, RoundId};
use kbr_core::questionnaires::engine::{score, Definition};
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::question::QuestionField;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Fills in `def`, section by section; saves with a command.
#[component]
pub fn AssessmentForm(
    /// The questionnaire.
    def: &'static Definition,
    /// Set to false when the form closes.
    filling: RwSignal<bool>,
    /// The client-invite round this self-assessment is our side of.
    #[prop(optional, into)]
    round: Option<RoundId>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let answers = RwSignal::new(Answers::new());
    let date = RwSignal::new(store.today().to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let id = ctx.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = Command::AddAssessment {
            id: ResponseId(store.new_id()),
            definition: def.id.to_string(),
            date: dates::parse_input(&date.get_untracked()),
            answers: answers.get_untracked(),
            round,
            group: None,
        };
        match store.act(&id, cmd, ui.t(Key::AssessmentSaved).to_string()) {
            Ok(()) => filling.set(false),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    let answered = move || {
        let s = answers.with(|a| score(def, a));
        tf(
            ui.lang.get(),
            Key::AnsweredCount,
            &[
                ("answered", &s.answered.to_string()),
                ("total", &def.scored_items().to_string()),
            ],
        )
    };
    view! {
        <form
            class="form questionnaire-form"
            on:submit=save
            novalidate
            data-testid="assessment-form"
        >
            <label class="field inline">
                <span>{ui.tr(Key::Date)}</span>
                <input
                    type="date"
                    data-testid="assessment-date"
                    prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev))
                />
            </label>
            {def
                .sections
                .iter()
                .map(|section| {
                    view! {
                        <fieldset data-testid=format!("fieldset-{}", section.id)>
                            <legend>{move || section.title.get(ui.lang.get())}</legend>
                            <p class="muted small">
                                {move || section.description.get(ui.lang.get())}
                            </p>
                            {def
                                .items_of(section.id)
                                .map(|item| {
                                    view! {
                                        <QuestionField item=item answers=answers form=def.id />
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <p class="muted" aria-live="polite" data-testid="answered-count">
                {answered}
            </p>
            <ErrorList errors=errors />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="assessment-save">
                    {ui.tr(Key::AssessmentSave)}
                </button>
                <button type="button" class="button" on:click=move |_| filling.set(false)>
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </form>
    }
}
