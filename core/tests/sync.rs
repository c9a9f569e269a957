//! Team sync in memory: devices with their own database, a server, and the
//! replication protocol between them. Whatever the devices do and in
//! whatever order they sync, they end with the same account and lose no
//! booking that nobody deleted.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use kbr_core::catalogue::BUILTIN;
use kbr_core::model::{Account, CategoryId, Client, ClientId, Direction, Entry, EntryId, Weight};
use kbr_core::storage::merge::Record;
use kbr_core::sync::doc::{body, DocId, DocKind, Quarantine, DOC_SCHEMA};
use kbr_core::sync::team::{absorb, commit, read, remove, resolve, touched};
use kbr_core::sync::tree::{replicate, Database};
use proptest::prelude::*;
use serde_json::json;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn client_id() -> ClientId {
    ClientId::parse("c-team").unwrap()
}

fn entry(id: u64, weight: u8, back: u64, category: usize) -> Entry {
    let b = &BUILTIN[category % BUILTIN.len()];
    Entry {
        id: EntryId(id),
        date: today().checked_sub_days(Days::new(back)).unwrap(),
        party: b.party,
        direction: b.direction,
        category: CategoryId(b.id.into()),
        weight: Weight::new(weight).unwrap(),
        who: "".into(),
        note: String::new(),
        repairs: None,
    }
}

/// One teammate's browser: its sync database and the account its pages show.
struct Device {
    name: String,
    db: Database,
    app: Account,
    next: u64,
    /// The browser's way: a change is written into the database only at
    /// the next exchange (against the account last exchanged), and what
    /// arrives is merged with changes not written yet (`absorb`).
    agreed: Option<Account>,
}

impl Device {
    fn new(n: u64, app: Account) -> Device {
        Device {
            name: format!("device{n}"),
            db: Database::default(),
            app,
            // Ids as tabs hand them out: a replica's own range.
            next: (n + 1) << 40,
            agreed: None,
        }
    }

    /// A device that writes its changes late, as the browser does.
    fn late(n: u64, app: Account) -> Device {
        Device {
            agreed: Some(app.clone()),
            ..Device::new(n, app)
        }
    }

    /// A command: the account changes, its change becomes revisions.
    fn change(&mut self, f: impl FnOnce(&mut Account)) {
        let before = self.app.clone();
        f(&mut self.app);
        self.app.sort_entries();
        if self.agreed.is_none() {
            commit(&mut self.db, Some(&before), &self.app);
        }
    }

    /// A pull as the browser does it, without taking the result: what
    /// `absorb` gives, quarantined documents and all.
    fn pull_raw(&mut self, server: &mut Database) -> kbr_core::sync::team::Absorbed {
        replicate(server, &mut self.db, &format!("{}-pull", self.name), 5);
        let agreed = self.agreed.clone();
        absorb(
            &mut self.db,
            &client_id(),
            agreed.as_ref(),
            Some(&self.app),
            today(),
        )
    }

    fn push(&mut self, server: &mut Database) {
        if let Some(agreed) = &self.agreed {
            commit(&mut self.db, Some(agreed), &self.app);
            self.agreed = Some(self.app.clone());
        }
        replicate(&mut self.db, server, &format!("{}-push", self.name), 5);
    }

    fn pull(&mut self, server: &mut Database) {
        replicate(server, &mut self.db, &format!("{}-pull", self.name), 5);
        if let Some(agreed) = &self.agreed {
            let got = absorb(
                &mut self.db,
                &client_id(),
                Some(agreed),
                Some(&self.app),
                today(),
            );
            assert_eq!(got.quarantined, vec![]);
            self.app = got.account.expect("the client document");
            self.agreed = Some(self.app.clone());
            return;
        }
        resolve(&mut self.db, &client_id());
        let read = read(&self.db, &client_id());
        assert_eq!(read.quarantined, vec![]);
        self.app = read.account.expect("the client document");
    }
}

/// Two devices and a server, the client shared by the first and pulled by
/// the second.
fn team() -> (Vec<Device>, Database) {
    team_of(false)
}

