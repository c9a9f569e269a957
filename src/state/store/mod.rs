//! The app's data in memory, provided as context, and the rules for keeping
//! it in step with storage.
//!
//! Views read through tracked accessors and change an account only by
//! [`Store::dispatch`]ing a core [`Command`]; the inverse it returns is
//! what "undo" applies. Every change is saved soon after it paints: inside
//! a cross-tab lock, the stored version is checked against the one this tab
//! started from and written as a new version, or, when another tab wrote
//! meanwhile, the two are merged (`kbr_core::storage::merge`). A merge
//! without conflicts is saved at once; one with conflicts waits for the
//! user's choices. A failed save keeps the change in memory, says so, is
//! retried, and the tab asks before it is closed.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use kbr_core::account::digest::Digest;
use kbr_core::command::{apply, Command, CommandError, Inverse};
use kbr_core::demo;
use kbr_core::i18n::{Key, Lang};
use kbr_core::invite::workshop::{Session, SessionCommand};
use kbr_core::model::{Account, ClientId, IdSource, RoundId};
use kbr_core::storage::backup::{self, Backup, ImportMode};
use kbr_core::storage::codec::{self, client_key, Meta, Stored};
use kbr_core::storage::merge::{self, Conflict, Side};
use leptos::prelude::*;

use crate::state::browser;
use crate::state::persist::{
    self,
    local::{BrowserStorage, Quarantined, StorageFault, Write},
    OtherWrite, Persistence,
};

mod change;
mod import;
mod notice;
mod other_writers;
mod save;
mod team;

pub use import::ImportRefused;

/// Where this browser keeps the records (the one backend today; see
/// [`Persistence`]).
const BACKEND: BrowserStorage = BrowserStorage;

/// Something the user can take back for a short while.
#[derive(Clone, Debug)]
pub enum Undo {
    /// The inverse of a command on one client.
    Command(ClientId, Box<Inverse>),
    /// A deleted client, with its position.
    Client(Box<Account>, usize),
    /// The inverse of a change to a workshop session.
    Session(RoundId, Box<SessionCommand>),
    /// A deleted workshop session.
    SessionDeleted(Box<Session>),
}

/// A short message at the bottom of the screen, with an optional undo.
#[derive(Clone, Debug)]
pub struct Notice {
    /// The message (already translated).
    pub text: String,
    /// What "undo" restores.
    pub undo: Option<Undo>,
    /// Distinguishes notices, so an old timer does not hide a newer one.
    pub serial: u64,
    /// Whether the notice has arrived on its page: false in the turn it is
    /// shown, when the change that caused it may still move to another
    /// page (deleting a session goes back to the list, with its undo).
    pub arrived: bool,
    /// When it was shown (`performance.now()`): a move to another page
    /// well after that is the user's, even when a busy page has not yet
    /// run the timer that marks the notice arrived.
    pub shown_at: f64,
}

/// Why a change was refused. The form that asked keeps what was typed and
/// shows [`DispatchError::messages`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DispatchError {
    /// Data of a newer app version is stored: this tab changes nothing.
    ReadOnly,
    /// The client is gone (deleted here or in another tab).
    UnknownClient,
    /// Another tab changed the same thing differently; the user chooses
    /// first, then changes go on.
    AwaitingChoice,
    /// The core refused the command.
    Command(CommandError),
}

impl DispatchError {
    /// Every reason, one sentence each.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        match self {
            DispatchError::ReadOnly => vec![Key::ErrReadOnly.text(lang).to_string()],
            DispatchError::UnknownClient => vec![Key::ErrNotFound.text(lang).to_string()],
            DispatchError::AwaitingChoice => vec![Key::ErrAwaitingChoice.text(lang).to_string()],
            DispatchError::Command(e) => e.messages(lang),
        }
    }
}

/// A merge with another tab's version that needs the user's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingMerge {
    /// The client.
    pub id: ClientId,
    /// The merged account, holding this tab's values until chosen.
    pub merged: Account,
    /// What was changed differently on both sides.
    pub conflicts: Vec<Conflict>,
    /// The other tab's version token (the parent of the next write).
    pub theirs: String,
    /// The other tab's account, for "take theirs"; `None`: it deleted it,
    /// or (with `unreadable`) the stored copy cannot be read.
    pub theirs_account: Option<Account>,
    /// Not another writer's version: the stored copy is listed but cannot
    /// be read. The question is whether to save this tab's copy again.
    pub unreadable: bool,
    /// Two people of the team changed it (not two tabs): the first value
    /// is the one shown now, the other the other change.
    pub team: bool,
}

