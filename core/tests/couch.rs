//! The core's replicator against a real server speaking the CouchDB
//! protocol (PouchDB Server in `scripts/couch-check`, or Apache CouchDB):
//! sign-in, a first push and pull of a large client with their figures,
//! two devices editing one entry, a hostile document quarantined, and a
//! non-member stopped. Ignored by plain `cargo test` (it needs the
//! server); `scripts/couch-check` starts one and runs it.
//!
//! Environment: `KBR_COUCH_URL` (the database's URL), `KBR_COUCH_GUARDED_URL`
//! (one with the team's validation function), `KBR_COUCH_USER` and
//! `KBR_COUCH_OUTSIDER` (`name:password` of a member and of a user who is
//! not one), `KBR_COUCH_ADMIN` (`name:password`, to write a hostile
//! document past the app).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Instant;

use chrono::NaiveDate;
use kbr_core::model::{Account, EntryId};
use kbr_core::sync::replicator::{Action, Method, Replicator, Request, Response, Stop, Way};
use kbr_core::sync::team::{commit, read, resolve};
use kbr_core::sync::tree::Database;
use kbr_core::sync::wire::replication_id;
use serde_json::{json, Value};

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run scripts/couch-check"))
}

/// A minimal HTTP/1.1 client (plain HTTP on a local port): enough for a
/// test, with the session cookie of one user.
struct Client {
    host: String,
    base: String,
    cookie: Option<String>,
    basic: Option<String>,
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = body.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(
            std::str::from_utf8(&body[..end])
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 4 + size..];
    }
}

impl Client {
    fn new(database_url: &str) -> Client {
        let rest = database_url
            .strip_prefix("http://")
            .expect("a plain http:// URL");
        let (host, path) = rest.split_once('/').unwrap();
        Client {
            host: host.to_string(),
            base: format!("/{}", path.trim_end_matches('/')),
            cookie: None,
            basic: None,
        }
    }

    /// `path` from the server's root when it starts with `/`, else from
    /// the database.
    fn call(&mut self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let target = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("{}/{path}", self.base)
        };
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
            self.host,
            body.len()
        );
        if let Some(cookie) = &self.cookie {
            head.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        if let Some(basic) = &self.basic {
            head.push_str(&format!("Authorization: Basic {basic}\r\n"));
        }
        let mut stream = TcpStream::connect(&self.host).expect("the server runs");
        stream
            .write_all(format!("{head}\r\n{body}").as_bytes())
            .unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let headers = String::from_utf8_lossy(&answer[..split]).to_string();
        let status: u16 = headers.split(' ').nth(1).unwrap().parse().unwrap();
        let mut payload = answer[split + 4..].to_vec();
        for line in headers.lines() {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
                payload = dechunk(&payload);
            }
            if lower.starts_with("set-cookie:") && lower.contains("authsession=") {
                let value = line.split_once(':').unwrap().1.trim();
                self.cookie = Some(value.split(';').next().unwrap().to_string());
            }
        }
        (
            status,
            serde_json::from_slice(&payload).unwrap_or(Value::Null),
        )
    }

    fn sign_in(&mut self, user: &str) -> u16 {
        let (name, password) = user.split_once(':').unwrap();
        self.call(
            "POST",
            "/_session",
            Some(&json!({ "name": name, "password": password })),
        )
        .0
    }

    fn serve(&mut self, request: &Request) -> Response {
        let method = match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        };
        let (status, body) = self.call(method, &request.path, request.body.as_ref());
        Response::Status(status, body)
    }
}

