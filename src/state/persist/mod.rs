//! Where client records are kept, behind one narrow interface: the
//! [`Persistence`] trait (load, save, delete, watch other writers). The
//! store talks to storage only through it, so a second backend (a team's
//! sync engine) can be added beside [`local::BrowserStorage`]
//! (`localStorage`) without touching a view.
//!
//! The browser-specific records that are not client accounts (workshop
//! sessions, the language, drafts, quarantined data) are plain functions
//! of [`local`].

pub mod local;

use std::future::Future;

use kbr_core::model::{Account, ClientId};

use local::{Loaded, StorageFault, Write};

/// What another writer (another tab, or a team's replicator) did to the
/// records this tab holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtherWrite {
    /// Client `id` was written (`Some`: its new stored text) or deleted
    /// (`None`).
    Client(ClientId, Option<String>),
    /// Everything was cleared at once.
    Cleared,
}

/// A store of client records. Every record is versioned: a save names the
/// version it builds on, and refuses ([`Write::Diverged`]) when another
/// writer got there first, so the store can merge instead of overwriting.
pub trait Persistence: Copy + 'static {
    /// Everything stored, read at start (digests first; see
    /// `docs/ARCHITECTURE.md`, "The start").
    fn load(self, now_millis: u64) -> Loaded;

    /// Runs `f` holding the lock of client `id` across every writer of this
    /// browser, so a read-check-write in `f` is one step.
    fn locked<R: 'static>(
        self,
        id: &ClientId,
        f: impl FnOnce() -> R + 'static,
    ) -> impl Future<Output = R>;

    /// Saves `account` as version `token` if the stored one is still `base`
    /// (empty: not stored yet). Call inside [`Persistence::locked`].
    fn save(self, account: &Account, base: &str, token: &str) -> Write;

    /// Saves an imported `account` over whatever is stored, unless that is
    /// of a newer app version. Call inside [`Persistence::locked`].
    fn save_over(self, account: &Account, token: &str) -> Write;

    /// Deletes client `id`'s record (never one of a newer app version).
    fn delete(self, id: &ClientId) -> Result<(), StorageFault>;

    /// Whether client `id`'s record is no longer stored.
    fn is_gone(self, id: &ClientId) -> bool;

    /// Calls `on_change` for every change another writer makes, as long as
    /// the reactive owner it is called under lives (the app).
    fn watch(self, on_change: impl Fn(OtherWrite) + 'static);
}
