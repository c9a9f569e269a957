//! A section's scores as dots on a strip, one per participant, with the
//! group mean as a line: shared by the results page and the projector.

use kbr_core::questionnaires::group::{SectionResult, Unit};
use leptos::prelude::*;

/// A value in `unit` as a share of its range (0–100).
pub fn share(v: f64, unit: Unit) -> f64 {
    match unit {
        Unit::Scale => (v - 1.0) / 4.0 * 100.0,
        Unit::Percent => v,
    }
}

/// The strip of `s`: decorative (the figures beside it say the same).
pub fn dot_strip(s: &SectionResult) -> impl IntoView {
    let x = |v: f64| format!("{:.1}", 8.0 + 184.0 * share(v, s.unit) / 100.0);
    let dots = s
        .scores
        .iter()
        .flatten()
        .map(|v| view! { <circle class="dot" cx=x(*v) cy="12" r="5" /> })
        .collect_view();
    let mean = s.stats.map(|st| {
        let at = x(st.mean);
        view! { <line class="mean" x1=at.clone() x2=at y1="2" y2="22" /> }
    });
    view! {
        <svg class="dot-strip" viewBox="0 0 200 24" aria-hidden="true">
            <line class="track" x1="8" x2="192" y1="12" y2="12" />
            {dots}
            {mean}
        </svg>
    }
}
