//! The history per section: one row per assessment, newest first, with a
//! way to delete one (with undo). On a phone each row becomes a card.

use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::questionnaires::engine::Definition;
use leptos::prelude::*;

use super::{section_text, Scored};
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The history table of `def`.
#[component]
pub fn AssessmentHistory(
    /// The questionnaire.
    def: &'static Definition,
    /// Scored assessments, newest first.
    history: Memo<Vec<Scored>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    view! {
        <section class="panel" data-testid="assessment-history">
            <h2>{ui.tr(Key::HistoryPerSection)}</h2>
            <div
                class="table-wrap"
                tabindex="0"
                role="region"
                aria-label=ui.tr(Key::HistoryPerSection)
            >
                <table class="score-table history-table stack">
                    <caption class="visually-hidden">{ui.tr(Key::HistoryPerSection)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ui.tr(Key::Date)}</th>
                            {def
                                .sections
                                .iter()
                                .map(|s| {
                                    view! {
                                        <th scope="col" class="num">
                                            {move || s.title.get(ui.lang.get())}
                                        </th>
                                    }
                                })
                                .collect_view()}
                            <th scope="col" class="num">
                                {ui.tr(Key::TotalColumn)}
                            </th>
                            <th scope="col">
                                <span class="visually-hidden">{ui.tr(Key::Actions)}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || history.get()
                            key=|s| (s.response.id, s.response.date, s.score.total)
                            let:row
                        >
                            {
                                let date = row.response.date;
                                let rid = row.response.id;
                                let group = row.response.group.clone();
                                let for_round = row.response.round.is_some();
                                let id = ctx.id.clone();
                                let delete = move |_| {
                                    let done = ui.t(Key::AssessmentDeleted).to_string();
                                    let cmd = Command::RemoveAssessment {
                                        id: rid,
                                    };
                                    store.act_or_say(&id, cmd, done, ui.lang.get_untracked());
                                };
                                view! {
                                    <tr data-testid="history-row">
                                        <th scope="row">
                                            {move || format_date(date, ui.lang.get())}
                                            {group
                                                .clone()
                                                .map(|g| {
                                                    view! {
                                                        <span class="badge grey" data-testid="group-badge">
                                                            {move || tf(
                                                                ui.lang.get(),
                                                                Key::GroupResultBadge,
                                                                &[("title", &g.title), ("n", &g.participants.to_string())],
                                                            )}
                                                        </span>
                                                    }
                                                })}
                                            {for_round
                                                .then(|| {
                                                    view! {
                                                        <span class="badge grey">{ui.tr(Key::ForClientRound)}</span>
                                                    }
                                                })}
                                        </th>
                                        {row
                                            .score
                                            .sections
                                            .iter()
                                            .map(|s| {
                                                let s = s.clone();
                                                let title = def.section(s.section).map(|x| x.title);
                                                view! {
                                                    <td
                                                        class="num"
                                                        data-label=move || title.map(|t| t.get(ui.lang.get()))
                                                    >
                                                        {move || section_text(Some(&s), ui.lang.get())}
                                                    </td>
                                                }
                                            })
                                            .collect_view()}
                                        <td class="num" data-label=ui.tr(Key::TotalColumn)>
                                            <strong>
                                                {row
                                                    .score
                                                    .total
                                                    .map_or("—".to_string(), |t| t.to_string())}
                                            </strong>
                                        </td>
                                        <td>
                                            <button
                                                type="button"
                                                class="button small danger"
                                                data-testid="delete-assessment"
                                                aria-label=move || tf(
                                                    ui.lang.get(),
                                                    Key::DeleteAssessment,
                                                    &[("date", &format_date(date, ui.lang.get()))],
                                                )
                                                on:click=delete
                                            >
                                                {ui.tr(Key::Delete)}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
