//! A return link opened in the app (`#/r/<code>`): the answers are shown
//! with where they belong (a workshop session or a client's invite round
//! in this browser) and added only when the user confirms.

mod client;
mod workshop;

use chrono::NaiveDate;
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::invite::code::{decode_return, Kind};
use leptos::prelude::*;

use crate::state::ui::use_ui;
use client::client_target;
use workshop::workshop_target;

/// The answers in `code`, with a button to add them where they belong.
#[component]
pub fn ReturnPage(
    /// The return code from the URL.
    code: String,
) -> impl IntoView {
    let ui = use_ui();
    let decoded = decode_return(&code);
    let error = RwSignal::new(None::<String>);
    let body = match decoded {
        Err(e) => refused(move || e.message(ui.lang.get())),
        Ok(ret) => match ret.kind {
            Kind::Workshop => workshop_target(ret, code, error),
            Kind::Client => client_target(ret, error),
        },
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

/// Why the answers cannot be added here, as an alert.
fn refused(text: impl Fn() -> String + Send + Sync + 'static) -> AnyView {
    view! {
        <p class="errors" role="alert" data-testid="return-error">
            {text}
        </p>
    }
    .into_any()
}
