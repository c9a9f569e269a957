//! Backup and import, ledger exports, storage status and demo data.

use kbr_core::backup::{self, Backup, ImportMode, ImportPlan, MAX_IMPORT_BYTES};
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::Account;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::banners::download_backup;
use crate::state::use_ui;
use crate::store::use_store;

/// Where an import stands.
#[derive(Clone)]
enum ImportState {
    Idle,
    /// The file was refused: one sentence and the list of problems.
    Failed(String, Vec<String>),
    /// Valid: waiting for the user's choice.
    Ready(Box<Backup>),
    Done(String),
}

/// The data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let state = RwSignal::new(ImportState::Idle);
    let mode = RwSignal::new(ImportMode::Merge);

    let export_ledger = move |journal: bool| {
        let lang = ui.lang.get_untracked();
        let text = store.accounts.with_untracked(|v| {
            let refs: Vec<&Account> = v.iter().collect();
            if journal {
                kbr_core::export::ledger_journal(&refs, lang)
            } else {
                kbr_core::export::ledger_csv(&refs, lang)
            }
        });
        let name = format!(
            "klantbankrekening-{}.{}",
            store.today,
            if journal { "journal" } else { "csv" }
        );
        let mime = if journal {
            "text/plain;charset=utf-8"
        } else {
            "text/csv;charset=utf-8"
        };
        let _ = browser::download(&name, mime, &text);
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let lang = ui.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match browser::read_file(file, MAX_IMPORT_BYTES).await {
                Err(size) => Err(backup::ImportError::TooLarge(size)),
                Ok((text, size)) => backup::parse(&text, size, store.today),
            };
            state.set(match result {
                Ok(b) => ImportState::Ready(Box::new(b)),
                Err(e) => {
                    let lines = match &e {
                        backup::ImportError::Problems(p) => {
                            p.iter().map(|p| p.message(lang)).collect()
                        }
                        _ => Vec::new(),
                    };
                    ImportState::Failed(e.message(lang), lines)
                }
            });
        });
    };

    let plan = Memo::new(move |_| match state.get() {
        ImportState::Ready(b) => store
            .accounts
            .with(|v| Some(backup::plan(v, &b, mode.get()))),
        _ => None,
    });

    view! {
        <section class="panel" data-testid="data-page">
            <h1>{move || ui.t(Key::NavData)}</h1>
            <p>{move || ui.t(Key::DataIntro)}</p>
            <div class="actions">
                <button type="button" class="button primary" data-testid="export-json" on:click=move |_| download_backup()>{move || ui.t(Key::ExportBackup)}</button>
                <button type="button" class="button" data-testid="export-csv" on:click=move |_| export_ledger(false)>{move || ui.t(Key::ExportCsv)}</button>
                <button type="button" class="button" data-testid="export-journal" on:click=move |_| export_ledger(true)>{move || ui.t(Key::ExportJournal)}</button>
            </div>
            <p class="muted small" data-testid="last-export">{move || {
                let lang = ui.lang.get();
                match store.meta.get().last_export {
                    Some(d) => tf(lang, Key::LastExport, &[("date", &format_date(d, lang)), ("n", &store.meta.get().changes_since_export.to_string())]),
                    None => ui.t(Key::NeverExported).to_string(),
                }
            }}</p>
        </section>
        <section class="panel" data-testid="import">
            <h2>{move || ui.t(Key::ImportTitle)}</h2>
            <p>{move || ui.t(Key::ImportIntro)}</p>
            <label class="field">
                <span>{move || ui.t(Key::ImportChoose)}</span>
                <input type="file" accept="application/json,.json" data-testid="import-file" on:change=on_file />
            </label>
            {move || match state.get() {
                ImportState::Idle => ().into_any(),
                ImportState::Done(msg) => view! { <p class="ok" role="status" data-testid="import-done">{msg}</p> }.into_any(),
                ImportState::Failed(msg, lines) => view! {
                    <div class="banner danger" role="alert" data-testid="import-error">
                        <p>{msg}</p>
                        <ul class="problems">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                ImportState::Ready(b) => {
                    let b2 = b.clone();
                    view! {
                        <div class="preview" data-testid="import-preview">
                            <fieldset>
                                <legend>{move || ui.t(Key::ImportMode)}</legend>
                                <label class="check"><input type="radio" name="mode" data-testid="mode-merge" prop:checked=move || mode.get() == ImportMode::Merge on:change=move |_| mode.set(ImportMode::Merge) />{move || ui.t(Key::ImportMerge)}</label>
                                <label class="check"><input type="radio" name="mode" data-testid="mode-replace" prop:checked=move || mode.get() == ImportMode::Replace on:change=move |_| mode.set(ImportMode::Replace) />{move || ui.t(Key::ImportReplace)}</label>
                            </fieldset>
                            <p data-testid="import-plan">{move || plan.get().map(|p: ImportPlan| tf(ui.lang.get(), Key::ImportPlanText, &[
                                ("added", &p.added.to_string()), ("replaced", &p.replaced.to_string()), ("removed", &p.removed.to_string()),
                                ("kept", &p.kept.to_string()), ("entries", &p.entries.to_string()),
                                ("moments", &p.moments.to_string()), ("assessments", &p.assessments.to_string()),
                            ]))}</p>
                            <div class="actions">
                                <button type="button" class="button primary" data-testid="import-confirm" on:click=move |_| {
                                    let n = b2.clients.len();
                                    store.import((*b2).clone(), mode.get_untracked());
                                    state.set(ImportState::Done(tf(ui.lang.get_untracked(), Key::ImportDone, &[("n", &n.to_string())])));
                                }>{move || ui.t(Key::ImportConfirm)}</button>
                                <button type="button" class="button" data-testid="import-cancel" on:click=move |_| state.set(ImportState::Idle)>{move || ui.t(Key::Cancel)}</button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </section>
        <section class="panel" data-testid="storage-status">
            <h2>{move || ui.t(Key::StorageTitle)}</h2>
            <p data-testid="persisted">{move || ui.t(match store.persisted.get() {
                Some(true) => Key::PersistedYes,
                Some(false) => Key::PersistedNo,
                None => Key::PersistedUnknown,
            })}</p>
            {browser::is_safari_like().then(|| view! { <p class="banner warning" data-testid="safari-note">{move || ui.t(Key::SafariNote)}</p> })}
            <p class="muted">{move || ui.t(Key::BackupAdvice)}</p>
        </section>
    }
}
