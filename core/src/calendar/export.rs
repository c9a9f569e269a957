//! The calendar export: every open action (the little extra with its due
//! date), the next stock-take and every planned or prepared moment as an
//! all-day event, with a reminder the user chooses.
//!
//! Every event has a UID made of what it stands for and the ids of the
//! client and record, so importing a later export into the same calendar
//! updates the events instead of adding them twice. What is done or gone
//! (an action done, a moment looked back on, a deleted moment, an archived
//! client) is written once more as `STATUS:CANCELLED` for
//! [`RECENT_DAYS`] days, so the calendar follows.

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveDateTime, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, EventStatus};

use super::UID_DOMAIN;
use crate::account::status::stock_take_reminder;
use crate::i18n::{format_date, shorten, tf, Key, Lang};
use crate::model::{Account, Moment, TombstoneKind};

/// How long done and deleted items are still written, as cancelled: as
/// long as a deletion is remembered (see `Account::TOMBSTONE_DAYS`).
pub const RECENT_DAYS: i64 = Account::TOMBSTONE_DAYS;

/// Longest title written (the calendar shows only the start anyway).
const TITLE_MAX: usize = 160;

/// When the calendar reminds the user of an event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Reminder {
    /// No reminder.
    None,
    /// At 9:00 on the day itself (the default).
    #[default]
    MorningOf,
    /// At 9:00 the day before.
    DayBefore,
    /// At 9:00 one week before.
    WeekBefore,
}

impl Reminder {
    /// Every choice, in the order the form lists them.
    pub const ALL: [Reminder; 4] = [
        Reminder::MorningOf,
        Reminder::DayBefore,
        Reminder::WeekBefore,
        Reminder::None,
    ];

    /// Stable code, for form values.
    pub fn code(self) -> &'static str {
        match self {
            Reminder::None => "none",
            Reminder::MorningOf => "morning",
            Reminder::DayBefore => "day-before",
            Reminder::WeekBefore => "week-before",
        }
    }

    /// The choice with `code`.
    pub fn from_code(code: &str) -> Option<Reminder> {
        Reminder::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reminder::None => Key::ReminderNone,
            Reminder::MorningOf => Key::ReminderMorningOf,
            Reminder::DayBefore => Key::ReminderDayBefore,
            Reminder::WeekBefore => Key::ReminderWeekBefore,
        }
        .text(lang)
    }

    /// The alarm's offset from the start of an all-day event (midnight).
    fn offset(self) -> Option<Duration> {
        match self {
            Reminder::None => None,
            Reminder::MorningOf => Some(Duration::hours(9)),
            Reminder::DayBefore => Some(Duration::hours(9 - 24)),
            Reminder::WeekBefore => Some(Duration::hours(9 - 7 * 24)),
        }
    }
}

/// What the export is made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The language of titles and descriptions.
    pub lang: Lang,
    /// The reminder of every event still to come.
    pub reminder: Reminder,
    /// Today, in the user's time zone.
    pub today: NaiveDate,
    /// The moment of the export in UTC (`DTSTAMP`, and the `SEQUENCE`
    /// that makes a later export win over an earlier one).
    pub stamp: NaiveDateTime,
}

/// What an event stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// The little extra of a moment, on its due date.
    Action,
    /// The next stock-take of a client.
    StockTake,
    /// A planned or prepared interaction moment.
    Moment,
}

impl ItemKind {
    fn code(self) -> &'static str {
        match self {
            ItemKind::Action => "action",
            ItemKind::StockTake => "stocktake",
            ItemKind::Moment => "moment",
        }
    }
}

/// One event of the export, before it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable across exports.
    pub uid: String,
    /// What it stands for.
    pub kind: ItemKind,
    /// The all-day date.
    pub date: NaiveDate,
    /// "Klantbankrekening · client · what".
    pub title: String,
    /// The three prepared answers, or what the event is about.
    pub description: String,
    /// Done or gone: written as cancelled.
    pub cancelled: bool,
}

/// The UID of the event of `kind` for record `id` of client `client`.
pub fn uid(kind: ItemKind, client: &str, id: u64) -> String {
    format!("kbr-{}-{client}-{id}@{UID_DOMAIN}", kind.code())
}

/// The UID of the reminder of the event `uid`.
fn alarm_uid(uid: &str) -> String {
    match uid.split_once('@') {
        Some((local, domain)) => format!("{local}-alarm@{domain}"),
        None => format!("{uid}-alarm"),
    }
}

fn title(account: &Account, lang: Lang, what: &str) -> String {
    shorten(
        &tf(
            lang,
            Key::CalendarTitle,
            &[
                ("app", Key::AppName.text(lang)),
                ("client", &account.client.name),
                ("what", what),
            ],
        ),
        TITLE_MAX,
    )
}

