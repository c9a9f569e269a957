//! A small, strict JSON reader for what the first screen reads from
//! storage: digests and the bookkeeping record.
//!
//! The first screen must not carry a general decoder (serde's generated
//! code for every stored type is most of what a whole-account read costs
//! in download size), so these records are read by a pull reader that
//! knows what it expects: integers, strings, `null`, booleans, arrays and
//! objects, nothing else (no fractions or exponents), nested at most
//! [`MAX_DEPTH`] deep. Anything else is an error, never a panic; the
//! caller then falls back to the full decoder, which says what is wrong.

/// How deep arrays and objects may nest (a hostile record cannot make
/// the reader recurse without end).
pub const MAX_DEPTH: usize = 8;

/// Not what the reader expected at this position (the caller decides what
/// that means; a digest that does not read is simply not used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unexpected;

/// A cursor over JSON text.
pub struct Reader<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.at
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.at).copied()
    }

    /// Reads the literal `token` (after white space).
    pub fn expect(&mut self, token: &str) -> Result<(), Unexpected> {
        self.skip_space();
        if self.text[self.at..].starts_with(token.as_bytes()) {
            self.at += token.len();
            Ok(())
        } else {
            Err(Unexpected)
        }
    }

    /// Reads `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.expect("null").is_ok()
    }

    /// Reads `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool, Unexpected> {
        if self.expect("true").is_ok() {
            Ok(true)
        } else {
            self.expect("false").map(|_| false)
        }
    }

    /// Reads an integer that fits an `i64`.
    pub fn int(&mut self) -> Result<i64, Unexpected> {
        self.skip_space();
        let negative = self.text.get(self.at) == Some(&b'-');
        self.at += usize::from(negative);
        let start = self.at;
        let mut value: i64 = 0;
        while let Some(&d @ b'0'..=b'9') = self.text.get(self.at) {
            let digit = i64::from(d - b'0');
            value = value
                .checked_mul(10)
                .and_then(|v| {
                    if negative {
                        v.checked_sub(digit)
                    } else {
                        v.checked_add(digit)
                    }
                })
                .ok_or(Unexpected)?;
            self.at += 1;
        }
        let digits = self.at - start;
        // No empty number, no leading zero, no fraction or exponent.
        let leading_zero = digits > 1 && self.text[start] == b'0';
        if digits == 0 || leading_zero || matches!(self.text.get(self.at), Some(b'.' | b'e' | b'E'))
        {
            return Err(Unexpected);
        }
        Ok(value)
    }

    /// Reads an integer in the range of `T`.
    pub fn int_as<T: TryFrom<i64>>(&mut self) -> Result<T, Unexpected> {
        T::try_from(self.int()?).map_err(|_| Unexpected)
    }

    /// Reads a string, unescaping it.
    pub fn string(&mut self) -> Result<String, Unexpected> {
        self.expect("\"")?;
        let mut out = Vec::new();
        loop {
            let b = *self.text.get(self.at).ok_or(Unexpected)?;
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let e = *self.text.get(self.at).ok_or(Unexpected)?;
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return Err(Unexpected),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => return Err(Unexpected),
                _ => out.push(b),
            }
        }
        // The input is a `str`, so unescaped bytes are valid UTF-8 runs.
        String::from_utf8(out).map_err(|_| Unexpected)
    }

    fn hex4(&mut self) -> Result<u32, Unexpected> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(Unexpected)?;
        self.at += 4;
        digits.iter().try_fold(0u32, |n, &d| {
            let v = (d as char).to_digit(16).ok_or(Unexpected)?;
            Ok(n * 16 + v)
        })
    }

    /// The character of a `\u` escape (a surrogate pair is two escapes).
    fn escaped_char(&mut self) -> Result<char, Unexpected> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                return Err(Unexpected);
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(Unexpected);
            }
            0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or(Unexpected)
    }

    fn open(&mut self, bracket: &str) -> Result<(), Unexpected> {
        if self.depth >= MAX_DEPTH {
            return Err(Unexpected);
        }
        self.expect(bracket)?;
        self.depth += 1;
        Ok(())
    }

    /// Reads `[`.
    pub fn array(&mut self) -> Result<(), Unexpected> {
        self.open("[")
    }

    /// Reads `{`.
    pub fn object(&mut self) -> Result<(), Unexpected> {
        self.open("{")
    }

    /// Whether another element of the array (or member of the object)
    /// follows, reading the separator before it; `false` after reading the
    /// closing bracket. `first`: no element was read yet.
    pub fn more(&mut self, first: bool) -> Result<bool, Unexpected> {
        match self.peek() {
            Some(b']' | b'}') => {
                self.at += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.at += 1;
                Ok(true)
            }
            Some(_) if first => Ok(true),
            _ => Err(Unexpected),
        }
    }

    /// Reads an object member's name and the colon after it.
    pub fn key(&mut self) -> Result<String, Unexpected> {
        let k = self.string()?;
        self.expect(":")?;
        Ok(k)
    }

    /// Reads and drops any one value.
    pub fn skip(&mut self) -> Result<(), Unexpected> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'[') => {
                self.array()?;
                let mut first = true;
                while self.more(first)? {
                    self.skip()?;
                    first = false;
                }
                Ok(())
            }
            Some(b'{') => {
                self.object()?;
                let mut first = true;
                while self.more(first)? {
                    self.key()?;
                    self.skip()?;
                    first = false;
                }
                Ok(())
            }
            Some(b't' | b'f') => self.boolean().map(drop),
            Some(b'n') => self.expect("null"),
            _ => self.int().map(drop),
        }
    }

    /// Reads an array whose elements `item` reads one at a time.
    pub fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Unexpected>,
    ) -> Result<Vec<T>, Unexpected> {
        self.array()?;
        let mut out = Vec::new();
        let mut first = true;
        while self.more(first)? {
            out.push(item(self)?);
            first = false;
        }
        Ok(out)
    }

    /// Only white space is left.
    pub fn end(&mut self) -> Result<(), Unexpected> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Unexpected),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(text: &str) -> Result<Vec<String>, Unexpected> {
        let mut r = Reader::new(text);
        let out = r.list(Reader::string)?;
        r.end()?;
        Ok(out)
    }

    #[test]
    fn reads_what_serde_json_writes() {
        let cases = [
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\u{1}control",
            "Ærø, ĳs, 🦀 and \u{2028}",
            "",
        ];
        let text = serde_json::to_string(&cases).unwrap();
        assert_eq!(strings(&text).unwrap(), cases);
        let mut r = Reader::new("[0,-12,9223372036854775807,-9223372036854775808]");
        assert_eq!(r.list(Reader::int).unwrap(), [0, -12, i64::MAX, i64::MIN]);
    }

    #[test]
    fn refuses_what_is_not_strict_json_or_too_deep() {
        for bad in [
            "[1.5]",
            "[1e3]",
            "[01]",
            "[-]",
            "[9223372036854775808]",
            "[\"a]",
            "[\"\\x\"]",
            "[\"\\ud800\"]",
            "[\"\\udc00\\ud800\"]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[\"a\u{1}\"]",
        ] {
            let mut r = Reader::new(bad);
            assert!(
                r.list(Reader::int).is_err() || strings(bad).is_err(),
                "{bad}"
            );
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(Reader::new(&deep).skip(), Err(Unexpected));
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert_eq!(Reader::new(&fine).skip(), Ok(()));
    }

    #[test]
    fn objects_and_skipping() {
        let mut r = Reader::new(r#" { "a" : [1, {"b": null}], "c": true, "d": "x" } "#);
        r.object().unwrap();
        let mut keys = Vec::new();
        let mut first = true;
        while r.more(first).unwrap() {
            let k = r.key().unwrap();
            if k == "c" {
                assert!(r.boolean().unwrap());
            } else {
                r.skip().unwrap();
            }
            keys.push(k);
            first = false;
        }
        r.end().unwrap();
        assert_eq!(keys, ["a", "c", "d"]);
    }
}
