//! Revision ids and the winning revision.
//!
//! A revision id is `<generation>-<hash>`: the generation counts the edits
//! since the document was made, the hash names this version. Here the hash
//! is computed from the parent revision, the deletion flag and the
//! canonical body, so two devices that make the same edit to the same
//! version (two devices resolving the same conflict) write the same id and
//! CouchDB sees one revision, not a new conflict.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::canon::{canonical, hash_hex};

/// One revision id. Ordered the way CouchDB picks a winner among equals:
/// by generation, then by the hash text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    generation: u64,
    hash: String,
}

impl Rev {
    /// The revision in `text` (`3-a1b2…`), when it is one: a generation
    /// from 1 and a hash of ASCII letters and digits, at most 64 long.
    pub fn parse(text: &str) -> Option<Rev> {
        let (generation, hash) = text.split_once('-')?;
        let generation: u64 = generation.parse().ok()?;
        let ok = generation >= 1
            && !hash.is_empty()
            && hash.len() <= 64
            && hash.bytes().all(|b| b.is_ascii_alphanumeric());
        ok.then(|| Rev {
            generation,
            hash: hash.to_string(),
        })
    }

    /// The number of edits since the document was made (1 for the first).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The hash part.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The id of the revision that follows `parent` (none: a new document)
    /// with `body`, or a deletion.
    pub fn next(parent: Option<&Rev>, deleted: bool, body: &Value) -> Rev {
        let parent_text = parent.map(Rev::to_string).unwrap_or_default();
        let input = format!(
            "{parent_text}\n{}\n{}",
            if deleted { "deleted" } else { "live" },
            canonical(body)
        );
        Rev {
            generation: parent.map_or(1, |p| p.generation + 1),
            hash: hash_hex(input.as_bytes()),
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.generation, self.hash)
    }
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rev, D::Error> {
        let text = String::deserialize(d)?;
        Rev::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a revision id: {text:?}")))
    }
}

/// True when the leaf (`rev`, `deleted`) wins over (`other`, `other_deleted`)
/// by CouchDB's rule: a live leaf beats a deleted one, then the higher
/// generation, then the higher hash. Every device agrees.
pub fn wins(rev: &Rev, deleted: bool, other: &Rev, other_deleted: bool) -> bool {
    (!deleted, rev) > (!other_deleted, other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_parse_and_print_back() {
        let r = Rev::parse("12-abc123").unwrap();
        assert_eq!(r.generation(), 12);
        assert_eq!(r.to_string(), "12-abc123");
        for bad in ["", "0-abc", "1-", "x-abc", "1-ab c", "-1-abc", "1"] {
            assert_eq!(Rev::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_same_edit_gives_the_same_id_and_any_difference_another() {
        let first = Rev::next(None, false, &json!({"a": 1, "b": 2}));
        assert_eq!(first.generation(), 1);
        assert_eq!(first, Rev::next(None, false, &json!({"b": 2, "a": 1})));
        let second = Rev::next(Some(&first), false, &json!({"a": 2}));
        assert_eq!(second.generation(), 2);
        assert_ne!(second, Rev::next(Some(&first), false, &json!({"a": 3})));
        assert_ne!(second, Rev::next(Some(&first), true, &json!({"a": 2})));
        let other_parent = Rev::parse("1-ffff").unwrap();
        assert_ne!(
            second,
            Rev::next(Some(&other_parent), false, &json!({"a": 2}))
        );
    }

    #[test]
    fn live_beats_deleted_then_generation_then_hash() {
        let (a, b) = (Rev::parse("2-aaa").unwrap(), Rev::parse("3-aaa").unwrap());
        assert!(wins(&b, false, &a, false));
        assert!(wins(&a, false, &b, true));
        let (x, y) = (Rev::parse("2-b").unwrap(), Rev::parse("2-a").unwrap());
        assert!(wins(&x, false, &y, false));
        assert!(!wins(&y, false, &x, false));
    }
}
