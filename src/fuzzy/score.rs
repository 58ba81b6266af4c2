//! The score of a stored sentence against a new one, 0–100, with the word
//! alignment behind it (for the diff and for adapting numbers).
//!
//! ```text
//! score = 100 − 100 · E / max(n, m) − P        (at least 0, one decimal, floored)
//! ```
//!
//! `n`, `m` are the word counts, `E` the word edit distance where inserting,
//! deleting or replacing a word costs 1, a word with the same stem but
//! another ending costs ½, and a word differing only in case, or a number
//! replaced by another number, costs 0. `P` are small penalties: 1 for case
//! differences, 1 for punctuation differences, 1 per changed number (at most
//! 3), 2 when the stored unit is marked doubtful. A score is 100 only when
//! the texts are identical after NFC and whitespace folding; any other pair
//! scores at most 99. Because `P ≥ 0`, a score of at least `t` implies
//! `E ≤ (1 − t/100) · max(n, m)`, which is all the index relies on.

use crate::lang::Lang;
use crate::memory::normalize;

use crate::text::{punctuation, words, Word};

/// Points taken for differences only in case.
pub const CASE_PENALTY: f64 = 1.0;
/// Points taken for differences in punctuation.
pub const PUNCT_PENALTY: f64 = 1.0;
/// Points taken per changed number.
pub const NUMBER_PENALTY: f64 = 1.0;
/// At most this many changed numbers are penalised, so a number-only
/// difference keeps a score of 95 or more.
pub const MAX_NUMBER_PENALTIES: usize = 3;
/// Points taken when the stored unit's alignment is marked doubtful.
pub const DOUBTFUL_PENALTY: f64 = 2.0;

/// A sentence prepared for scoring: its words and comparable forms.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The words, in order.
    pub words: Vec<Word>,
    /// The text after NFC and whitespace folding: equality means 100.
    pub norm: String,
    /// The punctuation characters, in order.
    pub punct: String,
}

impl Prepared {
    /// Prepares `text` in `lang`.
    pub fn new(text: &str, lang: Lang) -> Prepared {
        let norm = normalize(text);
        Prepared {
            words: words(&norm, lang),
            punct: punctuation(&norm),
            norm,
        }
    }
}

/// One step of the alignment of the new sentence (`new`) with the stored
/// one (`old`), as word positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The words are the same, or differ only in case, ending or number.
    Pair {
        /// Position in the new sentence.
        new: usize,
        /// Position in the stored sentence.
        old: usize,
    },
    /// A word of the new sentence the stored one lacks.
    Added(usize),
    /// A word of the stored sentence the new one lacks.
    Removed(usize),
}

/// The score of one stored sentence and why.
#[derive(Debug, Clone)]
pub struct Scored {
    /// 0–100, one decimal.
    pub score: f64,
    /// Twice the word edit distance (so that half edits are integers).
    pub edits2: u32,
    /// The alignment, in order.
    pub ops: Vec<Op>,
    /// Recognised tokens (numbers, months) that changed, as (stored, new)
    /// texts, in order.
    pub changed_numbers: Vec<(String, String)>,
}

impl Scored {
    /// Whether the only word differences are recognised tokens (case and
    /// punctuation aside): then the stored translation can take the new
    /// values (see [`crate::localise`]).
    pub fn numbers_only(&self) -> bool {
        self.edits2 == 0 && !self.changed_numbers.is_empty()
    }
}

/// The cost, doubled, of aligning word `a` with word `b`.
pub fn pair_cost2(a: &Word, b: &Word) -> u32 {
    if a.lower == b.lower || (a.number && b.number && a.key == b.key) {
        0
    } else if a.key == b.key {
        1
    } else {
        2
    }
}

