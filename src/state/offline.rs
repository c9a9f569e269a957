//! Offline use: registers the service worker (`sw.js`, written by the
//! build) and says when a new version of the app is ready.
//!
//! The worker keeps the whole build for use without network after the
//! first visit. A new deployment installs beside the running one and waits;
//! the update notice (`components::update_notice`) offers to switch, and the page reloads only when the
//! user asks, so it never runs a mix of old and new files. Where service
//! workers are missing (an insecure origin, a private window of some
//! browsers) the app works as before, online.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

/// The new version waiting to take over, once there is one.
#[derive(Clone, Copy)]
pub struct Update {
    waiting: RwSignal<Option<ServiceWorker>, LocalStorage>,
    asked: StoredValue<bool>,
}

impl Update {
    /// Whether a new version is ready (tracked).
    pub fn ready(&self) -> bool {
        self.waiting.with(Option::is_some)
    }

    /// Lets the new version take over; the page reloads when it has.
    pub fn apply(&self) {
        self.asked.set_value(true);
        match self.waiting.get_untracked() {
            Some(worker) => {
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => reload(),
        }
    }
}

fn reload() {
    let _ = window().location().reload();
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = window().navigator();
    let has = js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| nav.service_worker())
}

/// Registers the worker at `script` (relative to the page) after the page
/// has loaded, and provides [`Update`] as context.
pub fn install(script: &'static str) -> Update {
    let update = Update {
        waiting: RwSignal::new_local(None),
        asked: StoredValue::new(false),
    };
    provide_context(update);
    let Some(sw) = container() else {
        return update;
    };
    // A reload only when the user asked: the first install also changes
    // the controller, and that must not reload the page.
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if update.asked.try_get_value() == Some(true) {
            reload();
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let start = move || {
        leptos::task::spawn_local(async move {
            if let Err(e) = register(script, update).await {
                crate::state::browser::warn("service worker not registered", &e);
            }
        });
    };
    // After the load event: the first screen gets the network first.
    if document().ready_state() == "complete" {
        start();
    } else {
        let handle = window_event_listener(leptos::ev::load, move |_| start());
        on_cleanup(move || handle.remove());
    }
    update
}

async fn register(script: &str, update: Update) -> Result<(), JsValue> {
    let Some(sw) = container() else {
        return Ok(());
    };
    let options = RegistrationOptions::new();
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registration: web_sys::ServiceWorkerRegistration =
        wasm_bindgen_futures::JsFuture::from(sw.register_with_options(script, &options))
            .await?
            .dyn_into()?;
    let controlled = move || container().and_then(|c| c.controller()).is_some();
    if let Some(waiting) = registration.waiting().filter(|_| controlled()) {
        update.waiting.set(Some(waiting));
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            // Installed while an older version controls the page: an update.
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                update.waiting.set(Some(worker.clone()));
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    // A tab left open for days looks for a new version when it is shown.
    let handle = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            let _ = registration.update();
        }
    });
    std::mem::forget(handle);
    Ok(())
}
