//! Code that loads when it is first needed: the split points every layer
//! declares for itself ([`chunk!`](crate::chunk)), and the programs that
//! put them in chunks of their own ([`split_chunks!`](crate::split_chunks)).
//!
//! A split point is a function of one argument, called through its
//! [`Chunk`]. The library never splits: it only declares. Each program
//! (`src/main.rs`, `src/bin/participant.rs`) names the split points it
//! uses, and in the release build (`--features split`, `scripts/bundle.py`)
//! their code, and everything only they use, goes into a wasm chunk of its
//! own, fetched the first time it runs. Both programs come from one build,
//! so the split marker must live in the program, not in the library: a
//! marked function is exported, and an export keeps its code in every
//! program that links it (the participant page would carry the app's
//! pages). Elsewhere (tests, `cargo check`) a split point is called
//! directly.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

/// Why a split point's result did not come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    /// Its chunk could not be fetched (offline before the first visit):
    /// trying again may work.
    #[error("the chunk could not be fetched")]
    NotFetched,
    /// The running program does not carry it: its entry point never put
    /// it in a chunk (a split build whose program forgot it).
    #[error("this program does not carry that code")]
    NotInProgram,
}

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self::NotFetched
    }
}

/// A split point's answer, once its chunk is there.
pub type Pending<T> = Pin<Box<dyn Future<Output = Result<T, ChunkError>>>>;

/// One split point: where a function of the library is called from, and,
/// once a program has put it in a chunk, how that chunk is reached.
pub struct Chunk<A, T> {
    /// The program's split function (`split_chunks!`).
    split: OnceLock<fn(A) -> Pending<T>>,
    /// The function itself, for builds that do not split: only there is
    /// it referenced from the library, so a split build's first load
    /// cannot reach it.
    #[cfg(not(feature = "split"))]
    direct: fn(A) -> T,
}

impl<A: 'static, T: 'static> Chunk<A, T> {
    /// A split point whose code the program must put in a chunk.
    #[cfg(feature = "split")]
    pub const fn in_program() -> Self {
        Self {
            split: OnceLock::new(),
        }
    }

    /// A split point called directly unless a program splits it.
    #[cfg(not(feature = "split"))]
    pub const fn direct(direct: fn(A) -> T) -> Self {
        Self {
            split: OnceLock::new(),
            direct,
        }
    }

    /// Puts the split point in the program's chunk (its entry point, once).
    pub fn put(&self, split: fn(A) -> Pending<T>) {
        // A second registration is the same function: nothing to change.
        let _ = self.split.set(split);
    }

    /// Runs the split point, fetching its chunk the first time.
    pub async fn call(&'static self, arg: A) -> Result<T, ChunkError> {
        match self.split.get() {
            Some(split) => split(arg).await,
            #[cfg(not(feature = "split"))]
            None => Ok((self.direct)(arg)),
            #[cfg(feature = "split")]
            None => Err(ChunkError::NotInProgram),
        }
    }
}

/// Declares a split point: `pub static NAME = fn name(arg: A) -> T { … }`
/// defines the function `name` (public, so a program can split it) and
/// the [`Chunk`] `NAME` through which the library calls it.
#[macro_export]
macro_rules! chunk {
    (
        $(#[$meta:meta])*
        $vis:vis static $chunk:ident = fn $name:ident($arg:ident: $ty:ty) -> $ret:ty $body:block
    ) => {
        $(#[$meta])*
        ///
        /// A split point: called through its chunk static, never directly,
        /// so a program can put it in a chunk of its own.
        $vis fn $name($arg: $ty) -> $ret $body

        #[doc = concat!("The split point of [`", stringify!($name), "`]: call it through this.")]
        #[cfg(feature = "split")]
        $vis static $chunk: $crate::state::defer::Chunk<$ty, $ret> =
            $crate::state::defer::Chunk::in_program();

        #[doc = concat!("The split point of [`", stringify!($name), "`]: call it through this.")]
        #[cfg(not(feature = "split"))]
        $vis static $chunk: $crate::state::defer::Chunk<$ty, $ret> =
            $crate::state::defer::Chunk::direct($name);
    };
}

/// In a program's entry point: puts the named split points in chunks of
/// their own (release build) and defines `split_chunks()`, which hands
/// them to their [`Chunk`]s; call it first. Each line reads
/// `chunk_name: CHUNK = function, fn(A) -> T;`; the chunk is named after
/// `chunk_name` in the build's output.
#[macro_export]
macro_rules! split_chunks {
    ($($name:ident: $chunk:path = $body:path, fn($arg:ty) -> $ret:ty;)*) => {
        $(
            #[cfg(feature = "split")]
            #[::leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
            fn $name(arg: $arg) -> ::core::result::Result<$ret, $crate::state::defer::ChunkError> {
                ::core::result::Result::Ok($body(arg))
            }
        )*

        /// Hands this program's split points to their chunk statics.
        fn split_chunks() {
            $(
                #[cfg(feature = "split")]
                $chunk.put(|arg| ::std::boxed::Box::pin($name(arg)));
                // Unsplit, the line still has to name a split point of
                // that signature, so a wrong line fails every build.
                #[cfg(not(feature = "split"))]
                let _: (&$crate::state::defer::Chunk<$arg, $ret>, fn($arg) -> $ret) = (&$chunk, $body);
            )*
        }
    };
}
