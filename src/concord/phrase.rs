//! A `tm concord` phrase: its words cut to stems under one language's rules,
//! and where it occurs in a text (consecutive words, each matching).

use crate::lang::Lang;

use super::error::ConcordError;
use super::rules::{PhraseWord, Rules};
use crate::text::{fold, word_spans};

/// A phrase ready for matching: its words' stems under `lang`'s rules.
pub(crate) struct Phrase {
    rules: &'static Rules,
    pub(crate) words: Vec<PhraseWord>,
}

impl Phrase {
    /// Folds `phrase` and cuts its words to stems; a phrase without a word
    /// is [`ConcordError::EmptyPhrase`].
    pub(crate) fn new(phrase: &str, lang: Lang) -> Result<Phrase, ConcordError> {
        let rules = Rules::of(lang);
        let folded = fold(phrase);
        let words: Vec<PhraseWord> = word_spans(&folded)
            .map(|(s, e)| rules.phrase_word(&folded[s..e]))
            .collect();
        if words.is_empty() {
            return Err(ConcordError::EmptyPhrase);
        }
        Ok(Phrase { rules, words })
    }

    /// The phrase word whose stem is rarest, guessed as the longest.
    pub(crate) fn anchor(&self) -> &PhraseWord {
        self.words
            .iter()
            .max_by_key(|w| w.stem.len())
            .unwrap_or(&self.words[0])
    }

    /// Where the phrase occurs in `text` whose words are `spans` (byte
    /// ranges) and whose folded words `folded(i)` gives.
    fn occurrences<'t>(
        &self,
        spans: &[(usize, usize)],
        folded: impl Fn(usize) -> std::borrow::Cow<'t, str>,
    ) -> Vec<(usize, usize)> {
        let k = self.words.len();
        let mut found = Vec::new();
        let mut i = 0;
        while i + k <= spans.len() {
            let hit = self
                .words
                .iter()
                .enumerate()
                .all(|(j, w)| self.rules.matches(w, &folded(i + j)));
            if hit {
                found.push((spans[i].0, spans[i + k - 1].1));
                i += k;
            } else {
                i += 1;
            }
        }
        found
    }

    /// Whether the folded text `folded` holds the phrase; `spans` is
    /// scratch space, reused between calls to save allocations.
    pub(crate) fn matches_folded(&self, folded: &str, spans: &mut Vec<(usize, usize)>) -> bool {
        spans.clear();
        spans.extend(word_spans(folded));
        let k = self.words.len();
        spans.len() >= k
            && (0..=spans.len() - k).any(|i| {
                self.words.iter().enumerate().all(|(j, w)| {
                    let (s, e) = spans[i + j];
                    self.rules.matches(w, &folded[s..e])
                })
            })
    }

    /// The phrase's occurrences in the original (unfolded) `text`, whose byte
    /// offsets differ from the folded copy's when folding changes lengths.
    pub(crate) fn locate(&self, text: &str) -> Vec<(usize, usize)> {
        let spans: Vec<(usize, usize)> = word_spans(text).collect();
        self.occurrences(&spans, |i| {
            std::borrow::Cow::Owned(fold(&text[spans[i].0..spans[i].1]))
        })
    }
}
