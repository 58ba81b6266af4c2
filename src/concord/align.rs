//! Where a concordance phrase is in a unit's other languages, as far as tm
//! can tell without a dictionary: the words of the other text that are
//! plainly the same as a word of the phrase. That is a number (the same
//! digits: `2.5` and `2,5`), a name (a capitalised or Latin word whose
//! transliterated skeleton is alike, as the aligner's anchors compare them:
//! Astana/Астанаға), the very same word (a Latin name in Cyrillic text), or,
//! between Russian and Kazakh, a long word sharing its stem (парламент /
//! парламенті). Anything else is left unmarked: no highlight is better than
//! a wrong one.

use strsim::jaro_winkler;

use crate::align::translit::skeleton;

use crate::text::{fold, word_spans};

/// How alike two name skeletons must be; the aligner's threshold.
const NAME_SIMILARITY: f64 = 0.85;

/// The shortest stem two Cyrillic words must share to count as one word.
const MIN_STEM: usize = 5;

/// The byte ranges of the words of `other` that tm can tell are the words
/// of `text` inside `spans` (the phrase found in `text`), in text order.
pub fn aligned_spans(text: &str, spans: &[(usize, usize)], other: &str) -> Vec<(usize, usize)> {
    let phrase: Vec<Word> = word_spans(text)
        .filter(|&(s, e)| spans.iter().any(|&(a, b)| s >= a && e <= b))
        .map(|(s, e)| Word::new(&text[s..e], text))
        .collect();
    if phrase.is_empty() {
        return Vec::new();
    }
    word_spans(other)
        .filter(|&(s, e)| {
            let w = Word::new(&other[s..e], other);
            phrase.iter().any(|p| p.same(&w))
        })
        .collect()
}

/// A word with what the comparison needs.
struct Word {
    /// Lower case.
    folded: String,
    /// Its digits when it is a number (leading zeros dropped).
    number: Option<String>,
    /// Its skeleton when it may be a name.
    name: Option<String>,
    cyrillic: bool,
}

impl Word {
    fn new(word: &str, context: &str) -> Word {
        let number = word.chars().all(|c| c.is_ascii_digit()).then(|| {
            let t = word.trim_start_matches('0');
            if t.is_empty() { "0" } else { t }.to_string()
        });
        let cyrillic = word.chars().any(crate::lang::is_cyrillic);
        let context_cyrillic = context
            .chars()
            .filter(|&c| crate::lang::is_cyrillic(c))
            .count()
            > context.chars().filter(char::is_ascii_alphabetic).count();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let name = (number.is_none() && (capital || (context_cyrillic && word.is_ascii())))
            .then(|| skeleton(word))
            .filter(|s| s.len() >= 3);
        Word {
            folded: fold(word),
            number,
            name,
            cyrillic,
        }
    }

    /// Whether `other` is plainly the same word.
    fn same(&self, other: &Word) -> bool {
        if self.number.is_some() || other.number.is_some() {
            return self.number == other.number;
        }
        if self.folded.chars().count() >= 3 && self.folded == other.folded {
            return true;
        }
        if let (Some(a), Some(b)) = (&self.name, &other.name) {
            if a.chars().next() == b.chars().next() && jaro_winkler(a, b) >= NAME_SIMILARITY {
                return true;
            }
        }
        self.cyrillic && other.cyrillic && same_stem(&self.folded, &other.folded)
    }
}

/// Two long words sharing all but at most two letters of the shorter one,
/// and at least [`MIN_STEM`] letters: one word with different endings.
fn same_stem(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    la.min(lb) >= MIN_STEM && shared >= MIN_STEM.max(la.min(lb).saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, phrase: &str, other: &str) -> Vec<String> {
        let s = text.find(phrase).unwrap();
        aligned_spans(text, &[(s, s + phrase.len())], other)
            .into_iter()
            .map(|(a, b)| other[a..b].to_string())
            .collect()
    }

    #[test]
    fn numbers_and_names_are_found_across_scripts() {
        let en = "The forum in Astana gathered 2.5 thousand guests.";
        let ru = "Форум в Астане собрал 2,5 тысячи гостей.";
        let kk = "Астанадағы форумға 2,5 мың қонақ жиналды.";
        assert_eq!(
            marked(en, "in Astana gathered 2.5", ru),
            ["Астане", "2", "5"]
        );
        assert_eq!(marked(en, "Astana", kk), ["Астанадағы"]);
        // Words without a number or a name: nothing is guessed.
        assert!(marked(en, "thousand guests", ru).is_empty());
    }

    #[test]
    fn russian_and_kazakh_share_long_stems_only() {
        let ru = "Парламент принял закон о цифровых платформах.";
        let kk = "Парламент цифрлық платформалар туралы заң қабылдады.";
        assert_eq!(marked(ru, "платформах", kk), ["платформалар"]);
        assert!(marked(ru, "закон", kk).is_empty());
        assert_eq!(marked(ru, "Парламент принял", kk), ["Парламент"]);
    }

    #[test]
    fn latin_names_in_cyrillic_text_are_the_same_word() {
        let en = "The report by UNESCO was published.";
        let ru = "Доклад UNESCO опубликован.";
        assert_eq!(marked(en, "UNESCO", ru), ["UNESCO"]);
        assert!(marked(en, "report", ru).is_empty());
    }
}
