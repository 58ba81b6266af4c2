//! Escaping text for XML 1.0, shared by the TMX and XLIFF writers.
//!
//! Only what XML needs is escaped, so the files stay readable. Characters
//! XML 1.0 cannot carry at all (most C0 controls) are written as U+FFFD and
//! counted, because a file with them would be rejected by every peer.

/// Appends `text` escaped for element content. `\r` is written as `&#13;`
/// because a parser turns a literal one into `\n`. Returns how many
/// characters had to be replaced.
pub fn push_text(out: &mut String, text: &str) -> usize {
    push_escaped(out, text, false)
}

/// Appends `text` escaped for a double-quoted attribute value. Tabs and line
/// breaks become character references, which attribute normalization keeps.
pub fn push_attr(out: &mut String, text: &str) -> usize {
    push_escaped(out, text, true)
}

fn push_escaped(out: &mut String, text: &str, attr: bool) -> usize {
    let mut replaced = 0;
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if !allowed(c) => {
                out.push('\u{FFFD}');
                replaced += 1;
            }
            c => out.push(c),
        }
    }
    replaced
}

/// The characters XML 1.0 allows (the `Char` production).
fn allowed(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The value of one of XML's five predefined entities, or `None`.
pub fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_line_breaks_exact() {
        let mut s = String::new();
        assert_eq!(push_text(&mut s, "a<b & \"c\"\r\n\u{1}"), 1);
        assert_eq!(s, "a&lt;b &amp; \"c\"&#13;\n\u{FFFD}");
        let mut a = String::new();
        push_attr(&mut a, "x\"y\n\tz");
        assert_eq!(a, "x&quot;y&#10;&#9;z");
    }
}
