//! The trust gap per round over time: a later round shows whether a gap
//! closed. Only rounds that are open (blind rule) and have answers count.

use kbr_core::i18n::{format_date, format_tenths, Key};
use kbr_core::invite::rounds::{compare, is_open};
use kbr_core::questionnaires::definitions::HOSTMANSHIP;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// A table of principles × rounds with our score minus the client's.
#[component]
pub fn GapHistory() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let table = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            let columns: Vec<_> = a
                .rounds
                .iter()
                .filter(|r| !r.returns.is_empty() && is_open(a, r))
                .map(|r| (r.created, compare(a, r).gaps))
                .collect();
            (columns.len() >= 2).then(|| {
                let head = columns
                    .iter()
                    .map(|(d, _)| view! { <th scope="col">{format_date(*d, lang)}</th> })
                    .collect_view();
                let rows = HOSTMANSHIP
                    .sections
                    .iter()
                    .map(|s| {
                        let cells = columns
                            .iter()
                            .map(|(_, gaps)| {
                                let g = gaps
                                    .iter()
                                    .find(|g| g.section.id == s.id)
                                    .and_then(|g| g.gap());
                                let text = g.map_or("—".to_string(), |g| {
                                    let t = format_tenths(i64::from(g), lang);
                                    if g > 0 {
                                        format!("+{t}")
                                    } else {
                                        t
                                    }
                                });
                                view! { <td class="num">{text}</td> }
                            })
                            .collect_view();
                        view! {
                            <tr>
                                <th scope="row">{s.title.get(lang)}</th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="panel" data-testid="gap-history">
                        <h3>{ui.t(Key::GapHistoryTitle)}</h3>
                        <p class="muted small">{ui.t(Key::GapHistoryHelp)}</p>
                        <div class="table-wrap">
                            <table class="score-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{ui.t(Key::GapPrinciple)}</th>
                                        {head}
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    </section>
                }
            })
        })
    };
    view! { {table} }
}
