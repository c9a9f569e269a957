//! A client's page: headline saldi with status, explanation and advice; the
//! running-balance chart; quick entry and the ledger; breakdowns; stock-take;
//! settings. Every figure is a memo of `kbr_core::summary::summarize`.

use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{limits, ClientId, EntryId, Party, PeriodLength, StockTake, Thresholds};
use kbr_core::route::{ClientTab, Route};
use kbr_core::status::{Staleness, StatusReport};
use kbr_core::summary::{summarize, Summary};
use kbr_core::validate::{clean_text, validate_settings, Field};
use leptos::prelude::*;

use crate::components::chart::BalanceChart;
use crate::components::entry_form::EntryForm;
use crate::components::ledger_table::LedgerTable;
use crate::components::status::{ratio_text, saldo_text, ReminderBadge, StatusBadge};
use crate::pages::assessments::{AssessmentPage, AssessmentsTab};
use crate::pages::moments::MomentsTab;
use crate::pages::not_found::NotFound;
use crate::state::use_ui;
use crate::store::use_store;

/// The client page for `id`, showing `tab`.
#[component]
pub fn ClientPage(
    /// The client's id from the URL.
    id: String,
    /// The open section.
    tab: ClientTab,
    /// On the assessments tab: the questionnaire that is open.
    #[prop(optional)]
    definition: Option<String>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let id = ClientId(id);
    let cid = id.clone();
    let exists = Memo::new(move |_| store.read(&cid, |_| ()).is_some());
    let cid = id.clone();
    let summary = Memo::new(move |_| store.read(&cid, |a| summarize(a, store.today)));
    let cid = id.clone();
    let client = Memo::new(move |_| store.read(&cid, |a| a.client.clone()));

    let page_id = id.clone();
    let tabs = move || {
        let lang = ui.lang.get();
        ClientTab::ALL
            .into_iter()
            .map(|t| {
                let label = match t {
                    ClientTab::Ledger => Key::TabLedger,
                    ClientTab::Breakdown => Key::TabBreakdown,
                    ClientTab::StockTake => Key::TabStockTake,
                    ClientTab::Moments => Key::TabMoments,
                    ClientTab::Assessments => Key::TabAssessments,
                    ClientTab::Settings => Key::TabSettings,
                };
                let href = Route::Client { id: id.0.clone(), tab: t }.to_hash();
                view! {
                    <a href=href class="tab" class:active=t == tab aria-current=(t == tab).then_some("page")
                        data-testid=format!("tab-{:?}", t).to_lowercase()>{label.text(lang)}</a>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || exists.get() fallback=|| view! { <NotFound /> }>
            <section class="client-page" data-testid="client-page">
                <div class="page-head">
                    <div>
                        <p class="crumbs no-print"><a href=Route::Overview.to_hash()>{move || ui.t(Key::NavOverview)}</a>" ›"</p>
                        <h1 data-testid="client-title">{move || client.get().map(|c| c.name).unwrap_or_default()}</h1>
                        <p class="muted">{move || client.get().map(|c| {
                            [c.organisation, c.account_manager].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")
                        }).unwrap_or_default()}</p>
                    </div>
                    <div class="actions no-print">
                        <button type="button" class="button" data-testid="client-export-csv" on:click={
                            let id = page_id.clone();
                            move |_| export_client(&id, false)
                        }>{move || ui.t(Key::ExportCsv)}</button>
                        <button type="button" class="button" data-testid="client-export-journal" on:click={
                            let id = page_id.clone();
                            move |_| export_client(&id, true)
                        }>{move || ui.t(Key::ExportJournal)}</button>
                        <button type="button" class="button" data-testid="print" on:click=move |_| { let _ = window().print(); }>{move || ui.t(Key::Print)}</button>
                    </div>
                </div>
                <nav class="tabs no-print" aria-label=move || ui.t(Key::ClientSections)>{tabs.clone()}</nav>
                {
                    let id = page_id.clone();
                    match tab {
                        ClientTab::Ledger => view! { <LedgerTab id=id summary=summary /> }.into_any(),
                        ClientTab::Breakdown => view! { <BreakdownTab summary=summary /> }.into_any(),
                        ClientTab::StockTake => view! { <StockTakeTab id=id summary=summary /> }.into_any(),
                        ClientTab::Moments => view! { <MomentsTab id=id /> }.into_any(),
                        ClientTab::Assessments => match definition.clone() {
                            Some(definition) => view! { <AssessmentPage id=id definition=definition /> }.into_any(),
                            None => view! { <AssessmentsTab id=id /> }.into_any(),
                        },
                        ClientTab::Settings => view! { <SettingsTab id=id /> }.into_any(),
                    }
                }
            </section>
        </Show>
    }
}

/// Downloads one client's ledger as CSV or as an hledger journal.
fn export_client(id: &ClientId, journal: bool) {
    let ui = use_ui();
    let store = use_store();
    let lang = ui.lang.get_untracked();
    let Some((name, text)) = store.with_account(id, |a| {
        let text = if journal {
            kbr_core::export::ledger_journal(&[a], lang)
        } else {
            kbr_core::export::ledger_csv(&[a], lang)
        };
        (kbr_core::export::file_slug(&a.client.name), text)
    }) else {
        return;
    };
    let (ext, mime) = if journal {
        ("journal", "text/plain;charset=utf-8")
    } else {
        ("csv", "text/csv;charset=utf-8")
    };
    let file = format!("klantbankrekening-{name}-{}.{ext}", store.today);
    if let Err(e) = crate::browser::download(&file, mime, &text) {
        leptos::logging::warn!("download failed: {e:?}");
    }
}

/// One party's headline card.
#[component]
fn PartyCard(
    /// Which party.
    party: Party,
    /// The client page summary.
    summary: Memo<Option<Summary>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let report = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref().map(|s| match party {
                Party::Supplier => s.headline.supplier_status.clone(),
                Party::Client => s.headline.client_status.clone(),
            })
        })
    });
    let totals = Memo::new(move |_| {
        summary
            .with(|s| s.as_ref().map(|s| *s.headline.balances.of(party)))
            .unwrap_or_default()
    });
    let period = Memo::new(move |_| {
        store.accounts.with(|_| ());
        summary
            .with(|s| {
                s.as_ref()
                    .and_then(|s| s.running.last().map(|p| p.period.length))
            })
            .unwrap_or(PeriodLength::Month)
    });
    let status = Signal::derive(move || {
        report
            .get()
            .map(|r: StatusReport| r.status)
            .unwrap_or(kbr_core::status::Status::NoData)
    });
    let testid = if party == Party::Supplier {
        "card-supplier"
    } else {
        "card-client"
    };
    view! {
        <article class="saldo-card" data-testid=testid>
            <h2>{move || ui.t(if party == Party::Supplier { Key::OurSaldo } else { Key::ClientSaldo })}</h2>
            <p class="big-saldo" class:negative=move || totals.get().saldo() < 0 data-testid="saldo">{move || saldo_text(totals.get().saldo(), ui.lang.get())}</p>
            <p><StatusBadge status=status />
                {move || report.get().filter(|r| r.steadily_more_red).map(|_| view! { " "<span class="badge red" data-testid="trend-badge">{ui.t(Key::TrendMoreRed)}</span> })}
            </p>
            <p class="explanation" data-testid="status-explanation">{move || report.get().map(|r| r.reason.sentence(period.get(), ui.lang.get())).unwrap_or_default()}</p>
            <p class="advice" data-testid="status-advice"><strong>{move || ui.t(Key::Advice)}": "</strong>{move || status.get().advice(ui.lang.get())}</p>
            <p class="muted small" data-testid="ratio">{move || tf(ui.lang.get(), Key::RatioLine, &[
                ("ratio", &ratio_text(totals.get().ratio_tenths(), ui.lang.get())),
                ("dep", &totals.get().deposits.to_string()),
                ("wd", &totals.get().withdrawals.to_string()),
            ])}</p>
        </article>
    }
}

