//! A browser's link to a team: which database, who is signed in, which
//! clients are shared, and the state the status line shows.
//!
//! The password is never part of it: the server's session cookie signs the
//! browser in, and when it expires the user is asked again.

use thiserror::Error;

use crate::i18n::{tf, Key, Lang};
use crate::model::ClientId;

/// The first line of the stored setup (its format's version).
pub const SETUP_HEADER: &str = "kbr-team 1";

/// What this browser knows of its team.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamSetup {
    /// The team database's URL (`/couch/team` on the app's own origin, or
    /// `https://sync.example.nl/team`), without a trailing slash.
    pub url: String,
    /// The signed-in user's name (fills "who" on new entries).
    pub name: String,
    /// The clients kept with the team, sorted, each once; every other
    /// client stays here. (A list, not a set: the first screen reads it,
    /// and a set's code would weigh on its download.)
    pub shared: Vec<ClientId>,
}

impl TeamSetup {
    /// The stored text: a header line, the address, the name, then one
    /// shared client per line (plain lines: the first screen reads it,
    /// and has no JSON reader).
    pub fn encode(&self) -> String {
        let mut text = format!("{SETUP_HEADER}\n{}\n{}", self.url, self.name);
        for id in &self.shared {
            text.push('\n');
            text.push_str(id.as_str());
        }
        text
    }

    /// Reads the stored text; anything unreadable is no team.
    pub fn decode(text: &str) -> Option<TeamSetup> {
        let mut lines = text.lines();
        if lines.next()? != SETUP_HEADER {
            return None;
        }
        let url = database_url(lines.next()?).ok()?;
        let name = user_name(lines.next()?).ok()?;
        let mut setup = TeamSetup {
            url,
            name,
            shared: Vec::new(),
        };
        for id in lines.filter_map(ClientId::parse) {
            setup.set_shared(&id, true);
        }
        Some(setup)
    }

    /// Whether `client` is kept with the team.
    pub fn is_shared(&self, client: &ClientId) -> bool {
        self.shared.binary_search(client).is_ok()
    }

    /// Shares `client` (or stops sharing it); whether that changed anything.
    pub fn set_shared(&mut self, client: &ClientId, on: bool) -> bool {
        match (self.shared.binary_search(client), on) {
            (Err(at), true) => self.shared.insert(at, client.clone()),
            (Ok(at), false) => {
                self.shared.remove(at);
            }
            _ => return false,
        }
        true
    }

    /// The server's session URL (`POST` signs in, `GET` says who).
    pub fn session_url(&self) -> String {
        let root = self.url.rsplit_once('/').map_or("", |(root, _)| root);
        format!("{root}/_session")
    }
}

/// Why a typed team address or name is refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SetupError {
    /// Nothing typed.
    #[error("no address")]
    NoAddress,
    /// Not a path on this site nor an http(s) address.
    #[error("not an address")]
    NotAddress,
    /// No database name at the end, or one CouchDB does not allow.
    #[error("no database name")]
    NoDatabase,
    /// No user name.
    #[error("no name")]
    NoName,
}

impl SetupError {
    /// The message for the user.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            SetupError::NoAddress => Key::TeamErrNoAddress,
            SetupError::NotAddress => Key::TeamErrNotAddress,
            SetupError::NoDatabase => Key::TeamErrNoDatabase,
            SetupError::NoName => Key::TeamErrNoName,
        };
        crate::i18n::t(lang, key).to_string()
    }
}

/// The database URL from what was typed: a path on this site
/// (`/couch/team`) or an http(s) address, ending in a database name
/// CouchDB allows (a lowercase letter, then lowercase letters, digits and
/// `_$()+-`).
pub fn database_url(typed: &str) -> Result<String, SetupError> {
    let url = typed.trim().trim_end_matches('/');
    if url.is_empty() {
        return Err(SetupError::NoAddress);
    }
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r.split_once('/').map(|(_, p)| p).unwrap_or("")
    } else if let Some(r) = url.strip_prefix("http://") {
        r.split_once('/').map(|(_, p)| p).unwrap_or("")
    } else if let Some(p) = url.strip_prefix('/') {
        p
    } else {
        return Err(SetupError::NotAddress);
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c == '?' || c == '#')
    {
        return Err(SetupError::NotAddress);
    }
    let name = rest.rsplit('/').next().unwrap_or("");
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok =
        chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-".contains(c));
    if !first_ok || !rest_ok {
        return Err(SetupError::NoDatabase);
    }
    Ok(url.to_string())
}

/// A checked user name.
pub fn user_name(typed: &str) -> Result<String, SetupError> {
    let name = typed.trim();
    if name.is_empty() {
        return Err(SetupError::NoName);
    }
    Ok(name.to_string())
}

/// What the status line says about the team.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SyncState {
    /// No team: nothing leaves this browser.
    #[default]
    Off,
    /// Connecting, or the first exchange under way.
    Starting,
    /// A first pull under way: changes the server says are left.
    Pulling(u64),
    /// A first pull under way on a server that does not say how many are
    /// left: the changes received so far.
    Received(u64),
    /// Everything exchanged; `at` is the time (HH:MM) of the last exchange.
    Synced(String),
    /// Changes of this browser not yet on the server.
    Waiting(usize),
    /// No connection; changes wait.
    Offline(usize),
    /// The session expired or the password was wrong.
    SignIn,
    /// The user is not a member of the team's database.
    NotMember,
    /// Another tab of this browser keeps the team in step.
    OtherTab,
    /// A failure with its reason; trying again.
    Error(String),
}

