//! Fuzzes the storage decoder: garbage gives an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(stored) = kbr_core::codec::decode(text) {
            let again = kbr_core::codec::decode(&kbr_core::codec::encode(&stored.account, stored.rev))
                .expect("our own encoding must decode");
            assert_eq!(again.account, stored.account);
        }
    }
});
