//! The clients overview: every client with its klantsaldo, status, trend,
//! last entry and stock-take reminder, sorted by what needs attention first.
//! With no clients yet, the explaining empty state.

use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::ClientId;
use kbr_core::route::{ClientTab, Route};
use kbr_core::summary::{headline, Headline};
use leptos::prelude::*;

use crate::components::client_form::ClientForm;
use crate::components::status::{saldo_text, ReminderBadge, StatusBadge};
use crate::state::use_ui;
use crate::store::{use_store, Undo};

/// One overview row.
#[derive(Clone, PartialEq, Eq)]
struct Row {
    id: ClientId,
    name: String,
    organisation: String,
    manager: String,
    archived: bool,
    demo: bool,
    head: Headline,
}

/// The start page.
#[component]
pub fn Overview() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let search = RwSignal::new(String::new());
    let show_archived = RwSignal::new(false);
    let creating = RwSignal::new(false);
    let editing = RwSignal::new(None::<ClientId>);
    let confirm_delete = RwSignal::new(None::<ClientId>);

    let rows = Memo::new(move |_| {
        let today = store.today;
        let mut rows: Vec<Row> = store.accounts.with(|v| {
            v.iter()
                .map(|a| Row {
                    id: a.client.id.clone(),
                    name: a.client.name.clone(),
                    organisation: a.client.organisation.clone(),
                    manager: a.client.account_manager.clone(),
                    archived: a.client.archived,
                    demo: a.client.demo,
                    head: headline(a, today),
                })
                .collect()
        });
        rows.sort_by(|a, b| {
            a.head
                .attention_rank()
                .cmp(&b.head.attention_rank())
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        rows
    });
    let visible = Memo::new(move |_| {
        let q = search.get().trim().to_lowercase();
        let archived = show_archived.get();
        rows.get()
            .into_iter()
            .filter(|r| archived || !r.archived)
            .filter(|r| {
                q.is_empty()
                    || [&r.name, &r.organisation, &r.manager]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&q))
            })
            .collect::<Vec<_>>()
    });
    let archived_count = Memo::new(move |_| rows.with(|r| r.iter().filter(|r| r.archived).count()));
    let has_clients = Memo::new(move |_| !store.accounts.with(Vec::is_empty));
    let has_demo = Memo::new(move |_| store.accounts.with(|v| v.iter().any(|a| a.client.demo)));

    let open_client = move |id: Option<ClientId>| {
        creating.set(false);
        if let Some(id) = id {
            ui.go(Route::Client {
                id: id.0,
                tab: ClientTab::Ledger,
            });
        }
    };
    let load_demo = move |_| {
        if let Some(id) = store.load_demo() {
            ui.go(Route::Client {
                id: id.0,
                tab: ClientTab::Ledger,
            });
        }
    };

    view! {
        <Show when=move || creating.get()>
            <ClientForm existing=None on_done=Callback::new(open_client) />
        </Show>
        <Show when=move || !has_clients.get() && !creating.get()>
            <section class="panel empty" data-testid="empty-state">
                <h1>{move || ui.t(Key::EmptyTitle)}</h1>
                <p>{move || ui.t(Key::EmptyIntro1)}</p>
                <p>{move || ui.t(Key::EmptyIntro2)}</p>
                <div class="actions">
                    <button type="button" class="button primary" data-testid="create-first-client"
                        on:click=move |_| creating.set(true)>{move || ui.t(Key::EmptyCreateFirst)}</button>
                    <button type="button" class="button" data-testid="load-demo" on:click=load_demo>
                        {move || ui.t(Key::LoadDemo)}
                    </button>
                </div>
            </section>
        </Show>
        <Show when=move || has_clients.get()>
            <section data-testid="overview">
                <div class="page-head">
                    <h1>{move || ui.t(Key::NavOverview)}</h1>
                    <div class="actions no-print">
                        <button type="button" class="button primary" data-testid="new-client"
                            on:click=move |_| creating.set(true)>{move || ui.t(Key::NewClient)}</button>
                        <Show when=move || !has_demo.get()>
                            <button type="button" class="button" data-testid="load-demo" on:click=load_demo>
                                {move || ui.t(Key::LoadDemo)}
                            </button>
                        </Show>
                        <Show when=move || has_demo.get()>
                            <button type="button" class="button" data-testid="remove-demo" on:click=move |_| {
                                let n = store.remove_demo();
                                store.notify(tf(ui.lang.get_untracked(), Key::DemoRemoved, &[("n", &n.to_string())]), None);
                            }>{move || ui.t(Key::RemoveDemo)}</button>
                        </Show>
                        <a class="button" href=Route::Data.to_hash() data-testid="nav-data">{move || ui.t(Key::NavData)}</a>
                    </div>
                </div>
                <div class="toolbar no-print">
                    <label class="field inline grow">
                        <span class="visually-hidden">{move || ui.t(Key::SearchClients)}</span>
                        <input type="search" data-testid="client-search" placeholder=move || ui.t(Key::SearchClients)
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="show-archived" prop:checked=move || show_archived.get()
                            on:change=move |ev| show_archived.set(event_target_checked(&ev)) />
                        {move || tf(ui.lang.get(), Key::ShowArchived, &[("n", &archived_count.get().to_string())])}
                    </label>
                </div>
                <Show when=move || visible.with(Vec::is_empty)>
                    <p class="muted" data-testid="no-match">{move || ui.t(Key::NoClientsMatch)}</p>
                </Show>
                <ul class="client-list" data-testid="client-list">
                    <For each=move || visible.get() key=|r| format!("{:?}|{:?}|{}|{}|{}", r.id, r.head, r.name, r.organisation, r.archived) let:row>
                        {
                            let id = row.id.clone();
                            let href = Route::Client { id: id.0.clone(), tab: ClientTab::Ledger }.to_hash();
                            let status = row.head.supplier_status.status;
                            let trend = row.head.supplier_status.steadily_more_red;
                            let staleness = row.head.reminder.staleness;
                            let saldo = row.head.saldo();
                            let last = row.head.last_entry;
                            let hostmanship = row.head.hostmanship;
                            let (open_actions, overdue_actions) = (row.head.open_actions, row.head.overdue_actions);
                            let moments_href = Route::Client { id: id.0.clone(), tab: ClientTab::Moments }.to_hash();
                            let assessment_href = Route::Assessment { id: id.0.clone(), definition: kbr_core::definitions::HOSTMANSHIP_ID.to_string() }.to_hash();
                            let (id_e, id_a, id_d, id_c, id_x) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                            let archived = row.archived;
                            view! {
                                <li class="client-card" class:archived=archived data-testid="client-row" data-client-id=id.0.clone()>
                                    <div class="client-main">
                                        <a class="client-name" href=href data-testid="client-link">{row.name.clone()}</a>
                                        <span class="muted">{row.organisation.clone()}</span>
                                        {row.demo.then(|| view! { <span class="badge grey">{move || ui.t(Key::DemoBadge)}</span> })}
                                        {archived.then(|| view! { <span class="badge grey">{move || ui.t(Key::ArchivedBadge)}</span> })}
                                    </div>
                                    <div class="client-figures">
                                        <span class="saldo" class:negative=saldo < 0 data-testid="row-saldo">{move || saldo_text(saldo, ui.lang.get())}</span>
                                        <StatusBadge status=status />
                                        {trend.then(|| view! { <span class="badge red" data-testid="trend-badge">{move || ui.t(Key::TrendMoreRed)}</span> })}
                                        <ReminderBadge staleness=staleness />
                                        {hostmanship.map(|total| view! {
                                            <a class="badge blue" href=assessment_href data-testid="row-hostmanship">
                                                {move || tf(ui.lang.get(), Key::HostmanshipShort, &[("total", &total.to_string())])}</a>
                                        })}
                                        {(open_actions > 0).then(|| view! {
                                            <a class={if overdue_actions > 0 { "badge red" } else { "badge amber" }} href=moments_href data-testid="row-open-actions">
                                                {move || tf(ui.lang.get(), Key::OpenActionsShort, &[("n", &open_actions.to_string())])}</a>
                                        })}
                                        <span class="muted small">{move || match last {
                                            Some(d) => tf(ui.lang.get(), Key::LastEntry, &[("date", &format_date(d, ui.lang.get()))]),
                                            None => ui.t(Key::NoEntriesYet).to_string(),
                                        }}</span>
                                    </div>
                                    <div class="client-actions no-print">
                                        <button type="button" class="button small" data-testid="edit-client"
                                            on:click=move |_| editing.set(Some(id_e.clone()))>{move || ui.t(Key::Edit)}</button>
                                        <button type="button" class="button small" data-testid="archive-client" on:click=move |_| {
                                            store.update(&id_a, |a| a.client.archived = !a.client.archived);
                                        }>{move || ui.t(if archived { Key::Unarchive } else { Key::Archive })}</button>
                                        <button type="button" class="button small danger" data-testid="delete-client"
                                            on:click=move |_| confirm_delete.set(Some(id_d.clone()))>{move || ui.t(Key::Delete)}</button>
                                    </div>
                                    <Show when={let id = id_c.clone(); move || confirm_delete.get().as_ref() == Some(&id)}>
                                        {
                                            let id = id_x.clone();
                                            let name = row.name.clone();
                                            view! {
                                                <div class="confirm" role="alertdialog" data-testid="confirm-delete">
                                                    <p>{move || tf(ui.lang.get(), Key::ConfirmDeleteClient, &[("client", &name)])}</p>
                                                    <button type="button" class="button small danger" data-testid="confirm-delete-yes" on:click={
                                                        let id = id.clone();
                                                        move |_| {
                                                            confirm_delete.set(None);
                                                            if let Some((account, pos)) = store.remove(&id) {
                                                                let text = tf(ui.lang.get_untracked(), Key::ClientDeleted, &[("client", &account.client.name)]);
                                                                store.notify(text, Some(Undo::Client(Box::new(account), pos)));
                                                            }
                                                        }
                                                    }>{move || ui.t(Key::Delete)}</button>
                                                    <button type="button" class="button small" on:click=move |_| confirm_delete.set(None)>{move || ui.t(Key::Cancel)}</button>
                                                </div>
                                            }
                                        }
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
                {move || editing.get().map(|id| view! {
                    <div class="overlay" data-testid="edit-overlay">
                        <ClientForm existing=Some(id) on_done=Callback::new(move |_| editing.set(None)) />
                    </div>
                })}
            </section>
        </Show>
    }
}