/// What this tab knows of one client's stored record.
#[derive(Clone, Debug, Default)]
struct Sync {
    /// The version token the in-memory account builds on ("": not stored).
    head: String,
    /// Recent versions seen or written (token, raw), newest last: the bases
    /// for merging a sibling version.
    versions: Vec<(String, Arc<str>)>,
}

impl Sync {
    const KEEP: usize = 3;

    fn remember(&mut self, token: &str, raw: Arc<str>) {
        self.head = token.to_string();
        if !token.is_empty() && !self.versions.iter().any(|(t, _)| t == token) {
            self.versions.push((token.to_string(), raw));
        }
        if self.versions.len() > Self::KEEP {
            self.versions.remove(0);
        }
    }

    /// The version to merge against for a version made from `parent`:
    /// that parent when this tab still knows it. Otherwise none (an empty
    /// base: only additions and tombstones count, and a record both sides
    /// hold differently is asked): tabs can write sibling versions (a
    /// tab's read of storage may lag another tab's write), so an unknown
    /// parent may be older than anything this tab has, and a late notice
    /// merged against this tab's newest version would read every later
    /// change as one it undid.
    fn base_for(&self, parent: &str) -> Option<Arc<str>> {
        self.versions
            .iter()
            .find(|(v, _)| v == parent)
            .map(|(_, raw)| raw.clone())
    }
}

/// How storage looked at start-up, when something was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartupProblem {
    /// Storage could not be read at all.
    Unreadable(StorageFault),
    /// Some records were listed but could not be read: they are left alone.
    Records(Vec<String>),
}

/// All accounts and the state of their storage, shared through context.
///
/// Every client has a digest (what the overview shows); its account is
/// decoded from the stored text the first time a page or a change needs
/// it, so the first screen needs no decoder (`docs/ARCHITECTURE.md`).
#[derive(Clone, Copy)]
pub struct Store {
    order: RwSignal<Vec<ClientId>>,
    digests: StoredValue<HashMap<ClientId, ArcRwSignal<Digest>>>,
    slots: StoredValue<HashMap<ClientId, ArcRwSignal<Account>>>,
    /// Clients read whole from an older format, to be saved in this one.
    migrate: StoredValue<Vec<ClientId>>,
    sync: StoredValue<HashMap<ClientId, Sync>>,
    unsaved: RwSignal<BTreeSet<ClientId>>,
    saving: StoredValue<BTreeSet<ClientId>>,
    fault: RwSignal<Option<StorageFault>>,
    pending: RwSignal<Vec<PendingMerge>>,
    quarantined: RwSignal<Vec<Quarantined>, LocalStorage>,
    newer: RwSignal<Vec<String>>,
    startup: RwSignal<Option<StartupProblem>>,
    meta: RwSignal<Meta>,
    persisted: RwSignal<Option<bool>>,
    notice: RwSignal<Option<Notice>>,
    ids: StoredValue<IdSource>,
    tab: StoredValue<(String, u64)>,
    today: NaiveDate,
    flush_scheduled: StoredValue<bool>,
    /// The app's owner: listeners started later live as long as the app.
    owner: StoredValue<Owner, LocalStorage>,
    /// Whether the save machinery (retries, close guards) runs yet.
    saving_started: StoredValue<bool>,
}

