//! A radar chart of a self-assessment drawn as SVG: one axis per section,
//! rings at every quarter, and up to two polygons (the chosen assessment
//! and the one it is compared with). The figures are also in the table next
//! to it, so the chart carries no information of its own.

use kbr_core::i18n::{tf, Key};
use kbr_core::questionnaires::engine::{Definition, Score};
use leptos::prelude::*;

use crate::state::use_ui;

const SIZE: f64 = 520.0;
const CENTER_X: f64 = SIZE / 2.0;
const CENTER_Y: f64 = 170.0;
const RADIUS: f64 = 115.0;

/// Where the point for `percent` on axis `i` of `n` lies.
fn point(i: usize, n: usize, percent: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
    let r = RADIUS * percent / 100.0;
    (CENTER_X + r * angle.cos(), CENTER_Y + r * angle.sin())
}

fn polygon(score: &Score) -> String {
    let n = score.sections.len();
    score
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (x, y) = point(i, n, f64::from(s.percent.unwrap_or(0)));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The radar of `current` against `previous` for `definition` (three or
/// more sections).
#[component]
pub fn RadarChart(
    /// The questionnaire: its sections are the axes.
    definition: &'static Definition,
    /// The assessment shown in full colour, with its date label.
    #[prop(into)]
    current: Signal<Option<(String, Score)>>,
    /// The assessment it is compared with, drawn dashed.
    #[prop(into)]
    previous: Signal<Option<(String, Score)>>,
) -> impl IntoView {
    let ui = use_ui();
    let n = definition.sections.len();
    let rings = [25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|p| {
            let pts = (0..n)
                .map(|i| {
                    let (x, y) = point(i, n, p);
                    format!("{x:.1},{y:.1}")
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon class="ring" points=pts /> }
        })
        .collect_view();
    let axes = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 100.0);
            view! { <line class="axis" x1=CENTER_X y1=CENTER_Y x2=format!("{x:.1}") y2=format!("{y:.1}") /> }
        })
        .collect_view();
    let labels = move || {
        let lang = ui.lang.get();
        definition
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (x, y) = point(i, n, 118.0);
                let anchor = if (x - CENTER_X).abs() < 1.0 {
                    "middle"
                } else if x > CENTER_X {
                    "start"
                } else {
                    "end"
                };
                let dy = if y < CENTER_Y - RADIUS * 0.9 {
                    -4.0
                } else if y > CENTER_Y + RADIUS * 0.9 {
                    12.0
                } else {
                    4.0
                };
                // Long titles go on two lines so they fit beside the chart.
                let title = s.title.get(lang);
                let (first, second) = match title.split_once(' ') {
                    Some((a, b)) if title.chars().count() > 14 => (a, Some(b)),
                    _ => (title, None),
                };
                let x = format!("{x:.1}");
                let y0 = y + dy
                    - if second.is_some() && dy < 0.0 {
                        14.0
                    } else {
                        0.0
                    };
                view! {
                    <text class="label" x=x.clone() y=format!("{y0:.1}") text-anchor=anchor>
                        <tspan x=x.clone()>{first}</tspan>
                        {second.map(|b| view! { <tspan x=x.clone() dy="14">{b}</tspan> })}
                    </text>
                }
            })
            .collect_view()
    };
    let description = move || {
        let lang = ui.lang.get();
        let part = |s: &Option<(String, Score)>| {
            s.as_ref().map(|(date, score)| {
                let sections = score
                    .sections
                    .iter()
                    .filter_map(|x| {
                        let title = definition.section(x.section)?.title.get(lang);
                        Some(format!(
                            "{title} {}",
                            x.percent.map_or("—".to_string(), |p| p.to_string())
                        ))
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{date}: {sections}")
            })
        };
        let mut text = tf(
            lang,
            Key::RadarTitle,
            &[("title", definition.title.get(lang))],
        );
        for p in [part(&current.get()), part(&previous.get())]
            .into_iter()
            .flatten()
        {
            text.push_str(". ");
            text.push_str(&p);
        }
        text
    };
    view! {
        <figure class="radar" data-testid="radar">
            <svg viewBox=format!("0 0 {SIZE} 340") role="img" aria-label=description>
                <g class="grid">{rings}{axes}</g>
                {move || previous.get().map(|(_, s)| view! { <polygon class="shape previous" data-testid="radar-previous" points=polygon(&s) /> })}
                {move || current.get().map(|(_, s)| view! { <polygon class="shape current" data-testid="radar-current" points=polygon(&s) /> })}
                {labels}
            </svg>
            <figcaption class="legend">
                {move || current.get().map(|(date, _)| view! { <span class="key current">{date}</span> })}
                {move || previous.get().map(|(date, _)| view! { <span class="key previous">{date}</span> })}
            </figcaption>
        </figure>
    }
}
