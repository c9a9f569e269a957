//! Views whose code loads when they first open.
//!
//! A split point ([`chunk!`](crate::chunk), `state::defer`) returns its
//! view through a future. In the release build (`--features split`, see
//! `scripts/bundle.py`) its code and everything only it uses go into a
//! separate wasm chunk, fetched the first time it runs; elsewhere (tests,
//! `cargo check`) it is called directly. [`Deferred`] shows such a view with a loading line of
//! the same height until it is there, and says so when the chunk cannot be
//! fetched (offline before the first visit), with a way to try again.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::state::defer::ChunkError;
use kbr_core::i18n::Key;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use send_wrapper::SendWrapper;

use crate::state::ui::use_ui;

/// What a deferred view function returns once its chunk is loaded.
pub type Loaded = Result<AnyView, ChunkError>;

/// A deferred view's loader: called once per attempt.
pub type Loader = std::sync::Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync>;

/// Makes a [`Loader`] of a deferred view function call: the view's code,
/// and in the release build the whole stylesheet beside it (the first
/// load carries only the rules the first screen uses), so a view never
/// shows unstyled.
pub fn loader<F, Fut>(load: F) -> Loader
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    std::sync::Arc::new(move || {
        let styles = whole_stylesheet();
        let view = load();
        Box::pin(async move {
            let view = view.await;
            if let Some(styles) = styles {
                // Loaded or failed: a view without every rule beats none.
                let _ = wasm_bindgen_futures::JsFuture::from(styles).await;
            }
            view
        })
    })
}

/// The whole stylesheet (`full.css` beside the first load's `main.css`),
/// added to the page once; the promise resolves when it has loaded or
/// failed. `None` where the page has no such split (tests).
fn whole_stylesheet() -> Option<js_sys::Promise> {
    if !cfg!(feature = "split") {
        return None;
    }
    thread_local! {
        static STYLES: std::cell::OnceCell<Option<js_sys::Promise>> = const { std::cell::OnceCell::new() };
    }
    STYLES.with(|s| s.get_or_init(add_whole_stylesheet).clone())
}

fn add_whole_stylesheet() -> Option<js_sys::Promise> {
    let document = leptos::prelude::document();
    let first = document
        .query_selector("link[rel=stylesheet][href$='/main.css']")
        .ok()??;
    let href = first.get_attribute("href")?;
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute(
        "href",
        &format!("{}full.css", href.strip_suffix("main.css")?),
    )
    .ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        for event in ["load", "error"] {
            let _ = link.add_event_listener_with_callback(event, &resolve);
        }
    });
    document.head()?.append_child(&link).ok()?;
    Some(promise)
}

/// Where a deferred view stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}

/// A future that stops, without polling `fut` again, once `alive` is
/// false: a view whose place was left while its code loaded is never
/// built (its context is gone by then).
struct WhileMounted<F> {
    alive: Rc<Cell<bool>>,
    fut: Pin<Box<F>>,
}

impl<F: Future> Future for WhileMounted<F> {
    type Output = Option<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if !self.alive.get() {
            return Poll::Ready(None);
        }
        self.fut.as_mut().poll(cx).map(Some)
    }
}

/// Shows the view `load` makes, with a loading line until it is there.
/// One function for every deferred view (not generic), so each use costs
/// only its loader; a signal and a task instead of `<Suspense>`, whose
/// machinery cost the first load ~4 KB.
#[component]
pub fn Deferred(
    /// Starts loading (called again by "try again").
    #[prop(into)]
    load: LoaderProp,
    /// Shows nothing while loading (a banner or notice that appears when
    /// it is there), instead of the loading line.
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let ui = use_ui();
    let load = load.0;
    let phase = RwSignal::new(Phase::Loading);
    let view = StoredValue::new_local(None::<AnyView>);
    let alive = Rc::new(Cell::new(true));
    let mounted = SendWrapper::new(alive.clone());
    on_cleanup(move || mounted.set(false));
    // The view is built under this component's owner (its context), when
    // its code is there; it is shown in a later microtask, outside the
    // task that loaded it.
    let owner = Owner::current().unwrap_or_default();
    let start: Rc<dyn Fn()> = Rc::new(move || {
        phase.set(Phase::Loading);
        let future = WhileMounted {
            alive: alive.clone(),
            fut: Box::pin(owner.with(|| ScopedFuture::new_untracked(load()))),
        };
        leptos::task::spawn_local(async move {
            let Some(result) = future.await else { return };
            queue_microtask(move || match result {
                Ok(v) => {
                    view.set_value(Some(v));
                    phase.set(Phase::Ready);
                }
                Err(_) => phase.set(Phase::Failed),
            });
        });
    });
    start();
    let retry = SendWrapper::new(start);
    move || match phase.get() {
        Phase::Loading => (!quiet)
            .then(|| {
                view! {
                    <p class="loading" role="status" data-testid="loading">
                        {ui.tr(Key::Loading)}
                    </p>
                }
            })
            .into_any(),
        Phase::Ready => view.try_update_value(Option::take).flatten().into_any(),
        Phase::Failed => view! {
            <div class="banner warning" role="alert" data-testid="load-failed">
                <p>{ui.tr(Key::LoadFailed)}</p>
                <button
                    type="button"
                    class="button"
                    data-testid="load-retry"
                    on:click={
                        let retry = retry.clone();
                        move |_| retry()
                    }
                >
                    {ui.tr(Key::TryAgain)}
                </button>
            </div>
        }
        .into_any(),
    }
}

/// The `load` prop of [`Deferred`]: any `Fn() -> impl Future<Output = Loaded>`.
pub struct LoaderProp(Loader);

impl<F, Fut> From<F> for LoaderProp
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    fn from(load: F) -> Self {
        LoaderProp(loader(load))
    }
}
