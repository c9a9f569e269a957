//! Interaction moments of a client: the figures of DESIGN §6 (share of
//! moments that exceeded expectations, average of question 2, open and
//! overdue actions), the form to log a moment with the three questions, and
//! the list of moments where an extra is planned, done and booked as a
//! deposit.

use kbr_core::catalogue;
use kbr_core::definitions::{interaction, INTERACTION};
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{ClientId, Direction, Party};
use kbr_core::moments::{
    book_action, booking_draft, build_moment, complete_action, draft_of, edit_moment,
    next_moment_id, plan_action, stats, ActionState, Moment, MomentDraft, MomentId, MomentKind,
};
use kbr_core::questionnaire::{tenths_text, text_answer};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::components::client_form::parse_date;
use crate::components::question::QuestionField;
use crate::components::status::saldo_text;
use crate::components::weight_picker::WeightPicker;
use crate::state::use_ui;
use crate::store::{use_store, Undo};

/// The interactions tab of one client.
#[component]
pub fn MomentsTab(
    /// The client.
    id: ClientId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let cid = id.clone();
    let moments = Memo::new(move |_| {
        store
            .read(&cid, |a| {
                let mut list = a.moments.clone();
                list.sort_by_key(|m| std::cmp::Reverse((m.date, m.id)));
                list
            })
            .unwrap_or_default()
    });
    let figures = Memo::new(move |_| moments.with(|m| stats(m, store.today)));
    let logging = RwSignal::new(false);
    let form_id = id.clone();
    view! {
        <section class="panel" data-testid="moment-stats">
            <h2>{move || ui.t(Key::MomentsTitle)}</h2>
            <p>{move || INTERACTION.intro.get(ui.lang.get())}</p>
            <dl class="stat-grid">
                <div><dt>{move || ui.t(Key::StatMoments)}</dt>
                    <dd data-testid="stat-moments">{move || figures.get().count}</dd></div>
                <div><dt>{move || ui.t(Key::StatExceeded)}</dt>
                    <dd data-testid="stat-exceeded">{move || figures.get().exceeded_percent.map_or("—".to_string(), |p| format!("{p}%"))}</dd></div>
                <div><dt>{move || ui.t(Key::StatTreatment)}</dt>
                    <dd data-testid="stat-treatment">{move || figures.get().treatment_tenths.map_or("—".to_string(), |t| format!("{} / 5", tenths_text(t, ui.lang.get())))}</dd></div>
                <div><dt>{move || ui.t(Key::StatOpenActions)}</dt>
                    <dd data-testid="stat-open-actions">{move || {
                        let f = figures.get();
                        if f.overdue_actions > 0 {
                            tf(ui.lang.get(), Key::OpenWithOverdue, &[("open", &f.open_actions.to_string()), ("overdue", &f.overdue_actions.to_string())])
                        } else {
                            f.open_actions.to_string()
                        }
                    }}</dd></div>
            </dl>
            <Show when=move || !logging.get()>
                <button type="button" class="button primary" data-testid="moment-new"
                    on:click=move |_| logging.set(true)>{move || ui.t(Key::MomentNew)}</button>
            </Show>
            <Show when=move || logging.get()>
                <MomentForm id=form_id.clone() logging=logging />
            </Show>
        </section>
        <section class="panel" data-testid="moment-list">
            <h2>{move || ui.t(Key::MomentsList)}</h2>
            <Show when=move || moments.with(Vec::is_empty)>
                <p class="muted">{move || ui.t(Key::NoMoments)}</p>
            </Show>
            <ol class="moments">
                <For each=move || moments.get() key=|m| format!("{:?}", m) let:moment>
                    <MomentCard id=id.clone() moment=moment />
                </For>
            </ol>
        </section>
    }
}

