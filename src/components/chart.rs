//! The running-balance chart, drawn as SVG by the app: the corridor bands
//! (red, healthy, surplus) behind both parties' lines, with a title per
//! point and a table for screen readers.

use kbr_core::account::ledger::PeriodPoint;
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{Party, Thresholds};
use leptos::prelude::*;

use crate::components::status::saldo_text;
use crate::state::use_ui;

const W: f64 = 640.0;
const H: f64 = 240.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

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
    let geometry = Memo::new(move |_| {
        let pts = points.get();
        let t = thresholds.get();
        let values = pts.iter().flat_map(|p| [p.supplier, p.client]);
        let lo = values.clone().min().unwrap_or(0).min(-t.credit).min(-2) - 2;
        let hi = values.max().unwrap_or(0).max(t.surplus_limit) + 4;
        (pts, t, lo, hi)
    });
    let y = move |v: i64, lo: i64, hi: i64| {
        TOP + (hi - v) as f64 / (hi - lo).max(1) as f64 * (H - TOP - BOTTOM)
    };
    let x = move |i: usize, n: usize| {
        if n <= 1 {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + i as f64 / (n - 1) as f64 * (W - LEFT - RIGHT)
        }
    };
    let line = move |party: Party| {
        let (pts, _, lo, hi) = geometry.get();
        let n = pts.len();
        pts.iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i, n), y(p.of(party), lo, hi)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let summary = move || {
        let (pts, ..) = geometry.get();
        let lang = ui.lang.get();
        match pts.last() {
            Some(last) => tf(
                lang,
                Key::ChartSummary,
                &[
                    ("n", &pts.len().to_string()),
                    ("us", &saldo_text(last.supplier, lang)),
                    ("them", &saldo_text(last.client, lang)),
                ],
            ),
            None => ui.t(Key::ChartEmpty).to_string(),
        }
    };
    view! {
        <figure class="chart" data-testid="balance-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary preserveAspectRatio="xMidYMid meet">
                {move || {
                    let (pts, t, lo, hi) = geometry.get();
                    let n = pts.len();
                    let y0 = y(0, lo, hi);
                    let ylim = y(t.surplus_limit, lo, hi);
                    let lang = ui.lang.get();
                    let step = (n / 6).max(1);
                    view! {
                        <rect class="band surplus" x=LEFT y=TOP width=W - LEFT - RIGHT height=(ylim - TOP).max(0.0) />
                        <rect class="band healthy" x=LEFT y=ylim width=W - LEFT - RIGHT height=(y0 - ylim).max(0.0) />
                        <rect class="band red" x=LEFT y=y0 width=W - LEFT - RIGHT height=(H - BOTTOM - y0).max(0.0) />
                        <line class="axis zero" x1=LEFT x2=W - RIGHT y1=y0 y2=y0 />
                        <text class="tick" x=LEFT - 4.0 y=y0 + 4.0 text-anchor="end">"0"</text>
                        <text class="tick" x=LEFT - 4.0 y=ylim + 4.0 text-anchor="end">{t.surplus_limit}</text>
                        <text class="tick" x=LEFT - 4.0 y=TOP + 8.0 text-anchor="end">{hi}</text>
                        <text class="tick" x=LEFT - 4.0 y=H - BOTTOM text-anchor="end">{lo}</text>
                        {pts.iter().enumerate().filter(|(i, _)| i % step == 0 || *i + 1 == n).map(|(i, p)| view! {
                            <text class="tick" x=x(i, n) y=H - 8.0 text-anchor="middle">{p.period.label(lang)}</text>
                        }).collect_view()}
                    }
                }}
                <polyline class="line client" points=move || line(Party::Client) />
                <polyline class="line supplier" points=move || line(Party::Supplier) />
                {move || {
                    let (pts, _, lo, hi) = geometry.get();
                    let n = pts.len();
                    let lang = ui.lang.get();
                    pts.iter().enumerate().map(|(i, p)| {
                        let title = tf(lang, Key::ChartPoint, &[
                            ("period", &p.period.label(lang)),
                            ("us", &saldo_text(p.supplier, lang)),
                            ("them", &saldo_text(p.client, lang)),
                        ]);
                        view! {
                            <g class="point">
                                <circle class="dot client" cx=x(i, n) cy=y(p.client, lo, hi) r="3"><title>{title.clone()}</title></circle>
                                <circle class="dot supplier" cx=x(i, n) cy=y(p.supplier, lo, hi) r="4"><title>{title}</title></circle>
                            </g>
                        }
                    }).collect_view()
                }}
            </svg>
            <figcaption class="legend">
                <span class="key supplier">{move || ui.t(Key::PartySupplier)}</span>
                <span class="key client">{move || ui.t(Key::PartyClient)}</span>
                <span class="key band-red">{move || ui.t(Key::BandRed)}</span>
                <span class="key band-healthy">{move || ui.t(Key::BandHealthy)}</span>
                <span class="key band-surplus">{move || ui.t(Key::BandSurplus)}</span>
            </figcaption>
            <table class="visually-hidden">
                <caption>{move || ui.t(Key::ChartTableCaption)}</caption>
                <thead><tr>
                    <th scope="col">{move || ui.t(Key::Period)}</th>
                    <th scope="col">{move || ui.t(Key::PartySupplier)}</th>
                    <th scope="col">{move || ui.t(Key::PartyClient)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = ui.lang.get();
                        points.get().into_iter().map(|p| view! {
                            <tr><td>{p.period.label(lang)}</td><td>{saldo_text(p.supplier, lang)}</td><td>{saldo_text(p.client, lang)}</td></tr>
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </figure>
    }
}
