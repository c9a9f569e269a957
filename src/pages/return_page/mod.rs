//! A return link opened in the app (`#/r/<code>`): the answers are shown
//! with where they belong (a workshop session or a client's invite round
//! in this browser) and added only when the user confirms.

use chrono::NaiveDate;
use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::invite::code::{decode_return, Kind};
use kbr_core::invite::rounds::{client_return, find_round};
use kbr_core::invite::workshop::SessionCommand;
use kbr_core::model::RoundId;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// The answers in `code`, with a button to add them where they belong.
#[component]
pub fn ReturnPage(
    /// The return code from the URL.
    code: String,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let workshops = use_workshops();
    let decoded = decode_return(&code);
    let error = RwSignal::new(None::<String>);
    let body = match decoded {
        Err(e) => view! {
            <p class="errors" role="alert" data-testid="return-error">
                {move || e.message(ui.lang.get())}
            </p>
        }
        .into_any(),
        Ok(ret) => {
            let round = RoundId(ret.session);
            let who = ret.pseudonym.clone();
            match ret.kind {
                Kind::Workshop => {
                    let title = workshops.with(round, |s| s.title.clone());
                    let added_on = workshops.with(round, |s| s.added_on(&ret)).flatten();
                    let add = {
                        let code = code.clone();
                        move |_| {
                            let lang = ui.lang.get_untracked();
                            match workshops.apply(
                                round,
                                SessionCommand::Collect(code.clone()),
                                lang,
                            ) {
                                Ok((_, outcomes)) => {
                                    let line = outcomes
                                        .first()
                                        .map(|o| crate::pages::workshops::outcome_line(o, lang).1)
                                        .unwrap_or_default();
                                    store.notify(line, None);
                                    ui.go(Route::Workshop(round));
                                }
                                Err(e) => error.set(Some(e)),
                            }
                        }
                    };
                    match (title, added_on) {
                        (Some(_), Some(day)) => {
                            already_added(day, Route::Workshop(round).to_hash()).into_any()
                        }
                        (None, _) => view! {
                            <p class="errors" role="alert" data-testid="return-error">
                                {ui.tr(Key::ReturnNoSession)}
                            </p>
                        }
                        .into_any(),
                        (Some(title), None) => view! {
                            <p data-testid="return-target">
                                {move || {
                                    let lang = ui.lang.get();
                                    let who = if who.is_empty() {
                                        Key::ReturnNoName.text(lang).to_string()
                                    } else {
                                        tf(lang, Key::ReturnFrom, &[("who", &who)])
                                    };
                                    tf(
                                        lang,
                                        Key::ReturnForWorkshop,
                                        &[("title", &title), ("who", &who)],
                                    )
                                }}
                            </p>
                            <button
                                type="button"
                                class="button primary"
                                on:click=add
                                data-testid="return-add"
                            >
                                {ui.tr(Key::ReturnAdd)}
                            </button>
                        }
                        .into_any(),
                    }
                }
                Kind::Client => {
                    let accounts = store.accounts_now();
                    let found = find_round(&accounts, round)
                        .map(|(a, r)| (a.client.id.clone(), a.client.name.clone(), r));
                    match (found, client_return(&ret, store.today())) {
                        (Some((client, _, r)), Ok(answer)) if r.added_on(&answer).is_some() => {
                            let day = r.added_on(&answer).unwrap_or(answer.received);
                            let to = Route::Client {
                                id: client,
                                tab: ClientTab::ClientView,
                            };
                            already_added(day, to.to_hash()).into_any()
                        }
                        (Some((client, name, _)), Ok(answer)) => {
                            let add = move |_| {
                                let lang = ui.lang.get_untracked();
                                let cmd = Command::AddClientReturn {
                                    round,
                                    answer: Box::new(answer.clone()),
                                };
                                match store.act(&client, cmd, ui.t(Key::ReturnAdded).to_string()) {
                                    Ok(()) => ui.go(Route::Client {
                                        id: client.clone(),
                                        tab: ClientTab::ClientView,
                                    }),
                                    Err(e) => error.set(Some(e.messages(lang).join(" "))),
                                }
                            };
                            view! {
                                <p data-testid="return-target">
                                    {move || tf(
                                        ui.lang.get(),
                                        Key::ReturnForClient,
                                        &[("client", &name)],
                                    )}
                                </p>
                                <button
                                    type="button"
                                    class="button primary"
                                    on:click=add
                                    data-testid="return-add"
                                >
                                    {ui.tr(Key::ReturnAdd)}
                                </button>
                            }
                            .into_any()
                        }
                        (None, _) => view! {
                            <p class="errors" role="alert" data-testid="return-error">
                                {ui.tr(Key::ReturnNoRound)}
                            </p>
                        }
                        .into_any(),
                        (_, Err(e)) => view! {
                            <p class="errors" role="alert" data-testid="return-error">
                                {move || e.message(ui.lang.get())}
                            </p>
                        }
                        .into_any(),
                    }
                }
            }
        }
    };
    view! {
        <section class="panel return-page" data-testid="return-page">
            <h1>{ui.tr(Key::ReturnTitle)}</h1>
            {body}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="errors" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// The page's entry point, registered by the router (`routes.rs`): a return link opened on the trainer's or sender's device.
pub fn page(route: kbr_core::route::Route) -> AnyView {
    use kbr_core::route::Route;
    match route {
        Route::Return(code) => view! { <ReturnPage code=code /> }.into_any(),
        _ => view! { <crate::pages::not_found::NotFound /> }.into_any(),
    }
}

/// The answers of a link opened again: when they were added, and where
/// to see them (nothing is added twice).
fn already_added(day: NaiveDate, href: String) -> impl IntoView {
    let ui = use_ui();
    view! {
        <p class="banner info" data-testid="return-already">
            {move || {
                let lang = ui.lang.get();
                tf(lang, Key::ReturnAlreadyAdded, &[("date", &format_date(day, lang))])
            }}
        </p>
        <a class="button primary" href=href data-testid="return-open">
            {ui.tr(Key::ReturnOpenTarget)}
        </a>
    }
}
