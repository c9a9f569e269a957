//! A moment's little extra from plan to booked deposit: plan it with a due
//! date, mark it done, book it on the ledger.

use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{dates, CategoryId, Direction, EntryId, Moment, MomentId, Party};
use kbr_core::questionnaires::moments::{booking_draft, ActionState};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::category_select::CategorySelect;
use crate::components::errors::ErrorList;
use crate::components::status::saldo_text;
use crate::components::weight_picker::WeightPicker;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// What can be done with the moment's extra now.
#[component]
pub fn ActionBox(
    /// The moment.
    moment: Moment,
    /// Whether it has a little extra to plan.
    has_extra: bool,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let state = moment.action_state(store.today());
    let Some(a) = moment.action.clone() else {
        return has_extra.then(|| view! { <PlanForm moment=moment.id /> }.into_any());
    };
    let mid = moment.id;
    let view = match state {
        Some(ActionState::Open | ActionState::Overdue) => {
            let overdue = state == Some(ActionState::Overdue);
            let id = ctx.id.clone();
            let done = move |_| {
                let cmd = Command::CompleteAction {
                    moment: mid,
                    on: store.today(),
                };
                let done = ui.t(Key::ActionMarkedDone).to_string();
                store.act_or_say(&id, cmd, done, ui.lang.get_untracked());
            };
            view! {
                <div class="action-box" data-testid="moment-action">
                    <p>
                        {move || tf(
                            ui.lang.get(),
                            Key::ActionDue,
                            &[("due", &format_date(a.due, ui.lang.get()))],
                        )}" "
                        {overdue
                            .then(|| {
                                view! {
                                    <span class="badge red" data-testid="action-overdue">
                                        {ui.tr(Key::Overdue)}
                                    </span>
                                }
                            })}
                    </p>
                    <button type="button" class="button" data-testid="action-done" on:click=done>
                        {ui.tr(Key::MarkDone)}
                    </button>
                </div>
            }
            .into_any()
        }
        Some(ActionState::Done) => view! {
            <div class="action-box" data-testid="moment-action">
                <p>
                    {move || tf(
                        ui.lang.get(),
                        Key::ActionDoneOn,
                        &[
                            (
                                "date",
                                &a.done.map(|d| format_date(d, ui.lang.get())).unwrap_or_default(),
                            ),
                        ],
                    )}
                </p>
                <BookForm moment=mid />
            </div>
        }
        .into_any(),
        _ => {
            let points = a.booked.and_then(|e| {
                ctx.account
                    .with_untracked(|acc| acc.entry(e).map(|e| e.signed_points()))
            });
            let ledger = Route::Client {
                id: ctx.id.clone(),
                tab: ClientTab::Ledger,
            }
            .to_hash();
            view! {
                <div class="action-box" data-testid="moment-action">
                    <p data-testid="action-booked">
                        {move || tf(
                            ui.lang.get(),
                            Key::ActionBooked,
                            &[
                                (
                                    "points",
                                    &points
                                        .map(|p| saldo_text(p, ui.lang.get()))
                                        .unwrap_or_default(),
                                ),
                                (
                                    "date",
                                    &a
                                        .done
                                        .map(|d| format_date(d, ui.lang.get()))
                                        .unwrap_or_default(),
                                ),
                            ],
                        )}" "<a href=ledger>{ui.tr(Key::ToLedger)}</a>
                    </p>
                </div>
            }
            .into_any()
        }
    };
    Some(view)
}

/// Turns a moment's extra into an action with a concrete due date.
#[component]
fn PlanForm(
    /// The moment.
    moment: MomentId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let field_id = format!("plan-due-{}", moment.0);
    let id = ctx.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = Command::PlanAction {
            moment,
            due: dates::parse_input(&due.get_untracked()),
        };
        match store.dispatch(&id, cmd) {
            Ok(_) => errors.set(Vec::new()),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate data-testid="plan-form">
            <label class="field inline" for=field_id.clone()>
                <span>{ui.tr(Key::DueDate)}</span>
            </label>
            <input
                id=field_id
                type="date"
                data-testid="plan-due"
                prop:value=move || due.get()
                on:input=move |ev| due.set(event_target_value(&ev))
            />
            <button type="submit" class="button" data-testid="plan-action">
                {ui.tr(Key::PlanAsActionShort)}
            </button>
            <ErrorList errors=errors />
        </form>
    }
}

/// Books a done action as a deposit of ours, with a category and weight
/// the user can adjust.
#[component]
fn BookForm(
    /// The moment.
    moment: MomentId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let draft = account.with_untracked(|a| booking_draft(a, moment));
    let Some(draft) = draft else {
        return ().into_any();
    };
    let category = RwSignal::new(draft.category.as_str().to_string());
    let weight = RwSignal::new(draft.weight);
    let errors = RwSignal::new(Vec::<String>::new());
    // One booking form per done action can be open: the id keeps names unique.
    let name = format!("book-weight-m{}", moment.0);
    let id = ctx.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut d = draft.clone();
        d.category = CategoryId::new(&category.get_untracked());
        d.weight = weight.get_untracked();
        let cmd = Command::BookAction {
            moment,
            entry: EntryId(store.new_id()),
            draft: d,
        };
        if let Err(e) = store.act(&id, cmd, ui.t(Key::DepositBooked).to_string()) {
            errors.set(e.messages(ui.lang.get_untracked()));
        }
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate data-testid="book-form">
            <div class="field">
                <CategorySelect
                    party=Party::Supplier
                    direction=Direction::Deposit
                    category=category
                    testid="book-category"
                />
            </div>
            <WeightPicker weight=weight name=name category=Signal::derive(move || category.get()) />
            <button type="submit" class="button primary" data-testid="book-deposit">
                {ui.tr(Key::BookAsDeposit)}
            </button>
            <ErrorList errors=errors />
        </form>
    }
    .into_any()
}
