//! Folding: the form in which words are compared whatever their case —
//! lower case, with «ё» read as «е» (Russian texts write either). Fuzzy
//! matching, the concordance and the aligner's lexicon compare words in
//! this one form.

/// The folded form of `text`.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_yo() {
        assert_eq!(fold("Ёлка ЁЖ"), "елка еж");
        assert_eq!(fold("ҚАЗАҚСТАН Ülke"), "қазақстан ülke");
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for c in ('\u{0}'..='\u{04FF}').filter(|&c| c != 'ё' && c != 'Ё') {
            let expected: String = c.to_lowercase().collect();
            assert_eq!(fold(&c.to_string()), expected, "{c:?}");
        }
    }
}
