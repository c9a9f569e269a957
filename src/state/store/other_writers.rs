//! Other writers: another tab's version of a client is merged with this
//! tab's (three-way, against the version both had); a merge with
//! conflicts waits for the user's choices.

use super::*;

impl Store {
    /// Another tab wrote client `id` (`raw`: the new value; `None`: deleted).
    pub fn on_other_writer(&self, id: &ClientId, raw: Option<String>) {
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
                                unreadable: false,
                                team: false,
                            });
                        });
                    }
                } else {
                    self.forget(id);
                }
            }
        }
    }

    /// The stored copy of client `id` is listed but cannot be read: this
    /// tab's copy is kept, and the user is asked to save it again (nobody
    /// deleted it).
    pub(super) fn ask_unreadable(&self, id: &ClientId) {
        let Some(merged) = self.peek_account(id, Clone::clone) else {
            return;
        };
        self.pending.update(|p| {
            p.retain(|m| &m.id != id);
            p.push(PendingMerge {
                id: id.clone(),
                merged,
                conflicts: Vec::new(),
                theirs: String::new(),
                theirs_account: None,
                unreadable: true,
                team: false,
            });
        });
    }

    /// Another tab cleared the whole storage: every client this tab knows
    /// that is no longer stored was deleted there.
    pub fn on_other_writer_cleared(&self) {
        let gone: Vec<ClientId> = self
            .order
            .get_untracked()
            .into_iter()
            .filter(|id| BACKEND.is_gone(id))
            .collect();
        for id in gone {
            self.on_other_writer(&id, None);
        }
    }

    /// Combines the stored version `raw` (written by another tab) with this
    /// tab's. `locked`: called inside the client's lock, so a clean merge is
    /// written at once.
    pub(super) fn merge_in(&self, id: &ClientId, raw: &str, locked: bool) {
        if raw.is_empty() {
            // Deleted in another tab while this one has changes: ask.
            self.on_other_writer(id, None);
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
                    unreadable: false,
                    team: false,
                });
            });
            return;
        }
        let same = merged.account == theirs.account;
        if !same && merged.account == mine {
            // Nothing in their version that this tab lacks (a late notice
            // of a version it has gone past): nothing to take, or to write.
            return;
        }
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

    pub(super) fn remember(&self, id: &ClientId, token: &str, raw: &str) {
        self.sync.update_value(|s| {
            s.entry(id.clone())
                .or_default()
                .remember(token, Arc::from(raw));
        });
    }

    pub(super) fn adopt(&self, id: &ClientId, theirs: Stored, raw: &str) {
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
}
