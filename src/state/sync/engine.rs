//! The browser's replicator: one per browser (the tab holding the Web
//! Lock [`LEADER_LOCK`]), a pull that listens for the team's changes while
//! the page is shown and a push of this browser's, both driven by the
//! core's state machine (`kbr_core::sync::replicator`).
//!
//! The accounts stay what the views read. A change here (in any tab: the
//! others' saves reach this tab's store) is written into the sync state
//! at the next turn of the push (`commit`, against the account last
//! exchanged); what the pull brings is merged into the store
//! (`absorb` → `Store::from_team`) once it is caught up. The sync state is
//! stored only when no account has unsaved changes, so after a crash it
//! never holds a change the stored accounts lack (which the next start
//! would read as deleted here).

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use kbr_core::model::{Account, ClientId};
use kbr_core::sync::replicator::{Action, Replicator, Response, Stop, Way};
use kbr_core::sync::setup::SyncState;
use kbr_core::sync::team;
use kbr_core::sync::tree::Database;
use kbr_core::sync::wire::replication_id;
use serde_json::{json, Value};

use super::http::{self, sleep};
use crate::state::browser;
use crate::state::persist::local;
use crate::state::store::Store;
use crate::state::team::{quarantine_text, Team, DB_KEY};

/// The Web Lock of the one tab that replicates.
pub const LEADER_LOCK: &str = "kbr:team:leader";
/// Documents per request.
const BATCH: usize = 1000;
/// How long the server may hold a long poll (ms); the browser ends it a
/// little later itself (some servers ignore the timeout).
const LONG_POLL_MS: u64 = 20_000;
/// How long any other request may take (ms).
const REQUEST_MS: u32 = 30_000;
/// How often the push looks for local changes when caught up (ms).
const PUSH_TICK_MS: u64 = 250;
/// The shortest time between two stores of the sync state (ms).
const PERSIST_EVERY_MS: u64 = 1_000;

