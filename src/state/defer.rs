//! Code that loads when it is first needed: the [`deferred!`](crate::deferred)
//! marker every layer uses for its own split points (the state layer for
//! the store's work, components for rare pieces, each page for itself).
//! In the release build (`--features split`, see `scripts/bundle.py`) a
//! deferred function's code, and everything only it uses, goes into a wasm
//! chunk of its own, fetched the first time it runs; elsewhere (tests,
//! `cargo check`) it is a plain async function.

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
