//! Fuzzy matching: the score of a stored sentence against a new one, the
//! index that finds every match above a threshold without comparing against
//! every unit, and what is built on them (word diffs, number adaptation, the
//! analysis by band, drafts, the derived cache).
//!
//! [`Matcher`] ties them together: an index and the units' texts for one
//! source language.

pub mod bands;
pub mod cache;
pub mod diff;
pub mod draft;
pub mod index;
pub mod numbers;
pub mod score;
pub mod store;
pub mod verify;
pub mod vocab;
pub mod words;

use crate::lang::Lang;
use crate::memory::Memory;

use diff::Piece;
use index::{Candidate, Index, Searcher};
use score::{score, Prepared};
use store::Store;

/// The thresholds tried before the caller's own (see [`Matcher::search`]).
const LEVELS: [f64; 3] = [90.0, 75.0, 60.0];

/// One match of a stored unit for a new sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The unit's position in the memory.
    pub unit: u32,
    /// The unit's id.
    pub id: String,
    /// The score, 0–100 (see [`score`]).
    pub score: f64,
    /// The stored sentence in the source language.
    pub source: String,
    /// The stored translations, in `Lang::ALL` order, numbers adapted where
    /// `numbers_adapted` says so.
    pub targets: Vec<(Lang, String)>,
    /// The languages whose translation got the new sentence's numbers.
    pub numbers_adapted: Vec<Lang>,
    /// Whether the unit's alignment is marked doubtful.
    pub doubtful: bool,
    /// The word diff of the new sentence against the stored one.
    pub diff: Vec<Piece>,
}

/// An index and the texts of a memory, for matching from one language.
#[derive(Debug)]
pub struct Matcher {
    /// The index of the source-language texts.
    pub index: Index,
    /// The units' texts.
    pub store: Store,
    /// The source language.
    pub lang: Lang,
    /// Which languages (in `Lang::ALL` order) any unit has a text in.
    pub langs: [bool; 3],
    searcher: Searcher,
}

impl Matcher {
    /// A matcher over a prebuilt index and its texts.
    pub fn new(index: Index, store: Store, lang: Lang, langs: [bool; 3]) -> Matcher {
        let searcher = Searcher::new(&index);
        Matcher {
            index,
            store,
            lang,
            langs,
            searcher,
        }
    }

    /// Builds the index of `memory`'s texts in `lang`.
    pub fn from_memory(memory: Memory, lang: Lang) -> Matcher {
        let mut langs = [false; 3];
        for u in &memory.units {
            for l in Lang::ALL {
                langs[l as usize] |= u.text(l).is_some();
            }
        }
        let store = Store::from_memory(memory);
        let Store::Memory(entries) = &store else {
            unreachable!("from_memory keeps the texts in memory")
        };
        let index = Index::build(entries.iter().map(|e| {
            e.text(lang)
                .map(|t| Prepared::new(t, lang).words.into_iter().map(|w| w.key))
        }));
        Matcher::new(index, store, lang, langs)
    }

    /// The best `top` matches scoring at least `min` for `text`, best
    /// first, found through the index.
    ///
    /// The index is asked first with a high threshold, where its filters are
    /// sharp, and lower only while fewer than `top` matches are found: when
    /// `top` units score at least `level`, every unit not found scores below
    /// `level`, so the best `top` are already known.
    pub fn search(&mut self, text: &str, min: f64, top: usize) -> std::io::Result<Vec<Match>> {
        let query = Prepared::new(text, self.lang);
        let q = self.index.query_ids(query.words.iter().map(|w| w.key.as_str()));
        let ladder: Vec<f64> = std::env::var("TM_LADDER").ok().map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or(LEVELS.to_vec());
        let mut levels: Vec<f64> = ladder.iter().copied().filter(|&l| l > min).collect();
        levels.push(min);
        for level in levels {
            let cands = self.searcher.candidates(&self.index, &q, level);
            let found = self.finish(&query, cands, level, top)?;
            if found.len() >= top || level <= min {
                return Ok(found);
            }
        }
        Ok(Vec::new())
    }

    /// The same as [`Matcher::search`] by checking every unit (the baseline
    /// the benchmark and the tests compare the index with).
    pub fn search_brute(&mut self, text: &str, min: f64, top: usize) -> std::io::Result<Vec<Match>> {
        let query = Prepared::new(text, self.lang);
        let q = self.index.query_ids(query.words.iter().map(|w| w.key.as_str()));
        let cands = self.searcher.scan(&self.index, &q, min);
        self.finish(&query, cands, min, top)
    }

    /// Scores the candidates in order of their best possible score, stopping
    /// when no further one can enter the top `top`.
    fn finish(
        &self,
        query: &Prepared,
        mut cands: Vec<Candidate>,
        min: f64,
        top: usize,
    ) -> std::io::Result<Vec<Match>> {
        let n = query.words.len();
        let upper = |c: &Candidate| {
            let longest = n.max(self.index.keys_of(c.unit).len());
            if longest == 0 {
                100.0
            } else {
                100.0 - 100.0 * c.distance as f64 / longest as f64
            }
        };
        cands.sort_by(|a, b| upper(b).total_cmp(&upper(a)).then(a.unit.cmp(&b.unit)));
        let mut found: Vec<(score::Scored, Prepared, store::Entry, u32)> = Vec::new();
        for c in &cands {
            if top == 0 {
                break;
            }
            if found.len() >= top {
                let kth = found[top - 1].0.score;
                if upper(c) + 1e-9 < kth {
                    break;
                }
            }
            let entry = self.store.get(c.unit)?;
            let Some(src) = entry.text(self.lang) else {
                continue;
            };
            let old = Prepared::new(src, self.lang);
            let s = score(query, &old, entry.doubtful);
            if s.score >= min {
                found.push((s, old, entry, c.unit));
                found.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then(a.3.cmp(&b.3)));
            }
        }
        found.truncate(top);
        Ok(found
            .into_iter()
            .map(|(s, old, entry, unit)| self.to_match(query, s, old, entry, unit))
            .collect())
    }

    fn to_match(
        &self,
        query: &Prepared,
        s: score::Scored,
        old: Prepared,
        entry: store::Entry,
        unit: u32,
    ) -> Match {
        let mut targets = Vec::new();
        let mut numbers_adapted = Vec::new();
        for l in Lang::ALL {
            if l == self.lang {
                continue;
            }
            if let Some(t) = entry.text(l) {
                let adapted = s
                    .numbers_only()
                    .then(|| numbers::adapt(t, &old.norm, &s.changed_numbers))
                    .flatten();
                if adapted.is_some() {
                    numbers_adapted.push(l);
                }
                targets.push((l, adapted.unwrap_or_else(|| t.to_string())));
            }
        }
        Match {
            unit,
            diff: diff::diff(query, &old, &s.ops),
            id: entry.id.clone(),
            score: s.score,
            source: entry.text(self.lang).unwrap_or_default().to_string(),
            targets,
            numbers_adapted,
            doubtful: entry.doubtful,
        }
    }
}
