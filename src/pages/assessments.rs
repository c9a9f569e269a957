//! The self-assessments of a client, for any definition with
//! [`Use::Assessment`](kbr_core::questionnaire::Use): an index of the
//! questionnaires with their latest totals, and per questionnaire the form,
//! the radar of one date against another, the weakest section with its tip,
//! the low-scored statements and the history per section. Nothing here knows
//! a particular questionnaire: a new definition appears without screen code.

use kbr_core::definitions;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::ClientId;
use kbr_core::questionnaire::{
    attention_items, build_response, score, tenths_text, weakest, Answers, Definition, Response,
    ResponseId, Score, SectionScore,
};
use kbr_core::route::{ClientTab, Route};
use kbr_core::summary::latest_total;
use leptos::prelude::*;

use crate::components::client_form::parse_date;
use crate::components::question::QuestionField;
use crate::components::radar::RadarChart;
use crate::state::use_ui;
use crate::store::{use_store, Undo};

/// The list of self-assessment questionnaires of one client.
#[component]
pub fn AssessmentsTab(
    /// The client.
    id: ClientId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let cards = definitions::assessments()
        .map(|d| {
            let cid = id.clone();
            let latest = Memo::new(move |_| {
                store
                    .read(&cid, |a| (latest_total(a, d), a.assessments_of(d.id).len()))
                    .unwrap_or((None, 0))
            });
            let href = Route::Assessment {
                id: id.0.clone(),
                definition: d.id.to_string(),
            }
            .to_hash();
            view! {
                <li class="panel questionnaire-card" data-testid=format!("questionnaire-{}", d.id)>
                    <h2><a href=href.clone()>{move || d.title.get(ui.lang.get())}</a></h2>
                    <p>{move || d.intro.get(ui.lang.get())}</p>
                    <p data-testid="questionnaire-latest">{move || {
                        let lang = ui.lang.get();
                        match latest.get() {
                            (Some((date, total)), n) => tf(lang, Key::AssessmentLatest, &[
                                ("total", &total.to_string()),
                                ("date", &format_date(date, lang)),
                                ("n", &n.to_string()),
                            ]),
                            (None, 0) => ui.t(Key::AssessmentNone).to_string(),
                            (None, n) => tf(lang, Key::AssessmentNoScore, &[("n", &n.to_string())]),
                        }
                    }}</p>
                    <a class="button primary" href=href data-testid=format!("open-{}", d.id)>{move || ui.t(Key::AssessmentOpen)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{move || ui.t(Key::AssessmentsIntro)}</p>
        <ul class="questionnaire-list">{cards}</ul>
    }
}

/// One stored assessment with its score, for display.
#[derive(Clone, PartialEq, Eq)]
struct Scored {
    response: Response,
    score: Score,
}

/// One questionnaire of one client: fill in, compare, history.
#[component]
pub fn AssessmentPage(
    /// The client.
    id: ClientId,
    /// The questionnaire's id from the URL.
    definition: String,
) -> impl IntoView {
    let ui = use_ui();
    let Some(def) = definitions::find(&definition)
        .filter(|d| d.usage == kbr_core::questionnaire::Use::Assessment)
    else {
        return view! {
            <section class="panel" data-testid="unknown-questionnaire">
                <p>{move || ui.t(Key::UnknownQuestionnaire)}</p>
                <a href=Route::Client { id: id.0.clone(), tab: ClientTab::Assessments }.to_hash()>{move || ui.t(Key::BackToAssessments)}</a>
            </section>
        }
        .into_any();
    };
    let store = use_store();
    let cid = id.clone();
    // Newest first: the screen leads with the latest assessment.
    let history = Memo::new(move |_| {
        store
            .read(&cid, |a| {
                a.assessments_of(def.id)
                    .into_iter()
                    .rev()
                    .map(|r| Scored {
                        score: score(def, &r.answers),
                        response: r.clone(),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // The two assessments compared: chosen, or the latest and the one before.
    let chosen_a = RwSignal::new(None::<ResponseId>);
    let chosen_b = RwSignal::new(None::<Option<ResponseId>>);
    let pick = move |which: Option<ResponseId>, fallback: usize| {
        // A chosen assessment that was deleted meanwhile falls back too.
        history.with(|h| {
            which
                .and_then(|id| h.iter().find(|s| s.response.id == id))
                .or_else(|| h.get(fallback))
                .cloned()
        })
    };
    let current = Memo::new(move |_| pick(chosen_a.get(), 0));
    let previous = Memo::new(move |_| match chosen_b.get() {
        Some(None) => None,
        Some(Some(id)) => pick(Some(id), usize::MAX),
        None => {
            // The one before the current, by position in the history.
            let a = current.get()?;
            history.with(|h| {
                let i = h.iter().position(|s| s.response.id == a.response.id)?;
                h.get(i + 1).cloned()
            })
        }
    });
    let label = move |s: &Scored| {
        let lang = ui.lang.get();
        format_date(s.response.date, lang)
    };
    let radar_current = Signal::derive(move || current.get().map(|s| (label(&s), s.score)));
    let radar_previous = Signal::derive(move || previous.get().map(|s| (label(&s), s.score)));

    let filling = RwSignal::new(false);
    let form_id = id.clone();
    let back = Route::Client {
        id: id.0.clone(),
        tab: ClientTab::Assessments,
    }
    .to_hash();
    view! {
        <section class="panel" data-testid="assessment">
            <p class="crumbs"><a href=back>{move || ui.t(Key::BackToAssessments)}</a></p>
            <h2>{move || def.title.get(ui.lang.get())}</h2>
            <p>{move || def.intro.get(ui.lang.get())}</p>
            <Show when=move || !filling.get()>
                <button type="button" class="button primary" data-testid="assessment-new"
                    on:click=move |_| filling.set(true)>{move || ui.t(Key::AssessmentNew)}</button>
            </Show>
            <Show when=move || filling.get()>
                <AssessmentForm id=form_id.clone() def=def filling=filling />
            </Show>
        </section>
        <Show when=move || !history.with(Vec::is_empty) fallback=move || view! {
            <p class="panel muted" data-testid="assessment-empty">{move || ui.t(Key::AssessmentNone)}</p>
        }>
            <section class="panel" data-testid="assessment-result">
                <h2>{move || ui.t(Key::AssessmentResult)}</h2>
                <div class="compare-pickers">
                    <label class="field inline"><span>{move || ui.t(Key::CompareShown)}</span>
                        <select data-testid="compare-a" on:change=move |ev| {
                            chosen_a.set(event_target_value(&ev).parse().ok().map(ResponseId));
                        }>
                            {move || response_options(&history.get(), current.get().map(|s| s.response.id), ui.lang.get())}
                        </select>
                    </label>
                    <label class="field inline"><span>{move || ui.t(Key::CompareWith)}</span>
                        <select data-testid="compare-b" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            chosen_b.set(Some(v.parse().ok().map(ResponseId)));
                        }>
                            <option value="" selected=move || previous.get().is_none()>{move || ui.t(Key::CompareNothing)}</option>
                            {move || response_options(&history.get(), previous.get().map(|s| s.response.id), ui.lang.get())}
                        </select>
                    </label>
                </div>
                <p class="big-total" data-testid="assessment-total">{move || {
                    let lang = ui.lang.get();
                    match current.get().and_then(|s| s.score.total) {
                        Some(t) => {
                            let delta = previous.get().and_then(|p| p.score.total).map(|p| i32::from(t) - i32::from(p));
                            let mut text = tf(lang, Key::TotalOutOf100, &[("total", &t.to_string())]);
                            if let Some(d) = delta {
                                text.push(' ');
                                text.push_str(&tf(lang, Key::TotalDelta, &[("delta", &signed(d))]));
                            }
                            text
                        }
                        None => ui.t(Key::AllSkipped).to_string(),
                    }
                }}</p>
                <div class="result-grid">
                    {(def.sections.len() >= 3).then(|| view! {
                        <RadarChart definition=def current=radar_current previous=radar_previous />
                    })}
                    <div class="table-wrap" tabindex="0" role="region" aria-label=move || ui.t(Key::AssessmentResult)>
                        <table class="score-table" data-testid="section-scores">
                            <caption class="visually-hidden">{move || ui.t(Key::AssessmentResult)}</caption>
                            <thead><tr>
                                <th scope="col">{move || ui.t(Key::SectionColumn)}</th>
                                <th scope="col" class="num">{move || current.get().map(|s| label(&s))}</th>
                                <th scope="col" class="num">{move || previous.get().map(|s| label(&s))}</th>
                                <th scope="col" class="num">{move || ui.t(Key::Difference)}</th>
                            </tr></thead>
                            <tbody>
                                {def.sections.iter().map(|section| {
                                    let a = move || current.get().and_then(|s| s.score.section(section.id).cloned());
                                    let b = move || previous.get().and_then(|s| s.score.section(section.id).cloned());
                                    view! {
                                        <tr data-testid=format!("section-{}", section.id)>
                                            <th scope="row">{move || section.title.get(ui.lang.get())}</th>
                                            <td class="num">{move || section_text(a().as_ref(), ui.lang.get())}</td>
                                            <td class="num">{move || section_text(b().as_ref(), ui.lang.get())}</td>
                                            <td class="num">{move || match (a().and_then(|x| x.percent), b().and_then(|x| x.percent)) {
                                                (Some(x), Some(y)) => signed(i32::from(x) - i32::from(y)),
                                                _ => "—".to_string(),
                                            }}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
                {move || current.get().and_then(|s| weakest(def, &s.score)).map(|section| view! {
                    <div class="tip" data-testid="weakest">
                        <h3>{move || tf(ui.lang.get(), Key::WeakestSection, &[("section", section.title.get(ui.lang.get()))])}</h3>
                        <p class="muted">{move || section.description.get(ui.lang.get())}</p>
                        <p><strong>{move || ui.t(Key::Tip)}": "</strong><span data-testid="weakest-tip">{move || section.tip.get(ui.lang.get())}</span></p>
                    </div>
                })}
                {move || current.get().map(|s| {
                    let items = attention_items(def, &s.response.answers);
                    let single = (def.sections.len() == 1).then(|| def.sections[0]);
                    (!items.is_empty()).then(|| view! {
                        <div class="attention" data-testid="attention">
                            <h3>{move || ui.t(Key::AttentionTitle)}</h3>
                            <ul>{items.into_iter().map(|i| view! { <li>{move || i.text.get(ui.lang.get())}</li> }).collect_view()}</ul>
                            {single.map(|section| view! {
                                <p><strong>{move || ui.t(Key::Tip)}": "</strong>{move || section.tip.get(ui.lang.get())}</p>
                            })}
                        </div>
                    })
                })}
            </section>
            <AssessmentHistory id=id.clone() def=def history=history />
        </Show>
    }
    .into_any()
}

fn signed(d: i32) -> String {
    match d {
        0 => "0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.abs()),
    }
}

/// One `<option>` per assessment (date and total), `selected` chosen.
fn response_options(
    history: &[Scored],
    selected: Option<ResponseId>,
    lang: kbr_core::i18n::Lang,
) -> impl IntoView {
    history
        .iter()
        .map(|s| {
            let date = format_date(s.response.date, lang);
            let text = match s.score.total {
                Some(t) => format!("{date} · {t}/100"),
                None => format!("{date} · —"),
            };
            view! { <option value=s.response.id.0 selected=selected == Some(s.response.id)>{text}</option> }
        })
        .collect_view()
}

/// A section's score as the table shows it: the 1–5 mean where there is
/// one (hostmanship), else the percentage.
fn section_text(s: Option<&SectionScore>, lang: kbr_core::i18n::Lang) -> String {
    match s {
        Some(SectionScore {
            mean_tenths: Some(m),
            ..
        }) => format!("{} / 5", tenths_text(*m, lang)),
        Some(SectionScore {
            percent: Some(p), ..
        }) => format!("{p}%"),
        _ => "—".to_string(),
    }
}

/// The history per section: one row per assessment, newest first, with a
/// way to delete one (with undo).
#[component]
fn AssessmentHistory(
    /// The client.
    id: ClientId,
    /// The questionnaire.
    def: &'static Definition,
    /// Scored assessments, newest first.
    history: Memo<Vec<Scored>>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    view! {
        <section class="panel" data-testid="assessment-history">
            <h2>{move || ui.t(Key::HistoryPerSection)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || ui.t(Key::HistoryPerSection)>
                <table class="score-table history-table">
                    <caption class="visually-hidden">{move || ui.t(Key::HistoryPerSection)}</caption>
                    <thead><tr>
                        <th scope="col">{move || ui.t(Key::Date)}</th>
                        {def.sections.iter().map(|s| view! { <th scope="col" class="num">{move || s.title.get(ui.lang.get())}</th> }).collect_view()}
                        <th scope="col" class="num">{move || ui.t(Key::TotalColumn)}</th>
                        <th scope="col"><span class="visually-hidden">{move || ui.t(Key::Actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || history.get() key=|s| (s.response.id, s.response.date, s.score.total) let:row>
                            {
                                let date = row.response.date;
                                let rid = row.response.id;
                                let cid = id.clone();
                                let score = row.score.clone();
                                view! {
                                    <tr data-testid="history-row">
                                        <th scope="row">{move || format_date(date, ui.lang.get())}</th>
                                        {score.sections.iter().map(|s| {
                                            let s = s.clone();
                                            view! { <td class="num">{move || section_text(Some(&s), ui.lang.get())}</td> }
                                        }).collect_view()}
                                        <td class="num"><strong>{score.total.map_or("—".to_string(), |t| t.to_string())}</strong></td>
                                        <td><button type="button" class="button small danger" data-testid="delete-assessment"
                                            aria-label=move || tf(ui.lang.get(), Key::DeleteAssessment, &[("date", &format_date(date, ui.lang.get()))])
                                            on:click=move |_| {
                                                let mut removed = None;
                                                store.update(&cid, |a| {
                                                    if let Some(i) = a.assessments.iter().position(|r| r.id == rid) {
                                                        removed = Some(a.assessments.remove(i));
                                                    }
                                                });
                                                if let Some(r) = removed {
                                                    store.notify(ui.t(Key::AssessmentDeleted).to_string(), Some(Undo::Assessment(cid.clone(), Box::new(r))));
                                                }
                                            }>{move || ui.t(Key::Delete)}</button></td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The form for a new assessment of `def`.
#[component]
fn AssessmentForm(
    /// The client.
    id: ClientId,
    /// The questionnaire.
    def: &'static Definition,
    /// Set to false when the form closes.
    filling: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let answers = RwSignal::new(Answers::new());
    let date = RwSignal::new(store.today.to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = ui.lang.get_untracked();
        let result = store.with_account(&id, |a| {
            build_response(
                def,
                a.next_response_id(),
                parse_date(&date.get_untracked()),
                answers.get_untracked(),
                store.today,
            )
        });
        match result {
            Some(Ok(response)) => {
                store.update(&id, |a| a.assessments.push(response));
                store.notify(ui.t(Key::AssessmentSaved).to_string(), None);
                filling.set(false);
            }
            Some(Err(e)) => errors.set(e.iter().map(|e| e.message(lang)).collect()),
            None => {}
        }
    };
    let answered = move || {
        let s = answers.with(|a| score(def, a));
        tf(
            ui.lang.get(),
            Key::AnsweredCount,
            &[
                ("answered", &s.answered.to_string()),
                ("total", &def.scored_items().to_string()),
            ],
        )
    };
    view! {
        <form class="form questionnaire-form" on:submit=save novalidate data-testid="assessment-form">
            <label class="field inline"><span>{move || ui.t(Key::Date)}</span>
                <input type="date" data-testid="assessment-date" prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) /></label>
            {def.sections.iter().map(|section| view! {
                <fieldset data-testid=format!("fieldset-{}", section.id)>
                    <legend>{move || section.title.get(ui.lang.get())}</legend>
                    <p class="muted small">{move || section.description.get(ui.lang.get())}</p>
                    {def.items_of(section.id).map(|item| view! {
                        <QuestionField item=item answers=answers form=def.id />
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
            <p class="muted" aria-live="polite" data-testid="answered-count">{answered}</p>
            <Show when=move || !errors.get().is_empty()>
                <ul class="errors" role="alert">{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </Show>
            <div class="actions">
                <button type="submit" class="button primary" data-testid="assessment-save">{move || ui.t(Key::AssessmentSave)}</button>
                <button type="button" class="button" on:click=move |_| filling.set(false)>{move || ui.t(Key::Cancel)}</button>
            </div>
        </form>
    }
}
