//! When a word of a `tm concord` phrase matches a word of a stored text:
//! the per-language rules (in `rules/*.txt`, data a reader can
//! extend) and the folding that makes the comparison case-insensitive.
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

/// The matching rules of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// Endings cut from a phrase word to get its stem; the longest that
    /// leaves at least `min_stem` letters is cut.
    pub endings: Vec<String>,
    /// How many letters longer than the stem a text word may be.
    pub max_extra: usize,
    /// The shortest stem an ending may leave.
    pub min_stem: usize,
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
            let values: Vec<String> = line.fields[1..].iter().map(|v| fold(v)).collect();
            let number = || -> Result<usize, RuleError> {
                line.exactly(2, &format!("{} and one number", line.fields[0]))?;
                line.number(1)
            };
            match line.fields[0] {
                "endings" => rules.endings = values,
                "suffixes" => rules.suffixes = Some(values),
                "max_extra" => rules.max_extra = number()?,
                "min_stem" => rules.min_stem = number()?,
                "exact_below" => rules.exact_below = number()?,
                other => return Err(line.error(format!("unknown setting '{other}'"))),
            }
        }
        // Longest first, so that "ами" is cut before "и".
        rules
            .endings
            .sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
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
        let chars = word.chars().count();
        if chars < self.exact_below {
            return PhraseWord {
                stem: word.to_string(),
                stem_chars: chars,
                exact: true,
            };
        }
        for ending in &self.endings {
            let cut = ending.chars().count();
            if let Some(stem) = word.strip_suffix(ending.as_str()) {
                if chars - cut >= self.min_stem.max(1) {
                    return PhraseWord {
                        stem: stem.to_string(),
                        stem_chars: chars - cut,
                        exact: false,
                    };
                }
            }
        }
        PhraseWord {
            stem: word.to_string(),
            stem_chars: chars,
            exact: false,
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

/// The comparable form of a text: lower case, with «ё» read as «е» (Russian
/// texts write either).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Appends the folded form of `c` to `out`.
pub fn push_folded(c: char, out: &mut String) {
    // The fast paths cover nearly every letter of tm's three languages;
    // `to_lowercase` (a table search) takes the rest.
    match c {
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        'а'..='я' => out.push(c),
        'ё' | 'Ё' => out.push('е'),
        'А'..='Я' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
        c => out.extend(c.to_lowercase()),
    }
}

/// Whether `c` belongs to a word (letters and digits; everything else —
/// spaces, punctuation, hyphens, apostrophes — separates words).
pub fn is_word_char(c: char) -> bool {
    // The ranges first: every Cyrillic letter is in them, and
    // `is_alphanumeric` on a non-ASCII character is a slow table search.
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        c => c.is_alphanumeric(),
    }
}

/// The byte ranges of the words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = iter.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            iter.next();
        }
        Some((start, end))
    })
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
    fn cyrillic_fast_path_agrees_with_unicode() {
        for c in '\u{0400}'..='\u{04FF}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn splits_words_on_punctuation() {
        let t = "COVID-19, «Астана» it's";
        let w: Vec<&str> = words(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["COVID", "19", "Астана", "it", "s"]);
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
