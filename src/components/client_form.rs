//! Create or edit a client's details.

use kbr_core::command::{new_account, Command};
use kbr_core::i18n::Key;
use kbr_core::model::{dates, ClientId};
use kbr_core::validate::ClientDraft;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::state::browser;
use crate::state::store::{use_store, DispatchError};
use crate::state::ui::use_ui;

/// The client form. With `existing`, it edits that client; otherwise it
/// creates one. `on_done` receives the client's id, or `None` on cancel.
#[component]
pub fn ClientForm(
    /// The client to edit, or `None` to create one.
    existing: Option<ClientId>,
    /// Called after saving (with the id) or cancelling (`None`).
    on_done: Callback<Option<ClientId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let initial = existing
        .as_ref()
        .and_then(|id| store.peek_account(id, |a| ClientDraft::from(&a.client)))
        .unwrap_or_default();
    let name = RwSignal::new(initial.name.clone());
    let organisation = RwSignal::new(initial.organisation.clone());
    let manager = RwSignal::new(initial.account_manager.clone());
    let sponsor = RwSignal::new(initial.sponsor.clone());
    let start = RwSignal::new(
        initial
            .start_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let notes = RwSignal::new(initial.notes.clone());
    let errors = RwSignal::new(Vec::<String>::new());
    let is_edit = existing.is_some();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ClientDraft {
            name: name.get_untracked(),
            organisation: organisation.get_untracked(),
            account_manager: manager.get_untracked(),
            sponsor: sponsor.get_untracked(),
            start_date: dates::parse_input(&start.get_untracked()),
            notes: notes.get_untracked(),
        };
        let lang = ui.lang.get_untracked();
        let result = match &existing {
            Some(id) => store
                .dispatch(id, Command::EditClient(draft))
                .map(|_| id.clone()),
            None => match new_account(ClientId::from_random(browser::random_bits()), &draft) {
                Ok(account) => {
                    let id = account.client.id.clone();
                    store.create(account, None).map(|_| id)
                }
                Err(e) => Err(DispatchError::Command(
                    kbr_core::command::CommandError::Client(e),
                )),
            },
        };
        match result {
            Ok(id) => on_done.run(Some(id)),
            Err(e) => errors.set(e.messages(lang)),
        }
    };

    let field = move |label: Key, value: RwSignal<String>, testid: &'static str, required: bool| {
        view! {
            <label class="field">
                <span>{move || ui.t(label)}{required.then_some(" *")}</span>
                <input
                    type="text"
                    data-testid=testid
                    prop:value=move || value.get()
                    required=required
                    maxlength="120"
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </label>
        }
    };

    view! {
        <form class="panel form client-form" data-testid="client-form" on:submit=submit novalidate>
            <h2>{move || ui.t(if is_edit { Key::EditClient } else { Key::NewClient })}</h2>
            <div class="grid two">
                {field(Key::FieldName, name, "client-name", true)}
                {field(Key::FieldOrganisation, organisation, "client-organisation", false)}
                {field(Key::FieldAccountManager, manager, "client-manager", false)}
                {field(Key::FieldSponsor, sponsor, "client-sponsor", false)} <label class="field">
                    <span>{ui.tr(Key::FieldStartDate)}</span>
                    <input
                        type="date"
                        data-testid="client-start"
                        prop:value=move || start.get()
                        on:input=move |ev| start.set(event_target_value(&ev))
                    />
                </label>
            </div>
            <label class="field">
                <span>{ui.tr(Key::FieldNotes)}</span>
                <textarea
                    data-testid="client-notes"
                    rows="3"
                    prop:value=move || notes.get()
                    on:input=move |ev| notes.set(event_target_value(&ev))
                ></textarea>
            </label>
            <ErrorList errors=errors testid="form-errors" />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="client-save">
                    {ui.tr(Key::Save)}
                </button>
                <button type="button" class="button" on:click=move |_| on_done.run(None)>
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </form>
    }
}
