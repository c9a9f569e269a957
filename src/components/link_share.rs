//! A link to pass on: shown in full, with its QR code, a copy button and,
//! on phones, the system share sheet. Used for workshop and client invites
//! and for the answers a participant sends back.

use kbr_core::i18n::Key;
use leptos::prelude::*;

use crate::components::qr::QrCode;
use crate::state::browser;
use crate::state::ui::use_ui;

/// `link` with a QR code, copy and share.
#[component]
pub fn LinkShare(
    /// The link.
    #[prop(into)]
    link: Signal<String>,
    /// What the QR code shows, for screen readers.
    #[prop(into)]
    qr_label: Signal<String>,
    /// Text that goes with the link in the share sheet and on copy of the
    /// message (empty: only the link).
    #[prop(optional, into)]
    share_text: Signal<String>,
    /// The test id of the link field.
    #[prop(into)]
    testid: String,
    /// A large QR code, to scan from the back of a room.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let ui = use_ui();
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&text).await));
        });
    };
    let share = move |_| {
        let (text, url) = (share_text.get_untracked(), link.get_untracked());
        leptos::task::spawn_local(async move {
            browser::share("Klantbankrekening", &text, &url).await;
        });
    };
    let field_id = format!("{testid}-field");
    view! {
        <div class="link-share">
            <QrCode text=link label=qr_label class=if large { "large" } else { "" } />
            <div class="link-share-text">
                <input
                    id=field_id
                    aria-label=ui.tr(Key::LinkLabel)
                    class="link-field"
                    type="text"
                    readonly
                    data-testid=testid
                    prop:value=move || link.get()
                    on:focus=|ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            i.select();
                        }
                    }
                />
                <div class="actions">
                    <button
                        type="button"
                        class="button primary"
                        on:click=copy
                        data-testid="copy-link"
                    >
                        {ui.tr(Key::CopyLink)}
                    </button>
                    <Show when=browser::can_share>
                        <button
                            type="button"
                            class="button"
                            on:click=share
                            data-testid="share-link"
                        >
                            {ui.tr(Key::ShareLink)}
                        </button>
                    </Show>
                </div>
                <p class="muted small" role="status" data-testid="copy-status">
                    {move || match copied.get() {
                        Some(true) => ui.t(Key::Copied),
                        Some(false) => ui.t(Key::CopyFailed),
                        None => "",
                    }}
                </p>
            </div>
        </div>
    }
}
