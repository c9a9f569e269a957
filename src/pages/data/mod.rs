//! Backup and import, ledger exports, and what the browser says about
//! protecting the data.

use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::Account;
use kbr_core::storage::backup::{self, Backup, ImportMode, ImportPlan, MAX_IMPORT_BYTES};
use leptos::prelude::*;

mod team;

use crate::components::deferred::Deferred;
use crate::components::downloads::{download_ledger, LedgerExports};
use crate::components::file_button::FileButton;
use crate::pages::calendar::{calendar_import, CalendarExport};
use crate::state::browser;
use crate::state::store::{use_store, ImportRefused};
use crate::state::ui::use_ui;
use team::TeamPanel;

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <Exports />
        <TeamPanel />
        <ImportPanel />
        <CalendarPanel />
        <StorageStatus />
    }
}

/// The backup and the ledger exports of all clients.
#[component]
fn Exports() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let export = move |format| {
        let accounts = store.accounts_now();
        let refs: Vec<&Account> = accounts.iter().collect();
        download_ledger(&refs, format, ui.lang.get_untracked(), None);
    };
    view! {
        <section class="panel" data-testid="data-page">
            <h1>{ui.tr(Key::NavData)}</h1>
            <p>{ui.tr(Key::DataIntro)}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    data-testid="export-json"
                    on:click=move |_| {
                        let sessions = crate::state::workshops::use_workshops().all_now();
                        store.download_backup(&sessions);
                    }
                >
                    {ui.tr(Key::ExportBackup)}
                </button>
                <LedgerExports on_export=Callback::new(export) testid="export" />
            </div>
            <p class="muted small" data-testid="last-export">
                {move || {
                    let lang = ui.lang.get();
                    let meta = store.meta();
                    match meta.last_export {
                        Some(d) => {
                            tf(
                                lang,
                                Key::LastExport,
                                &[
                                    ("date", &format_date(d, lang)),
                                    ("n", &meta.changes_since_export.to_string()),
                                ],
                            )
                        }
                        None => ui.t(Key::NeverExported).to_string(),
                    }
                }}
            </p>
        </section>
    }
}

/// Where an import stands.
#[derive(Clone)]
enum ImportState {
    Idle,
    Reading,
    /// The file was refused: one sentence and the list of problems.
    Failed(String, Vec<String>),
    /// Valid: waiting for the user's choice.
    Ready(Box<Backup>),
    Done(String),
}

/// Choose a file, see what it would do, confirm.
#[component]
fn ImportPanel() -> impl IntoView {
    let ui = use_ui();
    let state = RwSignal::new(ImportState::Idle);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let lang = ui.lang.get_untracked();
        state.set(ImportState::Reading);
        leptos::task::spawn_local(async move {
            let result = match browser::read_file(file, MAX_IMPORT_BYTES).await {
                Err(size) => Err(backup::ImportError::TooLarge(size)),
                Ok((text, size)) => backup::parse(&text, size),
            };
            state.set(match result {
                Ok(b) => ImportState::Ready(Box::new(b)),
                Err(e) => {
                    let lines = match &e {
                        backup::ImportError::Problems(p) => {
                            p.iter().take(50).map(|p| p.message(lang)).collect()
                        }
                        _ => Vec::new(),
                    };
                    ImportState::Failed(e.message(lang), lines)
                }
            });
        });
    };
    view! {
        <section class="panel" data-testid="import">
            <h2>{ui.tr(Key::ImportTitle)}</h2>
            <p>{ui.tr(Key::ImportIntro)}</p>
            <p>
                <FileButton
                    label=Key::ImportChoose
                    accept="application/json,.json"
                    testid="import-file"
                    on_change=Callback::new(on_file)
                />
            </p>
            {move || match state.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Reading => {
                    view! {
                        <p class="muted" role="status" data-testid="import-busy">
                            {ui.t(Key::ImportBusy)}
                        </p>
                    }
                        .into_any()
                }
                ImportState::Done(msg) => {
                    view! {
                        <p class="ok" role="status" data-testid="import-done">
                            {msg}
                        </p>
                    }
                        .into_any()
                }
                ImportState::Failed(msg, lines) => {
                    view! {
                        <div class="banner danger" role="alert" data-testid="import-error">
                            <p>{msg}</p>
                            <ul class="problems user-text">
                                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                        .into_any()
                }
                ImportState::Ready(b) => view! { <ImportPreview backup=b state=state /> }.into_any(),
            }}
        </section>
    }
}

