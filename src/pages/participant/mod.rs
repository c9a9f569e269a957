//! The participant page: what a workshop participant or a client contact
//! sees after opening an invite link, on a phone, with no app chrome. One
//! section per screen, the draft kept locally while filling in, the own
//! result at the end (workshop) or a thank-you (client), and the return
//! link with its QR code, copy, share and file download.
//!
//! It is a separate small program (`src/bin/participant.rs`) beside the
//! app, so a phone on a conference-room network loads only this.

mod done;
mod intro;
mod own_result;
mod screen;

use kbr_core::i18n::{Key, Lang};
use kbr_core::invite::code::{decode_invite, Invite, Kind};
use kbr_core::invite::flow::{decode_draft, draft_key, encode_draft, screens, Draft};
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::components::header::LangSwitch;
use crate::state::browser;
use crate::state::persist;
use crate::state::ui::Ui;
use done::Done;
use intro::Intro;
use screen::SectionScreen;

/// The invite and the participant's draft, shared by the screens.
#[derive(Clone, Copy)]
pub struct Flow {
    /// The invite as its link carried it.
    pub invite: StoredValue<Invite>,
    /// What has been filled in so far (saved on every change).
    pub draft: RwSignal<Draft>,
}

/// The [`Flow`] context.
pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}

fn invite_code() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.trim_start_matches('#')
        .trim_start_matches('/')
        .strip_prefix("i/")
        .unwrap_or_default()
        .to_string()
}

/// The whole participant page.
#[component]
pub fn ParticipantApp() -> impl IntoView {
    let decoded = decode_invite(&invite_code());
    let lang = RwSignal::new(decoded.as_ref().map_or(Lang::Nl, |i| i.lang));
    provide_context(Ui {
        lang,
        route: RwSignal::new(Route::NotFound),
    });
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // Another invite link opened in this tab: start again from it.
    let handle = window_event_listener(leptos::ev::hashchange, |_| {
        let _ = window().location().reload();
    });
    on_cleanup(move || handle.remove());
    let ui = crate::state::ui::use_ui();
    // A client answering an invite sees who asks (on the first screen),
    // not the name of our tool: that stays on our side.
    let for_client = matches!(&decoded, Ok(i) if i.kind == Kind::Client);
    let body = match decoded {
        Err(e) => view! {
            <section class="panel participant-error" data-testid="invite-error">
                <h1>{ui.tr(Key::InviteBadTitle)}</h1>
                <p role="alert">{move || e.message(lang.get())}</p>
                <p class="muted">{ui.tr(Key::InviteBadHelp)}</p>
            </section>
        }
        .into_any(),
        Ok(invite) => {
            let key = draft_key(&invite);
            let draft = persist::local::load_text(&key)
                .and_then(|raw| decode_draft(&invite, &raw))
                .unwrap_or_else(|| {
                    Draft::new(&invite, (browser::random_bits() & 0xFFFF_FFFF) as u32)
                });
            let flow = Flow {
                invite: StoredValue::new(invite),
                draft: RwSignal::new(draft),
            };
            provide_context(flow);
            // Kept on every change: a reload or a closed tab loses nothing.
            Effect::new(move |_| {
                let raw = flow
                    .invite
                    .with_value(|i| flow.draft.with(|d| encode_draft(i, d)));
                let _ = persist::local::save_text(&key, &raw);
            });
            view! { <Steps /> }.into_any()
        }
    };
    // Its own small worker: the page works offline
    // once opened, and says when a new version is ready.
    crate::state::offline::install("./sw.js");
    view! {
        <header class="participant-header">
            <span class="brand-name">{(!for_client).then(|| ui.tr(Key::AppName))}</span>
            <LangSwitch />
        </header>
        <crate::components::update_notice::UpdateNotice />
        <main id="main" class="participant" tabindex="-1" data-testid="participant">
            {body}
        </main>
    }
}

/// The screen for the current step.
#[component]
fn Steps() -> impl IntoView {
    let flow = use_flow();
    let count = flow.invite.with_value(|i| screens(i).len());
    let step = Memo::new(move |_| flow.draft.with(|d| d.step));
    // The end screen's code comes while the participant answers, so a
    // network that drops during the session does not stand between them
    // and their return link (a failed fetch is tried again at the end).
    Effect::new(move |warmed: Option<bool>| {
        if warmed != Some(true) && step.get() >= 1 {
            leptos::task::spawn_local(async {
                let _ = DONE_SCREEN.call(false).await;
            });
            return true;
        }
        warmed.unwrap_or(false)
    });
    move || match step.get() {
        0 => view! { <Intro /> }.into_any(),
        n if n <= count => view! { <SectionScreen index=n - 1 count=count /> }.into_any(),
        _ => view! { <crate::components::deferred::Deferred load=|| DONE_SCREEN.call(true) /> }
            .into_any(),
    }
}

crate::chunk! {
    /// The end: the own result and the return link with its QR code
    /// (`show: false` only fetches the code, drawing nothing).
    pub static DONE_SCREEN = fn done_screen(show: bool) -> AnyView {
        if show { view! { <Done /> }.into_any() } else { ().into_any() }
    }
}

/// Moves to step `n` and puts the focus on the new screen's heading, so a
/// screen reader and the keyboard start at the top.
pub fn go_to(flow: Flow, n: usize) {
    flow.draft.update(|d| d.step = n);
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(h) = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}
