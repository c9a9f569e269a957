//! The result of one assessment against another: total, radar and table
//! per section, the weakest section with its tip (or that none stands
//! out), and the statements scored low.

use kbr_core::i18n::{format_date, tf, Key, Lang};
use kbr_core::model::ResponseId;
use kbr_core::questionnaires::engine::{attention_items, weakest, Definition, Weakest};
use leptos::prelude::*;

use super::group_figures::GroupFigures;
use super::{section_text, signed, Scored};
use crate::components::radar::{RadarChart, Shape};
use crate::components::weakest::WeakestBox;
use crate::state::ui::use_ui;

/// Result and comparison of the chosen assessments.
#[component]
pub fn ResultPanel(
    /// The questionnaire.
    def: &'static Definition,
    /// Scored assessments, newest first.
    history: Memo<Vec<Scored>>,
) -> impl IntoView {
    let ui = use_ui();
    // The two assessments compared: chosen, or the latest and the one before.
    let chosen_a = RwSignal::new(None::<ResponseId>);
    let chosen_b = RwSignal::new(None::<Option<ResponseId>>);
    let pick = move |which: Option<ResponseId>, fallback: usize| {
        // A chosen assessment that was deleted meanwhile falls back too.
        history.with(|h| {
            which
                .and_then(|id| h.iter().find(|s| s.response.id == id))
                .or_else(|| h.get(fallback))
                .cloned()
        })
    };
    let current = Memo::new(move |_| pick(chosen_a.get(), 0));
    let previous = Memo::new(move |_| match chosen_b.get() {
        Some(None) => None,
        Some(Some(id)) => pick(Some(id), usize::MAX),
        None => {
            let a = current.get()?;
            history.with(|h| {
                let i = h.iter().position(|s| s.response.id == a.response.id)?;
                h.get(i + 1).cloned()
            })
        }
    });
    let label = move |s: &Scored| format_date(s.response.date, ui.lang.get());
    let shapes = Signal::derive(move || {
        let mut v = Vec::new();
        if let Some(s) = current.get() {
            v.push(Shape::of_score(label(&s), "current", &s.score));
        }
        if let Some(s) = previous.get() {
            v.push(Shape::of_score(label(&s), "previous", &s.score));
        }
        v
    });
    view! {
        <section class="panel" data-testid="assessment-result">
            <h2>{ui.tr(Key::AssessmentResult)}</h2>
            <div class="compare-pickers">
                <label class="field inline">
                    <span>{ui.tr(Key::CompareShown)}</span>
                    <select
                        data-testid="compare-a"
                        on:change=move |ev| {
                            chosen_a.set(event_target_value(&ev).parse().ok().map(ResponseId))
                        }
                    >
                        {move || options(
                            &history.get(),
                            current.get().map(|s| s.response.id),
                            ui.lang.get(),
                        )}
                    </select>
                </label>
                <label class="field inline">
                    <span>{ui.tr(Key::CompareWith)}</span>
                    <select
                        data-testid="compare-b"
                        on:change=move |ev| {
                            chosen_b.set(Some(event_target_value(&ev).parse().ok().map(ResponseId)))
                        }
                    >
                        <option value="" selected=move || previous.get().is_none()>
                            {ui.tr(Key::CompareNothing)}
                        </option>
                        {move || options(
                            &history.get(),
                            previous.get().map(|s| s.response.id),
                            ui.lang.get(),
                        )}
                    </select>
                </label>
            </div>
            <p class="big-total" data-testid="assessment-total">
                {move || {
                    let lang = ui.lang.get();
                    match current.get().and_then(|s| s.score.total) {
                        Some(t) => {
                            let mut text = tf(
                                lang,
                                Key::TotalOutOf100,
                                &[("total", &t.to_string())],
                            );
                            if let Some(p) = previous.get().and_then(|p| p.score.total) {
                                text.push(' ');
                                text.push_str(
                                    &tf(
                                        lang,
                                        Key::TotalDelta,
                                        &[("delta", &signed(i32::from(t) - i32::from(p)))],
                                    ),
                                );
                            }
                            text
                        }
                        None => ui.t(Key::AllSkipped).to_string(),
                    }
                }}
            </p>
            {move || {
                current
                    .get()
                    .and_then(|s| s.response.group)
                    .filter(|g| !g.sections.is_empty())
                    .map(|group| view! { <GroupFigures def=def group=group /> })
            }}
            <div class="result-grid">
                {(def.sections.len() >= 3)
                    .then(|| {
                        view! { <RadarChart definition=def shapes=shapes /> }
                    })} <SectionTable def=def current=current previous=previous />
            </div>
            <Show when=move || current.with(Option::is_some)>
                <WeakestBox weakest=Signal::derive(move || {
                    current
                        .with(|c| c.as_ref().map(|s| weakest(def, &s.score)))
                        .unwrap_or(Weakest::NotEnough)
                }) />
            </Show>
            <Attention def=def current=current />
        </section>
    }
}

