//! Unreadable data that was moved aside at start-up: explained, offered as a
//! download, and deleted only when the user asks.

use kbr_core::i18n::{tf, Key};
use leptos::prelude::*;

use crate::browser;
use crate::state::use_ui;
use crate::storage;
use crate::store::use_store;

/// The recovery page.
#[component]
pub fn RecoveryPage() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    view! {
        <section class="panel" data-testid="recovery">
            <h1>{move || ui.t(Key::RecoveryTitle)}</h1>
            <p>{move || ui.t(Key::RecoveryIntro)}</p>
            <Show when=move || store.quarantined.with(Vec::is_empty)>
                <p class="muted">{move || ui.t(Key::RecoveryNone)}</p>
            </Show>
            <ul class="quarantine-list">
                {move || store.quarantined.get().into_iter().enumerate().map(|(i, q)| {
                    let lang = ui.lang.get();
                    let raw = q.raw.clone();
                    let key = q.key.clone();
                    let name = format!("klantbankrekening-onleesbaar-{}.txt", i + 1);
                    view! {
                        <li class="panel" data-testid="quarantine-item">
                            <p><strong>{q.original.clone()}</strong></p>
                            <p>{q.reason.message(lang)}</p>
                            <p class="muted small">{tf(lang, Key::RecoverySize, &[("n", &q.raw.chars().count().to_string()), ("key", &q.key)])}</p>
                            <div class="actions">
                                <button type="button" class="button primary" data-testid="quarantine-download"
                                    on:click=move |_| { let _ = browser::download(&name, "text/plain;charset=utf-8", &raw); }>{move || ui.t(Key::Download)}</button>
                                <button type="button" class="button danger" data-testid="quarantine-delete" on:click=move |_| {
                                    if storage::delete_quarantined(&key).is_ok() {
                                        store.quarantined.update(|v| v.retain(|x| x.key != key));
                                    }
                                }>{move || ui.t(Key::RecoveryDelete)}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