fn run(way: Way, name: &str, local: &mut Database, client: &mut Client) -> (Action, usize) {
    let id = replication_id(
        name,
        &client.base,
        if way == Way::Pull { "pull" } else { "push" },
    );
    let mut replicator = Replicator::new(way, &id, name, 500);
    loop {
        match replicator.next(local) {
            Action::Send(request) => {
                let answer = client.serve(&request);
                replicator.receive(local, answer);
            }
            Action::Wait(ms) => panic!("a failure against a healthy server (pause {ms} ms)"),
            end => return (end, replicator.progress().written),
        }
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn device(user: &str) -> Client {
    let mut client = Client::new(&env("KBR_COUCH_URL"));
    assert_eq!(client.sign_in(user), 200, "sign-in of {user}");
    client
}

#[test]
#[ignore = "needs a CouchDB-protocol server: scripts/couch-check"]
fn a_team_shares_a_client_through_a_real_server() {
    let user = env("KBR_COUCH_USER");
    let mut laptop_http = device(&user);
    let mut phone_http = device(&user);

    // A first push and pull of a large client, with their figures.
    let account = kbr_core::demo::synthetic(10_000, 5, today());
    let client = account.client.id.clone();
    let mut laptop = Database::default();
    commit(&mut laptop, None, &account);
    let started = Instant::now();
    let (end, pushed) = run(Way::Push, "laptop", &mut laptop, &mut laptop_http);
    let push_ms = started.elapsed().as_millis();
    assert_eq!(end, Action::Done);
    let mut phone = Database::default();
    let started = Instant::now();
    let (end, pulled) = run(Way::Pull, "phone", &mut phone, &mut phone_http);
    let pull_ms = started.elapsed().as_millis();
    assert_eq!(end, Action::Done);
    assert_eq!(pushed, pulled);
    println!("FIGURE first push of 10,000 entries: {pushed} documents in {push_ms} ms");
    println!("FIGURE first pull of 10,000 entries: {pulled} documents in {pull_ms} ms");
    let on_phone = read(&phone, &client);
    assert_eq!(on_phone.quarantined, vec![]);
    assert_eq!(
        on_phone.account.as_ref().map(|a| &a.entries),
        Some(&account.entries)
    );

    // Both change the same entry, in different fields; both sync; one
    // account, one branch on the server.
    let edit = |db: &mut Database, f: &dyn Fn(&mut Account)| {
        let before = read(db, &client).account.unwrap();
        let mut after = before.clone();
        f(&mut after);
        commit(db, Some(&before), &after);
    };
    let first = account.entries[0].id;
    edit(&mut laptop, &|a| a.entries[0].note = "bel terug".into());
    edit(&mut phone, &|a| a.entries[0].who = "facturatie".into());
    for round in 0..2 {
        // Round 0 moves both edits up and each other's down, round 1 the
        // resolutions (the same revisions from both: nothing new).
        let moved = [
            run(Way::Push, "laptop", &mut laptop, &mut laptop_http).1,
            run(Way::Push, "phone", &mut phone, &mut phone_http).1,
            run(Way::Pull, "laptop", &mut laptop, &mut laptop_http).1,
            run(Way::Pull, "phone", &mut phone, &mut phone_http).1,
        ];
        eprintln!("round {round}: moved {moved:?}");
        assert_eq!(resolve(&mut laptop, &client), vec![]);
        assert_eq!(resolve(&mut phone, &client), vec![]);
    }
    let (a, b) = (
        read(&laptop, &client).account.unwrap(),
        read(&phone, &client).account.unwrap(),
    );
    let differ: Vec<_> = a
        .entries
        .iter()
        .zip(&b.entries)
        .filter(|(x, y)| x != y)
        .collect();
    assert!(
        differ.is_empty() && a == b,
        "laptop and phone differ: {differ:?}"
    );
    let entry = a.entries.iter().find(|e| e.id == first).unwrap();
    assert_eq!(
        (entry.note.as_str(), entry.who.as_str()),
        ("bel terug", "facturatie")
    );
    let doc_path = format!("kbr%3A{client}%3Aentry%3A{}?conflicts=true", first.0);
    let (_, doc) = laptop_http.call("GET", &doc_path, None);
    assert_eq!(doc.get("_conflicts"), None, "{doc}");

    // A document that passes the server's validation but breaks the app's
    // rules (a weight of 9), written past the app: quarantined, the rest
    // applies.
    let mut admin = Client::new(&env("KBR_COUCH_URL"));
    admin.basic = Some(base64(&env("KBR_COUCH_ADMIN")));
    let mut bad = serde_json::to_value(&account.entries[1]).unwrap();
    bad["id"] = json!(999_999_999);
    bad["weight"] = json!(9);
    let (status, answer) = admin.call(
        "PUT",
        &format!("kbr%3A{client}%3Aentry%3A999999999"),
        Some(&json!({ "kbr": 1, "kind": "entry", "record": bad })),
    );
    assert_eq!(status, 201, "{answer}");
    // The team's validation (`scripts/team-db`) refuses what the app never
    // writes, on a database that has it (see the README for why the
    // replication above runs on one without it on PouchDB Server).
    let mut guarded = Client::new(&env("KBR_COUCH_GUARDED_URL"));
    assert_eq!(guarded.sign_in(&user), 200);
    for (id, doc) in [
        (
            "kbr%3Ac-5%3Aentry%3A5",
            json!({ "kbr": 1, "kind": "moment", "record": {} }),
        ),
        (
            "kbr%3Ac-5",
            json!({ "kbr": 1, "kind": "client", "record": {}, "extra": 1 }),
        ),
        ("hello", json!({ "kbr": 1, "kind": "client", "record": {} })),
        (
            "kbr%3Ac-5%3Aentry%3A6",
            json!({ "kbr": 1, "kind": "entry", "record": [] }),
        ),
    ] {
        let (status, answer) = guarded.call("PUT", id, Some(&doc));
        assert_eq!(status, 403, "{id}: {answer}");
    }
    let (status, _) = guarded.call(
        "PUT",
        "kbr%3Ac-5%3Aentry%3A7",
        Some(&json!({ "kbr": 1, "kind": "entry", "record": {} })),
    );
    assert_eq!(status, 201, "a document of the app's shape passes");
    run(Way::Pull, "phone", &mut phone, &mut phone_http);
    let got = read(&phone, &client);
    assert_eq!(got.quarantined.len(), 1);
    assert!(got
        .account
        .unwrap()
        .entries
        .iter()
        .all(|e| e.id != EntryId(999_999_999)));

    // Someone who is not a member: stopped, nothing local changes.
    let mut outsider = device(&env("KBR_COUCH_OUTSIDER"));
    let mut theirs = Database::default();
    let (end, _) = run(Way::Pull, "outsider", &mut theirs, &mut outsider);
    assert!(
        matches!(end, Action::Stopped(Stop::SignIn | Stop::NotMember)),
        "{end:?}"
    );
    assert_eq!(theirs, Database::default());
}

fn base64(text: &str) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
