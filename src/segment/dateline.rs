//! Datelines at the start of a line: "АСТАНА. 10 июня. КАЗИНФОРМ – …",
//! "ASTANA, Dec. 5 (Reuters) – …". Everything up to the dash belongs to the
//! first sentence, whatever full stops it holds.

use super::chars::{is_dash, is_space};

/// At most this many words stand before a dateline's dash.
const MAX_WORDS: usize = 8;

/// If `line` opens with a dateline, the byte offset just past its dash.
///
/// A dateline starts with a place in capitals ("ASTANA", "НҰР-СҰЛТАН"),
/// holds a number (the day or year), has only short words, numbers and
/// agency tags before a dash that stands between spaces, and is short.
pub fn dateline_end(line: &str) -> Option<usize> {
    let mut words = 0;
    let mut has_number = false;
    let mut pos = 0;
    for token in line.split(is_space) {
        let start = pos;
        pos += token.len() + 1;
        if token.is_empty() {
            continue;
        }
        if token.chars().all(is_dash) {
            // The place, a number and the dash: a dateline.
            return (words >= 2 && has_number).then_some(start + token.len());
        }
        words += 1;
        if words > MAX_WORDS {
            return None;
        }
        let core = token.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | '/' | ':'));
        if words == 1 && !is_place(core) {
            return None;
        }
        if core.chars().any(|c| c.is_ascii_digit()) {
            has_number = true;
            if !core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-'))
            {
                return None;
            }
        } else if core.chars().count() > 14
            || !core
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        {
            return None;
        }
    }
    None
}

/// A place name in capitals, possibly hyphenated: "ASTANA", "НҰР-СҰЛТАН".
fn is_place(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(line: &str) -> Option<&str> {
        dateline_end(line).map(|i| line[i..].trim_start())
    }

    #[test]
    fn finds_datelines_of_several_styles() {
        assert_eq!(rest("АСТАНА. 10 июня. КАЗИНФОРМ – Глава"), Some("Глава"));
        assert_eq!(rest("ASTANA, Dec. 5 (Reuters) - The"), Some("The"));
        assert_eq!(
            rest("НҰР-СҰЛТАН. 2019 жылғы 5 маусым. ҚазАқпарат – Ел"),
            Some("Ел")
        );
        assert_eq!(
            rest("ALMATY, 3 May 2014 — Journalists"),
            Some("Journalists")
        );
    }

    #[test]
    fn ignores_lines_that_are_no_datelines() {
        assert_eq!(rest("The OSCE. 2015 – a year"), None);
        assert_eq!(rest("ОБСЕ – организация"), None);
        assert_eq!(
            rest("USA. The budget was approved by a large majority – 300 votes"),
            None
        );
        assert_eq!(
            rest("ASTANA, 10 June 2014 The office opened a new library today."),
            None
        );
    }
}
