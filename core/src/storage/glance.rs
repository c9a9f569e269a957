//! A stored record's first field: its account's [`Digest`], so the first
//! screen shows every client without decoding whole accounts
//! (`docs/DOMAIN.md`, "The overview reads digests").
//!
//! A record is written as `{"g":[…],` followed by the rest of the compact
//! record (see [`codec`](super::codec)); apps that do not know `g` read
//! the record as before. The array holds a format version, a checksum of
//! all the text after it, the record's schema, revision and version
//! tokens, and the digest. [`read`] trusts a digest only when the checksum
//! matches (the digest and the record are as written), so a record changed
//! by anything but this app's writer is read whole (and quarantined if it
//! does not decode).

use chrono::NaiveDate;

use super::json::{Reader, Unexpected};
use crate::account::digest::{Booked, Digest, Mark, Planned};
use crate::model::{
    dates, Client, ClientId, Direction, MomentId, MomentKind, Party, PeriodLength, Thresholds,
};

/// The layout of the digest array written now.
pub const VERSION: i64 = 1;

/// What the start-up reads of a record without decoding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glance {
    /// The record's schema.
    pub schema: u32,
    /// Its revision.
    pub rev: u64,
    /// Its version token (as [`version_token`] gives it).
    pub writer: String,
    /// The token of the version it was made from.
    pub parent: String,
    /// The account's digest.
    pub digest: Digest,
}

/// FNV-1a (32 bits): fast on the long records a start reads, no table.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811C_9DC5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

const PREFIX: &str = "{\"g\":";

/// The token that names a stored version: its writer's token, or, for a
/// record written before tokens existed, `r<rev>`. Never empty, so "not
/// stored yet" (the empty token) is never mistaken for a stored version.
pub fn version_token(rev: u64, w: &str) -> String {
    if w.is_empty() {
        format!("r{rev}")
    } else {
        w.to_string()
    }
}

/// The record of `body` (a compact record, `{…}`) with `digest` in front:
/// what [`read`] reads back. The checksum covers everything after it: the
/// rest of the digest and the record.
pub fn prepend(digest: &Digest, body: &str, schema: u32, rev: u64, w: &str, p: &str) -> String {
    let rest = body.strip_prefix('{').unwrap_or(body);
    let mut tail = String::with_capacity(body.len() + 64 + digest.bookings.len() * 4);
    tail.push(',');
    push_ints(&mut tail, &[i64::from(schema), rev as i64]);
    tail.push(',');
    push_str(&mut tail, w);
    tail.push(',');
    push_str(&mut tail, p);
    tail.push(',');
    push_client(&mut tail, &digest.client);
    tail.push(',');
    push_bookings(&mut tail, &digest.bookings);
    for days in [&digest.stock_takes, &digest.talks, &digest.open_actions] {
        tail.push_str(",[");
        push_ints(&mut tail, &days.iter().map(|d| day(*d)).collect::<Vec<_>>());
        tail.push(']');
    }
    tail.push_str(",[");
    for (i, m) in digest.planned.iter().enumerate() {
        if i > 0 {
            tail.push(',');
        }
        push_str(&mut tail, &m.id.0.to_string());
        tail.push(',');
        push_ints(&mut tail, &[day(m.date)]);
        tail.push(',');
        push_str(&mut tail, m.kind.code());
        tail.push(',');
        push_str(&mut tail, &m.description);
    }
    tail.push_str("],");
    match digest.hostmanship {
        Some(t) => push_ints(&mut tail, &[i64::from(t)]),
        None => tail.push_str("null"),
    }
    tail.push_str("],");
    tail.push_str(rest);
    let mut out = format!("{PREFIX}[{VERSION},{}", checksum(tail.as_bytes()));
    out.push_str(&tail);
    out
}

/// `raw` with the checksum it would need to be trusted, when it starts
/// like a record of this layout: so the fuzzer reaches the reader behind
/// the checksum.
#[doc(hidden)]
pub fn seal(raw: &str) -> Option<String> {
    let head = format!("{PREFIX}[{VERSION},");
    let after = raw.strip_prefix(&head)?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let tail = &after[digits..];
    Some(format!("{head}{}{tail}", checksum(tail.as_bytes())))
}

fn day(d: NaiveDate) -> i64 {
    dates::day_number(d)
}

fn push_ints(out: &mut String, values: &[i64]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&v.to_string());
    }
}

fn push_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
}

fn push_client(out: &mut String, c: &Client) {
    out.push('[');
    for (i, s) in [
        c.id.as_str(),
        &c.name,
        &c.organisation,
        &c.account_manager,
        &c.sponsor,
        &c.notes,
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            out.push(',');
        }
        push_str(out, s);
    }
    out.push(',');
    match c.start_date {
        Some(d) => push_ints(out, &[day(d)]),
        None => out.push_str("null"),
    }
    out.push(',');
    push_str(out, c.period.code());
    out.push(',');
    let t = &c.thresholds;
    push_ints(
        out,
        &[
            t.surplus_limit,
            t.credit,
            i64::from(t.structural_run),
            i64::from(t.stock_take_days),
            i64::from(c.archived),
            i64::from(c.demo),
        ],
    );
    out.push(']');
}

