//! The trainer's workshops: the list of sessions with a form for a new one
//! ([`WorkshopsPage`]), and one session with its invite, the answers
//! collected and, once revealed, the group results ([`WorkshopPage`]).

mod collect;
mod dots;
mod file_drop;
mod new_session;
mod outcome;
mod projector;
mod projector_slide;
mod results;
mod save_to_client;
mod scan_spread;
mod scan_status;
mod scanner;
pub use scanner::{scanner_view, SCANNER_VIEW};
mod session;
mod session_actions;
mod stats_text;
mod worksheet;

pub use outcome::outcome_line;
pub use session::WorkshopPage;
pub use worksheet::Worksheet;

use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;
use new_session::NewSessionForm;

/// Every session, newest first, and the form for a new one.
#[component]
pub fn WorkshopsPage() -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let rows = move || {
        let lang = ui.lang.get();
        workshops
            .list()
            .into_iter()
            .map(|s| {
                let href = Route::Workshop(s.id).to_hash();
                let title = if s.title.is_empty() {
                    ui.t(Key::WorkshopUntitled).to_string()
                } else {
                    s.title.clone()
                };
                let meta = tf(
                    lang,
                    Key::WorkshopListMeta,
                    &[
                        ("date", &format_date(s.created, lang)),
                        ("n", &s.participants.len().to_string()),
                    ],
                );
                view! {
                    <li class="session-row" data-testid="session-row">
                        <a href=href class="user-text">
                            {title}
                        </a>
                        <span class="muted small">{meta}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="workshops-page" data-testid="workshops-page">
            <div class="page-head">
                <div class="page-title">
                    <p class="crumbs">
                        <a href=Route::Overview.to_hash()>{ui.tr(Key::NavOverview)}</a>
                        " ›"
                    </p>
                    <h1>{ui.tr(Key::WorkshopsTitle)}</h1>
                    <p class="muted">{ui.tr(Key::WorkshopsIntro)}</p>
                </div>
            </div>
            <NewSessionForm />
            <Show when=move || !workshops.list().is_empty()>
                <h2>{ui.tr(Key::WorkshopsList)}</h2>
                <ul class="session-list">{rows}</ul>
            </Show>
        </section>
    }
}

crate::chunk! {
    /// The page's entry point, registered by the router: the trainer's
    /// workshop screens (the list, one session, a blank worksheet), in a
    /// chunk of its own that loads when the route is first opened.
    pub static WORKSHOP_PAGE = fn workshop_page(route: kbr_core::route::Route) -> AnyView {
        use kbr_core::route::Route;
        match route {
            Route::Workshop(id) => view! { <WorkshopPage id=id /> }.into_any(),
            Route::Projector(id) => view! { <projector::ProjectorView id=id /> }.into_any(),
            Route::Worksheet(definition) => view! { <Worksheet definition=definition /> }.into_any(),
            _ => view! { <WorkshopsPage /> }.into_any(),
        }
    }
}
