//! The team link as every view sees it: the setup (which database, who,
//! which clients are shared), the sync state of the status line and the
//! documents set aside. Small, so it is part of the first load; the
//! replicator itself (`state::sync`) loads as store work when a team is
//! set up.
//!
//! One tab per browser keeps the team in step (a Web Lock); it writes its
//! state under [`STATE_KEY`], and every other tab shows that.

use kbr_core::model::ClientId;
use kbr_core::sync::setup::{SyncState, TeamSetup, SETUP_HEADER};
use leptos::prelude::*;

use crate::state::persist::local;

/// Where the setup is kept (never the password).
pub const SETUP_KEY: &str = "kbr:team";
/// Where the keeping tab writes the sync state for the others.
pub const STATE_KEY: &str = "kbr:team:state";
/// Where the keeping tab lists the documents it set aside (a line per
/// document: its id, a tab, the reason).
pub const QUARANTINE_KEY: &str = "kbr:team:quarantine";
/// Where the sync state of the documents is kept (revisions, checkpoints).
pub const DB_KEY: &str = "kbr:team:db";
/// Where a sign-in is announced to the tab that replicates.
pub const SIGN_IN_KEY: &str = "kbr:team:signin";

/// Everything the views know of the team, in one signal, as stored text:
/// the first screen only asks whether there is a team and which clients
/// are shared, so reading the rest (`TeamSetup::decode`,
/// `SyncState::decode`) loads with the views that need it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    /// The setup as stored ([`TeamSetup::encode`]); `None`: no team,
    /// nothing leaves this browser.
    pub setup: Option<String>,
    /// What the status line says, as stored ([`SyncState::encode`]).
    pub state: String,
    /// Documents that arrived and were not applied, as stored (a line per
    /// document, [`quarantine_text`]); read when the settings open.
    pub quarantined: String,
    /// Characters of sync state this browser keeps beside the accounts
    /// (what they take of the storage quota, as the browser counts); read
    /// when the settings open (the state of a large client is megabytes).
    pub stored_chars: usize,
    /// Counts sign-ins: a stopped replicator starts again when it changes.
    pub sign_ins: u64,
}

/// The team link, shared through context.
#[derive(Clone, Copy)]
pub struct Team {
    link: RwSignal<Link>,
}

impl Team {
    /// Reads the setup and what the keeping tab last wrote, and follows
    /// later changes from other tabs.
    pub fn install() -> Team {
        let setup = local::load_text(SETUP_KEY).filter(|t| looks_like_setup(t));
        let state = local::load_text(STATE_KEY).unwrap_or_default();
        let team = Team {
            link: RwSignal::new(Link {
                setup,
                state,
                ..Link::default()
            }),
        };
        local::watch_keys("kbr:team", move |key, value| {
            team.other_tab_wrote(&key, value)
        });
        team
    }

    fn other_tab_wrote(&self, key: &str, value: Option<String>) {
        self.link.update(|l| match key {
            SETUP_KEY => {
                l.setup = value.filter(|t| looks_like_setup(t));
                if l.setup.is_none() {
                    l.state = String::new();
                }
            }
            STATE_KEY => l.state = value.unwrap_or_default(),
            QUARANTINE_KEY => l.quarantined = value.unwrap_or_default(),
            // A sign-in in another tab: a stopped replicator here goes on.
            SIGN_IN_KEY => l.sign_ins += 1,
            DB_KEY => l.stored_chars = value.map_or(0, |v| v.encode_utf16().count()),
            _ => {}
        });
    }