/// The prepared answers of `m` as lines, or the moment itself.
fn describe(m: &Moment, lang: Lang) -> String {
    let mut lines = vec![format!(
        "{} · {} · {}",
        format_date(m.date, lang),
        m.kind.label(lang),
        m.description
    )];
    if let Some(p) = &m.prepared {
        for (question, answer) in [
            (Key::PrepareExpectation, &p.expectation),
            (Key::PrepareTreatment, &p.treatment),
            (Key::PrepareExtra, &p.extra),
        ] {
            if !answer.is_empty() {
                lines.push(format!("{} {answer}", question.text(lang)));
            }
        }
        if p.expectation.is_empty() && p.treatment.is_empty() && p.extra.is_empty() {
            lines.push(Key::CalendarNotPrepared.text(lang).to_string());
        }
    }
    lines.join("\n")
}

fn recent(date: NaiveDate, today: NaiveDate) -> bool {
    today.signed_duration_since(date).num_days() <= RECENT_DAYS
}

/// The events of one account on `today`, by kind and id.
pub fn items(account: &Account, lang: Lang, today: NaiveDate) -> Vec<Item> {
    let client = account.client.id.as_str();
    let archived = account.client.archived;
    let mut out = Vec::new();
    for m in &account.moments {
        if let Some(a) = &m.action {
            let done = a.done.is_some() || archived;
            if !done || recent(a.done.unwrap_or(a.due).max(a.due), today) {
                let what = tf(lang, Key::CalendarExtra, &[("text", &a.text)]);
                out.push(Item {
                    uid: uid(ItemKind::Action, client, m.id.0),
                    kind: ItemKind::Action,
                    date: a.due,
                    title: title(account, lang, &what),
                    description: describe(m, lang),
                    cancelled: done,
                });
            }
        }
        let worth = m.planned || m.prepared.is_some();
        let cancelled = !m.planned || archived;
        if worth && (!cancelled || recent(m.date, today)) {
            let what = format!("{}: {}", m.kind.label(lang), m.description);
            out.push(Item {
                uid: uid(ItemKind::Moment, client, m.id.0),
                kind: ItemKind::Moment,
                date: m.date,
                title: title(account, lang, &what),
                description: describe(m, lang),
                cancelled,
            });
        }
    }
    // A deleted moment takes its action's event with it.
    for t in account
        .tombstones
        .iter()
        .filter(|t| t.kind == TombstoneKind::Moment && recent(t.on, today))
    {
        for kind in [ItemKind::Moment, ItemKind::Action] {
            out.push(Item {
                uid: uid(kind, client, t.id),
                kind,
                date: t.on,
                title: title(account, lang, Key::CalendarDeleted.text(lang)),
                description: String::new(),
                cancelled: true,
            });
        }
    }
    let reminder = stock_take_reminder(account, today);
    if let Some(due) = reminder.due {
        let overdue = due < today;
        let what = match overdue {
            true => tf(
                lang,
                Key::CalendarStockTakeOverdue,
                &[("date", &format_date(due, lang))],
            ),
            false => Key::CalendarStockTake.text(lang).to_string(),
        };
        let since = reminder
            .since
            .map(|d| format_date(d, lang))
            .unwrap_or_default();
        out.push(Item {
            uid: uid(ItemKind::StockTake, client, 0),
            kind: ItemKind::StockTake,
            // An overdue stock-take is due today, not in the past.
            date: due.max(today),
            title: title(account, lang, &what),
            description: tf(lang, Key::CalendarStockTakeText, &[("date", &since)]),
            cancelled: archived,
        });
    }
    out.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    out
}

/// Seconds since 2024-01-01 UTC: a sequence number that grows with every
/// later export, so a calendar takes the newer version of an event.
fn sequence(stamp: NaiveDateTime) -> u32 {
    let base = NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    // Seconds, not minutes: two exports a minute apart (the extra done in
    // between) must differ, or a calendar keeps the older version.
    u32::try_from(stamp.signed_duration_since(base).num_seconds().max(0)).unwrap_or(u32::MAX)
}

