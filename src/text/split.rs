//! Where the words of a text are. tm needs them at two sizes, both cut by
//! the one test of what belongs to a word ([`is_word_char`]):
//!
//! - [`word_spans`]: every run of letters and digits ("COVID-19" is
//!   "COVID" and "19"), as the concordance finds a phrase's words;
//! - [`pieces`]: what stands between spaces, with its core from its first
//!   letter or digit to its last ("«Астана»," → "Астана", "COVID-19" stays
//!   whole), as fuzzy matching reads a sentence, so that a number such as
//!   "2,5" or «12-ге» is one word.

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

/// The byte ranges of the words of `text`: its runs of letters and digits.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
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

/// One piece of a text between white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The piece as written, with its punctuation (`«Астана»,`).
    pub written: &'a str,
    /// From its first letter or digit to its last (`Астана`); empty when
    /// the piece has none (a dash, an ellipsis).
    pub core: &'a str,
}

/// The pieces of `text` between white space, in order.
pub fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    text.split_whitespace().map(|written| Piece {
        written,
        core: written.trim_matches(|c: char| !is_word_char(c)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_fast_path_agrees_with_unicode() {
        for c in '\u{0400}'..='\u{04FF}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn spans_split_at_punctuation() {
        let t = "COVID-19, «Астана» it's";
        let w: Vec<&str> = word_spans(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["COVID", "19", "Астана", "it", "s"]);
    }

    #[test]
    fn pieces_keep_inner_punctuation_and_drop_the_outer() {
        let t = "«Астана», COVID-19 — 2,5%.\u{a0}it's";
        let p: Vec<(&str, &str)> = pieces(t).map(|p| (p.written, p.core)).collect();
        assert_eq!(
            p,
            [
                ("«Астана»,", "Астана"),
                ("COVID-19", "COVID-19"),
                ("—", ""),
                ("2,5%.", "2,5"),
                ("it's", "it's"),
            ]
        );
    }
}