thread_local! {
    /// Which run is current: a disconnect ends every older one.
    static RUN: Cell<u64> = const { Cell::new(0) };
    /// Whether a run waits for or holds the lock in this tab.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// Lets go of the lock.
    static RELEASE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Starts this tab's part: waits for the lock, then replicates until the
/// team is disconnected. Once per tab.
pub fn start(store: Store, team: Team) {
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    let run = RUN.with(Cell::get);
    leptos::task::spawn_local(async move {
        let release = local::hold(LEADER_LOCK).await;
        RELEASE.with(|r| *r.borrow_mut() = release);
        if RUN.with(Cell::get) != run || team.setup_now().is_none() {
            stop();
            return;
        }
        let engine = Rc::new(Engine::open(store, team, run));
        leptos::task::spawn_local(engine.clone().pull());
        engine.push().await;
    });
}

/// Ends the current run and lets another tab (or a later connect) start.
pub fn stop() {
    RUN.with(|r| r.set(r.get() + 1));
    RUNNING.with(|r| r.set(false));
    if let Some(release) = RELEASE.with(|r| r.borrow_mut().take()) {
        let _ = release.call0(&wasm_bindgen::JsValue::UNDEFINED);
    }
}

/// How one direction fares.
#[derive(Clone, Debug, Default, PartialEq)]
struct Fare {
    /// The last failure: `None` offline, `Some(reason)` an error.
    failing: Option<Option<String>>,
    /// Stopped until the user acts.
    stopped: Option<Stop>,
    /// Caught up at least once.
    caught_up: bool,
}

struct Engine {
    store: Store,
    team: Team,
    run: u64,
    db: RefCell<Database>,
    /// Per shared client, the account as last exchanged with `db`.
    agreed: RefCell<HashMap<ClientId, Account>>,
    /// The local sequence up to which pulled changes are in the store.
    applied: Cell<u64>,
    dirty: Cell<bool>,
    last_persist: Cell<u64>,
    quarantine: RefCell<BTreeMap<String, String>>,
    pull_fare: RefCell<Fare>,
    push_fare: RefCell<Fare>,
    pending: Cell<Option<u64>>,
    received: Cell<usize>,
    waiting: Cell<usize>,
    synced_at: RefCell<String>,
    browser_id: String,
}

impl Engine {
    fn open(store: Store, team: Team, run: u64) -> Engine {
        let mut db = local::load_text(DB_KEY)
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .and_then(|v| Database::from_stored(&v).ok())
            .unwrap_or_default();
        let browser_id = match db.local("browser").and_then(Value::as_str) {
            Some(id) => id.to_string(),
            None => {
                let id = format!("{:016x}", browser::random_bits());
                db.put_local("browser", json!(id));
                id
            }
        };
        let shared = shared_of(&team);
        let mut agreed = HashMap::new();
        let mut quarantine = BTreeMap::new();
        for id in shared {
            // As `absorb` left it: documents set aside count as this
            // browser's version, so none is written over.
            let mine = store.peek_account(&id, Clone::clone);
            let read = team::read_keeping(&db, &id, mine.as_ref());
            quarantine.extend(
                read.quarantined
                    .iter()
                    .map(|(k, why)| (k.clone(), why.to_string())),
            );
            if let Some(account) = read.account {
                agreed.insert(id, account);
            }
        }
        let applied = db.update_seq();
        team.say(SyncState::Starting);
        Engine {
            store,
            team,
            run,
            db: RefCell::new(db),
            agreed: RefCell::new(agreed),
            applied: Cell::new(applied),
            dirty: Cell::new(false),
            last_persist: Cell::new(0),
            quarantine: RefCell::new(quarantine),
            pull_fare: RefCell::new(Fare::default()),
            push_fare: RefCell::new(Fare::default()),
            pending: Cell::new(None),
            received: Cell::new(0),
            waiting: Cell::new(0),
            synced_at: RefCell::new(String::new()),
            browser_id,
        }
    }

    fn alive(&self) -> bool {
        RUN.with(Cell::get) == self.run && self.team.peek(|l| l.setup.is_some())
    }

    fn url(&self) -> String {
        self.team.setup_now().map(|s| s.url).unwrap_or_default()
    }

    fn replicator(&self, way: Way) -> Replicator {
        let dir = match way {
            Way::Pull => "pull",
            Way::Push => "push",
        };
        let id = replication_id(&self.browser_id, &self.url(), dir);
        Replicator::new(way, &id, &self.browser_id, BATCH)
    }

    /// Pulls the team's changes for as long as the run lasts.
    async fn pull(self: Rc<Self>) {
        let mut r = self.replicator(Way::Pull).listening(LONG_POLL_MS);
        while self.alive() {
            let action = r.next(&mut self.db.borrow_mut());
            match action {
                Action::Send(request) => {
                    let listen = r.is_listening();
                    if listen {
                        self.pull_fare.borrow_mut().caught_up = true;
                        self.pending.set(None);
                        self.absorb();
                        self.show();
                        while !http::visible() && self.alive() {
                            sleep(500).await;
                        }
                    }
                    let limit = if listen {
                        LONG_POLL_MS as u32 + 5_000
                    } else {
                        REQUEST_MS
                    };
                    let answer = http::send(&self.url(), &request, limit, listen).await;
                    if !self.alive() {
                        return;
                    }
                    note(&self.pull_fare, &answer);
                    let before = self.db.borrow().update_seq();
                    r.receive(&mut self.db.borrow_mut(), answer);
                    if self.db.borrow().update_seq() != before {
                        self.dirty.set(true);
                    }
                    if !self.pull_fare.borrow().caught_up {
                        self.pending.set(r.progress().pending);
                        self.received.set(r.progress().written);
                    }
                }
                Action::Wait(ms) => {
                    self.show();
                    pause(ms).await;
                }
                Action::Done => sleep(PUSH_TICK_MS).await,
                Action::Stopped(stop) => {
                    self.stopped(&self.pull_fare, stop).await;
                    r.restart();
                }
            }
            self.show();
        }
    }

    /// Pushes this browser's changes for as long as the run lasts; also
    /// stores the sync state when due.
    async fn push(self: Rc<Self>) {
        let mut r = self.replicator(Way::Push);
        while self.alive() {
            self.take_local_changes();
            let action = r.next(&mut self.db.borrow_mut());
            match action {
                Action::Send(request) => {
                    let answer = http::send(&self.url(), &request, REQUEST_MS, false).await;
                    if !self.alive() {
                        return;
                    }
                    note(&self.push_fare, &answer);
                    r.receive(&mut self.db.borrow_mut(), answer);
                    self.dirty.set(true);
                }
                Action::Wait(ms) => {
                    self.waiting.set(r.waiting(&self.db.borrow()));
                    self.show();
                    pause(ms).await;
                }
                Action::Done => {
                    self.push_fare.borrow_mut().caught_up = true;
                    self.persist();
                    self.waiting.set(0);
                    self.show();
                    sleep(PUSH_TICK_MS).await;
                }
                Action::Stopped(stop) => {
                    self.waiting.set(r.waiting(&self.db.borrow()));
                    self.stopped(&self.push_fare, stop).await;
                    r.restart();
                }
            }
            if !self.push_fare.borrow().caught_up || r.is_stopped() {
                self.waiting.set(r.waiting(&self.db.borrow()));
            }
            self.show();
        }
    }

    /// Writes every shared client's change since the last exchange into
    /// the sync state; a shared client deleted here is deleted for the
    /// team.
    fn take_local_changes(&self) {
        let shared = shared_of(&self.team);
        let mut db = self.db.borrow_mut();
        let mut agreed = self.agreed.borrow_mut();
        let own = db.update_seq() == self.applied.get();
        for id in &shared {
            if !self.store.holds(id) {
                if agreed.remove(id).is_some() {
                    team::remove(&mut db, id);
                }
                continue;
            }
            let changed = self
                .store
                .peek_account(id, |a| agreed.get(id) != Some(a))
                .unwrap_or(false);
            if changed {
                if let Some(now) = self.store.peek_account(id, Clone::clone) {
                    team::commit(&mut db, agreed.get(id), &now);
                    agreed.insert(id.clone(), now);
                }
            }
        }
        agreed.retain(|id, _| shared.contains(id));
        if db.update_seq() != self.applied.get() || !own {
            self.dirty.set(true);
        }
        if own {
            // Only this browser's own edits since the last absorb: nothing
            // to bring into the store.
            self.applied.set(db.update_seq());
        }
    }

    /// Brings what the pull stored into the store.
    fn absorb(&self) {
        let (clients, seq) = team::touched(&self.db.borrow(), self.applied.get());
        self.applied.set(seq);
        if clients.is_empty() {
            return;
        }
        let Some(mut setup) = self.team.setup_now() else {
            return;
        };
        let mut newly_shared = false;
        for id in clients {
            let here = self.store.holds(&id);
            if here && !setup.is_shared(&id) {
                // Kept here only: the team's changes to it stay out.
                continue;
            }
            let mine = self.store.peek_account(&id, Clone::clone);
            let got = {
                let agreed = self.agreed.borrow();
                team::absorb(
                    &mut self.db.borrow_mut(),
                    &id,
                    agreed.get(&id),
                    mine.as_ref(),
                    self.store.today(),
                )
            };
            let prefix = format!("kbr:{id}");
            let mut q = self.quarantine.borrow_mut();
            q.retain(|k, _| k != &prefix && !k.starts_with(&format!("{prefix}:")));
            q.extend(
                got.quarantined
                    .iter()
                    .map(|(k, why)| (k.clone(), why.to_string())),
            );
            drop(q);
            match &got.account {
                Some(account) => {
                    self.agreed.borrow_mut().insert(id.clone(), account.clone());
                    newly_shared |= setup.set_shared(&id, true);
                }
                None => {
                    self.agreed.borrow_mut().remove(&id);
                }
            }
            if got.account.is_some() || here {
                self.store.from_team(&id, got.account, got.conflicts);
            }
        }
        self.applied.set(self.db.borrow().update_seq());
        self.dirty.set(true);
        if newly_shared {
            self.team.save_setup(Some(setup));
        }
        let list: Vec<(String, String)> = self
            .quarantine
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.team.set_quarantined(quarantine_text(&list));
    }

    /// Stores the sync state, when it changed, at most once a second, and
    /// only once every account it describes is stored.
    fn persist(&self) {
        let now = browser::now_millis();
        if !self.dirty.get()
            || now.saturating_sub(self.last_persist.get()) < PERSIST_EVERY_MS
            || self.store.has_unsaved()
            || !self.alive()
        {
            return;
        }
        let text = self.db.borrow().to_stored().to_string();
        match local::save_text(DB_KEY, &text) {
            Ok(()) => {
                self.dirty.set(false);
                self.team.set_stored_chars(text.encode_utf16().count());
            }
            Err(fault) => {
                // The storage banner says what to do (quota full); the
                // state is kept in memory and stored when there is room.
                self.team.say(SyncState::Error(fault.detail.clone()));
                self.store.report_fault(fault);
            }
        }
        self.last_persist.set(now);
    }

    /// Waits until the user signs in again; a 401 with a valid session
    /// means the user is no member (some servers answer 401 for that).
    async fn stopped(&self, fare: &RefCell<Fare>, stop: Stop) {
        let stop = match stop {
            Stop::SignIn if http::signed_in(&self.url()).await => Stop::NotMember,
            other => other,
        };
        fare.borrow_mut().stopped = Some(stop);
        self.show();
        let seen = self.team.peek(|l| l.sign_ins);
        while self.alive() && self.team.peek(|l| l.sign_ins) == seen {
            self.persist();
            sleep(500).await;
        }
        fare.borrow_mut().stopped = None;
    }

    /// Tells the status line how things are.
    fn show(&self) {
        if !self.alive() {
            return;
        }
        let (pull, push) = (self.pull_fare.borrow(), self.push_fare.borrow());
        let waiting = self.waiting.get();
        let stopped = pull.stopped.clone().or(push.stopped.clone());
        let failing = pull.failing.clone().or(push.failing.clone());
        let state = match (stopped, failing) {
            (Some(Stop::SignIn), _) => SyncState::SignIn,
            (Some(Stop::NotMember), _) => SyncState::NotMember,
            (None, Some(None)) => SyncState::Offline(waiting),
            (None, Some(Some(reason))) => SyncState::Error(reason),
            (None, None) if !pull.caught_up => match (self.pending.get(), self.received.get()) {
                (Some(left), _) if left > 0 => SyncState::Pulling(left),
                (_, n) if n > 0 => SyncState::Received(n as u64),
                _ => SyncState::Starting,
            },
            (None, None) if waiting > 0 || !push.caught_up => SyncState::Waiting(waiting),
            (None, None) => {
                // The time it last came in step.
                if !matches!(self.team.state_now(), SyncState::Synced(_)) {
                    *self.synced_at.borrow_mut() = clock();
                }
                SyncState::Synced(self.synced_at.borrow().clone())
            }
        };
        self.team.say(state);
    }
}

/// Waits `ms` after a failure, or less: when the browser comes back
/// online, the next try is at once.
async fn pause(ms: u64) {
    let offline = !http::online();
    let end = browser::now_millis() + ms;
    loop {
        let now = browser::now_millis();
        if now >= end || (offline && http::online()) {
            return;
        }
        sleep((end - now).min(500)).await;
    }
}

/// The clients shared now.
fn shared_of(team: &Team) -> Vec<ClientId> {
    team.setup_now().map(|s| s.shared).unwrap_or_default()
}

/// Notes how a request fared.
fn note(fare: &RefCell<Fare>, answer: &Response) {
    let failing = match answer {
        // Offline, or the server cannot be reached: the same to the user.
        Response::Failed => Some(None),
        Response::Status(s, _) if *s >= 500 => Some(Some(format!("HTTP {s}"))),
        Response::Status(s, Value::Null) if (200..300).contains(s) => {
            Some(Some(format!("HTTP {s}, no JSON")))
        }
        _ => None,
    };
    fare.borrow_mut().failing = failing;
}

/// The time now as HH:MM, on the browser's clock.
fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}
