//! The prefix index (after PPJoin, Xiao et al. 2008): for thresholds of at
//! least [`FLOOR`], each unit is listed only under its rarest keys, and a
//! position filter drops units before they are checked.
//!
//! Order all keys by rarity (posting list length, then id); count a key that
//! occurs twice as two tokens. If a query of `n` words and a unit of `m`
//! words share at least `α` tokens, their first shared token in that order
//! lies within the first `n − α + 1` tokens of the query and within the first
//! `m − α + 1` of the unit. A match at threshold `t` shares
//! `α ≥ ⌈t·max(n, m)⌉ ≥ ⌈FLOOR·m⌉` tokens, so listing each unit under its
//! first `m − ⌈FLOOR·m⌉ + 1` tokens and probing the query's first
//! `n − ⌈t·n⌉ + 1` loses nothing.
//!
//! Each prefix posting also carries the unit's 128-bit key signature, read
//! in sequence with the list, so most units that share too few keys are
//! dropped without fetching their keys from memory.
//!
//! Position filter: when the query's token at position `i` meets a unit's at
//! position `j`, every shared token before them in the order has been
//! counted already (`c`), and at most `min(n − i, m − j)` can follow, so a
//! unit with `c + min(n − i, m − j) < α` is dropped.

use super::index::{Index, EPS};

/// The lowest threshold (as a fraction) the prefix index serves; below it
/// the full posting lists are used.
pub const FLOOR: f64 = 0.5;

/// The rarity rank of key `k`: rarer keys come first.
pub(super) fn rank(index: &Index, k: u32) -> (usize, u32) {
    (index.df(k), k)
}

/// The bit of key `k` in a unit's signature.
pub(super) fn key_bit(k: u32) -> u32 {
    k.wrapping_mul(0x9E37_79B1) >> 25
}

/// A unit's signature: one bit per key (by [`key_bit`]). A key the unit has
/// always has its bit set, so the query keys whose bits are set bound the
/// keys shared from above, without reading the unit's keys.
pub fn signature(keys: &[u32]) -> u128 {
    keys.iter().fold(0, |s, &k| s | 1 << key_bit(k))
}

/// Builds the prefix postings of `index` from its full postings: one pass
/// to count each list, one to fill them (no list of lists: at a million
/// units that would double the memory the build needs).
pub fn build(index: &mut Index) {
    let units = index.units();
    let mut order: Vec<u32> = (0..units as u32).collect();
    order.sort_by_key(|&u| (index.len_of(u), u));
    let mut start = vec![0u32; index.vocab.len() + 1];
    let mut keys: Vec<u32> = Vec::new();
    for pass in 0..2 {
        if pass == 1 {
            for k in 0..index.vocab.len() {
                start[k + 1] += start[k];
            }
            let total = *start.last().unwrap_or(&0) as usize;
            index.pre_off = start.clone();
            index.pre = vec![0; total];
            index.pre_pos = vec![0; total];
            index.pre_sig = vec![0; total];
        }
        for &u in &order {
            keys.clear();
            keys.extend_from_slice(index.keys_of(u));
            keys.sort_by_key(|&k| rank(index, k));
            let m = keys.len();
            let sig = signature(&keys);
            let prefix = m - (FLOOR * m as f64 - EPS).ceil() as usize + usize::from(m > 0);
            for (j, &k) in keys.iter().enumerate().take(prefix) {
                // A key met again (its second token) is already listed.
                if j > 0 && keys[j - 1] == k {
                    continue;
                }
                if pass == 0 {
                    start[k as usize + 1] += 1;
                } else {
                    let at = start[k as usize] as usize;
                    index.pre[at] = u;
                    index.pre_pos[at] = (m - j).min(255) as u8;
                    index.pre_sig[at] = sig;
                    start[k as usize] += 1;
                }
            }
        }
    }
}

/// Fills the signatures of `index`'s prefix postings from its units' keys:
/// what [`build`] stores, computed again for an index read back from a
/// file, which leaves them out (they are a sixth of a million-unit
/// index's bytes, and each is only its unit's signature repeated).
pub fn fill_signatures(index: &mut Index) {
    let units = index.units() as u32;
    // Two threads for each pass: at a million units this is a third of a
    // warm `tm suggest`, mostly waiting on memory (the second pass reads
    // the signatures in the lists' order, not the units').
    let half = units / 2;
    let sigs: Vec<u128> = std::thread::scope(|s| {
        let ix = &*index;
        let later = s.spawn(move || {
            (half..units)
                .map(|u| signature(ix.keys_of(u)))
                .collect::<Vec<_>>()
        });
        let mut sigs: Vec<u128> = (0..half).map(|u| signature(ix.keys_of(u))).collect();
        sigs.extend(later.join().expect("signature thread"));
        sigs
    });
    let mut pre_sig = vec![0u128; index.pre.len()];
    let (a, b) = pre_sig.split_at_mut(index.pre.len() / 2);
    let (pa, pb) = index.pre.split_at(index.pre.len() / 2);
    std::thread::scope(|s| {
        let sigs = &sigs;
        s.spawn(move || {
            b.iter_mut()
                .zip(pb)
                .for_each(|(x, &u)| *x = sigs[u as usize])
        });
        a.iter_mut()
            .zip(pa)
            .for_each(|(x, &u)| *x = sigs[u as usize]);
    });
    index.pre_sig = pre_sig;
}
