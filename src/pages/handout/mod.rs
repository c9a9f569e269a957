//! A one-page printable handout (A4) of one client: both saldi with their
//! status sentence, the chart, the heaviest withdrawals, the latest
//! hostmanship radar with the weakest principle and its tip, and the open
//! actions.

use chrono::NaiveDate;
use kbr_core::account::summary::{open_actions, summarize, top_withdrawals, Summary};
use kbr_core::catalogue;
use kbr_core::i18n::{format_date, format_points_lang, tf, Key};
use kbr_core::model::{Account, ClientId, Party};
use kbr_core::questionnaires::definitions::HOSTMANSHIP;
use kbr_core::questionnaires::engine::{score_of, weakest, Weakest};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::chart::BalanceChart;
use crate::components::radar::{RadarChart, Shape};
use crate::components::status::StatusBadge;
use crate::components::weakest::WeakestBox;
use crate::pages::not_found::NotFound;
use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The handout of client `id`.
#[component]
pub fn ClientHandout(
    /// The client.
    id: ClientId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let Some(account) = store.account(&id) else {
        return view! { <NotFound /> }.into_any();
    };
    let today = store.today();
    let summary = Memo::new(move |_| account.with(|a| summarize(a, today)));
    let points = Signal::derive(move || summary.with(|s| s.running.clone()));
    let thresholds = Signal::derive(move || account.with(|a| a.client.thresholds));
    let hostmanship = Memo::new(move |_| {
        account.with(|a| {
            a.assessments_of(HOSTMANSHIP.id)
                .last()
                .map(|r| (r.date, score_of(&HOSTMANSHIP, r)))
        })
    });
    let shapes = Signal::derive(move || {
        hostmanship
            .get()
            .map(|(d, s)| {
                vec![Shape::of_score(
                    format_date(d, ui.lang.get()),
                    "current",
                    &s,
                )]
            })
            .unwrap_or_default()
    });
    let back = Route::Client {
        id: id.clone(),
        tab: ClientTab::Ledger,
    }
    .to_hash();
    view! {
        <article class="handout client-handout" data-testid="client-handout">
            <div class="toolbar no-print">
                <a href=back>{ui.tr(Key::BackToClient)}</a>
                <button
                    type="button"
                    class="button primary"
                    on:click=|_| browser::print()
                    data-testid="print-client-handout"
                >
                    {ui.tr(Key::PrintHandout)}
                </button>
            </div>
            <h1 class="user-text">{move || account.with(|a| a.client.name.clone())}</h1>
            <p class="muted">
                {move || tf(
                    ui.lang.get(),
                    Key::HandoutDate,
                    &[("date", &format_date(today, ui.lang.get()))],
                )}
            </p>
            <div class="saldo-cards">
                <HandoutSaldo party=Party::Supplier summary=summary account=account />
                <HandoutSaldo party=Party::Client summary=summary account=account />
            </div>
            <BalanceChart points=points thresholds=thresholds />
            <div class="handout-columns">
                <HandoutLists summary=summary account=account today=today />
                <section>
                    <h2>{move || HOSTMANSHIP.title.get(ui.lang.get())}</h2>
                    <Show
                        when=move || hostmanship.with(Option::is_some)
                        fallback=move || {
                            view! { <p class="muted">{ui.tr(Key::AssessmentNone)}</p> }
                        }
                    >
                        <RadarChart definition=&HOSTMANSHIP shapes=shapes />
                        <WeakestBox weakest=Signal::derive(move || {
                            hostmanship
                                .get()
                                .map_or(Weakest::NotEnough, |(_, s)| weakest(&HOSTMANSHIP, &s))
                        }) />
                    </Show>
                </section>
            </div>
        </article>
    }
    .into_any()
}

/// One party's saldo with its status and the sentence that explains it.
#[component]
fn HandoutSaldo(
    /// Which party.
    party: Party,
    /// The client's figures.
    summary: Memo<Summary>,
    /// The client.
    account: Signal<Account>,
) -> impl IntoView {
    let ui = use_ui();
    move || {
        let lang = ui.lang.get();
        let (saldo, report, period) = summary.with(|s| {
            (
                s.headline.balances.of(party).saldo(),
                s.headline.status_of(party).clone(),
                account.with(|a| a.client.period),
            )
        });
        let status = report.status;
        let key = if party == Party::Supplier {
            Key::OurSaldo
        } else {
            Key::ClientSaldo
        };
        view! {
            <article class="saldo-card">
                <h3>{ui.t(key)}</h3>
                <p class="big-saldo">{format_points_lang(saldo, true, lang)}</p>
                <StatusBadge status=status />
                <p class="small">{report.reason.sentence(party, period, lang)}</p>
            </article>
        }
    }
}

/// The heaviest withdrawals and the open actions.
#[component]
fn HandoutLists(
    /// The client's figures.
    summary: Memo<Summary>,
    /// The client.
    account: Signal<Account>,
    /// Today.
    today: NaiveDate,
) -> impl IntoView {
    let ui = use_ui();
    let withdrawals = move || {
        let lang = ui.lang.get();
        summary.with(|s| {
            top_withdrawals(s, 5)
                .into_iter()
                .map(|r| {
                    let label = account
                        .with(|a| {
                            catalogue::find_in(&a.own_categories, &r.key)
                                .map(|c| c.label(lang).to_string())
                        })
                        .unwrap_or_else(|| r.key.clone());
                    let who = ui.t(if r.party == Party::Supplier {
                        Key::PartySupplierShort
                    } else {
                        Key::PartyClientShort
                    });
                    view! { <li>{format!("{label} ({who}): −{}", r.withdrawals)}</li> }
                })
                .collect_view()
        })
    };
    let actions = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            open_actions(a, today)
                .into_iter()
                .map(|(x, overdue)| {
                    let due = format_date(x.due, lang);
                    let line = if overdue {
                        tf(lang, Key::HandoutOverdue, &[("due", &due)])
                    } else {
                        due
                    };
                    view! {
                        <li>
                            <strong>{line}</strong>
                            ": "
                            <span class="user-text">{x.text.clone()}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section>
            <h2>{ui.tr(Key::HandoutWithdrawals)}</h2>
            <ol class="compact" data-testid="handout-withdrawals">
                {withdrawals}
            </ol>
            <h2>{ui.tr(Key::HandoutActions)}</h2>
            <ul class="compact" data-testid="handout-actions">
                {actions}
            </ul>
        </section>
    }
}

/// The page's entry point, registered by the router (`routes.rs`): a client's one-page handout.
pub fn page(route: kbr_core::route::Route) -> AnyView {
    use kbr_core::route::Route;
    match route {
        Route::Handout(id) => view! { <ClientHandout id=id /> }.into_any(),
        _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
    }
}
