//! The calendar export checked against golden files and read back by an
//! independent parser (the `ical` crate, not the `icalendar` crate that
//! writes it); UIDs survive a round trip through our own import; hostile
//! input never panics.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use kbr_core::calendar::export::{items, to_ics, ExportOptions, Reminder};
use kbr_core::calendar::import::{import_command, parse, preview, PreviewRow};
use kbr_core::command::apply;
use kbr_core::demo;
use kbr_core::i18n::Lang;
use kbr_core::model::{
    Account, Action, Moment, MomentId, MomentKind, Preparation, Tombstone, TombstoneKind,
};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn stamp() -> NaiveDateTime {
    today().and_hms_opt(8, 15, 0).unwrap()
}

/// Compares with a golden file. `UPDATE_GOLDEN=1` rewrites a file that
/// differs, and still fails: a run that changed a golden file has checked
/// nothing; look at the diff, then run again without it.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let expected = std::fs::read_to_string(&path).ok();
    if expected.as_deref() == Some(actual) {
        return;
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        panic!(
            "{name}: golden file rewritten; check the diff, then run again without UPDATE_GOLDEN"
        );
    }
    let expected = expected
        .unwrap_or_else(|| panic!("missing golden file {path:?}; run with UPDATE_GOLDEN=1"));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

/// The demo relationship with an open extra, a prepared meeting whose text
/// needs escaping, a done extra and a deleted moment.
fn account() -> Account {
    let mut a = demo::example(today(), 7);
    a.client.name = "Van Dalen".into();
    let moment = |id: u64, date: NaiveDate| Moment {
        id: MomentId(id),
        date,
        kind: MomentKind::Meeting,
        description: "Kwartaaloverleg".into(),
        version: 1,
        answers: Default::default(),
        action: None,
        prepared: None,
        planned: false,
        value: None,
        source: None,
    };
    let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let mut open = moment(1000, d(11, 27));
    open.action = Some(Action {
        text: "planner terugbellen".into(),
        due: d(12, 3),
        done: None,
        booked: None,
    });
    let mut prepared = moment(1001, d(12, 10));
    prepared.planned = true;
    prepared.description = "Kwartaaloverleg; planning, rooster \\ Q1".into();
    prepared.prepared = Some(Preparation {
        expectation: "Een realistisch plan voor januari, met de piek in week 3".into(),
        treatment: "Eerlijk horen wat wel en niet kan\nen waarom".into(),
        extra: "Voorbeeldrooster meenemen".into(),
    });
    prepared.action = Some(Action {
        text: "Voorbeeldrooster meenemen".into(),
        due: d(12, 10),
        done: None,
        booked: None,
    });
    let mut done = moment(1002, d(11, 12));
    done.action = Some(Action {
        text: "rapport sturen".into(),
        due: d(11, 14),
        done: Some(d(11, 13)),
        booked: None,
    });
    a.moments.extend([open, prepared, done]);
    a.moments.sort_by_key(|m| m.id);
    a.tombstones.push(Tombstone {
        kind: TombstoneKind::Moment,
        id: 999,
        on: d(11, 29),
    });
    a
}

fn options(lang: Lang, reminder: Reminder) -> ExportOptions {
    ExportOptions {
        lang,
        reminder,
        today: today(),
        stamp: stamp(),
    }
}

#[test]
fn the_export_matches_its_golden_files() {
    let a = account();
    golden(
        "calendar.ics",
        &to_ics(&[&a], &options(Lang::Nl, Reminder::MorningOf)),
    );
    golden(
        "calendar-en.ics",
        &to_ics(&[&a], &options(Lang::En, Reminder::DayBefore)),
    );
}

