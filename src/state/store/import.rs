//! Backups in and out, and what other parts of the app report to the
//! store (records set aside, failed writes, newer data).

use super::*;

impl Store {
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

    /// The full backup text (with the trainer's workshop sessions), and
    /// records that an export happened.
    pub fn export_backup(&self, workshops: &[Session]) -> String {
        let text = backup::export(&self.accounts_now(), workshops, self.today);
        let today = self.today;
        self.meta.update(|m| m.exported(today));
        let _ = persist::local::save_meta(&self.meta.get_untracked());
        text
    }

    /// Downloads the full backup (with `workshops`) and records the export.
    pub fn download_backup(&self, workshops: &[Session]) {
        let text = self.export_backup(workshops);
        let name = backup::file_name(self.today);
        if let Err(e) = browser::download(&name, "application/json", &text) {
            browser::warn("download failed", &e);
        }
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
        let newer = persist::local::newer_keys();
        if !newer.is_empty() {
            self.newer.set(newer);
            return Err(ImportRefused::ReadOnly);
        }
        let existing = self.order.get_untracked();
        let applied = backup::apply(&existing, backup, mode);
        for id in &applied.removed {
            if let Err(f) = BACKEND.delete(id) {
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
                BACKEND
                    .locked(&id, move || BACKEND.save_over(&account, &token))
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
                Write::Diverged { .. } | Write::Unreadable => {}
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
        persist::local::delete_quarantined(key)?;
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