/// What a valid file would do, merge or replace, and the confirmation.
#[component]
fn ImportPreview(
    /// The checked file.
    backup: Box<Backup>,
    /// Set to the outcome.
    state: RwSignal<ImportState>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let mode = RwSignal::new(ImportMode::Merge);
    let file = StoredValue::new(backup);
    let plan =
        Memo::new(move |_| file.with_value(|b| backup::plan(&store.client_ids(), b, mode.get())));
    let workshops = crate::state::workshops::use_workshops();
    let confirm = move |_| {
        let lang = ui.lang.get_untracked();
        let mut b = file.get_value();
        let n = b.clients.len();
        let sessions = std::mem::take(&mut b.workshops);
        // The preview (and its signals) goes away with the next state.
        let chosen = mode.get_untracked();
        state.set(ImportState::Reading);
        leptos::task::spawn_local(async move {
            state.set(match store.import(*b, chosen).await {
                Ok(stored) => {
                    let mut text = tf(lang, Key::ImportDone, &[("n", &stored.to_string())]);
                    if !sessions.is_empty() {
                        match workshops.import(sessions) {
                            Ok(k) => {
                                text.push(' ');
                                text.push_str(&tf(
                                    lang,
                                    Key::ImportSessions,
                                    &[("n", &k.to_string())],
                                ));
                            }
                            Err(e) => return state.set(ImportState::Failed(e, Vec::new())),
                        }
                    }
                    ImportState::Done(text)
                }
                Err(ImportRefused::ReadOnly) => ImportState::Failed(
                    Key::ImportRefusedReadOnly.text(lang).to_string(),
                    Vec::new(),
                ),
                Err(ImportRefused::Fault(stored)) => ImportState::Failed(
                    tf(
                        lang,
                        Key::ImportNotStored,
                        &[("stored", &stored.to_string()), ("n", &n.to_string())],
                    ),
                    Vec::new(),
                ),
            });
        });
    };
    view! {
        <div class="preview" data-testid="import-preview">
            <fieldset>
                <legend>{ui.tr(Key::ImportMode)}</legend>
                <label class="check">
                    <input
                        type="radio"
                        name="mode"
                        data-testid="mode-merge"
                        prop:checked=move || mode.get() == ImportMode::Merge
                        on:change=move |_| mode.set(ImportMode::Merge)
                    />
                    {ui.tr(Key::ImportMerge)}
                </label>
                <label class="check">
                    <input
                        type="radio"
                        name="mode"
                        data-testid="mode-replace"
                        prop:checked=move || mode.get() == ImportMode::Replace
                        on:change=move |_| mode.set(ImportMode::Replace)
                    />
                    {ui.tr(Key::ImportReplace)}
                </label>
            </fieldset>
            <p data-testid="import-plan">
                {move || {
                    let p: ImportPlan = plan.get();
                    tf(
                        ui.lang.get(),
                        Key::ImportPlanText,
                        &[
                            ("added", &p.added.to_string()),
                            ("replaced", &p.replaced.to_string()),
                            ("removed", &p.removed.to_string()),
                            ("kept", &p.kept.to_string()),
                            ("entries", &p.entries.to_string()),
                            ("moments", &p.moments.to_string()),
                            ("assessments", &p.assessments.to_string()),
                        ],
                    )
                }}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    data-testid="import-confirm"
                    on:click=confirm
                >
                    {ui.tr(Key::ImportConfirm)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="import-cancel"
                    on:click=move |_| state.set(ImportState::Idle)
                >
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </div>
    }
}

/// The calendar of all clients, and a calendar export taken over as
/// moments on a client the user picks.
#[component]
fn CalendarPanel() -> impl IntoView {
    let ui = use_ui();
    view! {
        <section class="panel" data-testid="calendar">
            <h2>{ui.tr(Key::CalendarTitleSection)}</h2>
            <p>{ui.tr(Key::CalendarIntro)}</p>
            <CalendarExport client=None testid="calendar" />
            <h3>{ui.tr(Key::CalendarImportTitle)}</h3>
            <Deferred load=|| calendar_import(None) />
        </section>
    }
}

/// Whether the browser protects the storage, and what to do about it.
#[component]
fn StorageStatus() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    view! {
        <section class="panel" data-testid="storage-status">
            <h2>{ui.tr(Key::StorageTitle)}</h2>
            <p data-testid="persisted">
                {move || {
                    ui.t(
                        match store.persisted() {
                            Some(true) => Key::PersistedYes,
                            Some(false) => Key::PersistedNo,
                            None => Key::PersistedUnknown,
                        },
                    )
                }}
            </p>
            {browser::is_safari_like()
                .then(|| {
                    view! {
                        <p class="banner warning" data-testid="safari-note">
                            {ui.tr(Key::SafariNote)}
                        </p>
                    }
                })}
            <p class="muted">{ui.tr(Key::BackupAdvice)}</p>
        </section>
    }
}

/// The page's entry point, registered by the router (`routes.rs`): the data page (backup, import, exports).
pub fn page(route: kbr_core::route::Route) -> AnyView {
    let _ = route;
    view! { <DataPage /> }.into_any()
}
