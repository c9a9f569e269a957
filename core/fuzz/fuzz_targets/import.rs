//! Fuzzes the backup import: any bytes must give Ok or a readable error,
//! never a panic; whatever is accepted must export and re-import unchanged.
#![no_main]

use kbr_core::storage::backup::{apply, export, parse, ImportMode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    if let Ok(backup) = parse(text, data.len() as u64) {
        let accounts = apply(&[], backup, ImportMode::Replace).put;
        let once = export(&accounts, today);
        let again = parse(&once, once.len() as u64).expect("our own export must import");
        assert_eq!(export(&apply(&[], again, ImportMode::Replace).put, today), once);
    }
});
