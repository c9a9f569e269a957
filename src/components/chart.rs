//! The running-balance chart, drawn as SVG by the app: the corridor bands
//! (red, healthy, surplus) behind both parties' lines, with a title per
//! point and a table for screen readers.

use kbr_core::account::ledger::PeriodPoint;
use kbr_core::axis::{label_step, nice_ticks};
use kbr_core::i18n::{format_points_lang, tf, Key};
use kbr_core::model::{Party, Points, Thresholds};
use leptos::prelude::*;

use crate::components::status::saldo_text;
use crate::state::browser;
use crate::state::ui::use_ui;

/// The drawing's width on a laptop and on a phone: the SVG scales to its
/// box, so a phone gets a narrower drawing and its 12 px text stays about
/// 12 px on screen instead of shrinking to half.
const W_WIDE: f64 = 640.0;
const W_NARROW: f64 = 320.0;
const H: f64 = 240.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;
/// At most this many values on the vertical axis.
const Y_TICKS: usize = 6;

/// The points with the vertical range they need.
#[derive(Clone, PartialEq)]
struct Geometry {
    points: Vec<PeriodPoint>,
    thresholds: Thresholds,
    /// Round values on the vertical axis; the first and last are its ends.
    ticks: Vec<Points>,
    /// The drawing's width.
    w: f64,
}

impl Geometry {
    fn new(points: Vec<PeriodPoint>, t: Thresholds, w: f64) -> Geometry {
        let values = points.iter().flat_map(|p| [p.supplier, p.client]);
        let lo = values.clone().min().unwrap_or(0).min(-t.credit).min(0);
        let hi = values.max().unwrap_or(0).max(t.surplus_limit);
        Geometry {
            points,
            thresholds: t,
            ticks: nice_ticks(lo, hi, Y_TICKS),
            w,
        }
    }

    fn lo(&self) -> Points {
        self.ticks.first().copied().unwrap_or(0)
    }

    fn hi(&self) -> Points {
        self.ticks.last().copied().unwrap_or(1)
    }

    fn y(&self, v: Points) -> f64 {
        TOP + (self.hi() - v) as f64 / (self.hi() - self.lo()).max(1) as f64 * (H - TOP - BOTTOM)
    }

    fn x(&self, i: usize) -> f64 {
        let n = self.points.len();
        if n <= 1 {
            LEFT + (self.w - LEFT - RIGHT) / 2.0
        } else {
            LEFT + i as f64 / (n - 1) as f64 * (self.w - LEFT - RIGHT)
        }
    }

