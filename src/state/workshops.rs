//! The trainer's workshop sessions in memory, provided as context, and kept
//! in step with storage and with other tabs.
//!
//! A change is a [`SessionCommand`] applied by the core; the inverse it
//! returns is the undo. Every change is saved at once inside the session's
//! cross-tab lock, merged with what another tab stored meanwhile, so two
//! tabs collecting answers for one session never lose a participant.

use kbr_core::i18n::Lang;
use kbr_core::invite::workshop::{
    self, session_key, Outcome, Session, SessionCommand, SESSION_PREFIX,
};
use kbr_core::model::RoundId;
use leptos::prelude::*;

use crate::state::browser;
use crate::state::persist::{self, local::SessionSaveError};
use crate::state::store::{use_store, Store, Undo};

/// Every session, newest first, shared through context.
#[derive(Clone, Copy)]
pub struct Workshops {
    sessions: RwSignal<Vec<Session>>,
    store: Store,
}

impl Workshops {
    /// Loads the sessions (unreadable ones go to the recovery page) and
    /// follows other tabs' writes.
    pub fn install(store: Store) -> Workshops {
        let loaded = persist::local::load_sessions(browser::now_millis());
        store.add_quarantined(loaded.quarantined);
        let w = Workshops {
            sessions: RwSignal::new(loaded.sessions),
            store,
        };
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else {
                // Another tab cleared the whole storage: its sessions are gone.
                w.sessions
                    .update(|list| list.retain(|s| !persist::local::is_gone(&session_key(s.id))));
                return;
            };
            if !key.starts_with(SESSION_PREFIX) {
                return;
            }
            let stored = persist::local::read_session(&key);
            w.sessions.update(|list| {
                let at = list.iter().position(|s| session_key(s.id) == key);
                match (at, stored) {
                    (Some(i), Some(s)) => list[i] = workshop::merge(&s, &list[i]),
                    (None, Some(s)) => list.insert(0, s),
                    (Some(i), None) => {
                        list.remove(i);
                    }
                    (None, None) => {}
                }
            });
        });
        on_cleanup(move || handle.remove());
        w
    }

    /// Every session (tracked).
    pub fn list(&self) -> Vec<Session> {
        self.sessions.get()
    }

    /// Every session, untracked (backups).
    pub fn all_now(&self) -> Vec<Session> {
        self.sessions.get_untracked()
    }

    /// Session `id` (tracked).
    pub fn get(&self, id: RoundId) -> Option<Session> {
        self.sessions
            .with(|l| l.iter().find(|s| s.id == id).cloned())
    }

    /// Reads session `id` (tracked) without cloning it.
    pub fn with<R>(&self, id: RoundId, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.sessions.with(|l| l.iter().find(|s| s.id == id).map(f))
    }

    /// Adds a new session and saves it.
    pub fn create(&self, session: Session) -> Result<(), String> {
        let id = session.id;
        self.sessions.update(|l| l.insert(0, session));
        self.save(id)
    }

    /// Applies `command` to session `id`, saves, and returns what happened
    /// to each pasted code; a change can be undone from the notice.
    pub fn apply(
        &self,
        id: RoundId,
        command: SessionCommand,
        lang: Lang,
    ) -> Result<(SessionCommand, Vec<Outcome>), String> {
        if self.store.read_only() {
            return Err(kbr_core::i18n::Key::ErrReadOnly.text(lang).to_string());
        }
        let today = self.store.today();
        let mut result = None;
        self.sessions.update(|l| {
            if let Some(s) = l.iter_mut().find(|s| s.id == id) {
                result = Some(workshop::apply(s, command, today, lang));
            }
        });
        let (inverse, outcomes) =
            result.ok_or_else(|| kbr_core::i18n::Key::ErrNotFound.text(lang).to_string())?;
        self.save(id)?;
        Ok((inverse, outcomes))
    }

    /// [`Workshops::apply`] with a notice that offers undo.
    pub fn act(&self, id: RoundId, command: SessionCommand, done: String, lang: Lang) {
        match self.apply(id, command, lang) {
            Ok((inverse, _)) => self
                .store
                .notify(done, Some(Undo::Session(id, Box::new(inverse)))),
            Err(e) => self.store.notify(e, None),
        }
    }

    /// Deletes session `id`; the notice offers to put it back.
    pub fn delete(&self, id: RoundId, done: String) {
        let mut removed = None;
        self.sessions.update(|l| {
            if let Some(i) = l.iter().position(|s| s.id == id) {
                removed = Some(l.remove(i));
            }
        });
        if let Err(f) = persist::local::delete_session(id) {
            self.store.report_fault(f);
        }
        if let Some(s) = removed {
            self.store
                .notify(done, Some(Undo::SessionDeleted(Box::new(s))));
        }
    }

    /// Puts a deleted session back (undo).
    pub fn restore(&self, session: Session) -> Result<(), String> {
        let id = session.id;
        self.sessions.update(|l| {
            l.retain(|s| s.id != id);
            l.insert(0, session);
        });
        self.save(id)
    }

    /// Adds sessions from a backup: each merged with one already here.
    pub fn import(&self, sessions: Vec<Session>) -> Result<usize, String> {
        let n = sessions.len();
        for s in sessions {
            let id = s.id;
            self.sessions
                .update(|l| match l.iter_mut().find(|x| x.id == id) {
                    Some(slot) => *slot = workshop::merge(slot, &s),
                    None => l.insert(0, s),
                });
            self.save(id)?;
        }
        Ok(n)
    }

    /// Writes session `id` inside its lock, merged with the stored one.
    fn save(&self, id: RoundId) -> Result<(), String> {
        let Some(session) = self.get_untracked(id) else {
            return Ok(());
        };
        let w = *self;
        let store = self.store;
        leptos::task::spawn_local(async move {
            let key = session_key(id);
            match persist::local::locked(&key, move || persist::local::save_session(&session)).await
            {
                Ok(merged) => w.sessions.update(|l| {
                    if let Some(slot) = l.iter_mut().find(|s| s.id == id) {
                        if *slot != merged {
                            *slot = workshop::merge(&merged, slot);
                        }
                    }
                }),
                Err(SessionSaveError::Fault(f)) => store.report_fault(f),
                Err(SessionSaveError::Newer) => store.mark_newer(key),
            }
        });
        Ok(())
    }

    fn get_untracked(&self, id: RoundId) -> Option<Session> {
        self.sessions
            .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())
    }
}

