//! The quick scan of one client ("snelle scan"): the estimated saldo of
//! both parties with its corridor status, the withdrawals marked often,
//! and, only when the user asks, the scan turned into ledger entries dated
//! over the past year, so a client can start from a scan instead of an
//! empty ledger.

use kbr_core::catalogue;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, format_points_lang, tf, Key};
use kbr_core::model::{EntryId, Party};
use kbr_core::questionnaires::scan::{entries, estimate};
use leptos::prelude::*;

use super::Scored;
use crate::components::status::StatusBadge;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The latest scan of the page's client.
#[component]
pub fn ScanResult(
    /// Scans, newest first.
    history: Memo<Vec<Scored>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let latest = Memo::new(move |_| history.with(|h| h.first().map(|s| s.response.clone())));
    let estimated = Memo::new(move |_| {
        let t = account.with(|a| a.client.thresholds);
        latest.with(|r| r.as_ref().map(|r| estimate(&r.answers, &t)))
    });
    let confirming = RwSignal::new(false);
    let count = move || {
        latest.with(|r| {
            r.as_ref()
                .map_or(0, |r| entries(&r.answers, store.today()).len())
        })
    };
    let client = StoredValue::new(ctx.id.clone());
    let make = move |_| {
        let Some(r) = latest.get_untracked() else {
            return;
        };
        let commands = entries(&r.answers, store.today())
            .into_iter()
            .map(|draft| Command::AddEntry {
                id: EntryId(store.new_id()),
                draft,
            })
            .collect::<Vec<_>>();
        let done = tf(
            ui.lang.get_untracked(),
            Key::ScanEntriesMade,
            &[("n", &commands.len().to_string())],
        );
        store.act_or_say(
            &client.get_value(),
            Command::Batch(commands),
            done,
            ui.lang.get_untracked(),
        );
        confirming.set(false);
    };
    let party = move |party: Party| {
        let lang = ui.lang.get();
        estimated.get().map(|e| {
            let (saldo, report) = e.of(party);
            let status = report.status;
            let key = if party == Party::Supplier {
                Key::ScanOurSaldo
            } else {
                Key::ScanClientSaldo
            };
            view! {
                <article class="saldo-card" data-testid=format!("scan-{}", party.code())>
                    <h3>{ui.t(key)}</h3>
                    <p class="big-saldo">{format_points_lang(saldo, true, lang)}</p>
                    <StatusBadge status=status />
                    <p class="small">{status.advice(party, lang)}</p>
                </article>
            }
        })
    };
    let often = move || {
        let lang = ui.lang.get();
        estimated.get().map(|e| {
            e.often
                .iter()
                .map(|id| {
                    let label = catalogue::builtin(id).map_or(*id, |b| lang.pick(b.nl, b.en));
                    view! { <li>{label.to_string()}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" data-testid="scan-result">
            <h2>
                {move || {
                    latest
                        .get()
                        .map(|r| tf(
                            ui.lang.get(),
                            Key::ScanOf,
                            &[("date", &format_date(r.date, ui.lang.get()))],
                        ))
                }}
            </h2>
            <div class="saldo-cards">
                {move || party(Party::Supplier)} {move || party(Party::Client)}
            </div>
            <h3>{ui.tr(Key::ScanOftenOurs)}</h3>
            <ul data-testid="scan-often-ours">{often}</ul>
            <p class="muted">
                {move || tf(ui.lang.get(), Key::ScanEntriesHelp, &[("n", &count().to_string())])}
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| confirming.set(true)
                            data-testid="scan-make-entries"
                        >
                            {ui.tr(Key::ScanMakeEntries)}
                        </button>
                    }
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="scan-confirm-q">
                    <p id="scan-confirm-q">
                        {move || tf(
                            ui.lang.get(),
                            Key::ScanEntriesConfirm,
                            &[("n", &count().to_string())],
                        )}
                    </p>
                    <button
                        type="button"
                        class="button primary"
                        on:click=make
                        data-testid="scan-make-confirm"
                    >
                        {ui.tr(Key::ScanMakeYes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>
                        {ui.tr(Key::Cancel)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
