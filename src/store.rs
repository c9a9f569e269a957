//! The app's data in memory, provided as context, and the rules for keeping
//! it in step with storage: every change is saved at once; a failed save
//! keeps the change in memory, says so, and is retried; another tab's write
//! is picked up, or offered as a merge when this tab has unsaved changes.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use chrono::NaiveDate;
use kbr_core::backup::{self, Backup, ImportMode};
use kbr_core::codec::Meta;
use kbr_core::demo;
use kbr_core::merge::merge_accounts;
use kbr_core::model::{Account, ClientId, Entry, EntryId, RemovedEntry};
use kbr_core::moments::Moment;
use kbr_core::questionnaire::Response;
use leptos::prelude::*;

use crate::browser;
use crate::storage::{self, Quarantined, SaveError, StorageFault};

/// Something the user can take back for a short while.
#[derive(Clone, Debug)]
pub enum Undo {
    /// A deleted client, with its position.
    Client(Box<Account>, usize),
    /// A deleted entry, with the links that pointed at it.
    Entry(ClientId, Box<RemovedEntry>),
    /// An entry just added: undo removes it.
    EntryAdded(ClientId, EntryId),
    /// An entry as it was before an edit.
    EntryEdit(ClientId, Box<Entry>),
    /// A deleted interaction moment.
    Moment(ClientId, Box<Moment>),
    /// A deleted self-assessment.
    Assessment(ClientId, Box<Response>),
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

/// All accounts and the state of their storage, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    /// Every client's account, in the order they were loaded or added.
    pub accounts: RwSignal<Vec<Account>>,
    revs: StoredValue<HashMap<ClientId, u64>>,
    /// Clients changed in memory but not (yet) saved.
    pub unsaved: RwSignal<BTreeSet<ClientId>>,
    /// The last write failure, while saving does not work.
    pub fault: RwSignal<Option<StorageFault>>,
    /// Clients changed here and in another tab at once.
    pub conflicts: RwSignal<BTreeSet<ClientId>>,
    /// Unreadable records found at start-up.
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// Records of a newer version: the app is read-only while they exist.
    pub newer: RwSignal<Vec<String>>,
    /// Export bookkeeping.
    pub meta: RwSignal<Meta>,
    /// Whether the browser protects our storage (None: unknown).
    pub persisted: RwSignal<Option<bool>>,
    /// The current notice.
    pub notice: RwSignal<Option<Notice>>,
    /// Today's date, read once at start.
    pub today: NaiveDate,
    /// A save is scheduled for after the next render.
    flush_scheduled: StoredValue<bool>,
}

