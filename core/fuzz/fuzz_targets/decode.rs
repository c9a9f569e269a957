//! Fuzzes the storage decoder: garbage gives an error, never a panic; a
//! record that decodes encodes and decodes to the same account.
#![no_main]

use kbr_core::storage::codec::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(stored) = decode(text) {
            let again = decode(&encode(&stored.account, stored.rev, &stored.writer))
                .expect("our own encoding must decode");
            assert_eq!(again.account, stored.account);
        }
    }
});