/// The form to log a moment and answer the three questions.
#[component]
fn MomentForm(
    /// The client.
    id: ClientId,
    /// Set to false when the form closes.
    logging: RwSignal<bool>,
    /// The moment being edited; a new one when absent.
    #[prop(optional)]
    existing: Option<Moment>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let start = existing
        .as_ref()
        .map(draft_of)
        .unwrap_or_else(|| MomentDraft {
            date: Some(store.today),
            ..MomentDraft::default()
        });
    let has_action = existing.as_ref().is_some_and(|m| m.action.is_some());
    let date = RwSignal::new(start.date.map(|d| d.to_string()).unwrap_or_default());
    let kind = RwSignal::new(start.kind);
    let description = RwSignal::new(start.description);
    let answers = RwSignal::new(start.answers);
    let plan = RwSignal::new(false);
    let due = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    // Radio names must differ between the new-moment form and edit forms.
    let form_name = match &existing {
        Some(m) => format!("moment-{}", m.id.0),
        None => "moment".to_string(),
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let draft = MomentDraft {
            date: parse_date(&date.get_untracked()),
            kind: kind.get_untracked(),
            description: description.get_untracked(),
            answers: answers.get_untracked(),
            plan_action: plan.get_untracked(),
            due: parse_date(&due.get_untracked()),
        };
        let result = match &existing {
            Some(old) => Some(edit_moment(old, &draft, store.today)),
            None => store.with_account(&id, |a| {
                build_moment(&draft, next_moment_id(a), store.today)
            }),
        };
        match result {
            Some(Ok(moment)) => {
                store.update(&id, |a| {
                    match a.moments.iter_mut().find(|m| m.id == moment.id) {
                        Some(slot) => *slot = moment,
                        None => a.moments.push(moment),
                    }
                });
                store.notify(ui.t(Key::MomentSaved).to_string(), None);
                logging.set(false);
            }
            Some(Err(e)) => errors.set(e.iter().map(|e| e.message(lang)).collect()),
            None => {}
        }
    };
    let item = |id: &str| INTERACTION.item(id).expect("the interaction items exist");
    view! {
        <form class="form questionnaire-form" on:submit=save novalidate data-testid="moment-form">
            <div class="entry-grid">
                <label class="field"><span>{move || ui.t(Key::Date)}</span>
                    <input type="date" data-testid="moment-date" prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev)) /></label>
                <label class="field"><span>{move || ui.t(Key::MomentKind)}</span>
                    <select data-testid="moment-kind" prop:value=move || kind.get().code()
                        on:change=move |ev| if let Some(k) = MomentKind::from_code(&event_target_value(&ev)) { kind.set(k) }>
                        {move || MomentKind::ALL.into_iter().map(|k| view! {
                            <option value=k.code() selected=kind.get_untracked() == k>{k.label(ui.lang.get())}</option>
                        }).collect_view()}
                    </select></label>
                <label class="field wide"><span>{move || ui.t(Key::FieldDescription)}" *"</span>
                    <input type="text" maxlength="200" data-testid="moment-description" prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev)) /></label>
            </div>
            {INTERACTION.sections.iter().map(|section| view! {
                <fieldset>
                    <legend>{move || section.title.get(ui.lang.get())}</legend>
                    {INTERACTION.items_of(section.id).map(|i| view! { <QuestionField item=i answers=answers form=form_name.clone() /> }).collect_view()}
                </fieldset>
            }).collect_view()}
            <Show when=move || !has_action>
                <label class="check">
                    <input type="checkbox" data-testid="moment-plan" prop:checked=move || plan.get()
                        on:change=move |ev| plan.set(event_target_checked(&ev)) />
                    {move || ui.t(Key::PlanAsAction)}
                </label>
            </Show>
            <Show when=move || plan.get()>
                <label class="field inline"><span>{move || ui.t(Key::DueDate)}" *"</span>
                    <input type="date" data-testid="moment-due" required prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev)) />
                    <small class="muted">{move || ui.t(Key::DueHint)}</small></label>
            </Show>
            <p class="muted small">{move || item(interaction::EXTRA).text.get(ui.lang.get()).to_string()}</p>
            <Show when=move || !errors.get().is_empty()>
                <ul class="errors" role="alert" data-testid="moment-errors">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </Show>
            <div class="actions">
                <button type="submit" class="button primary" data-testid="moment-save">{move || ui.t(Key::MomentSave)}</button>
                <button type="button" class="button" on:click=move |_| logging.set(false)>{move || ui.t(Key::Cancel)}</button>
            </div>
        </form>
    }
}

