//! The replicator as a state machine without input or output of its own:
//! it says which HTTP request to make next ([`Replicator::next`]) and is
//! told what came back ([`Replicator::receive`]); the browser only does
//! the fetching and the waiting. The local side is a [`Database`] it reads
//! and writes directly.
//!
//! A pull: read both checkpoints (`_local/<id>`), take the server's
//! `_changes` from the agreed one in batches, ask the local database
//! which leaves it lacks, fetch them with their history (`_bulk_get`, or
//! `open_revs` one document at a time when the server has no
//! `_bulk_get`), store them as they are, write the checkpoint on both
//! sides. A push: the same the other way round, with `_revs_diff` and
//! `_bulk_docs` (`new_edits=false`) on the server. A failed request (no
//! network, a timeout, a 5xx, an answer of the wrong shape) is tried again
//! after a growing pause and changes nothing local; a 401 stops with
//! "sign in again", a 403 with "not a member" (local changes stay, to be
//! pushed later).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::rev::Rev;
use super::tree::{Database, Revision};
use super::wire::{
    bulk_docs_refused, bulk_docs_request, bulk_get_request, bulk_get_results, changes_page,
    checkpoint, open_revs_results, revs_diff_missing, revs_diff_request, start_from,
};

/// Which way the documents go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// From the server to this browser.
    Pull,
    /// From this browser to the server.
    Push,
}

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST with a JSON body.
    Post,
    /// PUT with a JSON body.
    Put,
}

/// A request to make, relative to the team database's URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// Path and query after the database URL (`_changes?…`), encoded.
    pub path: String,
    /// The JSON body of a POST or PUT.
    pub body: Option<Value>,
}

/// What came back.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// An HTTP status with its JSON body (`Null` when it was not JSON).
    Status(u16, Value),
    /// No answer: offline, a timeout, a refused connection.
    Failed,
    /// A long poll the browser ended after its own time without an answer
    /// (some servers ignore `timeout`): nothing new, not a failure.
    Quiet,
}

/// Why replication stopped until the user acts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The session expired or the password is wrong (401).
    SignIn,
    /// This user is not a member of the team's database (403).
    NotMember,
}

/// What to do next.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Make this request and pass its answer to [`Replicator::receive`].
    Send(Request),
    /// Wait this many milliseconds (after a failure), then ask again.
    Wait(u64),
    /// Caught up: nothing more to move now.
    Done,
    /// Stopped until the user acts.
    Stopped(Stop),
}

/// Figures of the work done, for the status line and the benchmark.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Revisions stored on the receiving side.
    pub written: usize,
    /// Revisions the receiving side refused (a validation function),
    /// with the document id and reason.
    pub refused: Vec<(String, String)>,
    /// Changes the server says are left (a first pull's progress).
    pub pending: Option<u64>,
    /// Failed requests in a row (0 once one succeeds).
    pub failures: u32,
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    ReadCheckpoint,
    Changes,
    RevsDiff(BTreeMap<String, Vec<Rev>>, Value),
    Fetch(BTreeMap<String, Vec<Rev>>, Value),
    Write(Vec<Revision>, Value),
    SaveCheckpoint(Value),
    Caught,
    Listen,
    Stopped(Stop),
}

/// One replication (a pull or a push) of one team database.
#[derive(Clone, Debug)]
pub struct Replicator {
    way: Way,
    id: String,
    session: String,
    batch: usize,
    step: Step,
    since: Value,
    remote_checkpoint_rev: Option<String>,
    bulk_get: bool,
    pause_due: bool,
    listen: Option<u64>,
    progress: Progress,
    /// Batches done since the last checkpoint was written.
    unsaved: u32,
    /// A pull: whether the server said more changes follow the last page.
    more: bool,
}

/// Batches between two checkpoints while more changes follow (CouchDB's
/// own replicator writes one every few seconds, not after every batch):
/// a first exchange of 10,000 documents writes two instead of twenty, and
/// after a failure at most this many batches are offered again.
pub const CHECKPOINT_EVERY: u32 = 8;

/// The longest pause between tries (ms).
pub const MAX_PAUSE: u64 = 60_000;

