//! What became of one pasted, dropped or scanned return code, in one
//! sentence: the same words however the code came in.

use kbr_core::i18n::{tf, Key, Lang};
use kbr_core::invite::workshop::Outcome;

/// One sentence per outcome.
pub fn outcome_line(o: &Outcome, lang: Lang) -> (bool, String) {
    match o {
        Outcome::Added(who) => (true, tf(lang, Key::CollectAdded, &[("who", who)])),
        Outcome::Replaced(who) => (true, tf(lang, Key::CollectReplaced, &[("who", who)])),
        Outcome::Duplicate(who) => (false, tf(lang, Key::CollectDuplicate, &[("who", who)])),
        Outcome::Refused(code, e) => (
            false,
            tf(
                lang,
                Key::CollectRefused,
                &[("code", code), ("reason", &e.message(lang))],
            ),
        ),
    }
}
