//! The calendar import: an `.ics` export of the user's own calendar (a
//! meeting series with a client) becomes planned moments to prepare on a
//! client the user picks.
//!
//! Reading never changes anything: [`parse`] checks the file and lists its
//! occurrences, [`preview`] marks those the client knows already (by the
//! event's UID, with the date for an occurrence of a series), and only
//! [`import_command`] makes the one [`Command`] that adds the chosen ones,
//! all or nothing, undone as a whole. A hostile file is refused whole with
//! one sentence saying why, like the backup import, and every step is
//! bounded in time and memory.

use chrono::{Days, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::parser::{read_calendar, unfold, Component, Property};
use thiserror::Error;

use super::recur::{expand, parse_rule, RuleError};
use crate::command::Command;
use crate::i18n::{fold_case, format_tenths, shorten, tf, Key, Lang};
use crate::model::{dates, Account, MomentId, MomentKind, SOURCE_MAX};
use crate::questionnaires::moments::{PrepareDraft, DESCRIPTION_MAX};

/// Largest file read (a year of a busy calendar is well under 1 MB).
pub const MAX_ICS_BYTES: usize = 4 * 1024 * 1024;
/// Most events in one file.
pub const MAX_EVENTS: usize = 10_000;
/// Most occurrences listed in one preview.
pub const MAX_OCCURRENCES: usize = 2_000;
/// How far ahead a series is expanded.
pub const WINDOW_DAYS: u64 = 90;
/// Deepest nesting of `BEGIN:` blocks accepted (a calendar needs 3:
/// calendar, event, alarm).
pub const MAX_DEPTH: usize = 8;
/// Longest line accepted once unfolded.
pub const MAX_LINE: usize = 100_000;

/// Why a calendar file was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum IcsError {
    /// Over [`MAX_ICS_BYTES`].
    #[error("file too large: {0} bytes")]
    TooLarge(usize),
    /// Not an iCalendar file at all.
    #[error("not a calendar")]
    NotCalendar,
    /// A line (numbered as in the file) that is no content line: not a
    /// name followed by `:` or `;`.
    #[error("line {0} is not a content line")]
    BadLine(usize),
    /// A `BEGIN` (on this line of the file) that is never ended.
    #[error("BEGIN on line {0} never ends")]
    Unclosed(usize),
    /// An `END` (on this line of the file) of something not begun.
    #[error("END on line {0} ends nothing begun")]
    StrayEnd(usize),
    /// An iCalendar file that does not follow the format in another way
    /// (the parser's words are kept for the log, not shown).
    #[error("syntax: {0}")]
    Syntax(String),
    /// Blocks nested deeper than [`MAX_DEPTH`].
    #[error("nested too deep")]
    TooDeep,
    /// A line longer than [`MAX_LINE`].
    #[error("line {0} too long")]
    LineTooLong(usize),
    /// More than [`MAX_EVENTS`] events.
    #[error("{0} events")]
    TooManyEvents(usize),
    /// More than [`MAX_OCCURRENCES`] dates in the window.
    #[error("too many occurrences")]
    TooManyOccurrences,
    /// A calendar without events.
    #[error("no events")]
    NoEvents,
}

impl IcsError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            IcsError::TooLarge(n) => tf(
                lang,
                Key::IcsTooLarge,
                &[
                    // Tenths of a MB, written as the language writes them.
                    ("size", &format_tenths((*n as i64 * 10) / 1_048_576, lang)),
                    ("max", &(MAX_ICS_BYTES / 1_048_576).to_string()),
                ],
            ),
            IcsError::NotCalendar => Key::IcsNotCalendar.text(lang).to_string(),
            IcsError::BadLine(n) => tf(lang, Key::IcsBadLine, &[("line", &n.to_string())]),
            IcsError::Unclosed(n) => tf(lang, Key::IcsUnclosed, &[("line", &n.to_string())]),
            IcsError::StrayEnd(n) => tf(lang, Key::IcsStrayEnd, &[("line", &n.to_string())]),
            IcsError::Syntax(_) => Key::IcsSyntax.text(lang).to_string(),
            IcsError::TooDeep => Key::IcsTooDeep.text(lang).to_string(),
            IcsError::LineTooLong(n) => tf(lang, Key::IcsLineTooLong, &[("line", &n.to_string())]),
            IcsError::TooManyEvents(n) => tf(
                lang,
                Key::IcsTooManyEvents,
                &[("n", &n.to_string()), ("max", &MAX_EVENTS.to_string())],
            ),
            IcsError::TooManyOccurrences => tf(
                lang,
                Key::IcsTooManyOccurrences,
                &[("max", &MAX_OCCURRENCES.to_string())],
            ),
            IcsError::NoEvents => Key::IcsNoEvents.text(lang).to_string(),
        }
    }
}

