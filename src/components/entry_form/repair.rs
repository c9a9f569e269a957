//! Which withdrawal a deposit makes good: a search over the open ones of
//! the same party, newest first. Only the few that match are looked up (by
//! id, a binary search) and drawn, so a ledger with thousands of open
//! withdrawals stays quick.

use kbr_core::account::ledger::category_label;
use kbr_core::i18n::{fold_case, format_date, shorten, tf, Key, Lang};
use kbr_core::model::{Account, EntryId, Party};
use leptos::prelude::*;

use crate::state::client::use_client;
use crate::state::ui::use_ui;

/// How many matches are shown at once.
const SHOWN: usize = 8;

fn label(a: &Account, id: EntryId, lang: Lang) -> Option<String> {
    let e = a.entry(id)?;
    let note = shorten(&e.note, 60);
    let mut text = format!(
        "{} · {}",
        format_date(e.date, lang),
        category_label(a, e.category, lang)
    );
    if !note.is_empty() {
        text.push_str(" · ");
        text.push_str(&note);
    }
    Some(text)
}

/// The picker; `repairs` holds the choice.
#[component]
pub fn RepairPicker(
    /// The deposit's party: only its own withdrawals can be made good.
    party: RwSignal<Party>,
    /// The withdrawal made good, if any.
    repairs: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let ui = use_ui();
    let ctx = use_client();
    let (account, summary) = (ctx.account, ctx.summary);
    let query = RwSignal::new(String::new());
    let open_count = Memo::new(move |_| {
        let p = party.get();
        summary.with(|s| {
            account.with(|a| {
                s.open_repairs
                    .iter()
                    .filter(|id| a.entry(**id).is_some_and(|e| e.party == p))
                    .count()
            })
        })
    });
    let matches = Memo::new(move |_| {
        let lang = ui.lang.get();
        let p = party.get();
        let q = fold_case(query.get().trim());
        summary.with(|s| {
            account.with(|a| {
                s.open_repairs
                    .iter()
                    .rev()
                    .filter(|id| a.entry(**id).is_some_and(|e| e.party == p))
                    .filter_map(|id| label(a, *id, lang).map(|l| (*id, l)))
                    .filter(|(_, l)| q.is_empty() || fold_case(l).contains(&q))
                    .take(SHOWN)
                    .collect::<Vec<_>>()
            })
        })
    });
    let chosen = move || {
        repairs
            .get()
            .and_then(|id| account.with(|a| label(a, id, ui.lang.get())))
    };
    view! {
        <Show when=move || { open_count.get() > 0 || repairs.get().is_some() }>
            <fieldset class="field wide repair-picker" data-testid="entry-repairs">
                <legend>{ui.tr(Key::RepairsLabel)}</legend>
                {move || {
                    chosen()
                        .map(|text| {
                            view! {
                                <p class="chosen">
                                    <span class="user-text" data-testid="repairs-chosen">
                                        {text}
                                    </span>
                                    " "
                                    <button
                                        type="button"
                                        class="button small link"
                                        data-testid="repairs-clear"
                                        on:click=move |_| repairs.set(None)
                                    >
                                        {ui.tr(Key::RepairsNone)}
                                    </button>
                                </p>
                            }
                        })
                }}
                <label class="field inline">
                    <span>
                        {move || tf(
                            ui.lang.get(),
                            Key::RepairsSearch,
                            &[("n", &open_count.get().to_string())],
                        )}
                    </span>
                    <input
                        type="search"
                        data-testid="repairs-search"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </label>
                <ul class="repair-options">
                    {move || {
                        matches
                            .get()
                            .into_iter()
                            .map(|(id, text)| {
                                view! {
                                    <li>
                                        <label class="check">
                                            <input
                                                type="radio"
                                                name="repairs"
                                                value=id.0.to_string()
                                                data-testid="repairs-option"
                                                prop:checked=move || repairs.get() == Some(id)
                                                on:change=move |_| repairs.set(Some(id))
                                            />
                                            <span class="user-text">{text}</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </fieldset>
        </Show>
    }
}
