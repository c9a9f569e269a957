//! The replicator against a server in memory that answers its HTTP
//! requests the way CouchDB documents them (string sequences, `_local`
//! revisions, `_bulk_get` or not), and that fails on demand: whatever
//! fails, the result is the same as a clean replication, and a failure
//! changes nothing local.

use std::collections::BTreeMap;

use kbr_core::sync::replicator::{
    pause_after, Action, Method, Replicator, Request, Response, Stop, Way,
};
use kbr_core::sync::rev::Rev;
use kbr_core::sync::tree::Database;
use kbr_core::sync::wire::{doc_json, revision_of};
use proptest::prelude::*;
use serde_json::{json, Value};

/// How the server misbehaves.
#[derive(Clone, Debug, Default)]
struct Faults {
    /// Request numbers (from 0) that get no answer.
    dropped: Vec<usize>,
    /// Request numbers answered with a 503.
    unavailable: Vec<usize>,
    /// Request numbers answered 200 with garbage.
    garbage: Vec<usize>,
    /// No `_bulk_get` (answers 404).
    no_bulk_get: bool,
    /// Every request answered 401.
    signed_out: bool,
    /// Every request answered 403.
    not_member: bool,
}

struct Server {
    db: Database,
    faults: Faults,
    served: usize,
    /// Requests that met a fault.
    faulty: usize,
    local_revs: BTreeMap<String, u64>,
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn query(path: &str) -> (String, BTreeMap<String, String>) {
    let (path, q) = path.split_once('?').unwrap_or((path, ""));
    let params = q
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), decode(v))
        })
        .collect();
    (decode(path), params)
}

/// A sequence as this server writes it: opaque text.
fn seq_out(n: u64) -> Value {
    json!(format!("{n}-g1AAAA"))
}

fn seq_in(text: &str) -> u64 {
    if text == "0" {
        return 0;
    }
    text.split('-').next().unwrap().parse().unwrap()
}

impl Server {
    fn new(db: Database, faults: Faults) -> Server {
        Server {
            db,
            faults,
            served: 0,
            faulty: 0,
            local_revs: BTreeMap::new(),
        }
    }

    fn serve(&mut self, request: &Request) -> Response {
        let n = self.served;
        self.served += 1;
        if self.faults.dropped.contains(&n) {
            self.faulty += 1;
            return Response::Failed;
        }
        if self.faults.unavailable.contains(&n) {
            self.faulty += 1;
            return Response::Status(503, json!({ "error": "unavailable" }));
        }
        if self.faults.signed_out {
            return Response::Status(401, json!({ "error": "unauthorized" }));
        }
        if self.faults.not_member {
            return Response::Status(403, json!({ "error": "forbidden" }));
        }
        let answer = self.answer(request);
        if self.faults.garbage.contains(&n) {
            self.faulty += 1;
            return Response::Status(200, json!("<html>proxy error</html>"));
        }
        answer
    }