/// The calendar of `accounts` as an `.ics` text (CRLF lines, folded at
/// 75 octets, UTF-8).
pub fn to_ics(accounts: &[&Account], options: &ExportOptions) -> String {
    let lang = options.lang;
    let stamp: DateTime<Utc> = DateTime::from_naive_utc_and_offset(options.stamp, Utc);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Klantbankrekening//Klantbankrekening//NL"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    let name = match accounts {
        [one] => tf(
            lang,
            Key::CalendarName,
            &[
                ("app", Key::AppName.text(lang)),
                ("client", &one.client.name),
            ],
        ),
        _ => Key::AppName.text(lang).to_string(),
    };
    // The crate escapes X-WR-CALNAME (it knows it as text) but writes NAME
    // (RFC 7986) as it is given: escaped here, so a client called
    // "Café Zoë, Bakkerij; Noord" is one name in every calendar app.
    calendar
        .append_property(("NAME", escape_text(&name).as_str()))
        .append_property(("X-WR-CALNAME", name.as_str()));
    for account in accounts {
        for item in items(account, lang, options.today) {
            let mut event = icalendar::Event::new();
            event
                .uid(&item.uid)
                .timestamp(stamp)
                .sequence(sequence(options.stamp))
                .summary(&item.title)
                .starts(item.date)
                .ends(
                    item.date
                        .checked_add_days(Days::new(1))
                        .unwrap_or(item.date),
                );
            if !item.description.is_empty() {
                event.description(&item.description);
            }
            if item.cancelled {
                event.status(EventStatus::Cancelled);
            } else {
                event.status(EventStatus::Confirmed);
                if let Some(offset) = options.reminder.offset() {
                    // The alarm gets its own stable UID and the export's
                    // stamp, so the file is the same for the same data.
                    let mut alarm = Alarm::display(&item.title, offset);
                    alarm
                        .append_property(("UID", alarm_uid(&item.uid).as_str()))
                        .timestamp(stamp);
                    event.alarm(alarm);
                }
            }
            calendar.push(event.done());
        }
    }
    calendar.done().to_string()
}