/// Party, direction and mark of a booking as one small number.
fn kind_code(b: &Booked) -> i64 {
    let mark = match b.mark {
        Mark::Plain => 0,
        Mark::Innovation => 1,
        Mark::Indexation => 2,
    };
    (b.party as i64) * 6 + (b.direction as i64) * 3 + mark
}

fn from_kind_code(code: i64) -> Option<(Party, Direction, Mark)> {
    if !(0..12).contains(&code) {
        return None;
    }
    let party = if code >= 6 {
        Party::Client
    } else {
        Party::Supplier
    };
    let direction = if code % 6 >= 3 {
        Direction::Withdrawal
    } else {
        Direction::Deposit
    };
    let mark = [Mark::Plain, Mark::Innovation, Mark::Indexation][(code % 3) as usize];
    Some((party, direction, mark))
}

/// The 64 characters a booking is written with: URL-safe base 64, which
/// JSON strings hold without escapes.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends `n` as base-32 groups, lowest first, each a character whose
/// value has 32 added while more groups follow: most numbers here are
/// one character.
fn push_varint(out: &mut String, mut n: u64) {
    loop {
        let group = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(DIGITS[group] as char);
            return;
        }
        out.push(DIGITS[group + 32] as char);
    }
}

/// Reads one number written by [`push_varint`].
fn read_varint(bytes: &mut impl Iterator<Item = u8>) -> Result<u64, Unexpected> {
    let mut n = 0u64;
    for shift in (0..64).step_by(5) {
        let b = bytes.next().ok_or(Unexpected)?;
        let v = u64::from(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(Unexpected),
        });
        n |= (v & 31).checked_shl(shift).ok_or(Unexpected)?;
        if v < 32 {
            return Ok(n);
        }
    }
    Err(Unexpected)
}

/// Bookings in date order: the first one's day number, then a string of
/// three numbers per booking (days since the one before × 12 + kind,
/// points, count). About three characters a booking: a stored record
/// grows by a few percent, not by a tenth.
fn push_bookings(out: &mut String, bookings: &[Booked]) {
    let first = bookings.first().map_or(0, |b| day(b.date));
    push_ints(out, &[first]);
    out.push_str(",\"");
    let mut previous = first;
    for b in bookings {
        let d = day(b.date);
        let gap = u64::try_from(d - previous).unwrap_or(0);
        push_varint(out, gap * 12 + kind_code(b) as u64);
        push_varint(out, u64::try_from(b.points).unwrap_or(0));
        push_varint(out, u64::from(b.count));
        previous = d;
    }
    out.push('"');
}

/// Reads the digest in front of a stored record, if it has one that
/// belongs to the rest of the record (see the module's description).
pub fn read(raw: &str) -> Result<Glance, Unexpected> {
    let after = raw.strip_prefix(PREFIX).ok_or(Unexpected)?;
    let mut r = Reader::new(after);
    r.array()?;
    let version = r.int()?;
    if version != VERSION {
        return Err(Unexpected);
    }
    r.expect(",")?;
    let sum = r.int()?;
    // Everything after the checksum must be what it was made of: a digest
    // changed by hand is as untrusted as a changed record.
    if i64::from(checksum(&after.as_bytes()[r.position()..])) != sum {
        return Err(Unexpected);
    }
    r.expect(",")?;
    let schema = r.int_as()?;
    r.expect(",")?;
    let rev = r.int_as::<u64>()?;
    r.expect(",")?;
    let w = r.string()?;
    r.expect(",")?;
    let parent = r.string()?;
    r.expect(",")?;
    let client = read_client(&mut r)?;
    r.expect(",")?;
    let bookings = read_bookings(&mut r)?;
    let mut days = [Vec::new(), Vec::new(), Vec::new()];
    for list in &mut days {
        r.expect(",")?;
        *list = r.list(read_day)?;
    }
    r.expect(",")?;
    let planned = read_planned(&mut r)?;
    r.expect(",")?;
    let hostmanship = if r.null() { None } else { Some(r.int_as()?) };
    r.expect("]")?;
    r.expect(",")?;
    let [stock_takes, talks, open_actions] = days;
    Ok(Glance {
        schema,
        rev,
        writer: version_token(rev, &w),
        parent,
        digest: Digest {
            client,
            bookings,
            stock_takes,
            talks,
            open_actions,
            planned,
            hostmanship,
        },
    })
}

fn read_day(r: &mut Reader) -> Result<NaiveDate, Unexpected> {
    dates::from_day_number(r.int()?).ok_or(Unexpected)
}

