//! Banners about storage (failed saves, storage unreadable at start,
//! read-only data, quarantined data, backup reminder) and the undo notice.
//! They say what happened and what to do, in plain words.

use kbr_core::i18n::{tf, Key};
use kbr_core::route::Route;
use kbr_core::storage::codec::StorageFailure;
use leptos::prelude::*;

use crate::lazy::Deferred;
use crate::state::use_ui;
use crate::store::{use_store, StartupProblem};

/// Every storage banner that applies right now. The backup reminder is
/// common and drawn at once; the problem banners are rare, and their code
/// loads when one applies ([`ProblemBanners`]).
#[component]
pub fn StorageBanners() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let problem = move || {
        store.fault().is_some()
            || !store.newer().is_empty()
            || store.quarantined_count() != 0
            || store.startup_problem().is_some()
    };
    view! {
        <div class="banners" aria-live="polite">
            <Show when=problem>
                <Deferred
                    quiet=true
                    load=|| crate::actions::work(crate::actions::Work::ProblemBanners)
                />
            </Show>
            <Show when=move || {
                store.fault().is_none() && store.meta().export_due(store.today())
            }>
                <div class="banner info" data-testid="banner-export-reminder">
                    <p>{ui.tr(Key::BannerExportReminder)}</p>
                    <ExportButton testid="banner-export-reminder-button" />
                </div>
            </Show>
        </div>
    }
}

/// "Download backup": what a banner about saving offers.
#[component]
fn ExportButton(
    /// The button's test id.
    testid: &'static str,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    view! {
        <button
            type="button"
            class="button small"
            data-testid=testid
            on:click=move |_| crate::actions::spawn(
                store,
                ui.lang.get_untracked(),
                crate::actions::change(crate::actions::Work::DownloadBackup),
            )
        >
            {ui.tr(Key::ExportBackup)}
        </button>
    }
}

/// The banners of storage problems: a failed save, data of a newer
/// version, records set aside, storage unreadable at start.
#[component]
pub fn ProblemBanners() -> impl IntoView {
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
        <StartupBanner />
        {move || {
            fault_text()
                .map(|(text, detail)| {
                    view! {
                        <div class="banner danger" role="alert" data-testid="banner-storage">
                            <p>
                                <strong>{ui.tr(Key::BannerNotSaved)}</strong>
                                " "
                                {text}
                            </p>
                            <p class="detail">{detail}</p>
                            <ExportButton testid="banner-export" />
                        </div>
                    }
                })
        }}
        <Show when=move || !store.newer().is_empty()>
            <div class="banner danger" role="alert" data-testid="banner-read-only">
                <p>
                    <strong>{ui.tr(Key::BannerReadOnlyTitle)}</strong>
                    " "
                    {ui.tr(Key::BannerReadOnly)}
                </p>
            </div>
        </Show>
        <Show when=move || store.quarantined_count() != 0>
            <div class="banner warning" role="alert" data-testid="banner-quarantine">
                <p>
                    {move || {
                        tf(
                            ui.lang.get(),
                            Key::BannerQuarantine,
                            &[("n", &store.quarantined_count().to_string())],
                        )
                    }}
                </p>
                <a class="button small" href=Route::Recovery.to_hash()>
                    {ui.tr(Key::BannerQuarantineOpen)}
                </a>
            </div>
        </Show>
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

/// Where the notice at the bottom of the screen appears. A notice follows
/// a change, whose code is loaded by then: so is [`Toast`]'s.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <Show when=move || store.has_notice()>
                <Deferred quiet=true load=|| crate::actions::work(crate::actions::Work::Toast) />
            </Show>
        </div>
    }
}

/// The notice, with "undo" when possible.
#[component]
pub fn Toast() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let undo = move |_| {
        let lang = ui.lang.get_untracked();
        if let Some(undo) = store.take_undo() {
            let workshops = crate::workshops::loaded_workshops();
            crate::actions::spawn(
                store,
                lang,
                crate::actions::change(crate::actions::Work::Undo(store, undo, workshops, lang)),
            );
        }
    };
    view! {
        {move || {
            store
                .notice()
                .map(|(text, has_undo)| {
                    view! {
                        <div class="toast" data-testid="toast">
                            <span>{text}</span>
                            <Show when=move || has_undo>
                                <button
                                    type="button"
                                    class="button small"
                                    data-testid="undo"
                                    on:click=undo
                                >
                                    {ui.tr(Key::Undo)}
                                </button>
                            </Show>
                            <button
                                type="button"
                                class="button small link"
                                aria-label=ui.tr(Key::Close)
                                on:click=move |_| store.dismiss_notice()
                            >
                                "×"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
