//! One projector slide: an exercise's overview (group total, every
//! principle with a dot per participant, the mean and the spread, most
//! disagreement first) or one principle large with its statements.

use kbr_core::i18n::{tf, Key, Lang};
use kbr_core::invite::projector::{discussion_order, Slide};
use kbr_core::model::{Figure, RoundId};
use kbr_core::questionnaires::engine::Definition;
use kbr_core::questionnaires::group::{GroupResult, SectionResult, Unit};
use leptos::prelude::*;

use super::dots::dot_strip;
use super::stats_text::{mean_text, stats_line};
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// The slide `slide` of session `id`.
#[component]
pub fn SlideView(
    /// The session.
    id: RoundId,
    /// Which slide.
    slide: Slide,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let def = match slide {
        Slide::Overview { definition } | Slide::Section { definition, .. } => definition,
    };
    let Some(result) = workshops.with(id, |s| s.result(def)) else {
        return ().into_any();
    };
    match slide {
        Slide::Overview { .. } => {
            let rows = discussion_order(&result)
                .into_iter()
                .map(|i| row(def, result.sections[i].clone()))
                .collect_view();
            let total = move || total_text(&result, ui.lang.get());
            view! {
                <div class="projector-slide" data-testid="projector-overview">
                    <h2>{move || def.title.get(ui.lang.get())}</h2>
                    <p class="projector-total" data-testid="projector-total">
                        {total}
                    </p>
                    <p class="projector-note">{ui.tr(Key::ProjectorOrder)}</p>
                    <ul class="projector-rows">{rows}</ul>
                </div>
            }
            .into_any()
        }
        Slide::Section { index, .. } => {
            let s = result.sections[index].clone();
            let section = def.sections.iter().find(|x| x.id == s.section);
            let statements = result
                .items
                .iter()
                .filter(|it| it.item.section == s.section)
                .map(|it| {
                    let it = it.clone();
                    view! {
                        <li>
                            <span>{move || it.item.text.get(ui.lang.get())}</span>
                            <strong>
                                {move || {
                                    it.stats
                                        .map(|st| mean_text(&st, it.unit, ui.lang.get()))
                                        .unwrap_or_else(|| "—".into())
                                }}
                            </strong>
                        </li>
                    }
                })
                .collect_view();
            let mean = s.stats.map(|st| (st, s.unit));
            let strip = dot_strip(&s);
            view! {
                <div class="projector-slide" data-testid="projector-section">
                    <h2>
                        {move || section.map(|x| x.title.get(ui.lang.get())).unwrap_or_default()}
                    </h2>
                    <p class="projector-total">
                        {move || {
                            mean.map(|(st, u)| of_unit(&st, u, ui.lang.get())).unwrap_or_default()
                        }}
                    </p>
                    <div class="projector-strip">{strip}</div>
                    <p data-testid="projector-stats">
                        {move || {
                            mean.map(|(st, u)| stats_line(&st, u, ui.lang.get()))
                                .unwrap_or_default()
                        }}
                    </p>
                    <ul class="projector-statements">{statements}</ul>
                </div>
            }
            .into_any()
        }
    }
}

/// One principle on the overview: name, dots, mean and spread.
fn row(def: &'static Definition, s: SectionResult) -> impl IntoView {
    let ui = use_ui();
    let title = def.section(s.section).map(|x| x.title);
    let strip = dot_strip(&s);
    let testid = format!("projector-row-{}", s.section);
    let figures = move || {
        let lang = ui.lang.get();
        s.stats
            .map(|st| {
                let spread = match st.sd {
                    Some(_) => tf(
                        lang,
                        Key::ProjectorSpread,
                        &[("sd", &sd_text(&st, s.unit, lang))],
                    ),
                    None => ui.t(Key::ProjectorOne).to_string(),
                };
                format!("{} · {spread}", of_unit(&st, s.unit, lang))
            })
            .unwrap_or_default()
    };
    view! {
        <li class="projector-row" data-testid=testid>
            <span class="projector-name">
                {move || title.map(|t| t.get(ui.lang.get())).unwrap_or_default()}
            </span>
            {strip}
            <span class="projector-figures">{figures}</span>
        </li>
    }
}

/// A mean with its scale: "3,4 / 5" or "62%".
fn of_unit(st: &kbr_core::questionnaires::group::Stats, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Scale => format!("{} / 5", mean_text(st, unit, lang)),
        Unit::Percent => mean_text(st, unit, lang),
    }
}

/// The spread as the projector shows it, as the client page does.
fn sd_text(st: &kbr_core::questionnaires::group::Stats, unit: Unit, lang: Lang) -> String {
    Figure::of(st, unit)
        .spread_text(unit, lang)
        .unwrap_or_else(|| "–".into())
}

/// "Groepstotaal 62 van 100 · 12 deelnemers" (the mean of their totals).
fn total_text(result: &GroupResult, lang: Lang) -> String {
    let n = result.participants.to_string();
    match result.totals {
        Some(t) => tf(
            lang,
            Key::ProjectorTotal,
            &[
                (
                    "total",
                    &Figure::of(&t, Unit::Percent).percent().to_string(),
                ),
                ("n", &n),
            ],
        ),
        None => tf(lang, Key::ProjectorNoTotal, &[("n", &n)]),
    }
}
