//! When a word of a `tm concord` phrase matches a word of a stored text:
//! the per-language rules (in `rules/*.txt`, data a reader can extend).
//! Words are found, folded and cut to stems by [`crate::text`], as fuzzy
//! matching's are; only the endings cut and the test below are the
//! concordance's own.
//!
//! The rule is deliberately simple and predictable: a phrase word is cut to
//! a stem by removing one short ending, and a text word matches when it
//! starts with that stem and is not much longer. That finds «Астанада» and
//! «Астаны» from «Астана» without a dictionary; the price is an occasional
//! extra hit on a longer word sharing the stem, which a person reading a
//! concordance skips easily.

use std::sync::OnceLock;

use crate::lang::Lang;
use crate::rules::{built_in, rule_file, RuleError, RuleFile};
use crate::text::{fold, Stemmer};

/// The matching rules of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// How a phrase word is cut to its stem: the file's `endings` and `min`
    /// (the longest ending that leaves at least `min` letters is cut).
    pub stemmer: Stemmer,
    /// How many letters longer than the stem a text word may be.
    pub max_extra: usize,
    /// Phrase words shorter than this (in letters) match only exactly.
    pub exact_below: usize,
    /// When set, a text word matches only the stem itself or the stem plus
    /// one of these suffixes, instead of anything up to `max_extra` longer.
    pub suffixes: Option<Vec<String>>,
}

/// A phrase word prepared for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseWord {
    /// The folded stem (the whole folded word when nothing was cut).
    pub stem: String,
    /// The stem's length in letters.
    pub stem_chars: usize,
    /// Match the stem exactly (short words).
    pub exact: bool,
}

impl Rules {
    /// Reads rules in the `rules/*.txt` format: one setting per line, its
    /// name then its values. Unknown names and bad numbers are errors
    /// naming the file and line.
    pub fn parse(file: RuleFile) -> Result<Rules, RuleError> {
        let mut rules = Rules::default();
        for line in file.lines(&[]) {
            let line = line?;
            if rules.stemmer.read_line(&line)? {
                continue;
            }
            match line.fields[0] {
                "suffixes" => {
                    rules.suffixes = Some(line.fields[1..].iter().map(|v| fold(v)).collect())
                }
                "max_extra" => rules.max_extra = line.setting()?,
                "exact_below" => rules.exact_below = line.setting()?,
                other => return Err(line.error(format!("unknown setting '{other}'"))),
            }
        }
        Ok(rules)
    }

    /// The shipped rule files, in `Lang::ALL` order.
    pub const FILES: [RuleFile<'static>; 3] = [
        rule_file!("rules/en.txt"),
        rule_file!("rules/ru.txt"),
        rule_file!("rules/kk.txt"),
    ];

    /// The shipped rule files, read as they are read for use, for the test
    /// that checks all built-in rule files.
    #[cfg(test)]
    pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
        for file in Rules::FILES {
            Rules::parse(file)?;
        }
        Ok(Rules::FILES.to_vec())
    }

    /// The shipped rules of `lang`.
    pub fn of(lang: Lang) -> &'static Rules {
        static RULES: OnceLock<[Rules; 3]> = OnceLock::new();
        let all = RULES.get_or_init(|| Rules::FILES.map(|f| built_in(Rules::parse(f))));
        &all[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)]
    }

    /// Prepares one phrase word (already folded) for matching.
    pub fn phrase_word(&self, word: &str) -> PhraseWord {
        let exact = word.chars().count() < self.exact_below;
        let stem = if exact { word } else { self.stemmer.stem(word) };
        PhraseWord {
            stem: stem.to_string(),
            stem_chars: stem.chars().count(),
            exact,
        }
    }

    /// Whether the folded text word `word` matches the phrase word `p`.
    pub fn matches(&self, p: &PhraseWord, word: &str) -> bool {
        let Some(rest) = word.strip_prefix(p.stem.as_str()) else {
            return false;
        };
        if rest.is_empty() {
            return true;
        }
        if p.exact {
            return false;
        }
        match &self.suffixes {
            Some(list) => list.iter().any(|s| s == rest),
            None => rest.chars().count() <= self.max_extra,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(lang: Lang, phrase_word: &str, text_word: &str) -> bool {
        let r = Rules::of(lang);
        r.matches(&r.phrase_word(&fold(phrase_word)), &fold(text_word))
    }

    #[test]
    fn russian_endings() {
        for w in ["Астана", "Астаны", "Астане", "астаной", "АСТАНУ"]
        {
            assert!(matches(Lang::Ru, "Астана", w), "{w}");
        }
        assert!(matches(Lang::Ru, "семинаров", "семинаре"));
        assert!(matches(Lang::Ru, "программа", "программами"));
        assert!(matches(Lang::Ru, "ёлка", "елками"));
        assert!(!matches(Lang::Ru, "Астана", "Аста"));
        assert!(!matches(Lang::Ru, "мир", "мировоззрение"));
        assert!(!matches(Lang::Ru, "на", "нас"));
    }

    #[test]
    fn kazakh_suffixes() {
        for w in ["Астанада", "Астананың", "Астанадағы", "Астанаға"]
        {
            assert!(matches(Lang::Kk, "Астана", w), "{w}");
        }
        assert!(matches(Lang::Kk, "кітап", "кітабы"));
        assert!(matches(Lang::Kk, "Астанада", "Астананың"));
        assert!(!matches(Lang::Kk, "Астана", "Астанадағылардың"));
    }

    #[test]
    fn english_is_strict() {
        assert!(matches(Lang::En, "Seminar", "seminars"));
        assert!(matches(Lang::En, "box", "boxes"));
        assert!(!matches(Lang::En, "office", "officer"));
        assert!(!matches(Lang::En, "art", "article"));
    }

    #[test]
    fn bad_rules_are_reported() {
        let parse = |text| Rules::parse(RuleFile::new("t.txt", text)).map_err(|e| e.to_string());
        assert_eq!(
            parse("max_extra x").unwrap_err(),
            "t.txt:1: 'x' is not a number"
        );
        assert_eq!(
            parse("# c\nstems a").unwrap_err(),
            "t.txt:2: unknown setting 'stems'"
        );
    }
}
