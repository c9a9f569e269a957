//! The app header: product name, the guide and the language switch.

use kbr_core::i18n::{Key, Lang};
use kbr_core::route::Route;
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// Product name (a link home) and the NL/EN switch.
#[component]
pub fn Header() -> impl IntoView {
    let ui = use_ui();
    view! {
        <header class="app-header">
            <a class="brand" href=Route::Overview.to_hash() data-testid="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-text">
                    <span class="brand-name">{ui.tr(Key::AppName)}</span>
                    <span class="brand-tagline">{ui.tr(Key::AppTagline)}</span>
                </span>
            </a>
            <nav class="header-nav" aria-label=ui.tr(Key::MainNav)>
                <a href=Route::Guide.to_hash() data-testid="nav-guide">
                    {ui.tr(Key::NavGuide)}
                </a>
                <LangSwitch />
            </nav>
        </header>
    }
}

/// Two toggle buttons, NL and EN; the pressed one is the current language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="lang-switch" role="group" aria-label=ui.tr(Key::LanguageLabel)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            data-testid=format!("lang-{}", lang.code())
                            aria-pressed=move || (ui.lang.get() == lang).to_string()
                            on:click=move |_| ui.lang.set(lang)
                        >
                            {lang.code().to_ascii_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