/// The pause before try `n + 1` after `n` failures in a row: 1 s, 2 s,
/// 4 s … up to a minute.
pub fn pause_after(failures: u32) -> u64 {
    1000u64
        .saturating_mul(1u64 << failures.saturating_sub(1).min(16))
        .min(MAX_PAUSE)
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Replicator {
    /// A replication `way` named `id` (see [`super::wire::replication_id`]);
    /// `session` tells this run's checkpoints from another's.
    pub fn new(way: Way, id: &str, session: &str, batch: usize) -> Replicator {
        Replicator {
            way,
            id: id.to_string(),
            session: session.to_string(),
            batch: batch.max(1),
            step: Step::ReadCheckpoint,
            since: json!(0),
            remote_checkpoint_rev: None,
            bulk_get: true,
            pause_due: false,
            listen: None,
            progress: Progress::default(),
            unsaved: 0,
            more: false,
        }
    }

    /// A pull that goes on once caught up: after each [`Action::Done`] it
    /// waits for the next change with a long poll of `timeout_ms` (the
    /// browser ends it itself a little later, [`Response::Quiet`]).
    pub fn listening(mut self, timeout_ms: u64) -> Replicator {
        self.listen = Some(timeout_ms);
        self
    }

    /// The work done so far.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// For a push: how many local documents changed since its last
    /// checkpoint (the status line's "n changes waiting"). Before the
    /// first checkpoint is read, every document counts.
    pub fn waiting(&self, local: &Database) -> usize {
        local.changed_since(self.since.as_u64().unwrap_or(0))
    }

    /// Whether a live pull is caught up and waits for the next change
    /// (its next request is the long poll).
    pub fn is_listening(&self) -> bool {
        self.step == Step::Listen
    }

    /// Whether it stopped until the user acts.
    pub fn is_stopped(&self) -> bool {
        matches!(self.step, Step::Stopped(_))
    }

    /// Starts over from the checkpoints (after a sign-in, or to look for
    /// new changes once caught up).
    pub fn restart(&mut self) {
        self.step = Step::ReadCheckpoint;
    }

    fn checkpoint_key(&self) -> String {
        format!("_local/{}", self.id)
    }

    /// The next thing to do.
    pub fn next(&mut self, local: &mut Database) -> Action {
        if std::mem::take(&mut self.pause_due) {
            return Action::Wait(pause_after(self.progress.failures));
        }
        loop {
            match self.step.clone() {
                Step::ReadCheckpoint => {
                    return Action::Send(Request {
                        method: Method::Get,
                        path: encode_path(&self.checkpoint_key()),
                        body: None,
                    })
                }
                Step::Changes => match self.way {
                    Way::Pull => {
                        return Action::Send(Request {
                            method: Method::Get,
                            path: format!(
                                "_changes?style=all_docs&limit={}&since={}",
                                self.batch,
                                encode(&seq_text(&self.since))
                            ),
                            body: None,
                        })
                    }
                    Way::Push => {
                        let since = self.since.as_u64().unwrap_or(0);
                        let changes = local.changes(since, self.batch);
                        let Some(last) = changes.last().map(|c| c.seq) else {
                            self.step = self.caught_up();
                            continue;
                        };
                        let offered = changes.into_iter().map(|c| (c.id, c.leaves)).collect();
                        self.step = Step::RevsDiff(offered, json!(last));
                    }
                },
                Step::RevsDiff(offered, last) => match self.way {
                    Way::Pull => {
                        let missing = local.revs_diff(&offered);
                        self.step = if missing.is_empty() {
                            Step::SaveCheckpoint(last)
                        } else {
                            Step::Fetch(missing, last)
                        };
                    }
                    Way::Push => {
                        return Action::Send(Request {
                            method: Method::Post,
                            path: "_revs_diff".into(),
                            body: Some(revs_diff_request(&offered)),
                        })
                    }
                },
                Step::Fetch(missing, last) => match self.way {
                    Way::Pull if self.bulk_get => {
                        return Action::Send(Request {
                            method: Method::Post,
                            path: "_bulk_get?revs=true".into(),
                            body: Some(bulk_get_request(&missing)),
                        })
                    }
                    Way::Pull => {
                        let Some((id, revs)) = missing.iter().next() else {
                            self.step = Step::SaveCheckpoint(last);
                            continue;
                        };
                        let revs: Vec<String> = revs.iter().map(Rev::to_string).collect();
                        return Action::Send(Request {
                            method: Method::Get,
                            path: format!(
                                "{}?revs=true&open_revs={}",
                                encode_path(id),
                                encode(&json!(revs).to_string())
                            ),
                            body: None,
                        });
                    }
                    Way::Push => {
                        let revisions: Vec<Revision> = missing
                            .iter()
                            .flat_map(|(id, revs)| revs.iter().filter_map(|r| local.get(id, r)))
                            .collect();
                        self.step = Step::Write(revisions, last);
                    }
                },
                Step::Write(revisions, last) => match self.way {
                    Way::Pull => {
                        self.progress.written += local.put_revisions(revisions);
                        self.step = Step::SaveCheckpoint(last);
                    }
                    Way::Push if revisions.is_empty() => self.step = Step::SaveCheckpoint(last),
                    Way::Push => {
                        return Action::Send(Request {
                            method: Method::Post,
                            path: "_bulk_docs".into(),
                            body: Some(bulk_docs_request(&revisions)),
                        })
                    }
                },
                Step::SaveCheckpoint(last) => {
                    let more = match self.way {
                        Way::Pull => self.more,
                        Way::Push => local.changed_since(last.as_u64().unwrap_or(0)) > 0,
                    };
                    if more && self.unsaved + 1 < CHECKPOINT_EVERY {
                        // The next batch first; the checkpoint follows.
                        self.unsaved += 1;
                        self.since = last;
                        self.step = Step::Changes;
                        continue;
                    }
                    let mut body = checkpoint(&last, &self.session);
                    if let Some(rev) = &self.remote_checkpoint_rev {
                        body["_rev"] = json!(rev);
                    }
                    return Action::Send(Request {
                        method: Method::Put,
                        path: encode_path(&self.checkpoint_key()),
                        body: Some(body),
                    });
                }
                Step::Caught => {
                    // Caught up. A live pull listens next; a push looks at
                    // the local changes again when it is next asked.
                    self.step = match (self.way, self.listen) {
                        (Way::Pull, Some(_)) => Step::Listen,
                        (Way::Pull, None) => Step::Caught,
                        (Way::Push, _) => Step::Changes,
                    };
                    return Action::Done;
                }
                Step::Listen => {
                    return Action::Send(Request {
                        method: Method::Get,
                        path: format!(
                            "_changes?style=all_docs&feed=longpoll&timeout={}&limit={}&since={}",
                            self.listen.unwrap_or(25_000),
                            self.batch,
                            encode(&seq_text(&self.since))
                        ),
                        body: None,
                    })
                }
                Step::Stopped(stop) => return Action::Stopped(stop),
            }
        }
    }

    /// Takes the answer to the request [`Replicator::next`] asked for.
    pub fn receive(&mut self, local: &mut Database, response: Response) {
        let (status, body) = match response {
            Response::Quiet if self.step == Step::Listen => {
                self.step = Step::Caught;
                return;
            }
            Response::Failed | Response::Quiet => return self.failed(),
            Response::Status(status, body) => (status, body),
        };
        match status {
            401 => {
                self.step = Step::Stopped(Stop::SignIn);
                return;
            }
            403 => {
                self.step = Step::Stopped(Stop::NotMember);
                return;
            }
            500..=599 => return self.failed(),
            _ => {}
        }
        let ok = (200..300).contains(&status);
        let next = match (self.step.clone(), self.way) {
            (Step::ReadCheckpoint, _) => {
                let remote = if ok && body.is_object() {
                    Some(&body)
                } else if status == 404 {
                    None
                } else {
                    return self.failed();
                };
                self.remote_checkpoint_rev = remote
                    .and_then(|b| b.get("_rev"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let key = self.checkpoint_key();
                let agreed = start_from(local.local(&key), remote);
                self.since = agreed.unwrap_or(json!(0));
                Some(Step::Changes)
            }
            (Step::Changes | Step::Listen, Way::Pull) if ok => match changes_page(&body) {
                Ok(page) => {
                    self.progress.pending = page.pending;
                    self.more = page.pending.is_some_and(|n| n > 0)
                        || (page.pending.is_none() && page.answered >= self.batch);
                    if page.answered == 0 {
                        Some(self.caught_up())
                    } else if page.rows.is_empty() {
                        Some(Step::SaveCheckpoint(page.last_seq))
                    } else {
                        let offered = page.rows.into_iter().map(|r| (r.id, r.revs)).collect();
                        Some(Step::RevsDiff(offered, page.last_seq))
                    }
                }
                Err(_) => None,
            },
            (Step::RevsDiff(_, last), Way::Push) if ok => match revs_diff_missing(&body) {
                Ok(missing) if missing.is_empty() => Some(Step::SaveCheckpoint(last)),
                Ok(missing) => Some(Step::Fetch(missing, last)),
                Err(_) => None,
            },
            (Step::Fetch(missing, last), Way::Pull) if self.bulk_get => {
                if matches!(status, 400 | 404 | 405 | 501) {
                    // No _bulk_get here: one document at a time.
                    self.bulk_get = false;
                    Some(Step::Fetch(missing, last))
                } else if ok {
                    bulk_get_results(&body)
                        .ok()
                        .map(|f| Step::Write(f.revisions, last))
                } else {
                    None
                }
            }
            (Step::Fetch(mut missing, last), Way::Pull) if ok => match open_revs_results(&body) {
                Ok(fetched) => {
                    let first = missing.keys().next().cloned();
                    if let Some(first) = first {
                        missing.remove(&first);
                    }
                    self.progress.written += local.put_revisions(fetched.revisions);
                    Some(if missing.is_empty() {
                        Step::SaveCheckpoint(last)
                    } else {
                        Step::Fetch(missing, last)
                    })
                }
                Err(_) => None,
            },
            (Step::Write(revisions, last), Way::Push) if ok => match bulk_docs_refused(&body) {
                Ok(refused) => {
                    self.progress.written += revisions.len().saturating_sub(refused.len());
                    self.progress
                        .refused
                        .extend(refused.into_iter().map(|(id, _, reason)| (id, reason)));
                    Some(Step::SaveCheckpoint(last))
                }
                // Written or not, the same revisions can be sent again.
                Err(_) => None,
            },
            (Step::SaveCheckpoint(last), _)
                if ok && body.get("rev").is_some_and(Value::is_string) =>
            {
                self.remote_checkpoint_rev =
                    body.get("rev").and_then(Value::as_str).map(str::to_string);
                local.put_local(&self.checkpoint_key(), checkpoint(&last, &self.session));
                self.since = last;
                self.unsaved = 0;
                Some(Step::Changes)
            }
            (Step::SaveCheckpoint(_), _) if status == 409 => {
                // Someone else's checkpoint moved: read it again.
                Some(Step::ReadCheckpoint)
            }
            _ => None,
        };
        match next {
            Some(step) => {
                self.progress.failures = 0;
                self.step = step;
            }
            None => self.failed(),
        }
    }

    /// Nothing more to move: the checkpoint of the batches done since the
    /// last one first, then caught up.
    fn caught_up(&self) -> Step {
        if self.unsaved > 0 {
            Step::SaveCheckpoint(self.since.clone())
        } else {
            Step::Caught
        }
    }

    /// The same request is made again, after a pause.
    fn failed(&mut self) {
        self.progress.failures = self.progress.failures.saturating_add(1);
        self.pause_due = true;
    }
}

/// A sequence as text for a query (`since=`): a string as it is, anything
/// else as JSON.
fn seq_text(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A document path (`_local/x` keeps its slash, as CouchDB requires).
fn encode_path(id: &str) -> String {
    match id.strip_prefix("_local/") {
        Some(rest) => format!("_local/{}", encode(rest)),
        None => encode(id),
    }
}