fn read_client(r: &mut Reader) -> Result<Client, Unexpected> {
    r.array()?;
    let mut text = || -> Result<String, Unexpected> {
        let s = r.string()?;
        r.expect(",")?;
        Ok(s)
    };
    let id = ClientId::parse(&text()?).ok_or(Unexpected)?;
    let (name, organisation, account_manager, sponsor, notes) =
        (text()?, text()?, text()?, text()?, text()?);
    let start_date = if r.null() { None } else { Some(read_day(r)?) };
    r.expect(",")?;
    let period = PeriodLength::from_code(&r.string()?).ok_or(Unexpected)?;
    let mut n = [0i64; 6];
    for v in &mut n {
        r.expect(",")?;
        *v = r.int()?;
    }
    r.expect("]")?;
    let flag = |v: i64| match v {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Unexpected),
    };
    Ok(Client {
        id,
        name,
        organisation,
        account_manager,
        sponsor,
        start_date,
        notes,
        period,
        thresholds: Thresholds {
            surplus_limit: n[0],
            credit: n[1],
            structural_run: u32::try_from(n[2]).map_err(|_| Unexpected)?,
            stock_take_days: u32::try_from(n[3]).map_err(|_| Unexpected)?,
        },
        archived: flag(n[4])?,
        demo: flag(n[5])?,
    })
}

fn read_bookings(r: &mut Reader) -> Result<Vec<Booked>, Unexpected> {
    let mut day = r.int()?;
    r.expect(",")?;
    let text = r.string()?;
    let mut bytes = text.bytes().peekable();
    let mut out = Vec::new();
    while bytes.peek().is_some() {
        let head = read_varint(&mut bytes)?;
        day = day
            .checked_add(i64::try_from(head / 12).map_err(|_| Unexpected)?)
            .ok_or(Unexpected)?;
        let (party, direction, mark) = from_kind_code((head % 12) as i64).ok_or(Unexpected)?;
        out.push(Booked {
            date: dates::from_day_number(day).ok_or(Unexpected)?,
            party,
            direction,
            mark,
            points: i64::try_from(read_varint(&mut bytes)?).map_err(|_| Unexpected)?,
            count: u32::try_from(read_varint(&mut bytes)?).map_err(|_| Unexpected)?,
        });
    }
    Ok(out)
}

fn read_planned(r: &mut Reader) -> Result<Vec<Planned>, Unexpected> {
    r.array()?;
    let mut out = Vec::new();
    let mut first = true;
    while r.more(first)? {
        first = false;
        let id = r.string()?.parse().map_err(|_| Unexpected)?;
        r.expect(",")?;
        let date = read_day(r)?;
        r.expect(",")?;
        let kind = MomentKind::from_code(&r.string()?).ok_or(Unexpected)?;
        r.expect(",")?;
        let description = r.string()?;
        out.push(Planned {
            id: MomentId(id),
            date,
            kind,
            description,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::dates::test_dates::today;

    #[test]
    fn a_digest_reads_back_exactly_in_front_of_its_record() {
        let mut a = demo::example(today(), 3);
        a.client.name = "Quote \" and \\ and \n and 🦀".into();
        a.client.start_date = Some(NaiveDate::from_ymd_opt(1999, 12, 31).unwrap());
        let digest = Digest::of(&a).compact();
        let body = r#"{"schema":5,"rev":7,"client":{}}"#;
        let raw = prepend(&digest, body, 5, 7, "t.1", "t.0");
        let g = read(&raw).unwrap();
        assert_eq!(g.digest, digest);
        assert_eq!(
            (g.schema, g.rev, g.writer.as_str(), g.parent.as_str()),
            (5, 7, "t.1", "t.0")
        );
        // Without a writer token the version is named by its revision.
        let raw = prepend(&digest, body, 5, 7, "", "");
        assert_eq!(read(&raw).unwrap().writer, "r7");
    }

    #[test]
    fn numbers_of_any_size_read_back() {
        for n in [
            0,
            1,
            31,
            32,
            1023,
            1024,
            99_999,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut s = String::new();
            push_varint(&mut s, n);
            assert_eq!(read_varint(&mut s.bytes()), Ok(n), "{n} as {s}");
        }
        assert_eq!(
            read_varint(&mut "g".bytes()),
            Err(Unexpected),
            "a group that never ends"
        );
        assert_eq!(read_varint(&mut "*".bytes()), Err(Unexpected));
    }

    #[test]
    fn a_changed_record_or_an_unknown_layout_is_not_trusted() {
        let digest = Digest::of(&demo::example(today(), 4)).compact();
        let raw = prepend(&digest, r#"{"schema":5,"rev":1,"x":1}"#, 5, 1, "a", "");
        assert!(read(&raw).is_ok());
        assert!(
            read(&raw.replace("\"x\":1", "\"x\":2")).is_err(),
            "the rest changed"
        );
        assert!(
            read(&raw.replacen("[1,", "[2,", 1)).is_err(),
            "a later layout"
        );
        assert!(read(&raw[..raw.len() / 2]).is_err());
        assert!(read(r#"{"schema":5,"rev":1}"#).is_err(), "no digest");
        let changed = raw.replacen("\"c-4\"", "\"c-9\"", 1);
        assert_eq!(
            read(&seal(&changed).unwrap()).map(|g| g.digest.client.id.to_string()),
            Ok("c-9".into()),
            "sealed again, it reads (what the fuzzer relies on)"
        );
        assert!(read("").is_err());
    }
}
