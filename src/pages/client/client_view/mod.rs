//! Asking the client: a client invite per round (link, QR and a message to
//! send), the client's answers pasted back, kept closed until our own
//! self-assessment of the round exists (blind), and then the trust gap per
//! principle, the client's own words, the gap per round over time, and the
//! choice to book an answer as an entry.

mod answers;
mod gap;
mod history;
mod new_round;
mod paste;
mod round;

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::ui::use_ui;
use history::GapHistory;
use new_round::NewRoundForm;
use round::RoundCard;

/// The client-view tab.
#[component]
pub fn ClientViewTab() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let account = ctx.account;
    let rounds = Memo::new(move |_| {
        account.with(|a| a.rounds.iter().rev().map(|r| r.id).collect::<Vec<_>>())
    });
    view! {
        <section class="client-view" data-testid="client-view">
            <h2>{ui.tr(Key::ClientViewTitle)}</h2>
            <p class="muted">{ui.tr(Key::ClientViewIntro)}</p>
            <NewRoundForm />
            <GapHistory />
            <For each=move || rounds.get() key=|id| *id let:id>
                <RoundCard id=id />
            </For>
        </section>
    }
}
