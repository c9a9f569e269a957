//! The results full screen, for a projector: per exercise an overview
//! with the group total and every principle, then one principle per slide
//! for the discussion, most disagreement first (`invite::projector`).
//! Arrows, Page Up/Down and space step; Esc leaves, as does leaving the
//! browser's full screen (where the browser keeps Esc for itself).

use kbr_core::i18n::{tf, Key};
use kbr_core::invite::projector::{slides, step};
use kbr_core::model::RoundId;
use kbr_core::route::Route;
use leptos::ev;
use leptos::prelude::*;

use super::projector_slide::SlideView;
use crate::state::browser;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// Session `id`'s results as slides.
#[component]
pub fn ProjectorView(
    /// The session.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let revealed = move || workshops.with(id, |s| s.revealed).unwrap_or(false);
    let show = Memo::new(move |_| {
        workshops
            .with(id, |s| if s.revealed { slides(s) } else { Vec::new() })
            .unwrap_or_default()
    });
    let at = RwSignal::new(0usize);
    let count = move || show.with(Vec::len);
    let go = move |forward: bool| at.update(|a| *a = step(*a, count(), forward));
    let leave = move || {
        browser::leave_fullscreen();
        ui.go(Route::Workshop(id));
    };
    let keys = window_event_listener(ev::keydown, move |e| {
        match e.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => go(true),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(false),
            "Home" => at.set(0),
            "End" => at.set(count().saturating_sub(1)),
            "Escape" => leave(),
            _ => return,
        }
        e.prevent_default();
    });
    // In the browser's full screen, Esc leaves it without a key event:
    // then the projector is left too.
    let was_full = StoredValue::new(browser::is_fullscreen());
    let screen = window_event_listener_untyped("fullscreenchange", move |_| {
        let full = browser::is_fullscreen();
        if was_full.get_value() && !full {
            leave();
        }
        was_full.set_value(full);
    });
    on_cleanup(move || {
        keys.remove();
        screen.remove();
    });
    let title = move || workshops.with(id, |s| s.title.clone()).unwrap_or_default();
    let position = move || {
        tf(
            ui.lang.get(),
            Key::ProjectorPosition,
            &[
                ("n", &(at.get() + 1).to_string()),
                ("of", &count().to_string()),
            ],
        )
    };
    let current = move || show.with(|s| s.get(at.get()).copied());
    view! {
        <section class="projector" data-testid="projector" aria-labelledby="projector-title">
            <header class="projector-head">
                <h1 id="projector-title" class="user-text">
                    {title}
                </h1>
                <span data-testid="projector-position">{position}</span>
            </header>
            {move || match current() {
                Some(slide) => view! { <SlideView id=id slide=slide /> }.into_any(),
                None => {
                    let key = if revealed() {
                        Key::ProjectorEmpty
                    } else {
                        Key::ProjectorNotRevealed
                    };
                    view! { <p class="projector-empty">{ui.tr(key)}</p> }.into_any()
                }
            }}
            <nav class="projector-nav" aria-label=ui.tr(Key::ProjectorNav)>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| go(false)
                    data-testid="projector-prev"
                >
                    {ui.tr(Key::ProjectorPrev)}
                </button>
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| go(true)
                    data-testid="projector-next"
                >
                    {ui.tr(Key::ProjectorNext)}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| leave()
                    data-testid="projector-close"
                >
                    {ui.tr(Key::ProjectorClose)}
                </button>
            </nav>
        </section>
    }
}
