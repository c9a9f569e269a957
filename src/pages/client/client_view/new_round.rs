//! A new client invite: who asks (shown to the client) and the language the
//! client answers in.

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::invite::code::TITLE_MAX;
use kbr_core::model::RoundId;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::lang_picker::LangPicker;
use crate::state::browser;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Starts a round.
#[component]
pub fn NewRoundForm() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let sender = RwSignal::new(
        ctx.account
            .with_untracked(|a| a.client.account_manager.clone()),
    );
    let lang = RwSignal::new(ui.lang.get_untracked());
    let errors = RwSignal::new(Vec::<String>::new());
    let id = ctx.id.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = Command::CreateRound {
            id: RoundId::from_random(browser::random_bits()),
            lang: lang.get_untracked(),
            sender: sender.get_untracked(),
        };
        match store.act(&id, cmd, ui.t(Key::RoundCreated).to_string()) {
            Ok(()) => errors.set(Vec::new()),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    view! {
        <form class="form panel" on:submit=create novalidate data-testid="new-round">
            <h3>{ui.tr(Key::RoundNew)}</h3>
            <label class="field">
                <span>{ui.tr(Key::RoundSender)}</span>
                <input
                    type="text"
                    maxlength=TITLE_MAX.to_string()
                    data-testid="round-sender"
                    aria-describedby="round-sender-hint"
                    prop:value=move || sender.get()
                    on:input=move |ev| sender.set(event_target_value(&ev))
                />
            </label>
            <p id="round-sender-hint" class="muted small">
                {ui.tr(Key::RoundSenderHint)}
            </p>
            <LangPicker name="round-lang" legend=Key::RoundLanguage lang=lang />
            <ErrorList errors=errors />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="round-create">
                    {ui.tr(Key::RoundCreate)}
                </button>
            </div>
        </form>
    }
}
