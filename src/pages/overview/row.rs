//! One client on the overview: name, saldo, status, badges and actions.

use kbr_core::command::Command;
use kbr_core::i18n::{format_date, shorten, tf, Key};
use kbr_core::model::ClientId;
use kbr_core::questionnaires::definitions::HOSTMANSHIP_ID;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use super::signals::SignalBadges;
use super::RowData;
use crate::components::status::{saldo_text, ReminderBadge, StatusBadge};
use crate::state::store::use_store;
use crate::state::team::use_team;
use crate::state::ui::use_ui;
use crate::state::work::{self, StoreWork};

/// One overview row.
#[component]
pub fn ClientRow(
    /// What to show.
    row: RowData,
    /// Set to a client's id to edit its details.
    editing: RwSignal<Option<ClientId>>,
) -> impl IntoView {
    let ui = use_ui();
    let head = row.head.clone();
    let href = |tab| {
        Route::Client {
            id: row.id.clone(),
            tab,
        }
        .to_hash()
    };
    let assessment_href = Route::Assessment {
        id: row.id.clone(),
        definition: HOSTMANSHIP_ID.to_string(),
    }
    .to_hash();
    let (status, trend) = (
        head.supplier_status.status,
        head.supplier_status.steadily_more_red,
    );
    let (saldo, last, hostmanship) = (head.saldo(), head.last_entry, head.hostmanship);
    let (open, overdue) = (head.open_actions, head.overdue_actions);
    let moments_href = href(ClientTab::Moments);
    let (team, shared_id) = (use_team(), row.id.clone());
    view! {
        <li
            class="client-card"
            class:archived=row.archived
            data-testid="client-row"
            data-client-id=row.id.to_string()
        >
            <div class="client-main">
                <a
                    class="client-name user-text"
                    href=href(ClientTab::Ledger)
                    data-testid="client-link"
                >
                    {row.name.clone()}
                </a>
                <span class="muted user-text">{row.organisation.clone()}</span>
                {row
                    .demo
                    .then(|| {
                        view! { <span class="badge grey">{ui.tr(Key::DemoBadge)}</span> }
                    })}
                {row
                    .archived
                    .then(|| {
                        view! { <span class="badge grey">{ui.tr(Key::ArchivedBadge)}</span> }
                    })}
                {move || {
                    team.filter(|t| t.is_shared(&shared_id))
                        .map(|_| {
                            view! {
                                <span class="badge blue" data-testid="shared-badge">
                                    {ui.tr(Key::TeamSharedBadge)}
                                </span>
                            }
                        })
                }}
            </div>
            <div class="client-figures">
                <span class="saldo" class:negative=saldo < 0 data-testid="row-saldo">
                    {move || saldo_text(saldo, ui.lang.get())}
                </span>
                <StatusBadge status=status />
                {trend
                    .then(|| {
                        view! {
                            <span class="badge red" data-testid="trend-badge">
                                {ui.tr(Key::TrendMoreRed)}
                            </span>
                        }
                    })}
                <ReminderBadge staleness=head.reminder.staleness />
                <SignalBadges id=row.id.clone() head=head.clone() />
                {hostmanship
                    .map(|total| {
                        view! {
                            <a
                                class="badge blue"
                                href=assessment_href
                                data-testid="row-hostmanship"
                            >
                                {move || tf(
                                    ui.lang.get(),
                                    Key::HostmanshipShort,
                                    &[("total", &total.to_string())],
                                )}
                            </a>
                        }
                    })}
                {(open > 0)
                    .then(|| {
                        view! {
                            <a
                                class={if overdue > 0 { "badge red" } else { "badge amber" }}
                                href=moments_href
                                data-testid="row-open-actions"
                            >
                                {move || tf(
                                    ui.lang.get(),
                                    Key::OpenActionsShort,
                                    &[("n", &open.to_string())],
                                )}
                            </a>
                        }
                    })}
                <span class="muted small">
                    {move || match last {
                        Some(d) => {
                            tf(
                                ui.lang.get(),
                                Key::LastEntry,
                                &[("date", &format_date(d, ui.lang.get()))],
                            )
                        }
                        None => ui.t(Key::NoEntriesYet).to_string(),
                    }}
                </span>
            </div>
            <RowActions
                id=row.id.clone()
                name=row.name.clone()
                archived=row.archived
                editing=editing
            />
        </li>
    }
}

/// Edit, archive and delete (with a confirmation) of one client.
#[component]
fn RowActions(
    /// The client.
    id: ClientId,
    /// Its name, for accessible button names and the confirmation.
    name: String,
    /// Whether it is archived now.
    archived: bool,
    /// Set to edit its details.
    editing: RwSignal<Option<ClientId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let confirming = RwSignal::new(false);
    let short = shorten(&name, 40);
    let label = move |key: Key| tf(ui.lang.get(), key, &[("client", &short)]);
    let (id_e, id_a, id_d) = (id.clone(), id.clone(), id);
    let archive = move |_| {
        let key = if archived {
            Key::ClientUnarchived
        } else {
            Key::ClientArchived
        };
        let cmd = Command::SetArchived(!archived);
        let lang = ui.lang.get_untracked();
        let done = ui.t(key).to_string();
        work::spawn(
            store,
            lang,
            StoreWork::Act(store, id_a.clone(), cmd, done, lang),
        );
    };
    let delete = move |_| {
        confirming.set(false);
        let lang = ui.lang.get_untracked();
        work::spawn(
            store,
            lang,
            StoreWork::DeleteClient(store, id_d.clone(), lang),
        );
    };
    let label2 = label.clone();
    let label3 = label.clone();
    view! {
        <div class="client-actions no-print">
            <button
                type="button"
                class="button small"
                data-testid="edit-client"
                aria-label=move || label(Key::EditClientNamed)
                on:click=move |_| editing.set(Some(id_e.clone()))
            >
                {ui.tr(Key::Edit)}
            </button>
            <button
                type="button"
                class="button small"
                data-testid="archive-client"
                aria-label=move || label2(
                    if archived { Key::UnarchiveNamed } else { Key::ArchiveNamed },
                )
                on:click=archive
            >
                {move || ui.t(if archived { Key::Unarchive } else { Key::Archive })}
            </button>
            <button
                type="button"
                class="button small danger"
                data-testid="delete-client"
                aria-label=move || label3(Key::DeleteClientNamed)
                on:click=move |_| confirming.set(true)
            >
                {ui.tr(Key::Delete)}
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alertdialog" data-testid="confirm-delete">
                <p class="user-text">
                    {
                        let name = name.clone();
                        move || tf(
                            ui.lang.get(),
                            Key::ConfirmDeleteClient,
                            &[("client", &shorten(&name, 60))],
                        )
                    }
                </p>
                <button
                    type="button"
                    class="button small danger"
                    data-testid="confirm-delete-yes"
                    on:click=delete.clone()
                >
                    {ui.tr(Key::Delete)}
                </button>
                <button type="button" class="button small" on:click=move |_| confirming.set(false)>
                    {ui.tr(Key::Cancel)}
                </button>
            </div>
        </Show>
    }
}
