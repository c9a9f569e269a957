//! A shared client's account as the team's replicator hands it over
//! (already merged with this browser's changes, `sync::team::absorb`).

use super::*;
use kbr_core::storage::merge::Conflict;

impl Store {
    /// The team's version of client `id` arrived: `Some` is the account to
    /// keep (added when it is new here), `None` means the team deleted it.
    /// `conflicts` are fields two people changed differently: they are
    /// asked in the conflict panel, the account holding the first value
    /// until a person decides.
    pub fn from_team(&self, id: &ClientId, account: Option<Account>, conflicts: Vec<Conflict>) {
        let Some(account) = account else {
            if self.exists_untracked(id) {
                self.forget(id);
                if let Err(f) = BACKEND.delete(id) {
                    self.fault.set(Some(f));
                }
            }
            return;
        };
        if !self.exists_untracked(id) {
            let _ = self.create(account, None);
            return;
        }
        let Some(slot) = self.slot(id) else { return };
        if !conflicts.is_empty() {
            let head = self
                .sync
                .with_value(|s| s.get(id).map(|x| x.head.clone()))
                .unwrap_or_default();
            self.pending.update(|p| {
                p.retain(|m| &m.id != id);
                p.push(PendingMerge {
                    id: id.clone(),
                    merged: account.clone(),
                    conflicts,
                    theirs: head,
                    theirs_account: Some(account.clone()),
                    unreadable: false,
                    team: true,
                });
            });
        }
        if slot.with_untracked(|a| a == &account) {
            return;
        }
        slot.set(account);
        self.refresh(id);
        self.unsaved.update(|s| {
            s.insert(id.clone());
        });
        self.schedule_flush();
    }

    /// Whether any client has changes not yet stored: the team's sync
    /// state is stored only after the accounts it describes.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved.with_untracked(|u| !u.is_empty())
    }

    /// Whether client `id` is here (untracked: for the replicator).
    pub fn holds(&self, id: &ClientId) -> bool {
        self.exists_untracked(id)
    }
}
