//! The figures a workshop kept with its group result: per section the
//! group mean, the spread and how many answered, as the workshop showed
//! them, so a group result reads as a group's and not as one person's.

use kbr_core::i18n::{tf, Key};
use kbr_core::model::GroupInfo;
use kbr_core::questionnaires::engine::{tenths_text, Definition};
use kbr_core::questionnaires::group::{unit_of, Unit};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// The group's figures per section, under the result of a group result.
#[component]
pub fn GroupFigures(
    /// The questionnaire.
    def: &'static Definition,
    /// The group result's figures.
    group: GroupInfo,
) -> impl IntoView {
    let ui = use_ui();
    let lines = def
        .sections
        .iter()
        .filter_map(|s| {
            let f = *group.sections.get(s.id)?;
            let unit = unit_of(def, s.id);
            Some(view! {
                <li data-testid="group-figure">
                    <strong>{move || s.title.get(ui.lang.get())}</strong>
                    ": "
                    {move || {
                        let lang = ui.lang.get();
                        let mean = match unit {
                            Unit::Scale => format!("{} / 5", tenths_text(f.mean_tenths(), lang)),
                            Unit::Percent => format!("{}%", f.percent()),
                        };
                        let spread = match f.spread_text(unit, lang) {
                            Some(sd) => tf(lang, Key::GroupFigureSpread, &[("sd", &sd)]),
                            None => ui.t(Key::GroupFigureNoSpread).to_string(),
                        };
                        tf(
                            lang,
                            Key::GroupFigureLine,
                            &[("mean", &mean), ("spread", &spread), ("n", &f.n.to_string())],
                        )
                    }}
                </li>
            })
        })
        .collect_view();
    let intro = move || {
        tf(
            ui.lang.get(),
            Key::GroupFiguresIntro,
            &[
                ("title", &group.title),
                ("n", &group.participants.to_string()),
            ],
        )
    };
    view! {
        <div class="group-figures" data-testid="group-figures">
            <p class="muted small">{intro}</p>
            <ul class="plain small">{lines}</ul>
        </div>
    }
}