    /// Reads part of the link (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Link) -> R) -> R {
        self.link.with(f)
    }

    /// Reads part of the link (untracked: for the replicator).
    pub fn peek<R>(&self, f: impl FnOnce(&Link) -> R) -> R {
        self.link.with_untracked(f)
    }

    /// Whether a team is set up (tracked).
    pub fn connected(&self) -> bool {
        self.with(|l| l.setup.is_some())
    }

    /// The setup now (untracked), read.
    pub fn setup_now(&self) -> Option<TeamSetup> {
        self.peek(|l| l.setup.as_deref().and_then(TeamSetup::decode))
    }

    /// The setup (tracked), read.
    pub fn setup(&self) -> Option<TeamSetup> {
        self.with(|l| l.setup.as_deref().and_then(TeamSetup::decode))
    }

    /// What the status line says (tracked).
    pub fn state(&self) -> SyncState {
        self.with(|l| SyncState::decode(&l.state))
    }

    /// What the status line says (untracked).
    pub fn state_now(&self) -> SyncState {
        self.peek(|l| SyncState::decode(&l.state))
    }

    /// Whether `client` is kept with the team (tracked).
    pub fn is_shared(&self, client: &ClientId) -> bool {
        self.with(|l| l.setup.as_deref().is_some_and(|t| shares(t, client)))
    }

    /// The signed-in name, for "who" on a new entry of a shared client.
    pub fn booker_for(&self, client: &ClientId) -> Option<String> {
        self.setup_now()
            .filter(|s| s.is_shared(client))
            .map(|s| s.name)
    }

    /// Keeps a new setup (or none) here and for every other tab.
    pub fn save_setup(&self, setup: Option<TeamSetup>) {
        let text = setup.as_ref().map(TeamSetup::encode);
        let _ = match &text {
            Some(t) => local::save_text(SETUP_KEY, t),
            None => local::remove_text(SETUP_KEY),
        };
        self.link.update(|l| l.setup = text);
    }

    /// Sets the state here and for every other tab.
    pub fn say(&self, state: SyncState) {
        let text = state.encode();
        if self.peek(|l| l.state != text) {
            let _ = local::save_text(STATE_KEY, &text);
            self.link.update(|l| l.state = text);
        }
    }

    /// Sets the documents set aside (as stored) here and for every other tab.
    pub fn set_quarantined(&self, text: String) {
        if self.peek(|l| l.quarantined != text) {
            let _ = local::save_text(QUARANTINE_KEY, &text);
            self.link.update(|l| l.quarantined = text);
        }
    }

    /// Notes the size of the stored sync state.
    pub fn set_stored_chars(&self, n: usize) {
        self.link.update(|l| l.stored_chars = n);
    }

    /// Tells the replicator (here and in the tab that keeps the team in
    /// step) that the user signed in again.
    pub fn signed_in_again(&self) {
        let n = self.peek(|l| l.sign_ins) + 1;
        let _ = local::save_text(SIGN_IN_KEY, &n.to_string());
        self.link.update(|l| l.sign_ins = n);
    }

    /// Forgets the team (after leaving it): no setup, no state.
    pub fn forget(&self) {
        self.save_setup(None);
        for key in [DB_KEY, STATE_KEY, QUARANTINE_KEY, SIGN_IN_KEY] {
            let _ = local::remove_text(key);
        }
        self.link.set(Link::default());
    }

    /// Reads what the team settings show that is not kept in memory from
    /// the start: the documents set aside and the sync state's size.
    pub fn read_details(&self) {
        let text = local::load_text(QUARANTINE_KEY).unwrap_or_default();
        let chars = local::text_len(DB_KEY);
        self.link.update(|l| {
            l.quarantined = text;
            l.stored_chars = chars;
        });
    }

    /// The documents set aside: (id, reason) (tracked).
    pub fn quarantined_list(&self) -> Vec<(String, String)> {
        self.with(|l| {
            l.quarantined
                .lines()
                .filter_map(|line| line.split_once('\t'))
                .map(|(id, why)| (id.to_string(), why.to_string()))
                .collect()
        })
    }
}

/// Whether a stored setup is one this version writes (read whole later).
fn looks_like_setup(text: &str) -> bool {
    text.starts_with(SETUP_HEADER)
}

/// Whether the stored setup `text` shares `client`: the first screen's
/// small reading of [`TeamSetup`] (one client per line after the header,
/// the address and the name).
fn shares(text: &str, client: &ClientId) -> bool {
    text.lines().skip(3).any(|l| l == client.as_str())
}

/// The stored text of [`Link::quarantined`]: one document per line.
pub fn quarantine_text(list: &[(String, String)]) -> String {
    list.iter()
        .map(|(id, why)| format!("{id}\t{}", why.replace(['\t', '\n'], " ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The team link from context, when the app provides one.
pub fn use_team() -> Option<Team> {
    use_context::<Team>()
}