/// RFC 5545 text unescaping, written here so the check does not borrow
/// the writer's code.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn an_independent_parser_reads_every_event_back() {
    let a = account();
    let expected = items(&a, Lang::Nl, today());
    let text = to_ics(&[&a], &options(Lang::Nl, Reminder::MorningOf));
    // The shape of the lines: CRLF, folded at 75 octets, continuation by one space.
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("one calendar").expect("valid");
    assert!(calendars.next().is_none());
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    assert_eq!(
        value(&calendar.properties, "VERSION").as_deref(),
        Some("2.0")
    );
    assert!(value(&calendar.properties, "PRODID").is_some());
    assert_eq!(calendar.events.len(), expected.len());
    for (event, item) in calendar.events.iter().zip(&expected) {
        let p = &event.properties;
        assert_eq!(value(p, "UID").as_deref(), Some(item.uid.as_str()));
        assert_eq!(value(p, "DTSTAMP").as_deref(), Some("20261201T081500Z"));
        let start = p.iter().find(|x| x.name == "DTSTART").unwrap();
        assert_eq!(
            start.value.as_deref(),
            Some(item.date.format("%Y%m%d").to_string().as_str())
        );
        assert_eq!(
            start.params,
            Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])])
        );
        assert_eq!(unescape(&value(p, "SUMMARY").unwrap()), item.title);
        if !item.description.is_empty() {
            assert_eq!(
                unescape(&value(p, "DESCRIPTION").unwrap()),
                item.description
            );
        }
        let status = value(p, "STATUS").unwrap();
        assert_eq!(status == "CANCELLED", item.cancelled);
        // Events still to come remind; cancelled ones do not.
        assert_eq!(event.alarms.len(), usize::from(!item.cancelled));
        for alarm in &event.alarms {
            assert_eq!(
                value(&alarm.properties, "TRIGGER").as_deref(),
                Some("PT32400S")
            );
            assert_eq!(
                value(&alarm.properties, "ACTION").as_deref(),
                Some("DISPLAY")
            );
        }
    }
    // The prepared answers travel in the description, newlines included.
    let prepared = expected
        .iter()
        .find(|i| i.uid == "kbr-moment-c-7-1001@klantbankrekening")
        .expect("the prepared moment");
    assert!(prepared
        .description
        .contains("Eerlijk horen wat wel en niet kan\nen waarom"));
    assert!(prepared
        .title
        .contains("Kwartaaloverleg; planning, rooster \\ Q1"));
}

