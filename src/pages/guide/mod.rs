//! The guide ("Uitleg"): the idea in plain words, each part with a link to
//! where the app does it; reachable from every screen and printable as a
//! one-page handout for workshops.

use kbr_core::i18n::Key;
use kbr_core::model::ClientId;
use kbr_core::questionnaires::definitions::HOSTMANSHIP_ID;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Where a part of the guide points: a tab of the first client, or the
/// overview when there is none yet.
fn target(first: &Option<ClientId>, tab: ClientTab) -> String {
    match first {
        Some(id) => Route::Client {
            id: id.clone(),
            tab,
        }
        .to_hash(),
        None => Route::Overview.to_hash(),
    }
}

/// The guide page.
#[component]
pub fn GuidePage() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let first = store.client_ids().into_iter().next();
    let assessment = match &first {
        Some(id) => Route::Assessment {
            id: id.clone(),
            definition: HOSTMANSHIP_ID.to_string(),
        }
        .to_hash(),
        None => Route::Overview.to_hash(),
    };
    let parts = [
        (
            Key::GuideAccountTitle,
            Key::GuideAccountText,
            target(&first, ClientTab::Ledger),
        ),
        (
            Key::GuideCorridorTitle,
            Key::GuideCorridorText,
            target(&first, ClientTab::Ledger),
        ),
        (
            Key::GuideStartTitle,
            Key::GuideStartText,
            target(&first, ClientTab::Ledger),
        ),
        (
            Key::GuideStockTitle,
            Key::GuideStockText,
            target(&first, ClientTab::StockTake),
        ),
        (
            Key::GuideQuestionsTitle,
            Key::GuideQuestionsText,
            target(&first, ClientTab::Moments),
        ),
        (Key::GuideHostTitle, Key::GuideHostText, assessment),
        (
            Key::GuideDebtorTitle,
            Key::GuideDebtorText,
            target(&first, ClientTab::Moments),
        ),
        (
            Key::GuideAskTitle,
            Key::GuideAskText,
            Route::Workshops.to_hash(),
        ),
    ]
    .into_iter()
    .map(|(title, text, href)| {
        view! {
            <section class="guide-part">
                <h2>{move || ui.t(title)}</h2>
                <p>{move || ui.t(text)}</p>
                <p class="no-print">
                    <a href=href>{ui.tr(Key::GuideWhere)}" →"</a>
                </p>
            </section>
        }
    })
    .collect_view();
    view! {
        <article class="guide" data-testid="guide">
            <div class="page-head">
                <div class="page-title">
                    <h1>{ui.tr(Key::GuideTitle)}</h1>
                    <p class="muted">{ui.tr(Key::GuideIntro)}</p>
                </div>
                <button
                    type="button"
                    class="button no-print"
                    on:click=|_| browser::print()
                    data-testid="print-guide"
                >
                    {ui.tr(Key::GuidePrint)}
                </button>
            </div>
            <div class="guide-parts">{parts}</div>
        </article>
    }
}

/// The page's entry point, registered by the router (`routes.rs`): the guide.
pub fn page(route: kbr_core::route::Route) -> AnyView {
    let _ = route;
    view! { <GuidePage /> }.into_any()
}
