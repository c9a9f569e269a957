//! The one codec for workshop and client invites and their return codes
//! (`docs/DOMAIN.md`, "Invites and return codes"). Everything travels in a
//! link's fragment, so no server is needed:
//!
//! - an **invite** holds the session (or round) id, the exercises with
//!   their definition versions, the language and a short title: nothing
//!   else;
//! - a **return code** holds the session id, a random participant id, an
//!   optional pseudonym, and per exercise its definition version and the
//!   answers, packed into bits.
//!
//! Both are versioned and end in a CRC-32 of everything before it; a code
//! of a newer format, with a bad checksum, for another session or with an
//! answer that does not fit is refused whole. The bytes are written in
//! base64url, so a return link stays short enough for a QR code that scans
//! from a phone screen.

use thiserror::Error;

use crate::i18n::{tf, Key, Lang, Register};
use crate::model::{Answer, Answers};
use crate::questionnaires::definitions;
use crate::questionnaires::engine::{AnswerKind, Definition};

/// The format this version writes.
pub const FORMAT: u8 = 1;
/// Longest title in an invite, in characters.
pub const TITLE_MAX: usize = 60;
/// Longest pseudonym, in characters.
pub const PSEUDONYM_MAX: usize = 24;
/// Longest free-text answer in a return code, in characters.
pub const TEXT_MAX: usize = 500;

/// Who an invite is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A workshop participant, about their own client relationship.
    Workshop,
    /// A client contact, about us.
    Client,
}

/// An invite as its link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invite {
    /// Workshop or client.
    pub kind: Kind,
    /// The session (workshop) or round (client invite) id, below 2⁴⁸.
    pub session: u64,
    /// The language to answer in.
    pub lang: Lang,
    /// The exercises, in order.
    pub exercises: Vec<&'static Definition>,
    /// The case title or the name the user typed (may be empty).
    pub title: String,
    /// How the reader is addressed in Dutch: the sender's choice for a
    /// client; always "je" for a workshop participant.
    pub register: Register,
}

/// A participant's answers as their return code carries them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Return {
    /// Workshop or client.
    pub kind: Kind,
    /// The session or round answered.
    pub session: u64,
    /// A random number per participant: the same participant twice replaces
    /// the earlier answers.
    pub participant: u32,
    /// A name they chose (may be empty).
    pub pseudonym: String,
    /// Per exercise, its answers (skipped items are absent).
    pub answers: Vec<(&'static Definition, Answers)>,
}

/// Why a code is refused, whole.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CodeError {
    /// Nothing that looks like a code.
    #[error("not a code")]
    NotACode,
    /// The code was changed or cut off.
    #[error("checksum")]
    Checksum,
    /// Made by a newer version of the app.
    #[error("newer format {0}")]
    Newer(u8),
    /// An invite where a return code was expected, or the other way round,
    /// or a client code in a workshop.
    #[error("wrong kind")]
    WrongKind,
    /// An exercise this version does not know.
    #[error("unknown exercise {0}")]
    UnknownExercise(u8),
    /// Answered under another version of the questionnaire.
    #[error("other version of {0}")]
    OtherVersion(&'static str),
    /// For another session or round.
    #[error("other session")]
    OtherSession,
    /// The answers do not fit the questionnaire.
    #[error("malformed")]
    Malformed,
}

impl CodeError {
    /// One sentence for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CodeError::NotACode => Key::CodeNotACode.text(lang).to_string(),
            CodeError::Checksum => Key::CodeChecksum.text(lang).to_string(),
            CodeError::Newer(_) => Key::CodeNewer.text(lang).to_string(),
            CodeError::WrongKind => Key::CodeWrongKind.text(lang).to_string(),
            CodeError::UnknownExercise(_) => Key::CodeUnknownExercise.text(lang).to_string(),
            CodeError::OtherVersion(id) => {
                let title = definitions::find(id).map_or(*id, |d| d.title.get(lang));
                tf(lang, Key::CodeOtherVersion, &[("title", title)])
            }
            CodeError::OtherSession => Key::CodeOtherSession.text(lang).to_string(),
            CodeError::Malformed => Key::CodeMalformed.text(lang).to_string(),
        }
    }
}

// ---- bytes: base64url and CRC-32 ----

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let take = chunk.len() + 1;
        for i in 0..take {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn from_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding of the last byte.
    (acc == 0 && bits < 6).then_some(out)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (0u32.wrapping_sub(crc & 1)));
        }
    }
    !crc
}

