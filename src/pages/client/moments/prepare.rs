//! Preparing an interaction moment: the three questions asked before it,
//! as intentions (what does the client expect, how would I want to be
//! treated in their place, which little extra will I add), quick on a
//! phone; the extra becomes an action due on the day. Also the pieces the
//! "after" step shows: what was prepared, and at an invoice the value
//! question.

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{dates, Moment, MomentId, Preparation, ValueAnswer};
use kbr_core::questionnaires::moments::{prepare_draft_of, PrepareDraft, INTENTION_MAX};
use leptos::prelude::*;

use super::fields::MomentFields;
use crate::components::errors::ErrorList;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The "prepare" form: a new planned moment, or the preparation of a
/// planned one (for instance one taken over from the calendar).
#[component]
pub fn PrepareForm(
    /// Set to false when the form closes.
    open: RwSignal<bool>,
    /// The planned moment to prepare further; `None` for a new one.
    #[prop(optional)]
    existing: Option<Moment>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let start = existing
        .as_ref()
        .map(prepare_draft_of)
        .unwrap_or(PrepareDraft {
            date: Some(store.today()),
            ..PrepareDraft::default()
        });
    let date = RwSignal::new(start.date.map(|d| d.to_string()).unwrap_or_default());
    let kind = RwSignal::new(start.kind);
    let description = RwSignal::new(start.description.clone());
    let texts = [start.expectation, start.treatment, start.extra].map(RwSignal::new);
    let errors = RwSignal::new(Vec::<String>::new());
    let client = StoredValue::new(ctx.id.clone());
    let editing = existing.as_ref().map(|m| m.id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [expectation, treatment, extra] = texts.map(|t| t.get_untracked());
        let draft = PrepareDraft {
            date: dates::parse_input(&date.get_untracked()),
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            expectation,
            treatment,
            extra,
            source: None,
        };
        let cmd = match editing {
            Some(id) => Command::EditPrepared { id, draft },
            None => Command::PrepareMoment {
                id: MomentId(store.new_id()),
                draft,
            },
        };
        match store.act(
            &client.get_value(),
            cmd,
            ui.t(Key::MomentPrepared).to_string(),
        ) {
            Ok(()) => open.set(false),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    let fields = [
        (Key::PrepareExpectation, "prepare-expectation"),
        (Key::PrepareTreatment, "prepare-treatment"),
        (Key::PrepareExtra, "prepare-extra"),
    ]
    .into_iter()
    .zip(texts)
    .map(|((label, testid), text)| {
        view! {
            <label class="field">
                <span>{move || ui.t(label)}</span>
                <textarea
                    rows="2"
                    maxlength=INTENTION_MAX.to_string()
                    data-testid=testid
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </label>
        }
    })
    .collect_view();
    view! {
        <form class="form" on:submit=save novalidate data-testid="prepare-form">
            <p class="muted">{ui.tr(Key::PrepareIntro)}</p>
            <MomentFields date=date kind=kind description=description />
            {fields}
            <p class="muted small">{ui.tr(Key::PrepareExtraHint)}</p>
            <ErrorList errors=errors testid="prepare-errors" />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="prepare-save">
                    {ui.tr(Key::PrepareSave)}
                </button>
                <button type="button" class="button" on:click=move |_| open.set(false)>
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </form>
    }
}

/// What was prepared, shown beside the "after" questions.
#[component]
pub fn PreparedNote(
    /// The intentions.
    prepared: Preparation,
) -> impl IntoView {
    let ui = use_ui();
    let empty = prepared.expectation.is_empty()
        && prepared.treatment.is_empty()
        && prepared.extra.is_empty();
    let rows = [
        (Key::PrepareExpectation, prepared.expectation),
        (Key::PrepareTreatment, prepared.treatment),
        (Key::PrepareExtra, prepared.extra),
    ]
    .into_iter()
    .filter(|(_, t)| !t.is_empty())
    .map(|(k, t)| {
        view! {
            <p>
                <em>{move || ui.t(k)}</em>
                <br />
                <span class="user-text">{t}</span>
            </p>
        }
    })
    .collect_view();
    view! {
        <div class="tip prepared" data-testid="prepared-note">
            <h4>{ui.tr(Key::PreparedTitle)}</h4>
            {rows}
            {empty
                .then(|| {
                    view! {
                        <p class="muted" data-testid="not-prepared">
                            {ui.tr(Key::NotPreparedYet)}
                        </p>
                    }
                })}
        </div>
    }
}

/// At an invoice: is the value for this client greater than the price?
#[component]
pub fn ValueField(
    /// The answer.
    value: RwSignal<Option<ValueAnswer>>,
    /// Makes the radio group's name unique.
    #[prop(into)]
    form: String,
) -> impl IntoView {
    let ui = use_ui();
    let name = format!("{form}-value");
    view! {
        <fieldset data-testid="value-question">
            <legend>{ui.tr(Key::ValueQuestion)}</legend>
            <div class="segmented answers choices">
                {ValueAnswer::ALL
                    .into_iter()
                    .map(|v| {
                        view! {
                            <label class="answer">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    data-testid=format!("value-{}", v.code())
                                    prop:checked=move || value.get() == Some(v)
                                    on:change=move |_| value.set(Some(v))
                                />
                                <span>{move || v.label(ui.lang.get())}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