/// One moment: its answers, and its action from plan to booked deposit.
#[component]
fn MomentCard(
    /// The client.
    id: ClientId,
    /// The moment.
    moment: Moment,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let mid = moment.id;
    let state = moment.action_state(store.today);
    let outcome = moment.outcome();
    let treatment = moment.treatment();
    let why = text_answer(&moment.answers, interaction::OUTCOME_WHY).to_string();
    let treatment_why = text_answer(&moment.answers, interaction::TREATMENT_WHY).to_string();
    let extra = text_answer(&moment.answers, interaction::EXTRA).to_string();
    let date = moment.date;
    let kind = moment.kind;
    let action = moment.action.clone();
    let delete = {
        let cid = id.clone();
        move |_| {
            let mut removed = None;
            store.update(&cid, |a| {
                if let Some(i) = a.moments.iter().position(|m| m.id == mid) {
                    removed = Some(a.moments.remove(i));
                }
            });
            if let Some(m) = removed {
                store.notify(
                    ui.t(Key::MomentDeleted).to_string(),
                    Some(Undo::Moment(cid.clone(), Box::new(m))),
                );
            }
        }
    };
    let editing = RwSignal::new(false);
    let edit_form = {
        let (cid, m) = (id.clone(), moment.clone());
        move || view! { <MomentForm id=cid.clone() logging=editing existing=m.clone() /> }
    };
    view! {
        <li class="moment" data-testid="moment">
            <Show when=move || editing.get()>{edit_form.clone()}</Show>
            <div prop:hidden=move || editing.get()>
            <div class="moment-head">
                <p><strong>{move || format_date(date, ui.lang.get())}</strong>" · "{move || kind.label(ui.lang.get())}" · "
                    <span data-testid="moment-description-text">{moment.description.clone()}</span></p>
                <div class="actions">
                    <button type="button" class="button small" data-testid="edit-moment"
                        aria-label=move || tf(ui.lang.get(), Key::EditMoment, &[("date", &format_date(date, ui.lang.get()))])
                        on:click=move |_| editing.set(true)>{move || ui.t(Key::Edit)}</button>
                    <button type="button" class="button small danger" data-testid="delete-moment"
                        aria-label=move || tf(ui.lang.get(), Key::DeleteMoment, &[("date", &format_date(date, ui.lang.get()))])
                        on:click=delete>{move || ui.t(Key::Delete)}</button>
                </div>
            </div>
            <p class="moment-answers">
                {outcome.map(|o| view! {
                    <span class=format!("badge outcome {}", o.code()) data-testid="moment-outcome">{move || o.label(ui.lang.get())}</span>
                })}
                {treatment.map(|t| view! {
                    <span class="badge grey" data-testid="moment-treatment">{move || tf(ui.lang.get(), Key::TreatmentScore, &[("score", &t.to_string())])}</span>
                })}
            </p>
            {(!why.is_empty()).then(|| view! { <p><em>{move || ui.t(Key::Why)}": "</em>{why.clone()}</p> })}
            {(!treatment_why.is_empty()).then(|| view! { <p><em>{move || ui.t(Key::FieldNote)}": "</em>{treatment_why.clone()}</p> })}
            {(!extra.is_empty()).then(|| view! { <p data-testid="moment-extra"><em>{move || ui.t(Key::Extra)}": "</em>{extra.clone()}</p> })}
            {match (action, state) {
                (None, _) if !extra.is_empty() => view! { <PlanForm id=id.clone() moment=mid /> }.into_any(),
                (None, _) => ().into_any(),
                (Some(a), Some(ActionState::Open | ActionState::Overdue)) => {
                    let overdue = state == Some(ActionState::Overdue);
                    let cid = id.clone();
                    view! {
                        <div class="action-box" data-testid="moment-action">
                            <p>{move || tf(ui.lang.get(), Key::ActionDue, &[("due", &format_date(a.due, ui.lang.get()))])}" "
                                {overdue.then(|| view! { <span class="badge red" data-testid="action-overdue">{move || ui.t(Key::Overdue)}</span> })}</p>
                            <button type="button" class="button" data-testid="action-done" on:click=move |_| {
                                store.update(&cid, |acc| { complete_action(acc, mid, store.today); });
                            }>{move || ui.t(Key::MarkDone)}</button>
                        </div>
                    }.into_any()
                }
                (Some(a), Some(ActionState::Done)) => view! {
                    <div class="action-box" data-testid="moment-action">
                        <p>{move || tf(ui.lang.get(), Key::ActionDoneOn, &[("date", &a.done.map(|d| format_date(d, ui.lang.get())).unwrap_or_default())])}</p>
                        <BookForm id=id.clone() moment=mid />
                    </div>
                }.into_any(),
                (Some(a), _) => {
                    let points = a.booked.and_then(|e| store.with_account(&id, |acc| acc.entry(e).map(|e| e.signed_points())).flatten());
                    let ledger = Route::Client { id: id.0.clone(), tab: ClientTab::Ledger }.to_hash();
                    view! {
                        <div class="action-box" data-testid="moment-action">
                            <p data-testid="action-booked">{move || tf(ui.lang.get(), Key::ActionBooked, &[
                                ("points", &points.map(|p| saldo_text(p, ui.lang.get())).unwrap_or_default()),
                                ("date", &a.done.map(|d| format_date(d, ui.lang.get())).unwrap_or_default()),
                            ])}" "<a href=ledger>{move || ui.t(Key::ToLedger)}</a></p>
                        </div>
                    }.into_any()
                }
            }}
            </div>
        </li>
    }
}