/// Scores the stored sentence `old` against the new sentence `new`.
pub fn score(new: &Prepared, old: &Prepared, doubtful: bool) -> Scored {
    let (a, b) = (&new.words, &old.words);
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    // Full table: sentences are short and only survivors of the index's
    // filters get here.
    let mut d = vec![0u32; (n + 1) * w];
    for (j, cell) in d.iter_mut().take(m + 1).enumerate() {
        *cell = 2 * j as u32;
    }
    for i in 1..=n {
        d[i * w] = 2 * i as u32;
        for j in 1..=m {
            let sub = d[(i - 1) * w + j - 1] + pair_cost2(&a[i - 1], &b[j - 1]);
            let del = d[(i - 1) * w + j].min(d[i * w + j - 1]) + 2;
            d[i * w + j] = sub.min(del);
        }
    }
    let edits2 = d[n * w + m];
    let mut ops = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0
            && j > 0
            && d[i * w + j] == d[(i - 1) * w + j - 1] + pair_cost2(&a[i - 1], &b[j - 1])
            && pair_cost2(&a[i - 1], &b[j - 1]) < 2
        {
            ops.push(Op::Pair {
                new: i - 1,
                old: j - 1,
            });
            i -= 1;
            j -= 1;
        } else if i > 0 && j > 0 && d[i * w + j] == d[(i - 1) * w + j - 1] + 2 {
            // A replaced word: shown as removed then added.
            ops.push(Op::Added(i - 1));
            ops.push(Op::Removed(j - 1));
            i -= 1;
            j -= 1;
        } else if i > 0 && d[i * w + j] == d[(i - 1) * w + j] + 2 {
            ops.push(Op::Added(i - 1));
            i -= 1;
        } else {
            ops.push(Op::Removed(j - 1));
            j -= 1;
        }
    }
    ops.reverse();

    let mut case = false;
    let mut changed_numbers = Vec::new();
    for op in &ops {
        if let Op::Pair { new: i, old: j } = *op {
            let (x, y) = (&a[i], &b[j]);
            if x.number && y.number && x.text != y.text {
                changed_numbers.push((y.text.clone(), x.text.clone()));
            } else if x.text != y.text && x.lower == y.lower {
                case = true;
            }
        }
    }
    let mut penalty = 0.0;
    if case {
        penalty += CASE_PENALTY;
    }
    if new.punct != old.punct {
        penalty += PUNCT_PENALTY;
    }
    penalty += NUMBER_PENALTY * changed_numbers.len().min(MAX_NUMBER_PENALTIES) as f64;
    if doubtful {
        penalty += DOUBTFUL_PENALTY;
    }
    let longest = n.max(m);
    let base = if longest == 0 {
        100.0
    } else {
        100.0 - 50.0 * f64::from(edits2) / longest as f64
    };
    let mut s = base - penalty;
    if new.norm != old.norm {
        s = s.min(99.0);
    }
    Scored {
        score: floor1(s.max(0.0)),
        edits2,
        ops,
        changed_numbers,
    }
}

/// Rounds down to one decimal, so a shown score is never above the true one
/// (and a match shown at `--min` really is at or above it).
fn floor1(x: f64) -> f64 {
    (x * 10.0 + 1e-9).floor() / 10.0
}

/// Scores two texts in `lang` (a convenience for tests and tools).
pub fn score_texts(new: &str, old: &str, lang: Lang) -> f64 {
    score(&Prepared::new(new, lang), &Prepared::new(old, lang), false).score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_after_folding_is_100_and_nothing_else_is() {
        let s = "The Ministry opened a centre in Astana.";
        assert_eq!(score_texts(s, s, Lang::En), 100.0);
        assert_eq!(
            score_texts(s, "The  Ministry opened\na centre in Astana.", Lang::En),
            100.0
        );
        assert_eq!(
            score_texts(s, "The Ministry opened a centre in Astana", Lang::En),
            99.0
        );
        assert_eq!(
            score_texts(s, "the Ministry opened a centre in Astana.", Lang::En),
            99.0
        );
        assert_eq!(
            score_texts(s, "The Ministry opened a centre in Astana .", Lang::En),
            99.0
        );
    }

    #[test]
    fn word_edits_and_endings() {
        // 1 of 8 words replaced: 100 − 100/8 = 87.5.
        assert_eq!(
            score_texts(
                "The Ministry opened a new centre in Astana.",
                "The Ministry opened a big centre in Astana.",
                Lang::En
            ),
            87.5
        );
        // Kazakh ending only: half an edit of 3 words, and the punctuation
        // is the same: 100 − 50/3 = 83.3.
        assert_eq!(
            score_texts("Кеңсе Астанада ашылды.", "Кеңсе Астана ашылды.", Lang::Kk),
            83.3
        );
        assert_eq!(score_texts("открыл центр", "открыл центра", Lang::Ru), 75.0);
    }

    #[test]
    fn numbers_only_stay_at_95_or_more() {
        let new = Prepared::new(
            "In 2025 revenue rose 7% to 12 billion over 4 quarters.",
            Lang::En,
        );
        let old = Prepared::new(
            "In 2024 revenue rose 5% to 10 billion over 3 quarters.",
            Lang::En,
        );
        let s = score(&new, &old, false);
        assert_eq!(s.score, 97.0);
        assert!(s.numbers_only());
        assert_eq!(
            s.changed_numbers[0],
            ("2024".to_string(), "2025".to_string())
        );
        assert_eq!(score(&new, &old, true).score, 95.0);
    }
}