#[component]
fn LedgerTab(id: ClientId, summary: Memo<Option<Summary>>) -> impl IntoView {
    let store = use_store();
    let editing = RwSignal::new(None::<EntryId>);
    let repair_target = RwSignal::new(None::<EntryId>);
    let cid = id.clone();
    let thresholds = Signal::derive(move || {
        store
            .read(&cid, |a| a.client.thresholds)
            .unwrap_or_default()
    });
    let points = Signal::derive(move || {
        summary
            .with(|s| s.as_ref().map(|s| s.running.clone()))
            .unwrap_or_default()
    });
    // The summary already scanned the ledger: the form and table reuse it.
    let open_repairs = Memo::new(move |_| {
        summary
            .with(|s| s.as_ref().map(|s| s.open_repairs.clone()))
            .unwrap_or_default()
    });
    view! {
        <div class="saldo-cards">
            <PartyCard party=Party::Supplier summary=summary />
            <PartyCard party=Party::Client summary=summary />
        </div>
        <section class="panel">
            <BalanceChart points=points thresholds=thresholds />
        </section>
        <EntryForm client=id.clone() editing=editing repair_target=repair_target open_repairs=open_repairs />
        <LedgerTable client=id editing=editing repair_target=repair_target open_repairs=open_repairs />
    }
}

