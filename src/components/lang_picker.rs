//! The language a link's reader will see (a workshop invite, a client
//! invite), chosen from the languages the app speaks.

use kbr_core::i18n::{Key, Lang};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// The name of a language, in the current language.
pub fn lang_key(lang: Lang) -> Key {
    match lang {
        Lang::Nl => Key::LanguageDutch,
        Lang::En => Key::LanguageEnglish,
    }
}

/// One radio button per language, with a legend.
#[component]
pub fn LangPicker(
    /// The radio group's name; test ids are `<name>-<code>`.
    name: &'static str,
    /// The legend above the choices.
    legend: Key,
    /// The chosen language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let ui = use_ui();
    view! {
        <fieldset>
            <legend>{ui.tr(legend)}</legend>
            <div class="segmented answers">
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <label class="answer">
                                <input
                                    type="radio"
                                    name=name
                                    data-testid=format!("{name}-{}", l.code())
                                    prop:checked=move || lang.get() == l
                                    on:change=move |_| lang.set(l)
                                />
                                <span>{move || ui.t(lang_key(l))}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
