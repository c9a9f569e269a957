//! A client's page. [`ClientPage`] provides the client once, as a
//! [`ClientCtx`] (its id, the account and the summary every figure comes
//! from), and shows one tab: the ledger with both saldi and the chart,
//! breakdowns, stock-takes, interaction moments, self-assessments, the
//! client's own view (invites and the trust gap) or settings.

pub mod assessments;
mod breakdown;
mod client_view;
mod debtor;
mod export_menu;
mod ledger;
pub mod moments;
mod own_categories;
mod settings;
mod share_toggle;
mod signals;
mod stock_take;

use kbr_core::i18n::Key;
use kbr_core::model::ClientId;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::pages::not_found::NotFound;
use crate::state::client::{use_client, ClientCtx};
use crate::state::store::use_store;
use crate::state::ui::use_ui;
use assessments::{AssessmentPage, AssessmentsTab};
use breakdown::BreakdownTab;
use client_view::ClientViewTab;
use export_menu::ExportMenu;
use ledger::LedgerTab;
use moments::MomentsTab;
use settings::SettingsTab;
use share_toggle::ShareToggle;
use stock_take::StockTakeTab;

/// The client page for `id`, showing `tab`.
#[component]
pub fn ClientPage(
    /// The client's id from the URL.
    id: ClientId,
    /// The open section.
    tab: ClientTab,
    /// On the assessments tab: the questionnaire that is open.
    #[prop(optional)]
    definition: Option<String>,
) -> impl IntoView {
    let store = use_store();
    let Some(account) = store.account(&id) else {
        return view! { <NotFound /> }.into_any();
    };
    provide_context(ClientCtx::new(id.clone(), account, store.today()));
    let exists = {
        let id = id.clone();
        move || store.exists(&id)
    };
    view! {
        <Show when=exists fallback=|| view! { <NotFound /> }>
            <section class="client-page" data-testid="client-page">
                <ClientHead />
                <TabNav tab=tab />
                {
                    let definition = definition.clone();
                    match (tab, definition) {
                        (ClientTab::Ledger, _) => view! { <LedgerTab /> }.into_any(),
                        (ClientTab::Breakdown, _) => view! { <BreakdownTab /> }.into_any(),
                        (ClientTab::StockTake, _) => view! { <StockTakeTab /> }.into_any(),
                        (ClientTab::Moments, _) => view! { <MomentsTab /> }.into_any(),
                        (ClientTab::Assessments, Some(d)) => {
                            view! { <AssessmentPage definition=d /> }.into_any()
                        }
                        (ClientTab::Assessments, None) => view! { <AssessmentsTab /> }.into_any(),
                        (ClientTab::ClientView, _) => view! { <ClientViewTab /> }.into_any(),
                        (ClientTab::Settings, _) => view! { <SettingsTab /> }.into_any(),
                    }
                }
            </section>
        </Show>
    }
    .into_any()
}

/// The client's name, organisation and manager, with the export menu.
#[component]
fn ClientHead() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let subtitle = move || {
        account.with(|a| {
            [&a.client.organisation, &a.client.account_manager]
                .into_iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <div class="page-head">
            <div class="page-title">
                <p class="crumbs no-print">
                    <a href=Route::Overview.to_hash()>{ui.tr(Key::NavOverview)}</a>
                    " ›"
                </p>
                <h1 class="user-text" data-testid="client-title">
                    {move || account.with(|a| a.client.name.clone())}
                </h1>
                <p class="muted user-text">{subtitle}</p>
                <ShareToggle />
            </div>
            <ExportMenu />
        </div>
    }
}

/// The tabs as one row that scrolls sideways on a phone.
#[component]
fn TabNav(
    /// The open tab.
    tab: ClientTab,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let links = ClientTab::ALL
        .into_iter()
        .map(|t| {
            let label = match t {
                ClientTab::Ledger => Key::TabLedger,
                ClientTab::Breakdown => Key::TabBreakdown,
                ClientTab::StockTake => Key::TabStockTake,
                ClientTab::Moments => Key::TabMoments,
                ClientTab::Assessments => Key::TabAssessments,
                ClientTab::ClientView => Key::TabClientView,
                ClientTab::Settings => Key::TabSettings,
            };
            let href = Route::Client {
                id: ctx.id.clone(),
                tab: t,
            }
            .to_hash();
            let testid = format!("tab-{}", t.name());
            view! {
                <a
                    href=href
                    class="tab"
                    class:active=t == tab
                    aria-current=(t == tab).then_some("page")
                    data-testid=testid
                >
                    {move || ui.t(label)}
                </a>
            }
        })
        .collect_view();
    view! {
        <nav class="tabs no-print" aria-label=ui.tr(Key::ClientSections)>
            {links}
        </nav>
    }
}

/// The page's entry point, registered by the router (`routes.rs`): the client page and its tabs (routes `#/client/…`).
pub fn page(route: kbr_core::route::Route) -> AnyView {
    use kbr_core::route::Route;
    match route {
        Route::Client { id, tab } => view! { <ClientPage id=id tab=tab /> }.into_any(),
        Route::Assessment { id, definition } => {
            view! { <ClientPage id=id tab=ClientTab::Assessments definition=definition /> }
                .into_any()
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}
