//! A QR code of a link, drawn as SVG from the core's module path, so it is
//! sharp when projected and scales with the screen.

use kbr_core::invite::qr::qr_of;
use leptos::prelude::*;

/// The QR code of `text`; nothing when the text is too long for one.
#[component]
pub fn QrCode(
    /// The link to encode.
    #[prop(into)]
    text: Signal<String>,
    /// The accessible name ("QR code of the invite link").
    #[prop(into)]
    label: Signal<String>,
    /// Extra class (size).
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    let qr = Memo::new(move |_| text.with(|t| qr_of(t)));
    move || {
        qr.get().map(|qr| {
            let view_box = qr.view_box();
            view! {
                <svg
                    class=format!("qr {class}")
                    viewBox=view_box
                    role="img"
                    aria-label=move || label.get()
                    data-testid="qr"
                    data-qr-version=qr.version.to_string()
                    shape-rendering="crispEdges"
                    xmlns="http://www.w3.org/2000/svg"
                >
                    <rect width="100%" height="100%" fill="#fff" />
                    <path d=qr.path fill="#000" />
                </svg>
            }
        })
    }
}
