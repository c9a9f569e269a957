//! Identities. A client id is text safe in URLs and storage keys; entries,
//! moments, assessments and stock-takes have numeric ids that no two tabs
//! can hand out at once (see [`IdSource`]), so a merge of two tabs' work
//! can match records by id.

use serde::{Deserialize, Serialize};

/// Stable id of a client relationship (`c-` + base36), safe in URLs and keys.
///
/// The one rule for what a client id may look like lives in
/// [`ClientId::parse`]; routes, imports and storage keys all go through it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClientId(String);

impl ClientId {
    /// Longest id accepted.
    pub const MAX_LEN: usize = 64;

    /// Makes an id from random bits supplied by the caller (the browser's
    /// crypto or a seeded generator in tests), so the core stays pure.
    pub fn from_random(bits: u64) -> ClientId {
        ClientId(format!("c-{}", base36(bits)))
    }

    /// The id in `text`, when it is one we could have made: ASCII letters,
    /// digits, `-` and `_`, 1 to 64 long. Anything else (from a URL, a
    /// storage key or an import) is refused.
    pub fn parse(text: &str) -> Option<ClientId> {
        let ok = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| ClientId(text.to_string()))
    }

    /// An id taken as it is, for values that were checked already (a
    /// deserialised record is checked by the account validation).
    pub fn new_unchecked(text: impl Into<String>) -> ClientId {
        ClientId(text.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for ids [`ClientId::parse`] accepts.
    pub fn is_well_formed(&self) -> bool {
        ClientId::parse(&self.0).is_some()
    }
}

impl std::fmt::Display for ClientId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lower-case base 36 digits of `n`.
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

macro_rules! numeric_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);
    };
}

numeric_id!(
    /// Id of an entry, unique within its account.
    EntryId
);
numeric_id!(
    /// Id of an interaction moment, unique within its account.
    MomentId
);
numeric_id!(
    /// Id of a stored assessment, unique within its account.
    ResponseId
);
numeric_id!(
    /// Id of a stock-take, unique within its account.
    StockTakeId
);

numeric_id!(
    /// Id of a followed-up late payment or dispute, unique within its account.
    DisputeId
);
numeric_id!(
    /// Id of a client-invite round or a workshop session: 48 random bits,
    /// because it travels in invite and return codes and must find its
    /// round among every client's without a server handing out numbers.
    RoundId
);

impl RoundId {
    /// The largest id a code can carry.
    pub const MAX: u64 = (1 << 48) - 1;

    /// An id from random bits supplied by the caller (never 0).
    pub fn from_random(bits: u64) -> RoundId {
        RoundId((bits & RoundId::MAX).max(1))
    }

    /// Short text for file names and keys (base 36).
    pub fn slug(self) -> String {
        base36(self.0)
    }

    /// Reads [`RoundId::slug`] back.
    pub fn parse(text: &str) -> Option<RoundId> {
        let n = u64::from_str_radix(text, 36).ok()?;
        (n > 0 && n <= RoundId::MAX && base36(n) == text).then_some(RoundId(n))
    }
}

/// Hands out record ids that no other tab hands out: a random replica
/// number (1 … 2²¹−1, chosen once per tab) in the bits above 32 and a
/// counter below. Ids stay below 2⁵³, so they survive JSON in any reader.
/// Ids written before (1, 2, 3 …) are replica 0 and never collide with new
/// ones. Two tabs pick the same replica with a chance of one in two
/// million; even then a merge sees two different records with one id and
/// asks instead of dropping one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdSource {
    replica: u64,
    next: u64,
}

impl IdSource {
    /// Replica numbers fit in this many bits.
    const REPLICA_BITS: u32 = 21;

    /// A source for one tab, from random bits supplied by the caller.
    pub fn new(random: u64) -> IdSource {
        let span = (1u64 << Self::REPLICA_BITS) - 1;
        IdSource {
            replica: random % span + 1,
            next: 1,
        }
    }

    /// The next id.
    pub fn next_id(&mut self) -> u64 {
        let id = (self.replica << 32) | (self.next & 0xFFFF_FFFF);
        self.next += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_ids_are_url_safe() {
        for bits in [0, 1, 35, 36, u64::MAX] {
            let id = ClientId::from_random(bits);
            assert!(id.is_well_formed(), "{id}");
        }
        assert_eq!(ClientId::from_random(0).as_str(), "c-0");
        assert_eq!(ClientId::from_random(36).as_str(), "c-10");
        for bad in ["a b", "", "<script>", &"x".repeat(65), "c/1"] {
            assert_eq!(ClientId::parse(bad), None, "{bad:?}");
        }
        assert_eq!(ClientId::parse("c-1_x").unwrap().as_str(), "c-1_x");
    }

    #[test]
    fn id_sources_never_collide_with_old_ids_and_stay_below_2_pow_53() {
        for random in [0, 1, u64::MAX, 12345] {
            let mut s = IdSource::new(random);
            let a = s.next_id();
            let b = s.next_id();
            assert!(a < (1 << 53) && b < (1 << 53));
            assert!(a >= 1 << 32, "replica is never 0");
            assert_eq!(b, a + 1);
        }
        let mut one = IdSource::new(7);
        let mut two = IdSource::new(8);
        assert_ne!(one.next_id(), two.next_id());
    }
}