#[test]
fn uids_are_stable_and_come_back_through_the_import() {
    let mut a = account();
    let first = to_ics(&[&a], &options(Lang::Nl, Reminder::None));
    // A later export after a change keeps every UID and cancels the done action.
    let later = ExportOptions {
        stamp: stamp() + chrono::Duration::days(2),
        ..options(Lang::Nl, Reminder::None)
    };
    let cancelled_before: Vec<String> = items(&a, Lang::Nl, today())
        .into_iter()
        .filter(|i| i.cancelled)
        .map(|i| i.uid)
        .collect();
    if let Some(action) = a
        .moments
        .iter_mut()
        .find(|m| m.id == MomentId(1000))
        .and_then(|m| m.action.as_mut())
    {
        action.done = Some(today());
    }
    let second = to_ics(&[&a], &later);
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&first), uids(&second));
    // The done action's event, found by its UID in both files: cancelled in
    // the second with a higher sequence; every other event keeps its status.
    let cancelled: Vec<String> = items(&a, Lang::Nl, today())
        .into_iter()
        .filter(|i| i.cancelled && !cancelled_before.contains(&i.uid))
        .map(|i| i.uid)
        .collect();
    assert_eq!(
        cancelled.len(),
        1,
        "exactly the done action is newly cancelled"
    );
    let (before, after) = (events_by_uid(&first), events_by_uid(&second));
    for (uid, (status, sequence)) in &after {
        let (old_status, old_sequence) = &before[uid];
        if uid == &cancelled[0] {
            assert_eq!(status.as_deref(), Some("CANCELLED"), "{uid}");
            assert_ne!(old_status.as_deref(), Some("CANCELLED"), "{uid}");
            assert!(
                sequence > old_sequence,
                "{uid}: {old_sequence} -> {sequence}"
            );
        } else {
            // Its status stays; the sequence follows the export time.
            assert_eq!(status, old_status, "{uid}");
            assert!(
                sequence >= old_sequence,
                "{uid}: {old_sequence} -> {sequence}"
            );
        }
    }
    // Our own file read by our import: every UID and date it holds from today on.
    let parsed = parse(&first, today(), 60).expect("our own export reads back");
    let mut expected: Vec<(String, NaiveDate)> = items(&a, Lang::Nl, today())
        .into_iter()
        .filter(|i| !i.cancelled && i.date >= today())
        .map(|i| (i.uid, i.date))
        .collect();
    expected.sort();
    let mut got: Vec<(String, NaiveDate)> = parsed
        .occurrences
        .iter()
        .map(|o| (o.source.clone(), o.date))
        .collect();
    got.sort();
    // The done action is still open in the first file.
    assert!(got
        .iter()
        .any(|(uid, _)| uid == "kbr-action-c-7-1000@klantbankrekening"));
    got.retain(|(uid, _)| uid != "kbr-action-c-7-1000@klantbankrekening");
    assert_eq!(got, expected);
    // Imported into another client, a second import of the same file adds nothing.
    let mut other = demo::example(today(), 8);
    let rows = preview(&parsed, &other);
    let chosen: Vec<&PreviewRow> = rows.iter().collect();
    let mut n = 5000;
    let cmd = import_command(&chosen, Lang::Nl, || {
        n += 1;
        MomentId(n)
    })
    .expect("something to import");
    apply(&mut other, cmd, today()).expect("the import applies");
    let again = preview(&parsed, &other);
    assert!(again.iter().all(|r| r.known.is_some()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text gives a result or a readable error, never a panic.
    #[test]
    fn any_text_is_read_or_refused(body in ".{0,400}") {
        let text = format!("BEGIN:VCALENDAR\r\n{body}\r\nEND:VCALENDAR\r\n");
        let _ = parse(&text, today(), 0);
        let _ = parse(&body, today(), 0);
    }

    /// A valid file with a mangled line is read or refused, never a panic.
    #[test]
    fn mangled_exports_are_read_or_refused(cut in 0usize..4000, junk in "[A-Z:;=,\\\\ -]{0,40}") {
        let a = account();
        let text = to_ics(&[&a], &options(Lang::Nl, Reminder::MorningOf));
        let at = text.char_indices().map(|(i, _)| i).find(|i| *i >= cut.min(text.len())).unwrap_or(text.len());
        let mangled = format!("{}{junk}{}", &text[..at], &text[at..]);
        let _ = parse(&mangled, today(), 0);
    }
}

/// Each VEVENT of an exported file by its UID: its STATUS (if any) and
/// SEQUENCE (0 when absent, as RFC 5545 says).
fn events_by_uid(ics: &str) -> std::collections::BTreeMap<String, (Option<String>, u32)> {
    let unfolded = ics.replace("\r\n ", "").replace("\n ", "");
    let mut out = std::collections::BTreeMap::new();
    for block in unfolded.split("BEGIN:VEVENT").skip(1) {
        let block = block.split("END:VEVENT").next().unwrap_or_default();
        let field = |name: &str| {
            block.lines().find_map(|l| {
                l.trim_end_matches('\r')
                    .strip_prefix(name)
                    .map(str::to_string)
            })
        };
        let uid = field("UID:").expect("every event has a UID");
        let sequence = field("SEQUENCE:").map_or(0, |s| s.parse().expect("a number"));
        out.insert(uid, (field("STATUS:"), sequence));
    }
    out
}

/// Every TEXT value of an export is escaped (RFC 5545 §3.3.11): a client
/// and a moment with commas, semicolons, backslashes and a line break give
/// content lines with no bare `,` or `;` in any text value, and the names
/// read back exactly.
#[test]
fn every_text_value_is_escaped() {
    let mut a = account();
    a.client.name = "Café Zoë, Bakkerij; Noord \\ Oost".into();
    for m in &mut a.moments {
        m.description = "Overleg, met; alles\\erop\nen eraan".into();
    }
    let ics = to_ics(&[&a], &options(Lang::Nl, Reminder::None));
    let unfolded = ics.replace("\r\n ", "");
    const TEXT: [&str; 5] = ["NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION", "LOCATION"];
    let mut seen = 0;
    for line in unfolded.split("\r\n") {
        let Some((head, value)) = line.split_once(':') else {
            continue;
        };
        let key = head.split(';').next().unwrap_or(head);
        if !TEXT.contains(&key) {
            continue;
        }
        seen += 1;
        // Outside an escape, no comma, semicolon or line break is left.
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    let next = chars.next();
                    assert!(
                        matches!(next, Some('\\' | ';' | ',' | 'n' | 'N')),
                        "{key}: a bare backslash in {value:?}"
                    );
                }
                ',' | ';' | '\n' | '\r' => panic!("{key}: unescaped {c:?} in {value:?}"),
                _ => {}
            }
        }
    }
    assert!(seen >= 4, "only {seen} text lines checked");
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    for key in ["NAME", "X-WR-CALNAME"] {
        let value = calendar
            .properties
            .iter()
            .find(|p| p.name == key)
            .and_then(|p| p.value.clone())
            .unwrap();
        assert_eq!(
            unescape(&value),
            "Klantbankrekening · Café Zoë, Bakkerij; Noord \\ Oost",
            "{key}"
        );
    }
}
