//! Pieces of the first screens that are rarely needed (the questions of a
//! merge, the problem banners, the notice, the new-version notice, the
//! client form): their code loads the first time one shows, in the chunk
//! of "the rest of the app" that the shell registers (`routes.rs`), like
//! the store's work (`state::work`).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use kbr_core::model::ClientId;
use leptos::prelude::*;

use crate::components::client_form::ClientForm;
use crate::components::deferred::Loaded;

/// A rarely needed piece of the first screens.
pub enum RarePiece {
    /// The client form: a new client (`None`) or the details of one.
    ClientForm(Option<ClientId>, Callback<Option<ClientId>>),
    /// The questions of a merge with another writer's changes.
    ConflictPanel,
    /// The banners of storage problems.
    ProblemBanners,
    /// The notice after a change.
    Toast,
    /// "A new version is ready".
    UpdateNotice,
    /// The team's sync state (only with a team).
    SyncStatus,
}

/// Draws `piece` where its code is: registered by the shell.
pub type Runner = fn(RarePiece) -> Pin<Box<dyn Future<Output = Loaded>>>;

thread_local! {
    static RUNNER: Cell<Option<Runner>> = const { Cell::new(None) };
}

/// Registers where rare pieces are drawn (the shell, once at start).
pub fn register(runner: Runner) {
    RUNNER.with(|r| r.set(Some(runner)));
}

/// Loads and draws `piece` (for [`Deferred`](crate::components::deferred::Deferred)).
/// Without a registered runner (tests) it is drawn at once; in the release
/// build the shell always registers first (`lib::start`), and the pieces'
/// code stays out of the first load.
pub fn rare(piece: RarePiece) -> Pin<Box<dyn Future<Output = Loaded>>> {
    match RUNNER.with(Cell::get) {
        Some(runner) => runner(piece),
        #[cfg(not(feature = "split"))]
        None => Box::pin(std::future::ready(Ok(draw(piece)))),
        #[cfg(feature = "split")]
        None => Box::pin(std::future::pending()),
    }
}

/// Draws `piece` (in the release build, called inside the chunk that holds
/// its code).
pub fn draw(piece: RarePiece) -> AnyView {
    match piece {
        RarePiece::ClientForm(existing, on_done) => {
            view! { <ClientForm existing=existing on_done=on_done /> }.into_any()
        }
        RarePiece::ConflictPanel => {
            view! { <crate::components::conflicts::ConflictPanel /> }.into_any()
        }
        RarePiece::ProblemBanners => {
            view! { <crate::components::problem_banners::ProblemBanners /> }.into_any()
        }
        RarePiece::Toast => view! { <crate::components::toast::Toast /> }.into_any(),
        RarePiece::UpdateNotice => {
            view! { <crate::components::update_notice::UpdateNotice /> }.into_any()
        }
        RarePiece::SyncStatus => {
            view! { <crate::components::sync_status::SyncStatus /> }.into_any()
        }
    }
}
