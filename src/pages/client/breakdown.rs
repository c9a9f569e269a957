//! Breakdowns of the page's client: per category and per person, each
//! party apart, as bars of deposits and withdrawals.

use kbr_core::account::ledger::{category_label, BreakdownRow};
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{CategoryId, Party};
use leptos::prelude::*;

use crate::components::status::saldo_text;
use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// The breakdown tab.
#[component]
pub fn BreakdownTab() -> impl IntoView {
    view! {
        <Breakdown by_category=true />
        <Breakdown by_category=false />
    }
}

/// One breakdown: per category (`by_category`) or per person.
#[component]
fn Breakdown(
    /// Per category, or per person.
    by_category: bool,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let (account, summary) = (ctx.account, ctx.summary);
    let rows = Memo::new(move |_| {
        summary.with(|s| {
            if by_category {
                s.by_category.clone()
            } else {
                s.by_person.clone()
            }
        })
    });
    let max = Memo::new(move |_| {
        rows.with(|r| {
            r.iter()
                .map(|r| r.deposits.max(r.withdrawals))
                .max()
                .unwrap_or(1)
                .max(1)
        })
    });
    // Own categories are per account: their labels come from this account.
    let label = move |r: &BreakdownRow| {
        let lang = ui.lang.get();
        if by_category {
            account.with(|a| category_label(a, CategoryId::new(&r.key), lang))
        } else if r.key.is_empty() {
            ui.t(Key::Unknown).to_string()
        } else {
            r.key.clone()
        }
    };
    let (testid, title) = if by_category {
        ("breakdown-category", Key::BreakdownByCategory)
    } else {
        ("breakdown-person", Key::BreakdownByPerson)
    };
    view! {
        <section class="panel breakdown" data-testid=testid>
            <h2>{move || ui.t(title)}</h2>
            {Party::ALL
                .into_iter()
                .map(|party| {
                    view! {
                        <h3>{move || party.label(ui.lang.get())}</h3>
                        <ul class="bars" data-testid=format!("bars-{}", party.code())>
                            {move || {
                                let lang = ui.lang.get();
                                let m = max.get() as f64;
                                rows.get()
                                    .into_iter()
                                    .filter(|r| r.party == party)
                                    .map(|r| {
                                        let dep = format!("{:.1}%", r.deposits as f64 / m * 100.0);
                                        let wd = format!(
                                            "{:.1}%",
                                            r.withdrawals as f64 / m * 100.0,
                                        );
                                        let net = r.net();
                                        view! {
                                            <li class="bar-row" data-testid="bar-row">
                                                <span class="bar-label user-text">{label(&r)}</span>
                                                <span class="bar-track" aria-hidden="true">
                                                    <span class="bar deposit" style:width=dep></span>
                                                    <span class="bar withdrawal" style:width=wd></span>
                                                </span>
                                                <span class="bar-value" class:negative=net < 0>
                                                    {saldo_text(net, lang)}
                                                    " "
                                                    <span class="muted small">
                                                        {tf(
                                                            lang,
                                                            Key::BarDetail,
                                                            &[
                                                                ("dep", &r.deposits.to_string()),
                                                                ("wd", &r.withdrawals.to_string()),
                                                                ("n", &r.count.to_string()),
                                                            ],
                                                        )}
                                                    </span>
                                                </span>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
    }
}
