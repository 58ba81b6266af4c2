//! A small translation lexicon written by hand (`seed.txt`): common words
//! of news and press releases in English, Russian and Kazakh.
//!
//! The lexicon learned from the memory ([`super::lexicon`]) knows nothing
//! while the memory is empty or small, and then `tm add` had only numbers,
//! names and lengths to tell a translation from another text: about half
//! of short releases have too few numbers and names, and any text's
//! lengths follow any other's on average. The seed gives the judge
//! ([`super::judge`]) words to compare from the first release on.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::Lang;
use crate::rules::{built_in, rule_file, RuleError, RuleFile};
use crate::text::words;

/// The seed lexicon's file: ENGLISH RUSSIAN KAZAKH a line, alternatives
/// separated by commas.
const SEED: RuleFile<'static> = rule_file!("seed.txt");

/// The stems of the words of one field (`дети,ребенок`) in `lang`: each
/// word cut and stemmed as text is, so that the seed meets the words of a
/// release as the index does. Short stems stay (Kazakh «су», water): the
/// words are chosen by hand, so none is a particle the learned lexicon's
/// [`super::lexicon::MIN_STEM`] keeps out.
fn stems(field: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = field
        .split(',')
        .flat_map(|w| forms(w, lang))
        .flat_map(|w| words(&w, lang))
        .filter(|w| !w.number)
        .map(|w| w.key)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The word and, in English, its plural: the English stemmer leaves some
/// plurals a stem of their own ("ministry", "ministries" → "ministr"),
/// which Russian and Kazakh, stemming their endings away, never need.
fn forms(word: &str, lang: Lang) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if lang == Lang::En {
        let consonant_y =
            word.ends_with('y') && !word[..word.len() - 1].ends_with(['a', 'e', 'o', 'u']);
        out.push(if consonant_y {
            format!("{}ies", &word[..word.len() - 1])
        } else if word.ends_with(['s', 'x']) || word.ends_with("ch") || word.ends_with("sh") {
            format!("{word}es")
        } else {
            format!("{word}s")
        });
    }
    out
}

/// The seed lexicon: each stem of `seed.txt` with the lines (concepts) it
/// stands on. A concept is a line, the same in all three languages, so
/// that a word and its translation meet whatever forms each side has.
#[derive(Debug, Default)]
pub struct Seed {
    concepts: HashMap<(Lang, String), Vec<u32>>,
}

impl Seed {
    /// The concepts of the words of `text` in `lang`: sorted, each once.
    pub fn concepts(&self, text: &str, lang: Lang) -> Vec<u32> {
        self.concepts_unless(text, lang, |_| false)
    }

    /// [`Seed::concepts`] of the words whose stem `known` does not claim
    /// (those a learned lexicon knows better).
    pub fn concepts_unless(
        &self,
        text: &str,
        lang: Lang,
        known: impl Fn(&str) -> bool,
    ) -> Vec<u32> {
        let mut out: Vec<u32> = words(text, lang)
            .into_iter()
            .filter(|w| !w.number && !known(&w.key))
            .filter_map(|w| self.concepts.get(&(lang, w.key)))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How many concepts it knows.
    pub fn len(&self) -> usize {
        self.concepts
            .values()
            .flatten()
            .max()
            .map_or(0, |m| *m as usize + 1)
    }

    /// Whether it knows none.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }
}

/// Reads `seed.txt`.
fn read() -> Result<Seed, RuleError> {
    let mut seed = Seed::default();
    for (id, line) in SEED.lines(&[]).enumerate() {
        let line = line?;
        if line.fields.len() != 3 {
            return Err(line.error(format!(
                "expected ENGLISH RUSSIAN KAZAKH, found {} fields",
                line.fields.len()
            )));
        }
        for lang in Lang::ALL {
            let stems = stems(line.fields[lang as usize], lang);
            if stems.is_empty() {
                return Err(line.error(format!("no {} word", lang.code())));
            }
            for stem in stems {
                let ids = seed.concepts.entry((lang, stem)).or_default();
                if ids.last() != Some(&(id as u32)) {
                    ids.push(id as u32);
                }
            }
        }
    }
    Ok(seed)
}

/// The seed lexicon, read once.
pub fn seed() -> &'static Seed {
    static SEEDED: OnceLock<Seed> = OnceLock::new();
    SEEDED.get_or_init(|| built_in(read()))
}

/// The seed file, read as it is read for use, for the test that checks all
/// built-in rule files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    read()?;
    Ok(vec![SEED])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_and_its_translations_share_a_concept_in_any_form() {
        let s = seed();
        let en = s.concepts("ministries", Lang::En);
        assert_eq!(en.len(), 1, "{en:?}");
        assert_eq!(s.concepts("ministry", Lang::En), en);
        for (text, lang) in [("министерства", Lang::Ru), ("министрлікке", Lang::Kk)]
        {
            assert!(s.concepts(text, lang).contains(&en[0]), "{text}");
        }
        assert!(s.concepts("the", Lang::En).is_empty());
    }

    #[test]
    fn every_line_has_a_concept_in_each_language() {
        let s = seed();
        let lines = SEED.lines(&[]).count();
        assert_eq!(s.len(), lines);
        for lang in Lang::ALL {
            let known: std::collections::HashSet<u32> = s
                .concepts
                .iter()
                .filter(|((l, _), _)| *l == lang)
                .flat_map(|(_, ids)| ids.iter().copied())
                .collect();
            assert_eq!(known.len(), lines, "{}", lang.code());
        }
    }
}
