//! The trust gap of one round: per principle our score and the client's
//! side by side as paired bars, the three largest gaps first with a
//! sentence each, and the client's own words.

use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::invite::rounds::compare;
use kbr_core::model::RoundId;
use kbr_core::questionnaires::engine::tenths_text;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// The comparison of round `id` (shown only when the round is open).
#[component]
pub fn GapView(
    /// The round.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let view_of = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            let round = a.round(id)?;
            let c = compare(a, round);
            let basis = match c.ours {
                Some((r, true)) => tf(
                    lang,
                    Key::GapBasisBlind,
                    &[("date", &format_date(r.date, lang))],
                ),
                Some((r, false)) => tf(
                    lang,
                    Key::GapBasisEarlier,
                    &[("date", &format_date(r.date, lang))],
                ),
                None => ui.t(Key::GapBasisNone).to_string(),
            };
            let sentences: Vec<String> = c
                .gaps
                .iter()
                .filter_map(|g| g.sentence(lang))
                .take(3)
                .collect();
            let bars = c
                .gaps
                .iter()
                .map(|g| {
                    let w = |v: Option<u32>| v.map_or(0.0, |t| f64::from(t) / 50.0 * 100.0);
                    let fig =
                        |v: Option<u32>| v.map_or("—".to_string(), |t| tenths_text(t, lang));
                    let title = g.section.title.get(lang).to_string();
                    let (ours, theirs) = (fig(g.ours), fig(g.theirs));
                    let label_ours = tf(lang, Key::GapOurs, &[("v", &ours)]);
                    let label_theirs = tf(lang, Key::GapTheirs, &[("v", &theirs)]);
                    view! {
                        <li class="pair" data-testid=format!("gap-{}", g.section.id)>
                            <span class="pair-title">{title}</span>
                            <span class="bar-row">
                                <span class="bar-track">
                                    <span
                                        class="bar ours"
                                        style:width=format!("{:.0}%", w(g.ours))
                                    ></span>
                                </span>
                                <span class="bar-value small">{label_ours}</span>
                            </span>
                            <span class="bar-row">
                                <span class="bar-track">
                                    <span
                                        class="bar theirs"
                                        style:width=format!("{:.0}%", w(g.theirs))
                                    ></span>
                                </span>
                                <span class="bar-value small">{label_theirs}</span>
                            </span>
                        </li>
                    }
                })
                .collect_view();
            let words = |list: &[(&kbr_core::model::ClientReturn, &str)]| {
                list.iter()
                    .map(|(r, t)| {
                        let who = if r.name.is_empty() {
                            ui.t(Key::RoundContact).to_string()
                        } else {
                            r.name.clone()
                        };
                        view! {
                            <li>
                                <q class="user-text">{t.to_string()}</q>
                                <span class="muted small">" — "{who}</span>
                            </li>
                        }
                    })
                    .collect_view()
            };
            let (has_next, has_remarks) = (!c.next_time.is_empty(), !c.remarks.is_empty());
            let next_time = words(&c.next_time);
            let remarks = words(&c.remarks);
            Some(view! {
                <p class="muted small" data-testid="gap-basis">
                    {basis}
                </p>
                <ol class="gap-sentences" data-testid="gap-sentences">
                    {sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ol>
                <ul class="pairs" data-testid="gap-bars">
                    {bars}
                </ul>
                {has_next
                    .then(|| {
                        view! {
                            <h4>{ui.t(Key::GapNextTime)}</h4>
                            <ul class="client-words" data-testid="gap-next-time">
                                {next_time}
                            </ul>
                        }
                    })}
                {has_remarks
                    .then(|| {
                        view! {
                            <h4>{ui.t(Key::GapRemarks)}</h4>
                            <ul class="client-words" data-testid="gap-remarks">
                                {remarks}
                            </ul>
                        }
                    })}
            })
        })
    };
    view! {
        <section class="gap-view" data-testid="gap-view">
            <h4>{ui.tr(Key::GapTitle)}</h4>
            {view_of}
        </section>
    }
}
