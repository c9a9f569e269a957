//! The store's work that loads on first use: the command engine, saving,
//! merging with other writers and the demo are not needed to show the
//! overview, so they stay out of the first download. Views ask for this
//! work by [`StoreWork`]; [`perform`] does it. In the app, the shell
//! registers a [`Runner`] that performs it inside the chunk of "the rest
//! of the app" (`routes.rs`): one download for every page and change
//! beyond the overview, instead of a chunk per piece (measured in
//! `docs/ARCHITECTURE.md`). Without a runner (tests), it runs at once.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use crate::state::defer::ChunkError;
use kbr_core::command::Command;
use kbr_core::i18n::{shorten, tf, Key, Lang};
use kbr_core::model::ClientId;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use crate::state::persist::OtherWrite;
use crate::state::store::{Store, Undo};
use crate::state::team::Team;
use crate::state::ui::Ui;
use crate::state::workshops::Workshops;

/// A change the store makes with code that loads when first needed.
pub enum StoreWork {
    /// Another writer changed client `id` (`raw`: the new value; `None`:
    /// deleted).
    OtherWriterWrote(Store, ClientId, Option<String>),
    /// Another writer cleared the whole storage.
    OtherWriterCleared(Store),
    /// Apply a command to a client and say `done` with an undo.
    Act(Store, ClientId, Command, String, Lang),
    /// Delete a client, with an undo that puts it back in its place.
    DeleteClient(Store, ClientId, Lang),
    /// The undo of the notice.
    Undo(Store, Undo, Option<Workshops>, Lang),
    /// Add the demo relationship and open it.
    LoadDemo(Store, Ui),
    /// Remove every demo client.
    RemoveDemo(Store, Lang),
    /// Download the full backup (with the trainer's workshop sessions,
    /// read now if no screen has needed them yet).
    DownloadBackup(Store),
    /// At start, before the app shows: read the records that have no
    /// digest whole (older formats), or set them aside.
    ReadWhole(u64),
    /// Save the records read from an older format in the current one.
    SaveMigrated(Store),
    /// Keep the shared clients in step with the team (this tab, once it
    /// holds the browser's replicator lock).
    KeepTeam(Store, Team),
}

/// Performs store work where its code is: registered by the shell.
pub type Runner = fn(StoreWork) -> Done;

thread_local! {
    static RUNNER: Cell<Option<Runner>> = const { Cell::new(None) };
}

/// Registers where store work runs (the shell, once at start).
pub fn register(runner: Runner) {
    RUNNER.with(|r| r.set(Some(runner)));
}

/// What store work answers once done (like a deferred view, with nothing
/// to show): the shell's one chunk has one kind of future.
type Done = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

/// Does `task` through the registered [`Runner`]. Without one (tests mount
/// pieces without the shell) the work is done at once; in the release
/// build the shell always registers first (`lib::start`), and the work's
/// code stays out of the first load.
fn store_work(task: StoreWork) -> Done {
    match RUNNER.with(Cell::get) {
        Some(runner) => runner(task),
        #[cfg(not(feature = "split"))]
        None => {
            perform(task);
            Box::pin(std::future::ready(Ok(().into_any())))
        }
        #[cfg(feature = "split")]
        None => Box::pin(std::future::pending()),
    }
}

/// Does `task` (in the release build, called inside the chunk that holds
/// its code).
pub fn perform(task: StoreWork) {
    match task {
        StoreWork::OtherWriterWrote(store, id, raw) => store.on_other_writer(&id, raw),
        StoreWork::OtherWriterCleared(store) => store.on_other_writer_cleared(),
        StoreWork::Act(store, id, command, done, lang) => {
            store.act_or_say(&id, command, done, lang)
        }
        StoreWork::DeleteClient(store, id, lang) => match store.delete_client(&id) {
            Ok((account, pos)) => {
                let text = tf(
                    lang,
                    Key::ClientDeleted,
                    &[("client", &shorten(&account.client.name, 60))],
                );
                store.notify(text, Some(Undo::Client(Box::new(account), pos)));
            }
            Err(e) => store.notify(e.messages(lang).join(" "), None),
        },
        StoreWork::Undo(store, undo, workshops, lang) => {
            let result = match (undo, workshops) {
                (Undo::Session(id, inverse), Some(w)) => w.apply(id, *inverse, lang).map(|_| ()),
                (Undo::SessionDeleted(s), Some(w)) => w.restore(*s),
                (other, _) => store.undo(other).map_err(|e| e.messages(lang).join(" ")),
            };
            if let Err(e) = result {
                store.notify(e, None);
            }
        }
        StoreWork::LoadDemo(store, ui) => match store.load_demo() {
            Ok(Some(id)) => ui.go(Route::Client {
                id,
                tab: ClientTab::Ledger,
            }),
            Ok(None) => {}
            Err(e) => store.notify(e.messages(ui.lang.get_untracked()).join(" "), None),
        },
        StoreWork::RemoveDemo(store, lang) => match store.remove_demo() {
            Ok(n) => store.notify(tf(lang, Key::DemoRemoved, &[("n", &n.to_string())]), None),
            Err(e) => store.notify(e.messages(lang).join(" "), None),
        },
        StoreWork::DownloadBackup(store) => {
            store.download_backup(&crate::state::workshops::use_workshops().all_now());
        }
        StoreWork::ReadWhole(now_millis) => {
            crate::state::persist::local::read_whole_preloaded(now_millis)
        }
        StoreWork::SaveMigrated(store) => store.save_migrated(),
        StoreWork::KeepTeam(store, team) => crate::state::sync::engine::start(store, team),
    }
}

/// Merges what other writers change into `store`, with the code that
/// loads when the first such change arrives (most sessions never see one).
pub fn watch_other_writers(store: Store) {
    store.watch_other_writers(move |other| {
        let task = match other {
            OtherWrite::Client(id, raw) => StoreWork::OtherWriterWrote(store, id, raw),
            OtherWrite::Cleared => StoreWork::OtherWriterCleared(store),
        };
        leptos::task::spawn_local(async move {
            let _ = store_work(task).await;
        });
    });
}

/// Does store work in the background and waits for it.
pub async fn change(task: StoreWork) -> Result<(), ChunkError> {
    store_work(task).await.map(drop)
}

/// Runs store work from an event handler, with the handler's reactive
/// owner (so it finds the app's context); a chunk that cannot be fetched
/// is said in the notice.
pub fn spawn(store: Store, lang: Lang, task: StoreWork) {
    let scoped = ScopedFuture::new_untracked(store_work(task));
    leptos::task::spawn_local(async move {
        if scoped.await.is_err() {
            store.notify(Key::LoadFailed.text(lang).to_string(), None);
        }
    });
}
