//! A client's return link, opened on the sender's device.

use kbr_core::command::Command;
use kbr_core::i18n::{tf, Key};
use kbr_core::invite::code::Return;
use kbr_core::invite::rounds::{client_return, find_round};
use kbr_core::model::RoundId;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use super::{already_added, refused};
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Where the answers of `ret` go: their client's invite round in this
/// browser, with "add"; or that they are there already; or why not.
pub(super) fn client_target(ret: Return, error: RwSignal<Option<String>>) -> AnyView {
    let ui = use_ui();
    let store = use_store();
    let round = RoundId(ret.session);
    let accounts = store.accounts_now();
    let Some((account, r)) = find_round(&accounts, round) else {
        return refused(move || ui.t(Key::ReturnNoRound).to_string());
    };
    let answer = match client_return(&ret, store.today()) {
        Ok(answer) => answer,
        Err(e) => return refused(move || e.message(ui.lang.get())),
    };
    let client = account.client.id.clone();
    let to_round = Route::Client {
        id: client.clone(),
        tab: ClientTab::ClientView,
    };
    if let Some(day) = r.added_on(&answer) {
        return already_added(day, to_round.to_hash()).into_any();
    }
    let name = account.client.name.clone();
    let add = move |_| {
        let lang = ui.lang.get_untracked();
        let cmd = Command::AddClientReturn {
            round,
            answer: Box::new(answer.clone()),
        };
        match store.act(&client, cmd, ui.t(Key::ReturnAdded).to_string()) {
            Ok(()) => ui.go(to_round.clone()),
            Err(e) => error.set(Some(e.messages(lang).join(" "))),
        }
    };
    view! {
        <p data-testid="return-target">
            {move || tf(ui.lang.get(), Key::ReturnForClient, &[("client", &name)])}
        </p>
        <button type="button" class="button primary" on:click=add data-testid="return-add">
            {ui.tr(Key::ReturnAdd)}
        </button>
    }
    .into_any()
}