/// [`team`], the second device writing its changes late (`late`).
fn team_of(late: bool) -> (Vec<Device>, Database) {
    let mut account = Account::new(Client::new(client_id(), "Gemeente Oost"));
    account.entries = vec![entry(1, 3, 10, 0), entry(2, 2, 5, 3)];
    let mut server = Database::default();
    let mut first = Device::new(0, account.clone());
    commit(&mut first.db, None, &account);
    first.push(&mut server);
    let empty = Account::new(Client::new(client_id(), ""));
    let mut second = if late {
        Device::late(1, empty)
    } else {
        Device::new(1, empty)
    };
    second.pull(&mut server);
    assert_eq!(second.app, first.app);
    (vec![first, second], server)
}

#[derive(Clone, Debug)]
enum Op {
    Add {
        weight: u8,
        back: u64,
        category: usize,
    },
    Note {
        pick: usize,
        text: u8,
    },
    Weight {
        pick: usize,
        weight: u8,
    },
    Delete {
        pick: usize,
    },
    Rename {
        text: u8,
    },
    Push,
    Pull,
}

fn arb_op() -> impl Strategy<Value = (usize, Op)> {
    let op = prop_oneof![
        (1u8..=5, 0u64..60, 0usize..40).prop_map(|(weight, back, category)| Op::Add {
            weight,
            back,
            category
        }),
        (0usize..50, 0u8..3).prop_map(|(pick, text)| Op::Note { pick, text }),
        (0usize..50, 1u8..=5).prop_map(|(pick, weight)| Op::Weight { pick, weight }),
        (0usize..50).prop_map(|pick| Op::Delete { pick }),
        (0u8..3).prop_map(|text| Op::Rename { text }),
        Just(Op::Push),
        Just(Op::Pull),
    ];
    (0usize..2, op)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any interleaving of bookings, edits, deletions and syncs on two
    /// devices ends, once both have synced, in one account on both, with
    /// every booking that nobody deleted.
    #[test]
    fn two_devices_converge_and_lose_nothing(
        ops in prop::collection::vec(arb_op(), 0..40),
        late in any::<bool>(),
    ) {
        let (mut devices, mut server) = team_of(late);
        let mut added: BTreeSet<EntryId> = devices[0].app.entries.iter().map(|e| e.id).collect();
        let mut deleted: BTreeSet<EntryId> = BTreeSet::new();
        for (who, op) in ops {
            let device = &mut devices[who];
            let picked = |d: &Device, pick: usize| {
                (!d.app.entries.is_empty()).then(|| d.app.entries[pick % d.app.entries.len()].id)
            };
            match op {
                Op::Add { weight, back, category } => {
                    let id = device.next;
                    device.next += 1;
                    added.insert(EntryId(id));
                    device.change(|a| a.entries.push(entry(id, weight, back, category)));
                }
                Op::Note { pick, text } => {
                    if let Some(id) = picked(device, pick) {
                        let note = ["bel terug", "offerte", "review"][text as usize].to_string();
                        device.change(|a| {
                            if let Some(e) = a.entries.iter_mut().find(|e| e.id == id) {
                                e.note = note;
                            }
                        });
                    }
                }
                Op::Weight { pick, weight } => {
                    if let Some(id) = picked(device, pick) {
                        device.change(|a| {
                            if let Some(e) = a.entries.iter_mut().find(|e| e.id == id) {
                                e.weight = Weight::new(weight).unwrap();
                            }
                        });
                    }
                }
                Op::Delete { pick } => {
                    if let Some(id) = picked(device, pick) {
                        deleted.insert(id);
                        device.change(|a| a.entries.retain(|e| e.id != id));
                    }
                }
                Op::Rename { text } => {
                    let name = ["Gemeente Oost", "Gemeente West", "Provincie"][text as usize];
                    device.change(|a| a.client.name = name.to_string());
                }
                Op::Push => device.push(&mut server),
                Op::Pull => device.pull(&mut server),
            }
        }
        // Both sync until nothing moves: two devices that resolved
        // different sets of branches make a new pair of branches, which
        // the next round resolves; it settles within a few rounds.
        let mut rounds = 0;
        loop {
            let seqs = |d: &[Device], s: &Database| {
                (s.update_seq(), d[0].db.update_seq(), d[1].db.update_seq())
            };
            let before = seqs(&devices, &server);
            for device in devices.iter_mut() {
                device.push(&mut server);
                device.pull(&mut server);
            }
            rounds += 1;
            if seqs(&devices, &server) == before {
                break;
            }
            prop_assert!(rounds < 10, "still moving after {} rounds", rounds);
        }
        prop_assert_eq!(&devices[0].app, &devices[1].app);
        let ids: BTreeSet<EntryId> = devices[0].app.entries.iter().map(|e| e.id).collect();
        for id in added.difference(&deleted) {
            prop_assert!(ids.contains(id), "entry {:?} was lost", id);
        }
        prop_assert!(ids.is_subset(&added));
        // And the documents are settled: no branch left to resolve.
        for key in server.ids() {
            prop_assert!(server.tree(key).unwrap().conflicts().is_empty(), "{} in conflict", key);
        }
    }
}

