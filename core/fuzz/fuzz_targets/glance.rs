//! Fuzzes what the first screen reads of stored records: the digest in
//! front of a record and the bookkeeping record. Garbage gives an error
//! (or the default bookkeeping), never a panic; a digest that reads back
//! belongs to the rest of the record, so when that rest decodes, the
//! digest is the decoded account's.
#![no_main]

use kbr_core::account::digest::Digest;
use kbr_core::storage::codec::{decode, Meta};
use kbr_core::storage::glance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Meta::read(text);
        if let Ok(g) = glance::read(text) {
            if let Ok(stored) = decode(text) {
                assert_eq!(g.rev, stored.rev);
                assert_eq!(g.digest.client.id, stored.account.client.id);
                let _ = Digest::of(&stored.account);
            }
        }
    }
});
