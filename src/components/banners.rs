//! Banners about storage (failed saves, storage unreadable at start,
//! read-only data, quarantined data, backup reminder) and the undo notice.
//! They say what happened and what to do, in plain words.

use kbr_core::i18n::{tf, Key};
use kbr_core::route::Route;
use kbr_core::storage::codec::StorageFailure;
use leptos::prelude::*;

use crate::components::downloads::download_backup;
use crate::state::use_ui;
use crate::store::{use_store, StartupProblem, Undo};
use crate::workshops::Workshops;

/// Every storage banner that applies right now.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let fault_text = move || {
        store.fault().map(|f| {
            let key = match f.kind {
                StorageFailure::Quota => Key::BannerQuota,
                StorageFailure::Disabled => Key::BannerDisabled,
                StorageFailure::Other => Key::BannerWriteFailed,
            };
            (ui.t(key), f.detail)
        })
    };
    view! {
        <div class="banners" aria-live="polite">
            <StartupBanner />
            {move || {
                fault_text()
                    .map(|(text, detail)| {
                        view! {
                            <div class="banner danger" role="alert" data-testid="banner-storage">
                                <p>
                                    <strong>{move || ui.t(Key::BannerNotSaved)}</strong>
                                    " "
                                    {text}
                                </p>
                                <p class="detail">{detail}</p>
                                <button
                                    type="button"
                                    class="button small"
                                    data-testid="banner-export"
                                    on:click=move |_| download_backup()
                                >
                                    {move || ui.t(Key::ExportBackup)}
                                </button>
                            </div>
                        }
                    })
            }}
            <Show when=move || !store.newer().is_empty()>
                <div class="banner danger" role="alert" data-testid="banner-read-only">
                    <p>
                        <strong>{move || ui.t(Key::BannerReadOnlyTitle)}</strong>
                        " "
                        {move || ui.t(Key::BannerReadOnly)}
                    </p>
                </div>
            </Show>
            <Show when=move || !store.quarantined().is_empty()>
                <div class="banner warning" role="alert" data-testid="banner-quarantine">
                    <p>
                        {move || {
                            tf(
                                ui.lang.get(),
                                Key::BannerQuarantine,
                                &[("n", &store.quarantined().len().to_string())],
                            )
                        }}
                    </p>
                    <a class="button small" href=Route::Recovery.to_hash()>
                        {move || ui.t(Key::BannerQuarantineOpen)}
                    </a>
                </div>
            </Show>
            <Show when=move || {
                store.fault().is_none() && store.meta().export_due(store.today())
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

/// What went wrong reading storage at start-up: never silently an empty app.
#[component]
fn StartupBanner() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    move || {
        store.startup_problem().map(|p| {
            let text = match p {
                StartupProblem::Unreadable(f) => tf(
                    ui.lang.get(),
                    Key::BannerStartupUnreadable,
                    &[("detail", &f.detail)],
                ),
                StartupProblem::Records(keys) => tf(
                    ui.lang.get(),
                    Key::BannerStartupRecords,
                    &[("n", &keys.len().to_string())],
                ),
            };
            view! {
                <div class="banner danger" role="alert" data-testid="banner-startup">
                    <p>{text}</p>
                </div>
            }
        })
    }
}

/// The notice at the bottom of the screen, with "undo" when possible.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let workshops = use_context::<Workshops>();
    let undo = move |_| {
        let lang = ui.lang.get_untracked();
        let result = match (store.take_undo(), workshops) {
            (Some(Undo::Session(id, inverse)), Some(w)) => w.apply(id, *inverse, lang).map(|_| ()),
            (Some(Undo::SessionDeleted(s)), Some(w)) => w.restore(*s),
            (Some(other), _) => store.undo(other).map_err(|e| e.messages(lang).join(" ")),
            (None, _) => Ok(()),
        };
        if let Err(e) = result {
            store.notify(e, None);
        }
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                store
                    .notice()
                    .map(|n| {
                        let has_undo = n.undo.is_some();
                        view! {
                            <div class="toast" data-testid="toast">
                                <span>{n.text}</span>
                                <Show when=move || has_undo>
                                    <button
                                        type="button"
                                        class="button small"
                                        data-testid="undo"
                                        on:click=undo
                                    >
                                        {move || ui.t(Key::Undo)}
                                    </button>
                                </Show>
                                <button
                                    type="button"
                                    class="button small link"
                                    aria-label=move || ui.t(Key::Close)
                                    on:click=move |_| store.dismiss_notice()
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
