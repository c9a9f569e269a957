//! The only code that touches `localStorage`.

use kbr_core::i18n::Lang;

const LANG_KEY: &str = "kbr:lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The remembered language, if any and readable.
pub fn load_lang() -> Option<Lang> {
    let raw = local_storage()?.get_item(LANG_KEY).ok()??;
    Lang::from_code(&raw)
}

/// Remembers the language choice.
pub fn save_lang(lang: Lang) -> Result<(), String> {
    local_storage()
        .ok_or_else(|| "storage unavailable".to_string())?
        .set_item(LANG_KEY, lang.code())
        .map_err(|e| format!("{e:?}"))
}
