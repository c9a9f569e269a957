//! What the scanner says: how many answered (against how many are
//! expected, if the trainer says), and the outcome of the last code read.

use kbr_core::i18n::{tf, Key};
use kbr_core::model::RoundId;
use leptos::prelude::*;

use crate::state::{ui::use_ui, workshops::use_workshops};

/// The outcome of the last code read: accepted or not, its sentence, and a
/// running number so the same sentence twice still shows as new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    /// Added or replaced (true), or refused.
    pub ok: bool,
    /// The sentence, as for a pasted code.
    pub line: String,
    /// How many confirmations so far.
    pub n: u32,
}

impl Confirmation {
    /// The confirmation after `last`.
    pub fn next(last: Option<&Confirmation>, ok: bool, line: String) -> Confirmation {
        Confirmation {
            ok,
            line,
            n: last.map_or(0, |l| l.n) + 1,
        }
    }
}

/// The count, the expected number and the last confirmation.
#[component]
pub fn ScanStatus(
    /// The session.
    id: RoundId,
    /// The last confirmation.
    last: RwSignal<Option<Confirmation>>,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let expected = RwSignal::new(String::new());
    let count = move || {
        let lang = ui.lang.get();
        let n = workshops
            .with(id, |s| s.participants.len())
            .unwrap_or(0)
            .to_string();
        match expected.get().trim().parse::<u32>() {
            Ok(of) if of > 0 => tf(
                lang,
                Key::ScanCountOf,
                &[("n", &n), ("of", &of.to_string())],
            ),
            _ => tf(lang, Key::CollectCount, &[("n", &n)]),
        }
    };
    view! {
        <p class="scanner-count" aria-live="polite" data-testid="scan-count">
            {count}
        </p>
        {move || {
            last.get()
                .map(|c| {
                    view! {
                        <p
                            class="scanner-last"
                            class:ok=c.ok
                            class:refused=!c.ok
                            role="status"
                            data-testid="scan-last"
                            data-n=c.n
                        >
                            {c.line}
                        </p>
                    }
                })
        }}
        <label class="field inline">
            <span>{ui.tr(Key::ScanExpected)}</span>
            <input
                type="number"
                min="1"
                max="200"
                inputmode="numeric"
                data-testid="scan-expected"
                prop:value=move || expected.get()
                on:input=move |ev| expected.set(event_target_value(&ev))
            />
        </label>
    }
}