    fn answer(&mut self, request: &Request) -> Response {
        let (path, params) = query(&request.path);
        let body = request.body.clone().unwrap_or(Value::Null);
        match (request.method, path.as_str()) {
            (Method::Get, p) if p.starts_with("_local/") => match self.db.local(p) {
                Some(doc) => Response::Status(200, doc.clone()),
                None => Response::Status(404, json!({ "error": "not_found" })),
            },
            (Method::Put, p) if p.starts_with("_local/") => {
                let current = self.local_revs.get(p).copied();
                let given = body.get("_rev").and_then(Value::as_str).map(str::to_string);
                if current.map(|c| format!("0-{c}")) != given {
                    return Response::Status(409, json!({ "error": "conflict" }));
                }
                let next = current.unwrap_or(0) + 1;
                self.local_revs.insert(p.to_string(), next);
                let mut doc = body.clone();
                doc["_rev"] = json!(format!("0-{next}"));
                self.db.put_local(p, doc);
                Response::Status(
                    201,
                    json!({ "ok": true, "id": p, "rev": format!("0-{next}") }),
                )
            }
            (Method::Get, "_changes") => {
                let since = seq_in(&params["since"]);
                let limit: usize = params["limit"].parse().unwrap();
                let changes = self.db.changes(since, limit);
                let last = changes.last().map_or(since, |c| c.seq);
                let pending = self.db.changes(last, usize::MAX).len();
                let results: Vec<Value> = changes
                    .iter()
                    .map(|c| {
                        let revs: Vec<Value> = c
                            .leaves
                            .iter()
                            .map(|r| json!({ "rev": r.to_string() }))
                            .collect();
                        json!({ "seq": seq_out(c.seq), "id": c.id, "changes": revs })
                    })
                    .collect();
                Response::Status(
                    200,
                    json!({ "results": results, "last_seq": seq_out(last), "pending": pending }),
                )
            }
            (Method::Post, "_revs_diff") => {
                let offered: BTreeMap<String, Vec<Rev>> = body
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(id, revs)| {
                        let revs = revs
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|r| Rev::parse(r.as_str().unwrap()).unwrap())
                            .collect();
                        (id.clone(), revs)
                    })
                    .collect();
                let missing = self.db.revs_diff(&offered);
                let answer: serde_json::Map<String, Value> = missing
                    .into_iter()
                    .map(|(id, revs)| {
                        let revs: Vec<String> = revs.iter().map(Rev::to_string).collect();
                        (id, json!({ "missing": revs }))
                    })
                    .collect();
                Response::Status(200, Value::Object(answer))
            }
            (Method::Post, "_bulk_get") if self.faults.no_bulk_get => {
                Response::Status(404, json!({ "error": "not_found" }))
            }
            (Method::Post, "_bulk_get") => {
                let results: Vec<Value> = body["docs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| {
                        let id = d["id"].as_str().unwrap();
                        let rev = Rev::parse(d["rev"].as_str().unwrap()).unwrap();
                        let item = match self.db.get(id, &rev) {
                            Some(r) => json!({ "ok": doc_json(&r) }),
                            None => json!({ "error": { "id": id, "rev": rev.to_string(), "error": "not_found" } }),
                        };
                        json!({ "id": id, "docs": [item] })
                    })
                    .collect();
                Response::Status(200, json!({ "results": results }))
            }
            (Method::Post, "_bulk_docs") => {
                assert_eq!(body["new_edits"], json!(false));
                let revisions = body["docs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| revision_of(d).unwrap())
                    .collect();
                self.db.put_revisions(revisions);
                Response::Status(201, json!([]))
            }
            (Method::Get, id) if params.contains_key("open_revs") => {
                let revs: Vec<String> = serde_json::from_str(&params["open_revs"]).unwrap();
                let items: Vec<Value> = revs
                    .iter()
                    .map(|r| match self.db.get(id, &Rev::parse(r).unwrap()) {
                        Some(rev) => json!({ "ok": doc_json(&rev) }),
                        None => json!({ "missing": r }),
                    })
                    .collect();
                Response::Status(200, json!(items))
            }
            other => panic!("unexpected request {other:?}"),
        }
    }
}

/// Runs a replication to its end; returns how it ended and the pauses.
fn run(
    replicator: &mut Replicator,
    local: &mut Database,
    server: &mut Server,
) -> (Action, Vec<u64>) {
    let mut pauses = Vec::new();
    for _ in 0..10_000 {
        match replicator.next(local) {
            Action::Send(request) => {
                let answer = server.serve(&request);
                replicator.receive(local, answer);
            }
            Action::Wait(ms) => pauses.push(ms),
            end => return (end, pauses),
        }
    }
    panic!("the replication never ended");
}

fn device_with(docs: usize, prefix: &str) -> Database {
    let mut db = Database::default();
    for i in 0..docs {
        db.edit(&format!("{prefix}{i}"), Some(json!({ "n": i })));
        if i % 3 == 0 {
            db.edit(
                &format!("{prefix}{i}"),
                Some(json!({ "n": i, "again": true })),
            );
        }
        if i % 7 == 0 {
            db.edit(&format!("{prefix}{i}"), None);
        }
    }
    db
}

