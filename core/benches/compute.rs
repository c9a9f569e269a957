//! Benchmark: everything a client page shows (saldi, running balance per
//! month, breakdowns, status, repairs, reminder), for 1k, 10k and 100k
//! entries, and reading its stored record back (what opening the app costs
//! per client). Prints time per run and per entry; asserts nothing.
//!
//! Run: `cargo bench -p kbr-core --bench compute`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use kbr_core::account::summary::{headline, summarize};
use kbr_core::demo::synthetic;
use kbr_core::storage::codec::{decode, encode};

fn measure(mut f: impl FnMut()) -> Duration {
    // Warm up, then take the best of several batches: the least disturbed
    // figure on a shared machine.
    f();
    let mut best = Duration::MAX;
    for _ in 0..7 {
        let start = Instant::now();
        let reps = 5;
        for _ in 0..reps {
            f();
        }
        best = best.min(start.elapsed() / reps);
    }
    best
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date");
    println!(
        "{:>8}  {:>14}  {:>12}  {:>14}  {:>14}",
        "entries", "summarize", "per entry", "headline only", "decode stored"
    );
    for n in [1_000usize, 10_000, 100_000] {
        let account = synthetic(n, 11, today);
        let full = measure(|| {
            black_box(summarize(black_box(&account), today));
        });
        let head = measure(|| {
            black_box(headline(black_box(&account), today));
        });
        let raw = encode(&account, 1, "");
        let read = measure(|| {
            black_box(decode(black_box(&raw)).is_ok());
        });
        println!(
            "{:>8}  {:>11.3} ms  {:>9.1} ns  {:>11.3} ms  {:>11.3} ms",
            n,
            full.as_secs_f64() * 1e3,
            full.as_nanos() as f64 / n as f64,
            head.as_secs_f64() * 1e3,
            read.as_secs_f64() * 1e3,
        );
    }
}