#[component]
fn BreakdownTab(summary: Memo<Option<Summary>>) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let section = move |title: Key, by_category: bool| {
        let rows = Memo::new(move |_| {
            summary
                .with(|s| {
                    s.as_ref().map(|s| {
                        if by_category {
                            s.by_category.clone()
                        } else {
                            s.by_person.clone()
                        }
                    })
                })
                .unwrap_or_default()
        });
        let max = Memo::new(move |_| {
            rows.with(|r| {
                r.iter()
                    .map(|r| r.deposits.max(r.withdrawals))
                    .max()
                    .unwrap_or(1)
                    .max(1)
            })
        });
        view! {
            <section class="panel breakdown" data-testid=if by_category { "breakdown-category" } else { "breakdown-person" }>
                <h2>{move || ui.t(title)}</h2>
                {Party::ALL.into_iter().map(|party| view! {
                    <h3>{move || ui.t(if party == Party::Supplier { Key::PartySupplier } else { Key::PartyClient })}</h3>
                    <ul class="bars">
                        {move || {
                            let lang = ui.lang.get();
                            rows.get().into_iter().filter(|r| r.party == party).map(|r| {
                                let label = if by_category {
                                    store.accounts.with_untracked(|v| v.iter().find_map(|a| kbr_core::catalogue::find_in(&a.own_categories, &r.key).map(|c| c.label(lang).to_string())))
                                        .unwrap_or_else(|| r.key.clone())
                                } else if r.key.is_empty() { ui.t(Key::Unknown).to_string() } else { r.key.clone() };
                                let m = max.get() as f64;
                                let dep = format!("{:.1}%", r.deposits as f64 / m * 100.0);
                                let wd = format!("{:.1}%", r.withdrawals as f64 / m * 100.0);
                                let net = r.net();
                                view! {
                                    <li class="bar-row" data-testid="bar-row">
                                        <span class="bar-label">{label}</span>
                                        <span class="bar-track" aria-hidden="true">
                                            <span class="bar deposit" style:width=dep></span>
                                            <span class="bar withdrawal" style:width=wd></span>
                                        </span>
                                        <span class="bar-value" class:negative=net < 0>{saldo_text(net, lang)}" "
                                            <span class="muted small">{tf(lang, Key::BarDetail, &[("dep", &r.deposits.to_string()), ("wd", &r.withdrawals.to_string()), ("n", &r.count.to_string())])}</span>
                                        </span>
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ul>
                }).collect_view()}
            </section>
        }
    };
    view! {
        {section(Key::BreakdownByCategory, true)}
        {section(Key::BreakdownByPerson, false)}
    }
}

#[component]
fn StockTakeTab(id: ClientId, summary: Memo<Option<Summary>>) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let reflection = RwSignal::new(String::new());
    let actions = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let cid = id.clone();
    let history = Memo::new(move |_| {
        store
            .read(&cid, |a| {
                let mut h = a.stock_takes.clone();
                h.reverse();
                h
            })
            .unwrap_or_default()
    });
    let reminder = Memo::new(move |_| summary.with(|s| s.as_ref().map(|s| s.headline.reminder)));
    let staleness =
        Signal::derive(move || reminder.get().map(|r| r.staleness).unwrap_or(Staleness::Ok));
    let cid = id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let r = clean_text(Field::Text, &reflection.get_untracked(), limits::NOTE, true);
        let a = clean_text(Field::Text, &actions.get_untracked(), limits::NOTE, false);
        match (r, a, summary.get_untracked()) {
            (Ok(r), Ok(a), Some(s)) => {
                let st = StockTake {
                    date: store.today,
                    supplier_saldo: s.headline.balances.supplier.saldo(),
                    client_saldo: s.headline.balances.client.saldo(),
                    status: s.headline.supplier_status.status.code().to_string(),
                    reflection: r,
                    actions: a,
                };
                store.update(&cid, |acc| acc.stock_takes.push(st));
                reflection.set(String::new());
                actions.set(String::new());
                errors.set(Vec::new());
                store.notify(ui.t(Key::StockTakeSaved).to_string(), None);
            }
            (r, a, _) => errors.set(
                r.err()
                    .into_iter()
                    .chain(a.err())
                    .map(|e| e.message(lang))
                    .collect(),
            ),
        }
    };
    view! {
        <section class="panel" data-testid="stock-take">
            <h2>{move || ui.t(Key::StockTakeTitle)}</h2>
            <p>{move || ui.t(Key::StockTakeIntro)}</p>
            <p data-testid="reminder-state">
                <ReminderBadge staleness=staleness />" "
                {move || reminder.get().map(|r| {
                    let lang = ui.lang.get();
                    match (r.since, r.due) {
                        (Some(since), Some(due)) => tf(lang, if r.has_stock_take { Key::ReminderSinceReview } else { Key::ReminderSinceFirst }, &[
                            ("date", &format_date(since, lang)),
                            ("days", &r.days.to_string()),
                            ("due", &format_date(due, lang)),
                        ]),
                        _ => ui.t(Key::ReminderNothing).to_string(),
                    }
                })}
            </p>
            <div class="figures">
                {move || summary.get().map(|s| {
                    let lang = ui.lang.get();
                    view! {
                        <p>{tf(lang, Key::StockTakeFigures, &[
                            ("us", &saldo_text(s.headline.balances.supplier.saldo(), lang)),
                            ("them", &saldo_text(s.headline.balances.client.saldo(), lang)),
                            ("status", s.headline.supplier_status.status.label(lang)),
                            ("open", &s.open_repairs.len().to_string()),
                        ])}</p>
                    }
                })}
            </div>
            <form class="form" on:submit=save novalidate>
                <label class="field"><span>{move || ui.t(Key::Reflection)}" *"</span>
                    <textarea rows="3" data-testid="stock-take-reflection" prop:value=move || reflection.get()
                        on:input=move |ev| reflection.set(event_target_value(&ev))></textarea></label>
                <label class="field"><span>{move || ui.t(Key::AgreedActions)}</span>
                    <textarea rows="3" data-testid="stock-take-actions" prop:value=move || actions.get()
                        on:input=move |ev| actions.set(event_target_value(&ev))></textarea></label>
                <Show when=move || !errors.get().is_empty()>
                    <ul class="errors" role="alert">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </Show>
                <button type="submit" class="button primary" data-testid="stock-take-save">{move || ui.t(Key::SaveStockTake)}</button>
            </form>
        </section>
        <section class="panel" data-testid="stock-take-history">
            <h2>{move || ui.t(Key::StockTakeHistory)}</h2>
            <Show when=move || history.with(Vec::is_empty)>
                <p class="muted">{move || ui.t(Key::NoStockTakes)}</p>
            </Show>
            <ol class="history">
                {move || {
                    let lang = ui.lang.get();
                    history.get().into_iter().map(|st| {
                        let status = kbr_core::status::Status::from_code(&st.status).map(|s| s.label(lang)).unwrap_or("");
                        view! {
                            <li data-testid="stock-take-record">
                                <p><strong>{format_date(st.date, lang)}</strong>" · "
                                    {tf(lang, Key::StockTakeRecord, &[("us", &saldo_text(st.supplier_saldo, lang)), ("them", &saldo_text(st.client_saldo, lang)), ("status", status)])}</p>
                                <p>{st.reflection}</p>
                                {(!st.actions.is_empty()).then(|| view! { <p><em>{ui.t(Key::AgreedActions)}": "</em>{st.actions.clone()}</p> })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </section>
    }
}

#[component]
fn SettingsTab(id: ClientId) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let (period0, t0) = store
        .with_account(&id, |a| (a.client.period, a.client.thresholds))
        .unwrap_or_default();
    let period = RwSignal::new(period0);
    let surplus = RwSignal::new(t0.surplus_limit.to_string());
    let credit = RwSignal::new(t0.credit.to_string());
    let run = RwSignal::new(t0.structural_run.to_string());
    let days = RwSignal::new(t0.stock_take_days.to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let num = |s: RwSignal<String>| s.get_untracked().trim().parse::<i64>().unwrap_or(i64::MIN);
        let t = Thresholds {
            surplus_limit: num(surplus),
            credit: num(credit),
            structural_run: u32::try_from(num(run)).unwrap_or(0),
            stock_take_days: u32::try_from(num(days)).unwrap_or(0),
        };
        match validate_settings(period.get_untracked(), &t) {
            Ok(()) => {
                store.update(&id, |a| {
                    a.client.period = period.get_untracked();
                    a.client.thresholds = t;
                });
                errors.set(Vec::new());
                store.notify(ui.t(Key::SettingsSaved).to_string(), None);
            }
            Err(e) => errors.set(e.iter().map(|e| e.message(lang)).collect()),
        }
    };
    let number = move |label: Key,
                       value: RwSignal<String>,
                       testid: &'static str,
                       (min, max): (i64, i64)| {
        view! {
            <label class="field"><span>{move || ui.t(label)}</span>
                <input type="number" inputmode="numeric" data-testid=testid min=min max=max prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) /></label>
        }
    };
    let wide = |r: (u32, u32)| (i64::from(r.0), i64::from(r.1));
    view! {
        <form class="panel form" data-testid="settings" on:submit=save novalidate>
            <h2>{move || ui.t(Key::TabSettings)}</h2>
            <label class="field"><span>{move || ui.t(Key::PeriodLength)}</span>
                <select data-testid="setting-period" on:change=move |ev| period.set(match event_target_value(&ev).as_str() {
                    "week" => PeriodLength::Week, "quarter" => PeriodLength::Quarter, _ => PeriodLength::Month })>
                    {PeriodLength::ALL.into_iter().map(|p| {
                        let (value, key) = match p { PeriodLength::Week => ("week", Key::PeriodWeek), PeriodLength::Month => ("month", Key::PeriodMonth), PeriodLength::Quarter => ("quarter", Key::PeriodQuarter) };
                        view! { <option value=value selected=move || period.get() == p>{move || ui.t(key)}</option> }
                    }).collect_view()}
                </select></label>
            <div class="grid two">
                {number(Key::SettingSurplusLimit, surplus, "setting-surplus", limits::SURPLUS_LIMIT)}
                {number(Key::SettingCredit, credit, "setting-credit", limits::CREDIT)}
                {number(Key::SettingStructuralRun, run, "setting-run", wide(limits::STRUCTURAL_RUN))}
                {number(Key::SettingStockTakeDays, days, "setting-days", wide(limits::STOCK_TAKE_DAYS))}
            </div>
            <Show when=move || !errors.get().is_empty()>
                <ul class="errors" role="alert" data-testid="settings-errors">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </Show>
            <button type="submit" class="button primary" data-testid="settings-save">{move || ui.t(Key::Save)}</button>
        </form>
        <section class="panel rules" data-testid="rules">
            <h2>{move || ui.t(Key::RulesTitle)}</h2>
            <ul>
                <li>{move || ui.t(Key::RuleBands)}</li>
                <li>{move || ui.t(Key::RuleStructuralRed)}</li>
                <li>{move || ui.t(Key::RuleTemporary)}</li>
                <li>{move || ui.t(Key::RuleSurplus)}</li>
                <li>{move || ui.t(Key::RuleTrend)}</li>
                <li>{move || ui.t(Key::RuleStockTake)}</li>
            </ul>
        </section>
    }
}
