//! Small browser services the core cannot do itself: today's date, random
//! bits for ids, downloads, reading a chosen file. Nothing here decides
//! anything about the domain.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};

/// Logs a browser error to the console as the browser's own value (its
/// stack and message stay inspectable), not as Rust `Debug` text.
pub fn warn(what: &str, err: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str(what), err);
}

/// Today in the user's local time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Milliseconds since the epoch.
pub fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}

/// Removes the static header and loading line `index.html` shows until
/// the app draws its own.
pub fn remove_boot_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Sets a performance mark named `name` (the measurements read them).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// `performance.now()`: milliseconds on the page's own monotonic clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Now in UTC, to the second.
pub fn now_utc() -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .naive_utc()
}

/// The local time zone's offset east of UTC in minutes, now (60 in
/// Amsterdam in winter).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// 53 random bits for ids (Math.random is enough: ids need to be unique,
/// not secret).
pub fn random_bits() -> u64 {
    let hi = (js_sys::Math::random() * 2f64.powi(26)) as u64;
    let lo = (js_sys::Math::random() * 2f64.powi(27)) as u64;
    (hi << 27) | lo
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    download_value(name, mime, &JsValue::from_str(content))
}

/// Offers a JavaScript string as a file download: raw data that may not
/// be valid text goes out as it is stored, without a Rust round trip.
pub fn download_value(name: &str, mime: &str, content: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(content);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: some browsers start the download asynchronously.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// The file chosen in the file input that fired `ev`; the input is
/// cleared, so choosing the same file again fires again.
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// Reads the text of a chosen file, with its size in bytes. Checks the size
/// first so an oversized file is refused without being read.
pub async fn read_file(file: web_sys::File, max: u64) -> Result<(String, u64), u64> {
    let size = file.size() as u64;
    if size > max {
        return Err(size);
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    Ok((text, size))
}

/// Whether this looks like Safari (WebKit without Chromium), which deletes
/// script-written storage after 7 days without a visit.
pub fn is_safari_like() -> bool {
    let ua = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    ua.contains("Safari")
        && !ua.contains("Chrome")
        && !ua.contains("Chromium")
        && !ua.contains("Android")
}

/// The folder the page was loaded from (with a trailing `/`), without the
/// file name, query or fragment: the app works under any subpath.
pub fn page_folder() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let path = href.split(['#', '?']).next().unwrap_or_default();
    match path.rfind('/') {
        Some(i) => path[..=i].to_string(),
        None => path.to_string(),
    }
}

/// The folder of the participant page, beside the app.
pub const PARTICIPANT_FOLDER: &str = "p/";

/// The link that opens an invite on the participant page, from the app.
pub fn invite_link(code: &str) -> String {
    format!("{}{PARTICIPANT_FOLDER}#/i/{code}", page_folder())
}

/// The app's folder seen from the participant page (one folder up).
pub fn app_folder_from_participant() -> String {
    let folder = page_folder();
    folder
        .strip_suffix(PARTICIPANT_FOLDER)
        .map_or(folder.clone(), str::to_string)
}

/// Copies `text` to the clipboard; `false` when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else {
        return false;
    };
    match write.call1(&clipboard, &JsValue::from_str(text)) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

fn share_function() -> Option<(JsValue, js_sys::Function)> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let f = js_sys::Reflect::get(&nav, &JsValue::from_str("share"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((nav, f))
}

/// Whether the system share sheet exists (phones).
pub fn can_share() -> bool {
    share_function().is_some()
}

/// Opens the system share sheet with `text` and `url`; `false` when
/// cancelled or impossible.
pub async fn share(title: &str, text: &str, url: &str) -> bool {
    let Some((nav, f)) = share_function() else {
        return false;
    };
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    match f.call1(&nav, &data) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// Opens the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Replaces the current page with `url` (no history entry).
pub fn replace_location(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// Marks on the page whether the store is saving (`data-kbr-save` on
/// `<html>`: `busy` or `idle`), so that a test can wait for saving to have
/// settled before it checks that something was, or was not, written.
pub fn mark_saving(busy: bool) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-kbr-save", if busy { "busy" } else { "idle" });
    }
}

/// Runs `f` once, soon after the browser has painted what changed in this
/// turn: a frame callback runs just before the paint, and a zero timer set
/// from it runs just after. The frame callback does not run in a hidden
/// tab, so a plain timer runs `f` at the latest 250 ms later; `f` runs only
/// for whichever comes first.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    use leptos::prelude::{request_animation_frame, set_timeout};

    let once = Rc::new(Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let late = run.clone();
    request_animation_frame(move || set_timeout(run, Duration::ZERO));
    set_timeout(late, Duration::from_millis(250));
}

/// Whether the page is as narrow as a phone (600 px or less, the width at
/// which the stylesheet turns tables into cards): lists show fewer rows
/// per page there.
pub fn is_narrow() -> bool {
    leptos::prelude::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 600.0)
}

/// Asks for the whole screen, for a projector. A browser that refuses (no
/// user gesture, not allowed in a frame) leaves the page as it was.
pub fn enter_fullscreen() {
    use wasm_bindgen::JsCast;
    let Some(root) = leptos::prelude::document().document_element() else {
        return;
    };
    // `requestFullscreen` returns a promise that web-sys does not declare:
    // its refusal is caught here rather than reported as unhandled.
    let asked = js_sys::Reflect::get(&root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&root).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(asked) = asked {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(asked).await;
        });
    }
}

/// Whether the page fills the screen.
pub fn is_fullscreen() -> bool {
    leptos::prelude::document().fullscreen_element().is_some()
}

/// Gives the screen back, if the page had it.
pub fn leave_fullscreen() {
    if is_fullscreen() {
        leptos::prelude::document().exit_fullscreen();
    }
}

/// Records the time from `start` (`performance.now()` clock) to now as a
/// measure named `name` on the browser's performance timeline, which
/// benchmarks and developer tools read.
pub fn measure_since(name: &str, start: f64) {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    if let Ok(m) = js_sys::Reflect::get(&p, &"measure".into()) {
        if let Ok(m) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(m) {
            let _ = m.call2(&p, &name.into(), &options);
        }
    }
}
