//! Unreadable data that was moved aside at start-up: explained, offered as
//! a download, and deleted only when the user asks (through the store).

use kbr_core::i18n::{shorten, tf, Key};
use leptos::prelude::*;

use crate::state::browser;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The recovery page.
#[component]
pub fn RecoveryPage() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    // Workshop sessions are read on first use: reading them here sets an
    // unreadable one aside and lists it below.
    crate::state::workshops::use_workshops();
    view! {
        <section class="panel" data-testid="recovery">
            <h1>{ui.tr(Key::RecoveryTitle)}</h1>
            <p>{ui.tr(Key::RecoveryIntro)}</p>
            <Show when=move || store.quarantined().is_empty()>
                <p class="muted">{ui.tr(Key::RecoveryNone)}</p>
            </Show>
            <ul class="quarantine-list">
                {move || {
                    store
                        .quarantined()
                        .into_iter()
                        .enumerate()
                        .map(|(i, q)| {
                            let lang = ui.lang.get();
                            let (raw, key) = (q.raw.clone(), q.key.clone());
                            let name = format!("klantbankrekening-onleesbaar-{}.txt", i + 1);
                            let delete = move |_| {
                                if let Err(f) = store.delete_quarantined(&key) {
                                    store.notify(f.detail, None);
                                }
                            };
                            view! {
                                <li class="panel" data-testid="quarantine-item">
                                    <p class="user-text">
                                        <strong>{shorten(&q.original, 120)}</strong>
                                    </p>
                                    <p>
                                        {q
                                            .reason
                                            .clone()
                                            .unwrap_or_else(|| crate::state::persist::local::reason_of(
                                                &q.raw,
                                            ))
                                            .message(lang)}
                                    </p>
                                    <p class="muted small user-text">
                                        {tf(
                                            lang,
                                            Key::RecoverySize,
                                            &[
                                                ("n", &q.length.to_string()),
                                                ("key", &shorten(&q.key, 120)),
                                            ],
                                        )}
                                    </p>
                                    <div class="actions">
                                        <button
                                            type="button"
                                            class="button primary"
                                            data-testid="quarantine-download"
                                            on:click=move |_| {
                                                let _ = browser::download_value(
                                                    &name,
                                                    "text/plain;charset=utf-8",
                                                    &raw,
                                                );
                                            }
                                        >
                                            {ui.tr(Key::Download)}
                                        </button>
                                        <button
                                            type="button"
                                            class="button danger"
                                            data-testid="quarantine-delete"
                                            on:click=delete
                                        >
                                            {ui.tr(Key::RecoveryDelete)}
                                        </button>
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// The page's entry point, registered by the router (`routes.rs`): the recovery page (records set aside).
pub fn page(route: kbr_core::route::Route) -> AnyView {
    let _ = route;
    view! { <RecoveryPage /> }.into_any()
}
