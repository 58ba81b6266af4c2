//! Words of a sentence as tm compares them: the text as written, its
//! folded form, and a key (its stem, or one key for any number, any month,
//! any scale).
//!
//! Two words with the same key are "nearly the same" for fuzzy matching's
//! score (they cost at most half an edit) and are what its index looks up;
//! keeping both ideas in one function is what keeps the index's filters
//! lossless. The aligner's lexicon pairs keys across languages, and the
//! segmenter compares a headline's keys with its lede's.

use crate::lang::Lang;
use crate::localise::token::{month_word, scale_word};

use super::fold::fold;
use super::split::{is_word_char, pieces};
use super::stem::Stemmer;

/// The key shared by every number, so that numbers meet in the index and a
/// changed number costs no word edit (only a small penalty).
pub const NUMBER_KEY: &str = "#";

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as written, without surrounding punctuation (`Astana`).
    pub text: String,
    /// Folded: lower case, with `ё` read as `е` (`astana`; see
    /// [`super::fold()`]).
    pub lower: String,
    /// The stem, or [`NUMBER_KEY`] for a number: the unit of the index.
    pub key: String,
    /// Whether the word is a recognised token: a number (`2024`, `1,5`,
    /// `12.3`, `10:00`, `3rd`, `12-ге`) or a month name (key
    /// [`MONTH_KEY`]). Two tokens with the same key cost no word edit.
    pub number: bool,
    /// What is shown in a diff: the word with its punctuation and any
    /// punctuation-only pieces that follow it (`Astana,` or `2024 —`).
    pub display: String,
}

/// The key shared by every month name, in any language and form: a month
/// replaced by another costs no word edit, like a number.
pub const MONTH_KEY: &str = "#m";

/// The key shared by the scales of amounts ("million", «млрд»): "4.2
/// billion" → "850 million" differs only in recognised tokens.
pub const SCALE_KEY: &str = "#s";

/// Whether `core` (a word without surrounding punctuation) is a number:
/// digits, possibly with `.,:/-–—` between them ("2021–2023"), and possibly
/// an ordinal or case ending after them ("3rd", «12-ге», «3-е»).
fn is_number(core: &str) -> bool {
    if !core.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let digits_end = core
        .find(|c: char| {
            !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-' | '–' | '—'))
        })
        .unwrap_or(core.len());
    let rest = &core[digits_end..];
    rest.is_empty()
        || matches!(rest, "st" | "nd" | "rd" | "th")
        || (core[..digits_end].ends_with('-') && rest.chars().all(char::is_alphabetic))
        || rest
            .strip_prefix('%')
            .is_some_and(|r| r.is_empty() || r.starts_with('-'))
}

/// The words of `text` in `lang`, in order. Pieces between spaces that hold
/// no letter or digit (a dash, an ellipsis) are not words: they join the
/// display of the word before them.
pub fn words(text: &str, lang: Lang) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut pending = String::new();
    for piece in pieces(text) {
        let (core, piece) = (piece.core, piece.written);
        if core.is_empty() {
            match out.last_mut() {
                Some(w) => {
                    w.display.push(' ');
                    w.display.push_str(piece);
                }
                None => {
                    pending.push_str(piece);
                    pending.push(' ');
                }
            }
            continue;
        }
        let lower = fold(core);
        let month = month_word(core, lang, out.is_empty()).is_some();
        let scale = !month && scale_word(core, lang).is_some();
        let number = month || scale || is_number(core);
        let key = if month {
            MONTH_KEY.to_string()
        } else if scale {
            SCALE_KEY.to_string()
        } else if number {
            NUMBER_KEY.to_string()
        } else {
            Stemmer::of(lang).stem(&lower).to_string()
        };
        out.push(Word {
            text: core.to_string(),
            lower,
            key,
            number,
            display: format!("{}{piece}", std::mem::take(&mut pending)),
        });
    }
    out
}

/// The punctuation of `text` in order (every character that is neither a
/// letter, a digit nor a space): texts whose words agree but whose
/// punctuation differs get a small penalty.
pub fn punctuation(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_word_char(c) && !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, lang: Lang) -> Vec<String> {
        words(text, lang).into_iter().map(|w| w.key).collect()
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        assert_eq!(keys("Астана Астанада Астанадағы", Lang::Kk), ["аст"; 3]);
        assert_eq!(keys("қала қалада", Lang::Kk), ["қал"; 2]);
        assert_eq!(keys("центр центра центре", Lang::Ru), ["центр"; 3]);
        assert_eq!(
            keys("Астана Астане новый новые", Lang::Ru),
            ["астан", "астан", "нов", "нов"]
        );
        assert_eq!(keys("centre centres", Lang::En), ["centr"; 2]);
        assert_eq!(keys("opened opens", Lang::En), ["open"; 2]);
        assert_ne!(keys("the", Lang::En), keys("th", Lang::En));
    }

    #[test]
    fn numbers_share_one_key_and_punctuation_is_kept_for_display() {
        let w = words("In 2024, — revenue rose 5.5%.", Lang::En);
        let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["In", "2024", "revenue", "rose", "5.5"]);
        assert_eq!(w[1].key, NUMBER_KEY);
        assert!(w[4].number && !w[2].number);
        assert_eq!(w[1].display, "2024, —");
        assert_eq!(w[4].display, "5.5%.");
        assert_eq!(punctuation("In 2024, — 5.5%."), ",—.%.");
    }

    #[test]
    fn lower_reads_yo_as_e() {
        assert_eq!(words("Ёлка", Lang::Ru)[0].lower, "елка");
    }
}
