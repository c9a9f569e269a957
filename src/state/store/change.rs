//! Changing clients: a core command dispatched to one account (its inverse
//! is the undo), a client added or deleted, the demo relationship.

use super::*;

impl Store {
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
        // The overview's digest follows in the next save (`flush`), after
        // the change has painted: off the path from a click to the new
        // figures on the page, which come from the account itself.
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
        if let Err(f) = BACKEND.delete(id) {
            self.fault.set(Some(f));
        }
        Ok((account, position))
    }

    pub(super) fn forget(&self, id: &ClientId) {
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
}