/// Base64url of `bytes` with their checksum appended: a code with a valid
/// checksum around any body, so the fuzzer reaches the decoder behind it.
#[doc(hidden)]
pub fn seal(mut bytes: Vec<u8>) -> String {
    let c = crc32(&bytes);
    bytes.extend_from_slice(&c.to_be_bytes());
    to_base64(&bytes)
}

fn open(code: &str) -> Result<Vec<u8>, CodeError> {
    let bytes = from_base64(code.trim()).ok_or(CodeError::NotACode)?;
    if bytes.len() < 6 {
        return Err(CodeError::NotACode);
    }
    let (body, tail) = bytes.split_at(bytes.len() - 4);
    let want = u32::from_be_bytes([tail[0], tail[1], tail[2], tail[3]]);
    if crc32(body) != want {
        return Err(CodeError::Checksum);
    }
    if body[0] > FORMAT {
        return Err(CodeError::Newer(body[0]));
    }
    if body[0] != FORMAT {
        return Err(CodeError::NotACode);
    }
    Ok(body.to_vec())
}

// ---- a byte reader and a bit writer/reader ----

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, CodeError> {
        let b = *self.bytes.get(self.at).ok_or(CodeError::Malformed)?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], CodeError> {
        let end = self.at.checked_add(n).ok_or(CodeError::Malformed)?;
        let s = self.bytes.get(self.at..end).ok_or(CodeError::Malformed)?;
        self.at = end;
        Ok(s)
    }

    fn uint(&mut self, n: usize) -> Result<u64, CodeError> {
        Ok(self
            .take(n)?
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    /// A length (varint, 7 bits per byte) followed by UTF-8.
    fn text(&mut self, max_chars: usize) -> Result<String, CodeError> {
        let mut len = 0usize;
        for shift in [0, 7] {
            let b = self.byte()?;
            len |= usize::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        let s = std::str::from_utf8(self.take(len)?).map_err(|_| CodeError::Malformed)?;
        // Only what the encoder writes: a code is never read two ways.
        if clean(s, max_chars) != s {
            return Err(CodeError::Malformed);
        }
        Ok(s.to_string())
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// What a code carries of a typed text: trimmed, without control characters
/// other than line breaks, at most `max_chars` characters.
fn clean(text: &str, max_chars: usize) -> String {
    let t: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect();
    t.trim()
        .chars()
        .take(max_chars)
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn push_text(out: &mut Vec<u8>, text: &str, max_chars: usize) {
    let t = clean(text, max_chars);
    let len = t.len().min(0x3FFF);
    if len < 0x80 {
        out.push(len as u8);
    } else {
        out.push((len & 0x7F) as u8 | 0x80);
        out.push((len >> 7) as u8);
    }
    out.extend_from_slice(&t.as_bytes()[..len]);
}

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 1 << (7 - self.len % 8);
            }
            self.len += 1;
        }
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn read(&mut self, width: u32) -> Result<u32, CodeError> {
        let mut v = 0;
        for _ in 0..width {
            let byte = self.bytes.get(self.at / 8).ok_or(CodeError::Malformed)?;
            v = (v << 1) | u32::from((byte >> (7 - self.at % 8)) & 1);
            self.at += 1;
        }
        Ok(v)
    }
}

/// How many bits one item's answer takes, and how many values it has.
fn width(kind: AnswerKind) -> u32 {
    let values = match kind {
        AnswerKind::Scale => 6,
        AnswerKind::Choice(options) => options.len() as u32 + 1,
        AnswerKind::FreeText => 2,
    };
    32 - (values - 1).leading_zeros()
}

fn pack(definition: &Definition, answers: &Answers, out: &mut Vec<u8>) {
    let mut bits = Bits::default();
    let mut texts = Vec::new();
    for item in definition.items {
        let v = match (item.kind, answers.get(item.id)) {
            (AnswerKind::Scale, Some(Answer::Scale(s))) if (1..=5).contains(s) => u32::from(*s),
            (AnswerKind::Choice(_), Some(Answer::Choice(c))) => {
                item.option_index(c).map_or(0, |i| i as u32 + 1)
            }
            (AnswerKind::FreeText, Some(Answer::Text(t))) if !clean(t, TEXT_MAX).is_empty() => {
                texts.push(t.as_str());
                1
            }
            _ => 0,
        };
        bits.push(v, width(item.kind));
    }
    out.extend_from_slice(&bits.bytes);
    for t in texts {
        push_text(out, t, TEXT_MAX);
    }
}

fn unpack(definition: &Definition, r: &mut Reader) -> Result<Answers, CodeError> {
    let total: u32 = definition.items.iter().map(|i| width(i.kind)).sum();
    let packed = r.take(total.div_ceil(8) as usize)?.to_vec();
    let mut bits = BitReader {
        bytes: &packed,
        at: 0,
    };
    let mut answers = Answers::new();
    let mut texts = Vec::new();
    for item in definition.items {
        let v = bits.read(width(item.kind))?;
        if v == 0 {
            continue;
        }
        let answer = match item.kind {
            AnswerKind::Scale if v <= 5 => Answer::Scale(v as u8),
            AnswerKind::Choice(options) => {
                let o = options.get(v as usize - 1).ok_or(CodeError::Malformed)?;
                Answer::Choice(o.id.to_string())
            }
            AnswerKind::FreeText if v == 1 => {
                texts.push(item.id);
                continue;
            }
            _ => return Err(CodeError::Malformed),
        };
        answers.insert(item.id.to_string(), answer);
    }
    for id in texts {
        let t = r.text(TEXT_MAX)?;
        if t.is_empty() {
            return Err(CodeError::Malformed);
        }
        answers.insert(id.to_string(), Answer::Text(t));
    }
    Ok(answers)
}

fn kind_byte(kind: Kind, is_return: bool) -> u8 {
    (match kind {
        Kind::Workshop => 0,
        Kind::Client => 1,
    }) | if is_return { 2 } else { 0 }
}

fn kind_of(byte: u8, is_return: bool) -> Result<Kind, CodeError> {
    match (byte & 2 != 0, byte & !3, byte & 1) {
        (r, 0, k) if r == is_return => Ok(if k == 0 { Kind::Workshop } else { Kind::Client }),
        _ => Err(CodeError::WrongKind),
    }
}

fn definition_of(code: u8, version: u8) -> Result<&'static Definition, CodeError> {
    let d = definitions::by_code(code).ok_or(CodeError::UnknownExercise(code))?;
    if u32::from(version) != d.version {
        return Err(CodeError::OtherVersion(d.id));
    }
    Ok(d)
}

/// The invite's code (the part after `#/i/` in its link).
pub fn encode_invite(invite: &Invite) -> String {
    let mut out = vec![FORMAT, kind_byte(invite.kind, false)];
    out.extend_from_slice(&(invite.session & 0xFFFF_FFFF_FFFF).to_be_bytes()[2..]);
    // The language byte's second bit: a client addressed with "je" (the
    // first codes had no choice, so an unset bit reads as before).
    let informal = invite.kind == Kind::Client && invite.register == Register::Informal;
    out.push(
        match invite.lang {
            Lang::Nl => 0,
            Lang::En => 1,
        } | if informal { 2 } else { 0 },
    );
    out.push(invite.exercises.len() as u8);
    for d in &invite.exercises {
        out.push(d.code);
        out.push(d.version as u8);
    }
    push_text(&mut out, &invite.title, TITLE_MAX);
    seal(out)
}

/// Reads an invite code.
pub fn decode_invite(code: &str) -> Result<Invite, CodeError> {
    let bytes = open(code)?;
    let mut r = Reader {
        bytes: &bytes[1..],
        at: 0,
    };
    let kind = kind_of(r.byte()?, false)?;
    let session = r.uint(6)?;
    let (lang, register) = match (r.byte()?, kind) {
        (0, Kind::Client) => (Lang::Nl, Register::Formal),
        (1, Kind::Client) => (Lang::En, Register::Formal),
        (2, Kind::Client) => (Lang::Nl, Register::Informal),
        (3, Kind::Client) => (Lang::En, Register::Informal),
        (0, Kind::Workshop) => (Lang::Nl, Register::Informal),
        (1, Kind::Workshop) => (Lang::En, Register::Informal),
        _ => return Err(CodeError::Malformed),
    };
    let n = r.byte()?;
    let mut exercises = Vec::with_capacity(usize::from(n));
    for _ in 0..n {
        let (c, v) = (r.byte()?, r.byte()?);
        exercises.push(definition_of(c, v)?);
    }
    let title = r.text(TITLE_MAX)?;
    if !r.done() || exercises.is_empty() {
        return Err(CodeError::Malformed);
    }
    Ok(Invite {
        kind,
        session,
        lang,
        exercises,
        title,
        register,
    })
}

/// A return code.
pub fn encode_return(ret: &Return) -> String {
    let mut out = vec![FORMAT, kind_byte(ret.kind, true)];
    out.extend_from_slice(&(ret.session & 0xFFFF_FFFF_FFFF).to_be_bytes()[2..]);
    out.extend_from_slice(&ret.participant.to_be_bytes());
    push_text(&mut out, &ret.pseudonym, PSEUDONYM_MAX);
    out.push(ret.answers.len() as u8);
    for (d, answers) in &ret.answers {
        out.push(d.code);
        out.push(d.version as u8);
        pack(d, answers, &mut out);
    }
    seal(out)
}

/// Reads a return code.
pub fn decode_return(code: &str) -> Result<Return, CodeError> {
    let bytes = open(code)?;
    let mut r = Reader {
        bytes: &bytes[1..],
        at: 0,
    };
    let kind = kind_of(r.byte()?, true)?;
    let session = r.uint(6)?;
    let participant = r.uint(4)? as u32;
    let pseudonym = r.text(PSEUDONYM_MAX)?;
    let n = r.byte()?;
    let mut answers = Vec::with_capacity(usize::from(n));
    for _ in 0..n {
        let (c, v) = (r.byte()?, r.byte()?);
        let d = definition_of(c, v)?;
        if answers
            .iter()
            .any(|(x, _): &(&Definition, Answers)| x.id == d.id)
        {
            return Err(CodeError::Malformed);
        }
        answers.push((d, unpack(d, &mut r)?));
    }
    if !r.done() {
        return Err(CodeError::Malformed);
    }
    Ok(Return {
        kind,
        session,
        participant,
        pseudonym,
        answers,
    })
}

/// The return codes in pasted text: links (`…#/r/<code>`) and bare codes,
/// one per line or mixed into a chat message, in order, without repeats.
pub fn find_codes(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let is_code = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    for word in
        text.split(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"' || c == '\'')
    {
        let candidate = match word.rfind("#/r/") {
            Some(i) => &word[i + 4..],
            None => word,
        };
        let code: String = candidate.chars().take_while(|c| is_code(*c)).collect();
        // A code is at least the header and checksum: 16 characters.
        if code.len() >= 16
            && code.len() == candidate.trim_end_matches(['.', ',', ')', ';']).len()
            && !out.contains(&code)
        {
            out.push(code);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaires::definitions::{CLIENT_VIEW, HOSTMANSHIP, INTEGRITY, QUICK_SCAN};

    fn full(d: &Definition, pick: usize) -> Answers {
        d.items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let a = match item.kind {
                    AnswerKind::Scale => Answer::Scale(((i + pick) % 5 + 1) as u8),
                    AnswerKind::Choice(o) => Answer::Choice(o[(i + pick) % o.len()].id.to_string()),
                    AnswerKind::FreeText => Answer::Text(format!("tekst {i} ✓")),
                };
                (item.id.to_string(), a)
            })
            .collect()
    }

    #[test]
    fn base64_and_crc() {
        for bytes in [
            vec![],
            vec![0],
            vec![255, 1],
            vec![1, 2, 3],
            (0..=255).collect::<Vec<u8>>(),
        ] {
            assert_eq!(from_base64(&to_base64(&bytes)).unwrap(), bytes);
        }
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926, "the standard check value");
        assert_eq!(from_base64("a+b"), None);
    }

    #[test]
    fn invites_round_trip() {
        let invite = Invite {
            kind: Kind::Workshop,
            session: 0xABCD_EF01_2345,
            lang: Lang::En,
            exercises: vec![&HOSTMANSHIP, &INTEGRITY, &QUICK_SCAN],
            title: "Casus Noord — één".into(),
            register: Register::Informal,
        };
        let code = encode_invite(&invite);
        assert_eq!(decode_invite(&code), Ok(invite));
        assert_eq!(decode_return(&code), Err(CodeError::WrongKind));
    }

    #[test]
    fn a_client_invite_carries_the_senders_form_of_address() {
        for (lang, register) in [
            (Lang::Nl, Register::Formal),
            (Lang::Nl, Register::Informal),
            (Lang::En, Register::Informal),
        ] {
            let invite = Invite {
                kind: Kind::Client,
                session: 77,
                lang,
                exercises: vec![&CLIENT_VIEW],
                title: "Eva, Jansen ICT".into(),
                register,
            };
            assert_eq!(decode_invite(&encode_invite(&invite)), Ok(invite));
        }
        // A code made before the choice (language byte 0 or 1) says "u".
        let mut old = vec![FORMAT, 1, 0, 0, 0, 0, 0, 77, 0, 1, CLIENT_VIEW.code, 1, 0];
        assert_eq!(
            decode_invite(&seal(old.clone())).map(|i| i.register),
            Ok(Register::Formal)
        );
        // A workshop never says "u"; its language byte has no such bit.
        old[1] = 0;
        old[8] = 2;
        assert_eq!(decode_invite(&seal(old)), Err(CodeError::Malformed));
    }

    #[test]
    fn returns_round_trip_and_stay_short() {
        let ret = Return {
            kind: Kind::Workshop,
            session: 42,
            participant: 0xDEAD_BEEF,
            pseudonym: "Groen".into(),
            answers: vec![
                (&HOSTMANSHIP, full(&HOSTMANSHIP, 0)),
                (&INTEGRITY, full(&INTEGRITY, 1)),
                (&QUICK_SCAN, full(&QUICK_SCAN, 2)),
            ],
        };
        let code = encode_return(&ret);
        assert_eq!(decode_return(&code), Ok(ret));
        let link = format!("https://voorbeeld.nl/klantbankrekening/#/r/{code}");
        let qr = crate::invite::qr::qr_of(&link).unwrap();
        println!(
            "longest workshop return link: {} characters, QR version {} ({}×{} modules)",
            link.len(),
            qr.version,
            qr.size,
            qr.size
        );
        assert!(qr.version <= 10, "{}", qr.version);
        assert!(link.len() < 300, "{}", link.len());
        let client = Return {
            kind: Kind::Client,
            session: 7,
            participant: 1,
            pseudonym: String::new(),
            answers: vec![(&CLIENT_VIEW, full(&CLIENT_VIEW, 3))],
        };
        assert_eq!(decode_return(&encode_return(&client)), Ok(client));
    }

    #[test]
    fn tampered_truncated_and_foreign_codes_are_refused() {
        let ret = Return {
            kind: Kind::Workshop,
            session: 9,
            participant: 5,
            pseudonym: String::new(),
            answers: vec![(&HOSTMANSHIP, full(&HOSTMANSHIP, 1))],
        };
        let code = encode_return(&ret);
        let mut chars: Vec<char> = code.chars().collect();
        chars[10] = if chars[10] == 'A' { 'B' } else { 'A' };
        let tampered: String = chars.into_iter().collect();
        assert_eq!(decode_return(&tampered), Err(CodeError::Checksum));
        assert!(decode_return(&code[..code.len() - 3]).is_err());
        assert_eq!(decode_return("hallo"), Err(CodeError::NotACode));
        assert_eq!(
            decode_return("geen code met spaties"),
            Err(CodeError::NotACode)
        );
        // A newer format is refused as such.
        let mut bytes = from_base64(&code).unwrap();
        bytes.truncate(bytes.len() - 4);
        bytes[0] = FORMAT + 1;
        assert_eq!(
            decode_return(&seal(bytes)),
            Err(CodeError::Newer(FORMAT + 1))
        );
        // Another version of a questionnaire.
        let mut bytes = from_base64(&code).unwrap();
        bytes.truncate(bytes.len() - 4);
        // format, kind, session (6), participant (4), pseudonym length,
        // exercise count, exercise code: then the version byte.
        let at = 1 + 1 + 6 + 4 + 1 + 1 + 1;
        bytes[at] = 99;
        assert_eq!(
            decode_return(&seal(bytes)),
            Err(CodeError::OtherVersion("hostmanship"))
        );
    }

    #[test]
    fn codes_are_found_in_chat_messages() {
        let a = "AbCdEfGhIjKlMnOpQr_-12";
        let b = "ZyXwVuTsRqPoNmLk9876";
        let text = format!(
            "Hier is mijn code: https://x.nl/app/#/r/{a}\nen van Piet:\n{b}.\nhttps://x.nl/app/#/r/{a} (nog eens)"
        );
        assert_eq!(find_codes(&text), vec![a.to_string(), b.to_string()]);
        assert!(find_codes("gewoon een zin zonder codes").is_empty());
    }
}
