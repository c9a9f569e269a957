//! A radar chart of a questionnaire drawn as SVG: one axis per section,
//! rings at every quarter, and one polygon per shape (an assessment and the
//! one it is compared with, our view and the client's, a group's mean). The
//! figures are also in a table next to it, so the chart carries no
//! information of its own.

use kbr_core::i18n::{tf, Key, Lang};
use kbr_core::questionnaires::engine::{Definition, Score};
use leptos::prelude::*;

use crate::state::ui::use_ui;

const SIZE: f64 = 520.0;
const CENTER_X: f64 = SIZE / 2.0;
const CENTER_Y: f64 = 170.0;
const RADIUS: f64 = 115.0;

/// One polygon: its legend label, its style (`current`, `previous`,
/// `client`, `group`: also its test id `radar-<kind>`) and a value 0–100
/// per section, in definition order (`None`: not answered).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Legend text (a date, "wij", "klant").
    pub label: String,
    /// Style and test id.
    pub kind: &'static str,
    /// Per section, 0–100.
    pub values: Vec<Option<f64>>,
}

impl Shape {
    /// The shape of one scored answer set.
    pub fn of_score(label: String, kind: &'static str, score: &Score) -> Shape {
        Shape {
            label,
            kind,
            values: score
                .sections
                .iter()
                .map(|s| s.percent.map(f64::from))
                .collect(),
        }
    }
}

/// Where the point for `percent` on axis `i` of `n` lies.
fn point(i: usize, n: usize, percent: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64;
    let r = RADIUS * percent / 100.0;
    (CENTER_X + r * angle.cos(), CENTER_Y + r * angle.sin())
}

fn polygon(values: &[Option<f64>]) -> String {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = point(i, n, v.unwrap_or(0.0));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a screen reader hears: the title, then every shape's values.
fn description(definition: &Definition, shapes: &[Shape], lang: Lang) -> String {
    let mut text = tf(
        lang,
        Key::RadarTitle,
        &[("title", definition.title.get(lang))],
    );
    for shape in shapes {
        let values = definition
            .sections
            .iter()
            .zip(&shape.values)
            .map(|(s, v)| {
                let v = v.map_or("—".to_string(), |p| format!("{p:.0}"));
                format!("{} {v}", s.title.get(lang))
            })
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&format!(". {}: {values}", shape.label));
    }
    text
}

/// The radar of `shapes` over the sections of `definition` (three or
/// more sections).
#[component]
pub fn RadarChart(
    /// The questionnaire: its sections are the axes.
    definition: &'static Definition,
    /// The polygons, drawn in order (the first on top last).
    #[prop(into)]
    shapes: Signal<Vec<Shape>>,
) -> impl IntoView {
    let ui = use_ui();
    let n = definition.sections.len();
    let rings = [25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|p| {
            let pts = polygon(&vec![Some(p); n]);
            view! { <polygon class="ring" points=pts /> }
        })
        .collect_view();
    let axes = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 100.0);
            view! { <line class="axis" x1=CENTER_X y1=CENTER_Y x2=format!("{x:.1}") y2=format!("{y:.1}") /> }
        })
        .collect_view();
    let label = move || shapes.with(|s| description(definition, s, ui.lang.get()));
    view! {
        <figure class="radar" data-testid="radar">
            <svg viewBox=format!("0 0 {SIZE} 340") role="img" aria-label=label>
                <g class="grid">{rings}{axes}</g>
                {move || {
                    shapes
                        .get()
                        .into_iter()
                        .rev()
                        .map(|s| {
                            view! {
                                <polygon
                                    class=format!("shape {}", s.kind)
                                    data-testid=format!("radar-{}", s.kind)
                                    points=polygon(&s.values)
                                />
                            }
                        })
                        .collect_view()
                }}
                <AxisLabels definition=definition />
            </svg>
            <figcaption class="legend">
                {move || {
                    shapes
                        .get()
                        .into_iter()
                        .map(|s| view! { <span class=format!("key {}", s.kind)>{s.label}</span> })
                        .collect_view()
                }}
            </figcaption>
        </figure>
    }
}

/// The section titles around the chart, long ones on two lines.
#[component]
fn AxisLabels(definition: &'static Definition) -> impl IntoView {
    let ui = use_ui();
    let n = definition.sections.len();
    move || {
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
                let title = s.title.get(lang);
                let (first, second) = match title.split_once(' ') {
                    Some((a, b)) if title.chars().count() > 14 => (a, Some(b)),
                    _ => (title, None),
                };
                let x = format!("{x:.1}");
                let lift = if second.is_some() && dy < 0.0 {
                    14.0
                } else {
                    0.0
                };
                let y0 = y + dy - lift;
                view! {
                    <text class="label" x=x.clone() y=format!("{y0:.1}") text-anchor=anchor>
                        <tspan x=x.clone()>{first}</tspan>
                        {second
                            .map(|b| {
                                view! {
                                    <tspan x=x.clone() dy="14">
                                        {b}
                                    </tspan>
                                }
                            })}
                    </text>
                }
            })
            .collect_view()
    }
}