/// One date of an event to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The key a moment keeps to be recognised later: the UID, and for an
    /// occurrence of a series `UID/YYYYMMDD` of its original date.
    pub source: String,
    /// The date (in the user's time zone for times given in UTC).
    pub date: NaiveDate,
    /// The start time, when the event has one.
    pub time: Option<NaiveTime>,
    /// The event's title (`SUMMARY`).
    pub summary: String,
    /// Part of a recurring series.
    pub series: bool,
}

/// Why an event of the file is not offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A single event before today.
    Past,
    /// Cancelled in the calendar.
    Cancelled,
    /// Its series has a rule this app does not expand (the part named).
    Unsupported(String),
    /// Its date or rule cannot be read.
    Unreadable,
    /// A series with no date in the coming [`WINDOW_DAYS`] days.
    NoneInWindow,
    /// A single event after the coming [`WINDOW_DAYS`] days: the same
    /// window as for a series (a later import takes it).
    Later,
    /// A series so long before the window that its dates there could not
    /// be worked out (more than [`MAX_PERIODS`](super::recur::MAX_PERIODS) periods to count):
    /// said, never taken for "no date".
    TooLong,
}

/// An event that is not offered, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The event's title.
    pub summary: String,
    /// Why.
    pub reason: SkipReason,
}

impl Skipped {
    /// One line for the user.
    pub fn message(&self, lang: Lang) -> String {
        let key = match &self.reason {
            SkipReason::Past => Key::IcsSkipPast,
            SkipReason::Cancelled => Key::IcsSkipCancelled,
            SkipReason::Unsupported(_) => Key::IcsSkipUnsupported,
            SkipReason::Unreadable => Key::IcsSkipUnreadable,
            SkipReason::NoneInWindow => Key::IcsSkipNoneInWindow,
            SkipReason::Later => Key::IcsSkipLater,
            SkipReason::TooLong => Key::IcsSkipTooLong,
        };
        let part = match &self.reason {
            SkipReason::Unsupported(p) => p.as_str(),
            _ => "",
        };
        tf(
            lang,
            key,
            &[
                ("title", &shorten(&self.summary, 80)),
                ("part", &shorten(part, 40)),
                ("days", &WINDOW_DAYS.to_string()),
            ],
        )
    }
}

/// What a calendar file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Events in the file.
    pub events: usize,
    /// The last day of the window (today plus [`WINDOW_DAYS`]): dates of
    /// single events and of series alike are taken from today to here.
    pub until: NaiveDate,
    /// What can be imported, by date.
    pub occurrences: Vec<Occurrence>,
    /// What cannot, with the reason.
    pub skipped: Vec<Skipped>,
}

/// A date or date-time value as written: the date, the time, and whether
/// the time is in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct When {
    date: NaiveDate,
    time: Option<NaiveTime>,
    utc: bool,
}

impl When {
    fn read(value: &str) -> Option<When> {
        let value = value.trim();
        let date = NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok()?;
        match value.get(8..) {
            None | Some("") => Some(When {
                date,
                time: None,
                utc: false,
            }),
            Some(rest) => {
                let rest = rest.strip_prefix('T')?;
                let (clock, utc) = match rest.strip_suffix('Z') {
                    Some(c) => (c, true),
                    None => (rest, false),
                };
                let time = NaiveTime::parse_from_str(clock, "%H%M%S").ok()?;
                Some(When {
                    date,
                    time: Some(time),
                    utc,
                })
            }
        }
    }

    /// Date and time in the user's zone: UTC moved by `offset` minutes,
    /// a time in a named or floating zone taken as written (the meeting
    /// is on that day where it is held).
    fn local(self, offset: i32) -> (NaiveDate, Option<NaiveTime>) {
        match (self.time, self.utc) {
            (Some(t), true) => {
                let at = NaiveDateTime::new(self.date, t)
                    .checked_add_signed(Duration::minutes(i64::from(offset)))
                    .unwrap_or(NaiveDateTime::new(self.date, t));
                (at.date(), Some(at.time()))
            }
            (time, _) => (self.date, time),
        }
    }

    /// The same clock time on another date.
    fn on(self, date: NaiveDate) -> When {
        When { date, ..self }
    }
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> Option<&'a Property<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn text<'a>(c: &'a Component<'a>, name: &str) -> &'a str {
    prop(c, name).map(|p| p.val.as_str().trim()).unwrap_or("")
}

