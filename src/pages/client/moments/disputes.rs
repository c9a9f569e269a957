//! Late payments and disputed invoices followed up as bonding: how they
//! ended per client (solved, not solved, later an ambassador), with the
//! outcome recorded per dispute. Asking the cause happens on the ledger tab
//! right after booking one (`pages/client/debtor.rs`).

use kbr_core::account::debtors::stats;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::Dispute;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The disputes of the page's client and how they ended.
#[component]
pub fn Disputes() -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let list = Memo::new(move |_| account.with(|a| a.disputes.clone()));
    let summary = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            let s = stats(a);
            let causes = s
                .by_cause
                .iter()
                .map(|(c, n)| format!("{} {n}", c.label(lang)))
                .collect::<Vec<_>>()
                .join(" · ");
            let n = |v: usize| v.to_string();
            tf(
                lang,
                Key::DisputeStats,
                &[
                    ("total", &n(s.total)),
                    ("open", &n(s.open)),
                    ("solved", &n(s.solved)),
                    ("unsolved", &n(s.unsolved)),
                    ("ambassadors", &n(s.ambassadors)),
                    ("causes", &causes),
                ],
            )
        })
    };
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <section class="panel" data-testid="disputes">
                <h2>{ui.tr(Key::DisputesTitle)}</h2>
                <p data-testid="dispute-stats">{summary}</p>
                <ul class="dispute-list">
                    <For each=move || list.get() key=kbr_core::model::order::fingerprint let:d>
                        <DisputeRow dispute=d />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One dispute with its outcome buttons.
#[component]
fn DisputeRow(dispute: Dispute) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let client = StoredValue::new(ctx.id.clone());
    let id = dispute.id;
    let set = move |solved: Option<bool>, ambassador: bool| {
        let cmd = Command::SetDisputeOutcome {
            id,
            solved,
            ambassador,
        };
        store.act_or_say(
            &client.get_value(),
            cmd,
            ui.t(Key::DisputeSaved).to_string(),
            ui.lang.get_untracked(),
        );
    };
    let line = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            let date = a
                .entry(dispute.entry)
                .map(|e| format_date(e.date, lang))
                .unwrap_or_default();
            let ours = dispute.ours.and_then(|o| a.entry(o)).and_then(|e| {
                kbr_core::catalogue::find(a, &e.category).map(|c| c.label(lang).to_string())
            });
            let mut text = tf(
                lang,
                Key::DisputeLine,
                &[("date", &date), ("cause", dispute.cause.label(lang))],
            );
            if let Some(o) = ours {
                text.push(' ');
                text.push_str(&tf(lang, Key::DisputePointsTo, &[("ours", &o)]));
            }
            text
        })
    };
    let ending = move || {
        ui.t(match (dispute.solved, dispute.ambassador) {
            (None, _) => Key::DisputeOpen,
            (Some(true), true) => Key::DisputeAmbassador,
            (Some(true), false) => Key::DisputeSolved,
            (Some(false), _) => Key::DisputeUnsolved,
        })
    };
    let buttons = match dispute.solved {
        None => view! {
            <button
                type="button"
                class="button small"
                on:click=move |_| set(Some(true), false)
                data-testid="dispute-solved"
            >
                {ui.tr(Key::DisputeMarkSolved)}
            </button>
            <button
                type="button"
                class="button small"
                on:click=move |_| set(Some(false), false)
                data-testid="dispute-unsolved"
            >
                {ui.tr(Key::DisputeMarkUnsolved)}
            </button>
        }
        .into_any(),
        Some(true) if !dispute.ambassador => view! {
            <button
                type="button"
                class="button small"
                on:click=move |_| set(Some(true), true)
                data-testid="dispute-ambassador"
            >
                {ui.tr(Key::DisputeMarkAmbassador)}
            </button>
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <li class="dispute" data-testid="dispute">
            <p>{line} " — " <strong data-testid="dispute-ending">{ending}</strong></p>
            <div class="actions">{buttons}</div>
        </li>
    }
}
