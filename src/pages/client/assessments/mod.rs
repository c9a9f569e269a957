//! The self-assessments of the page's client, for any definition used as a
//! dated assessment: an index with the latest totals, and per questionnaire
//! the form, the result of one date against another, the weakest section
//! with its tip, the low-scored statements and the history. Nothing here
//! knows a particular questionnaire: a new definition appears without
//! screen code.

mod form;
mod group_figures;
mod history;
mod page;
mod result;
mod scan;

use kbr_core::i18n::{format_date, format_points_lang, tf, Key, Lang};
use kbr_core::model::Response;
use kbr_core::questionnaires::definitions;
use kbr_core::questionnaires::engine::latest_total;
use kbr_core::questionnaires::engine::{tenths_text, Score, SectionScore, Use};
use kbr_core::questionnaires::scan::estimate;
use kbr_core::route::Route;
use leptos::prelude::*;

pub use form::AssessmentForm;
pub use page::AssessmentPage;

use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// One stored assessment with its score, for display.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Scored {
    /// The stored answers.
    pub response: Response,
    /// Their score.
    pub score: Score,
}

/// A section's score as the tables show it: the 1–5 mean where there is
/// one (hostmanship), else the percentage.
pub fn section_text(s: Option<&SectionScore>, lang: Lang) -> String {
    match s {
        Some(SectionScore {
            mean_tenths: Some(m),
            ..
        }) => format!("{} / 5", tenths_text(*m, lang)),
        Some(SectionScore {
            percent: Some(p), ..
        }) => format!("{p}%"),
        _ => "—".to_string(),
    }
}

/// A signed difference: `+3`, `−2`, `0`.
pub fn signed(d: i32) -> String {
    match d {
        0 => "0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.abs()),
    }
}

/// The list of self-assessment questionnaires of the page's client.
#[component]
pub fn AssessmentsTab() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let cards = definitions::assessments()
        .map(|d| {
            let latest = Memo::new(move |_| {
                account.with(|a| (latest_total(a, d), a.assessments_of(d.id).len()))
            });
            // A scan has no total out of 100: its figure is the estimate.
            let scan_line = move || {
                let lang = ui.lang.get();
                account.with(|a| {
                    let r = a.assessments_of(d.id).into_iter().next_back()?;
                    let e = estimate(&r.answers, &a.client.thresholds);
                    Some(tf(
                        lang,
                        Key::ScanLatest,
                        &[
                            ("date", &format_date(r.date, lang)),
                            ("saldo", &format_points_lang(e.supplier, true, lang)),
                            ("status", e.supplier_status.status.label(lang)),
                        ],
                    ))
                })
            };
            let href = Route::Assessment {
                id: ctx.id.clone(),
                definition: d.id.to_string(),
            }
            .to_hash();
            view! {
                <li class="panel questionnaire-card" data-testid=format!("questionnaire-{}", d.id)>
                    <h2>
                        <a href=href.clone()>{move || d.title.get(ui.lang.get())}</a>
                    </h2>
                    <p>{move || d.intro.get(ui.lang.get())}</p>
                    <p data-testid="questionnaire-latest">
                        {move || {
                            let lang = ui.lang.get();
                            if d.usage == Use::Scan {
                                return scan_line()
                                    .unwrap_or_else(|| ui.t(Key::AssessmentNone).to_string());
                            }
                            match latest.get() {
                                (Some((date, total)), n) => {
                                    tf(
                                        lang,
                                        Key::AssessmentLatest,
                                        &[
                                            ("total", &total.to_string()),
                                            ("date", &format_date(date, lang)),
                                            ("n", &n.to_string()),
                                        ],
                                    )
                                }
                                (None, 0) => ui.t(Key::AssessmentNone).to_string(),
                                (None, n) => {
                                    tf(lang, Key::AssessmentNoScore, &[("n", &n.to_string())])
                                }
                            }
                        }}
                    </p>
                    <a class="button primary" href=href data-testid=format!("open-{}", d.id)>
                        {ui.tr(Key::AssessmentOpen)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{ui.tr(Key::AssessmentsIntro)}</p>
        <ul class="questionnaire-list">{cards}</ul>
    }
}
