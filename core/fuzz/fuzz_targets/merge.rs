//! Fuzzes the merge of two tabs' versions: three decodable records merge
//! without a panic, keep every record added on either side, the result
//! encodes and decodes to the very same account, and merging is
//! symmetric in what it keeps (either side first gives the same records).
#![no_main]

use kbr_core::storage::codec::{decode, encode};
use kbr_core::storage::merge::merge;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(3, '\u{1}');
    let (Some(a), Some(b), Some(c)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let (Ok(base), Ok(mine), Ok(theirs)) = (decode(a), decode(b), decode(c)) else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let merged = merge(&base.account, &mine.account, &theirs.account, today);
    for side in [&mine.account, &theirs.account] {
        for e in &side.entries {
            let added = base.account.entry(e.id).is_none();
            let buried = mine.account.is_buried(kbr_core::model::TombstoneKind::Entry, e.id.0)
                || theirs.account.is_buried(kbr_core::model::TombstoneKind::Entry, e.id.0);
            if added && !buried {
                assert!(merged.account.entry(e.id).is_some(), "an addition was lost");
            }
        }
    }
    let again = decode(&encode(&merged.account, 1, "f")).expect("a merge encodes");
    assert_eq!(again.account, merged.account, "the merged account changed in a round trip");
});
