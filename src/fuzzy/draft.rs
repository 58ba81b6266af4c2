//! Drafts: the new release with each segment replaced by the translation of
//! its best match, the layout (line breaks, paragraphs) kept as it was.

use super::Match;
use crate::lang::Lang;
use crate::segment::Segment;

/// The translation into `lang` a draft takes for a segment whose matches
/// are `matches` (best first): the best match's translation, numbers
/// adapted, with its score; `None` when there is no match or the best one
/// has no text in `lang`. The text drafts and the XLIFF draft use this one
/// choice, so they hold the same translations.
pub fn best(matches: &[Match], lang: Lang) -> Option<(&str, f64)> {
    let m = matches.first()?;
    m.targets
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, t)| (t.as_str(), m.score))
}

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
    fn best_takes_the_first_match_in_the_language_or_none() {
        let m = |score: f64, targets: &[(Lang, &str)]| Match {
            unit: 0,
            id: "u".into(),
            score,
            source: "S.".into(),
            targets: targets.iter().map(|(l, t)| (*l, t.to_string())).collect(),
            numbers_adapted: Vec::new(),
            doubtful: false,
            diff: Vec::new(),
        };
        let matches = [m(90.0, &[(Lang::Kk, "Қ.")]), m(80.0, &[(Lang::Ru, "Р.")])];
        assert_eq!(best(&matches, Lang::Kk), Some(("Қ.", 90.0)));
        // A second match is not taken when the best one lacks the language:
        // the draft stays what the best match says.
        assert_eq!(best(&matches, Lang::Ru), None);
        assert_eq!(best(&[], Lang::Ru), None);
    }

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
