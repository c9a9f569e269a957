//! Saves a revealed group result onto a client, as one dated assessment per
//! exercise marked as a group result: it then shows in that client's
//! history beside the self-assessments.

use kbr_core::command::Command;
use kbr_core::i18n::{tf, Key};
use kbr_core::model::{dates, ClientId, ResponseId, RoundId};
use kbr_core::questionnaires::engine::Use;
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// Client picker, date and "save".
#[component]
pub fn SaveToClient(
    /// The session.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let workshops = use_workshops();
    let clients =
        Memo::new(move |_| store.map_digests(|d| (d.client.id.clone(), d.client.name.clone())));
    let chosen = RwSignal::new(String::new());
    let date = RwSignal::new(store.today().to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let Some(client) = ClientId::parse(&chosen.get_untracked()) else {
            errors.set(vec![ui.t(Key::SaveGroupPickClient).to_string()]);
            return;
        };
        let commands: Vec<Command> = workshops
            .with(id, |s| {
                s.definitions()
                    .into_iter()
                    .filter(|d| matches!(d.usage, Use::Assessment | Use::Scan))
                    .filter_map(|d| {
                        let (answers, group) = s.as_assessment(d)?;
                        Some(Command::AddAssessment {
                            id: ResponseId(store.new_id()),
                            definition: d.id.to_string(),
                            date: dates::parse_input(&date.get_untracked()),
                            answers,
                            round: None,
                            group: Some(group),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if commands.is_empty() {
            errors.set(vec![ui.t(Key::SaveGroupNothing).to_string()]);
            return;
        }
        let name = clients
            .with_untracked(|c| c.iter().find(|(i, _)| *i == client).map(|(_, n)| n.clone()));
        let done = tf(
            lang,
            Key::SaveGroupDone,
            &[("client", &name.unwrap_or_default())],
        );
        match store.act(&client, Command::Batch(commands), done) {
            Ok(()) => errors.set(Vec::new()),
            Err(e) => errors.set(e.messages(lang)),
        }
    };
    view! {
        <form class="form panel no-print" on:submit=save novalidate data-testid="save-to-client">
            <h2>{ui.tr(Key::SaveGroupTitle)}</h2>
            <p class="muted">{ui.tr(Key::SaveGroupHelp)}</p>
            <div class="inline-form">
                <label class="field">
                    <span>{ui.tr(Key::SaveGroupClient)}</span>
                    <select
                        data-testid="save-client"
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || chosen.get().is_empty()>
                            {ui.tr(Key::SaveGroupChoose)}
                        </option>
                        {move || {
                            clients
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let v = id.to_string();
                                    let selected = v.clone();
                                    view! {
                                        <option value=v selected=move || chosen.get() == selected>
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label class="field">
                    <span>{ui.tr(Key::Date)}</span>
                    <input
                        type="date"
                        data-testid="save-date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" class="button primary" data-testid="save-group">
                    {ui.tr(Key::SaveGroupButton)}
                </button>
            </div>
            <ErrorList errors=errors />
        </form>
    }
}
