//! The index that finds, for a new sentence and a threshold, every stored
//! sentence that can score at or above the threshold, without comparing
//! against every unit.
//!
//! Each unit's source text is kept as a sequence of key ids (stems, `#` for
//! numbers); each key has a posting list of the units holding it, sorted by
//! word count. With `t = min/100`, `n` query words and `m` unit words,
//! `L = max(n, m)`, the score's edit distance `E` (see [`super::score`])
//! must satisfy `E ≤ (1 − t)·L`, so, losing nothing:
//!
//! - length filter: `|n − m| ≤ E` gives `t·n ≤ m ≤ n/t`;
//! - count filter: a word pair costs under 1 only when the keys are equal, so
//!   `E ≥ L − I` with `I` the shared keys (as multisets): `I ≥ t·L`;
//! - prefix filter: since `I ≥ t·n`, a unit shares a key with any
//!   `n − ⌈t·n⌉ + 1` query positions: probing the rarest such keys finds it;
//! - verification: the key edit distance (a lower bound of `E`) computed in
//!   a band of width `⌊(1 − t)·L⌋` that stops early.
//!
//! This module holds the index's layout and the arithmetic of the filters,
//! and depends on no other part of matching: [`super::build`] fills the
//! layout (with [`super::prefix`]'s postings), [`super::search`] walks it.

use super::sketch::Sketch;
use super::vocab::Vocab;

/// Slack for floating point in the filters, always in the direction of
/// keeping a candidate.
pub(super) const EPS: f64 = 1e-9;

/// The inverted index of one source language over all units of a memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Every key, sorted, with its id (its position).
    pub vocab: Vocab,
    /// Unit `u`'s key ids are `seq[seq_off[u]..seq_off[u + 1]]`, in order.
    pub seq_off: Vec<u32>,
    /// The key ids of all units, one after another.
    pub seq: Vec<u32>,
    /// Key `k`'s postings are `post[post_off[k]..post_off[k + 1]]`.
    pub post_off: Vec<u32>,
    /// Unit numbers, per key sorted by (word count, unit), each unit once;
    /// empty when left out (see [`Index::restore_postings`]).
    pub post: Vec<u32>,
    /// 1 for a unit that has a text in the source language, else 0.
    pub has_text: Vec<u8>,
    /// Key `k`'s prefix postings are `pre[pre_off[k]..pre_off[k + 1]]`:
    /// the units holding `k` among their rarest keys (see [`super::prefix`]).
    pub pre_off: Vec<u32>,
    /// Unit numbers of the prefix postings, per key sorted by (word count,
    /// unit).
    pub pre: Vec<u32>,
    /// For each prefix posting, how many of the unit's keys in rarity order
    /// start at this key (`m − j` for position `j`; 255 means 255 or more).
    pub pre_pos: Vec<u8>,
    /// Each unit's token sketch ([`Sketch`]).
    pub sig: Vec<u128>,
    /// For each prefix posting, its unit's sketch.
    pub pre_sig: Vec<u128>,
    /// For each prefix posting, the unit's word count (255 means 255 or
    /// more): the count filter needs `max(n, m)` without fetching the
    /// unit.
    pub pre_len: Vec<u8>,
    /// Which sketch bit each token sets.
    pub sketch: Sketch,
}

impl Index {
    /// How many units the index covers.
    pub fn units(&self) -> usize {
        self.seq_off.len().saturating_sub(1)
    }

    /// Unit `u`'s key ids, in order.
    pub fn keys_of(&self, u: u32) -> &[u32] {
        &self.seq[self.seq_off[u as usize] as usize..self.seq_off[u as usize + 1] as usize]
    }

    /// Unit `u`'s word count.
    pub fn len_of(&self, u: u32) -> usize {
        (self.seq_off[u as usize + 1] - self.seq_off[u as usize]) as usize
    }

    /// How many units hold key `k` (kept when the lists themselves are
    /// left out, see [`Index::restore_postings`] in [`super::build`]).
    pub fn df(&self, k: u32) -> usize {
        (self.post_off[k as usize + 1] - self.post_off[k as usize]) as usize
    }

    /// The units holding key `k`, sorted by (word count, unit).
    pub fn postings(&self, k: u32) -> &[u32] {
        &self.post[self.post_off[k as usize] as usize..self.post_off[k as usize + 1] as usize]
    }

    /// The query's key ids (`u32::MAX` for keys no unit has).
    pub fn query_ids<'a>(&self, keys: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        keys.into_iter()
            .map(|k| self.vocab.id(k).unwrap_or(u32::MAX))
            .collect()
    }
}

/// Word counts a unit may have to reach the threshold: `[t·n, n/t]`.
pub(super) fn length_range(n: usize, t: f64) -> (usize, usize) {
    let lo = (t * n as f64 - EPS).ceil().max(0.0) as usize;
    let hi = if t <= EPS {
        usize::MAX
    } else {
        (n as f64 / t + EPS).floor() as usize
    };
    (lo, hi)
}

/// The most word edits a pair with `longest` words may need: `⌊(1 − t)·L⌋`.
pub(super) fn max_edits(longest: usize, t: f64) -> usize {
    ((1.0 - t) * longest as f64 + EPS).floor() as usize
}
