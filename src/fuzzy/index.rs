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

use super::verify::{within, Rows};
use super::vocab::Vocab;

/// Slack for floating point in the filters, always in the direction of
/// keeping a candidate.
const EPS: f64 = 1e-9;

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
    /// Unit numbers, per key sorted by (word count, unit), each unit once.
    pub post: Vec<u32>,
    /// 1 for a unit that has a text in the source language, else 0.
    pub has_text: Vec<u8>,
}

impl Index {
    /// Builds the index from each unit's keys (`None` for a unit without a
    /// text in the source language).
    pub fn build<I, K>(units: I) -> Index
    where
        I: IntoIterator<Item = Option<K>>,
        K: IntoIterator<Item = String>,
    {
        let mut ids: std::collections::HashMap<String, u32> = Default::default();
        let mut names: Vec<String> = Vec::new();
        let mut seq_off = vec![0u32];
        let mut seq = Vec::new();
        let mut has_text = Vec::new();
        for keys in units {
            has_text.push(u8::from(keys.is_some()));
            for key in keys.into_iter().flatten() {
                let next = names.len() as u32;
                let id = *ids.entry(key).or_insert_with_key(|k| {
                    names.push(k.clone());
                    next
                });
                seq.push(id);
            }
            seq_off.push(seq.len() as u32);
        }
        drop(ids);
        let (vocab, remap) = Vocab::from_names(names);
        for k in &mut seq {
            *k = remap[*k as usize];
        }
        let mut index = Index {
            vocab,
            seq_off,
            seq,
            post_off: Vec::new(),
            post: Vec::new(),
            has_text,
        };
        index.build_postings();
        index
    }

    fn build_postings(&mut self) {
        let units = self.units();
        let mut order: Vec<u32> = (0..units as u32).collect();
        order.sort_by_key(|&u| (self.len_of(u), u));
        let mut count = vec![0u32; self.vocab.len() + 1];
        let mut last = vec![u32::MAX; self.vocab.len()];
        for &u in &order {
            for &k in self.keys_of(u) {
                if last[k as usize] != u {
                    last[k as usize] = u;
                    count[k as usize + 1] += 1;
                }
            }
        }
        for k in 0..self.vocab.len() {
            count[k + 1] += count[k];
        }
        self.post_off = count.clone();
        self.post = vec![0; *count.last().unwrap_or(&0) as usize];
        last.fill(u32::MAX);
        for &u in &order {
            for &k in &self.seq[self.seq_off[u as usize] as usize..self.seq_off[u as usize + 1] as usize] {
                if last[k as usize] != u {
                    last[k as usize] = u;
                    self.post[count[k as usize] as usize] = u;
                    count[k as usize] += 1;
                }
            }
        }
    }

    /// How many units the index covers.
    pub fn units(&self) -> usize {
        self.seq_off.len().saturating_sub(1)
    }

    /// Unit `u`'s key ids, in order.
    pub fn keys_of(&self, u: u32) -> &[u32] {
        &self.seq[self.seq_off[u as usize] as usize..self.seq_off[u as usize + 1] as usize]
    }

    fn len_of(&self, u: u32) -> usize {
        (self.seq_off[u as usize + 1] - self.seq_off[u as usize]) as usize
    }

    fn postings(&self, k: u32) -> &[u32] {
        &self.post[self.post_off[k as usize] as usize..self.post_off[k as usize + 1] as usize]
    }

    /// The query's key ids (`u32::MAX` for keys no unit has).
    pub fn query_ids<'a>(&self, keys: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
        keys.into_iter()
            .map(|k| self.vocab.id(k).unwrap_or(u32::MAX))
            .collect()
    }
}

/// Scratch space for searching one index, reused from query to query.
#[derive(Debug, Default)]
pub struct Searcher {
    hits: Vec<u16>,
    want: Vec<u32>,
    rows: Rows,
}

/// A unit that passed every filter, with its key edit distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The unit number.
    pub unit: u32,
    /// The key edit distance (a lower bound of the score's).
    pub distance: usize,
}

impl Searcher {
    /// Scratch space sized for `index`.
    pub fn new(index: &Index) -> Searcher {
        Searcher {
            hits: vec![0; index.units()],
            want: vec![0; index.vocab.len()],
            rows: Rows::default(),
        }
    }

