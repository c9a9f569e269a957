//! The participant's own result of one exercise, shown at once: the total,
//! the radar of the sections, the weakest principle with its tip; for the
//! quick scan the estimated saldo of both parties with its status.

use kbr_core::i18n::{format_points_lang, tf, Key};
use kbr_core::model::{Party, Thresholds};
use kbr_core::questionnaires::engine::{score, weakest, Definition, Use};
use kbr_core::questionnaires::scan::estimate;
use leptos::prelude::*;

use super::use_flow;
use crate::components::radar::{RadarChart, Shape};
use crate::components::weakest::WeakestBox;
use crate::state::ui::use_ui;

/// The result of exercise `index` of the invite.
#[component]
pub fn OwnResult(
    /// The exercise.
    def: &'static Definition,
    /// Its position in the invite.
    index: usize,
) -> impl IntoView {
    let ui = use_ui();
    let flow = use_flow();
    let answers = Memo::new(move |_| flow.draft.with(|d| d.answers[index].clone()));
    let scored = Memo::new(move |_| answers.with(|a| score(def, a)));
    let body = if def.usage == Use::Scan {
        let line = move |party: Party| {
            let lang = ui.lang.get();
            let e = answers.with(|a| estimate(a, &Thresholds::default()));
            let (saldo, report) = e.of(party);
            let key = if party == Party::Supplier {
                Key::ScanOurSaldo
            } else {
                Key::ScanClientSaldo
            };
            view! {
                <p data-testid=format!("own-scan-{}", party.code())>
                    <strong>{ui.t(key)}": "</strong>
                    {format_points_lang(saldo, true, lang)}
                    " — "
                    {report.status.label(lang)}
                </p>
            }
        };
        view! {
            {move || line(Party::Supplier)}
            {move || line(Party::Client)}
        }
        .into_any()
    } else {
        let shapes = Signal::derive(move || {
            vec![Shape::of_score(
                ui.t(Key::YourScore).to_string(),
                "current",
                &scored.get(),
            )]
        });
        view! {
            {(def.sections.len() >= 3)
                .then(|| view! { <RadarChart definition=def shapes=shapes /> })}
            <WeakestBox weakest=Signal::derive(move || scored.with(|s| weakest(def, s))) />
        }
        .into_any()
    };
    view! {
        <section class="own-result" data-testid=format!("own-result-{}", def.id)>
            <h2>{move || def.title.get(ui.lang.get())}</h2>
            <Show when=move || def.usage != Use::Scan>
                <p class="big-total" data-testid="own-total">
                    {move || match scored.get().total {
                        Some(t) => {
                            tf(ui.lang.get(), Key::TotalOutOf100, &[("total", &t.to_string())])
                        }
                        None => ui.t(Key::AllSkipped).to_string(),
                    }}
                </p>
            </Show>
            {body}
        </section>
    }
}