impl Store {
    /// Loads everything from storage and starts listening to other tabs.
    pub fn install() -> Store {
        let mut loaded = BACKEND.load(browser::now_millis());
        // Records that could not be read whole (the code for it did not
        // load): left alone, and the user is told.
        let whole = std::mem::take(&mut loaded.whole);
        loaded
            .unreadable
            .extend(whole.into_iter().map(|(key, _)| key));
        let mut digests = HashMap::default();
        let mut slots = HashMap::default();
        let mut migrate = Vec::new();
        let mut sync = HashMap::default();
        let mut order = Vec::new();
        for c in loaded.clients {
            let id = c.digest.client.id.clone();
            let mut s = Sync::default();
            s.remember(&c.writer, Arc::from(c.raw));
            sync.insert(id.clone(), s);
            digests.insert(id.clone(), ArcRwSignal::new(c.digest));
            if let Some(account) = c.account {
                slots.insert(id.clone(), ArcRwSignal::new(account));
                migrate.push(id.clone());
            }
            order.push(id);
        }
        let startup = match (&loaded.fault, loaded.unreadable.is_empty()) {
            (Some(f), _) => Some(StartupProblem::Unreadable(f.clone())),
            (None, false) => Some(StartupProblem::Records(loaded.unreadable.clone())),
            (None, true) => None,
        };
        let store = Store {
            order: RwSignal::new(order),
            digests: StoredValue::new(digests),
            slots: StoredValue::new(slots),
            migrate: StoredValue::new(migrate),
            sync: StoredValue::new(sync),
            unsaved: RwSignal::new(BTreeSet::new()),
            saving: StoredValue::new(BTreeSet::new()),
            fault: RwSignal::new(loaded.fault),
            pending: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new_local(loaded.quarantined),
            newer: RwSignal::new(loaded.newer),
            startup: RwSignal::new(startup),
            meta: RwSignal::new(loaded.meta),
            persisted: RwSignal::new(None),
            notice: RwSignal::new(None),
            ids: StoredValue::new(IdSource::new(browser::random_bits())),
            tab: StoredValue::new((
                kbr_core::model::ClientId::from_random(browser::random_bits())
                    .as_str()
                    .trim_start_matches("c-")
                    .to_string(),
                0,
            )),
            today: browser::today(),
            flush_scheduled: StoredValue::new(false),
            owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
            saving_started: StoredValue::new(false),
        };
        store.listen();
        store
    }

    fn listen(self) {
        let store = self;
        leptos::task::spawn_local(async move {
            let p = persist::local::request_persist().await;
            store.persisted.set(p);
        });
    }

    /// Calls `on_change` for every change another writer makes to the
    /// stored records, as long as the app runs.
    pub fn watch_other_writers(&self, on_change: impl Fn(OtherWrite) + 'static) {
        BACKEND.watch(on_change);
    }

    /// Today's date, read once at start.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// A new record id no other tab hands out.
    pub fn new_id(&self) -> u64 {
        let mut id = 0;
        self.ids.update_value(|s| id = s.next_id());
        id
    }

    fn next_token(&self) -> String {
        let mut token = String::new();
        self.tab.update_value(|(tab, n)| {
            *n += 1;
            token = format!("{tab}.{n}");
        });
        token
    }

    // ---- reading (tracked unless said otherwise) ----

    /// The clients' ids, in the order they were loaded or added.
    pub fn client_ids(&self) -> Vec<ClientId> {
        self.order.get()
    }

    /// Whether client `id` exists.
    pub fn exists(&self, id: &ClientId) -> bool {
        self.order.with(|o| o.contains(id))
    }

    fn exists_untracked(&self, id: &ClientId) -> bool {
        self.order.with_untracked(|o| o.contains(id))
    }

    /// Client `id`'s account, decoded from its stored text the first
    /// time it is needed. A record that does not decode after all (its
    /// digest was fine) is set aside like any unreadable one.
    fn slot(&self, id: &ClientId) -> Option<ArcRwSignal<Account>> {
        if let Some(slot) = self.slots.with_value(|s| s.get(id).cloned()) {
            return Some(slot);
        }
        let raw = self
            .sync
            .with_value(|s| s.get(id).and_then(|x| x.base_for(&x.head)))?;
        let key = client_key(id);
        match codec::decode_at(&key, &raw) {
            Ok(stored) => {
                let slot = ArcRwSignal::new(stored.account);
                self.slots.update_value(|s| {
                    s.insert(id.clone(), slot.clone());
                });
                Some(slot)
            }
            Err(reason) => {
                let q = persist::local::set_aside(&key, &raw, reason, browser::now_millis());
                // Not while a page reads: the list changes after this turn.
                let (store, id) = (*self, id.clone());
                leptos::task::spawn_local(async move {
                    store.forget(&id);
                    store.add_quarantined(vec![q]);
                });
                None
            }
        }
    }

    fn digest_signal(&self, id: &ClientId) -> Option<ArcRwSignal<Digest>> {
        self.digests.with_value(|d| d.get(id).cloned())
    }

    /// Brings client `id`'s digest up to date with its account (after
    /// every change, so the overview shows it).
    pub(super) fn refresh(&self, id: &ClientId) {
        let Some(digest) = self
            .slots
            .with_value(|s| s.get(id).map(|a| a.with_untracked(Digest::of)))
        else {
            return;
        };
        match self.digest_signal(id) {
            Some(signal) => signal.set(digest),
            None => self.digests.update_value(|d| {
                d.insert(id.clone(), ArcRwSignal::new(digest));
            }),
        }
    }

