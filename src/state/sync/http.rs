//! The replicator's requests over `fetch`: JSON in and out, the session
//! cookie sent along (also to a separate sync origin, which must allow it
//! with CORS), and a time limit after which the request is given up.

use kbr_core::sync::replicator::{Method, Request, Response};
use kbr_core::sync::setup::TeamSetup;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit};

/// Sends `request` to the database at `base` (no trailing slash). A
/// request that takes longer than `limit_ms` is ended: a long poll ended
/// that way is [`Response::Quiet`], anything else [`Response::Failed`].
pub async fn send(base: &str, request: &Request, limit_ms: u32, long_poll: bool) -> Response {
    let url = format!("{base}/{}", request.path);
    let method = match request.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
    };
    let body = request.body.as_ref().map(Value::to_string);
    match fetch(&url, method, body.as_deref(), limit_ms).await {
        Ok(answer) => answer,
        Err(Ended::TimedOut) if long_poll => Response::Quiet,
        Err(_) => Response::Failed,
    }
}

/// Why no answer came.
#[derive(Debug)]
enum Ended {
    /// The time limit ended it.
    TimedOut,
    /// No connection, a refused connection, a blocked origin.
    Failed,
}

/// A JSON request; the answer's status with its JSON body (`Null` when it
/// is not JSON).
pub async fn fetch_json(url: &str, method: &str, body: Option<&str>, limit_ms: u32) -> Response {
    fetch(url, method, body, limit_ms)
        .await
        .unwrap_or(Response::Failed)
}

async fn fetch(
    url: &str,
    method: &str,
    body: Option<&str>,
    limit_ms: u32,
) -> Result<Response, Ended> {
    let window = web_sys::window().ok_or(Ended::Failed)?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Include);
    let headers = Headers::new().map_err(|_| Ended::Failed)?;
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let controller = AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = controller.as_ref().and_then(|c| {
        let (c, flag) = (c.clone(), timed_out.clone());
        let abort = wasm_bindgen::closure::Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                limit_ms as i32,
            )
            .ok()
    });
    let result = read(&window, url, &init).await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    match result {
        Some(answer) => Ok(answer),
        None if timed_out.get() => Err(Ended::TimedOut),
        None => Err(Ended::Failed),
    }
}

async fn read(window: &web_sys::Window, url: &str, init: &RequestInit) -> Option<Response> {
    let answer = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .ok()?;
    let answer: web_sys::Response = answer.dyn_into().ok()?;
    let status = answer.status();
    let text = JsFuture::from(answer.text().ok()?).await.ok()?;
    let body = text
        .as_string()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    Some(Response::Status(status, body))
}

/// Whether the server knows this browser's session (a 401 elsewhere then
/// means "not a member").
pub async fn signed_in(database_url: &str) -> bool {
    let setup = TeamSetup {
        url: database_url.to_string(),
        ..TeamSetup::default()
    };
    match fetch_json(&setup.session_url(), "GET", None, 15_000).await {
        Response::Status(200, body) => body
            .pointer("/userCtx/name")
            .and_then(Value::as_str)
            .is_some_and(|n| !n.is_empty()),
        _ => false,
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u64) as i32,
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Whether the page is shown (a hidden page does not listen for changes).
pub fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Whether the browser says it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}
