//! Settings of the page's client: period length and the corridor's
//! thresholds, with the rules they drive written out.

use kbr_core::command::Command;
use kbr_core::i18n::Key;
use kbr_core::model::{limits, PeriodLength, Thresholds};
use leptos::prelude::*;

use super::own_categories::OwnCategories;
use crate::components::errors::ErrorList;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// The settings tab.
#[component]
pub fn SettingsTab() -> impl IntoView {
    view! {
        <SettingsForm />
        <OwnCategories />
        <Rules />
    }
}

/// Period length and thresholds.
#[component]
fn SettingsForm() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let (period0, t0) = ctx
        .account
        .with_untracked(|a| (a.client.period, a.client.thresholds));
    let period = RwSignal::new(period0);
    let surplus = RwSignal::new(t0.surplus_limit.to_string());
    let credit = RwSignal::new(t0.credit.to_string());
    let run = RwSignal::new(t0.structural_run.to_string());
    let days = RwSignal::new(t0.stock_take_days.to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let id = ctx.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let num = |s: RwSignal<String>| s.get_untracked().trim().parse::<i64>().unwrap_or(i64::MIN);
        let thresholds = Thresholds {
            surplus_limit: num(surplus),
            credit: num(credit),
            structural_run: u32::try_from(num(run)).unwrap_or(0),
            stock_take_days: u32::try_from(num(days)).unwrap_or(0),
        };
        let command = Command::ChangeSettings {
            period: period.get_untracked(),
            thresholds,
        };
        match store.act(&id, command, ui.t(Key::SettingsSaved).to_string()) {
            Ok(()) => errors.set(Vec::new()),
            Err(e) => errors.set(e.messages(ui.lang.get_untracked())),
        }
    };
    let number = move |(label, hint): (Key, Key),
                       value: RwSignal<String>,
                       testid: &'static str,
                       (min, max): (i64, i64)| {
        // What the number means, in one line under it.
        let hint_id = format!("{testid}-hint");
        view! {
            <label class="field">
                <span>{move || ui.t(label)}</span>
                <input
                    type="number"
                    inputmode="numeric"
                    data-testid=testid
                    min=min
                    max=max
                    aria-describedby=hint_id.clone()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <small class="muted" id=hint_id>
                    {move || ui.t(hint)}
                </small>
            </label>
        }
    };
    let wide = |r: (u32, u32)| (i64::from(r.0), i64::from(r.1));
    view! {
        <form class="panel form" data-testid="settings" on:submit=save novalidate>
            <h2>{ui.tr(Key::TabSettings)}</h2>
            <label class="field">
                <span>{ui.tr(Key::PeriodLength)}</span>
                <select
                    data-testid="setting-period"
                    prop:value=move || period.get().code()
                    on:change=move |ev| {
                        if let Some(p) = PeriodLength::from_code(&event_target_value(&ev)) {
                            period.set(p)
                        }
                    }
                >
                    {PeriodLength::ALL
                        .into_iter()
                        .map(|p| {
                            view! {
                                <option value=p.code() selected=move || period.get() == p>
                                    {move || p.label(ui.lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="grid two">
                {number(
                    (Key::SettingSurplusLimit, Key::SettingSurplusLimitHint),
                    surplus,
                    "setting-surplus",
                    limits::SURPLUS_LIMIT,
                )}
                {number(
                    (Key::SettingCredit, Key::SettingCreditHint),
                    credit,
                    "setting-credit",
                    limits::CREDIT,
                )}
                {number(
                    (Key::SettingStructuralRun, Key::SettingStructuralRunHint),
                    run,
                    "setting-run",
                    wide(limits::STRUCTURAL_RUN),
                )}
                {number(
                    (Key::SettingStockTakeDays, Key::SettingStockTakeDaysHint),
                    days,
                    "setting-days",
                    wide(limits::STOCK_TAKE_DAYS),
                )}
            </div>
            <ErrorList errors=errors testid="settings-errors" />
            <button type="submit" class="button primary" data-testid="settings-save">
                {ui.tr(Key::Save)}
            </button>
        </form>
    }
}

/// The corridor's rules in words.
#[component]
fn Rules() -> impl IntoView {
    let ui = use_ui();
    let rules = [
        Key::RuleBands,
        Key::RuleStructuralRed,
        Key::RuleTemporary,
        Key::RuleSurplus,
        Key::RuleTrend,
        Key::RuleStockTake,
        Key::RuleFuture,
    ];
    view! {
        <section class="panel rules" data-testid="rules">
            <h2>{ui.tr(Key::RulesTitle)}</h2>
            <ul>
                {rules.into_iter().map(|k| view! { <li>{move || ui.t(k)}</li> }).collect_view()}
            </ul>
        </section>
    }
}
