//! The revealed group result of one exercise: per section every
//! participant's score as a dot with the group mean and spread, the largest
//! disagreements, the statements with the lowest group score, and the
//! group's weakest principle with its tip. The quick scan shows the spread
//! of estimated saldi instead.

use kbr_core::i18n::{tf, Key};
use kbr_core::model::RoundId;
use kbr_core::questionnaires::engine::{Definition, Use};
use kbr_core::questionnaires::group::{GroupResult, SectionResult};
use leptos::prelude::*;

use super::dots::{dot_strip, share};
use super::scan_spread::ScanSpread;
use super::stats_text::{mean_text, stats_line};
use crate::components::radar::{RadarChart, Shape};
use crate::components::weakest::WeakestBox;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// The result of `def` in session `id`.
#[component]
pub fn ExerciseResult(
    /// The session.
    id: RoundId,
    /// The exercise.
    def: &'static Definition,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let result = Memo::new(move |_| workshops.with(id, |s| s.result(def)));
    let body = move || {
        let r = result.get()?;
        Some(if def.usage == Use::Scan {
            view! { <ScanSpread id=id /> }.into_any()
        } else {
            view! { <Sections def=def result=r /> }.into_any()
        })
    };
    view! {
        <section class="panel exercise-result" data-testid=format!("result-{}", def.id)>
            <h2>{move || def.title.get(ui.lang.get())}</h2>
            <p class="muted">
                {move || tf(
                    ui.lang.get(),
                    Key::GroupAnswered,
                    &[("n", &result.get().map_or(0, |r| r.participants).to_string())],
                )}
            </p>
            {body}
        </section>
    }
}

/// Sections with dots, disagreement, lowest statements and the weakest.
#[component]
fn Sections(def: &'static Definition, result: GroupResult) -> impl IntoView {
    let ui = use_ui();
    let lang = move || ui.lang.get();
    let shapes = {
        let r = result.clone();
        Signal::derive(move || {
            vec![Shape {
                label: ui.t(Key::GroupMean).to_string(),
                kind: "group",
                values: r
                    .sections
                    .iter()
                    .map(|s| s.stats.map(|st| share(st.mean, s.unit)))
                    .collect(),
            }]
        })
    };
    let rows = result
        .sections
        .iter()
        .map(|s| section_row(def, s.clone(), ui))
        .collect_view();
    let disagreement = result
        .disagreement
        .iter()
        .take(3)
        .map(|&i| {
            let s = result.sections[i].clone();
            let title = def.section(s.section).map(|x| x.title);
            view! {
                <li>
                    <strong>{move || title.map(|t| t.get(lang())).unwrap_or_default()}</strong>
                    " — "
                    {move || s.stats.map(|st| stats_line(&st, s.unit, lang())).unwrap_or_default()}
                </li>
            }
        })
        .collect_view();
    let lowest = result
        .lowest
        .iter()
        .take(3)
        .map(|&i| {
            let it = result.items[i].clone();
            view! {
                <li>
                    {move || it.item.text.get(lang())} " — "
                    <strong>
                        {move || {
                            it.stats.map(|st| mean_text(&st, it.unit, lang())).unwrap_or_default()
                        }}
                    </strong>
                </li>
            }
        })
        .collect_view();
    let weakest = result.weakest;
    let (no_disagreement, no_lowest) = (result.disagreement.is_empty(), result.lowest.is_empty());
    view! {
        <div class="result-grid">
            {(def.sections.len() >= 3)
                .then(|| view! { <RadarChart definition=def shapes=shapes /> })}
            <ul class="dot-rows" data-testid="section-rows">
                {rows}
            </ul>
        </div>
        <p class="muted small" data-testid="stats-help">
            {ui.tr(Key::GroupStatsHelp)}
        </p>
        <h3>{ui.tr(Key::GroupDisagreement)}</h3>
        {no_disagreement.then(|| view! { <p class="muted">{ui.tr(Key::GroupNoSpread)}</p> })}
        <ol class="compact" data-testid="disagreement">
            {disagreement}
        </ol>
        <h3>{ui.tr(Key::GroupLowest)}</h3>
        {no_lowest.then(|| view! { <p class="muted">{ui.tr(Key::GroupNoAnswers)}</p> })}
        <ol class="compact" data-testid="lowest">
            {lowest}
        </ol>
        <WeakestBox weakest=Signal::derive(move || weakest) />
    }
}

/// One section: its title, a strip with a dot per participant and the
/// mean, and the figures.
fn section_row(
    def: &'static Definition,
    s: SectionResult,
    ui: crate::state::ui::Ui,
) -> impl IntoView {
    let title = def.section(s.section).map(|x| x.title);
    let strip = dot_strip(&s);
    let testid = format!("section-{}", s.section);
    let line = move || {
        s.stats
            .map(|st| stats_line(&st, s.unit, ui.lang.get()))
            .unwrap_or_else(|| ui.t(Key::GroupNoAnswers).to_string())
    };
    view! {
        <li class="dot-row" data-testid=testid>
            <span class="dot-title">
                {move || title.map(|t| t.get(ui.lang.get())).unwrap_or_default()}
            </span>
            {strip}
            <span class="dot-figures small" data-testid="section-stats">
                {line}
            </span>
        </li>
    }
}
