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
//! Each prefix posting also carries the unit's word count (capped at 255)
//! and its 128-bit token sketch ([`Sketch`]), read in sequence with the
//! list, so that most units that share too few tokens are dropped without
//! fetching their keys from memory.
//!
//! Position filter: when the query's token at position `i` meets a unit's at
//! position `j`, every shared token before them in the order has been
//! counted already (`c`), and at most `min(n − i, m − j)` can follow, so a
//! unit with `c + min(n − i, m − j) < α` is dropped.

use super::index::{Index, EPS};
use super::sketch::{Sketch, DEDICATED, REPEATS};

/// The lowest threshold (as a fraction) the prefix index serves; below it
/// the full posting lists are used.
pub const FLOOR: f64 = 0.5;

/// The rarity rank of key `k`: rarer keys come first.
pub(super) fn rank(index: &Index, k: u32) -> (usize, u32) {
    (index.df(k), k)
}

/// Units sampled to find the most common tokens: enough for their order,
/// few enough that opening a million-unit index barely notices.
const SAMPLE: usize = 65_536;

/// The sketch of `index`: its most common tokens, counted on an even
/// sample of its units, get the dedicated bits.
pub fn sketch_of(index: &Index) -> Sketch {
    let keys = index.vocab.len();
    // A token (k, r) is at most as common as key k, so only the most
    // common keys need their repeats counted.
    let mut by_df: Vec<u32> = (0..keys as u32).collect();
    by_df.sort_by_key(|&k| std::cmp::Reverse(rank(index, k)));
    by_df.truncate(DEDICATED);
    let mut slot = vec![u8::MAX; keys];
    for (i, &k) in by_df.iter().enumerate() {
        slot[k as usize] = i as u8;
    }
    let mut counts = vec![[0u32; REPEATS]; by_df.len()];
    let step = (index.units() / SAMPLE).max(1);
    let mut seen: Vec<u32> = Vec::new();
    for u in (0..index.units() as u32).step_by(step) {
        seen.clear();
        for &k in index.keys_of(u) {
            let s = slot[k as usize];
            if s == u8::MAX {
                continue;
            }
            let r = seen.iter().filter(|&&x| x == k).count();
            seen.push(k);
            if r < REPEATS {
                counts[usize::from(s)][r] += 1;
            }
        }
    }
    let mut tokens: Vec<(u32, u32, usize)> = Vec::new();
    for (i, c) in counts.iter().enumerate() {
        for (r, &n) in c.iter().enumerate().filter(|(_, &n)| n > 0) {
            tokens.push((n, by_df[i], r));
        }
    }
    // Most common first; ties by key and repeat, so the same index always
    // gets the same sketch.
    tokens.sort_by_key(|&(n, k, r)| (std::cmp::Reverse(n), k, r));
    Sketch::new(keys, tokens.iter().map(|&(_, k, r)| (k, r)))
}

/// Builds the prefix postings of `index` from its full postings: one pass
/// to count each list, one to fill them (no list of lists: at a million
/// units that would double the memory the build needs); then chooses its
/// sketch and sketches every unit.
pub fn build(index: &mut Index) {
    let units = index.units();
    let mut order: Vec<u32> = (0..units as u32).collect();
    order.sort_by_key(|&u| (index.len_of(u), u));
    let mut start = vec![0u32; index.vocab.len() + 1];
    let mut keys = Vec::new();
    for pass in 0..2 {
        if pass == 1 {
            for k in 0..index.vocab.len() {
                start[k + 1] += start[k];
            }
            let total = *start.last().unwrap_or(&0) as usize;
            index.pre_off = start.clone();
            index.pre = vec![0; total];
            index.pre_pos = vec![0; total];
        }
        for &u in &order {
            keys.clear();
            keys.extend_from_slice(index.keys_of(u));
            keys.sort_by_key(|&k| rank(index, k));
            let m = keys.len();
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
                    start[k as usize] += 1;
                }
            }
        }
    }
    index.sketch = sketch_of(index);
    index.sig = (0..units as u32)
        .map(|u| index.sketch.of_unit(index.keys_of(u)))
        .collect();
    fill_postings(index);
}

/// Copies each prefix posting's unit's sketch and word count next to it
/// ([`Index::pre_sig`], [`Index::pre_len`]), so that a search reads them
/// in sequence with the list. Not stored: each is only its unit's
/// repeated, and the sketches would be a sixth of a million-unit index's
/// bytes; on two threads, mostly waiting on memory (the units come in the
/// lists' order).
pub fn fill_postings(index: &mut Index) {
    let lens: Vec<u8> = (0..index.units() as u32)
        .map(|u| index.len_of(u).min(255) as u8)
        .collect();
    let mut pre_sig = vec![0u128; index.pre.len()];
    let mut pre_len = vec![0u8; index.pre.len()];
    let half = index.pre.len() / 2;
    let (a, b) = pre_sig.split_at_mut(half);
    let (la, lb) = pre_len.split_at_mut(half);
    let (pa, pb) = index.pre.split_at(half);
    std::thread::scope(|s| {
        let (sigs, lens) = (&index.sig, &lens);
        s.spawn(move || gather(pb, sigs, lens, b, lb));
        gather(pa, sigs, lens, a, la);
    });
    index.pre_sig = pre_sig;
    index.pre_len = pre_len;
}

/// Copies each posting's unit's sketch and word count into `sig`, `len`.
fn gather(posted: &[u32], sigs: &[u128], lens: &[u8], sig: &mut [u128], len: &mut [u8]) {
    for ((&u, s), l) in posted.iter().zip(sig).zip(len) {
        *s = sigs[u as usize];
        *l = lens[u as usize];
    }
}