/// Every value of a list property that may occur more than once
/// (`EXDATE`, `RDATE`), read as dates and times.
fn whens(c: &Component<'_>, name: &str) -> Vec<When> {
    c.properties
        .iter()
        .filter(|p| p.name.as_str().eq_ignore_ascii_case(name))
        .flat_map(|p| p.val.as_str().split(','))
        .filter_map(When::read)
        .collect()
}

/// Checks what the parser would otherwise suffer: nesting depth and line
/// length, in one pass over the unfolded text.
fn check_shape(unfolded: &str) -> Result<(), IcsError> {
    let starts = |line: &str, word: &str| {
        line.get(..word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
    };
    let mut depth = 0usize;
    for (i, line) in unfolded.lines().enumerate() {
        if line.len() > MAX_LINE {
            return Err(IcsError::LineTooLong(i + 1));
        }
        if starts(line, "BEGIN:") {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(IcsError::TooDeep);
            }
        } else if starts(line, "END:") {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

/// Checks the lines of the file as written (numbered as an editor shows
/// them): every line is a folded continuation (starting with a space or a
/// tab), empty, or a content line `NAME[;params]:value`; every `BEGIN`
/// has its `END`. A file that fails says where, in words.
fn check_lines(raw: &str) -> Result<(), IcsError> {
    let mut open: Vec<(String, usize)> = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        let number = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with([' ', '\t']) {
            continue;
        }
        let name_len = line
            // Names are letters, digits and '-' (RFC 5545); '_' and '.'
            // are let through, as some programs write them.
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(line.len());
        if name_len == 0 || !matches!(line[name_len..].chars().next(), Some(':' | ';')) {
            return Err(IcsError::BadLine(number));
        }
        let name = &line[..name_len];
        let value = || line[name_len + 1..].trim().to_ascii_uppercase();
        if name.eq_ignore_ascii_case("BEGIN") {
            open.push((value(), number));
        } else if name.eq_ignore_ascii_case("END") {
            match open.pop() {
                Some((begun, _)) if begun == value() => {}
                _ => return Err(IcsError::StrayEnd(number)),
            }
        }
    }
    match open.last() {
        // The innermost block left open is the one to look for.
        Some((_, number)) => Err(IcsError::Unclosed(*number)),
        None => Ok(()),
    }
}

/// One `VEVENT` as the import needs it.
struct Event<'a> {
    uid: String,
    summary: String,
    start: When,
    rule: Option<&'a str>,
    recurrence_id: Option<When>,
    cancelled: bool,
    exdates: Vec<When>,
    rdates: Vec<When>,
}

fn read_event<'a>(c: &'a Component<'a>) -> Option<Event<'a>> {
    let start = When::read(text(c, "DTSTART"))?;
    let summary = text(c, "SUMMARY").to_string();
    let uid = match text(c, "UID") {
        "" => format!("nouid-{}-{}", text(c, "DTSTART"), shorten(&summary, 40)),
        u => u.to_string(),
    };
    Some(Event {
        uid,
        summary,
        start,
        rule: prop(c, "RRULE").map(|p| p.val.as_str()),
        recurrence_id: prop(c, "RECURRENCE-ID").and_then(|p| When::read(p.val.as_str())),
        cancelled: text(c, "STATUS").eq_ignore_ascii_case("CANCELLED"),
        exdates: whens(c, "EXDATE"),
        rdates: whens(c, "RDATE"),
    })
}

fn series_key(uid: &str, original: NaiveDate) -> String {
    format!("{uid}/{}", original.format("%Y%m%d"))
}

/// Reads a calendar file on `today`, with the user's zone `offset`
/// minutes east of UTC: every date from today through the coming
/// [`WINDOW_DAYS`] days, of single events and series alike.
pub fn parse(raw: &str, today: NaiveDate, offset: i32) -> Result<Parsed, IcsError> {
    if raw.len() > MAX_ICS_BYTES {
        return Err(IcsError::TooLarge(raw.len()));
    }
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw
        .trim_start()
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(IcsError::NotCalendar);
    }
    let unfolded = unfold(raw);
    check_shape(&unfolded)?;
    check_lines(raw)?;
    let calendar = read_calendar(&unfolded).map_err(IcsError::Syntax)?;
    let components: Vec<&Component> = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .collect();
    if components.len() > MAX_EVENTS {
        return Err(IcsError::TooManyEvents(components.len()));
    }
    if components.is_empty() {
        return Err(IcsError::NoEvents);
    }
    let until = today
        .checked_add_days(Days::new(WINDOW_DAYS))
        .unwrap_or(today);
    let mut parsed = Parsed {
        events: components.len(),
        until,
        ..Parsed::default()
    };
    let events: Vec<Option<Event>> = components.iter().map(|c| read_event(c)).collect();
    // Changed or cancelled occurrences of a series, by UID and original date.
    let overrides: Vec<&Event> = events
        .iter()
        .flatten()
        .filter(|e| e.recurrence_id.is_some())
        .collect();
    let overridden = |uid: &str, original: NaiveDate| {
        overrides.iter().any(|o| {
            o.uid == uid
                && o.recurrence_id
                    .is_some_and(|r| r.local(offset).0 == original)
        })
    };
    let push = |parsed: &mut Parsed, o: Occurrence| -> Result<(), IcsError> {
        if parsed.occurrences.len() >= MAX_OCCURRENCES {
            return Err(IcsError::TooManyOccurrences);
        }
        parsed.occurrences.push(o);
        Ok(())
    };
    for (component, event) in components.iter().zip(&events) {
        let Some(e) = event else {
            parsed.skipped.push(Skipped {
                summary: text(component, "SUMMARY").to_string(),
                reason: SkipReason::Unreadable,
            });
            continue;
        };
        let skip = |reason| Skipped {
            summary: e.summary.clone(),
            reason,
        };
        if let Some(original) = e.recurrence_id {
            // One changed date of a series: it replaces that date.
            let (date, time) = e.start.local(offset);
            if !e.cancelled && date >= today && date <= until && dates::allowed(date) {
                push(
                    &mut parsed,
                    Occurrence {
                        source: series_key(&e.uid, original.local(offset).0),
                        date,
                        time,
                        summary: e.summary.clone(),
                        series: true,
                    },
                )?;
            }
            continue;
        }
        if e.cancelled {
            parsed.skipped.push(skip(SkipReason::Cancelled));
            continue;
        }
        let Some(rule_text) = e.rule else {
            let (date, time) = e.start.local(offset);
            if date < today {
                parsed.skipped.push(skip(SkipReason::Past));
            } else if !dates::allowed(date) {
                parsed.skipped.push(skip(SkipReason::Unreadable));
            } else if date > until {
                parsed.skipped.push(skip(SkipReason::Later));
            } else {
                push(
                    &mut parsed,
                    Occurrence {
                        source: e.uid.clone(),
                        date,
                        time,
                        summary: e.summary.clone(),
                        series: false,
                    },
                )?;
            }
            continue;
        };
        let rule = parse_rule(rule_text, |v| When::read(v).map(|w| w.local(offset).0));
        let rule = match rule {
            Ok(r) => r,
            Err(RuleError::Unsupported(part)) => {
                parsed.skipped.push(skip(SkipReason::Unsupported(part)));
                continue;
            }
            Err(RuleError::Invalid(_)) => {
                parsed.skipped.push(skip(SkipReason::Unreadable));
                continue;
            }
        };
        if !dates::allowed(e.start.date) {
            parsed.skipped.push(skip(SkipReason::Unreadable));
            continue;
        }
        // Expand in the event's own calendar days, then move each date
        // to the user's zone; a day either side catches the shift.
        let from = today.checked_sub_days(Days::new(1)).unwrap_or(today);
        let to = until.checked_add_days(Days::new(1)).unwrap_or(until);
        let expansion = expand(&rule, e.start.date, from, to);
        if expansion.truncated {
            parsed.skipped.push(skip(SkipReason::TooLong));
            continue;
        }
        let mut days = expansion.dates;
        days.extend(
            e.rdates
                .iter()
                .map(|r| r.date)
                .filter(|d| *d >= from && *d <= to),
        );
        days.sort();
        days.dedup();
        let excluded: Vec<NaiveDate> = e.exdates.iter().map(|x| x.local(offset).0).collect();
        let before = parsed.occurrences.len();
        for day in days {
            let (date, time) = e.start.on(day).local(offset);
            if date < today || date > until || excluded.contains(&date) {
                continue;
            }
            if overridden(&e.uid, date) {
                continue;
            }
            push(
                &mut parsed,
                Occurrence {
                    source: series_key(&e.uid, date),
                    date,
                    time,
                    summary: e.summary.clone(),
                    series: true,
                },
            )?;
        }
        if parsed.occurrences.len() == before {
            parsed.skipped.push(skip(SkipReason::NoneInWindow));
        }
    }
    parsed
        .occurrences
        .sort_by(|a, b| (a.date, a.time, &a.source).cmp(&(b.date, b.time, &b.source)));
    Ok(parsed)
}

