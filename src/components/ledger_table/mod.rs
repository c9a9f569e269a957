//! The ledger of the page's client: every entry newest first with its
//! running saldo, the badges for what it makes good, is still open or came
//! from a moment, filters and pages. Rows come from the core's
//! `ledger::lines`, the same function the CSV and journal exports use.

mod filters;
mod row;

use std::sync::Arc;

use kbr_core::account::ledger::{lines, Line};
use kbr_core::i18n::{tf, Key};
use kbr_core::model::EntryId;
use leptos::prelude::*;

use crate::state::browser;
use crate::state::client::use_client;
use crate::state::ui::use_ui;
use filters::{Filter, LedgerFilters};
use row::LedgerRow;

/// Rows per page: enough to scan, few enough to render at once; on a
/// phone, where each row is a card, fewer (a page stays a few screens).
const PAGE: usize = 50;
const PAGE_NARROW: usize = 20;

/// All lines, newest first, shared (cheap to clone into memos).
#[derive(Clone, Default)]
struct Lines(Arc<Vec<Line>>);

impl PartialEq for Lines {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The ledger table of the page's client.
#[component]
pub fn LedgerTable(
    /// Set to an entry id to edit it in the form.
    editing: RwSignal<Option<EntryId>>,
    /// Set to a withdrawal's id to make it good.
    repair_target: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let (account, summary) = (ctx.account, ctx.summary);
    let filter = Filter::new();
    let page = RwSignal::new(0usize);
    let per_page = if browser::is_narrow() {
        PAGE_NARROW
    } else {
        PAGE
    };
    let all = Memo::new(move |_| {
        let lang = ui.lang.get();
        let mut l = account.with(|a| lines(a, lang));
        l.reverse();
        Lines(Arc::new(l))
    });
    let open = Memo::new(move |_| {
        summary.with(|s| {
            s.open_repairs
                .iter()
                .copied()
                .collect::<std::collections::HashSet<EntryId>>()
        })
    });
    let filtered = Memo::new(move |_| {
        let f = filter.snapshot();
        all.with(|Lines(l)| {
            l.iter()
                .enumerate()
                .filter(|(_, line)| f.keeps(line))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    // A new filter starts at the first page.
    Effect::new(move |_| {
        // Read, not only tracked: a memo subscribes to its sources only
        // when it computes.
        filtered.with(|_| ());
        page.set(0);
    });
    let pages = Memo::new(move |_| filtered.with(|f| f.len().div_ceil(per_page).max(1)));
    let shown = Memo::new(move |_| {
        let p = page.get().min(pages.get() - 1);
        let open = open.get();
        filtered.with(|f| {
            all.with(|Lines(l)| {
                f.iter()
                    .skip(p * per_page)
                    .take(per_page)
                    .filter_map(|&i| l.get(i).cloned())
                    .map(|line| {
                        let is_open = open.contains(&line.entry.id);
                        (line, is_open)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="panel ledger" data-testid="ledger">
            <h2>{ui.tr(Key::Ledger)}</h2>
            <LedgerFilters filter=filter lines=Signal::derive(move || all.get().0) />
            <p class="muted small" data-testid="ledger-count">
                {move || tf(
                    ui.lang.get(),
                    Key::LedgerCount,
                    &[
                        ("shown", &filtered.with(Vec::len).to_string()),
                        ("total", &all.with(|Lines(l)| l.len()).to_string()),
                    ],
                )}
            </p>
            <div class="table-wrap">
                <table class="ledger-table">
                    <thead>
                        <tr>
                            <th scope="col">{ui.tr(Key::Date)}</th>
                            <th scope="col">{ui.tr(Key::Party)}</th>
                            <th scope="col">{ui.tr(Key::Category)}</th>
                            <th scope="col" class="num">
                                {ui.tr(Key::CsvPoints)}
                            </th>
                            <th scope="col">{ui.tr(Key::FieldWho)}</th>
                            <th scope="col">{ui.tr(Key::FieldNote)}</th>
                            <th scope="col" class="num" title=ui.tr(Key::RunningSaldoHelp)>
                                {ui.tr(Key::RunningSaldo)}
                            </th>
                            <th scope="col" class="no-print">
                                <span class="visually-hidden">{ui.tr(Key::Actions)}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || shown.get()
                            key=kbr_core::model::order::fingerprint
                            let:row
                        >
                            <LedgerRow
                                line=row.0
                                open=row.1
                                editing=editing
                                repair_target=repair_target
                            />
                        </For>
                    </tbody>
                </table>
            </div>
            <Pager page=page pages=pages />
        </section>
    }
}

/// Previous and next page, when there is more than one.
#[component]
fn Pager(
    /// The page shown (from 0).
    page: RwSignal<usize>,
    /// How many pages there are.
    pages: Memo<usize>,
) -> impl IntoView {
    let ui = use_ui();
    let at_last = move || page.get() + 1 >= pages.get();
    view! {
        <Show when=move || { pages.get() > 1 }>
            <nav class="pager no-print" aria-label=ui.tr(Key::Pages)>
                <button
                    type="button"
                    class="button small"
                    data-testid="page-prev"
                    disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                >
                    {ui.tr(Key::Previous)}
                </button>
                <span data-testid="page-info">
                    {move || tf(
                        ui.lang.get(),
                        Key::PageOf,
                        &[("n", &(page.get() + 1).to_string()), ("total", &pages.get().to_string())],
                    )}
                </span>
                <button
                    type="button"
                    class="button small"
                    data-testid="page-next"
                    disabled=at_last
                    on:click=move |_| page.update(|p| *p += 1)
                >
                    {ui.tr(Key::Next)}
                </button>
            </nav>
        </Show>
    }
}
