//! Fuzzy matching: the score of a stored sentence against a new one, the
//! index that finds every match above a threshold without comparing against
//! every unit, and what is built on them (word diffs, number adaptation, the
//! analysis by band, drafts, the derived cache).
//!
//! [`Matcher`] ties them together: an index and the units' texts for one
//! source language.

pub mod bands;
pub mod build;
pub mod cache;
pub mod diff;
pub mod draft;
pub mod index;
pub mod keyset;
pub mod prefix;
pub mod score;
pub mod search;
pub mod store;
pub mod stream;
pub mod verify;
pub mod vocab;

use crate::lang::Lang;
use crate::localise::Plan;
use crate::memory::Memory;

use diff::Piece;
use index::Index;
use score::{score, Prepared};
use search::{Candidate, Searcher};
use store::Store;

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
    /// The stored translations, in `Lang::ALL` order, adapted to the new
    /// sentence where `adapted` says so.
    pub targets: Vec<(Lang, String)>,
    /// The languages whose translation was changed to fit the new sentence
    /// (its dates and numbers put in, see [`crate::localise`]).
    pub adapted: Vec<Lang>,
    /// Per language, the reasons a person must look at that translation;
    /// a language absent here has a translation that fits the new
    /// sentence. A translation that does not fit always has a reason.
    pub check: Vec<(Lang, Vec<String>)>,
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
        let Store::Memory(entries) = Store::from_memory(memory) else {
            unreachable!("from_memory keeps the texts in memory")
        };
        Matcher::from_entries(entries, lang)
    }

    /// Builds the index of the entries' texts in `lang`.
    pub fn from_entries(entries: Vec<store::Entry>, lang: Lang) -> Matcher {
        let langs = stream::languages(&entries);
        let index = Index::build(entries.iter().map(|e| {
            e.text(lang)
                .map(|t| Prepared::new(t, lang).words.into_iter().map(|w| w.key))
        }));
        Matcher::new(index, Store::Memory(entries), lang, langs)
    }

    /// The best `top` matches scoring at least `min` for `text`, best
    /// first, found through the index.
    pub fn search(&mut self, text: &str, min: f64, top: usize) -> std::io::Result<Vec<Match>> {
        self.run(text, min, top, false)
    }

    /// The same as [`Matcher::search`] by checking every unit (the baseline
    /// the benchmark compares the index with).
    pub fn search_brute(
        &mut self,
        text: &str,
        min: f64,
        top: usize,
    ) -> std::io::Result<Vec<Match>> {
        self.run(text, min, top, true)
    }

    fn run(
        &mut self,
        text: &str,
        min: f64,
        top: usize,
        brute: bool,
    ) -> std::io::Result<Vec<Match>> {
        let query = Prepared::new(text, self.lang);
        let q = self
            .index
            .query_ids(query.words.iter().map(|w| w.key.as_str()));
        let mut found: Vec<(score::Scored, Prepared, store::Entry, u32)> = Vec::new();
        let (store, lang) = (&self.store, self.lang);
        let scorer = |c: Candidate| -> std::io::Result<Option<f64>> {
            let entry = store.get(c.unit)?;
            let Some(src) = entry.text(lang) else {
                return Ok(None);
            };
            let old = Prepared::new(src, lang);
            let s = score(&query, &old, entry.doubtful);
            if s.score < min {
                return Ok(None);
            }
            let value = s.score;
            found.push((s, old, entry, c.unit));
            Ok(Some(value))
        };
        if brute {
            self.searcher.scan(&self.index, &q, min, top, scorer)?;
        } else {
            self.searcher.top(&self.index, &q, min, top, scorer)?;
        }
        found.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then(a.3.cmp(&b.3)));
        found.truncate(top);
        Ok(found
            .into_iter()
            .map(|(s, old, entry, unit)| self.to_match(&query, s, old, entry, unit))
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
        let mut adapted = Vec::new();
        let mut check = Vec::new();
        // Only a sentence whose words all pair with the stored ones can take
        // its new values; any other difference is for a person.
        let same_text = old.norm == query.norm;
        let plan =
            (!same_text && s.edits2 == 0).then(|| Plan::new(&old.norm, &query.norm, self.lang));
        for l in Lang::ALL {
            if l == self.lang {
                continue;
            }
            let Some(t) = entry.text(l) else { continue };
            let mut reasons = Vec::new();
            let text = match &plan {
                Some(plan) if !plan.is_empty() => {
                    let a = plan.apply(t, l);
                    if a.changed {
                        adapted.push(l);
                    }
                    reasons = a.checks;
                    a.text
                }
                Some(_) => {
                    reasons.push(format!(
                        "{}% match: the new sentence differs in case or punctuation",
                        s.score
                    ));
                    t.to_string()
                }
                None if !same_text => {
                    reasons.push(format!(
                        "{}% match: words differ from the stored sentence",
                        s.score
                    ));
                    t.to_string()
                }
                None => t.to_string(),
            };
            if entry.doubtful {
                reasons.push("doubtful alignment: check that this translates the sentence".into());
            }
            if !reasons.is_empty() {
                check.push((l, reasons));
            }
            targets.push((l, text));
        }
        Match {
            unit,
            diff: diff::diff(query, &old, &s.ops),
            id: entry.id.clone(),
            score: s.score,
            source: entry.text(self.lang).unwrap_or_default().to_string(),
            targets,
            adapted,
            check,
            doubtful: entry.doubtful,
        }
    }
}
