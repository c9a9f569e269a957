//! Views whose code loads when they first open.
//!
//! A function written with [`deferred!`] returns its view through a future.
//! In the release build (`--features split`, see `scripts/bundle.py`) its
//! code and everything only it uses go into a separate wasm chunk, fetched
//! the first time it runs; elsewhere (tests, `cargo check`) it is a plain
//! async function. [`Deferred`] shows such a view with a loading line of
//! the same height until it is there, and says so when the chunk cannot be
//! fetched (offline before the first visit), with a way to try again.

use std::future::Future;
use std::pin::Pin;

use kbr_core::i18n::Key;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::state::use_ui;

/// What a deferred view function returns once its chunk is loaded.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// Defines `fn name(args) -> T { body }` as a deferred function: an async
/// function returning `Result<T, SplitLoaderError>`, whose code goes into a
/// chunk of its own (named after the function) in the release build of the
/// app (feature `split`). Written `deferred! { participant: fn … }`, it is
/// split in the participant page's build instead (`split-participant`), so
/// neither program carries the other's entry points.
#[macro_export]
macro_rules! deferred {
    (participant: $($item:tt)*) => { $crate::deferred!(@with "split-participant" $($item)*); };
    (@with $feature:literal
        $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        $(#[$meta])*
        #[cfg(feature = $feature)]
        #[::leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            ::core::result::Result::Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(feature = $feature))]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            ::core::result::Result::Ok($body)
        }
    };
    ($($item:tt)*) => { $crate::deferred!(@with "split" $($item)*); };
}

/// A deferred view's loader: called once per attempt.
pub type Loader = std::sync::Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Loaded>>> + Send + Sync>;

/// Makes a [`Loader`] of a deferred view function call.
pub fn loader<F, Fut>(load: F) -> Loader
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Loaded> + 'static,
{
    std::sync::Arc::new(move || Box::pin(load()))
}

/// Shows the view `load` makes, with a loading line until it is there.
/// One function for every deferred view (not generic), so each use costs
/// only its loader.
#[component]
pub fn Deferred(
    /// Starts loading (called again by "try again").
    #[prop(into)]
    load: LoaderProp,
) -> impl IntoView {
    let ui = use_ui();
    let attempt = RwSignal::new(0u32);
    let load = load.0;
    move || {
        attempt.track();
        let future = SendWrapper::new(load());
        view! {
            <Suspense fallback=move || {
                view! {
                    <p class="loading" role="status" data-testid="loading">
                        {ui.tr(Key::Loading)}
                    </p>
                }
            }>
                {Suspend::new(async move {
                    match future.await {
                        Ok(view) => view,
                        Err(_) => {
                            view! {
                                <div class="banner warning" role="alert" data-testid="load-failed">
                                    <p>{ui.tr(Key::LoadFailed)}</p>
                                    <button
                                        type="button"
                                        class="button"
                                        data-testid="load-retry"
                                        on:click=move |_| attempt.update(|n| *n += 1)
                                    >
                                        {ui.tr(Key::TryAgain)}
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        }
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
