//! Searching the index for the best `top` units at or above a threshold.
//!
//! The query's keys are probed rarest first. Each unit met in a prefix list
//! must first pass the filters read with the list itself (its word count
//! against `⌈t·max(n, m)⌉`, position, and the token sketch of
//! [`super::sketch`], bounding the tokens it shares with the query's
//! tokens from the probed one on); only then are its keys fetched for the
//! count and bounded edit-distance filters (see [`super::index`] and
//! [`super::prefix`]) and, if it passes, is it scored. Once
//! `top` units have a score, the threshold rises to the lowest of them: a
//! unit that could still enter the list must score at least that much, so
//! it must share more keys, and the probing stops sooner. Stopping when
//! `i > n − ⌈t·n⌉` (the prefix filter at the current threshold) loses
//! nothing: a unit scoring at least `t` shares a key among the first
//! `n − ⌈t·n⌉ + 1` query positions, and the threshold only rises.

use super::index::{length_range, max_edits, Index, EPS};
use super::keyset::KeySet;
use super::prefix::{rank, FLOOR};
use super::verify::{within, Rows};

/// A unit that passed every filter, with its key edit distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The unit number.
    pub unit: u32,
    /// The key edit distance (a lower bound of the score's).
    pub distance: usize,
}

/// Scratch space for searching one index, reused from query to query.
#[derive(Debug, Default)]
pub struct Searcher {
    seen: Vec<bool>,
    touched: Vec<u32>,
    want: KeySet,
    rows: Rows,
    batch: Vec<u32>,
    masks: Vec<u128>,
}

/// Units checked together (see [`Searcher::flush`]).
const BATCH: usize = 32;

/// The `top` best scores so far, highest first, and the threshold they set.
struct Best {
    scores: Vec<f64>,
    top: usize,
    min: f64,
}

impl Best {
    /// The current threshold as a fraction.
    fn t(&self) -> f64 {
        let mut t = self.min;
        if self.scores.len() >= self.top {
            t = t.max(self.scores[self.top - 1]);
        }
        (t / 100.0).clamp(0.0, 1.0)
    }

    fn add(&mut self, score: f64) {
        let at = self.scores.partition_point(|&s| s >= score);
        self.scores.insert(at, score);
        self.scores.truncate(self.top);
    }
}

impl Searcher {
    /// Scratch space sized for `index`.
    pub fn new(index: &Index) -> Searcher {
        Searcher {
            seen: vec![false; index.units()],
            ..Searcher::default()
        }
    }

