//! The rare banners of storage problems: a failed save, data of a newer
//! version, records set aside, storage unreadable at start. Their code loads
//! when one applies (`components::rare`).

use kbr_core::i18n::{tf, Key};
use kbr_core::route::Route;
use kbr_core::storage::codec::StorageFailure;
use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::state::store::{use_store, StartupProblem};
use crate::state::ui::use_ui;

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
