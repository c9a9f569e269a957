//! A category choice for a party and direction: the catalogue's and the
//! client's own, with the chosen one's hint. Kept valid when the party or
//! direction changes. Used by the entry form and the booking of an extra.

use kbr_core::catalogue;
use kbr_core::i18n::Key;
use kbr_core::model::{Direction, Party};
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// The select; `category` holds the chosen id.
#[component]
pub fn CategorySelect(
    /// Whose categories.
    #[prop(into)]
    party: Signal<Party>,
    /// Deposits or withdrawals.
    #[prop(into)]
    direction: Signal<Direction>,
    /// The chosen category id.
    category: RwSignal<String>,
    /// The select's element id (for its label) and test id.
    testid: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let options = Memo::new(move |_| {
        let (p, d, lang) = (party.get(), direction.get(), ui.lang.get());
        account.with(|a| catalogue::choices(a, p, d, lang))
    });
    // Keep the chosen category valid for the chosen party and direction.
    Effect::new(move |_| {
        let opts = options.get();
        if !opts.iter().any(|c| c.id == category.get_untracked()) {
            if let Some(c) = opts.first() {
                category.set(c.id.clone());
            }
        }
    });
    let hint = move || {
        options.with(|o| {
            o.iter()
                .find(|c| c.id == category.get())
                .map(|c| c.hint.clone())
        })
    };
    view! {
        <label for=testid>{ui.tr(Key::Category)}</label>
        <select
            id=testid
            data-testid=testid
            prop:value=move || category.get()
            on:change=move |ev| category.set(event_target_value(&ev))
        >
            {move || {
                options
                    .get()
                    .into_iter()
                    .map(|c| {
                        let selected = c.id == category.get_untracked();
                        view! {
                            <option value=c.id selected=selected>
                                {c.label}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
        <small class="muted" data-testid=format!("{testid}-hint")>
            {hint}
        </small>
    }
}
