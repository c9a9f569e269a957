//! The clients overview: every client with its saldo, status, trend, last
//! entry and stock-take reminder, sorted by what needs attention first.
//! With no clients yet, the explaining empty state.

mod empty;
mod row;
mod signals;

use kbr_core::account::summary::{headline_of, Headline};
use kbr_core::i18n::{fold_case, tf, Key};
use kbr_core::model::{order, ClientId};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::rare::{rare, RarePiece};
use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::work::{self, StoreWork};
use empty::EmptyState;
use row::ClientRow;
use signals::Agenda;

/// What one overview row shows.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RowData {
    /// The client.
    pub id: ClientId,
    /// Name as typed.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// Our account manager.
    pub manager: String,
    /// Hidden by default.
    pub archived: bool,
    /// Demo data.
    pub demo: bool,
    /// The figures.
    pub head: Headline,
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

    let rows = Memo::new(move |_| {
        let today = store.today();
        let mut rows: Vec<RowData> = store.map_digests(|d| RowData {
            id: d.client.id.clone(),
            name: d.client.name.clone(),
            organisation: d.client.organisation.clone(),
            manager: d.client.account_manager.clone(),
            archived: d.client.archived,
            demo: d.client.demo,
            head: headline_of(d, today),
        });
        order::sort_by_cached_key(&mut rows, |r| (r.head.attention_rank(), fold_case(&r.name)));
        rows
    });
    let visible = Memo::new(move |_| {
        let q = fold_case(search.get().trim());
        let archived = show_archived.get();
        rows.get()
            .into_iter()
            .filter(|r| archived || !r.archived)
            .filter(|r| {
                q.is_empty()
                    || [&r.name, &r.organisation, &r.manager]
                        .iter()
                        .any(|s| fold_case(s).contains(&q))
            })
            .collect::<Vec<_>>()
    });
    let drawn = drawn_rows(visible);
    let archived_count = Memo::new(move |_| rows.with(|r| r.iter().filter(|r| r.archived).count()));
    let has_clients = Memo::new(move |_| !rows.with(Vec::is_empty));
    let open_client = move |id: Option<ClientId>| {
        creating.set(false);
        if let Some(id) = id {
            ui.go(Route::Client {
                id,
                tab: ClientTab::Ledger,
            });
        }
    };

    view! {
        <Show when=move || creating.get()>
            <Deferred load=move || client_form(None, Callback::new(open_client)) />
        </Show>
        <Show when=move || !has_clients.get() && !creating.get()>
            <EmptyState creating=creating />
        </Show>
        <Show when=move || has_clients.get()>
            <section data-testid="overview">
                <div class="page-head">
                    <h1>{ui.tr(Key::NavOverview)}</h1>
                    <OverviewActions creating=creating />
                </div>
                <Agenda />
                <div class="toolbar no-print">
                    <label class="field inline grow">
                        <span class="visually-hidden">{ui.tr(Key::SearchClients)}</span>
                        <input
                            type="search"
                            data-testid="client-search"
                            placeholder=ui.tr(Key::SearchClients)
                            prop:value=move || search.get()
                            on:input=move |ev| search.set(event_target_value(&ev))
                        />
                    </label>
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="show-archived"
                            prop:checked=move || show_archived.get()
                            on:change=move |ev| show_archived.set(event_target_checked(&ev))
                        />
                        {move || tf(
                            ui.lang.get(),
                            Key::ShowArchived,
                            &[("n", &archived_count.get().to_string())],
                        )}
                    </label>
                </div>
                <Show when=move || visible.with(Vec::is_empty)>
                    <p class="muted" data-testid="no-match">
                        {ui.tr(Key::NoClientsMatch)}
                    </p>
                </Show>
                <ul class="client-list" data-testid="client-list">
                    <For
                        each=move || {
                            visible
                                .with(|v| v.iter().take(drawn.get()).cloned().collect::<Vec<_>>())
                        }
                        key=order::fingerprint
                        let:row
                    >
                        <ClientRow row=row editing=editing />
                    </For>
                </ul>
                {move || {
                    editing
                        .get()
                        .map(|id| {
                            view! {
                                <div class="overlay" data-testid="edit-overlay">
                                    <Deferred load=move || client_form(
                                        Some(id.clone()),
                                        Callback::new(move |_| editing.set(None)),
                                    ) />
                                </div>
                            }
                        })
                }}
            </section>
        </Show>
    }
}

/// Rows drawn with the page; more than a phone or laptop screen shows.
const FIRST_ROWS: usize = 10;

/// Rows added per later task.
const MORE_ROWS: usize = 4;

/// How many of the `visible` rows to draw: the first screenful with the
/// page, the rest a batch per task after it. Fifty clients drawn in one
/// go kept the page busy in one long task at start (Lighthouse's total
/// blocking time on a phone); in batches the browser can paint and answer
/// in between, and the rows below the first screen move nothing in view.
fn drawn_rows(visible: Memo<Vec<RowData>>) -> ReadSignal<usize> {
    let (drawn, set_drawn) = signal(FIRST_ROWS);
    Effect::new(move |_| {
        if drawn.get() < visible.with(Vec::len) {
            set_timeout(
                move || set_drawn.update(|n| *n += MORE_ROWS),
                std::time::Duration::ZERO,
            );
        }
    });
    drawn
}

/// Adds the demo client and opens it (or says why not).
pub fn load_demo() {
    let ui = use_ui();
    let store = use_store();
    work::spawn(
        store,
        ui.lang.get_untracked(),
        StoreWork::LoadDemo(store, ui),
    );
}

/// The client form, loaded with the rest of the app when first opened.
fn client_form(
    existing: Option<ClientId>,
    on_done: Callback<Option<ClientId>>,
) -> impl std::future::Future<Output = crate::components::deferred::Loaded> {
    rare(RarePiece::ClientForm(existing, on_done))
}

/// New client, demo data in or out, and the data page.
#[component]
fn OverviewActions(
    /// Set to open the new-client form.
    creating: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let has_demo = Memo::new(move |_| store.map_digests(|d| d.client.demo).contains(&true));

    let remove_demo = move |_| {
        let lang = ui.lang.get_untracked();
        work::spawn(store, lang, StoreWork::RemoveDemo(store, lang));
    };
    view! {
        <div class="actions no-print">
            <button
                type="button"
                class="button primary"
                data-testid="new-client"
                on:click=move |_| creating.set(true)
            >
                {ui.tr(Key::NewClient)}
            </button>
            <Show
                when=move || has_demo.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button"
                            data-testid="load-demo"
                            on:click=move |_| load_demo()
                        >
                            {ui.tr(Key::LoadDemo)}
                        </button>
                    }
                }
            >
                <button type="button" class="button" data-testid="remove-demo" on:click=remove_demo>
                    {ui.tr(Key::RemoveDemo)}
                </button>
            </Show>
            <a class="button" href=Route::Workshops.to_hash() data-testid="nav-workshops">
                {ui.tr(Key::NavWorkshops)}
            </a>
            <a class="button" href=Route::Data.to_hash() data-testid="nav-data">
                {ui.tr(Key::NavData)}
            </a>
        </div>
    }
}
