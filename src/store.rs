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
use kbr_core::storage::codec::{self, client_key, client_of_key, Meta, Stored};
use kbr_core::storage::merge::{self, Conflict, Side};
use leptos::prelude::*;

use crate::browser;
use crate::storage::{self, Quarantined, StorageFault, Write};

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
    /// The other tab's account, for "take theirs"; `None`: it deleted it.
    pub theirs_account: Option<Account>,
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

    /// The version to merge against for a version made from `parent`: that
    /// parent when known, else the version this tab builds on.
    fn base_for(&self, parent: &str) -> Option<Arc<str>> {
        let find = |t: &str| {
            self.versions
                .iter()
                .find(|(v, _)| v == t)
                .map(|(_, raw)| raw.clone())
        };
        find(parent).or_else(|| find(&self.head))
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
        let mut loaded =
            storage::take_preloaded().unwrap_or_else(|| storage::load_start(browser::now_millis()));
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
        // Another tab's write is merged by code that loads when it is
        // needed (most sessions never see one).
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let work = match ev.key() {
                Some(key) => match client_of_key(&key) {
                    Some(id) => crate::actions::Work::OtherTabWrote(store, id, ev.new_value()),
                    None => return,
                },
                // No key: another tab cleared the whole storage.
                None => crate::actions::Work::OtherTabCleared(store),
            };
            leptos::task::spawn_local(async move {
                let _ = crate::actions::change(work).await;
            });
        });
        on_cleanup(move || handle.remove());
        leptos::task::spawn_local(async move {
            let p = storage::request_persist().await;
            store.persisted.set(p);
        });
    }

    /// Starts what keeps changes safe once there are any: retries of
    /// failed saves, the last save when the tab is hidden, and the question
    /// before closing while changes cannot be saved.
    fn start_saving(self) {
        if self.saving_started.get_value() {
            return;
        }
        self.saving_started.set_value(true);
        let store = self;
        self.owner.get_value().with(|| {
            // Retry unsaved changes now and then: when saving works again, it saves.
            if let Ok(interval) = set_interval_with_handle(
                move || {
                    if !store.unsaved.get_untracked().is_empty() {
                        store.flush();
                    }
                },
                Duration::from_secs(4),
            ) {
                on_cleanup(move || interval.clear());
            }

            // A scheduled save must not be lost when the tab closes first; no
            // lock can be awaited any more, so this is the one unlocked write.
            let hide = window_event_listener(leptos::ev::pagehide, move |_| {
                for id in store.unsaved.get_untracked() {
                    store.save_now(&id);
                }
            });
            on_cleanup(move || hide.remove());

            // While changes cannot be saved, closing the tab would lose them.
            let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
                if store.at_risk() {
                    ev.prevent_default();
                    ev.set_return_value("unsaved");
                }
            });
            on_cleanup(move || unload.remove());
        });
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
                let q = storage::set_aside(&key, &raw, reason, browser::now_millis());
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
    fn refresh(&self, id: &ClientId) {
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

    // ---- changing ----

    /// Applies `command` to client `id`. On success the change shows at
    /// once, is saved soon after, and the inverse is returned (for undo);
    /// on error nothing changed anywhere.
    pub fn dispatch(&self, id: &ClientId, command: Command) -> Result<Inverse, DispatchError> {
        if self.read_only() {
            return Err(DispatchError::ReadOnly);
        }
        if self
            .pending
            .with_untracked(|p| p.iter().any(|m| &m.id == id))
        {
            return Err(DispatchError::AwaitingChoice);
        }
        let slot = self.slot(id).ok_or(DispatchError::UnknownClient)?;
        let today = self.today;
        let result = slot
            .try_maybe_update(|a| {
                let r = apply(a, command, today);
                (r.is_ok(), r)
            })
            .ok_or(DispatchError::UnknownClient)?;
        let inverse = result.map_err(DispatchError::Command)?;
        self.refresh(id);
        // From now on its save carries a change of the user's.
        self.migrate.update_value(|m| m.retain(|x| x != id));
        self.unsaved.update(|s| {
            s.insert(id.clone());
        });
        self.schedule_flush();
        Ok(inverse)
    }

    /// Dispatches `command` and, when it applied, says `done` with an undo.
    pub fn act(&self, id: &ClientId, command: Command, done: String) -> Result<(), DispatchError> {
        let inverse = self.dispatch(id, command)?;
        self.notify(done, Some(Undo::Command(id.clone(), Box::new(inverse))));
        Ok(())
    }

    /// [`Store::act`] for a button without a form: a refusal is said in the
    /// notice instead.
    pub fn act_or_say(&self, id: &ClientId, command: Command, done: String, lang: Lang) {
        if let Err(e) = self.act(id, command, done) {
            self.notify(e.messages(lang).join(" "), None);
        }
    }

    /// Adds a new account (or puts a deleted one back at `position`).
    pub fn create(&self, account: Account, position: Option<usize>) -> Result<(), DispatchError> {
        if self.read_only() {
            return Err(DispatchError::ReadOnly);
        }
        let id = account.client.id.clone();
        self.slots.update_value(|s| {
            s.insert(id.clone(), ArcRwSignal::new(account));
        });
        self.refresh(&id);
        self.sync.update_value(|s| {
            s.insert(id.clone(), Sync::default());
        });
        self.order.update(|v| {
            let at = position.unwrap_or(v.len()).min(v.len());
            v.insert(at, id.clone());
        });
        self.unsaved.update(|s| {
            s.insert(id);
        });
        self.flush();
        Ok(())
    }

    /// Removes a client from memory and storage; returns it and its
    /// position for undo.
    pub fn delete_client(&self, id: &ClientId) -> Result<(Account, usize), DispatchError> {
        if self.read_only() {
            return Err(DispatchError::ReadOnly);
        }
        let position = self
            .order
            .with_untracked(|o| o.iter().position(|x| x == id))
            .ok_or(DispatchError::UnknownClient)?;
        let account = self
            .peek_account(id, Clone::clone)
            .ok_or(DispatchError::UnknownClient)?;
        self.forget(id);
        if let Err(f) = storage::delete_client(id) {
            self.fault.set(Some(f));
        }
        Ok((account, position))
    }

    fn forget(&self, id: &ClientId) {
        self.order.update(|v| v.retain(|x| x != id));
        self.slots.update_value(|s| {
            s.remove(id);
        });
        self.digests.update_value(|d| {
            d.remove(id);
        });
        self.sync.update_value(|s| {
            s.remove(id);
        });
        self.unsaved.update(|s| {
            s.remove(id);
        });
        self.pending.update(|p| p.retain(|m| &m.id != id));
    }

    /// Whether records were read from an older format at start: they are
    /// saved again in this one ([`Store::save_migrated`]).
    pub fn has_migrations(&self) -> bool {
        self.migrate.with_value(|m| !m.is_empty())
    }

    /// Saves the records read from an older format in the current one
    /// (with their digest), so the next start reads them quickly. Nothing
    /// changes in them; while the app is read-only nothing is written.
    pub fn save_migrated(&self) {
        let ids = self.migrate.get_value();
        self.unsaved.update(|u| u.extend(ids));
        self.schedule_flush();
    }

    /// Saves soon: after the browser has painted the change. Encoding and
    /// writing a large account takes longer than a frame, and the user
    /// should see the new saldo first. Several changes in one turn are
    /// saved together. The frame callback does not run in a hidden tab, so
    /// a plain timer saves at the latest 250 ms later.
    pub fn schedule_flush(&self) {
        self.start_saving();
        if self.flush_scheduled.get_value() {
            return;
        }
        self.flush_scheduled.set_value(true);
        let store = *self;
        let run = move || {
            // Whichever comes first saves; the app (or a test's mount) may
            // also be gone by now.
            if store.flush_scheduled.try_get_value() == Some(true) {
                store.flush_scheduled.set_value(false);
                store.flush();
            }
        };
        request_animation_frame(move || set_timeout(run, Duration::ZERO));
        set_timeout(run, Duration::from_millis(250));
    }

    /// Starts saving every unsaved account, each under its cross-tab lock.
    pub fn flush(&self) {
        self.start_saving();
        if self.read_only() {
            return;
        }
        let pending: Vec<ClientId> = self.unsaved.get_untracked().into_iter().collect();
        for id in pending {
            let busy = self.saving.with_value(|s| s.contains(&id))
                || self
                    .pending
                    .with_untracked(|p| p.iter().any(|m| m.id == id));
            if busy {
                continue;
            }
            self.saving.update_value(|s| {
                s.insert(id.clone());
            });
            let store = *self;
            leptos::task::spawn_local(async move {
                let name = client_key(&id);
                let lock_id = id.clone();
                storage::locked(&name, move || store.save_now(&lock_id)).await;
                if store.saving.try_update_value(|s| s.remove(&id)).is_none() {
                    return;
                }
                // Changed again while saving: save again.
                if store.unsaved.with_untracked(|u| u.contains(&id))
                    && store.fault.get_untracked().is_none()
                {
                    store.schedule_flush();
                }
            });
        }
    }

    /// One read-check-write of client `id` (run inside its lock).
    fn save_now(&self, id: &ClientId) {
        self.save_step(id, true);
    }

    /// A read-check-write; when another tab wrote meanwhile and
    /// `may_merge`, merge and write once more (never more: a further
    /// difference waits for the next flush).
    fn save_step(&self, id: &ClientId, may_merge: bool) {
        if self.read_only()
            || self
                .pending
                .with_untracked(|p| p.iter().any(|m| &m.id == id))
        {
            return;
        }
        let Some(slot) = self.slot(id) else { return };
        let base = self
            .sync
            .with_value(|s| s.get(id).map(|x| x.head.clone()))
            .unwrap_or_default();
        let token = self.next_token();
        let written = slot.with_untracked(|a| storage::write_if_unchanged(a, &base, &token));
        match written {
            Write::Written { w, raw, .. } => {
                self.sync.update_value(|s| {
                    s.entry(id.clone())
                        .or_default()
                        .remember(&w, Arc::from(raw));
                });
                self.unsaved.update(|s| {
                    s.remove(id);
                });
                // Saving a record read from an older format again is no
                // change of the user's.
                let mut migrated = false;
                self.migrate.update_value(|m| {
                    migrated = m.contains(id);
                    m.retain(|x| x != id);
                });
                self.saved_changes(u32::from(!migrated));
            }
            Write::Diverged { raw } if may_merge => self.merge_in(id, &raw, true),
            Write::Diverged { .. } => self.schedule_flush(),
            Write::Newer => self.newer.update(|n| n.push(client_key(id))),
            Write::Fault(_) if self.migrate.with_value(|m| m.contains(id)) => {
                // Saving a record again in the current format is no change
                // of the user's: when storage refuses it (full), the record
                // stays as it was and nothing is at risk.
                self.migrate.update_value(|m| m.retain(|x| x != id));
                self.unsaved.update(|s| {
                    s.remove(id);
                });
            }
            Write::Fault(f) => self.fault.set(Some(f)),
        }
    }

    fn saved_changes(&self, n: u32) {
        if n > 0 {
            let today = self.today;
            self.meta.update(|m| m.count_changes(n, today));
            let _ = storage::save_meta(&self.meta.get_untracked());
        }
        if self.fault.get_untracked().is_some() {
            self.fault.set(None);
        }
    }

    /// Another tab wrote client `id` (`raw`: the new value; `None`: deleted).
    pub fn on_other_tab_write(&self, id: &ClientId, raw: Option<String>) {
        match raw {
            Some(raw) => self.merge_in(id, &raw, false),
            None => {
                if !self.exists_untracked(id) {
                    return;
                }
                if self.unsaved.with_untracked(|u| u.contains(id)) {
                    let merged = self.peek_account(id, Clone::clone);
                    if let Some(merged) = merged {
                        self.pending.update(|p| {
                            p.retain(|m| &m.id != id);
                            p.push(PendingMerge {
                                id: id.clone(),
                                merged,
                                conflicts: Vec::new(),
                                theirs: String::new(),
                                theirs_account: None,
                            });
                        });
                    }
                } else {
                    self.forget(id);
                }
            }
        }
    }

    /// Another tab cleared the whole storage: every client this tab knows
    /// that is no longer stored was deleted there.
    pub fn on_other_tab_cleared(&self) {
        let gone: Vec<ClientId> = self
            .order
            .get_untracked()
            .into_iter()
            .filter(|id| storage::is_gone(&client_key(id)))
            .collect();
        for id in gone {
            self.on_other_tab_write(&id, None);
        }
    }

    /// Combines the stored version `raw` (written by another tab) with this
    /// tab's. `locked`: called inside the client's lock, so a clean merge is
    /// written at once.
    fn merge_in(&self, id: &ClientId, raw: &str, locked: bool) {
        if raw.is_empty() {
            // Deleted in another tab while this one has changes: ask.
            self.on_other_tab_write(id, None);
            return;
        }
        let theirs: Stored = match codec::decode_at(&client_key(id), raw) {
            Ok(s) => s,
            Err(codec::DecodeError::NewerSchema(_)) => {
                self.newer.update(|n| n.push(client_key(id)));
                return;
            }
            // A broken write by another tab: the next start quarantines it.
            Err(_) => return,
        };
        let hydrated = self.slots.with_value(|s| s.contains_key(id));
        if !hydrated {
            // A client created in another tab, or one this tab has not
            // opened (so nothing of it is unsaved here): theirs is it.
            self.adopt(id, theirs, raw);
            return;
        }
        let Some(slot) = self.slot(id) else { return };
        let (head, base_raw) = self
            .sync
            .with_value(|s| {
                s.get(id)
                    .map(|x| (x.head.clone(), x.base_for(&theirs.parent)))
            })
            .unwrap_or_default();
        if theirs.writer == head && !head.is_empty() {
            return;
        }
        let unsaved = self.unsaved.with_untracked(|u| u.contains(id));
        if theirs.parent == head && !unsaved {
            // A later version of what this tab has: take it as it is.
            slot.set(theirs.account);
            self.refresh(id);
            self.remember(id, &theirs.writer, raw);
            return;
        }
        let base = base_raw
            .and_then(|b| codec::decode(&b).ok())
            .map(|s| s.account)
            .unwrap_or_else(|| Account::new(theirs.account.client.clone()));
        let mine = slot.get_untracked();
        let merged = merge::merge(&base, &mine, &theirs.account, self.today);
        if !merged.conflicts.is_empty() {
            self.pending.update(|p| {
                p.retain(|m| &m.id != id);
                p.push(PendingMerge {
                    id: id.clone(),
                    merged: merged.account,
                    conflicts: merged.conflicts,
                    theirs: theirs.writer.clone(),
                    theirs_account: Some(theirs.account),
                });
            });
            return;
        }
        let same = merged.account == theirs.account;
        slot.set(merged.account);
        self.refresh(id);
        self.remember(id, &theirs.writer, raw);
        if same {
            self.unsaved.update(|s| {
                s.remove(id);
            });
        } else {
            self.unsaved.update(|s| {
                s.insert(id.clone());
            });
            if locked {
                self.save_step(id, false);
            } else {
                self.schedule_flush();
            }
        }
    }

    fn remember(&self, id: &ClientId, token: &str, raw: &str) {
        self.sync.update_value(|s| {
            s.entry(id.clone())
                .or_default()
                .remember(token, Arc::from(raw));
        });
    }

    fn adopt(&self, id: &ClientId, theirs: Stored, raw: &str) {
        self.slots.update_value(|s| {
            s.insert(id.clone(), ArcRwSignal::new(theirs.account));
        });
        self.refresh(id);
        self.remember(id, &theirs.writer, raw);
        self.order.update(|o| {
            if !o.contains(id) {
                o.push(id.clone());
            }
        });
    }

    /// Settles a pending merge with the user's choice per conflict, and
    /// saves the result.
    pub fn resolve(&self, id: &ClientId, choices: &[Side]) {
        let Some(p) = self
            .pending
            .with_untracked(|p| p.iter().find(|m| &m.id == id).cloned())
        else {
            return;
        };
        let mut account = p.merged;
        for (c, side) in p.conflicts.iter().zip(choices) {
            merge::resolve(&mut account, c, *side);
        }
        self.pending.update(|ps| ps.retain(|m| &m.id != id));
        if let Some(slot) = self.slot(id) {
            slot.set(account);
            self.refresh(id);
        }
        if !p.theirs.is_empty() {
            self.sync.update_value(|s| {
                if let Some(x) = s.get_mut(id) {
                    x.head = p.theirs.clone();
                }
            });
        } else {
            // The other tab deleted it: writing it again restores it.
            self.sync.update_value(|s| {
                s.insert(id.clone(), Sync::default());
            });
        }
        self.unsaved.update(|s| {
            s.insert(id.clone());
        });
        self.flush();
    }

    /// Settles a pending merge by taking the other tab's version whole
    /// (or its deletion).
    pub fn take_theirs(&self, id: &ClientId) {
        let Some(p) = self
            .pending
            .with_untracked(|p| p.iter().find(|m| &m.id == id).cloned())
        else {
            return;
        };
        self.pending.update(|ps| ps.retain(|m| &m.id != id));
        match p.theirs_account {
            Some(theirs) => {
                if let Some(slot) = self.slot(id) {
                    slot.set(theirs);
                    self.refresh(id);
                }
                self.sync.update_value(|s| {
                    if let Some(x) = s.get_mut(id) {
                        x.head = p.theirs.clone();
                    }
                });
                self.unsaved.update(|s| {
                    s.remove(id);
                });
            }
            None => self.forget(id),
        }
    }

    /// Shows a notice for ten seconds.
    pub fn notify(&self, text: String, undo: Option<Undo>) {
        let serial = self
            .notice
            .with_untracked(|n| n.as_ref().map_or(0, |n| n.serial))
            + 1;
        self.notice.set(Some(Notice { text, undo, serial }));
        let notice = self.notice;
        set_timeout(
            move || {
                if notice.try_with_untracked(|n| n.as_ref().is_some_and(|n| n.serial == serial))
                    == Some(true)
                {
                    notice.set(None);
                }
            },
            Duration::from_secs(10),
        );
    }

    /// Hides the current notice.
    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Takes the current notice's undo (the notice closes).
    pub fn take_undo(&self) -> Option<Undo> {
        // Taken out, not cloned: the notice goes away with its undo.
        let mut undo = None;
        self.notice.update(|n| undo = n.take().and_then(|n| n.undo));
        undo
    }

    /// Performs an undo of a client change. Returns the refusal, if any;
    /// session undos belong to `Workshops` and are ignored here.
    pub fn undo(&self, undo: Undo) -> Result<(), DispatchError> {
        match undo {
            Undo::Client(account, position) => self.create(*account, Some(position)),
            Undo::Command(id, inverse) => self.dispatch(&id, *inverse).map(|_| ()),
            Undo::Session(..) | Undo::SessionDeleted(_) => Ok(()),
        }
    }

    /// Adds records set aside by another part of the app (unreadable
    /// workshop sessions) to the recovery list.
    pub fn add_quarantined(&self, more: Vec<Quarantined>) {
        if !more.is_empty() {
            self.quarantined.update(|q| q.extend(more));
        }
    }

    /// Reports a failed write from another part of the app.
    pub fn report_fault(&self, fault: StorageFault) {
        self.fault.set(Some(fault));
    }

    /// Notes a record of a newer app version found while saving: the app
    /// goes read-only.
    pub fn mark_newer(&self, key: String) {
        self.newer.update(|n| {
            if !n.contains(&key) {
                n.push(key);
            }
        });
    }

    /// Adds the demo relationship (once), clearly marked.
    pub fn load_demo(&self) -> Result<Option<ClientId>, DispatchError> {
        let has_demo = self
            .order
            .get_untracked()
            .iter()
            .any(|id| self.peek_digest(id, |d| d.client.demo) == Some(true));
        if has_demo {
            return Ok(None);
        }
        let account = demo::example(self.today, browser::random_bits());
        let id = account.client.id.clone();
        self.create(account, None)?;
        Ok(Some(id))
    }

    /// Removes every demo client; real clients are never touched.
    pub fn remove_demo(&self) -> Result<usize, DispatchError> {
        let ids: Vec<ClientId> = self
            .order
            .get_untracked()
            .into_iter()
            .filter(|id| self.peek_digest(id, |d| d.client.demo) == Some(true))
            .collect();
        for id in &ids {
            self.delete_client(id)?;
        }
        Ok(ids.len())
    }

    /// The full backup text (with the trainer's workshop sessions), and
    /// records that an export happened.
    pub fn export_backup(&self, workshops: &[Session]) -> String {
        let text = backup::export(&self.accounts_now(), workshops, self.today);
        let today = self.today;
        self.meta.update(|m| m.exported(today));
        let _ = storage::save_meta(&self.meta.get_untracked());
        text
    }

    /// Applies a validated import: checks what is stored now (a record of a
    /// newer version written by another tab refuses the whole import), then
    /// writes every imported client under its lock. Returns how many
    /// clients are stored, or why nothing or not everything was.
    pub async fn import(self, backup: Backup, mode: ImportMode) -> Result<usize, ImportRefused> {
        if self.read_only() {
            return Err(ImportRefused::ReadOnly);
        }
        self.start_saving();
        let newer = storage::newer_keys();
        if !newer.is_empty() {
            self.newer.set(newer);
            return Err(ImportRefused::ReadOnly);
        }
        let existing = self.order.get_untracked();
        let applied = backup::apply(&existing, backup, mode);
        for id in &applied.removed {
            if let Err(f) = storage::delete_client(id) {
                self.fault.set(Some(f));
                return Err(ImportRefused::Fault(0));
            }
            self.forget(id);
        }
        let mut stored = 0;
        let mut failed = None;
        for account in applied.put {
            let id = account.client.id.clone();
            let token = self.next_token();
            let write = {
                let account = account.clone();
                let token = token.clone();
                storage::locked(&client_key(&id), move || {
                    storage::write_over(&account, &token)
                })
                .await
            };
            let exists = self.exists_untracked(&id);
            self.pending.update(|p| p.retain(|m| m.id != id));
            self.slots.update_value(|s| {
                s.insert(id.clone(), ArcRwSignal::new(account));
            });
            self.refresh(&id);
            if !exists {
                self.order.update(|o| o.push(id.clone()));
            }
            match write {
                Write::Written { w, raw, .. } => {
                    self.remember(&id, &w, &raw);
                    self.unsaved.update(|s| {
                        s.remove(&id);
                    });
                    stored += 1;
                }
                Write::Newer => {
                    self.newer.update(|n| n.push(client_key(&id)));
                    return Err(ImportRefused::ReadOnly);
                }
                Write::Fault(f) => {
                    self.sync.update_value(|s| {
                        s.entry(id.clone()).or_default();
                    });
                    self.unsaved.update(|s| {
                        s.insert(id.clone());
                    });
                    failed = Some(f);
                }
                Write::Diverged { .. } => {}
            }
        }
        match failed {
            Some(f) => {
                self.fault.set(Some(f));
                Err(ImportRefused::Fault(stored))
            }
            None => {
                self.saved_changes(stored as u32);
                Ok(stored)
            }
        }
    }

    /// Deletes a quarantined record (only on the user's explicit request).
    pub fn delete_quarantined(&self, key: &str) -> Result<(), StorageFault> {
        storage::delete_quarantined(key)?;
        self.quarantined.update(|v| v.retain(|x| x.key != key));
        Ok(())
    }
}

/// Why an import stored nothing, or not everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportRefused {
    /// Data of a newer app version is stored: nothing was imported.
    ReadOnly,
    /// The browser refused to store; this many clients were stored, the
    /// rest are in memory only.
    Fault(usize),
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
