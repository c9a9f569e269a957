//! Axes of the app's charts: round values for the ticks of a scale, and
//! how many period labels fit side by side. Pure arithmetic, so the
//! chart components only draw what these return.

/// Round tick values covering `lo..=hi` (0 among them when it lies in the
/// range), at most about `max_ticks` of them, a step of 1, 2 or 5
/// times a power of ten: 0, 5, 10, 15 rather than 19, 15, 0, −12. The
/// first is at or below `lo` and the last at or above `hi`, so the ticks
/// also give the ends of the axis.
pub fn nice_ticks(lo: i64, hi: i64, max_ticks: usize) -> Vec<i64> {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let intervals = max_ticks.max(2) as i64 - 1;
    let step = nice_step(lo, hi, intervals);
    let first = lo.div_euclid(step) * step;
    let last = -((-hi).div_euclid(step) * step);
    (0..)
        .map(|k| first + k * step)
        .take_while(|v| *v <= last)
        .collect()
}

/// The smallest step of 1, 2 or 5 times a power of ten whose multiples
/// around `lo..=hi` take at most `intervals` steps.
fn nice_step(lo: i64, hi: i64, intervals: i64) -> i64 {
    let mut power = 1i64;
    loop {
        for m in [1, 2, 5] {
            let step = m * power;
            let needed = -((-hi).div_euclid(step)) - lo.div_euclid(step);
            if needed.max(1) <= intervals {
                return step;
            }
        }
        if power >= i64::MAX / 100 {
            return power * 10;
        }
        power *= 10;
    }
}

/// Every how-many-th of `count` labels to show so that labels of
/// `label_width` fit next to each other on `width` (both in the same
/// units, a gap included in `label_width`): 1 shows all.
pub fn label_step(count: usize, label_width: f64, width: f64) -> usize {
    if count <= 1 || label_width <= 0.0 {
        return 1;
    }
    let fit = (width / label_width).floor().max(1.0) as usize;
    count.div_ceil(fit).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ticks_are_round_and_include_zero() {
        assert_eq!(nice_ticks(-12, 19, 6), vec![-20, -10, 0, 10, 20]);
        assert_eq!(nice_ticks(-4, 29, 6), vec![-10, 0, 10, 20, 30]);
        assert_eq!(nice_ticks(0, 4, 6), vec![0, 1, 2, 3, 4]);
        assert_eq!(nice_ticks(-3, 3, 6), vec![-4, -2, 0, 2, 4]);
        assert_eq!(nice_ticks(-40, 350, 6), vec![-100, 0, 100, 200, 300, 400]);
    }

    #[test]
    fn labels_are_thinned_to_fit() {
        // Twelve months of 60 units on 600: every second one.
        assert_eq!(label_step(12, 60.0, 600.0), 2);
        assert_eq!(label_step(5, 60.0, 600.0), 1);
        assert_eq!(label_step(52, 60.0, 300.0), 11);
        assert_eq!(label_step(1, 60.0, 10.0), 1);
    }

    proptest! {
        #[test]
        fn ticks_cover_the_range_with_one_round_step(lo in -100_000i64..100_000, span in 0i64..200_000, n in 3usize..10) {
            let hi = lo + span;
            let t = nice_ticks(lo, hi, n);
            prop_assert!(t.len() >= 2 && t.len() <= n);
            prop_assert!(t[0] <= lo && *t.last().unwrap() >= hi);
            let step = t[1] - t[0];
            prop_assert!(t.windows(2).all(|w| w[1] - w[0] == step));
            prop_assert!(t.iter().all(|v| v % step == 0));
            if lo <= 0 && hi >= 0 {
                prop_assert!(t.contains(&0));
            }
            // The step is 1, 2 or 5 times a power of ten.
            let mut s = step;
            while s % 10 == 0 { s /= 10; }
            prop_assert!([1, 2, 5].contains(&s));
        }
    }
}
