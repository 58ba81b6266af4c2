//! Drafts: the new release with each segment replaced by the translation of
//! its best match, the layout (line breaks, paragraphs) kept as it was.

use crate::lang::Lang;
use crate::segment::Segment;

/// The draft of `text`: segment `i` replaced by `choice[i]` when there is
/// one, else kept in the source language and marked `[[en: …]]` so that a
/// translator finds it. Everything between segments is copied.
pub fn draft(text: &str, segments: &[Segment], choice: &[Option<String>], from: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, c) in segments.iter().zip(choice) {
        if s.start < at || s.end > text.len() {
            continue;
        }
        out.push_str(&text[at..s.start]);
        match c {
            Some(t) => out.push_str(t),
            None => {
                out.push_str("[[");
                out.push_str(from.code());
                out.push_str(": ");
                out.push_str(&text[s.start..s.end]);
                out.push_str("]]");
            }
        }
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn keeps_layout_and_marks_unmatched() {
        let text = "One here. Two there.\n\nThree.\n";
        let segs = segment(text, Lang::En);
        assert_eq!(segs.len(), 3);
        let d = draft(
            text,
            &segs,
            &[Some("Раз.".into()), None, Some("Три.".into())],
            Lang::En,
        );
        assert_eq!(d, "Раз. [[en: Two there.]]\n\nТри.\n");
    }
}
