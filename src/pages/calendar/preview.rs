//! What a calendar file would add, on which client, and the confirmation.

use std::collections::HashSet;

use kbr_core::calendar::import::{import_command, preview, Parsed, PreviewRow, WINDOW_DAYS};
use kbr_core::i18n::{fold_case, format_date, tf, Key};
use kbr_core::model::{order, ClientId, MomentId};
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Where a calendar import stands.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ImportState {
    /// Nothing chosen yet.
    Idle,
    /// Reading the file.
    Reading,
    /// The file was refused: one sentence why.
    Failed(String),
    /// Read: waiting for the user's choice.
    Ready(Box<Parsed>),
    /// Imported: what happened.
    Done(String),
}

/// The preview of a read calendar file.
#[component]
pub(super) fn ImportPreview(
    /// The read file.
    parsed: Box<Parsed>,
    /// The client, or `None` to let the user pick one.
    client: Option<ClientId>,
    /// Set to the outcome.
    state: RwSignal<ImportState>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let fixed = client.is_some();
    let chosen = RwSignal::new(client);
    let parsed = StoredValue::new(parsed);
    // Sources the user unticked.
    let left_out = RwSignal::new(HashSet::<String>::new());
    let rows = Memo::new(move |_| {
        chosen.get().map_or_else(Vec::new, |id| {
            store
                .with_account(&id, |a| parsed.with_value(|p| preview(p, a)))
                .unwrap_or_default()
        })
    });
    let picked = move || {
        rows.with(|rows| {
            let out = left_out.get();
            rows.iter()
                .filter(|r| r.known.is_none() && !out.contains(&r.occurrence.source))
                .cloned()
                .collect::<Vec<PreviewRow>>()
        })
    };
    let count = Memo::new(move |_| picked().len());
    let errors = RwSignal::new(Vec::<String>::new());
    let confirm = move |_| {
        let Some(id) = chosen.get_untracked() else {
            return;
        };
        let lang = ui.lang.get_untracked();
        let rows = picked();
        let refs: Vec<&PreviewRow> = rows.iter().collect();
        let Some(cmd) = import_command(&refs, lang, || MomentId(store.new_id())) else {
            return;
        };
        let name = store
            .peek_account(&id, |a| a.client.name.clone())
            .unwrap_or_default();
        let done = tf(
            lang,
            Key::CalendarImported,
            &[("n", &rows.len().to_string()), ("client", &name)],
        );
        match store.act(&id, cmd, done.clone()) {
            Ok(()) => state.set(ImportState::Done(done)),
            Err(e) => errors.set(e.messages(lang)),
        }
    };
    let skipped = parsed.with_value(|p| p.skipped.clone());
    let skipped_count = skipped.len().to_string();
    let (events, until) = parsed.with_value(|p| (p.events, p.until));
    view! {
        <div class="preview" data-testid="calendar-preview">
            {(!fixed).then(|| view! { <ClientChoice chosen=chosen /> })}
            <p data-testid="calendar-summary">
                {move || {
                    let (known, new) = rows
                        .with(|r| {
                            let known = r.iter().filter(|r| r.known.is_some()).count();
                            (known, r.len() - known)
                        });
                    let lang = ui.lang.get();
                    tf(
                        lang,
                        Key::CalendarPreviewCount,
                        &[
                            ("events", &events.to_string()),
                            ("until", &format_date(until, lang)),
                            ("days", &WINDOW_DAYS.to_string()),
                            ("dates", &(known + new).to_string()),
                            ("new", &new.to_string()),
                            ("known", &known.to_string()),
                        ],
                    )
                }}
            </p>
            <ul class="calendar-rows">
                <For each=move || rows.get() key=|r| (r.occurrence.source.clone(), r.known) let:row>
                    <PreviewLine row=row left_out=left_out />
                </For>
            </ul>
            {(!skipped.is_empty())
                .then(|| {
                    view! {
                        <details data-testid="calendar-skipped">
                            <summary>
                                {move || {
                                    tf(
                                        ui.lang.get(),
                                        Key::CalendarSkipped,
                                        &[("n", &skipped_count)],
                                    )
                                }}
                            </summary>
                            <ul class="user-text">
                                {skipped
                                    .iter()
                                    .map(|s| {
                                        let s = s.clone();
                                        view! { <li>{move || s.message(ui.lang.get())}</li> }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
            <crate::components::errors::ErrorList errors=errors />
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    data-testid="calendar-confirm"
                    prop:disabled=move || count.get() == 0 || chosen.get().is_none()
                    on:click=confirm
                >
                    {move || {
                        tf(
                            ui.lang.get(),
                            Key::CalendarImportConfirm,
                            &[("n", &count.get().to_string())],
                        )
                    }}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="calendar-cancel"
                    on:click=move |_| state.set(ImportState::Idle)
                >
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </div>
    }
}

/// The client the moments go to, when the import was not opened from one.
#[component]
fn ClientChoice(
    /// The chosen client.
    chosen: RwSignal<Option<ClientId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let clients = Memo::new(move |_| {
        let mut list = store.map_digests(|d| {
            (!d.client.archived).then(|| (d.client.id.clone(), d.client.name.clone()))
        });
        list.retain(Option::is_some);
        let mut list: Vec<(ClientId, String)> = list.into_iter().flatten().collect();
        order::sort_by_cached_key(&mut list, |(_, name)| fold_case(name));
        list
    });
    view! {
        <label class="field">
            <span>{ui.tr(Key::CalendarClient)}</span>
            <select
                data-testid="calendar-client"
                on:change=move |ev| chosen.set(ClientId::parse(&event_target_value(&ev)))
            >
                <option value="" selected=move || chosen.get().is_none()>
                    {ui.tr(Key::CalendarChooseClient)}
                </option>
                <For each=move || clients.get() key=|(id, name)| (id.clone(), name.clone()) let:c>
                    <option
                        value=c.0.to_string()
                        selected={
                            let id = c.0.clone();
                            move || chosen.get().as_ref() == Some(&id)
                        }
                    >
                        {c.1.clone()}
                    </option>
                </For>
            </select>
        </label>
    }
}

/// One occurrence: a tick box (none when the client knows it), the date,
/// the time and the title.
#[component]
fn PreviewLine(
    /// The occurrence and what the client knows of it.
    row: PreviewRow,
    /// Sources the user unticked.
    left_out: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let ui = use_ui();
    let o = row.occurrence.clone();
    let source = StoredValue::new(o.source.clone());
    let known = row.known.is_some();
    let when = move || {
        let date = format_date(o.date, ui.lang.get());
        match o.time {
            Some(t) => format!("{date} {}", t.format("%H:%M")),
            None => date,
        }
    };
    let title = match row.occurrence.summary.is_empty() {
        true => ui.t(Key::IcsNoTitle).to_string(),
        false => row.occurrence.summary.clone(),
    };
    view! {
        <li class="calendar-row" class:known=known data-testid="calendar-row">
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="calendar-pick"
                    prop:disabled=known
                    prop:checked=move || {
                        !known && !source.with_value(|s| left_out.with(|l| l.contains(s)))
                    }
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let s = source.get_value();
                        left_out
                            .update(|l| {
                                if on {
                                    l.remove(&s);
                                } else {
                                    l.insert(s);
                                }
                            });
                    }
                />
                <span class="calendar-when">{when}</span>
                <span class="user-text">{title}</span>
            </label>
            <span class="calendar-tags">
                <span class="badge grey">{move || row.kind.label(ui.lang.get())}</span>
                {row
                    .occurrence
                    .series
                    .then(|| {
                        view! { <span class="badge grey">{ui.tr(Key::CalendarSeries)}</span> }
                    })}
                {known
                    .then(|| {
                        view! {
                            <span class="badge start" data-testid="calendar-known">
                                {ui.tr(Key::CalendarKnown)}
                            </span>
                        }
                    })}
            </span>
        </li>
    }
}
