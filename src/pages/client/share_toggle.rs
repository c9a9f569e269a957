//! Whether this client is kept with the team, switchable where the
//! client is open (shown only with a team set up).

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::sync::connect;
use crate::state::team::use_team;
use crate::state::ui::use_ui;

/// "Shared with the team", a switch.
#[component]
pub fn ShareToggle() -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let Some(team) = use_team() else {
        return ().into_any();
    };
    let (id, toggle_id) = (ctx.id.clone(), ctx.id.clone());
    view! {
        <Show when=move || team.connected()>
            <label class="check no-print">
                <input
                    type="checkbox"
                    data-testid="client-share"
                    prop:checked={
                        let id = id.clone();
                        move || team.is_shared(&id)
                    }
                    on:change={
                        let id = toggle_id.clone();
                        move |ev| connect::share(team, &id, event_target_checked(&ev))
                    }
                />
                <span>{ui.tr(Key::TeamShare)}</span>
            </label>
        </Show>
    }
    .into_any()
}
