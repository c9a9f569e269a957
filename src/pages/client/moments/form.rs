//! The form to log an interaction moment (or edit one) and answer the
//! three questions; the little extra can be planned as an action.

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{dates, Moment, MomentId, MomentKind};
use kbr_core::questionnaires::definitions::{interaction, INTERACTION};
use kbr_core::questionnaires::moments::{after_draft, draft_of, MomentDraft};
use leptos::prelude::*;

use super::fields::MomentFields;
use super::prepare::{PreparedNote, ValueField};
use crate::components::errors::ErrorList;
use crate::components::question::QuestionField;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Logs a new moment, or edits `existing`.
#[component]
pub fn MomentForm(
    /// Set to false when the form closes.
    logging: RwSignal<bool>,
    /// The moment being edited; a new one when absent.
    #[prop(optional)]
    existing: Option<Moment>,
    /// The "after" step of a prepared moment: record how it went.
    #[prop(optional)]
    after: bool,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let start = existing
        .as_ref()
        .map(|m| if after { after_draft(m) } else { draft_of(m) })
        .unwrap_or_else(|| MomentDraft {
            date: Some(store.today()),
            ..MomentDraft::default()
        });
    let prepared = existing.as_ref().and_then(|m| m.prepared.clone());
    let value = RwSignal::new(start.value);
    let has_action = existing.as_ref().is_some_and(|m| m.action.is_some());
    let date = RwSignal::new(start.date.map(|d| d.to_string()).unwrap_or_default());
    let kind = RwSignal::new(start.kind);
    let description = RwSignal::new(start.description);
    let answers = RwSignal::new(start.answers);
    let plan = RwSignal::new(false);
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    // Radio names must differ between the new-moment form and edit forms.
    let form_name = existing
        .as_ref()
        .map_or("moment".to_string(), |m| format!("moment-{}", m.id.0));
    let edit_id = existing.as_ref().map(|m| m.id);
    let id = ctx.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = MomentDraft {
            date: dates::parse_input(&date.get_untracked()),
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            answers: answers.get_untracked(),
            plan_action: plan.get_untracked(),
            due: dates::parse_input(&due.get_untracked()),
            value: value.get_untracked(),
        };
        let command = match edit_id {
            Some(id) if after => Command::HoldMoment { id, draft },
            Some(id) => Command::EditMoment { id, draft },
            None => Command::LogMoment {
                id: MomentId(store.new_id()),
                draft,
            },
        };
        match store.act(&id, command, ui.t(Key::MomentSaved).to_string()) {
            Ok(()) => logging.set(false),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    let extra_hint = INTERACTION.item(interaction::EXTRA).map(|i| i.text);
    view! {
        <form class="form questionnaire-form" on:submit=save novalidate data-testid="moment-form">
            {prepared.map(|p| view! { <PreparedNote prepared=p /> })}
            <MomentFields date=date kind=kind description=description />
            {INTERACTION
                .sections
                .iter()
                .map(|section| {
                    view! {
                        <fieldset>
                            <legend>{move || section.title.get(ui.lang.get())}</legend>
                            {INTERACTION
                                .items_of(section.id)
                                .map(|i| {
                                    view! {
                                        <QuestionField
                                            item=i
                                            answers=answers
                                            form=form_name.clone()
                                        />
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <Show when=move || kind.get() == MomentKind::Invoice>
                <ValueField value=value form=form_name.clone() />
            </Show>
            <Show when=move || !has_action>
                <PlanFields plan=plan due=due />
            </Show>
            <p class="muted small">{move || extra_hint.map(|t| t.get(ui.lang.get()))}</p>
            <ErrorList errors=errors testid="moment-errors" />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="moment-save">
                    {ui.tr(Key::MomentSave)}
                </button>
                <button type="button" class="button" on:click=move |_| logging.set(false)>
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// "Plan the extra as an action", with its due date.
#[component]
fn PlanFields(
    /// Whether to plan the extra.
    plan: RwSignal<bool>,
    /// The due date as the field holds it.
    due: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid="moment-plan"
                prop:checked=move || plan.get()
                on:change=move |ev| plan.set(event_target_checked(&ev))
            />
            {ui.tr(Key::PlanAsAction)}
        </label>
        <Show when=move || plan.get()>
            <label class="field inline">
                <span>{ui.tr(Key::DueDate)}" *"</span>
                <input
                    type="date"
                    data-testid="moment-due"
                    required
                    prop:value=move || due.get()
                    on:input=move |ev| due.set(event_target_value(&ev))
                />
                <small class="muted">{ui.tr(Key::DueHint)}</small>
            </label>
        </Show>
    }
}
