//! Drafts: the new release with each segment replaced by the translation of
//! its best match, the layout (line breaks, paragraphs) kept as it was.

use super::Match;
use crate::lang::Lang;
use crate::segment::Segment;

/// The lowest score whose translation goes into a draft unless the user
/// says otherwise: below it a match is a hint, not a draft.
pub const DRAFT_MIN: f64 = 75.0;

/// The translation into `lang` a draft takes for a segment whose matches
/// are `matches` (best first): the best match's translation, adapted, with
/// its score; `None` when there is no match, the best one scores below
/// `min`, or has no text in `lang`. The text drafts and the XLIFF draft use
/// this one choice, so they hold the same translations.
pub fn best(matches: &[Match], lang: Lang, min: f64) -> Option<(&str, f64)> {
    let m = matches.first().filter(|m| m.score >= min)?;
    m.targets
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, t)| (t.as_str(), m.score))
}

/// The draft of `text`: segment `i` replaced by the translation `choice[i]`
/// (with its score) when there is one, else kept in the source language and
/// marked `[[en: …]]` so that a translator finds it. With `marks`, a
/// translation from a match below 100 is marked with its score,
/// `[[96% …]]`: a draft never passes a fuzzy match off as a translation.
/// Everything between segments is copied.
pub fn draft(
    text: &str,
    segments: &[Segment],
    choice: &[Option<(String, f64)>],
    from: Lang,
    marks: bool,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, c) in segments.iter().zip(choice) {
        if s.start < at || s.end > text.len() {
            continue;
        }
        out.push_str(&text[at..s.start]);
        match c {
            Some((t, score)) if *score >= 100.0 || !marks => out.push_str(t),
            Some((t, score)) => {
                out.push_str(&format!("[[{score}% "));
                out.push_str(t);
                out.push_str("]]");
            }
            None if !marks => out.push_str(&text[s.start..s.end]),
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
            adapted: Vec::new(),
            check: Vec::new(),
            doubtful: false,
            diff: Vec::new(),
        };
        let matches = [m(90.0, &[(Lang::Kk, "Қ.")]), m(80.0, &[(Lang::Ru, "Р.")])];
        assert_eq!(best(&matches, Lang::Kk, DRAFT_MIN), Some(("Қ.", 90.0)));
        // A second match is not taken when the best one lacks the language:
        // the draft stays what the best match says.
        assert_eq!(best(&matches, Lang::Ru, DRAFT_MIN), None);
        assert_eq!(best(&[], Lang::Ru, DRAFT_MIN), None);
        // Below the draft's lowest score, no translation.
        assert_eq!(best(&matches, Lang::Kk, 95.0), None);
    }

    #[test]
    fn keeps_layout_and_marks_unmatched() {
        let text = "One here. Two there.\n\nThree.\n";
        let segs = segment(text, Lang::En);
        assert_eq!(segs.len(), 3);
        let choice = [
            Some(("Раз.".to_string(), 100.0)),
            None,
            Some(("Три.".to_string(), 96.5)),
        ];
        let d = draft(text, &segs, &choice, Lang::En, true);
        assert_eq!(d, "Раз. [[en: Two there.]]\n\n[[96.5% Три.]]\n");
        let clean = draft(text, &segs, &choice, Lang::En, false);
        assert_eq!(clean, "Раз. Two there.\n\nТри.\n");
    }
}