/// One line of the preview: an occurrence, whether the client has it
/// already, and the kind of moment it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    /// The occurrence.
    pub occurrence: Occurrence,
    /// The client's moment that came from it earlier.
    pub known: Option<MomentId>,
    /// The kind guessed from the title (a call when it says so).
    pub kind: MomentKind,
}

/// Guesses the kind of contact from a title, by whole words ("levering"
/// in "Bloemlevering" or "call" in "recall" says nothing): a call when a
/// word says so, a delivery likewise, a meeting otherwise.
pub fn guess_kind(summary: &str) -> MomentKind {
    let s = fold_case(summary);
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A word that is one of `exact`, or begins with one of `stems`.
    let has = |exact: &[&str], stems: &[&str]| {
        words
            .iter()
            .any(|w| exact.contains(w) || stems.iter().any(|p| w.starts_with(p)))
    };
    let go_live = words.windows(2).any(|w| w == ["go", "live"]) || words.contains(&"golive");
    if has(
        &["bellen", "belafspraak", "call", "phone", "gebeld"],
        &["telefo", "terugbel"],
    ) {
        MomentKind::Call
    } else if go_live || has(&["levering", "leveringen", "delivery"], &["oplever"]) {
        MomentKind::Delivery
    } else {
        MomentKind::Meeting
    }
}

