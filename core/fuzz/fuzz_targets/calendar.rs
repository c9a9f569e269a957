//! Fuzzes the calendar import: any bytes give a preview or a readable
//! error, never a panic, and a preview can always be turned into moments
//! that the account accepts.
#![no_main]

use kbr_core::calendar::import::{import_command, parse, preview, PreviewRow};
use kbr_core::command::apply;
use kbr_core::i18n::Lang;
use kbr_core::model::{Account, Client, ClientId, MomentId};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    match parse(text, today, 60) {
        Ok(parsed) => {
            let mut account = Account::new(Client::new(ClientId::new_unchecked("c-fuzz"), "Fuzz"));
            let rows = preview(&parsed, &account);
            let chosen: Vec<&PreviewRow> = rows.iter().collect();
            let mut n = 0;
            if let Some(cmd) = import_command(&chosen, Lang::Nl, || {
                n += 1;
                MomentId(n)
            }) {
                apply(&mut account, cmd, today).expect("an imported preview applies");
            }
        }
        Err(e) => {
            assert!(!e.message(Lang::Nl).is_empty());
        }
    }
});
