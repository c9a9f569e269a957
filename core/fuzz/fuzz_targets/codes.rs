//! Fuzzes the invite and return codes: any text, and any body behind a
//! valid checksum, gives a result or an error, never a panic; a code that
//! decodes encodes back to one that decodes to the same value.
#![no_main]

use kbr_core::invite::code::{
    decode_invite, decode_return, encode_invite, encode_return, find_codes, seal,
};
use libfuzzer_sys::fuzz_target;

fn check(code: &str) {
    if let Ok(ret) = decode_return(code) {
        assert_eq!(decode_return(&encode_return(&ret)).as_ref(), Ok(&ret));
    }
    if let Ok(invite) = decode_invite(code) {
        assert_eq!(decode_invite(&encode_invite(&invite)).as_ref(), Ok(&invite));
    }
}

fuzz_target!(|data: &[u8]| {
    check(&seal(data.to_vec()));
    if let Ok(text) = std::str::from_utf8(data) {
        check(text);
        for code in find_codes(text) {
            check(&code);
        }
    }
});
