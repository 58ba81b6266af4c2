//! Stems: a folded word cut to what its inflected forms share, by
//! stripping endings. One mechanism, read from rule lines of one shape:
//!
//! ```text
//! endings ами ями а я   # endings (any number a line), tried longest first
//! min 3                 # never strip an ending that leaves fewer letters
//! rounds 1              # strip up to this many endings, one after another
//! prefix 5              # then keep at most this many letters (0: all)
//! ```
//!
//! Each language's stems of words — what the fuzzy index, the score, the
//! aligner's lexicon and the segmenter compare — are in `rules/LANG.txt`
//! ([`Stemmer::of`]). The concordance cuts a phrase's words with the same
//! mechanism under its own endings (`src/concord/rules/`): it matches a
//! stem against the start of a text word, a different question from
//! whether two words share a stem.

use std::sync::OnceLock;

use crate::lang::Lang;
use crate::rules::{built_in, rule_file, Line, RuleError, RuleFile};

use super::fold::fold;

/// How one set of rules cuts words to stems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stemmer {
    /// Endings, folded, longest first.
    endings: Vec<String>,
    /// The fewest letters an ending may leave (at least 1).
    min: usize,
    /// How many endings may be stripped one after another.
    rounds: usize,
    /// Keep at most this many letters (0: no cut).
    prefix: usize,
}

impl Default for Stemmer {
    /// No endings: every word is its own stem.
    fn default() -> Stemmer {
        Stemmer {
            endings: Vec::new(),
            min: 1,
            rounds: 1,
            prefix: 0,
        }
    }
}

/// The word stem rule files, in `Lang::ALL` order.
pub const FILES: [RuleFile<'static>; 3] = [
    rule_file!("rules/en.txt"),
    rule_file!("rules/ru.txt"),
    rule_file!("rules/kk.txt"),
];

impl Stemmer {
    /// Takes `line` when it is one of the stemmer's (`endings`, `min`,
    /// `rounds`, `prefix`): `Ok(false)` when it is another setting, left to
    /// the caller.
    pub fn read_line(&mut self, line: &Line) -> Result<bool, RuleError> {
        match line.fields[0] {
            "endings" => {
                self.endings
                    .extend(line.fields[1..].iter().map(|e| fold(e)));
                // Longest first, so that "ами" is cut before "и".
                self.endings
                    .sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
            }
            "min" => self.min = line.setting()?,
            "rounds" => self.rounds = line.setting()?,
            "prefix" => self.prefix = line.setting()?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A stemmer from a file of stemming lines only.
    pub fn parse(file: RuleFile) -> Result<Stemmer, RuleError> {
        let mut stemmer = Stemmer::default();
        for line in file.lines(&[]) {
            let line = line?;
            if !stemmer.read_line(&line)? {
                return Err(line.error(format!("unknown setting '{}'", line.fields[0])));
            }
        }
        Ok(stemmer)
    }

    /// The stems of words in `lang`.
    pub fn of(lang: Lang) -> &'static Stemmer {
        static ALL: OnceLock<[Stemmer; 3]> = OnceLock::new();
        let all = ALL.get_or_init(|| FILES.map(|f| built_in(Stemmer::parse(f))));
        &all[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)]
    }

    /// The stem of `word` (folded): its start, with endings stripped and
    /// cut to `prefix` letters.
    pub fn stem<'w>(&self, word: &'w str) -> &'w str {
        let mut stem = word;
        for _ in 0..self.rounds {
            let len = stem.chars().count();
            let min = self.min.max(1);
            match self
                .endings
                .iter()
                .find(|e| stem.ends_with(e.as_str()) && len - e.chars().count() >= min)
            {
                Some(e) => stem = &stem[..stem.len() - e.len()],
                None => break,
            }
        }
        match stem.char_indices().nth(self.prefix) {
            Some((end, _)) if self.prefix > 0 => &stem[..end],
            _ => stem,
        }
    }
}

/// The stem rule files, read as they are read for use, for the test that
/// checks all built-in rule files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    for file in FILES {
        Stemmer::parse(file)?;
    }
    Ok(FILES.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stemmer(text: &str) -> Stemmer {
        Stemmer::parse(RuleFile::new("t.txt", text)).unwrap()
    }

    #[test]
    fn longest_ending_that_leaves_enough() {
        let s = stemmer("endings а ами и\nmin 3");
        assert_eq!(s.stem("столами"), "стол");
        assert_eq!(s.stem("липа"), "лип");
        // "ами" would leave two letters: "и" is cut instead.
        assert_eq!(s.stem("мами"), "мам");
        assert_eq!(s.stem("сад"), "сад");
    }

    #[test]
    fn rounds_and_prefix() {
        let s = stemmer("endings да дағы ның\nrounds 2\nprefix 4\nmin 2");
        assert_eq!(s.stem("қаладағының"), "қала");
        assert_eq!(s.stem("ауылдағы"), "ауыл");
        assert_eq!(s.stem("барлығы"), "барл");
        assert_eq!(stemmer("endings а").stem("а"), "а");
    }

    #[test]
    fn other_settings_are_left_to_the_caller() {
        let mut s = Stemmer::default();
        let file = RuleFile::new("t.txt", "endings ы\nmax_extra 4\nmin x");
        let lines: Vec<Line> = file.lines(&[]).map(Result::unwrap).collect();
        assert!(s.read_line(&lines[0]).unwrap());
        assert!(!s.read_line(&lines[1]).unwrap());
        assert_eq!(
            s.read_line(&lines[2]).unwrap_err().to_string(),
            "t.txt:3: 'x' is not a number"
        );
        assert_eq!(
            Stemmer::parse(file).unwrap_err().to_string(),
            "t.txt:2: unknown setting 'max_extra'"
        );
    }
}
