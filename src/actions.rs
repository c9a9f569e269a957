//! Changes started from the first-load screens (the overview, the header,
//! the banners and the undo notice) whose code loads on first use: the
//! command engine, saving, merging and the demo are not needed to show the
//! overview, so they stay out of the first download (see [`crate::lazy`]).

use kbr_core::command::Command;
use kbr_core::i18n::{shorten, tf, Key, Lang};
use kbr_core::model::ClientId;
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::wasm_split::SplitLoaderError;

use crate::deferred;
use crate::state::Ui;
use crate::store::{Store, Undo};
use crate::workshops::Workshops;

/// Everything the app does beyond showing the overview, behind one entry
/// point: in the release build that is one chunk (with a few pieces it
/// shares with the workshop and calendar chunks), instead of a chunk per
/// page and action and dozens of small shared ones, each its own request.
pub enum Work {
    /// A page other than the overview and the workshop screens.
    Page(Route),
    /// The client form: a new client (`None`) or the details of one.
    ClientForm(Option<ClientId>, Callback<Option<ClientId>>),
    /// The questions of a merge with another tab's changes.
    ConflictPanel,
    /// Another tab wrote client `id` (`raw`: the new value; `None`: deleted).
    OtherTabWrote(Store, ClientId, Option<String>),
    /// Another tab cleared the whole storage.
    OtherTabCleared(Store),
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
    /// Download the full backup.
    DownloadBackup,
    /// At start, before the app shows: read the records that have no
    /// digest whole (older formats), or set them aside.
    ReadWhole(u64),
    /// Save the records read from an older format in the current one.
    SaveMigrated(Store),
    /// The banners of storage problems.
    ProblemBanners,
    /// The notice after a change.
    Toast,
    /// "A new version is ready".
    UpdateNotice,
}

deferred! {
    /// Does `task`; a page or form comes back as its view, a change as
    /// nothing.
    pub fn work(task: Work) -> AnyView {
        run(task)
    }
}

fn run(task: Work) -> AnyView {
    match task {
        Work::Page(route) => return crate::routes::deferred_page(route),
        Work::ClientForm(existing, on_done) => {
            return view! { <crate::components::client_form::ClientForm existing=existing on_done=on_done /> }
            .into_any()
        }
        Work::ConflictPanel => {
            return view! { <crate::components::conflicts::ConflictPanel /> }.into_any()
        }
        Work::ProblemBanners => {
            return view! { <crate::components::banners::ProblemBanners /> }.into_any()
        }
        Work::Toast => return view! { <crate::components::banners::Toast /> }.into_any(),
        Work::UpdateNotice => return view! { <crate::offline::UpdateNotice /> }.into_any(),
        Work::OtherTabWrote(store, id, raw) => store.on_other_tab_write(&id, raw),
        Work::OtherTabCleared(store) => store.on_other_tab_cleared(),
        Work::Act(store, id, command, done, lang) => store.act_or_say(&id, command, done, lang),
        Work::DeleteClient(store, id, lang) => match store.delete_client(&id) {
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
        Work::Undo(store, undo, workshops, lang) => {
            let result = match (undo, workshops) {
                (Undo::Session(id, inverse), Some(w)) => w.apply(id, *inverse, lang).map(|_| ()),
                (Undo::SessionDeleted(s), Some(w)) => w.restore(*s),
                (other, _) => store.undo(other).map_err(|e| e.messages(lang).join(" ")),
            };
            if let Err(e) = result {
                store.notify(e, None);
            }
        }
        Work::LoadDemo(store, ui) => match store.load_demo() {
            Ok(Some(id)) => ui.go(Route::Client {
                id,
                tab: ClientTab::Ledger,
            }),
            Ok(None) => {}
            Err(e) => store.notify(e.messages(ui.lang.get_untracked()).join(" "), None),
        },
        Work::RemoveDemo(store, lang) => match store.remove_demo() {
            Ok(n) => store.notify(tf(lang, Key::DemoRemoved, &[("n", &n.to_string())]), None),
            Err(e) => store.notify(e.messages(lang).join(" "), None),
        },
        Work::DownloadBackup => crate::components::downloads::download_backup(),
        Work::ReadWhole(now_millis) => crate::storage::read_whole_preloaded(now_millis),
        Work::SaveMigrated(store) => store.save_migrated(),
    }
    ().into_any()
}

/// Does a change in the background (from an event handler).
pub async fn change(task: Work) -> Result<(), SplitLoaderError> {
    work(task).await.map(drop)
}

/// Runs a deferred change from an event handler, with the handler's
/// reactive owner (so it finds the app's context); a chunk that cannot be
/// fetched is said in the notice.
pub fn spawn<F>(store: Store, lang: Lang, change: F)
where
    F: std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
{
    let scoped = ScopedFuture::new_untracked(change);
    leptos::task::spawn_local(async move {
        if scoped.await.is_err() {
            store.notify(Key::LoadFailed.text(lang).to_string(), None);
        }
    });
}
