//! Which clients are shared with the team, and the documents that arrived
//! and were set aside.

use kbr_core::i18n::{tf, Key};
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::sync::connect;
use crate::state::team::Team;
use crate::state::ui::use_ui;

/// A switch per client: shared with the team or kept here only.
#[component]
pub fn SharedClients(
    /// The team link.
    team: Team,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let rows = move || store.map_digests(|d| (d.client.id.clone(), d.client.name.clone()));
    view! {
        <h3>{ui.tr(Key::TeamClients)}</h3>
        <Show
            when=move || !rows().is_empty()
            fallback=move || view! { <p class="muted">{ui.tr(Key::TeamSharedClientsNone)}</p> }
        >
            <ul class="plain-list" data-testid="team-clients">
                <For each=rows key=|(id, name)| (id.clone(), name.clone()) let:row>
                    {
                        let (id, name) = row;
                        let shared_id = id.clone();
                        let toggle_id = id.clone();
                        view! {
                            <li>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        data-testid=format!("team-share-{}", id.as_str())
                                        prop:checked=move || team.is_shared(&shared_id)
                                        on:change=move |ev| {
                                            connect::share(team, &toggle_id, event_target_checked(&ev))
                                        }
                                    />
                                    <span class="user-text">{name}</span>
                                    <span class="sr-only">{ui.tr(Key::TeamShare)}</span>
                                </label>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}

/// The documents the team sent that were not applied, with the reason.
#[component]
pub fn Quarantined(
    /// The team link.
    team: Team,
) -> impl IntoView {
    let ui = use_ui();
    let list = move || team.quarantined_list();
    view! {
        <Show when=move || !list().is_empty()>
            <div class="banner warning" data-testid="team-quarantine">
                <p>
                    {move || tf(
                        ui.lang.get(),
                        Key::TeamQuarantine,
                        &[("n", &list().len().to_string())],
                    )}
                </p>
                <ul class="problems user-text">
                    {move || {
                        list()
                            .into_iter()
                            .map(|(id, why)| view! { <li>{format!("{id}: {why}")}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
