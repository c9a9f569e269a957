//! Saving: every change is written soon after it paints, each client
//! under its lock, as a new version of the one this tab built on; failed
//! saves are retried and the tab asks before it is closed.

use super::*;

impl Store {
    /// Starts what keeps changes safe once there are any: retries of
    /// failed saves, the last save when the tab is hidden, and the question
    /// before closing while changes cannot be saved.
    pub(super) fn start_saving(self) {
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

    /// Whether records were read from an older format at start: they are
    /// saved again in this one ([`Store::save_migrated`]).
    pub fn has_migrations(&self) -> bool {
        self.migrate.with_value(|m| !m.is_empty())
    }

    /// Saves the records read from an older format in the current one
    /// (with their digest), so the next start reads them quickly. Nothing
    /// changes in them; while the app is read-only nothing is written.
    pub fn save_migrated(&self) {
        // Read-only (data of a newer version is stored): nothing is
        // written, and nothing of the user's is at risk either.
        if self.read_only() {
            return;
        }
        let ids = self.migrate.get_value();
        self.unsaved.update(|u| u.extend(ids));
        self.schedule_flush();
    }

    /// Saves soon: after the browser has painted the change. Encoding and
    /// writing a large account takes longer than a frame, and the user
    /// should see the new saldo first. Several changes in one turn are
    /// saved together.
    pub fn schedule_flush(&self) {
        self.start_saving();
        if self.flush_scheduled.get_value() {
            return;
        }
        self.flush_scheduled.set_value(true);
        browser::mark_saving(true);
        let store = *self;
        browser::after_paint(move || {
            // The app (or a test's mount) may be gone by now.
            if store.flush_scheduled.try_get_value() == Some(true) {
                store.flush_scheduled.set_value(false);
                store.flush();
            }
        });
    }

    /// Starts saving every unsaved account, each under its cross-tab lock.
    pub fn flush(&self) {
        self.start_saving();
        // The digests of changed clients (the overview's figures), brought
        // up to date here rather than in `dispatch`.
        for id in self.unsaved.get_untracked() {
            self.refresh(&id);
        }
        if self.read_only() {
            self.mark_settled();
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
                let lock_id = id.clone();
                BACKEND.locked(&id, move || store.save_now(&lock_id)).await;
                if store.saving.try_update_value(|s| s.remove(&id)).is_none() {
                    return;
                }
                // Changed again while saving: save again.
                if store.unsaved.with_untracked(|u| u.contains(&id))
                    && store.fault.get_untracked().is_none()
                {
                    store.schedule_flush();
                }
                store.mark_settled();
            });
        }
        self.mark_settled();
    }

    /// Tells the page whether saving has settled: nothing scheduled and
    /// nothing being written (`<html data-kbr-save>`; tests wait for it
    /// instead of for a fixed time).
    pub(super) fn mark_settled(&self) {
        let busy = self.flush_scheduled.try_get_value() == Some(true)
            || self.saving.try_with_value(|s| !s.is_empty()) == Some(true);
        browser::mark_saving(busy);
    }

    /// One read-check-write of client `id` (run inside its lock).
    pub(super) fn save_now(&self, id: &ClientId) {
        self.save_step(id, true);
    }

    /// A read-check-write; when another tab wrote meanwhile and
    /// `may_merge`, merge and write once more (never more: a further
    /// difference waits for the next flush).
    pub(super) fn save_step(&self, id: &ClientId, may_merge: bool) {
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
        let written = slot.with_untracked(|a| BACKEND.save(a, &base, &token));
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
            Write::Unreadable => self.ask_unreadable(id),
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

    pub(super) fn saved_changes(&self, n: u32) {
        if n > 0 {
            let today = self.today;
            self.meta.update(|m| m.count_changes(n, today));
            let _ = persist::local::save_meta(&self.meta.get_untracked());
        }
        if self.fault.get_untracked().is_some() {
            self.fault.set(None);
        }
    }
}
