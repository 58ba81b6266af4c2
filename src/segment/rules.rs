//! The per-language rule data: abbreviation lists and sentence-starter
//! words, kept as text files under `rules/` and read once.
//!
//! The files are compiled in, so a binary carries its rules; they are read
//! by [`crate::rules`] (comments, sections, fields) and their entries are
//! described in `rules/README.md`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lang::Lang;
use crate::rules::{built_in, rule_file, RuleError, RuleFile};

/// How an abbreviation behaves when a capitalised word follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Never ends a sentence: it stands before a name ("Mr.", "ул.").
    Prefix,
    /// Ends the sentence before any capitalised word ("etc.", "т.д.").
    Final,
    /// Ends the sentence only before a word that starts sentences ("U.S.").
    Weak,
}

/// One abbreviation: its behaviour, and its behaviour after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abbrev {
    /// Behaviour in general.
    pub class: Class,
    /// Behaviour when a number stands just before it ("2014 г.").
    pub after_number: Class,
    /// Written as capital initials ("U.S."): only such abbreviations match
    /// capital initials in a text, so that "Т.Д. Иванов" or "Т.С. Сейітов"
    /// are a person's initials and not "т.д." or "т.с.".
    pub capitals: bool,
    /// Written with a capital ("Art.", "No.", "Sun."): matches only a token
    /// with a capital, so that "modern art." or "said no." are words.
    pub capitalised: bool,
}

/// Whether the first letter of `s` is a capital.
pub fn starts_with_capital(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Whether `s` is capital letters standing alone, joined by dots, hyphens or
/// spaces: "N", "U.S", "Қ.-Ж", "Н. А".
pub fn capital_initials(s: &str) -> bool {
    let mut letters = 0;
    let mut prev_letter = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_letter || !c.is_uppercase() {
                return false;
            }
            letters += 1;
            prev_letter = true;
        } else if matches!(c, '.' | '-' | '‐') || c.is_whitespace() {
            prev_letter = false;
        } else {
            return false;
        }
    }
    letters > 0
}

/// The rules of one language.
#[derive(Debug, Default)]
pub struct Rules {
    /// Abbreviations by their key (see [`key`]).
    abbrevs: HashMap<String, Abbrev>,
    /// Lower-case words that begin sentences and are not names.
    starters: HashSet<String>,
    /// The prepositions among them.
    prepositions: HashSet<String>,
    /// Verbs of saying, which attribute speech ("said", «заявил», «деді»):
    /// not starters, but the words that tell speech from a sentence.
    saying: HashSet<String>,
    /// Titles that open a person's name ("Minister", «Аким», «Әкім»), as
    /// written (capitalised): no starters, and no names of their own.
    titles: HashSet<String>,
    /// Verbal adverbs that open a sentence with their phrase («выступая»)
    /// but end as other words do, so no ending finds them.
    adverbs: HashSet<String>,
    /// Nouns that end as a past verb («правила», «школа») and stand
    /// capitalised in names, so that a capital and the ending are no verb.
    past_like: HashSet<String>,
    /// Nouns that go on after a country's dotted abbreviation as one of
    /// its bodies ("the U.S. Embassy", "the U.K. Government"), as written.
    bodies: HashSet<String>,
    /// The longest abbreviation key in characters, to bound look-ups.
    longest: usize,
}

const EN_ABBREV: RuleFile<'static> = rule_file!("rules/en.txt");
const RU_ABBREV: RuleFile<'static> = rule_file!("rules/ru.txt");
const KK_ABBREV: RuleFile<'static> = rule_file!("rules/kk.txt");
const EN_STARTERS: RuleFile<'static> = rule_file!("rules/en-starters.txt");
const RU_STARTERS: RuleFile<'static> = rule_file!("rules/ru-starters.txt");
const KK_STARTERS: RuleFile<'static> = rule_file!("rules/kk-starters.txt");

/// Every rule file of the segmenter, each read as the segmenter reads it,
/// for the test that checks all built-in files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    for file in [EN_ABBREV, RU_ABBREV, KK_ABBREV] {
        parse_abbrevs(file)?;
    }
    for file in [EN_STARTERS, RU_STARTERS, KK_STARTERS] {
        parse_words(file)?;
    }
    Ok(vec![
        EN_ABBREV,
        RU_ABBREV,
        KK_ABBREV,
        EN_STARTERS,
        RU_STARTERS,
        KK_STARTERS,
    ])
}

