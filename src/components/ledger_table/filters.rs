//! The ledger's filters: party, direction, category, person, period and
//! free text. Choices are the domain's own values, not strings.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use kbr_core::account::ledger::Line;
use kbr_core::i18n::{fold_case, Key};
use kbr_core::intern::Name;
use kbr_core::model::{dates, order, CategoryId, Direction, Party};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// The filter's fields.
#[derive(Clone, Copy)]
pub struct Filter {
    party: RwSignal<Option<Party>>,
    direction: RwSignal<Option<Direction>>,
    category: RwSignal<Option<CategoryId>>,
    person: RwSignal<Option<Name>>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    text: RwSignal<String>,
}

/// The filter's values at one moment, to test many lines against.
pub struct Snapshot {
    party: Option<Party>,
    direction: Option<Direction>,
    category: Option<CategoryId>,
    person: Option<Name>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    text: String,
}

impl Filter {
    /// An empty filter.
    pub fn new() -> Filter {
        Filter {
            party: RwSignal::new(None),
            direction: RwSignal::new(None),
            category: RwSignal::new(None),
            person: RwSignal::new(None),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
        }
    }

    /// The current values (tracked).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            party: self.party.get(),
            direction: self.direction.get(),
            category: self.category.get(),
            person: self.person.get(),
            from: dates::parse_input(&self.from.get()),
            to: dates::parse_input(&self.to.get()),
            text: fold_case(self.text.get().trim()),
        }
    }
}

impl Snapshot {
    /// Whether `line` passes every filter; interned ids compare as numbers.
    pub fn keeps(&self, line: &Line) -> bool {
        let e = &line.entry;
        self.party.is_none_or(|p| e.party == p)
            && self.direction.is_none_or(|d| e.direction == d)
            && self.category.is_none_or(|c| e.category == c)
            && self.person.is_none_or(|w| e.who == w)
            && self.from.is_none_or(|f| e.date >= f)
            && self.to.is_none_or(|t| e.date <= t)
            && (self.text.is_empty()
                || fold_case(&e.note).contains(&self.text)
                || fold_case(&e.who).contains(&self.text)
                || fold_case(&line.category).contains(&self.text))
    }
}

/// The filter form over `lines` (for the category and person choices).
#[component]
pub fn LedgerFilters(
    /// The filter it edits.
    filter: Filter,
    /// All lines, for the choices.
    lines: Signal<Arc<Vec<Line>>>,
) -> impl IntoView {
    let ui = use_ui();
    let choices = Memo::new(move |_| {
        lines.with(|l| {
            // Distinct interned ids first: 10k rows, a few dozen choices.
            let mut seen = HashSet::new();
            let mut cats: Vec<(CategoryId, String)> = l
                .iter()
                .filter(|r| seen.insert(r.entry.category))
                .map(|r| (r.entry.category, r.category.to_string()))
                .collect();
            order::sort_by(&mut cats, |a, b| a.1.cmp(&b.1));
            let who: HashSet<Name> = l.iter().map(|r| r.entry.who).collect();
            let mut people: Vec<Name> = who.into_iter().filter(|w| !w.is_empty()).collect();
            order::sort_by(&mut people, Ord::cmp);
            (cats, people)
        })
    });
    let select = move |label: Key,
                       testid: &'static str,
                       opts: Signal<Vec<(String, String)>>,
                       current: Signal<String>,
                       set: Callback<String>| {
        view! {
            <label class="field inline">
                <span>{move || ui.t(label)}</span>
                <select
                    data-testid=testid
                    prop:value=move || current.get()
                    on:change=move |ev| set.run(event_target_value(&ev))
                >
                    <option value="">{ui.tr(Key::FilterAll)}</option>
                    {move || {
                        opts.get()
                            .into_iter()
                            .map(|(v, l)| {
                                let selected = v == current.get_untracked();
                                view! {
                                    <option value=v selected=selected>
                                        {l}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    let f = filter;
    let party_opts = Signal::derive(move || {
        Party::ALL
            .iter()
            .map(|p| (p.code().to_string(), p.label(ui.lang.get()).to_string()))
            .collect()
    });
    let direction_opts = Signal::derive(move || {
        Direction::ALL
            .iter()
            .map(|d| (d.code().to_string(), d.label(ui.lang.get()).to_string()))
            .collect()
    });
    let category_opts = Signal::derive(move || {
        choices.with(|c| {
            c.0.iter()
                .map(|(id, l)| (id.as_str().to_string(), l.clone()))
                .collect()
        })
    });
    let person_opts = Signal::derive(move || {
        choices.with(|c| c.1.iter().map(|p| (p.to_string(), p.to_string())).collect())
    });
    view! {
        <details class="filters no-print" open>
            <summary>{ui.tr(Key::Filters)}</summary>
            <div class="filter-grid">
                {select(
                    Key::Party,
                    "filter-party",
                    party_opts,
                    Signal::derive(move || {
                        f.party.get().map(|p| p.code().to_string()).unwrap_or_default()
                    }),
                    Callback::new(move |v: String| f.party.set(Party::from_code(&v))),
                )}
                {select(
                    Key::Direction,
                    "filter-direction",
                    direction_opts,
                    Signal::derive(move || {
                        f.direction.get().map(|d| d.code().to_string()).unwrap_or_default()
                    }),
                    Callback::new(move |v: String| f.direction.set(Direction::from_code(&v))),
                )}
                {select(
                    Key::Category,
                    "filter-category",
                    category_opts,
                    Signal::derive(move || {
                        f.category.get().map(|c| c.as_str().to_string()).unwrap_or_default()
                    }),
                    Callback::new(move |v: String| {
                        f.category.set((!v.is_empty()).then(|| CategoryId::new(&v)))
                    }),
                )}
                {select(
                    Key::FieldWho,
                    "filter-person",
                    person_opts,
                    Signal::derive(move || {
                        f.person.get().map(|p| p.to_string()).unwrap_or_default()
                    }),
                    Callback::new(move |v: String| {
                        f.person.set((!v.is_empty()).then(|| Name::new(&v)))
                    }),
                )} <label class="field inline">
                    <span>{ui.tr(Key::FilterFrom)}</span>
                    <input
                        type="date"
                        data-testid="filter-from"
                        prop:value=move || f.from.get()
                        on:input=move |ev| f.from.set(event_target_value(&ev))
                    />
                </label> <label class="field inline">
                    <span>{ui.tr(Key::FilterTo)}</span>
                    <input
                        type="date"
                        data-testid="filter-to"
                        prop:value=move || f.to.get()
                        on:input=move |ev| f.to.set(event_target_value(&ev))
                    />
                </label> <label class="field inline grow">
                    <span>{ui.tr(Key::FilterText)}</span>
                    <input
                        type="search"
                        data-testid="filter-text"
                        prop:value=move || f.text.get()
                        on:input=move |ev| f.text.set(event_target_value(&ev))
                    />
                </label>
            </div>
        </details>
    }
}
