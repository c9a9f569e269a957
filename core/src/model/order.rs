//! One sort for every list of records.
//!
//! Each `sort_by_key` call with its own closure is a separate copy of the
//! standard library's sort in the wasm (about 2 KB each, dozens of them).
//! [`sort_by_key`] sorts plain number keys with one shared copy and then
//! moves the records into that order; the result is the same as a stable
//! sort by the key.

use chrono::{Datelike, NaiveDate};

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
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keys.iter().filter_map(|k| slots[k.2 as usize].take()));
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
}
