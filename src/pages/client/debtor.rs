//! Right after a late payment or a disputed invoice is booked: what caused
//! it? Mostly forgetfulness, a holiday or another payment term; when it is
//! dissatisfaction, it points to a withdrawal of ours and a bonding call
//! (listen, find a solution together) is prepared with a due date.

use kbr_core::account::debtors::{
    bonding_call, bonding_due, candidates, causes_for, is_invoice_dispute, unexplained,
};
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{dates, order, Cause, Dispute, DisputeId, EntryId, MomentId};
use leptos::prelude::*;

use crate::components::errors::ErrorList;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The follow-up question for the latest unexplained late payment.
#[component]
pub fn DebtorFollowUp() -> impl IntoView {
    let ctx = use_client();
    let account = ctx.account;
    let later = RwSignal::new(Vec::<EntryId>::new());
    let current = Memo::new(move |_| {
        account.with(|a| {
            let skip = later.get();
            let mut open: Vec<_> = unexplained(a)
                .into_iter()
                .filter(|id| !skip.contains(id))
                .collect();
            order::sort_by_cached_key(&mut open, |id| a.entry(*id).map(|e| e.date));
            open.pop()
        })
    });
    move || {
        current
            .get()
            .map(|entry| view! { <CauseForm entry=entry later=later /> })
    }
}

/// Cause, what of ours it points to, and the bonding call.
#[component]
fn CauseForm(entry: EntryId, later: RwSignal<Vec<EntryId>>) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let client = StoredValue::new(ctx.id.clone());
    let cause = RwSignal::new(None::<Cause>);
    let ours = RwSignal::new(String::new());
    let plan = RwSignal::new(true);
    let due = RwSignal::new(bonding_due(store.today()).to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    // A disputed invoice asks its own question with its own causes.
    let (causes, invoice) = account.with_untracked(|a| {
        a.entry(entry)
            .map(|e| (causes_for(e), is_invoice_dispute(e)))
            .unwrap_or((&Cause::LATE_PAYMENT, false))
    });
    let points_to_us = move || cause.get().is_some_and(Cause::points_to_us);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let Some(c) = cause.get_untracked() else {
            errors.set(vec![ui.t(Key::DisputePickCause).to_string()]);
            return;
        };
        let bonding = (c.points_to_us() && plan.get_untracked()).then(|| MomentId(store.new_id()));
        let mut commands = Vec::new();
        if let Some(id) = bonding {
            let mut draft = bonding_call(store.today(), lang);
            draft.date = dates::parse_input(&due.get_untracked());
            commands.push(Command::PrepareMoment { id, draft });
        }
        let ours = ours
            .get_untracked()
            .parse()
            .ok()
            .map(EntryId)
            .filter(|_| c.points_to_us());
        commands.push(Command::OpenDispute(Box::new(Dispute {
            id: DisputeId(store.new_id()),
            entry,
            cause: c,
            ours,
            bonding,
            solved: None,
            closed: None,
            ambassador: false,
        })));
        let done = ui
            .t(if bonding.is_some() {
                Key::DisputeBondingPlanned
            } else {
                Key::DisputeSaved
            })
            .to_string();
        if let Err(e) = store.act(&client.get_value(), Command::Batch(commands), done) {
            errors.set(e.messages(lang));
        }
    };
    let heading = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            a.entry(entry).map(|e| {
                let what = kbr_core::catalogue::find(a, &e.category)
                    .map(|c| c.label(lang).to_string())
                    .unwrap_or_default();
                tf(
                    lang,
                    if invoice {
                        Key::DisputeAskInvoice
                    } else {
                        Key::DisputeAsk
                    },
                    &[("what", &what), ("date", &format_date(e.date, lang))],
                )
            })
        })
    };
    view! {
        <form class="panel form debtor" on:submit=save novalidate data-testid="dispute-form">
            <h3>{heading}</h3>
            <p class="muted">
                {ui.tr(if invoice { Key::DisputeIntroInvoice } else { Key::DisputeIntro })}
            </p>
            <CauseChoice cause=cause causes=causes />
            <Show when=points_to_us>
                <DissatisfiedFields entry=entry ours=ours plan=plan due=due />
            </Show>
            <ErrorList errors=errors />
            <div class="actions">
                <button type="submit" class="button primary" data-testid="dispute-save">
                    {ui.tr(Key::Save)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="dispute-later"
                    on:click=move |_| later.update(|l| l.push(entry))
                >
                    {ui.tr(Key::Later)}
                </button>
            </div>
        </form>
    }
}

/// The causes of this kind of entry.
#[component]
fn CauseChoice(
    /// The chosen cause.
    cause: RwSignal<Option<Cause>>,
    /// The causes offered.
    causes: &'static [Cause],
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <fieldset>
            <legend>{ui.tr(Key::DisputeCause)}</legend>
            <div class="segmented answers choices">
                {causes
                    .iter()
                    .copied()
                    .map(|c| {
                        view! {
                            <label class="answer">
                                <input
                                    type="radio"
                                    name="dispute-cause"
                                    data-testid=format!("cause-{}", c.code())
                                    prop:checked=move || cause.get() == Some(c)
                                    on:change=move |_| cause.set(Some(c))
                                />
                                <span>{move || c.label(ui.lang.get())}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// When the cause points to us: which withdrawal of ours, and the bonding call.
#[component]
fn DissatisfiedFields(
    /// The late payment.
    entry: EntryId,
    /// The chosen withdrawal of ours (its id as text; empty: unknown).
    ours: RwSignal<String>,
    /// Whether to prepare the bonding call.
    plan: RwSignal<bool>,
    /// Its due date as the field holds it.
    due: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let account = use_client().account;
    let options = move || {
        let lang = ui.lang.get();
        account.with(|a| {
            let Some(late) = a.entry(entry) else {
                return Vec::new();
            };
            candidates(a, late)
                .into_iter()
                .map(|e| {
                    let label = kbr_core::catalogue::find(a, &e.category)
                        .map(|c| c.label(lang).to_string())
                        .unwrap_or_default();
                    (
                        e.id.0.to_string(),
                        format!("{} · {label}", format_date(e.date, lang)),
                    )
                })
                .collect()
        })
    };
    view! {
        <label class="field">
            <span>{ui.tr(Key::DisputeOurs)}</span>
            <select
                data-testid="dispute-ours"
                on:change=move |ev| ours.set(event_target_value(&ev))
            >
                <option value="">{ui.tr(Key::DisputeOursNone)}</option>
                {move || {
                    options()
                        .into_iter()
                        .map(|(v, l)| view! { <option value=v>{l}</option> })
                        .collect_view()
                }}
            </select>
        </label>
        <label class="check">
            <input
                type="checkbox"
                data-testid="dispute-plan"
                prop:checked=move || plan.get()
                on:change=move |ev| plan.set(event_target_checked(&ev))
            />
            {ui.tr(Key::DisputePlanCall)}
        </label>
        <Show when=move || plan.get()>
            <label class="field inline">
                <span>{ui.tr(Key::DueDate)}</span>
                <input
                    type="date"
                    data-testid="dispute-due"
                    prop:value=move || due.get()
                    on:input=move |ev| due.set(event_target_value(&ev))
                />
            </label>
        </Show>
    }
}
