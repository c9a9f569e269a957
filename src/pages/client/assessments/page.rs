//! One questionnaire of the page's client: fill in, result, history.

use kbr_core::i18n::Key;
use kbr_core::questionnaires::definitions;
use kbr_core::questionnaires::engine::{score_of, Use};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use super::form::AssessmentForm;
use super::history::AssessmentHistory;
use super::result::ResultPanel;
use super::scan::ScanResult;
use super::Scored;
use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// The page of questionnaire `definition`.
#[component]
pub fn AssessmentPage(
    /// The questionnaire's id from the URL.
    definition: String,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let back = Route::Client {
        id: ctx.id.clone(),
        tab: ClientTab::Assessments,
    }
    .to_hash();
    let Some(def) = definitions::find(&definition).filter(|d| d.usage.is_dated()) else {
        return view! {
            <section class="panel" data-testid="unknown-questionnaire">
                <p>{ui.tr(Key::UnknownQuestionnaire)}</p>
                <a href=back>{ui.tr(Key::BackToAssessments)}</a>
            </section>
        }
        .into_any();
    };
    let account = ctx.account;
    // Newest first: the screen leads with the latest assessment.
    let history = Memo::new(move |_| {
        account.with(|a| {
            a.assessments_of(def.id)
                .into_iter()
                .rev()
                .map(|r| Scored {
                    score: score_of(def, r),
                    response: r.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let filling = RwSignal::new(false);
    view! {
        <section class="panel" data-testid="assessment">
            <p class="crumbs">
                <a href=back>{ui.tr(Key::BackToAssessments)}</a>
            </p>
            <h2>{move || def.title.get(ui.lang.get())}</h2>
            <p>{move || def.intro.get(ui.lang.get())}</p>
            <Show when=move || !filling.get()>
                <button
                    type="button"
                    class="button primary"
                    data-testid="assessment-new"
                    on:click=move |_| filling.set(true)
                >
                    {ui.tr(Key::AssessmentNew)}
                </button>
            </Show>
            <Show when=move || filling.get()>
                <AssessmentForm def=def filling=filling />
            </Show>
        </section>
        <Show
            when=move || !history.with(Vec::is_empty)
            fallback=move || {
                view! {
                    <p class="panel muted" data-testid="assessment-empty">
                        {ui.tr(Key::AssessmentNone)}
                    </p>
                }
            }
        >
            {if def.usage == Use::Scan {
                view! { <ScanResult history=history /> }.into_any()
            } else {
                view! { <ResultPanel def=def history=history /> }.into_any()
            }}
            <AssessmentHistory def=def history=history />
        </Show>
    }
    .into_any()
}
