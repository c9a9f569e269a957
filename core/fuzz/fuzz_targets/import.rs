//! Fuzzes the backup import: any bytes must give Ok or a readable error,
//! never a panic; whatever is accepted must export and re-import unchanged.
#![no_main]

use kbr_core::storage::backup::{apply, export, parse, ImportMode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    if let Ok(backup) = parse(text, data.len() as u64) {
        // Workshop sessions travel in the backup beside the accounts.
        let sessions = backup.workshops.clone();
        let accounts = apply(&[], backup, ImportMode::Replace).put;
        let once = export(&accounts, &sessions, today);
        let again = parse(&once, once.len() as u64).expect("our own export must import");
        let sessions_again = again.workshops.clone();
        let accounts_again = apply(&[], again, ImportMode::Replace).put;
        assert_eq!(export(&accounts_again, &sessions_again, today), once);
    }
});