    fn line(&self, party: Party) -> String {
        self.points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", self.x(i), self.y(p.of(party))))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The running-balance chart of one client.
#[component]
pub fn BalanceChart(
    /// Period-end saldi, oldest first.
    #[prop(into)]
    points: Signal<Vec<PeriodPoint>>,
    /// The client's corridor.
    #[prop(into)]
    thresholds: Signal<Thresholds>,
) -> impl IntoView {
    let ui = use_ui();
    let w = if browser::is_narrow() {
        W_NARROW
    } else {
        W_WIDE
    };
    let geometry = Memo::new(move |_| Geometry::new(points.get(), thresholds.get(), w));
    let summary = move || {
        let lang = ui.lang.get();
        geometry.with(|g| match g.points.last() {
            Some(last) => tf(
                lang,
                Key::ChartSummary,
                &[
                    ("n", &g.points.len().to_string()),
                    ("us", &saldo_text(last.supplier, lang)),
                    ("them", &saldo_text(last.client, lang)),
                ],
            ),
            None => ui.t(Key::ChartEmpty).to_string(),
        })
    };
    view! {
        <figure class="chart" data-testid="balance-chart">
            <svg
                viewBox=format!("0 0 {w} {H}")
                role="img"
                aria-label=summary
                preserveAspectRatio="xMidYMid meet"
            >
                <Bands geometry=geometry />
                <polyline
                    class="line client"
                    points=move || geometry.with(|g| g.line(Party::Client))
                />
                <polyline
                    class="line supplier"
                    points=move || geometry.with(|g| g.line(Party::Supplier))
                />
                <Dots geometry=geometry />
            </svg>
            <figcaption class="legend">
                <span class="key supplier">{ui.tr(Key::PartySupplier)}</span>
                <span class="key client">{ui.tr(Key::PartyClient)}</span>
                <span class="key band-red">{ui.tr(Key::BandRed)}</span>
                <span class="key band-healthy">{ui.tr(Key::BandHealthy)}</span>
                <span class="key band-surplus">{ui.tr(Key::BandSurplus)}</span>
            </figcaption>
            <ChartTable points=points />
        </figure>
    }
}

/// The corridor bands, the zero line and the axis labels.
#[component]
fn Bands(geometry: Memo<Geometry>) -> impl IntoView {
    let ui = use_ui();
    move || {
        let g = geometry.get();
        let lang = ui.lang.get();
        let (y0, ylim, w) = (g.y(0), g.y(g.thresholds.surplus_limit), g.w);
        let n = g.points.len();
        // As many period labels as fit side by side, the last always.
        let widest = g
            .points
            .iter()
            .map(|p| p.period.label(lang).chars().count())
            .max()
            .unwrap_or(0);
        let step = label_step(n, widest as f64 * LABEL_CHAR + LABEL_GAP, w - LEFT - RIGHT);
        let ticks = g
            .points
            .iter()
            .enumerate()
            .filter(|(i, _)| (i % step == 0 && n - 1 - i >= step) || *i + 1 == n)
            .map(|(i, p)| {
                // The outermost labels hang inward, so none is cut off.
                let anchor = match (n > 1, i) {
                    (true, 0) => "start",
                    (true, i) if i + 1 == n => "end",
                    _ => "middle",
                };
                view! {
                    <text class="tick x" x=g.x(i) y=H - 8.0 text-anchor=anchor>
                        {p.period.label(lang)}
                    </text>
                }
            })
            .collect_view();
        // Round values, written as every figure in the app is (a real
        // minus sign); the surplus limit is named only where no value is.
        let values = g
            .ticks
            .iter()
            .map(|&v| {
                view! {
                    <line class="grid" x1=LEFT x2=w - RIGHT y1=g.y(v) y2=g.y(v) />
                    <text class="tick y" x=LEFT - 4.0 y=g.y(v) + 4.0 text-anchor="end">
                        {format_points_lang(v, false, lang)}
                    </text>
                }
            })
            .collect_view();
        let limit_free = g.ticks.iter().all(|&v| (g.y(v) - ylim).abs() >= 12.0);
        view! {
            <rect
                class="band surplus"
                x=LEFT
                y=TOP
                width=w - LEFT - RIGHT
                height=(ylim - TOP).max(0.0)
            />
            <rect
                class="band healthy"
                x=LEFT
                y=ylim
                width=w - LEFT - RIGHT
                height=(y0 - ylim).max(0.0)
            />
            <rect
                class="band red"
                x=LEFT
                y=y0
                width=w - LEFT - RIGHT
                height=(H - BOTTOM - y0).max(0.0)
            />
            {values}
            <line class="axis zero" x1=LEFT x2=w - RIGHT y1=y0 y2=y0 />
            {limit_free
                .then(|| {
                    view! {
                        <text class="tick y" x=LEFT - 4.0 y=ylim + 4.0 text-anchor="end">
                            {format_points_lang(g.thresholds.surplus_limit, false, lang)}
                        </text>
                    }
                })}
            {ticks}
        }
    }
}

/// Width of one character of a period label and the gap between labels,
/// in drawing units (12 px text).
const LABEL_CHAR: f64 = 6.8;
const LABEL_GAP: f64 = 14.0;

/// One dot per period and party, with its figures as a tooltip.
#[component]
fn Dots(geometry: Memo<Geometry>) -> impl IntoView {
    let ui = use_ui();
    move || {
        let g = geometry.get();
        let lang = ui.lang.get();
        g.points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let title = tf(
                    lang,
                    Key::ChartPoint,
                    &[
                        ("period", &p.period.label(lang)),
                        ("us", &saldo_text(p.supplier, lang)),
                        ("them", &saldo_text(p.client, lang)),
                    ],
                );
                view! {
                    <g class="point">
                        <circle class="dot client" cx=g.x(i) cy=g.y(p.client) r="3">
                            <title>{title.clone()}</title>
                        </circle>
                        <circle class="dot supplier" cx=g.x(i) cy=g.y(p.supplier) r="4">
                            <title>{title}</title>
                        </circle>
                    </g>
                }
            })
            .collect_view()
    }
}

/// The same figures as a table, for screen readers.
#[component]
fn ChartTable(points: Signal<Vec<PeriodPoint>>) -> impl IntoView {
    let ui = use_ui();
    view! {
        <table class="visually-hidden">
            <caption>{ui.tr(Key::ChartTableCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{ui.tr(Key::Period)}</th>
                    <th scope="col">{ui.tr(Key::PartySupplier)}</th>
                    <th scope="col">{ui.tr(Key::PartyClient)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let lang = ui.lang.get();
                    points
                        .get()
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <td>{p.period.label(lang)}</td>
                                    <td>{saldo_text(p.supplier, lang)}</td>
                                    <td>{saldo_text(p.client, lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}
