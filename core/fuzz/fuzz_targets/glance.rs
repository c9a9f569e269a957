//! Fuzzes what the first screen reads of stored records: the digest in
//! front of a record and the bookkeeping record. Garbage gives an error
//! (or the default bookkeeping), never a panic. Each input is also read
//! with its checksum made right, so the reader behind the checksum is
//! reached too. (A record crafted with a right checksum and a digest that
//! disagrees with the rest is shown by its digest and set aside when the
//! rest is first decoded: no assertion here ties the two.)
#![no_main]

use kbr_core::storage::codec::Meta;
use kbr_core::storage::glance;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Meta::read(text);
        let _ = glance::read(text);
        if let Some(sealed) = glance::seal(text) {
            if let Ok(g) = glance::read(&sealed) {
                // What reads back writes back the same way.
                let again = glance::prepend(&g.digest, "{}", g.schema, g.rev, &g.writer, &g.parent);
                let _ = glance::read(&again).expect("our own writing reads back");
            }
        }
    }
});
