//! The quick scan of a group: the spread of the estimated saldi of both
//! parties with their corridor status, and the withdrawals most
//! participants marked "often": how red the room thinks it stands, and
//! through which withdrawals.

use kbr_core::catalogue;
use kbr_core::i18n::{format_points_lang, tf, Key};
use kbr_core::model::{Answers, Party, RoundId, Thresholds};
use kbr_core::questionnaires::definitions::QUICK_SCAN;
use kbr_core::questionnaires::scan::{estimate, group_scan};
use leptos::prelude::*;

use super::stats_text::points_line;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// The group's quick scan in session `id`.
#[component]
pub fn ScanSpread(
    /// The session.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let sets = Memo::new(move |_| {
        workshops
            .with(id, |s| {
                s.answers_to(&QUICK_SCAN)
                    .into_iter()
                    .map(|(_, a)| a.clone())
                    .collect::<Vec<Answers>>()
            })
            .unwrap_or_default()
    });
    let party_row = move |party: Party| {
        let lang = ui.lang.get();
        let t = Thresholds::default();
        let list = sets.get();
        let refs: Vec<&Answers> = list.iter().collect();
        let g = group_scan(&refs, &t);
        let stats = match party {
            Party::Supplier => g.supplier,
            Party::Client => g.client,
        };
        let mut bands: Vec<(&'static str, usize)> = Vec::new();
        let mut saldi = Vec::new();
        for a in &list {
            let e = estimate(a, &t);
            let (saldo, report) = e.of(party);
            saldi.push(saldo);
            let label = report.status.label(lang);
            match bands.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => bands.push((label, 1)),
            }
        }
        let title = ui.t(match party {
            Party::Supplier => Key::ScanOurSaldo,
            Party::Client => Key::ScanClientSaldo,
        });
        let line = stats.map(|st| points_line(&st, lang)).unwrap_or_default();
        let values = saldi
            .iter()
            .map(|s| format_points_lang(*s, true, lang))
            .collect::<Vec<_>>()
            .join(", ");
        let bands = bands
            .iter()
            .map(|(l, n)| format!("{n} × {l}"))
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <li data-testid=format!("scan-{}", party.code())>
                <strong>{title}</strong>
                <span class="small">{line}</span>
                <span class="small muted">
                    {tf(lang, Key::ScanEstimates, &[("values", &values)])}
                </span>
                <span class="small">{bands}</span>
            </li>
        }
    };
    let often = move || {
        let lang = ui.lang.get();
        let list = sets.get();
        let refs: Vec<&Answers> = list.iter().collect();
        let g = group_scan(&refs, &Thresholds::default());
        g.often
            .into_iter()
            .take(5)
            .map(|(id, n)| {
                let label = catalogue::builtin(id).map_or(id, |b| lang.pick(b.nl, b.en));
                let text = tf(
                    lang,
                    Key::ScanOftenLine,
                    &[
                        ("label", label),
                        ("n", &n.to_string()),
                        ("of", &list.len().to_string()),
                    ],
                );
                view! { <li>{text}</li> }
            })
            .collect_view()
    };
    view! {
        <ul class="scan-rows">
            {move || party_row(Party::Supplier)} {move || party_row(Party::Client)}
        </ul>
        <p class="muted small">{ui.tr(Key::GroupStatsHelp)}</p>
        <h3>{ui.tr(Key::ScanOftenTitle)}</h3>
        <Show when=move || {
            let l = sets.get();
            group_scan(&l.iter().collect::<Vec<_>>(), &Thresholds::default()).often.is_empty()
        }>
            <p class="muted">{ui.tr(Key::ScanOftenNone)}</p>
        </Show>
        <ol class="compact" data-testid="scan-often">
            {often}
        </ol>
    }
}
