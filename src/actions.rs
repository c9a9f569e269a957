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

use crate::deferred;
use crate::state::Ui;
use crate::store::{Store, Undo};
use crate::workshops::Workshops;

deferred! {
    /// Another tab wrote client `id` (`raw`: the new value; `None`: deleted).
    pub fn other_tab_wrote(store: Store, id: ClientId, raw: Option<String>) -> () {
        store.on_other_tab_write(&id, raw)
    }
}

deferred! {
    /// Applies `command` to client `id` and says `done` with an undo (or
    /// why it was refused).
    pub fn act_or_say(store: Store, id: ClientId, command: Command, done: String, lang: Lang) -> () {
        store.act_or_say(&id, command, done, lang)
    }
}

deferred! {
    /// Deletes client `id`, with an undo that puts it back in its place.
    pub fn delete_client(store: Store, id: ClientId, lang: Lang) -> () {
        match store.delete_client(&id) {
            Ok((account, pos)) => {
                let text = tf(
                    lang,
                    Key::ClientDeleted,
                    &[("client", &shorten(&account.client.name, 60))],
                );
                store.notify(text, Some(Undo::Client(Box::new(account), pos)));
            }
            Err(e) => store.notify(e.messages(lang).join(" "), None),
        }
    }
}

deferred! {
    /// Performs the undo of the notice: of a client change, or of a
    /// workshop session change when the sessions are loaded.
    pub fn undo(store: Store, undo: Undo, workshops: Option<Workshops>, lang: Lang) -> () {
        let result = match (undo, workshops) {
            (Undo::Session(id, inverse), Some(w)) => w.apply(id, *inverse, lang).map(|_| ()),
            (Undo::SessionDeleted(s), Some(w)) => w.restore(*s),
            (other, _) => store.undo(other).map_err(|e| e.messages(lang).join(" ")),
        };
        if let Err(e) = result {
            store.notify(e, None);
        }
    }
}

deferred! {
    /// Adds the demo relationship and opens it (or says why not).
    pub fn load_demo(store: Store, ui: Ui) -> () {
        match store.load_demo() {
            Ok(Some(id)) => ui.go(Route::Client {
                id,
                tab: ClientTab::Ledger,
            }),
            Ok(None) => {}
            Err(e) => store.notify(e.messages(ui.lang.get_untracked()).join(" "), None),
        }
    }
}

deferred! {
    /// Removes every demo client; real clients are never touched.
    pub fn remove_demo(store: Store, lang: Lang) -> () {
        match store.remove_demo() {
            Ok(n) => store.notify(tf(lang, Key::DemoRemoved, &[("n", &n.to_string())]), None),
            Err(e) => store.notify(e.messages(lang).join(" "), None),
        }
    }
}

deferred! {
    /// Downloads the full backup (from a banner).
    pub fn download_backup() -> () {
        crate::components::downloads::download_backup()
    }
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
