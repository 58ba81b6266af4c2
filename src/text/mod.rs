//! The words of a text as every stage of tm sees them: where they are
//! ([`split`]), the form in which they are compared ([`mod@fold`]), their
//! stems by language ([`mod@stem`]) and their keys ([`mod@words`]: a stem,
//! or the one key of every number, month or scale).
//!
//! Fuzzy matching, the concordance, the aligner's lexicon and the
//! segmenter all read words through this module, so that a word is the
//! same word to each of them; it depends on none of them (month and scale
//! names are recognised by [`crate::localise::token`], which owns them).

pub mod fold;
pub mod numbers;
pub mod split;
pub mod stem;
pub mod words;

pub use fold::{fold, push_folded};
pub use split::{is_word_char, pieces, word_spans, Piece};
pub use stem::Stemmer;
pub use words::{punctuation, words, Word, MONTH_KEY, NUMBER_KEY, SCALE_KEY};