impl SyncState {
    /// The status line's text.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            SyncState::Off => crate::i18n::t(lang, Key::SyncOff).into(),
            SyncState::Starting => crate::i18n::t(lang, Key::SyncStarting).into(),
            SyncState::Pulling(left) => tf(lang, Key::SyncPulling, &[("n", &left.to_string())]),
            SyncState::Received(n) => tf(lang, Key::SyncReceived, &[("n", &n.to_string())]),
            SyncState::Synced(at) => tf(lang, Key::SyncSynced, &[("at", at)]),
            SyncState::Waiting(n) => tf(lang, Key::SyncWaiting, &[("n", &n.to_string())]),
            SyncState::Offline(n) => tf(lang, Key::SyncOffline, &[("n", &n.to_string())]),
            SyncState::SignIn => crate::i18n::t(lang, Key::SyncSignIn).into(),
            SyncState::NotMember => crate::i18n::t(lang, Key::SyncNotMember).into(),
            SyncState::OtherTab => crate::i18n::t(lang, Key::SyncOtherTab).into(),
            SyncState::Error(reason) => tf(lang, Key::SyncError, &[("reason", reason)]),
        }
    }

    /// Whether the user has to act (sign in, ask for membership).
    pub fn needs_user(&self) -> bool {
        matches!(self, SyncState::SignIn | SyncState::NotMember)
    }

    /// The text other tabs read (`kind` and its figure).
    pub fn encode(&self) -> String {
        match self {
            SyncState::Off => "off".into(),
            SyncState::Starting => "starting".into(),
            SyncState::Pulling(n) => format!("pulling:{n}"),
            SyncState::Received(n) => format!("received:{n}"),
            SyncState::Synced(at) => format!("synced:{at}"),
            SyncState::Waiting(n) => format!("waiting:{n}"),
            SyncState::Offline(n) => format!("offline:{n}"),
            SyncState::SignIn => "signin".into(),
            SyncState::NotMember => "notmember".into(),
            SyncState::OtherTab => "othertab".into(),
            SyncState::Error(r) => format!("error:{r}"),
        }
    }

    /// Reads [`SyncState::encode`]'s text; anything else is "another tab".
    pub fn decode(text: &str) -> SyncState {
        let (kind, value) = text.split_once(':').unwrap_or((text, ""));
        let n = value.parse().ok();
        match (kind, n) {
            ("off", _) => SyncState::Off,
            ("starting", _) => SyncState::Starting,
            ("pulling", Some(n)) => SyncState::Pulling(n),
            ("received", Some(n)) => SyncState::Received(n),
            ("synced", _) => SyncState::Synced(value.to_string()),
            ("waiting", Some(n)) => SyncState::Waiting(n as usize),
            ("offline", Some(n)) => SyncState::Offline(n as usize),
            ("signin", _) => SyncState::SignIn,
            ("notmember", _) => SyncState::NotMember,
            ("error", _) => SyncState::Error(value.to_string()),
            _ => SyncState::OtherTab,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert_eq!(database_url(" /couch/team/ "), Ok("/couch/team".into()));
        assert_eq!(
            database_url("https://sync.example.nl/team-a"),
            Ok("https://sync.example.nl/team-a".into())
        );
        assert_eq!(database_url(""), Err(SetupError::NoAddress));
        assert_eq!(database_url("couch/team"), Err(SetupError::NotAddress));
        assert_eq!(database_url("/couch/Team"), Err(SetupError::NoDatabase));
        assert_eq!(database_url("https://host"), Err(SetupError::NoDatabase));
        assert_eq!(database_url("/couch/te am"), Err(SetupError::NotAddress));
        assert_eq!(user_name("  "), Err(SetupError::NoName));
    }

    #[test]
    fn the_session_lives_beside_the_database() {
        let s = TeamSetup {
            url: "/couch/team".into(),
            ..TeamSetup::default()
        };
        assert_eq!(s.session_url(), "/couch/_session");
        let s = TeamSetup {
            url: "https://sync.example.nl/team".into(),
            ..TeamSetup::default()
        };
        assert_eq!(s.session_url(), "https://sync.example.nl/_session");
    }

    #[test]
    fn setup_and_state_round_trip() {
        let mut s = TeamSetup {
            url: "/couch/team".into(),
            name: "anna".into(),
            ..TeamSetup::default()
        };
        assert!(s.set_shared(&ClientId::from_random(7), true));
        assert!(s.set_shared(&ClientId::from_random(3), true));
        assert!(!s.set_shared(&ClientId::from_random(3), true));
        assert!(s.shared.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(TeamSetup::decode(&s.encode()), Some(s));
        assert_eq!(TeamSetup::decode("kbr-team 1\nnope\nanna"), None);
        assert_eq!(TeamSetup::decode("kbr-team 2\n/couch/team\nanna"), None);
        for state in [
            SyncState::Off,
            SyncState::Pulling(12),
            SyncState::Received(500),
            SyncState::Synced("10:04".into()),
            SyncState::Waiting(3),
            SyncState::Offline(2),
            SyncState::SignIn,
            SyncState::NotMember,
            SyncState::OtherTab,
            SyncState::Error("503".into()),
        ] {
            assert_eq!(SyncState::decode(&state.encode()), state);
        }
    }
}
