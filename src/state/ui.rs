//! Shared UI state provided as Leptos context: language and route.
//!
//! Kept small on purpose: domain data lives in the store (see `storage`), and
//! every figure shown is a memo of a `kbr_core` function over it.

use kbr_core::i18n::{Key, Lang};
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::state::persist;

/// Language and navigation, shared by every component through context.
#[derive(Clone, Copy)]
pub struct Ui {
    /// The current language; changing it re-renders every text and is
    /// remembered in storage.
    pub lang: RwSignal<Lang>,
    /// The screen shown, parsed from `location.hash`.
    pub route: RwSignal<Route>,
}

impl Ui {
    /// Creates the state from storage and the URL, and keeps both in sync:
    /// the language is saved when it changes, the route follows `hashchange`.
    pub fn install() -> Ui {
        let lang = RwSignal::new(persist::local::load_lang().unwrap_or_default());
        let route = RwSignal::new(Route::parse(&current_hash()));

        Effect::new(move |_| {
            let lang = lang.get();
            set_document_lang(lang);
            // A failed save of the preference is not worth a banner: the
            // choice still holds for this visit.
            let _ = persist::local::save_lang(lang);
        });

        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(Route::parse(&current_hash()));
        });
        on_cleanup(move || handle.remove());

        Ui { lang, route }
    }

    /// The text of `key` in the current language (tracked: re-renders on switch).
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.lang.get())
    }

    /// The text of `key` as a view that follows the language. Every static
    /// text of every screen is this one closure type, so the view code for
    /// it exists once in the wasm instead of once per text.
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key.text(self.lang.get())
    }

    /// Navigates to `route` by setting the hash, so the browser's back button
    /// and reloads work as users expect.
    pub fn go(&self, route: Route) {
        let hash = route.to_hash();
        if let Err(err) = window().location().set_hash(&hash) {
            crate::state::browser::warn("could not navigate", &err);
        }
        self.route.set(route);
    }
}

/// The `Ui` context; components are only ever mounted under [`crate::App`]
/// or a test harness that provides it.
pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Moves keyboard focus to the main region (skip link, page changes).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}
