//! Interned names: category ids and people are a handful of distinct strings
//! repeated on every entry. Holding them as a small index keeps an entry
//! compact and lets the per-entry computations (breakdowns, open repairs)
//! hash a number instead of chasing a heap string per entry, which is what
//! made 100k entries memory-bound.
//!
//! The table is process-wide and only grows; a name's text lives as long as
//! the program. That is bounded by what users type and import.

use std::sync::{Mutex, OnceLock};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

#[derive(Default)]
struct Table {
    index: FxHashMap<&'static str, u32>,
    texts: Vec<&'static str>,
}

fn table() -> &'static Mutex<Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new(Table::default()))
}

/// An interned string. Equal texts always have equal names, so equality and
/// hashing compare one number; ordering compares the texts.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name(u32);

impl Name {
    /// The name of `text`, adding it to the table when new.
    pub fn new(text: &str) -> Name {
        // A poisoned lock only means another thread panicked mid-insert; the
        // table is still consistent (insert is the last step), so go on.
        let mut t = table().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&i) = t.index.get(text) {
            return Name(i);
        }
        let stored: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let i = t.texts.len() as u32;
        t.texts.push(stored);
        t.index.insert(stored, i);
        Name(i)
    }

    /// Its position in the table: small and dense, so computations can
    /// index an array by name instead of hashing.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The text.
    pub fn as_str(self) -> &'static str {
        let t = table().lock().unwrap_or_else(|e| e.into_inner());
        t.texts.get(self.0 as usize).copied().unwrap_or("")
    }
}

impl Default for Name {
    fn default() -> Self {
        Name::new("")
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.0 == other.0 {
            std::cmp::Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
        }
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Name::new(s)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Self {
        Name::new(&s)
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Self {
        Name::new(s)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Name::new(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_equal_names_and_order_by_text() {
        let a = Name::new("projectmanager");
        let b = Name::from(String::from("projectmanager"));
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "projectmanager");
        let z = Name::new("aaa-first");
        assert!(z < a, "ordered by text, not by insertion");
        assert_eq!(Name::default().as_str(), "");
        assert!(Name::default().is_empty());
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"projectmanager\"");
        let back: Name = serde_json::from_str("\"proj\\u00e9ct\"").unwrap();
        assert_eq!(back, "projéct");
    }
}
