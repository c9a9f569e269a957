//! Connecting to a team, signing in again, sharing a client and leaving:
//! what the team settings ask of the state layer. The password goes to
//! the server's `_session` and nowhere else; the cookie it sets signs the
//! browser in.

use kbr_core::i18n::{t, tf, Key, Lang};
use kbr_core::model::ClientId;
use kbr_core::sync::replicator::Response;
use kbr_core::sync::setup::{database_url, user_name, SetupError, SyncState, TeamSetup};
use serde_json::json;
use thiserror::Error;

use super::engine;
use super::http::fetch_json;
use crate::state::store::Store;
use crate::state::team::Team;

/// How long a sign-in may take (ms).
const SIGN_IN_MS: u32 = 15_000;

/// Why connecting or signing in failed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConnectError {
    /// What was typed is not usable.
    #[error("{0}")]
    Setup(#[from] SetupError),
    /// The server refused the name and password.
    #[error("wrong name or password")]
    WrongPassword,
    /// Signed in, but not a member of the team's database.
    #[error("not a member")]
    NotMember,
    /// No answer.
    #[error("server unreachable")]
    Unreachable,
    /// An answer that makes no sense here.
    #[error("unexpected answer {0}")]
    Server(u16),
}

impl ConnectError {
    /// The message for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConnectError::Setup(e) => e.message(lang),
            ConnectError::WrongPassword => t(lang, Key::TeamErrWrongPassword).into(),
            ConnectError::NotMember => t(lang, Key::TeamErrNotMember).into(),
            ConnectError::Unreachable => t(lang, Key::TeamErrUnreachable).into(),
            ConnectError::Server(s) => tf(lang, Key::TeamErrServer, &[("status", &s.to_string())]),
        }
    }
}

/// Signs in at the server of `setup` and checks membership of its
/// database.
async fn sign_in_at(setup: &TeamSetup, password: &str) -> Result<(), ConnectError> {
    let body = json!({ "name": setup.name, "password": password }).to_string();
    match fetch_json(&setup.session_url(), "POST", Some(&body), SIGN_IN_MS).await {
        Response::Status(200..=299, _) => {}
        Response::Status(401 | 403, _) => return Err(ConnectError::WrongPassword),
        Response::Status(s, _) => return Err(ConnectError::Server(s)),
        Response::Failed | Response::Quiet => return Err(ConnectError::Unreachable),
    }
    let probe = format!("{}/_all_docs?limit=0", setup.url);
    match fetch_json(&probe, "GET", None, SIGN_IN_MS).await {
        Response::Status(200..=299, _) => Ok(()),
        Response::Status(401 | 403, _) => Err(ConnectError::NotMember),
        Response::Status(s, _) => Err(ConnectError::Server(s)),
        Response::Failed | Response::Quiet => Err(ConnectError::Unreachable),
    }
}

/// Connects this browser to the team database at `url` as `name`; no
/// client is shared yet, but the team's shared clients arrive.
pub async fn connect(
    store: Store,
    team: Team,
    url: &str,
    name: &str,
    password: &str,
) -> Result<(), ConnectError> {
    let setup = TeamSetup {
        url: database_url(url)?,
        name: user_name(name)?,
        shared: Default::default(),
    };
    sign_in_at(&setup, password).await?;
    team.save_setup(Some(setup));
    team.say(SyncState::Starting);
    engine::start(store, team);
    Ok(())
}

/// Signs in again after the session expired; the replicator goes on with
/// every change that waited.
pub async fn sign_in(team: Team, password: &str) -> Result<(), ConnectError> {
    let Some(setup) = team.setup_now() else {
        return Ok(());
    };
    sign_in_at(&setup, password).await?;
    team.signed_in_again();
    Ok(())
}

/// Leaves the team: nothing more is exchanged, the clients stay here,
/// and the sync state is removed.
pub async fn disconnect(team: Team) {
    if let Some(setup) = team.setup_now() {
        // Ends the session on the server too; no answer needed.
        let _ = fetch_json(&setup.session_url(), "DELETE", None, SIGN_IN_MS).await;
    }
    engine::stop();
    team.forget();
}

/// Shares client `id` with the team (or keeps it here only from now on;
/// what the team has of it stays there).
pub fn share(team: Team, id: &ClientId, on: bool) {
    let Some(mut setup) = team.setup_now() else {
        return;
    };
    if setup.set_shared(id, on) {
        team.save_setup(Some(setup));
    }
}
