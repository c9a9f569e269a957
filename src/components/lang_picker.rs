//! A choice of one among a few named values as a row of radio buttons
//! with a legend: the language a link's reader will see (a workshop
//! invite, a client invite) and how a client is addressed.

use kbr_core::i18n::{Key, Lang, Register};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// The name of a language, in the current language.
pub fn lang_key(lang: Lang) -> Key {
    match lang {
        Lang::Nl => Key::LanguageDutch,
        Lang::En => Key::LanguageEnglish,
    }
}

/// The name of a form of address, in the current language.
pub fn register_key(register: Register) -> Key {
    register.pick(Key::RoundRegisterFormal, Key::RoundRegisterInformal)
}

/// One radio button per option, with a legend and an optional hint.
#[component]
pub fn ChoicePicker<T>(
    /// The radio group's name; test ids are `<name>-<code>`.
    name: &'static str,
    /// The legend above the choices.
    legend: Key,
    /// Per option: its value, its name, and its code for the test id.
    options: Vec<(T, Key, &'static str)>,
    /// The chosen value.
    value: RwSignal<T>,
    /// A line under the legend saying what the choice changes.
    #[prop(optional)]
    hint: Option<Key>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let ui = use_ui();
    let hint_id = format!("{name}-hint");
    view! {
        <fieldset aria-describedby=hint.map(|_| hint_id.clone())>
            <legend>{ui.tr(legend)}</legend>
            {hint
                .map(|k| {
                    view! {
                        <p id=hint_id.clone() class="muted small">
                            {ui.tr(k)}
                        </p>
                    }
                })}
            <div class="segmented answers">
                {options
                    .into_iter()
                    .map(|(v, label, code)| {
                        view! {
                            <label class="answer">
                                <input
                                    type="radio"
                                    name=name
                                    data-testid=format!("{name}-{code}")
                                    prop:checked=move || value.get() == v
                                    on:change=move |_| value.set(v)
                                />
                                <span>{ui.tr(label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// One radio button per language the app speaks.
#[component]
pub fn LangPicker(
    /// The radio group's name; test ids are `<name>-<code>`.
    name: &'static str,
    /// The legend above the choices.
    legend: Key,
    /// The chosen language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let options = Lang::ALL.map(|l| (l, lang_key(l), l.code())).to_vec();
    view! { <ChoicePicker name=name legend=legend options=options value=lang /> }
}

/// "u" or "je": how a Dutch client is addressed.
#[component]
pub fn RegisterPicker(
    /// The radio group's name; test ids are `<name>-u` and `<name>-je`.
    name: &'static str,
    /// The chosen form.
    register: RwSignal<Register>,
) -> impl IntoView {
    let code = |r| match r {
        Register::Formal => "u",
        Register::Informal => "je",
    };
    let options = Register::ALL
        .map(|r| (r, register_key(r), code(r)))
        .to_vec();
    view! {
        <ChoicePicker
            name=name
            legend=Key::RoundRegister
            options=options
            value=register
            hint=Key::RoundRegisterHint
        />
    }
}
