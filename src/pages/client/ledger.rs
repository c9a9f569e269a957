//! The ledger tab: both saldi with status, explanation and advice, the
//! running-balance chart, quick entry and the ledger itself.

use kbr_core::account::status::Status;
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{EntryId, Party};
use kbr_core::questionnaires::definitions::QUICK_SCAN;
use kbr_core::route::Route;
use leptos::prelude::*;

use super::debtor::DebtorFollowUp;
use super::signals::{SignalBanners, StartPhaseCard};
use crate::components::chart::BalanceChart;
use crate::components::entry_form::EntryForm;
use crate::components::ledger_table::LedgerTable;
use crate::components::status::{ratio_text, saldo_text, StatusBadge};
use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// The ledger tab.
#[component]
pub fn LedgerTab() -> impl IntoView {
    let ctx = use_client();
    let editing = RwSignal::new(None::<EntryId>);
    let repair_target = RwSignal::new(None::<EntryId>);
    let summary = ctx.summary;
    let account = ctx.account;
    let points = Signal::derive(move || summary.with(|s| s.running.clone()));
    let thresholds = Signal::derive(move || account.with(|a| a.client.thresholds));
    view! {
        <div class="saldo-cards">
            <PartyCard party=Party::Supplier />
            <PartyCard party=Party::Client />
        </div>
        <SignalBanners />
        <DateFlags />
        <StartPhaseCard />
        <StartHint />
        <section class="panel">
            <BalanceChart points=points thresholds=thresholds />
        </section>
        <EntryForm editing=editing repair_target=repair_target />
        <DebtorFollowUp />
        <LedgerTable editing=editing repair_target=repair_target />
    }
}

/// One party's headline card: saldo, status, the rule that decided it and
/// what to do, for that party.
#[component]
fn PartyCard(
    /// Which party.
    party: Party,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    // The card follows every change at once (the rest of the tab after
    // the paint): the saldo is what the user looks at after a booking.
    let headline = ctx.headline;
    let account = ctx.account;
    let report = Memo::new(move |_| headline.with(|h| h.status_of(party).clone()));
    let totals = Memo::new(move |_| headline.with(|h| *h.balances.of(party)));
    let status = Signal::derive(move || report.with(|r| r.status));
    let period = move || account.with_now(|a| a.client.period);
    let (testid, title) = match party {
        Party::Supplier => ("card-supplier", Key::OurSaldo),
        Party::Client => ("card-client", Key::ClientSaldo),
    };
    view! {
        <article class="saldo-card" data-testid=testid>
            <h2>{move || ui.t(title)}</h2>
            <p
                class="big-saldo"
                class:negative=move || totals.get().saldo() < 0
                data-testid="saldo"
            >
                {move || saldo_text(totals.get().saldo(), ui.lang.get())}
            </p>
            <p>
                {move || view! { <StatusBadge status=status.get() /> }}
                {move || {
                    report
                        .with(|r| r.steadily_more_red)
                        .then(|| {
                            view! {
                                " "
                                <span class="badge red" data-testid="trend-badge">
                                    {ui.t(Key::TrendMoreRed)}
                                </span>
                            }
                        })
                }}
            </p>
            <p class="explanation" data-testid="status-explanation">
                {move || report.with(|r| r.reason.sentence(party, period(), ui.lang.get()))}
            </p>
            <p class="advice" data-testid="status-advice">
                <strong>{ui.tr(Key::Advice)}": "</strong>
                {move || status.get().advice(party, ui.lang.get())}
            </p>
            <Show when=move || status.get() != Status::NoData>
                <p class="muted small" data-testid="ratio">
                    {move || {
                        let t = totals.get();
                        let lang = ui.lang.get();
                        tf(
                            lang,
                            Key::RatioLine,
                            &[
                                ("ratio", &ratio_text(t.ratio_tenths(), lang)),
                                ("dep", &t.deposits.to_string()),
                                ("wd", &t.withdrawals.to_string()),
                            ],
                        )
                    }}
                </p>
            </Show>
        </article>
    }
}

/// Entries dated after today or long ago: counted from their date, or
/// perhaps typed wrong. Says so, so no saldo surprises.
#[component]
fn DateFlags() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let summary = ctx.summary;
    let counts =
        Memo::new(move |_| summary.with(|s| (s.headline.future_entries, s.far_past_entries)));
    view! {
        <Show when=move || counts.get() != (0, 0)>
            <p class="banner info" data-testid="date-flags">
                {move || {
                    let (future, past) = counts.get();
                    let lang = ui.lang.get();
                    let mut parts = Vec::new();
                    if future > 0 {
                        parts.push(tf(lang, Key::FlagFuture, &[("n", &future.to_string())]));
                    }
                    if past > 0 {
                        parts.push(tf(lang, Key::FlagFarPast, &[("n", &past.to_string())]));
                    }
                    parts.join(" ")
                }}
            </p>
        </Show>
    }
}

/// On an empty ledger: start from a quick scan instead of from nothing.
#[component]
fn StartHint() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let href = Route::Assessment {
        id: ctx.id.clone(),
        definition: QUICK_SCAN.id.to_string(),
    }
    .to_hash();
    view! {
        <Show when=move || account.with(|a| a.entries.is_empty())>
            <p class="banner info" data-testid="start-from-scan">
                {ui.tr(Key::StartFromScan)}
                " "
                <a href=href.clone()>{ui.tr(Key::StartFromScanLink)}</a>
            </p>
        </Show>
    }
}