    /// Every unit that can score at least `min` (0–100) against the query
    /// with key ids `q`, found through the filters.
    pub fn candidates(&mut self, index: &Index, q: &[u32], min: f64) -> Vec<Candidate> {
        let t = (min / 100.0).clamp(0.0, 1.0);
        let n = q.len();
        let need = (t * n as f64 - EPS).ceil().max(0.0) as usize;
        if need == 0 {
            // Nothing must be shared (t = 0, or an empty query): every unit
            // of a suitable length is a candidate.
            return self.scan(index, q, min);
        }
        let (lo, hi) = length_range(n, t);
        // Distinct query keys with their counts and their postings within
        // the length range, rarest first; keys no unit has come first, as
        // positions that cannot be shared.
        let mut distinct: Vec<(u32, usize)> = Vec::new();
        for &k in q {
            match distinct.iter_mut().find(|(x, _)| *x == k) {
                Some(e) => e.1 += 1,
                None => distinct.push((k, 1)),
            }
        }
        let mut lists: Vec<(u32, usize, &[u32])> = distinct
            .iter()
            .map(|&(k, c)| {
                if k == u32::MAX {
                    return (k, c, &[][..]);
                }
                let list = index.postings(k);
                let start = list.partition_point(|&u| index.len_of(u) < lo);
                let end = list.partition_point(|&u| index.len_of(u) <= hi);
                (k, c, &list[start..end])
            })
            .collect();
        lists.sort_by_key(|&(k, _, l)| (k != u32::MAX, l.len()));
        // Prefix filter: a match shares at least `need` of the n positions,
        // so it holds one of any n − need + 1 of them. Probing more keys
        // than that (while their lists stay short) lets a unit be dropped
        // unless it holds enough of the probed ones: with p positions
        // probed, at least need − (n − p).
        let mut probed = 0usize;
        let mut visited = 0usize;
        let mut mandatory_cost = 0usize;
        let mut probe = 0usize;
        for (i, &(_, c, l)) in lists.iter().enumerate() {
            if probed >= n - need + 1 {
                let f: usize = std::env::var("TM_EXT").ok().and_then(|v| v.parse().ok()).unwrap_or(4); let cheap = l.len() <= visited.max(1) && visited + l.len() <= f * mandatory_cost.max(1);
                if !cheap {
                    break;
                }
            }
            probed += c;
            visited += l.len();
            if probed <= n - need + 1 {
                mandatory_cost = visited;
            }
            probe = i + 1;
        }
        let required = (need + probed).saturating_sub(n).clamp(1, usize::from(u16::MAX)) as u16;
        for &(k, c) in &distinct {
            if k != u32::MAX {
                self.want[k as usize] = c as u32;
            }
        }
        let mut touched: Vec<u32> = Vec::new();
        for &(_, c, list) in &lists[..probe] {
            let c = c.min(usize::from(u16::MAX)) as u16;
            for &u in list {
                let h = &mut self.hits[u as usize];
                if *h == 0 {
                    touched.push(u);
                }
                *h = h.saturating_add(c);
            }
        }
        let mut out = Vec::new();
        let mut taken: Vec<u32> = Vec::new();
        for &u in &touched {
            let enough = self.hits[u as usize] >= required;
            self.hits[u as usize] = 0;
            if !enough {
                continue;
            }
            let keys = index.keys_of(u);
            let longest = n.max(keys.len());
            // Count filter: shared keys as multisets.
            let mut shared = 0usize;
            for &x in keys {
                if self.want[x as usize] > 0 {
                    self.want[x as usize] -= 1;
                    taken.push(x);
                    shared += 1;
                }
            }
            for &x in &taken {
                self.want[x as usize] += 1;
            }
            taken.clear();
            if (shared as f64) < t * longest as f64 - EPS {
                continue;
            }
            let k_edits = max_edits(longest, t);
            if let Some(d) = within(q, keys, k_edits, &mut self.rows) {
                out.push(Candidate { unit: u, distance: d });
            }
        }
        for &(k, _) in &distinct {
            if k != u32::MAX {
                self.want[k as usize] = 0;
            }
        }
        if std::env::var_os("TM_DEBUG").is_some() {
            eprintln!("n={n} need={need} probe={probe}/{} probed={probed} required={required} visited={visited} mand={mandatory_cost} touched={} out={}", lists.len(), touched.len(), out.len());
        }
        out.sort_by_key(|c| c.unit);
        out
    }

    /// The same result as [`Searcher::candidates`] by checking every unit:
    /// the brute-force baseline of the benchmark.
    pub fn scan(&mut self, index: &Index, q: &[u32], min: f64) -> Vec<Candidate> {
        let t = (min / 100.0).clamp(0.0, 1.0);
        let n = q.len();
        let mut out = Vec::new();
        for u in 0..index.units() as u32 {
            if index.has_text[u as usize] == 0 {
                continue;
            }
            let keys = index.keys_of(u);
            let k_edits = max_edits(n.max(keys.len()), t);
            if let Some(d) = within(q, keys, k_edits, &mut self.rows) {
                out.push(Candidate { unit: u, distance: d });
            }
        }
        out
    }
}

/// Word counts a unit may have to reach the threshold: `[t·n, n/t]`.
fn length_range(n: usize, t: f64) -> (usize, usize) {
    let lo = (t * n as f64 - EPS).ceil().max(0.0) as usize;
    let hi = if t <= EPS {
        usize::MAX
    } else {
        (n as f64 / t + EPS).floor() as usize
    };
    (lo, hi)
}

/// The most word edits a pair with `longest` words may need: `⌊(1 − t)·L⌋`.
fn max_edits(longest: usize, t: f64) -> usize {
    ((1.0 - t) * longest as f64 + EPS).floor() as usize
}