    /// `f` of every client's digest, in order, tracked (the overview).
    pub fn map_digests<R>(&self, mut f: impl FnMut(&Digest) -> R) -> Vec<R> {
        let ids = self.order.get();
        ids.iter()
            .filter_map(|id| self.digest_signal(id).map(|s| s.with(&mut f)))
            .collect()
    }

    /// `f` of client `id`'s digest, untracked.
    pub fn peek_digest<R>(&self, id: &ClientId, f: impl FnOnce(&Digest) -> R) -> Option<R> {
        self.digest_signal(id).map(|s| s.with_untracked(f))
    }

    /// Client `id` as a read-only signal, for a page that shows it.
    pub fn account(&self, id: &ClientId) -> Option<Signal<Account>> {
        self.slot(id).map(|s| Signal::from(s.read_only()))
    }

    /// Reads one account, tracked.
    pub fn with_account<R>(&self, id: &ClientId, f: impl FnOnce(&Account) -> R) -> Option<R> {
        self.order.track();
        self.slot(id).map(|s| s.with(f))
    }

    /// Reads one account without tracking (for handlers).
    pub fn peek_account<R>(&self, id: &ClientId, f: impl FnOnce(&Account) -> R) -> Option<R> {
        self.slot(id).map(|s| s.with_untracked(f))
    }

    /// `f` of every account, in order, tracked (the overview).
    pub fn map_accounts<R>(&self, mut f: impl FnMut(&Account) -> R) -> Vec<R> {
        let ids = self.order.get();
        ids.iter()
            .filter_map(|id| self.slot(id).map(|s| s.with(&mut f)))
            .collect()
    }

    /// Every account, cloned, untracked (exports).
    pub fn accounts_now(&self) -> Vec<Account> {
        self.order
            .get_untracked()
            .iter()
            .filter_map(|id| self.slot(id).map(|s| s.get_untracked()))
            .collect()
    }

    /// True while data of a newer app version is present: nothing is written.
    pub fn read_only(&self) -> bool {
        !self.newer.with_untracked(Vec::is_empty)
    }

    /// The keys of newer-version records (tracked).
    pub fn newer(&self) -> Vec<String> {
        self.newer.get()
    }

    /// The last write failure, while saving does not work (tracked).
    pub fn fault(&self) -> Option<StorageFault> {
        self.fault.get()
    }

    /// What went wrong reading storage at start-up (tracked).
    pub fn startup_problem(&self) -> Option<StartupProblem> {
        self.startup.get()
    }

    /// Merges waiting for the user's choices (tracked).
    pub fn pending(&self) -> Vec<PendingMerge> {
        self.pending.get()
    }

    /// Whether a merge waits for the user's choices (tracked), without
    /// copying the merges.
    pub fn has_pending(&self) -> bool {
        self.pending.with(|p| !p.is_empty())
    }

    /// Whether `id` has changes not saved yet (tracked).
    pub fn is_unsaved(&self, id: &ClientId) -> bool {
        self.unsaved.with(|u| u.contains(id))
    }

    /// Unreadable records set aside (tracked).
    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.quarantined.get()
    }

    /// How many unreadable records are set aside (tracked).
    pub fn quarantined_count(&self) -> usize {
        self.quarantined.with(Vec::len)
    }

    /// Export bookkeeping (tracked).
    pub fn meta(&self) -> Meta {
        self.meta.get()
    }

    /// Whether the browser protects our storage (tracked; None: unknown).
    pub fn persisted(&self) -> Option<bool> {
        self.persisted.get()
    }

    /// Whether a notice is shown (tracked).
    pub fn has_notice(&self) -> bool {
        self.notice.with(Option::is_some)
    }

    /// The current notice's text and whether it offers an undo (tracked);
    /// the undo itself stays in the store until [`Store::take_undo`].
    pub fn notice(&self) -> Option<(String, bool)> {
        self.notice
            .with(|n| n.as_ref().map(|n| (n.text.clone(), n.undo.is_some())))
    }

    /// Changes exist that cannot be saved now: closing would lose them.
    pub fn at_risk(&self) -> bool {
        !self.unsaved.with_untracked(BTreeSet::is_empty)
            && (self.fault.with_untracked(Option::is_some)
                || !self.pending.with_untracked(Vec::is_empty)
                || self.read_only())
    }
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