impl Store {
    /// Loads everything from storage and starts listening to other tabs.
    pub fn install() -> Store {
        let loaded = storage::load(browser::now_millis());
        let mut revs = HashMap::new();
        let accounts: Vec<Account> = loaded
            .accounts
            .into_iter()
            .map(|(a, rev)| {
                revs.insert(a.client.id.clone(), rev);
                a
            })
            .collect();
        let store = Store {
            accounts: RwSignal::new(accounts),
            revs: StoredValue::new(revs),
            unsaved: RwSignal::new(BTreeSet::new()),
            fault: RwSignal::new(loaded.fault),
            conflicts: RwSignal::new(BTreeSet::new()),
            quarantined: RwSignal::new(loaded.quarantined),
            newer: RwSignal::new(loaded.newer),
            meta: RwSignal::new(loaded.meta),
            persisted: RwSignal::new(None),
            notice: RwSignal::new(None),
            today: browser::today(),
            flush_scheduled: StoredValue::new(false),
        };

        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if let Some(key) = ev.key() {
                store.on_other_tab_write(&key);
            }
        });
        on_cleanup(move || handle.remove());

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

        // A scheduled save must not be lost when the tab closes first.
        let hide = window_event_listener(leptos::ev::pagehide, move |_| {
            if !store.unsaved.get_untracked().is_empty() {
                store.flush();
            }
        });
        on_cleanup(move || hide.remove());

        leptos::task::spawn_local(async move {
            let p = storage::request_persist().await;
            store.persisted.set(p);
        });
        store
    }

    /// True while data of a newer app version is present: nothing is written.
    pub fn read_only(&self) -> bool {
        !self.newer.with_untracked(Vec::is_empty)
    }

    /// Reads one account and tracks it, for memos and views: they rerun when
    /// the accounts change.
    pub fn read<R>(&self, id: &ClientId, f: impl FnOnce(&Account) -> R) -> Option<R> {
        self.accounts
            .with(|v| v.iter().find(|a| &a.client.id == id).map(f))
    }

    /// Reads one account without tracking (for handlers).
    pub fn with_account<R>(&self, id: &ClientId, f: impl FnOnce(&Account) -> R) -> Option<R> {
        untrack(|| self.read(id, f))
    }

    /// Changes one account and saves it. Returns false when nothing changed
    /// (unknown client, or read-only).
    pub fn update(&self, id: &ClientId, f: impl FnOnce(&mut Account)) -> bool {
        if self.read_only() {
            return false;
        }
        let mut found = false;
        self.accounts.update(|v| {
            if let Some(a) = v.iter_mut().find(|a| &a.client.id == id) {
                f(a);
                found = true;
            }
        });
        if found {
            self.unsaved.update(|s| {
                s.insert(id.clone());
            });
            self.schedule_flush();
        }
        found
    }

    /// Adds a new account (or puts a deleted one back at `position`).
    pub fn add(&self, account: Account, position: Option<usize>) {
        if self.read_only() {
            return;
        }
        let id = account.client.id.clone();
        self.revs.update_value(|r| {
            r.remove(&id);
        });
        self.accounts.update(|v| {
            let at = position.unwrap_or(v.len()).min(v.len());
            v.insert(at, account);
        });
        self.unsaved.update(|s| {
            s.insert(id);
        });
        self.flush();
    }

    /// Removes an account from memory and storage; returns it and its
    /// position for undo.
    pub fn remove(&self, id: &ClientId) -> Option<(Account, usize)> {
        if self.read_only() {
            return None;
        }
        let mut removed = None;
        self.accounts.update(|v| {
            if let Some(i) = v.iter().position(|a| &a.client.id == id) {
                removed = Some((v.remove(i), i));
            }
        });
        self.unsaved.update(|s| {
            s.remove(id);
        });
        self.revs.update_value(|r| {
            r.remove(id);
        });
        if let Err(f) = storage::delete_account(id.as_str()) {
            self.fault.set(Some(f));
        }
        removed
    }

    /// Saves soon: after the browser has painted the change. Encoding and
    /// writing a large account takes longer than a frame, and the user
    /// should see the new saldo first. Several changes in one turn are
    /// saved together. The frame callback does not run in a hidden tab, so
    /// a plain timer saves at the latest 250 ms later.
    pub fn schedule_flush(&self) {
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

    /// Tries to save every unsaved account now.
    pub fn flush(&self) {
        if self.read_only() {
            return;
        }
        let pending: Vec<ClientId> = self.unsaved.get_untracked().into_iter().collect();
        let conflicts = self.conflicts.get_untracked();
        let mut saved = 0u32;
        for id in pending {
            if conflicts.contains(&id) {
                continue;
            }
            let base = self.revs.with_value(|r| r.get(&id).copied()).unwrap_or(0);
            let result = self.with_account(&id, |a| storage::save_account(a, base));
            match result {
                None => {}
                Some(Ok(rev)) => {
                    self.revs.update_value(|r| {
                        r.insert(id.clone(), rev);
                    });
                    self.unsaved.update(|s| {
                        s.remove(&id);
                    });
                    saved += 1;
                }
                Some(Err(SaveError::Conflict)) => self.conflicts.update(|c| {
                    c.insert(id.clone());
                }),
                Some(Err(SaveError::Fault(f))) => {
                    self.fault.set(Some(f));
                    return;
                }
            }
        }
        if saved > 0 {
            self.meta
                .update(|m| m.changes_since_export = m.changes_since_export.saturating_add(saved));
            let _ = storage::save_meta(&self.meta.get_untracked());
        }
        if self.fault.get_untracked().is_some() {
            self.fault.set(None);
        }
    }

    fn on_other_tab_write(&self, key: &str) {
        let Some(id) = storage::client_id_of_key(key) else {
            return;
        };
        let id = ClientId(id.to_string());
        if self.unsaved.with_untracked(|s| s.contains(&id)) {
            // Both tabs changed this client: the user decides (merge or theirs).
            self.conflicts.update(|c| {
                c.insert(id);
            });
            return;
        }
        self.take_theirs(&id);
    }

    /// Replaces this tab's version of a client by the stored one (or drops it
    /// when another tab deleted it).
    pub fn take_theirs(&self, id: &ClientId) {
        match storage::read_account(id.as_str()) {
            Some((account, rev)) => {
                self.revs.update_value(|r| {
                    r.insert(id.clone(), rev);
                });
                self.accounts
                    .update(|v| match v.iter_mut().find(|a| &a.client.id == id) {
                        Some(slot) => *slot = account,
                        None => v.push(account),
                    });
            }
            None => {
                self.revs.update_value(|r| {
                    r.remove(id);
                });
                self.accounts.update(|v| v.retain(|a| &a.client.id != id));
            }
        }
        self.unsaved.update(|s| {
            s.remove(id);
        });
        self.conflicts.update(|c| {
            c.remove(id);
        });
    }

    /// Resolves a conflict by keeping both tabs' entries and saving the result.
    pub fn merge_with_theirs(&self, id: &ClientId) {
        let theirs = storage::read_account(id.as_str());
        let Some(mine) = self.with_account(id, Clone::clone) else {
            return;
        };
        let (merged, rev) = match theirs {
            Some((t, rev)) => (merge_accounts(&t, &mine), rev),
            None => (mine, 0),
        };
        self.revs.update_value(|r| {
            r.insert(id.clone(), rev);
        });
        self.accounts.update(|v| {
            if let Some(slot) = v.iter_mut().find(|a| &a.client.id == id) {
                *slot = merged;
            }
        });
        self.conflicts.update(|c| {
            c.remove(id);
        });
        self.unsaved.update(|s| {
            s.insert(id.clone());
        });
        self.flush();
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
                if notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.serial == serial)) {
                    notice.set(None);
                }
            },
            Duration::from_secs(10),
        );
    }

    /// Performs the current notice's undo.
    pub fn undo(&self) {
        let Some(undo) = self.notice.get_untracked().and_then(|n| n.undo) else {
            return;
        };
        self.notice.set(None);
        match undo {
            Undo::Client(account, position) => self.add(*account, Some(position)),
            Undo::Entry(id, removed) => {
                self.update(&id, |a| a.restore_entry(*removed));
            }
            Undo::EntryAdded(id, entry) => {
                self.update(&id, |a| {
                    a.remove_entry(entry);
                });
            }
            Undo::EntryEdit(id, entry) => {
                self.update(&id, |a| {
                    if let Some(slot) = a.entries.iter_mut().find(|e| e.id == entry.id) {
                        *slot = *entry;
                    }
                });
            }
            Undo::Moment(id, moment) => {
                self.update(&id, |a| {
                    a.moments.push(*moment);
                    a.moments.sort_by_key(|m| (m.date, m.id));
                });
            }
            Undo::Assessment(id, response) => {
                self.update(&id, |a| a.assessments.push(*response));
            }
        }
    }

    /// Adds the demo relationship (once), clearly marked.
    pub fn load_demo(&self) -> Option<ClientId> {
        if self
            .accounts
            .with_untracked(|v| v.iter().any(|a| a.client.demo))
        {
            return None;
        }
        let account = demo::example(self.today, browser::random_bits());
        let id = account.client.id.clone();
        self.add(account, None);
        Some(id)
    }

    /// Removes every demo client; real clients are never touched.
    pub fn remove_demo(&self) -> usize {
        let ids: Vec<ClientId> = self.accounts.with_untracked(|v| {
            v.iter()
                .filter(|a| a.client.demo)
                .map(|a| a.client.id.clone())
                .collect()
        });
        for id in &ids {
            self.remove(id);
        }
        ids.len()
    }

    /// The full backup text, and records that an export happened.
    pub fn export_backup(&self) -> String {
        let text = self
            .accounts
            .with_untracked(|v| backup::export(v, self.today));
        self.meta.update(|m| {
            m.last_export = Some(self.today);
            m.changes_since_export = 0;
        });
        let _ = storage::save_meta(&self.meta.get_untracked());
        text
    }

    /// Applies a validated import; every imported client is written.
    pub fn import(&self, backup: Backup, mode: ImportMode) {
        if self.read_only() {
            return;
        }
        let before: Vec<ClientId> = self
            .accounts
            .with_untracked(|v| v.iter().map(|a| a.client.id.clone()).collect());
        let imported: Vec<ClientId> = backup.clients.iter().map(|a| a.client.id.clone()).collect();
        let after = backup::apply(self.accounts.get_untracked(), backup, mode);
        for id in before
            .iter()
            .filter(|id| !after.iter().any(|a| &a.client.id == *id))
        {
            if let Err(f) = storage::delete_account(id.as_str()) {
                self.fault.set(Some(f));
            }
            self.revs.update_value(|r| {
                r.remove(id);
            });
        }
        for a in after.iter().filter(|a| imported.contains(&a.client.id)) {
            match storage::force_save_account(a) {
                Ok(rev) => self.revs.update_value(|r| {
                    r.insert(a.client.id.clone(), rev);
                }),
                Err(SaveError::Fault(f)) => {
                    self.fault.set(Some(f));
                    self.unsaved.update(|s| {
                        s.insert(a.client.id.clone());
                    });
                }
                Err(SaveError::Conflict) => {}
            }
        }
        self.accounts.set(after);
    }
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