/// The rules for `lang`, parsed on first use.
pub fn rules(lang: Lang) -> &'static Rules {
    static EN: OnceLock<Rules> = OnceLock::new();
    static RU: OnceLock<Rules> = OnceLock::new();
    static KK: OnceLock<Rules> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| built_in(Rules::build(&[EN_ABBREV], EN_STARTERS))),
        Lang::Ru => RU.get_or_init(|| built_in(Rules::build(&[RU_ABBREV, EN_ABBREV], RU_STARTERS))),
        Lang::Kk => KK.get_or_init(|| {
            built_in(Rules::build(
                &[KK_ABBREV, RU_ABBREV, EN_ABBREV],
                KK_STARTERS,
            ))
        }),
    }
}

/// The look-up key of an abbreviation as written: lower case, no spaces,
/// no final dot ("т. д." → "т.д", "U.S." → "u.s").
pub fn key(written: &str) -> String {
    let mut k: String = written
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    while k.ends_with('.') {
        k.pop();
    }
    k
}

impl Rules {
    /// Builds rules from abbreviation files (earlier files win) and a
    /// starter file.
    fn build(abbrev_files: &[RuleFile], starters: RuleFile) -> Result<Rules, RuleError> {
        let mut rules = Rules::default();
        for &file in abbrev_files {
            for (written, abbrev) in parse_abbrevs(file)? {
                let k = key(&written);
                rules.longest = rules.longest.max(k.chars().count());
                rules.abbrevs.entry(k).or_insert(abbrev);
            }
        }
        for (word, section) in parse_words(starters)? {
            match section {
                Some("saying") => {
                    rules.saying.insert(word.to_lowercase());
                }
                Some("titles") => {
                    rules.titles.insert(word.to_string());
                }
                Some("adverbs") => {
                    rules.adverbs.insert(word.to_lowercase());
                }
                Some("past-like") => {
                    rules.past_like.insert(word.to_lowercase());
                }
                Some("bodies") => {
                    rules.bodies.insert(word.to_string());
                }
                Some("prepositions") => {
                    let word = word.to_lowercase();
                    rules.prepositions.insert(word.clone());
                    rules.starters.insert(word);
                }
                _ => {
                    rules.starters.insert(word.to_lowercase());
                }
            }
        }
        Ok(rules)
    }

    /// The abbreviation with this key, if listed.
    pub fn abbrev(&self, key: &str) -> Option<Abbrev> {
        self.abbrevs.get(key).copied()
    }

    /// The longest key, in characters.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Whether `lower` (a lower-case word) typically begins a sentence.
    pub fn is_starter(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }

    /// Whether `lower` (a lower-case word) is a preposition.
    pub fn is_preposition(&self, lower: &str) -> bool {
        self.prepositions.contains(lower)
    }

    /// Whether `lower` (a lower-case word) is a verb of saying.
    pub fn is_saying(&self, lower: &str) -> bool {
        self.saying.contains(lower)
    }

    /// Whether `word` (as written) is a title that opens a person's name.
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// Whether `lower` (a lower-case word) is a listed verbal adverb.
    pub fn is_adverb(&self, lower: &str) -> bool {
        self.adverbs.contains(lower)
    }

    /// Whether `lower` (a lower-case word) is a noun that ends as a past
    /// verb.
    pub fn is_past_like(&self, lower: &str) -> bool {
        self.past_like.contains(lower)
    }

    /// Whether `word` (as written) names a country's body after its
    /// dotted abbreviation ("Embassy" in "the U.S. Embassy").
    pub fn is_body(&self, word: &str) -> bool {
        self.bodies.contains(word)
    }
}

/// The words of a starter file, each with the section it stands in
/// (`[prepositions]`, `[saying]`, `[titles]`, `[adverbs]`, `[past-like]`,
/// `[bodies]` or none): every field of every line.
fn parse_words<'a>(file: RuleFile<'a>) -> Result<Vec<(&'a str, Option<&'a str>)>, RuleError> {
    let mut words = Vec::new();
    for line in file.lines(&[
        "prepositions",
        "saying",
        "titles",
        "adverbs",
        "past-like",
        "bodies",
    ]) {
        let line = line?;
        words.extend(line.fields.iter().map(|&w| (w, line.section)));
    }
    Ok(words)
}

fn parse_class(word: &str) -> Option<Class> {
    match word {
        "prefix" => Some(Class::Prefix),
        "final" => Some(Class::Final),
        "weak" => Some(Class::Weak),
        _ => None,
    }
}

