//! One workshop session: the invite to project, the answers collected
//! (only counts until the trainer reveals), the group results, and what
//! can be done with them (save onto a client, CSV, handout, worksheet).

use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::invite::code::encode_invite;
use kbr_core::model::RoundId;
use kbr_core::route::Route;
use leptos::prelude::*;

use super::collect::CollectPanel;
use super::results::ExerciseResult;
use super::save_to_client::SaveToClient;
use super::session_actions::SessionActions;
use super::worksheet::WorksheetLinks;
use crate::components::link_share::LinkShare;
use crate::pages::not_found::NotFound;
use crate::state::browser;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// Session `id`.
#[component]
pub fn WorkshopPage(
    /// The session's id from the URL.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let exists = move || workshops.with(id, |_| ()).is_some();
    let title = move || {
        workshops
            .with(id, |s| s.title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| ui.t(Key::WorkshopUntitled).to_string())
    };
    let meta = move || {
        let lang = ui.lang.get();
        workshops
            .with(id, |s| {
                let names: Vec<&str> = s.definitions().iter().map(|d| d.title.get(lang)).collect();
                tf(
                    lang,
                    Key::WorkshopMeta,
                    &[
                        ("date", &format_date(s.created, lang)),
                        (
                            "lang",
                            ui.t(crate::components::lang_picker::lang_key(s.lang)),
                        ),
                        ("exercises", &names.join(", ")),
                    ],
                )
            })
            .unwrap_or_default()
    };
    let link = Signal::derive(move || {
        workshops
            .with(id, |s| browser::invite_link(&encode_invite(&s.invite())))
            .unwrap_or_default()
    });
    let revealed = move || workshops.with(id, |s| s.revealed).unwrap_or(false);
    let results = move || {
        workshops
            .with(id, |s| s.definitions())
            .unwrap_or_default()
            .into_iter()
            .map(|d| view! { <ExerciseResult id=id def=d /> })
            .collect_view()
    };
    view! {
        <Show when=exists fallback=|| view! { <NotFound /> }>
            <section class="workshop-page" data-testid="workshop-page">
                <div class="page-head no-print">
                    <div class="page-title">
                        <p class="crumbs">
                            <a href=Route::Workshops.to_hash()>{ui.tr(Key::WorkshopsTitle)}</a>
                            " ›"
                        </p>
                        <h1 class="user-text" data-testid="session-heading">
                            {title}
                        </h1>
                        <p class="muted">{meta}</p>
                    </div>
                </div>
                <section class="panel invite-panel no-print" aria-labelledby="invite-heading">
                    <h2 id="invite-heading">{ui.tr(Key::WorkshopInvite)}</h2>
                    <p class="muted">{ui.tr(Key::WorkshopInviteHelp)}</p>
                    <LinkShare
                        link=link
                        qr_label=Signal::derive(move || ui.t(Key::WorkshopInviteQr).to_string())
                        testid="invite-link"
                        large=true
                    />
                </section>
                <CollectPanel id=id />
                <SessionActions id=id />
                <Show when=revealed>
                    <div class="handout" data-testid="results">
                        <h1 class="print-only user-text">{title}</h1>
                        <p class="print-only muted">{meta}</p>
                        {results}
                    </div>
                    <SaveToClient id=id />
                </Show>
                <WorksheetLinks id=id />
            </section>
        </Show>
    }
}
