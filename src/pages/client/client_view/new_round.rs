//! A new client invite: who asks (shown to the client), the language the
//! client answers in, and whether a Dutch client is addressed with "u" or
//! "je".

use kbr_core::command::Command;
use kbr_core::i18n::{Key, Register};
use kbr_core::invite::code::TITLE_MAX;
use kbr_core::invite::rounds::sender_line;
use kbr_core::model::RoundId;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::components::lang_picker::{LangPicker, RegisterPicker};
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
    // Our account manager is the likely sender; the organisation is ours
    // to type (the app keeps none of its own).
    let person = RwSignal::new(
        ctx.account
            .with_untracked(|a| a.client.account_manager.clone()),
    );
    let organisation = RwSignal::new(String::new());
    let lang = RwSignal::new(ui.lang.get_untracked());
    // "u" unless the sender says otherwise: the safe default in Dutch
    // business mail.
    let register = RwSignal::new(Register::Formal);
    let errors = RwSignal::new(Vec::<String>::new());
    let id = ctx.id.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ui_lang = ui.lang.get_untracked();
        let sender = match sender_line(&person.get_untracked(), &organisation.get_untracked()) {
            Ok(line) => line,
            Err(e) => {
                errors.set(e.iter().map(|e| e.message(ui_lang)).collect());
                return;
            }
        };
        let cmd = Command::CreateRound {
            id: RoundId::from_random(browser::random_bits()),
            lang: lang.get_untracked(),
            sender,
            register: register.get_untracked(),
        };
        match store.act(&id, cmd, ui.t(Key::RoundCreated).to_string()) {
            Ok(()) => errors.set(Vec::new()),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    // The two parts of who asks: required, described by one hint.
    let sender_field = move |label: Key, testid: &'static str, value: RwSignal<String>| {
        view! {
            <label class="field">
                <span>{ui.tr(label)}</span>
                <input
                    type="text"
                    required
                    maxlength=TITLE_MAX.to_string()
                    data-testid=testid
                    aria-describedby="round-sender-hint"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </label>
        }
    };
    view! {
        <form class="form panel" on:submit=create novalidate data-testid="new-round">
            <h3>{ui.tr(Key::RoundNew)}</h3>
            <fieldset class="field-group">
                <legend>{ui.tr(Key::RoundSender)}</legend>
                <p id="round-sender-hint" class="muted small">
                    {ui.tr(Key::RoundSenderHint)}
                </p>
                {sender_field(Key::FieldPerson, "round-person", person)}
                {sender_field(Key::FieldOrganisation, "round-organisation", organisation)}
            </fieldset>
            <LangPicker name="round-lang" legend=Key::RoundLanguage lang=lang />
            <RegisterPicker name="round-register" register=register />
            <ErrorList errors=errors />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="round-create">
                    {ui.tr(Key::RoundCreate)}
                </button>
            </div>
        </form>
    }
}
