//! Browser tests (wasm-bindgen-test in headless Chromium): code that needs a
//! real DOM or real localStorage. Pure logic is tested natively in kbr-core.
#![cfg(target_arch = "wasm32")]

use klantbankrekening::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container per test, so mounted apps do not see each other.
fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Empty storage and the overview route: each test starts as a first visit.
fn fresh_start() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    window().location().set_hash("#/").unwrap();
}

#[wasm_bindgen_test]
async fn app_mounts_and_language_switch_changes_text() {
    fresh_start();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;

    let heading = || {
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(heading(), "Nog geen klanten");

    let en: web_sys::HtmlElement = root
        .query_selector("[data-testid=lang-en]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    en.click();
    leptos::task::tick().await;
    assert_eq!(heading(), "No clients yet");
    assert_eq!(
        window()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item("kbr:lang")
            .unwrap()
            .as_deref(),
        Some("en"),
        "the choice is remembered"
    );
    drop(handle);
    root.remove();
}
