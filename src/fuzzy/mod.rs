//! Fuzzy matching: the score of a stored sentence against a new one, the
//! index that finds every match above a threshold without comparing against
//! every unit, and what is built on them (word diffs, number adaptation, the
//! analysis by band, drafts, the derived cache).
//!
//! [`Matcher`] ties them together: the index segments of a memory for one
//! source language, searched as one index.

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
pub mod segments;
pub mod sketch;
pub mod store;
pub mod verify;
pub mod vocab;

use crate::lang::Lang;
use crate::localise::Plan;
use crate::memory::Memory;

use diff::Piece;
use score::{score, Prepared};
use search::Candidate;
use segments::live::{read_unit, Live};

/// One match of a stored unit for a new sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The unit's number in the memory's order (for a memory on disk: by
    /// file name, then place in the file; for a loaded memory: its
    /// position), which breaks ties between equal scores.
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

/// The index segments of a memory, for matching from one language.
#[derive(Debug)]
pub struct Matcher {
    /// The source language.
    pub lang: Lang,
    /// Which languages (in `Lang::ALL` order) any unit has a text in.
    pub langs: [bool; 3],
    segments: Vec<Live>,
}

/// A unit scored while searching: its score, its prepared text, its entry
/// and its number in the memory.
type Found = (score::Scored, Prepared, store::Entry, u32);

impl Matcher {
    /// A matcher over segments in use (see [`segments::live`]).
    pub fn new(segments: Vec<Live>, lang: Lang) -> Matcher {
        let mask = segments.iter().fold(0, |m, s| m | s.langs());
        Matcher {
            lang,
            langs: Lang::ALL.map(|l| mask & 1 << l as u8 != 0),
            segments,
        }
    }

    /// Builds the index of `memory`'s texts in `lang`, held in memory.
    pub fn from_memory(memory: Memory, lang: Lang) -> Matcher {
        let segment = segments::build::from_memory(memory, lang);
        Matcher::new(vec![Live::new(segment, vec![Some(0)], Vec::new())], lang)
    }

    /// How many units can match (those of live parts).
    pub fn len(&self) -> usize {
        self.segments.iter().map(Live::live_units).sum()
    }

    /// Whether no unit can match.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every unit that can match and has a text in the source language,
    /// with its number in the memory's order, that text and its doubtful
    /// mark, each read as a search reads it (for a benchmark's baseline).
    pub fn sources(&self) -> std::io::Result<Vec<(u32, String, bool)>> {
        let mut out = Vec::new();
        for live in &self.segments {
            let s = &live.segment;
            for p in 0..s.parts.len() {
                let Some(first) = live.first[p] else { continue };
                for u in s.units_of(p).filter(|&u| s.has_text(u)) {
                    let (entry, _) = read_unit(s, &live.files, u)?;
                    let text = entry.text(self.lang).unwrap_or_default().to_string();
                    out.push((first + u - s.part_off[p], text, entry.doubtful));
                }
            }
        }
        Ok(out)
    }

    /// The best `top` matches scoring at least `min` for `text`, best
    /// first (equal scores in the memory's order), found through the
    /// index.
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

    /// Searches every segment and keeps the best `top`. Scores are of the
    /// query against one unit, so the best of all segments are the best
    /// of the memory; each segment after the first is searched with the
    /// threshold the matches found so far set (units scoring just that
    /// are still offered, so ties are kept to be ordered).
    fn run(
        &mut self,
        text: &str,
        min: f64,
        top: usize,
        brute: bool,
    ) -> std::io::Result<Vec<Match>> {
        let query = Prepared::new(text, self.lang);
        let mut found: Vec<Found> = Vec::new();
        let mut floor = min;
        for live in &mut self.segments {
            let Live {
                segment,
                searcher,
                first,
                files,
            } = live;
            if !brute && search::full_lists(floor) {
                segment.index.restore_postings();
            }
            let q = segment
                .index
                .query_ids(query.words.iter().map(|w| w.key.as_str()));
            let scorer = |c: Candidate| -> std::io::Result<Option<f64>> {
                let p = segment.part_of(c.unit);
                let Some(start) = first[p] else {
                    return Ok(None);
                };
                if !segment.has_text(c.unit) {
                    return Ok(None);
                }
                let (entry, old) = read_unit(segment, files, c.unit)?;
                let s = score(&query, &old, entry.doubtful);
                if s.score < min {
                    return Ok(None);
                }
                let value = s.score;
                found.push((s, old, entry, start + c.unit - segment.part_off[p]));
                Ok(Some(value))
            };
            if brute {
                searcher.scan(&segment.index, &q, floor, top, scorer)?;
            } else {
                searcher.top(&segment.index, &q, floor, top, scorer)?;
            }
            best_first(&mut found);
            found.truncate(top);
            if found.len() >= top && top > 0 {
                floor = floor.max(found[top - 1].0.score);
            }
        }
        Ok(found
            .into_iter()
            .map(|(s, old, entry, number)| self.to_match(&query, s, old, entry, number))
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
        let values = (plan.is_none() && !same_text)
            .then(|| crate::localise::value_difference(&old.norm, &query.norm, self.lang))
            .flatten();
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
                    reasons.extend(values.clone());
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

/// Sorts found units best first, equal scores in the memory's order.
fn best_first(found: &mut [Found]) {
    found.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then(a.3.cmp(&b.3)));
}
