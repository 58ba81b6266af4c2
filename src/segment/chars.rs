//! Character classes the segmenter reasons with: what ends a sentence, what
//! closes or opens a quotation, what counts as a space, a dash or a bullet.
//!
//! Kept apart so that every rule speaks of the same classes, and so that a
//! reader can see at once which quotation marks and dashes tm knows.

/// Characters that can end a sentence on their own.
pub fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽' | '？' | '！' | '。'
    )
}

/// Characters that only ever close a quotation or a bracket, so that one
/// standing after a sentence end belongs to that sentence.
pub fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '’' | '›' | ')' | ']' | '}' | '"' | '\'')
}

/// Closers that may stand apart from the sentence end after a space
/// ("… ашты. »"): the ones that never open anything, plus the straight
/// quotes, which are taken as closing only when nothing follows them.
pub fn is_detached_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '’' | '›' | '"' | ')')
}

/// Characters that open a quotation or a bracket before a sentence's first
/// word.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '«' | '“' | '„' | '‘' | '‹' | '(' | '[' | '{' | '"' | '\'' | '”'
    )
}

/// Openers that never close anything (« “ „ ‘ ( [): a dot right after one
/// has no word before it.
pub fn is_open_only(c: char) -> bool {
    is_opener(c) && !is_closer(c)
}

/// Dashes and hyphens: after a sentence end they introduce an attribution
/// ("?» – деді", "…?” — said X") or a dateline, never a new sentence.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

/// Bullet characters that start a list item wherever they stand after a
/// space.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '●'
            | '▪'
            | '■'
            | '◦'
            | '‣'
            | '⁃'
            | '►'
            | '▸'
            | '◆'
            | '❖'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// Spaces inside a line, including the no-break and zero-width ones a word
/// processor leaves behind.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Symbols that stand before a number ("$15", "№ 2", "+7").
pub fn is_number_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₸' | '₽' | '№' | '#' | '+' | '§' | '%'
    )
}

/// Whether `c` is a letter, answered without the general Unicode tables for
/// the scripts tm reads most (ASCII and Cyrillic).
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0}'..='\u{7f}' => false,
        // Cyrillic: letters, save the thousands sign and combining marks.
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{52f}' => true,
        _ => c.is_alphabetic(),
    }
}