/// Parses an abbreviation file into entries: the abbreviation as written
/// (it may hold spaces: "до н.э."), then one or two classes.
pub fn parse_abbrevs(file: RuleFile) -> Result<Vec<(String, Abbrev)>, RuleError> {
    let mut entries = Vec::new();
    for line in file.lines(&[]) {
        let line = line?;
        let words = &line.fields;
        let classes: Vec<Class> = words
            .iter()
            .rev()
            .map_while(|w| parse_class(w))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let written = words[..words.len() - classes.len()].join(" ");
        let (class, after_number) = match classes.as_slice() {
            [c] => (*c, *c),
            [c, a] => (*c, *a),
            _ => {
                return Err(
                    line.error("expected an abbreviation, then one or two of prefix, final, weak")
                )
            }
        };
        if written.is_empty() || !written.ends_with('.') {
            return Err(line.error("an abbreviation ends with a dot"));
        }
        let abbrev = Abbrev {
            class,
            after_number,
            capitals: capital_initials(&written),
            capitalised: starts_with_capital(&written),
        };
        entries.push((written, abbrev));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_parses_without_bad_lines_or_duplicates() {
        for (name, file) in [("en", EN_ABBREV), ("ru", RU_ABBREV), ("kk", KK_ABBREV)] {
            let entries = parse_abbrevs(file).unwrap_or_else(|e| panic!("{e}"));
            let mut seen = HashSet::new();
            for (w, _) in &entries {
                assert!(seen.insert(key(w)), "{name}.txt: {w} twice");
            }
            assert!(entries.len() > 40, "{name}.txt has {}", entries.len());
        }
    }

    #[test]
    fn capital_initials_are_single_capitals() {
        assert!(capital_initials("U.S."));
        assert!(capital_initials("Қ.-Ж."));
        assert!(capital_initials("Н. А."));
        assert!(!capital_initials("Ph.D."));
        assert!(!capital_initials("т.д."));
        assert!(!capital_initials("Mr."));
        assert!(rules(Lang::En).abbrev("u.s").unwrap().capitals);
        assert!(!rules(Lang::Ru).abbrev("т.д").unwrap().capitals);
        assert!(rules(Lang::En).abbrev("art").unwrap().capitalised);
        assert!(!rules(Lang::En).abbrev("etc").unwrap().capitalised);
    }

    #[test]
    fn keys_fold_case_spaces_and_final_dot() {
        assert_eq!(key("т. д."), "т.д");
        assert_eq!(key("U.S."), "u.s");
        assert_eq!(key("т. п."), "т.п");
    }

    #[test]
    fn classes_and_after_number_variants_are_read() {
        let ru = rules(Lang::Ru);
        let g = ru.abbrev("г").unwrap();
        assert_eq!(g.class, Class::Prefix);
        assert_eq!(g.after_number, Class::Final);
        assert_eq!(ru.abbrev("т.д").unwrap().class, Class::Final);
        // Russian text falls back on the English list.
        assert_eq!(ru.abbrev("u.s").unwrap().class, Class::Weak);
        let kk = rules(Lang::Kk);
        assert_eq!(kk.abbrev("т.б").unwrap().class, Class::Final);
        assert_eq!(kk.abbrev("мыс").unwrap().class, Class::Prefix);
        assert!(kk.is_starter("ол"));
        assert!(ru.is_starter("в") && ru.is_preposition("в"));
        assert!(ru.is_starter("его") && !ru.is_preposition("его"));
        assert!(rules(Lang::En).is_starter("the"));
        assert!(!rules(Lang::En).is_starter("department"));
        // Verbs of saying are a list of their own, no starters.
        assert!(rules(Lang::En).is_saying("said") && !rules(Lang::En).is_starter("said"));
        assert!(kk.is_saying("деді") && ru.is_saying("заявил"));
        // Titles keep their case and are no starters.
        assert!(rules(Lang::En).is_title("Minister") && !rules(Lang::En).is_title("minister"));
        assert!(ru.is_title("Аким") && kk.is_title("Әкім") && !ru.is_starter("аким"));
        // Adverbs and nouns like a past verb are lists of their own.
        assert!(ru.is_adverb("выступая") && !ru.is_starter("выступая"));
        assert!(ru.is_past_like("правила") && !ru.is_adverb("правила"));
    }
}