/// A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon and
/// comma escaped with a backslash, a line break as `\n`.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::test_dates::d;
    use crate::model::{
        Action, CategoryId, Client, ClientId, Direction, Entry, EntryId, MomentId, MomentKind,
        Party, Preparation, Tombstone, Weight,
    };

    fn moment(id: u64, date: NaiveDate) -> Moment {
        Moment {
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
        }
    }

    fn account() -> Account {
        let mut client = Client::new(ClientId::new_unchecked("c-1"), "Van Dalen");
        client.thresholds.stock_take_days = 90;
        let mut a = Account::new(client);
        a.entries.push(Entry {
            id: EntryId(1),
            date: d(2026, 10, 1),
            party: Party::Supplier,
            direction: Direction::Deposit,
            category: CategoryId::new("sd-delivered"),
            weight: Weight::new(2).unwrap(),
            who: Default::default(),
            note: String::new(),
            repairs: None,
        });
        let mut open = moment(1, d(2026, 11, 20));
        open.action = Some(Action {
            text: "planner terugbellen".into(),
            due: d(2026, 12, 3),
            done: None,
            booked: None,
        });
        let mut prepared = moment(2, d(2026, 12, 10));
        prepared.planned = true;
        prepared.prepared = Some(Preparation {
            expectation: "Een plan voor januari".into(),
            treatment: "Voorbereid, op tijd".into(),
            extra: "Voorbeeldrooster meenemen".into(),
        });
        let mut done = moment(3, d(2026, 11, 1));
        done.action = Some(Action {
            text: "rapport sturen".into(),
            due: d(2026, 11, 5),
            done: Some(d(2026, 11, 4)),
            booked: None,
        });
        let mut old = moment(4, d(2025, 1, 1));
        old.action = Some(Action {
            text: "oud".into(),
            due: d(2025, 1, 2),
            done: Some(d(2025, 1, 2)),
            booked: None,
        });
        a.moments = vec![open, prepared, done, old];
        a.tombstones.push(Tombstone {
            kind: TombstoneKind::Moment,
            id: 9,
            on: d(2026, 11, 30),
        });
        a
    }

    #[test]
    fn open_actions_prepared_moments_and_the_stock_take_with_stable_uids() {
        let got = items(&account(), Lang::Nl, d(2026, 12, 1));
        let summary: Vec<(String, NaiveDate, bool)> = got
            .iter()
            .map(|i| (i.uid.clone(), i.date, i.cancelled))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "kbr-action-c-1-3@klantbankrekening".into(),
                    d(2026, 11, 5),
                    true
                ),
                (
                    "kbr-action-c-1-9@klantbankrekening".into(),
                    d(2026, 11, 30),
                    true
                ),
                (
                    "kbr-moment-c-1-9@klantbankrekening".into(),
                    d(2026, 11, 30),
                    true
                ),
                (
                    "kbr-action-c-1-1@klantbankrekening".into(),
                    d(2026, 12, 3),
                    false
                ),
                (
                    "kbr-moment-c-1-2@klantbankrekening".into(),
                    d(2026, 12, 10),
                    false
                ),
                (
                    "kbr-stocktake-c-1-0@klantbankrekening".into(),
                    d(2026, 12, 30),
                    false
                ),
            ]
        );
        let action = &got[3];
        assert_eq!(
            action.title,
            "Klantbankrekening · Van Dalen · extraatje: planner terugbellen"
        );
        let prepared = &got[4];
        assert!(prepared
            .description
            .contains("Wat verwacht de klant van dit moment? Een plan voor januari"));
        assert!(prepared.description.contains("Voorbeeldrooster meenemen"));
    }

    #[test]
    fn an_archived_client_cancels_everything_and_an_overdue_stock_take_is_today() {
        let mut a = account();
        let today = d(2027, 3, 1);
        let got = items(&a, Lang::En, today);
        let stock = got.iter().find(|i| i.kind == ItemKind::StockTake).unwrap();
        assert_eq!(stock.date, today);
        assert!(stock.title.contains("overdue"), "{}", stock.title);
        a.client.archived = true;
        assert!(items(&a, Lang::En, d(2026, 12, 1))
            .iter()
            .all(|i| i.cancelled));
    }

    #[test]
    fn a_planned_moment_stays_in_the_calendar_however_long_ago_its_day() {
        // Not held and not cancelled: it stays an event, also long after
        // the days in which cancellations are still sent.
        let today = d(2026, 12, 10) + chrono::Days::new(RECENT_DAYS as u64 + 30);
        let mut a = account();
        // Planned and not prepared yet: an event too.
        let mut bare = moment(5, d(2027, 6, 1));
        bare.planned = true;
        a.moments.push(bare);
        let got = items(&a, Lang::Nl, today);
        for uid in [
            "kbr-moment-c-1-2@klantbankrekening",
            "kbr-moment-c-1-5@klantbankrekening",
        ] {
            let planned = got
                .iter()
                .find(|i| i.uid == uid)
                .unwrap_or_else(|| panic!("{uid} is exported"));
            assert!(!planned.cancelled, "{uid}");
        }
    }

    #[test]
    fn reminders_ring_at_nine_on_the_day_the_day_before_or_a_week_before() {
        assert_eq!(Reminder::None.offset(), None);
        assert_eq!(Reminder::MorningOf.offset(), Some(Duration::hours(9)));
        assert_eq!(Reminder::DayBefore.offset(), Some(Duration::hours(-15)));
        assert_eq!(Reminder::WeekBefore.offset(), Some(Duration::hours(-159)));
    }

    #[test]
    fn only_recently_deleted_moments_are_cancelled() {
        let mut a = account();
        // A deleted entry is no event; a moment deleted long ago is not sent again.
        a.tombstones.push(Tombstone {
            kind: TombstoneKind::Entry,
            id: 41,
            on: d(2026, 11, 30),
        });
        a.tombstones.push(Tombstone {
            kind: TombstoneKind::Moment,
            id: 42,
            on: d(2026, 12, 1) - chrono::Days::new(RECENT_DAYS as u64 + 1),
        });
        let got = items(&a, Lang::Nl, d(2026, 12, 1));
        assert!(got
            .iter()
            .all(|i| !i.uid.contains("-41@") && !i.uid.contains("-42@")));
        assert!(got
            .iter()
            .any(|i| i.uid == "kbr-moment-c-1-9@klantbankrekening"));
    }

    #[test]
    fn a_stock_take_due_today_is_not_overdue_yet() {
        // Due on 30 December (90 days after the first entry).
        let on = |today| {
            items(&account(), Lang::Nl, today)
                .into_iter()
                .find(|i| i.kind == ItemKind::StockTake)
                .unwrap()
                .title
        };
        assert!(!on(d(2026, 12, 30)).contains("over tijd"));
        assert!(on(d(2026, 12, 31)).contains("over tijd sinds 30-12-2026"));
    }

    #[test]
    fn the_file_is_the_same_for_the_same_data() {
        let options = ExportOptions {
            lang: Lang::Nl,
            reminder: Reminder::MorningOf,
            today: d(2026, 12, 1),
            stamp: d(2026, 12, 1).and_hms_opt(8, 30, 0).unwrap(),
        };
        let a = account();
        let one = to_ics(&[&a], &options);
        assert_eq!(one, to_ics(&[&a], &options));
        assert!(one.contains("TRIGGER:PT32400S\r\n"));
        assert!(one.contains("DTSTART;VALUE=DATE:20261203\r\n"));
        assert!(one.lines().all(|l| l.len() <= 76), "folded at 75 octets");
    }
}