/// The same documents, the team's design documents aside.
fn same_documents(a: &Database, b: &Database) {
    let ours = |db: &Database| -> Vec<String> {
        db.ids()
            .filter(|id| !id.starts_with("_design/"))
            .cloned()
            .collect()
    };
    let ids = ours(a);
    assert_eq!(ids, ours(b));
    for id in &ids {
        assert_eq!(
            a.tree(id).unwrap().leaves(),
            b.tree(id).unwrap().leaves(),
            "{id}"
        );
    }
}

#[test]
fn a_push_then_a_pull_carry_every_revision_in_batches() {
    let mut laptop = device_with(23, "d");
    let mut server = Server::new(Database::default(), Faults::default());
    let mut push = Replicator::new(Way::Push, "laptop-push", "s1", 5);
    assert_eq!(run(&mut push, &mut laptop, &mut server).0, Action::Done);
    let revisions: usize = laptop
        .ids()
        .map(|id| laptop.tree(id).unwrap().leaves().len())
        .sum();
    assert_eq!(push.progress().written, revisions);
    same_documents(&laptop, &server.db);
    let mut phone = Database::default();
    let mut pull = Replicator::new(Way::Pull, "phone-pull", "s2", 5);
    assert_eq!(run(&mut pull, &mut phone, &mut server).0, Action::Done);
    same_documents(&phone, &server.db);
    assert_eq!(pull.progress().pending, Some(0));
    // A second pull reads the checkpoint and fetches nothing.
    let served = server.served;
    let mut again = Replicator::new(Way::Pull, "phone-pull", "s2", 5);
    run(&mut again, &mut phone, &mut server);
    assert_eq!(again.progress().written, 0);
    assert_eq!(
        server.served - served,
        2,
        "checkpoint and one empty _changes"
    );
}

#[test]
fn without_bulk_get_documents_come_one_by_one() {
    let mut server = Server::new(
        device_with(9, "d"),
        Faults {
            no_bulk_get: true,
            ..Faults::default()
        },
    );
    let mut phone = Database::default();
    let mut pull = Replicator::new(Way::Pull, "p", "s", 4);
    assert_eq!(run(&mut pull, &mut phone, &mut server).0, Action::Done);
    same_documents(&phone, &server.db);
}

#[test]
fn sign_in_and_membership_stop_and_change_nothing() {
    for (faults, stop) in [
        (
            Faults {
                signed_out: true,
                ..Faults::default()
            },
            Stop::SignIn,
        ),
        (
            Faults {
                not_member: true,
                ..Faults::default()
            },
            Stop::NotMember,
        ),
    ] {
        let mut laptop = device_with(4, "d");
        let before = laptop.clone();
        let mut server = Server::new(Database::default(), faults);
        let mut push = Replicator::new(Way::Push, "p", "s", 4);
        assert_eq!(
            run(&mut push, &mut laptop, &mut server).0,
            Action::Stopped(stop.clone())
        );
        assert_eq!(laptop, before);
        let mut pull = Replicator::new(Way::Pull, "q", "s", 4);
        assert_eq!(
            run(&mut pull, &mut laptop, &mut server).0,
            Action::Stopped(stop)
        );
        assert_eq!(laptop, before);
    }
}

#[test]
fn pauses_grow_to_a_minute() {
    assert_eq!(
        (1..=9).map(pause_after).collect::<Vec<_>>(),
        vec![1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]
    );
}

