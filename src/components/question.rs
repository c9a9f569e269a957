//! One questionnaire item as a form control, for any definition: a 1–5 scale
//! or a choice as a radio group with "skip", or free text. The answers live
//! in one signal owned by the form.

use kbr_core::i18n::{Key, Register};
use kbr_core::model::{Answer, Answers};
use kbr_core::questionnaires::engine::{AnswerKind, Item};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Renders `item` and writes its answer into `answers`.
#[component]
pub fn QuestionField(
    /// The question or statement.
    item: &'static Item,
    /// The form's answers by item id.
    answers: RwSignal<Answers>,
    /// Makes radio group names unique when several forms are on a page.
    #[prop(into)]
    form: String,
    /// How a client is addressed (only texts written for a client differ;
    /// the default reads every text as written).
    #[prop(optional)]
    register: Register,
) -> impl IntoView {
    let ui = use_ui();
    let id = item.id;
    let name = format!("{form}-{id}");
    let label_id = format!("{form}-{id}-label");
    let current = move || answers.with(|a| a.get(id).cloned());
    let set = move |answer: Answer| {
        answers.update(|a| {
            a.insert(id.to_string(), answer);
        })
    };
    match item.kind {
        AnswerKind::FreeText => view! {
            <label class="field question">
                <span>{move || item.text.get_in(ui.lang.get(), register)}</span>
                <textarea
                    rows="2"
                    maxlength="2000"
                    data-testid=format!("q-{id}")
                    prop:value=move || match current() {
                        Some(Answer::Text(t)) => t,
                        _ => String::new(),
                    }
                    on:input=move |ev| set(Answer::Text(event_target_value(&ev)))
                ></textarea>
            </label>
        }
        .into_any(),
        kind => {
            // (value, visible label, answer) per radio; skip is always last.
            let options = move || -> Vec<(String, String, Answer)> {
                let lang = ui.lang.get();
                let mut list: Vec<(String, String, Answer)> = match kind {
                    AnswerKind::Choice(options) => options
                        .iter()
                        .map(|c| {
                            (
                                c.id.to_string(),
                                c.label.get_in(lang, register).to_string(),
                                Answer::Choice(c.id.to_string()),
                            )
                        })
                        .collect(),
                    _ => (1u8..=5)
                        .map(|v| (v.to_string(), v.to_string(), Answer::Scale(v)))
                        .collect(),
                };
                list.push((
                    "skip".into(),
                    Key::Skip.text(lang).to_string(),
                    Answer::Skip,
                ));
                list
            };
            let choice = matches!(kind, AnswerKind::Choice(_));
            view! {
                <div
                    class="field question"
                    role="radiogroup"
                    aria-labelledby=label_id.clone()
                    data-testid=format!("q-{id}")
                >
                    <span id=label_id
                        .clone()>{move || item.text.get_in(ui.lang.get(), register)}</span>
                    <div class="segmented answers" class:choices=choice>
                        {move || {
                            options()
                                .into_iter()
                                .map(|(value, label, answer)| {
                                    let checked_answer = answer.clone();
                                    view! {
                                        <label class="answer" class:skip=value == "skip">
                                            <input
                                                type="radio"
                                                name=name.clone()
                                                value=value.clone()
                                                data-testid=format!("q-{id}-{value}")
                                                prop:checked=move || {
                                                    current().as_ref() == Some(&checked_answer)
                                                }
                                                on:change=move |_| set(answer.clone())
                                            />
                                            <span>{label}</span>
                                        </label>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
