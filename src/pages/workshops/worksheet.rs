//! A blank printable worksheet of any questionnaire, for rooms without
//! phones: the intro, what the scale means, and every statement with boxes
//! to tick. Drawn from the definition, so no screen code per exercise.

use kbr_core::i18n::Key;
use kbr_core::model::RoundId;
use kbr_core::questionnaires::definitions;
use kbr_core::questionnaires::engine::AnswerKind;
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::pages::not_found::NotFound;
use crate::state::browser;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// Links to the worksheet of each exercise of session `id`.
#[component]
pub fn WorksheetLinks(
    /// The session.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let links = move || {
        workshops
            .with(id, |s| s.definitions())
            .unwrap_or_default()
            .into_iter()
            .map(|d| {
                view! {
                    <li>
                        <a
                            href=Route::Worksheet(d.id.to_string()).to_hash()
                            data-testid=format!("worksheet-{}", d.id)
                        >
                            {move || d.title.get(ui.lang.get())}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel no-print">
            <h2>{ui.tr(Key::WorksheetTitle)}</h2>
            <p class="muted">{ui.tr(Key::WorksheetHelp)}</p>
            <ul>{links}</ul>
        </section>
    }
}

/// The worksheet of questionnaire `definition`.
#[component]
pub fn Worksheet(
    /// The questionnaire's id.
    definition: String,
) -> impl IntoView {
    let ui = use_ui();
    let Some(def) = definitions::find(&definition) else {
        return view! { <NotFound /> }.into_any();
    };
    let lang = move || ui.lang.get();
    let sections = def
        .sections
        .iter()
        .map(|section| {
            let items = def
                .items_of(section.id)
                .map(|item| {
                    let boxes = match item.kind {
                        AnswerKind::Scale => (1..=5).map(|v| view! { <span class="box">{v}</span> }).collect_view().into_any(),
                        AnswerKind::Choice(options) => options
                            .iter()
                            .map(|o| view! { <span class="box wide">{move || o.label.get(lang())}</span> })
                            .collect_view()
                            .into_any(),
                        AnswerKind::FreeText => view! { <span class="write-line"></span> }.into_any(),
                    };
                    view! {
                        <li class="sheet-item">
                            <span>{move || item.text.get(lang())}</span>
                            <span class="boxes">{boxes}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="sheet-section">
                    <h2>{move || section.title.get(lang())}</h2>
                    <ol>{items}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="worksheet" data-testid="worksheet">
            <div class="toolbar no-print">
                <a href=Route::Workshops.to_hash()>{ui.tr(Key::WorkshopsTitle)}</a>
                <button
                    type="button"
                    class="button primary"
                    on:click=|_| browser::print()
                    data-testid="print-worksheet"
                >
                    {ui.tr(Key::WorksheetPrint)}
                </button>
            </div>
            <h1>{move || def.title.get(lang())}</h1>
            <p>{move || def.intro.get(lang())}</p>
            <p class="muted">{ui.tr(Key::ScaleExplained)}</p>
            <p class="sheet-name">{ui.tr(Key::WorksheetName)}</p>
            {sections}
        </article>
    }
    .into_any()
}