#[test]
fn two_people_changing_different_fields_of_one_entry_keep_both_changes() {
    let (mut d, mut server) = team();
    d[0].change(|a| a.entries[0].note = "bel terug".into());
    d[1].change(|a| a.entries[0].weight = Weight::new(5).unwrap());
    d[0].push(&mut server);
    d[1].push(&mut server);
    d[1].pull(&mut server);
    d[0].pull(&mut server);
    for device in &d {
        assert_eq!(device.app.entries[0].note, "bel terug");
        assert_eq!(device.app.entries[0].weight, Weight::new(5).unwrap());
    }
    // Both resolved on their own, and wrote the same revisions.
    d[0].push(&mut server);
    d[1].push(&mut server);
    let key = format!("kbr:{}:entry:1", client_id());
    assert!(server.tree(&key).unwrap().conflicts().is_empty());
    assert_eq!(
        server
            .tree(&key)
            .unwrap()
            .leaves()
            .iter()
            .filter(|l| !l.deleted)
            .count(),
        1
    );
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_decided_the_same_way_everywhere() {
    let (mut d, mut server) = team();
    d[0].change(|a| a.entries[0].note = "ochtend".into());
    d[1].change(|a| a.entries[0].note = "middag".into());
    d[0].push(&mut server);
    d[1].push(&mut server);
    replicate(&mut server, &mut d[0].db, "d0-pull", 10);
    replicate(&mut server, &mut d[1].db, "d1-pull", 10);
    let (c0, c1) = (
        resolve(&mut d[0].db, &client_id()),
        resolve(&mut d[1].db, &client_id()),
    );
    assert_eq!(c0, c1);
    assert_eq!(c0.len(), 1);
    assert_eq!(c0[0].record, Record::Entry(1));
    assert_eq!(c0[0].field.as_deref(), Some("note"));
    let kept = c0[0].mine.clone().unwrap();
    let other = c0[0].theirs.clone().unwrap();
    let mut both = [kept.to_string(), other.to_string()];
    both.sort();
    assert_eq!(both, [r#""middag""#, r#""ochtend""#]);
    let a = read(&d[0].db, &client_id()).account.unwrap();
    let b = read(&d[1].db, &client_id()).account.unwrap();
    assert_eq!(a, b);
    assert_eq!(json!(a.entries[0].note), kept);
}

#[test]
fn an_entry_deleted_on_one_device_and_changed_on_another_stays_with_the_change() {
    let (mut d, mut server) = team();
    d[0].change(|a| a.entries.retain(|e| e.id != EntryId(2)));
    d[1].change(|a| a.entries[1].note = "toch nodig".into());
    d[0].push(&mut server);
    d[1].push(&mut server);
    d[0].pull(&mut server);
    d[1].pull(&mut server);
    for device in &d {
        assert_eq!(device.app.entries.len(), 2);
        assert_eq!(device.app.entries[1].note, "toch nodig");
    }
}

#[test]
fn a_deletion_reaches_everyone() {
    let (mut d, mut server) = team();
    d[0].change(|a| a.entries.retain(|e| e.id != EntryId(1)));
    d[0].push(&mut server);
    d[1].pull(&mut server);
    assert_eq!(
        d[1].app.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![EntryId(2)]
    );
}

#[test]
fn bad_documents_are_quarantined_and_the_rest_applies() {
    let (mut d, mut server) = team();
    let c = client_id();
    let id = |kind, key: &str| {
        DocId {
            client: c.clone(),
            kind,
            key: key.into(),
        }
        .to_string()
    };
    let mut good = serde_json::to_value(entry(7, 2, 1, 0)).unwrap();
    server.edit(
        &id(DocKind::Entry, "7"),
        Some(body(DocKind::Entry, &good, None)),
    );
    // A weight the forms never allow, a newer format, a wrong kind, a
    // record under another id, a huge note, an id that is not ours.
    good["id"] = json!(8);
    good["weight"] = json!(9);
    server.edit(
        &id(DocKind::Entry, "8"),
        Some(body(DocKind::Entry, &good, None)),
    );
    let mut newer = body(
        DocKind::Entry,
        &serde_json::to_value(entry(9, 1, 1, 0)).unwrap(),
        None,
    );
    newer["kbr"] = json!(DOC_SCHEMA + 1);
    server.edit(&id(DocKind::Entry, "9"), Some(newer));
    server.edit(
        &id(DocKind::Moment, "10"),
        Some(body(
            DocKind::Entry,
            &serde_json::to_value(entry(10, 1, 1, 0)).unwrap(),
            None,
        )),
    );
    server.edit(
        &id(DocKind::Entry, "11"),
        Some(body(
            DocKind::Entry,
            &serde_json::to_value(entry(12, 1, 1, 0)).unwrap(),
            None,
        )),
    );
    let mut huge = entry(13, 1, 1, 0);
    huge.note = "x".repeat(70_000);
    server.edit(
        &id(DocKind::Entry, "13"),
        Some(body(
            DocKind::Entry,
            &serde_json::to_value(huge).unwrap(),
            None,
        )),
    );
    server.edit(&id(DocKind::Entry, "14"), Some(json!("garbage")));
    let mut misfit = entry(15, 1, 1, 0);
    misfit.direction = match misfit.direction {
        Direction::Deposit => Direction::Withdrawal,
        Direction::Withdrawal => Direction::Deposit,
    };
    server.edit(
        &id(DocKind::Entry, "15"),
        Some(body(
            DocKind::Entry,
            &serde_json::to_value(misfit).unwrap(),
            None,
        )),
    );
    server.edit("kbr:not an id", Some(json!({})));
    replicate(&mut server, &mut d[1].db, "pull", 3);
    let got = read(&d[1].db, &c);
    let account = got.account.expect("the client still reads");
    assert_eq!(
        account.entries.iter().map(|e| e.id.0).collect::<Vec<_>>(),
        vec![1, 2, 7]
    );
    let reasons: Vec<(String, &Quarantine)> = got
        .quarantined
        .iter()
        .map(|(k, q)| (k.clone(), q))
        .collect();
    let keys: BTreeSet<&str> = reasons.iter().map(|(k, _)| k.as_str()).collect();
    for n in ["8", "9", "11", "13", "14", "15"] {
        assert!(
            keys.contains(id(DocKind::Entry, n).as_str()),
            "entry {n}: {reasons:?}"
        );
    }
    assert!(keys.contains(id(DocKind::Moment, "10").as_str()));
    assert!(reasons
        .iter()
        .any(|(_, q)| matches!(q, Quarantine::Newer(n) if *n == DOC_SCHEMA + 1)));
    assert!(reasons
        .iter()
        .any(|(_, q)| matches!(q, Quarantine::TooLarge(_))));
    assert!(reasons
        .iter()
        .any(|(_, q)| matches!(q, Quarantine::Invalid(_))));
}

#[test]
fn the_example_account_goes_to_documents_and_back_unchanged() {
    use kbr_core::sync::doc::{assemble, records};
    let account = kbr_core::demo::example(today(), 7);
    assert!(!account.moments.is_empty() && !account.assessments.is_empty());
    let docs = records(&account);
    for id in docs.keys() {
        assert_eq!(DocId::parse(&id.to_string()).as_ref(), Some(id));
    }
    let back = assemble(&account.client.id, &docs);
    assert_eq!(back.quarantined, vec![]);
    let mut expected = account.clone();
    expected.tombstones.clear();
    expected
        .own_categories
        .sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    assert_eq!(back.account, Some(expected));
}

#[test]
fn ten_thousand_entries_share_and_read_back() {
    let account = kbr_core::demo::synthetic(10_000, 3, today());
    let mut device = Database::default();
    let written = commit(&mut device, None, &account);
    assert_eq!(
        written,
        account.entries.len() + 1 + account.own_categories.len()
    );
    let mut server = Database::default();
    let pass = replicate(&mut device, &mut server, "first-push", 500);
    assert_eq!(pass.written, written);
    let mut other = Database::default();
    replicate(&mut server, &mut other, "first-pull", 500);
    let read = read(&other, &account.client.id);
    assert_eq!(
        read.account.map(|a| a.entries),
        Some(account.entries.clone())
    );
    // What the sync state costs beside the account (a figure, not a goal).
    let stored = other.to_stored().to_string().len();
    let account_bytes = serde_json::to_string(&account).unwrap().len();
    eprintln!("FIGURE sync state of 10,000 entries: {stored} bytes (the account as JSON: {account_bytes})");
    assert_eq!(
        Database::from_stored(&serde_json::from_str(&other.to_stored().to_string()).unwrap())
            .as_ref(),
        Ok(&other)
    );
}

#[test]
fn a_bad_version_of_a_record_never_removes_the_sound_one_kept_here() {
    let (d, mut server) = team();
    let mut late = Device::late(5, d[0].app.clone());
    late.pull(&mut server);
    let key = format!("kbr:{}:entry:1", client_id());
    let mut hostile = serde_json::to_value(entry(1, 3, 10, 0)).unwrap();
    hostile["weight"] = json!(99);
    server.edit(&key, Some(body(DocKind::Entry, &hostile, None)));
    let got = late.pull_raw(&mut server);
    assert_eq!(got.quarantined.len(), 1);
    assert_eq!(got.quarantined[0].0, key);
    assert_eq!(
        got.account.as_ref(),
        Some(&late.app),
        "the sound entry stays"
    );
}

#[test]
fn a_shared_client_removed_on_one_device_is_gone_on_the_other() {
    let (mut d, mut server) = team();
    assert!(remove(&mut d[0].db, &client_id()) >= 3);
    d[0].push(&mut server);
    let mut late = Device::late(5, d[1].app.clone());
    let got = late.pull_raw(&mut server);
    assert_eq!(got.account, None);
    let (touched_now, seq) = touched(&late.db, 0);
    assert!(touched_now.contains(&client_id()));
    assert_eq!(touched(&late.db, seq).0.len(), 0);
}

#[test]
fn a_browser_starting_again_does_not_write_over_a_document_it_set_aside() {
    let (d, mut server) = team();
    let mut late = Device::late(5, d[0].app.clone());
    late.pull(&mut server);
    let key = format!("kbr:{}:entry:1", client_id());
    let mut newer = body(
        DocKind::Entry,
        &serde_json::to_value(entry(1, 3, 10, 0)).unwrap(),
        None,
    );
    newer["kbr"] = json!(DOC_SCHEMA + 1);
    server.edit(&key, Some(newer));
    let got = late.pull_raw(&mut server);
    assert_eq!(got.quarantined.len(), 1);
    assert_eq!(got.account.as_ref(), Some(&late.app));
    // A new start: what was agreed is read back the same way.
    let agreed =
        kbr_core::sync::team::read_keeping(&late.db, &client_id(), Some(&late.app)).account;
    assert_eq!(agreed.as_ref(), Some(&late.app));
    assert_eq!(commit(&mut late.db, agreed.as_ref(), &late.app), 0);
}
