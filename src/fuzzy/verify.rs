//! Bounded edit distance on key sequences: the last, exact filter of the
//! index, cheap because it gives up as soon as the bound is exceeded.
//!
//! Comparing keys (stems, `#` for numbers) with unit costs gives a lower
//! bound of the score's word edit distance: a pair of words with the same key
//! costs the score 0 or ½, here 0; any other pair costs 1 in both. So a unit
//! rejected here cannot reach the threshold.

/// Reusable rows for [`within`].
#[derive(Debug, Default)]
pub struct Rows {
    prev: Vec<u32>,
    cur: Vec<u32>,
}

/// The edit distance between `a` and `b` if it is at most `k`, else `None`.
/// Only the diagonal band of width `k` is computed, and the computation stops
/// when a whole row exceeds `k`.
pub fn within(a: &[u32], b: &[u32], k: usize, rows: &mut Rows) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    const FAR: u32 = u32::MAX / 2;
    let k32 = k as u32;
    rows.prev.clear();
    rows.prev
        .extend((0..=m as u32).map(|j| if j <= k32 { j } else { FAR }));
    rows.cur.clear();
    rows.cur.resize(m + 1, FAR);
    for i in 1..=n {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        rows.cur[0] = if i <= k { i as u32 } else { FAR };
        if lo > 1 {
            rows.cur[lo - 1] = FAR;
        }
        let mut best = rows.cur[0];
        let ai = a[i - 1];
        for j in lo..=hi {
            let sub = rows.prev[j - 1] + u32::from(ai != b[j - 1]);
            let del = rows.prev[j].min(rows.cur[j - 1]) + 1;
            let v = sub.min(del);
            rows.cur[j] = v;
            best = best.min(v);
        }
        if hi < m {
            rows.cur[hi + 1] = FAR;
        }
        if best > k32 {
            return None;
        }
        std::mem::swap(&mut rows.prev, &mut rows.cur);
    }
    let d = rows.prev[m];
    (d <= k32).then_some(d as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain(a: &[u32], b: &[u32]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                cur[j] = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(prev[j] + 1)
                    .min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest! {
        #[test]
        fn agrees_with_the_full_table(
            a in proptest::collection::vec(0u32..4, 0..12),
            b in proptest::collection::vec(0u32..4, 0..12),
            k in 0usize..14,
        ) {
            let d = plain(&a, &b);
            let got = within(&a, &b, k, &mut Rows::default());
            prop_assert_eq!(got, (d <= k).then_some(d));
        }
    }
}
