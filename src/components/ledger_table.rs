//! The ledger of one client: newest first, with running balance, filters,
//! paging (so 10,000 entries stay fast), edit, delete with undo, and
//! "make good" on open withdrawals.

use kbr_core::catalogue;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{ClientId, Direction, Entry, EntryId, Party};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::client_form::parse_date;
use crate::components::status::saldo_text;
use crate::state::use_ui;
use crate::store::{use_store, Undo};

const PAGE: usize = 50;

/// A ledger row as shown.
#[derive(Clone, PartialEq, Eq)]
struct Row {
    entry: Entry,
    category: String,
    running: i64,
    open: bool,
    /// The date of the interaction moment whose extra this entry books.
    from_moment: Option<chrono::NaiveDate>,
}

/// All rows, newest first, shared: memos hand the same list around instead
/// of copying and comparing 10k rows on every change.
#[derive(Clone, Default)]
struct Rows(std::sync::Arc<Vec<Row>>);

impl PartialEq for Rows {
    /// Rows are rebuilt only when the account or language changed, so a new
    /// list is a change; comparing 10k rows would cost more than it saves.
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The filtered, paged ledger.
#[component]
pub fn LedgerTable(
    /// Whose ledger.
    client: ClientId,
    /// Set when the user picks "edit" on a row.
    editing: RwSignal<Option<EntryId>>,
    /// Set when the user picks "make good" on an open withdrawal.
    repair_target: RwSignal<Option<EntryId>>,
    /// Withdrawals not made good yet (from the page summary).
    open_repairs: Memo<Vec<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let party = RwSignal::new(String::new());
    let direction = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let client_id = client.clone();

    let cid = client.clone();
    let rows = Memo::new(move |_| {
        let lang = ui.lang.get();
        let open: std::collections::HashSet<EntryId> =
            open_repairs.with(|o| o.iter().copied().collect());
        store
            .read(&cid, |a| {
                let booked: std::collections::HashMap<EntryId, chrono::NaiveDate> = a
                    .moments
                    .iter()
                    .filter_map(|m| Some((m.action.as_ref()?.booked?, m.date)))
                    .collect();
                let mut sorted: Vec<&Entry> = a.entries.iter().collect();
                sorted.sort_by_key(|e| (e.date, e.id));
                // One label lookup per category, not per entry.
                let mut labels: std::collections::HashMap<kbr_core::model::CategoryId, String> =
                    std::collections::HashMap::new();
                let (mut s, mut c) = (0, 0);
                let mut rows: Vec<Row> = sorted
                    .into_iter()
                    .map(|e| {
                        let running = match e.party {
                            Party::Supplier => {
                                s += e.signed_points();
                                s
                            }
                            Party::Client => {
                                c += e.signed_points();
                                c
                            }
                        };
                        let category = labels
                            .entry(e.category)
                            .or_insert_with(|| {
                                catalogue::find(a, &e.category)
                                    .map(|c| c.label(lang).to_string())
                                    .unwrap_or_else(|| e.category.as_str().to_string())
                            })
                            .clone();
                        Row {
                            category,
                            running,
                            open: open.contains(&e.id),
                            from_moment: booked.get(&e.id).copied(),
                            entry: e.clone(),
                        }
                    })
                    .collect();
                rows.reverse();
                Rows(std::sync::Arc::new(rows))
            })
            .unwrap_or_default()
    });
    let choices = Memo::new(move |_| {
        rows.with(|Rows(rows)| {
            // Distinct interned ids first: 10k rows, a few dozen choices.
            let mut seen = std::collections::HashSet::new();
            let mut cats: Vec<(String, String)> = rows
                .iter()
                .filter(|r| seen.insert(r.entry.category))
                .map(|r| (r.entry.category.as_str().to_string(), r.category.clone()))
                .collect();
            cats.sort_by(|a, b| a.1.cmp(&b.1));
            let who: std::collections::HashSet<kbr_core::intern::Name> =
                rows.iter().map(|r| r.entry.who).collect();
            let mut people: Vec<String> = who
                .into_iter()
                .filter(|w| !w.is_empty())
                .map(|w| w.to_string())
                .collect();
            people.sort();
            (cats, people)
        })
    });
    let filtered = Memo::new(move |_| {
        let (p, d, c, w) = (party.get(), direction.get(), category.get(), person.get());
        let (f, t) = (parse_date(&from.get()), parse_date(&to.get()));
        let q = text.get().trim().to_lowercase();
        // Compare interned ids, not text, on every row. The values come from
        // the filter's own option lists.
        let c = (!c.is_empty()).then(|| kbr_core::intern::Name::new(&c));
        let w = (!w.is_empty()).then(|| kbr_core::intern::Name::new(&w));
        // Indices into the rows: cheap to keep and to compare.
        rows.with(|Rows(rows)| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| {
                    let e = &r.entry;
                    (p.is_empty() || (p == "supplier") == (e.party == Party::Supplier))
                        && (d.is_empty() || (d == "deposit") == (e.direction == Direction::Deposit))
                        && c.is_none_or(|c| e.category.0 == c)
                        && w.is_none_or(|w| e.who == w)
                        && f.is_none_or(|f| e.date >= f)
                        && t.is_none_or(|t| e.date <= t)
                        && (q.is_empty()
                            || e.note.to_lowercase().contains(&q)
                            || e.who.to_lowercase().contains(&q)
                            || r.category.to_lowercase().contains(&q))
                })
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    // A new filter starts at the first page.
    Effect::new(move |_| {
        filtered.track();
        page.set(0);
    });
    let pages = Memo::new(move |_| filtered.with(|f| f.len().div_ceil(PAGE).max(1)));
    let shown = Memo::new(move |_| {
        let p = page.get().min(pages.get() - 1);
        filtered.with(|f| {
            rows.with(|Rows(rows)| {
                f.iter()
                    .skip(p * PAGE)
                    .take(PAGE)
                    .filter_map(|&i| rows.get(i).cloned())
                    .collect::<Vec<_>>()
            })
        })
    });

    let select = move |label: Key,
                       value: RwSignal<String>,
                       testid: &'static str,
                       opts: Signal<Vec<(String, String)>>| {
        view! {
            <label class="field inline">
                <span>{move || ui.t(label)}</span>
                <select data-testid=testid prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="">{move || ui.t(Key::FilterAll)}</option>
                    {move || opts.get().into_iter().map(|(v, l)| {
                        let selected = v == value.get_untracked();
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    let party_opts = Signal::derive(move || {
        vec![
            ("supplier".to_string(), ui.t(Key::PartySupplier).to_string()),
            ("client".to_string(), ui.t(Key::PartyClient).to_string()),
        ]
    });
    let direction_opts = Signal::derive(move || {
        vec![
            (
                "deposit".to_string(),
                ui.t(Key::DirectionDeposit).to_string(),
            ),
            (
                "withdrawal".to_string(),
                ui.t(Key::DirectionWithdrawal).to_string(),
            ),
        ]
    });
    let category_opts = Signal::derive(move || choices.get().0);
    let person_opts = Signal::derive(move || {
        choices
            .get()
            .1
            .into_iter()
            .map(|p| (p.clone(), p))
            .collect()
    });

    let cid = client.clone();
    let delete = move |id: EntryId| {
        let mut removed = None;
        store.update(&cid, |a| removed = a.remove_entry(id));
        if let Some(e) = removed {
            store.notify(
                ui.t(Key::EntryDeleted).to_string(),
                Some(Undo::Entry(cid.clone(), Box::new(e))),
            );
        }
    };

    view! {
        <section class="panel ledger" data-testid="ledger">
            <h2>{move || ui.t(Key::Ledger)}</h2>
            <details class="filters no-print" open>
                <summary>{move || ui.t(Key::Filters)}</summary>
                <div class="filter-grid">
                    {select(Key::Party, party, "filter-party", party_opts)}
                    {select(Key::Direction, direction, "filter-direction", direction_opts)}
                    {select(Key::Category, category, "filter-category", category_opts)}
                    {select(Key::FieldWho, person, "filter-person", person_opts)}
                    <label class="field inline"><span>{move || ui.t(Key::FilterFrom)}</span>
                        <input type="date" data-testid="filter-from" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></label>
                    <label class="field inline"><span>{move || ui.t(Key::FilterTo)}</span>
                        <input type="date" data-testid="filter-to" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></label>
                    <label class="field inline grow"><span>{move || ui.t(Key::FilterText)}</span>
                        <input type="search" data-testid="filter-text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) /></label>
                </div>
            </details>
            <p class="muted small" data-testid="ledger-count">{move || tf(ui.lang.get(), Key::LedgerCount, &[
                ("shown", &filtered.with(Vec::len).to_string()),
                ("total", &rows.with(|Rows(r)| r.len()).to_string()),
            ])}</p>
            <div class="table-wrap">
                <table class="ledger-table">
                    <thead><tr>
                        <th scope="col">{move || ui.t(Key::Date)}</th>
                        <th scope="col">{move || ui.t(Key::Party)}</th>
                        <th scope="col">{move || ui.t(Key::Category)}</th>
                        <th scope="col" class="num">{move || ui.t(Key::CsvPoints)}</th>
                        <th scope="col">{move || ui.t(Key::FieldWho)}</th>
                        <th scope="col">{move || ui.t(Key::FieldNote)}</th>
                        <th scope="col" class="num">{move || ui.t(Key::RunningSaldo)}</th>
                        <th scope="col" class="no-print"><span class="visually-hidden">{move || ui.t(Key::Actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| format!("{:?}|{}|{}|{}|{:?}", r.entry, r.running, r.open, r.category, r.from_moment) let:row>
                            {
                                let e = row.entry.clone();
                                let id = e.id;
                                let points = e.signed_points();
                                let deposit = e.direction == Direction::Deposit;
                                let party_key = if e.party == Party::Supplier { Key::PartySupplierShort } else { Key::PartyClientShort };
                                let delete = delete.clone();
                                view! {
                                    <tr data-testid="ledger-row" data-entry-id=id.0.to_string() class:deposit=deposit class:withdrawal=!deposit>
                                        <td>{move || format_date(e.date, ui.lang.get())}</td>
                                        <td>{move || ui.t(party_key)}</td>
                                        <td>
                                            {row.category.clone()}
                                            {row.open.then(|| view! { <span class="badge amber small">{move || ui.t(Key::OpenRepair)}</span> })}
                                            {e.repairs.map(|r| view! { <span class="badge green small">{move || tf(ui.lang.get(), Key::RepairsEntry, &[("id", &r.0.to_string())])}</span> })}
                                            {row.from_moment.map(|d| {
                                                let href = Route::Client { id: client_id.0.clone(), tab: ClientTab::Moments }.to_hash();
                                                view! { <a class="badge blue small" href=href data-testid="from-moment">{move || tf(ui.lang.get(), Key::FromMoment, &[("date", &format_date(d, ui.lang.get()))])}</a> }
                                            })}
                                        </td>
                                        <td class="num points" class:negative=points < 0>{move || saldo_text(points, ui.lang.get())}</td>
                                        <td>{e.who.to_string()}</td>
                                        <td class="note">{e.note.clone()}</td>
                                        <td class="num">{move || saldo_text(row.running, ui.lang.get())}</td>
                                        <td class="row-actions no-print">
                                            {row.open.then(|| view! {
                                                <button type="button" class="button small" data-testid="make-good"
                                                    on:click=move |_| repair_target.set(Some(id))>{move || ui.t(Key::MakeGood)}</button>
                                            })}
                                            <button type="button" class="button small" data-testid="edit-entry"
                                                on:click=move |_| editing.set(Some(id))>{move || ui.t(Key::Edit)}</button>
                                            <button type="button" class="button small danger" data-testid="delete-entry"
                                                on:click=move |_| delete(id)>{move || ui.t(Key::Delete)}</button>
                                        </td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { pages.get() > 1 }>
                <nav class="pager no-print" aria-label=move || ui.t(Key::Pages)>
                    <button type="button" class="button small" data-testid="page-prev" disabled=move || page.get() == 0
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || ui.t(Key::Previous)}</button>
                    <span data-testid="page-info">{move || tf(ui.lang.get(), Key::PageOf, &[("n", &(page.get() + 1).to_string()), ("total", &pages.get().to_string())])}</span>
                    <button type="button" class="button small" data-testid="page-next" disabled=move || page.get() + 1 >= pages.get()
                        on:click=move |_| page.update(|p| *p += 1)>{move || ui.t(Key::Next)}</button>
                </nav>
            </Show>
        </section>
    }
}