#[test]
fn garbage_and_outages_leave_local_data_as_it_was() {
    let mut server = Server::new(
        device_with(6, "d"),
        Faults {
            garbage: (0..200).collect(),
            ..Faults::default()
        },
    );
    let mut phone = device_with(2, "own");
    let before = phone.clone();
    let mut pull = Replicator::new(Way::Pull, "p", "s", 4);
    for _ in 0..50 {
        if let Action::Send(request) = pull.next(&mut phone) {
            let answer = server.serve(&request);
            pull.receive(&mut phone, answer);
        }
    }
    assert_eq!(phone, before);
    assert!(pull.progress().failures > 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Dropped requests, 503s and garbage anywhere, with or without
    /// `_bulk_get`, any batch size: a push and a pull end with the same
    /// documents as on the sending side, and the pauses follow the rule.
    #[test]
    fn faults_anywhere_end_in_the_same_documents(
        docs in 0usize..30,
        batch in 1usize..12,
        dropped in prop::collection::vec(0usize..120, 0..6),
        unavailable in prop::collection::vec(0usize..120, 0..6),
        garbage in prop::collection::vec(0usize..120, 0..6),
        no_bulk_get in any::<bool>(),
    ) {
        let faults = Faults { dropped, unavailable, garbage, no_bulk_get, ..Faults::default() };
        let mut laptop = device_with(docs, "d");
        // The team's validation function: a design document, first in the
        // changes and never copied to a device.
        let mut team = Database::default();
        team.edit("_design/kbr", Some(json!({ "validate_doc_update": "function () {}" })));
        let mut server = Server::new(team, faults);
        let mut push = Replicator::new(Way::Push, "push", "s", batch);
        let (end, pauses) = run(&mut push, &mut laptop, &mut server);
        prop_assert_eq!(end, Action::Done);
        // One pause per failed request, none otherwise.
        prop_assert_eq!(pauses.len(), server.faulty);
        prop_assert!(pauses.iter().all(|p| (1000..=60_000).contains(p)));
        same_documents(&laptop, &server.db);
        let mut phone = Database::default();
        let mut pull = Replicator::new(Way::Pull, "pull", "s", batch);
        prop_assert_eq!(run(&mut pull, &mut phone, &mut server).0, Action::Done);
        same_documents(&phone, &laptop);
    }
}

#[test]
fn a_live_pull_listens_after_catching_up_and_a_quiet_poll_is_no_failure() {
    let mut server = Server::new(device_with(3, "d"), Faults::default());
    let mut phone = Database::default();
    let mut pull = Replicator::new(Way::Pull, "live", "s", 10).listening(25_000);
    assert_eq!(run(&mut pull, &mut phone, &mut server).0, Action::Done);
    same_documents(&phone, &server.db);
    // Caught up: the next request waits for a change.
    let Action::Send(poll) = pull.next(&mut phone) else {
        panic!("a live pull listens");
    };
    assert!(poll.path.contains("feed=longpoll") && poll.path.contains("timeout=25000"));
    // Nothing came within the browser's own time: not a failure.
    pull.receive(&mut phone, Response::Quiet);
    assert_eq!(pull.next(&mut phone), Action::Done);
    assert_eq!(pull.progress().failures, 0);
    // A teammate books: the poll brings it.
    server.db.edit("teammate", Some(json!({ "n": 1 })));
    assert_eq!(run(&mut pull, &mut phone, &mut server).0, Action::Done);
    assert!(phone.tree("teammate").is_some_and(|t| t.is_live()));
    same_documents(&phone, &server.db);
}

#[test]
fn a_push_caught_up_sends_what_changes_later() {
    let mut laptop = device_with(2, "d");
    let mut server = Server::new(Database::default(), Faults::default());
    let mut push = Replicator::new(Way::Push, "push", "s", 10);
    assert_eq!(push.waiting(&laptop), 2);
    assert_eq!(run(&mut push, &mut laptop, &mut server).0, Action::Done);
    assert_eq!(push.waiting(&laptop), 0);
    laptop.edit("later", Some(json!({ "n": 2 })));
    laptop.edit("d1", None);
    assert_eq!(push.waiting(&laptop), 2);
    assert_eq!(run(&mut push, &mut laptop, &mut server).0, Action::Done);
    assert_eq!(push.waiting(&laptop), 0);
    same_documents(&laptop, &server.db);
}