/// Turns a moment's extra into an action with a concrete due date.
#[component]
fn PlanForm(
    /// The client.
    id: ClientId,
    /// The moment.
    moment: MomentId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let due = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let field_id = format!("plan-due-{}", moment.0);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut result = Ok(());
        store.update(&id, |a| {
            result = plan_action(a, moment, parse_date(&due.get_untracked()), store.today);
        });
        error.set(result.err().map(|e| e.message(ui.lang.get_untracked())));
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate data-testid="plan-form">
            <label class="field inline" for=field_id.clone()><span>{move || ui.t(Key::DueDate)}</span></label>
            <input id=field_id type="date" data-testid="plan-due" prop:value=move || due.get()
                on:input=move |ev| due.set(event_target_value(&ev)) />
            <button type="submit" class="button" data-testid="plan-action">{move || ui.t(Key::PlanAsActionShort)}</button>
            {move || error.get().map(|e| view! { <p class="errors" role="alert">{e}</p> })}
        </form>
    }
}

/// Books a done action as a deposit of ours, with a category and weight
/// the user can adjust.
#[component]
fn BookForm(
    /// The client.
    id: ClientId,
    /// The moment.
    moment: MomentId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let draft = store
        .with_account(&id, |a| booking_draft(a, moment))
        .flatten();
    let Some(draft) = draft else {
        return ().into_any();
    };
    let category = RwSignal::new(draft.category.as_str().to_string());
    let weight = RwSignal::new(draft.weight);
    let errors = RwSignal::new(Vec::<String>::new());
    let cid = id.clone();
    let options = Memo::new(move |_| {
        let lang = ui.lang.get();
        store
            .read(&cid, |a| {
                catalogue::for_kind(a, Party::Supplier, Direction::Deposit)
                    .into_iter()
                    .map(|c| (c.id().to_string(), c.label(lang).to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // One booking form per done action can be open: the id keeps names unique.
    let name = format!("book-weight-m{}", moment.0);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut d = draft.clone();
        d.category = kbr_core::model::CategoryId::new(&category.get_untracked());
        d.weight = weight.get_untracked();
        let mut result = Err(Vec::new());
        store.update(&id, |a| {
            result = book_action(a, moment, &d, store.today);
        });
        match result {
            Ok(_) => store.notify(ui.t(Key::DepositBooked).to_string(), None),
            Err(e) => errors.set(
                e.iter()
                    .map(|e| e.message(ui.lang.get_untracked()))
                    .collect(),
            ),
        }
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate data-testid="book-form">
            <label class="field"><span>{move || ui.t(Key::Category)}</span>
                <select data-testid="book-category" prop:value=move || category.get()
                    on:change=move |ev| category.set(event_target_value(&ev))>
                    {move || options.get().into_iter().map(|(id, label)| {
                        let selected = id == category.get_untracked();
                        view! { <option value=id selected=selected>{label}</option> }
                    }).collect_view()}
                </select></label>
            <WeightPicker weight=weight name=name />
            <button type="submit" class="button primary" data-testid="book-deposit">{move || ui.t(Key::BookAsDeposit)}</button>
            <Show when=move || !errors.get().is_empty()>
                <ul class="errors" role="alert">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </Show>
        </form>
    }
    .into_any()
}