/// The [`Workshops`] context.
pub fn use_workshops() -> Workshops {
    let slot = expect_context::<WorkshopsSlot>();
    if let Some(w) = slot.sessions.get_value() {
        return w;
    }
    // Loaded on first use, under the app's owner so its listener lives as
    // long as the app, not as long as the page that asked first.
    let w = slot
        .owner
        .get_value()
        .with(|| Workshops::install(slot.store));
    slot.sessions.set_value(Some(w));
    w
}

/// The sessions once some screen used them (an undo of a session change
/// only happens after that).
pub fn loaded_workshops() -> Option<Workshops> {
    use_context::<WorkshopsSlot>().and_then(|slot| slot.sessions.get_value())
}

/// Where [`Workshops`] is kept once loaded: only trainers have sessions,
/// so they are read when a workshop screen, the backup or the recovery
/// page first needs them, not at start.
#[derive(Clone, Copy)]
struct WorkshopsSlot {
    sessions: StoredValue<Option<Workshops>>,
    owner: StoredValue<Owner, LocalStorage>,
    store: Store,
}

/// Makes [`use_workshops`] work below (called by [`crate::App`]).
pub fn provide_workshops() {
    provide_context(WorkshopsSlot {
        sessions: StoredValue::new(None),
        owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
        store: use_store(),
    });
}
