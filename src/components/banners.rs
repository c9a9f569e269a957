//! Banners about storage (failed saves, disabled storage, read-only data,
//! quarantined data, conflicts between tabs, backup reminder) and the
//! undo notice. They say what happened and what to do, in plain words.

use kbr_core::codec::StorageFailure;
use kbr_core::i18n::{tf, Key};
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::browser;
use crate::state::use_ui;
use crate::store::use_store;

/// Downloads the full JSON backup (used by banners and the data page).
pub fn download_backup() {
    let store = use_store();
    let text = store.export_backup();
    let name = kbr_core::backup::file_name(store.today);
    if let Err(e) = browser::download(&name, "application/json", &text) {
        leptos::logging::warn!("download failed: {e:?}");
    }
}

/// Every storage banner that applies right now.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let fault_text = move || {
        store.fault.get().map(|f| {
            let key = match f.kind {
                StorageFailure::Quota => Key::BannerQuota,
                StorageFailure::Disabled => Key::BannerDisabled,
                StorageFailure::Other => Key::BannerWriteFailed,
            };
            (ui.t(key), f.detail)
        })
    };
    let conflict_ids = move || store.conflicts.get().into_iter().collect::<Vec<_>>();
    view! {
        <div class="banners" aria-live="polite">
            {move || fault_text().map(|(text, detail)| view! {
                <div class="banner danger" role="alert" data-testid="banner-storage">
                    <p><strong>{move || ui.t(Key::BannerNotSaved)}</strong>" "{text}</p>
                    <p class="detail">{detail}</p>
                    <button type="button" class="button small" data-testid="banner-export"
                        on:click=move |_| download_backup()>{move || ui.t(Key::ExportBackup)}</button>
                </div>
            })}
            <Show when=move || !store.newer.get().is_empty()>
                <div class="banner danger" role="alert" data-testid="banner-read-only">
                    <p><strong>{move || ui.t(Key::BannerReadOnlyTitle)}</strong>" "{move || ui.t(Key::BannerReadOnly)}</p>
                </div>
            </Show>
            <Show when=move || !store.quarantined.get().is_empty()>
                <div class="banner warning" role="alert" data-testid="banner-quarantine">
                    <p>{move || tf(ui.lang.get(), Key::BannerQuarantine, &[("n", &store.quarantined.get().len().to_string())])}</p>
                    <a class="button small" href=Route::Recovery.to_hash()>{move || ui.t(Key::BannerQuarantineOpen)}</a>
                </div>
            </Show>
            <For each=conflict_ids key=|id| id.clone() let:id>
                {
                    let name = {
                        let id = id.clone();
                        move || store.read(&id, |a| a.client.name.clone()).unwrap_or_default()
                    };
                    let merge_id = id.clone();
                    let theirs_id = id.clone();
                    view! {
                        <div class="banner warning" role="alert" data-testid="banner-conflict">
                            <p>{move || tf(ui.lang.get(), Key::BannerConflict, &[("client", &name())])}</p>
                            <div class="actions">
                                <button type="button" class="button small primary" data-testid="conflict-merge"
                                    on:click=move |_| store.merge_with_theirs(&merge_id)>{move || ui.t(Key::ConflictMerge)}</button>
                                <button type="button" class="button small" data-testid="conflict-theirs"
                                    on:click=move |_| store.take_theirs(&theirs_id)>{move || ui.t(Key::ConflictTheirs)}</button>
                            </div>
                        </div>
                    }
                }
            </For>
            <Show when=move || {
                store.fault.get().is_none()
                    && store.meta.get().export_due(store.today, store.accounts.with(|v| v.iter().any(|a| !a.client.demo)))
            }>
                <div class="banner info" data-testid="banner-export-reminder">
                    <p>{move || ui.t(Key::BannerExportReminder)}</p>
                    <button type="button" class="button small" on:click=move |_| download_backup()>
                        {move || ui.t(Key::ExportBackup)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The notice at the bottom of the screen, with "undo" when possible.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || store.notice.get().map(|n| {
                let has_undo = n.undo.is_some();
                view! {
                    <div class="toast" data-testid="toast">
                        <span>{n.text}</span>
                        <Show when=move || has_undo>
                            <button type="button" class="button small" data-testid="undo"
                                on:click=move |_| store.undo()>{move || ui.t(Key::Undo)}</button>
                        </Show>
                        <button type="button" class="button small link" aria-label=move || ui.t(Key::Close)
                            on:click=move |_| store.notice.set(None)>"×"</button>
                    </div>
                }
            })}
        </div>
    }
}