    /// Offers `score` every unit that can be among the best `top` scoring
    /// at least `min` (0–100) for the query with key ids `q`; `score`
    /// returns the unit's score when it is at least `min`.
    pub fn top<F>(
        &mut self,
        index: &Index,
        q: &[u32],
        min: f64,
        top: usize,
        mut score: F,
    ) -> std::io::Result<()>
    where
        F: FnMut(Candidate) -> std::io::Result<Option<f64>>,
    {
        if top == 0 {
            return Ok(());
        }
        let mut best = Best {
            scores: Vec::new(),
            top,
            min,
        };
        let n = q.len();
        let t0 = best.t();
        if (t0 * n as f64 - EPS).ceil() < 1.0 {
            // Nothing must be shared (t = 0, or an empty query).
            return self.scan(index, q, min, top, score);
        }
        let prefix = !full_lists(min);
        let mut tokens = counted(q);
        // Keys no unit has first (they are the rarest), then by rarity.
        tokens.sort_by_key(|&(k, _)| {
            (
                k != u32::MAX,
                if k == u32::MAX {
                    (0, 0)
                } else {
                    rank(index, k)
                },
            )
        });
        self.want.fill(&tokens);
        let mut i = 0usize;
        let mut result = Ok(());
        'probe: for (at_token, &(k, c)) in tokens.iter().enumerate() {
            let t = best.t();
            let need = (t * n as f64 - EPS).ceil() as usize;
            if i > n - need {
                break;
            }
            if k != u32::MAX {
                if prefix {
                    // A unit first met here shares no token before this
                    // one, so the sketch bound needs only the rest.
                    index.sketch.masks(&tokens[at_token..], &mut self.masks);
                }
                let off = if prefix {
                    &index.pre_off
                } else {
                    &index.post_off
                };
                let list = off[k as usize] as usize..off[k as usize + 1] as usize;
                let mut from = list.start;
                while from < list.end {
                    let t = best.t();
                    from = if prefix {
                        self.walk_prefix(index, list.start..list.end, from, (n, n - i), t)
                    } else {
                        self.walk_full(index, list.start..list.end, from, n, t)
                    };
                    if let Err(e) = self.flush(index, q, &mut best, &mut score) {
                        result = Err(e);
                        break 'probe;
                    }
                }
            }
            i += c;
        }
        for &u in &self.touched {
            self.seen[u as usize] = false;
        }
        self.touched.clear();
        result
    }

    /// Batches the units of the prefix list `list` (positions in
    /// [`Index::pre`]) from `from` on that pass the length, position and
    /// sketch filters at threshold `t`, for a query of `n` tokens with
    /// `left` from the list's key on; stops when the batch is full and
    /// says where.
    fn walk_prefix(
        &mut self,
        index: &Index,
        list: std::ops::Range<usize>,
        from: usize,
        (n, left): (usize, usize),
        t: f64,
    ) -> usize {
        let (lo, hi) = length_range(n, t);
        // The list's word counts, in order, read where the units' offsets
        // would cost a cache miss each; counts capped at 255 stay in
        // (their units are checked with their true length).
        let lens = &index.pre_len[list.clone()];
        let start = list.start + lens.partition_point(|&m| usize::from(m) < lo.min(255));
        let end = match hi {
            0..=254 => list.start + lens.partition_point(|&m| usize::from(m) <= hi),
            _ => list.end,
        };
        // The tokens a unit of m words must share: ⌈t·max(n, m)⌉ (for a
        // count capped at 255 that of 255, which is no more).
        let need: [usize; 256] =
            std::array::from_fn(|m| (t * n.max(m) as f64 - EPS).ceil() as usize);
        for at in from.max(start)..end {
            let pos = index.pre_pos[at];
            let need = need[usize::from(index.pre_len[at])];
            // Position filter: met for the first time, so nothing shared
            // comes before; at most min(n − i, m − j) after. (A unit that
            // fails here or below and is met again later fails again: all
            // its bounds shrink, so it is not marked as seen.)
            if pos < u8::MAX && left.min(usize::from(pos)) < need {
                continue;
            }
            // Sketch filter: an upper bound of the shared tokens.
            let sig = index.pre_sig[at];
            let bound: u32 = self.masks.iter().map(|&m| (sig & m).count_ones()).sum();
            if (bound as usize) < need {
                continue;
            }
            if self.batch_if_new(index.pre[at]) {
                return at + 1;
            }
        }
        list.end
    }

    /// Batches the units of the full posting list `list` (positions in
    /// [`Index::post`]) from `from` on that pass the length filter at
    /// threshold `t` for a query of `n` tokens; stops when the batch is
    /// full and says where.
    fn walk_full(
        &mut self,
        index: &Index,
        list: std::ops::Range<usize>,
        from: usize,
        n: usize,
        t: f64,
    ) -> usize {
        let (lo, hi) = length_range(n, t);
        let units = &index.post[list.clone()];
        let start = list.start + units.partition_point(|&u| index.len_of(u) < lo);
        let end = list.start + units.partition_point(|&u| index.len_of(u) <= hi);
        for at in from.max(start)..end {
            if self.batch_if_new(index.post[at]) {
                return at + 1;
            }
        }
        list.end
    }

    /// Batches unit `u` if it is met for the first time in this search
    /// (marking it as met); whether the batch is now full. The batch is
    /// flushed whenever it fills, so it is never full before.
    fn batch_if_new(&mut self, u: u32) -> bool {
        if !self.seen[u as usize] {
            self.seen[u as usize] = true;
            self.touched.push(u);
            self.batch.push(u);
        }
        self.batch.len() == BATCH
    }

    /// Checks and scores the batched units. Their keys are first read in a
    /// separate pass so that the memory fetches overlap instead of stalling
    /// one after another.
    fn flush<F>(
        &mut self,
        index: &Index,
        q: &[u32],
        best: &mut Best,
        score: &mut F,
    ) -> std::io::Result<()>
    where
        F: FnMut(Candidate) -> std::io::Result<Option<f64>>,
    {
        let mut sink = 0u32;
        for &u in &self.batch {
            sink ^= index.seq_off[u as usize + 1];
        }
        for &u in &self.batch {
            sink ^= index.keys_of(u).first().copied().unwrap_or(0);
        }
        std::hint::black_box(sink);
        let batch = std::mem::take(&mut self.batch);
        let mut result = Ok(());
        for &u in &batch {
            if let Some(c) = self.check(index, q, best.t(), u) {
                match score(c) {
                    Ok(Some(s)) => best.add(s),
                    Ok(None) => {}
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        }
        self.batch = batch;
        self.batch.clear();
        result
    }

    /// The same as [`Searcher::top`] by checking every unit: the
    /// brute-force baseline of the benchmark.
    pub fn scan<F>(
        &mut self,
        index: &Index,
        q: &[u32],
        min: f64,
        top: usize,
        mut score: F,
    ) -> std::io::Result<()>
    where
        F: FnMut(Candidate) -> std::io::Result<Option<f64>>,
    {
        if top == 0 {
            return Ok(());
        }
        let mut best = Best {
            scores: Vec::new(),
            top,
            min,
        };
        let tokens = counted(q);
        self.want.fill(&tokens);
        for u in 0..index.units() as u32 {
            if index.has_text[u as usize] == 0 {
                continue;
            }
            if let Some(c) = self.check(index, q, best.t(), u) {
                if let Some(s) = score(c)? {
                    best.add(s);
                }
            }
        }
        Ok(())
    }

    /// The count filter and the bounded verification of unit `u` at
    /// threshold `t`, with the query's key counts in `want`.
    fn check(&mut self, index: &Index, q: &[u32], t: f64, u: u32) -> Option<Candidate> {
        let keys = index.keys_of(u);
        let longest = q.len().max(keys.len());
        let mut shared = 0usize;
        for &x in keys {
            shared += usize::from(self.want.take(x));
        }
        self.want.restore();
        if (shared as f64) < t * longest as f64 - EPS {
            return None;
        }
        within(q, keys, max_edits(longest, t), &mut self.rows).map(|d| Candidate {
            unit: u,
            distance: d,
        })
    }
}

/// The query's distinct key ids with their counts, in order of first
/// occurrence.
fn counted(q: &[u32]) -> Vec<(u32, usize)> {
    let mut tokens: Vec<(u32, usize)> = Vec::new();
    for &k in q {
        match tokens.iter_mut().find(|(x, _)| *x == k) {
            Some(e) => e.1 += 1,
            None => tokens.push((k, 1)),
        }
    }
    tokens
}

/// Whether a search with threshold `min` (0–100) walks the full posting
/// lists ([`Index::postings`]) rather than the prefix lists: below
/// [`FLOOR`].
pub fn full_lists(min: f64) -> bool {
    (min / 100.0).clamp(0.0, 1.0) < FLOOR - EPS
}