/// One `<option>` per assessment (date and total), `selected` chosen.
fn options(history: &[Scored], selected: Option<ResponseId>, lang: Lang) -> impl IntoView {
    history
        .iter()
        .map(|s| {
            let date = format_date(s.response.date, lang);
            let mut text = match s.score.total {
                Some(t) => format!("{date} · {t}/100"),
                None => format!("{date} · —"),
            };
            if let Some(g) = &s.response.group {
                text.push_str(" · ");
                text.push_str(&tf(
                    lang,
                    Key::GroupResultBadge,
                    &[("title", &g.title), ("n", &g.participants.to_string())],
                ));
            }
            view! {
                <option value=s.response.id.0 selected=selected == Some(s.response.id)>
                    {text}
                </option>
            }
        })
        .collect_view()
}

/// Per section: the shown assessment, the compared one, the difference.
#[component]
fn SectionTable(
    def: &'static Definition,
    current: Memo<Option<Scored>>,
    previous: Memo<Option<Scored>>,
) -> impl IntoView {
    let ui = use_ui();
    let label = move |s: Option<Scored>| s.map(|s| format_date(s.response.date, ui.lang.get()));
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=ui.tr(Key::AssessmentResult)>
            <table class="score-table stack" data-testid="section-scores">
                <caption class="visually-hidden">{ui.tr(Key::AssessmentResult)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ui.tr(Key::SectionColumn)}</th>
                        <th scope="col" class="num">
                            {move || label(current.get())}
                        </th>
                        <th scope="col" class="num">
                            {move || label(previous.get())}
                        </th>
                        <th scope="col" class="num">
                            {ui.tr(Key::Difference)}
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {def
                        .sections
                        .iter()
                        .map(|section| {
                            let a = move || {
                                current.get().and_then(|s| s.score.section(section.id).cloned())
                            };
                            let b = move || {
                                previous.get().and_then(|s| s.score.section(section.id).cloned())
                            };
                            view! {
                                <tr data-testid=format!("section-{}", section.id)>
                                    <th scope="row">{move || section.title.get(ui.lang.get())}</th>
                                    <td class="num" data-label=move || label(current.get())>
                                        {move || section_text(a().as_ref(), ui.lang.get())}
                                    </td>
                                    <td class="num" data-label=move || label(previous.get())>
                                        {move || section_text(b().as_ref(), ui.lang.get())}
                                    </td>
                                    <td class="num" data-label=ui.tr(Key::Difference)>
                                        {move || match (
                                            a().and_then(|x| x.percent),
                                            b().and_then(|x| x.percent),
                                        ) {
                                            (Some(x), Some(y)) => signed(i32::from(x) - i32::from(y)),
                                            _ => "—".to_string(),
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="muted small" data-testid="difference-help">
            {ui.tr(Key::DifferenceHelp)}
        </p>
    }
}

/// The statements answered in the lower half: talk about these first.
#[component]
fn Attention(def: &'static Definition, current: Memo<Option<Scored>>) -> impl IntoView {
    let ui = use_ui();
    move || {
        current.get().and_then(|s| {
            let items = attention_items(def, &s.response.answers);
            let single = (def.sections.len() == 1).then(|| def.sections[0]);
            (!items.is_empty()).then(|| {
                view! {
                    <div class="attention" data-testid="attention">
                        <h3>{ui.tr(Key::AttentionTitle)}</h3>
                        <ul>
                            {items
                                .into_iter()
                                .map(|i| view! { <li>{move || i.text.get(ui.lang.get())}</li> })
                                .collect_view()}
                        </ul>
                        {single
                            .map(|section| {
                                view! {
                                    <p>
                                        <strong>{ui.tr(Key::Tip)}": "</strong>
                                        {move || section.tip.get(ui.lang.get())}
                                    </p>
                                }
                            })}
                    </div>
                }
            })
        })
    }
}
