//! A workshop participant's return link, opened on the trainer's device.

use kbr_core::i18n::{tf, Key};
use kbr_core::invite::code::Return;
use kbr_core::invite::workshop::SessionCommand;
use kbr_core::model::RoundId;
use kbr_core::route::Route;
use leptos::prelude::*;

use super::{already_added, refused};
use crate::state::store::use_store;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// Where the answers of `ret` (from `code`) go: its session in this
/// browser, with "add"; or that they are there already; or why not.
pub(super) fn workshop_target(
    ret: Return,
    code: String,
    error: RwSignal<Option<String>>,
) -> AnyView {
    let ui = use_ui();
    let store = use_store();
    let workshops = use_workshops();
    let round = RoundId(ret.session);
    let Some(title) = workshops.with(round, |s| s.title.clone()) else {
        return refused(move || ui.t(Key::ReturnNoSession).to_string());
    };
    if let Some(day) = workshops.with(round, |s| s.added_on(&ret)).flatten() {
        return already_added(day, Route::Workshop(round).to_hash()).into_any();
    }
    let add = move |_| {
        let lang = ui.lang.get_untracked();
        match workshops.apply(round, SessionCommand::Collect(code.clone()), lang) {
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
    };
    let who = ret.pseudonym;
    view! {
        <p data-testid="return-target">
            {move || {
                let lang = ui.lang.get();
                let who = if who.is_empty() {
                    Key::ReturnNoName.text(lang).to_string()
                } else {
                    tf(lang, Key::ReturnFrom, &[("who", &who)])
                };
                tf(lang, Key::ReturnForWorkshop, &[("title", &title), ("who", &who)])
            }}
        </p>
        <button type="button" class="button primary" on:click=add data-testid="return-add">
            {ui.tr(Key::ReturnAdd)}
        </button>
    }
    .into_any()
}
