//! One sort for every list of records.
//!
//! Each `sort_by_key` call with its own closure is a separate copy of the
//! standard library's sort in the wasm (about 2 KB each, dozens of them).
//! [`sort_by_key`] sorts plain number keys with one shared copy and then
//! moves the records into that order; the result is the same as a stable
//! sort by the key. [`sort_by`] and [`sort_by_cached_key`] do the same for
//! any comparison (names, dates with names): they sort positions through
//! one comparison behind a `dyn`, so every caller shares one copy too.

use chrono::{Datelike, NaiveDate};
use std::cmp::Ordering;

/// A date as a sort key.
pub fn day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// Sorts `items` by `key` (first number, then second), keeping the order
/// of equal keys.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (i64, u64)) {
    if items.len() < 2 {
        return;
    }
    let mut keys: Vec<(i64, u64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (a, b) = key(t);
            (a, b, i as u32)
        })
        .collect();
    // The index as the last element makes the unstable sort stable.
    keys.sort_unstable();
    if keys.iter().enumerate().all(|(i, k)| k.2 as usize == i) {
        return;
    }
    place(items, keys.iter().map(|k| k.2));
}

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    place(items, order);
}

/// Sorts `items` stably by `key`, computing each key once (like
/// `slice::sort_by_cached_key`): for keys that cost an allocation, such as
/// a folded name.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &|a, b| keys[a as usize].cmp(&keys[b as usize]));
    place(items, order);
}

/// The one sort behind [`sort_by`] and [`sort_by_cached_key`]: positions
/// `0..n` ordered by `compare`, equal ones kept in place.
fn sorted_positions(n: usize, compare: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..n as u32).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// A number that changes whenever `item` does: the key of a row in a
/// list that is redrawn when its content changes (a `<For>` key), cheaper
/// than formatting the row as text.
pub fn fingerprint<T: std::hash::Hash>(item: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    item.hash(&mut hasher);
    hasher.finish()
}

/// Moves `items` into the order of `positions` (each index once).
fn place<T>(items: &mut Vec<T>, positions: impl IntoIterator<Item = u32>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        positions
            .into_iter()
            .filter_map(|i| slots[i as usize].take()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_both_keys() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| (x.0, 0));
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by_key(&mut v, |x| (0, x.1 as u64));
        assert_eq!(v.iter().map(|x| x.1).collect::<String>(), "abcde");
        let mut one = vec![7];
        sort_by_key(&mut one, |x| (*x, 0));
        assert_eq!(one, vec![7]);
    }

    #[test]
    fn a_fingerprint_follows_the_content() {
        let a = ("Van Dalen", 3u32);
        assert_eq!(fingerprint(&a), fingerprint(&("Van Dalen", 3u32)));
        assert_ne!(fingerprint(&a), fingerprint(&("Van Dalen", 4u32)));
        assert_ne!(fingerprint(&a), fingerprint(&("Van Dalem", 3u32)));
    }

    proptest::proptest! {
        #[test]
        fn sorts_like_the_standard_library(v in proptest::collection::vec((0u8..5, "[a-cA-C]{0,3}"), 0..40)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(&ours, &std);
            let mut ours = v.clone();
            sort_by_cached_key(&mut ours, |x| x.1.to_lowercase());
            let mut std = v;
            std.sort_by_cached_key(|x| x.1.to_lowercase());
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
