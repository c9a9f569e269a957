//! The notice at the bottom of the screen, and its undo.

use super::*;

impl Store {
    /// Shows a notice for ten seconds.
    pub fn notify(&self, text: String, undo: Option<Undo>) {
        let serial = self
            .notice
            .with_untracked(|n| n.as_ref().map_or(0, |n| n.serial))
            + 1;
        self.notice.set(Some(Notice {
            text,
            undo,
            serial,
            arrived: false,
            shown_at: crate::state::browser::now_ms(),
        }));
        let notice = self.notice;
        // After this turn, a move to another page is the user's own: the
        // notice belongs to the page it was shown on.
        set_timeout(
            move || {
                notice.try_update_untracked(|n| {
                    if let Some(n) = n.as_mut().filter(|n| n.serial == serial) {
                        n.arrived = true;
                    }
                });
            },
            Duration::ZERO,
        );
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

    /// The user went to another page: a notice of the page they left (and
    /// its undo) goes, so that it neither speaks about what is no longer
    /// on screen nor covers what is.
    pub fn left_page(&self) {
        // The turn that showed it ends within a few milliseconds.
        const SAME_TURN_MS: f64 = 100.0;
        let now = crate::state::browser::now_ms();
        if self.notice.with_untracked(|n| {
            n.as_ref()
                .is_some_and(|n| n.arrived || now - n.shown_at > SAME_TURN_MS)
        }) {
            self.notice.set(None);
        }
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
}