/// The preview of `parsed` for `account`: which occurrences it knows by
/// their source key.
pub fn preview(parsed: &Parsed, account: &Account) -> Vec<PreviewRow> {
    let known: std::collections::HashMap<&str, MomentId> = account
        .moments
        .iter()
        .filter_map(|m| m.source.as_deref().map(|s| (s, m.id)))
        .collect();
    parsed
        .occurrences
        .iter()
        .map(|o| PreviewRow {
            known: known.get(o.source.as_str()).copied(),
            kind: guess_kind(&o.summary),
            occurrence: o.clone(),
        })
        .collect()
}

/// The description a moment gets: the start time, then the title.
pub fn description(o: &Occurrence, lang: Lang) -> String {
    // A blank title would be refused as a missing description.
    let title = match o.summary.trim() {
        "" => Key::IcsNoTitle.text(lang).to_string(),
        t => t.to_string(),
    };
    let text = match o.time {
        Some(t) => format!("{} · {title}", t.format("%H:%M")),
        None => title,
    };
    // `shorten` adds its "…" after the characters it keeps.
    shorten(&text, DESCRIPTION_MAX - 1)
}

/// The command that adds the chosen rows as prepared moments, with ids
/// from `next_id`; `None` when nothing new is chosen. Rows the client
/// knows already are never added twice.
pub fn import_command(
    rows: &[&PreviewRow],
    lang: Lang,
    mut next_id: impl FnMut() -> MomentId,
) -> Option<Command> {
    let commands: Vec<Command> = rows
        .iter()
        .filter(|r| r.known.is_none())
        .map(|r| Command::PrepareMoment {
            id: next_id(),
            draft: PrepareDraft {
                date: Some(r.occurrence.date),
                kind: r.kind,
                description: description(&r.occurrence, lang),
                source: Some(r.occurrence.source.chars().take(SOURCE_MAX).collect()),
                ..PrepareDraft::default()
            },
        })
        .collect();
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_too_long_to_count_is_said_never_taken_for_no_date() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let ics = |rule: &str| {
            format!(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:lang@x\r\n\
DTSTAMP:20261101T090000Z\r\nDTSTART;VALUE=DATE:19900101\r\nRRULE:{rule}\r\n\
SUMMARY:Dagelijkse check\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            )
        };
        // A count from 1990 must be counted from 1990: more than the periods
        // looked at, so it is said, not reported as "no event".
        let long = parse(&ics("FREQ=DAILY;COUNT=1000000"), today, 60).unwrap();
        assert!(long.occurrences.is_empty());
        assert_eq!(long.skipped.len(), 1);
        assert_eq!(long.skipped[0].reason, SkipReason::TooLong);
        assert!(long.skipped[0].message(Lang::Nl).contains("te lang terug"));
        // Without a count the window is reached at once: its 90 days.
        let open = parse(&ics("FREQ=DAILY"), today, 60).unwrap();
        assert!(open.skipped.is_empty(), "{:?}", open.skipped);
        assert_eq!(open.occurrences.len() as u64, WINDOW_DAYS + 1);
        // A count that really ended long ago is "no event", rightly.
        let ended = parse(&ics("FREQ=DAILY;COUNT=10"), today, 60).unwrap();
        assert_eq!(ended.skipped[0].reason, SkipReason::NoneInWindow);
    }

    #[test]
    fn the_kind_is_guessed_from_whole_words() {
        assert_eq!(guess_kind("Belafspraak met Jan"), MomentKind::Call);
        assert_eq!(guess_kind("Telefonisch overleg"), MomentKind::Call);
        assert_eq!(guess_kind("Conference call, Q3"), MomentKind::Call);
        assert_eq!(guess_kind("Oplevering fase 2"), MomentKind::Delivery);
        assert_eq!(guess_kind("Levering onderdelen"), MomentKind::Delivery);
        assert_eq!(guess_kind("Go-live portaal"), MomentKind::Delivery);
        assert_eq!(guess_kind("Go live!"), MomentKind::Delivery);
        // Inside another word it says nothing.
        assert_eq!(guess_kind("Bloemlevering bespreken"), MomentKind::Meeting);
        assert_eq!(guess_kind("Product recall review"), MomentKind::Meeting);
        assert_eq!(guess_kind("Microphone test"), MomentKind::Meeting);
        assert_eq!(guess_kind("Kwartaaloverleg"), MomentKind::Meeting);
    }
    use crate::command::apply;
    use crate::model::dates::test_dates::d;
    use crate::model::{Client, ClientId};

    const TODAY: (i32, u32, u32) = (2026, 12, 1);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    fn ics(events: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{events}END:VCALENDAR\r\n")
    }

    const SERIES: &str = "BEGIN:VEVENT\r\nUID:weekly-1@outlook\r\nDTSTAMP:20261101T090000Z\r\n\
DTSTART;TZID=Europe/Amsterdam:20261103T100000\r\nDTEND;TZID=Europe/Amsterdam:20261103T110000\r\n\
RRULE:FREQ=WEEKLY;BYDAY=TU\r\nEXDATE;TZID=Europe/Amsterdam:20261215T100000\r\n\
SUMMARY:Weekoverleg Van Dalen\\, planning\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:weekly-1@outlook\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20261208T100000\r\n\
DTSTART;TZID=Europe/Amsterdam:20261209T140000\r\nSUMMARY:Weekoverleg (verzet)\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:single-2\r\nDTSTART:20261204T083000Z\r\nSUMMARY:Bellen met de planner\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:old-3\r\nDTSTART;VALUE=DATE:20261101\r\nSUMMARY:Oud\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:gone-4\r\nDTSTART;VALUE=DATE:20261210\r\nSTATUS:CANCELLED\r\nSUMMARY:Afgezegd\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:hourly-5\r\nDTSTART:20261201T090000Z\r\nRRULE:FREQ=HOURLY\r\nSUMMARY:Elk uur\r\nEND:VEVENT\r\n";

    #[test]
    fn a_series_is_expanded_for_90_days_with_exceptions_and_moves() {
        let p = parse(&ics(SERIES), today(), 60).unwrap();
        assert_eq!(p.events, 6);
        let weekly: Vec<(NaiveDate, String)> = p
            .occurrences
            .iter()
            .filter(|o| o.series)
            .map(|o| (o.date, o.source.clone()))
            .collect();
        // Tuesdays from 1 December to 1 March: 13, less 15 December (excluded);
        // 8 December moved to the 9th keeps its original key.
        assert_eq!(weekly.len(), 12);
        assert_eq!(
            weekly[0],
            (d(2026, 12, 1), "weekly-1@outlook/20261201".into())
        );
        assert_eq!(
            weekly[1],
            (d(2026, 12, 9), "weekly-1@outlook/20261208".into())
        );
        assert!(!weekly.iter().any(|(date, _)| *date == d(2026, 12, 15)));
        assert_eq!(weekly.last().unwrap().0, d(2027, 2, 23));
        let single = p.occurrences.iter().find(|o| !o.series).unwrap();
        // 08:30 UTC is 09:30 at +60 minutes.
        assert_eq!(
            (single.date, single.time),
            (d(2026, 12, 4), NaiveTime::from_hms_opt(9, 30, 0))
        );
        assert_eq!(single.summary, "Bellen met de planner");
        assert_eq!(
            p.occurrences.iter().find(|o| o.series).unwrap().summary,
            "Weekoverleg Van Dalen, planning"
        );
        let reasons: Vec<&SkipReason> = p.skipped.iter().map(|s| &s.reason).collect();
        assert_eq!(
            reasons,
            vec![
                &SkipReason::Past,
                &SkipReason::Cancelled,
                &SkipReason::Unsupported("FREQ=HOURLY".into())
            ]
        );
    }

    #[test]
    fn the_preview_knows_imported_events_and_the_import_is_one_undoable_command() {
        let p = parse(&ics(SERIES), today(), 60).unwrap();
        let mut account = Account::new(Client::new(ClientId::new_unchecked("c-1"), "Van Dalen"));
        let rows = preview(&p, &account);
        assert!(rows.iter().all(|r| r.known.is_none()));
        assert_eq!(
            rows.iter().find(|r| !r.occurrence.series).unwrap().kind,
            MomentKind::Call
        );
        let mut n = 100;
        let chosen: Vec<&PreviewRow> = rows.iter().collect();
        let cmd = import_command(&chosen, Lang::Nl, || {
            n += 1;
            MomentId(n)
        })
        .unwrap();
        let inverse = apply(&mut account, cmd, today()).unwrap();
        assert_eq!(account.moments.len(), 13);
        assert!(account
            .moments
            .iter()
            .all(|m| m.planned && m.prepared.is_some()));
        assert_eq!(
            account.moments[0].description,
            "10:00 · Weekoverleg Van Dalen, planning"
        );
        // The kind guessed in the preview is the kind of the moment.
        for r in &rows {
            let m = account
                .moments
                .iter()
                .find(|m| m.source.as_deref() == Some(r.occurrence.source.as_str()))
                .expect("every chosen row became a moment");
            assert_eq!(m.kind, r.kind, "{}", r.occurrence.summary);
        }
        assert!(account.moments.iter().any(|m| m.kind == MomentKind::Call));
        // A second import of the same file knows every event.
        let again = preview(&p, &account);
        assert!(again.iter().all(|r| r.known.is_some()));
        let chosen: Vec<&PreviewRow> = again.iter().collect();
        assert_eq!(import_command(&chosen, Lang::Nl, || MomentId(999)), None);
        // Undo takes them all back.
        apply(&mut account, inverse, today()).unwrap();
        assert!(account.moments.is_empty());
    }

    #[test]
    fn hostile_files_are_refused_whole() {
        let t = today();
        assert_eq!(parse("hello", t, 0), Err(IcsError::NotCalendar));
        assert_eq!(parse("", t, 0), Err(IcsError::NotCalendar));
        assert_eq!(parse(&ics(""), t, 0), Err(IcsError::NoEvents));
        let big = "X".repeat(MAX_ICS_BYTES + 1);
        assert!(matches!(parse(&big, t, 0), Err(IcsError::TooLarge(_))));
        let deep = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:X\r\n".repeat(10_000));
        assert_eq!(parse(&deep, t, 0), Err(IcsError::TooDeep));
        let long = ics(&format!(
            "BEGIN:VEVENT\r\nSUMMARY:{}\r\nEND:VEVENT\r\n",
            "a".repeat(MAX_LINE)
        ));
        assert!(matches!(parse(&long, t, 0), Err(IcsError::LineTooLong(_))));
        // Broken lines and blocks are said with their line in the file.
        assert_eq!(
            parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", t, 0),
            Err(IcsError::Unclosed(2))
        );
        assert_eq!(
            parse(&ics("BEGIN:VEVENT\r\nUID:a\r\nEND:VTODO\r\n"), t, 0),
            Err(IcsError::StrayEnd(6))
        );
        assert_eq!(
            parse(
                &ics("BEGIN:VEVENT\r\nUID:a\r\n\r\ndit is geen regel\r\nEND:VEVENT\r\n"),
                t,
                0
            ),
            Err(IcsError::BadLine(7))
        );
        // A folded line is one line: its continuation is no error.
        assert!(parse(
            &ics("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:lang\r\n  vervolg\r\nDTSTART:20261201\r\nEND:VEVENT\r\n"),
            t,
            0
        )
        .is_ok());
        let many = ics(
            &"BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270101\r\nEND:VEVENT\r\n".repeat(MAX_EVENTS + 1),
        );
        assert_eq!(
            parse(&many, t, 0),
            Err(IcsError::TooManyEvents(MAX_EVENTS + 1))
        );
        // Daily series by the hundred overflow the preview, not the memory.
        let daily: String = (0..40)
            .map(|i| format!("BEGIN:VEVENT\r\nUID:d{i}\r\nDTSTART:20261201\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"))
            .collect();
        assert_eq!(parse(&ics(&daily), t, 0), Err(IcsError::TooManyOccurrences));
        // Unreadable dates and rules are listed, not fatal.
        let odd = ics(
            "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:garbage\r\nSUMMARY:Kapot\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20261202\r\nRRULE:FREQ=WEEKLY;INTERVAL=0\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:c\r\nDTSTART:99991231\r\nEND:VEVENT\r\n",
        );
        let p = parse(&odd, t, 0).unwrap();
        assert!(p.occurrences.is_empty());
        assert_eq!(p.skipped.len(), 3);
        assert!(p.skipped.iter().all(|s| s.reason == SkipReason::Unreadable));
    }

    #[test]
    fn single_events_and_series_share_one_window() {
        let t = today();
        let day = |n: u64| {
            t.checked_add_days(Days::new(n))
                .unwrap()
                .format("%Y%m%d")
                .to_string()
        };
        let file = ics(&format!(
            "BEGIN:VEVENT\r\nUID:in\r\nDTSTART:{}\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:edge\r\nDTSTART:{}\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:out\r\nSUMMARY:Ver\r\nDTSTART:{}\r\nEND:VEVENT\r\n",
            day(10),
            day(WINDOW_DAYS),
            day(WINDOW_DAYS + 16),
        ));
        let p = parse(&file, t, 0).unwrap();
        assert_eq!(p.until, t.checked_add_days(Days::new(WINDOW_DAYS)).unwrap());
        let taken: Vec<&str> = p.occurrences.iter().map(|o| o.source.as_str()).collect();
        assert_eq!(taken, ["in", "edge"]);
        // Today is inside the window, yesterday is past.
        let edges = ics(&format!(
            "BEGIN:VEVENT\r\nUID:today\r\nDTSTART:{}\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:yesterday\r\nDTSTART:{}\r\nEND:VEVENT\r\n",
            day(0),
            t.pred_opt().unwrap().format("%Y%m%d"),
        ));
        let e = parse(&edges, t, 0).unwrap();
        assert_eq!(e.occurrences.len(), 1);
        assert_eq!(e.occurrences[0].source, "today");
        assert_eq!(e.skipped[0].reason, SkipReason::Past);
        assert_eq!(p.skipped.len(), 1);
        assert_eq!(p.skipped[0].reason, SkipReason::Later);
        assert!(p.skipped[0]
            .message(Lang::Nl)
            .contains("pas na de komende 90 dagen"));
    }

    #[test]
    fn messages_name_the_problem_and_stay_short() {
        // The parser's own words are never shown.
        let e = IcsError::Syntax("x".repeat(10_000));
        assert!(!e.message(Lang::Nl).contains("xxx"));
        assert_eq!(
            IcsError::TooLarge(5 * 1_048_576 + 524_288).message(Lang::Nl),
            "Dit bestand is 5,5 MB; een agenda-export van meer dan 4 MB leest de app niet."
        );
        assert_eq!(
            IcsError::BadLine(12).message(Lang::En),
            "Line 12 of this calendar file is not a calendar line (a name, then a colon and a value)."
        );
        assert!(IcsError::Unclosed(3)
            .message(Lang::Nl)
            .starts_with("Regel 3"));
        assert!(IcsError::StrayEnd(9)
            .message(Lang::Nl)
            .starts_with("Regel 9"));
    }

    /// Found by the fuzz target: a title of more than 200 characters, or
    /// one of spaces only, made the whole import fail on confirming.
    #[test]
    fn long_and_blank_titles_still_import() {
        let long = "Overleg ".repeat(40);
        let events = format!(
            "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261101T090000Z\r\nDTSTART;VALUE=DATE:20261210\r\n\
SUMMARY:{long}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20261101T090000Z\r\n\
DTSTART:20261211T100000Z\r\nSUMMARY:   \r\nEND:VEVENT\r\n"
        );
        let parsed = parse(&ics(&events), today(), 60).unwrap();
        let mut account = Account::new(Client::new(ClientId::new_unchecked("c-1"), "A"));
        let rows = preview(&parsed, &account);
        assert_eq!(rows.len(), 2);
        let chosen: Vec<&PreviewRow> = rows.iter().collect();
        let mut n = 0;
        let cmd = import_command(&chosen, Lang::Nl, || {
            n += 1;
            MomentId(n)
        })
        .unwrap();
        apply(&mut account, cmd, today()).unwrap();
        assert_eq!(account.moments.len(), 2);
        assert!(account
            .moments
            .iter()
            .all(|m| m.description.chars().count() <= DESCRIPTION_MAX));
        assert!(account.moments.iter().any(|m| m.description.ends_with('…')));
    }
}
