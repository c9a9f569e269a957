//! One section per screen: its statements with large tap targets (1–5 with
//! words at both ends, skip), a progress indicator, back and next.

use kbr_core::i18n::{tf, Key};
use kbr_core::invite::code::Kind;
use kbr_core::invite::flow::screens;
use kbr_core::model::Answers;
use kbr_core::questionnaires::engine::AnswerKind;
use leptos::prelude::*;

use super::{go_to, use_flow};
use crate::components::question::QuestionField;
use crate::state::ui::use_ui;

/// Screen `index` of `count`.
#[component]
pub fn SectionScreen(
    /// Which section screen (0-based).
    index: usize,
    /// How many there are.
    count: usize,
) -> impl IntoView {
    let ui = use_ui();
    let flow = use_flow();
    let screen = flow.invite.with_value(|i| screens(i)[index]);
    let def = flow.invite.with_value(|i| i.exercises[screen.exercise]);
    let (plain, register) = flow
        .invite
        .with_value(|i| (i.kind == Kind::Client, i.register));
    // The question fields write into one signal; it is copied into the draft.
    let answers = RwSignal::new(
        flow.draft
            .with_untracked(|d| d.answers[screen.exercise].clone()),
    );
    Effect::new(move |_| {
        let a: Answers = answers.get();
        flow.draft.update(|d| d.answers[screen.exercise] = a);
    });
    let has_scale = def
        .items_of(screen.section.id)
        .any(|i| i.kind == AnswerKind::Scale);
    let items = def
        .items_of(screen.section.id)
        .map(|item| view! { <QuestionField item=item answers=answers form=def.id register=register /> })
        .collect_view();
    let progress = move || {
        tf(
            ui.lang.get(),
            Key::StepOf,
            &[("n", &(index + 1).to_string()), ("of", &count.to_string())],
        )
    };
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go_to(flow, index + 2);
    };
    view! {
        <section class="participant-screen" data-testid="participant-section">
            <div class="progress" data-testid="progress">
                <span class="small muted">{progress}</span>
                <progress
                    max=count.to_string()
                    value=(index + 1).to_string()
                    aria-label=progress
                ></progress>
            </div>
            <p class="muted small">{move || def.title.get_in(ui.lang.get(), register)}</p>
            {if plain {
                // A client reads the plain question, not our principle's name.
                view! {
                    <h1 tabindex="-1" data-testid="section-heading">
                        {move || screen.section.description.get_in(ui.lang.get(), register)}
                    </h1>
                }
                    .into_any()
            } else {
                view! {
                    <h1 tabindex="-1" data-testid="section-heading">
                        {move || screen.section.title.get(ui.lang.get())}
                    </h1>
                    <p class="muted">
                        {move || screen.section.description.get_in(ui.lang.get(), register)}
                    </p>
                }
                    .into_any()
            }}
            <Show when=move || has_scale>
                <p class="scale-ends small">
                    <span>{ui.tr(Key::ScaleLow)}</span>
                    <span>{ui.tr(Key::ScaleHigh)}</span>
                </p>
            </Show>
            <form class="form questionnaire-form participant-form" on:submit=next novalidate>
                {items}
                <div class="step-buttons">
                    <button
                        type="button"
                        class="button big"
                        on:click=move |_| go_to(flow, index)
                        data-testid="back"
                    >
                        {ui.tr(Key::Back)}
                    </button>
                    <button type="submit" class="button primary big" data-testid="next">
                        {move || ui.t(if index + 1 == count { Key::Finish } else { Key::Next })}
                    </button>
                </div>
            </form>
        </section>
    }
}
