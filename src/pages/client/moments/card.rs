//! One interaction moment: its answers, and its action.

use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::Moment;
use kbr_core::questionnaires::definitions::interaction;
use kbr_core::questionnaires::engine::text_answer;
use leptos::prelude::*;

use super::action::ActionBox;
use super::form::MomentForm;
use super::prepare::{PrepareForm, PreparedNote};
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// A moment in the list, editable in place.
#[component]
pub fn MomentCard(
    /// The moment.
    moment: Moment,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let mid = moment.id;
    let (date, kind) = (moment.date, moment.kind);
    let (outcome, treatment) = (moment.outcome(), moment.treatment());
    let extra = text_answer(&moment.answers, interaction::EXTRA).to_string();
    let named = move |key: Key| {
        move || {
            tf(
                ui.lang.get(),
                key,
                &[("date", &format_date(date, ui.lang.get()))],
            )
        }
    };
    let id = ctx.id.clone();
    let delete = move |_| {
        let done = ui.t(Key::MomentDeleted).to_string();
        store.act_or_say(
            &id,
            Command::RemoveMoment { id: mid },
            done,
            ui.lang.get_untracked(),
        );
    };
    let editing = RwSignal::new(false);
    let after = RwSignal::new(false);
    let planned = moment.planned;
    let edit_form = {
        let m = moment.clone();
        move || view! { <MomentForm logging=editing existing=m.clone() /> }
    };
    let after_form = {
        let m = moment.clone();
        move || view! { <MomentForm logging=after existing=m.clone() after=true /> }
    };
    let preparing = RwSignal::new(false);
    let prepare_form = {
        let m = moment.clone();
        move || view! { <PrepareForm open=preparing existing=m.clone() /> }
    };
    let prepared = moment.prepared.clone();
    let has_extra = !extra.is_empty();
    view! {
        <li class="moment" class:planned=planned data-testid="moment">
            <Show when=move || editing.get()>{edit_form.clone()}</Show>
            <Show when=move || after.get()>{after_form.clone()}</Show>
            <Show when=move || preparing.get()>{prepare_form.clone()}</Show>
            <div prop:hidden=move || editing.get() || after.get() || preparing.get()>
                <div class="moment-head">
                    <p>
                        <strong>{move || format_date(date, ui.lang.get())}</strong>
                        " · "
                        {move || kind.label(ui.lang.get())}
                        " · "
                        <span class="user-text" data-testid="moment-description-text">
                            {moment.description.clone()}
                        </span>
                    </p>
                    <div class="actions">
                        {planned
                            .then(|| {
                                view! {
                                    <span class="badge start" data-testid="moment-planned">
                                        {ui.tr(Key::MomentPlannedBadge)}
                                    </span>
                                    <button
                                        type="button"
                                        class="button small"
                                        data-testid="moment-prepare"
                                        aria-label=named(Key::PrepareEditMoment)
                                        on:click=move |_| preparing.set(true)
                                    >
                                        {ui.tr(Key::PrepareEdit)}
                                    </button>
                                    <button
                                        type="button"
                                        class="button small primary"
                                        data-testid="moment-after"
                                        on:click=move |_| after.set(true)
                                    >
                                        {ui.tr(Key::MomentAfter)}
                                    </button>
                                }
                            })}
                        <button
                            type="button"
                            class="button small"
                            data-testid="edit-moment"
                            aria-label=named(Key::EditMoment)
                            on:click=move |_| editing.set(true)
                        >
                            {ui.tr(Key::Edit)}
                        </button>
                        <button
                            type="button"
                            class="button small danger"
                            data-testid="delete-moment"
                            aria-label=named(Key::DeleteMoment)
                            on:click=delete
                        >
                            {ui.tr(Key::Delete)}
                        </button>
                    </div>
                </div>
                <p class="moment-answers">
                    {outcome
                        .map(|o| {
                            view! {
                                <span
                                    class=format!("badge outcome {}", o.code())
                                    data-testid="moment-outcome"
                                >
                                    {move || o.label(ui.lang.get())}
                                </span>
                            }
                        })}
                    {treatment
                        .map(|t| {
                            view! {
                                <span class="badge grey" data-testid="moment-treatment">
                                    {move || tf(
                                        ui.lang.get(),
                                        Key::TreatmentScore,
                                        &[("score", &t.to_string())],
                                    )}
                                </span>
                            }
                        })}
                </p>
                <MomentTexts moment=moment.clone() />
                {prepared.map(|p| view! { <PreparedNote prepared=p /> })}
                <ActionBox moment=moment.clone() has_extra=has_extra />
            </div>
        </li>
    }
}

/// The "why" of questions 1 and 2 and the little extra, as written.
#[component]
fn MomentTexts(
    /// The moment.
    moment: Moment,
) -> impl IntoView {
    let ui = use_ui();
    let why = text_answer(&moment.answers, interaction::OUTCOME_WHY).to_string();
    let treatment_why = text_answer(&moment.answers, interaction::TREATMENT_WHY).to_string();
    let extra = text_answer(&moment.answers, interaction::EXTRA).to_string();
    let has_extra = !extra.is_empty();
    view! {
        {(!why.is_empty())
            .then(|| {
                view! {
                    <p class="user-text">
                        <em>{ui.tr(Key::Why)}": "</em>
                        {why.clone()}
                    </p>
                }
            })}
        {(!treatment_why.is_empty())
            .then(|| {
                view! {
                    <p class="user-text">
                        <em>{ui.tr(Key::FieldNote)}": "</em>
                        {treatment_why.clone()}
                    </p>
                }
            })}
        {has_extra
            .then(|| {
                view! {
                    <p class="user-text" data-testid="moment-extra">
                        <em>{ui.tr(Key::Extra)}": "</em>
                        {extra.clone()}
                    </p>
                }
            })}
    }
}
