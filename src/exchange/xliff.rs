//! Writing a translation draft as XLIFF 1.2, which OmegaT, Trados and memoQ
//! open: each segment of a release as a `<trans-unit>`, its best match from
//! the memory as the `<target>`, and the match's score in `<alt-trans>`.
//!
//! A target at 100 is `translated`, and its unit `approved="yes"` when
//! there is nothing to check in it; below 100 it is
//! `needs-review-translation`, never approved, so a translator's tool flags
//! it. A segment without a match has no `<target>`.
//!
//! OmegaT's XLIFF filter translates the text of `<target>` rather than of
//! `<source>`: for OmegaT, tm writes a project folder instead
//! ([`write_source_xliff`], [`super::omegat`]).

use std::io::{self, Write};

use super::xml;
use crate::Lang;

/// The XLIFF 1.2 namespace.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// One segment of the draft: its text, the best match's translation with
/// its score (0–100) if the memory had one, and what a person must check in
/// that translation (written as `<note>`s, which CAT tools show beside the
/// segment).
pub type DraftSegment = (String, Option<(String, f64)>, Vec<String>);

/// Writes an XLIFF 1.2 draft of the segments of `original` (the release's
/// file name, XLIFF's required `original` attribute) from `source` into
/// `target`. Returns the number of characters XML cannot carry, written as
/// U+FFFD.
pub fn write_xliff<W: Write>(
    w: &mut W,
    original: &str,
    source: Lang,
    target: Lang,
    segments: &[DraftSegment],
) -> io::Result<usize> {
    let mut out = String::with_capacity(4096);
    let mut replaced = push_header(&mut out, original, source, target);
    w.write_all(out.as_bytes())?;
    for (i, (text, best, notes)) in segments.iter().enumerate() {
        out.clear();
        // An exact match with nothing to check is a translation: approved,
        // which translate-toolkit and the tools built on it require to
        // count it as translated rather than fuzzy.
        let approved = best.as_ref().is_some_and(|(_, s)| *s >= 100.0) && notes.is_empty();
        out.push_str(&format!(
            "      <trans-unit id=\"{}\" xml:space=\"preserve\"{}>\n        <source>",
            i + 1,
            if approved { " approved=\"yes\"" } else { "" }
        ));
        replaced += xml::push_text(&mut out, text);
        out.push_str("</source>\n");
        if let Some((translation, score)) = best {
            let (state, qualifier) = if *score >= 100.0 {
                ("translated", "exact-match")
            } else {
                ("needs-review-translation", "fuzzy-match")
            };
            out.push_str(&format!(
                "        <target state=\"{state}\" state-qualifier=\"{qualifier}\">"
            ));
            replaced += xml::push_text(&mut out, translation);
            out.push_str("</target>\n");
            out.push_str(&format!(
                "        <alt-trans match-quality=\"{}\" origin=\"tm\">\n          <target xml:lang=\"{}\">",
                score_text(*score),
                target.code()
            ));
            replaced += xml::push_text(&mut out, translation);
            out.push_str("</target>\n        </alt-trans>\n");
            for note in notes {
                out.push_str("        <note from=\"tm\" annotates=\"target\">");
                replaced += xml::push_text(&mut out, note);
                out.push_str("</note>\n");
            }
        }
        out.push_str("      </trans-unit>\n");
        w.write_all(out.as_bytes())?;
    }
    w.write_all(b"    </body>\n  </file>\n</xliff>\n")?;
    w.flush()?;
    Ok(replaced)
}

/// The XML declaration, `<xliff>`, `<file>` and `<header>`, up to `<body>`.
/// Returns the characters replaced.
fn push_header(out: &mut String, original: &str, source: Lang, target: Lang) -> usize {
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">\n"));
    out.push_str("  <file original=\"");
    let replaced = xml::push_attr(out, original);
    out.push_str(&format!(
        "\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\" tool-id=\"tm\">\n",
        source.code(),
        target.code()
    ));
    out.push_str(&format!(
        "    <header>\n      <tool tool-id=\"tm\" tool-name=\"tm\" tool-version=\"{}\"/>\n    </header>\n    <body>\n",
        env!("CARGO_PKG_VERSION")
    ));
    replaced
}

/// Writes the XLIFF 1.2 source document of an OmegaT project (see
/// [`super::omegat`]): OmegaT's XLIFF filter translates the text of
/// `<target>` (as files prepared by Okapi Rainbow have it), so each
/// `<target>` holds a copy of its source, `state="needs-translation"`;
/// a unit without `<target>` would not be shown at all. The translations
/// go to the project's TMX files instead. `segments` are each segment's
/// text and the notes for the translator. Returns the characters replaced.
pub fn write_source_xliff<W: Write>(
    w: &mut W,
    original: &str,
    source: Lang,
    target: Lang,
    segments: &[(String, Vec<String>)],
) -> io::Result<usize> {
    let mut out = String::with_capacity(4096);
    let mut replaced = push_header(&mut out, original, source, target);
    for (i, (text, notes)) in segments.iter().enumerate() {
        out.push_str(&format!(
            "      <trans-unit id=\"{}\" xml:space=\"preserve\">\n        <source>",
            i + 1
        ));
        replaced += xml::push_text(&mut out, text);
        out.push_str("</source>\n        <target state=\"needs-translation\">");
        replaced += xml::push_text(&mut out, text);
        out.push_str("</target>\n");
        for note in notes {
            out.push_str("        <note from=\"tm\">");
            replaced += xml::push_text(&mut out, note);
            out.push_str("</note>\n");
        }
        out.push_str("      </trans-unit>\n");
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    w.write_all(b"    </body>\n  </file>\n</xliff>\n")?;
    w.flush()?;
    Ok(replaced)
}

/// A score as XLIFF's `match-quality`: a number from 0 to 100 with at most
/// one decimal (`100`, `87.5`).
fn score_text(score: f64) -> String {
    let s = (score.clamp(0.0, 100.0) * 10.0).round() / 10.0;
    format!("{s}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(segments: &[DraftSegment]) -> String {
        let mut out = Vec::new();
        write_xliff(&mut out, "release & co.txt", Lang::En, Lang::Ru, segments).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_states_scores_and_escapes() {
        let x = draft(&[
            (
                "The Office opened.".into(),
                Some(("Офис открылся.".into(), 100.0)),
                Vec::new(),
            ),
            (
                "The Office closed <today>.".into(),
                Some(("Офис закрылся & всё.".into(), 87.46)),
                vec!["87.4% match: words <differ>".into()],
            ),
            ("Nothing like it.".into(), None, Vec::new()),
        ]);
        let expected = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">
  <file original=\"release &amp; co.txt\" source-language=\"en\" target-language=\"ru\" datatype=\"plaintext\" tool-id=\"tm\">
    <header>
      <tool tool-id=\"tm\" tool-name=\"tm\" tool-version=\"{v}\"/>
    </header>
    <body>
      <trans-unit id=\"1\" xml:space=\"preserve\" approved=\"yes\">
        <source>The Office opened.</source>
        <target state=\"translated\" state-qualifier=\"exact-match\">Офис открылся.</target>
        <alt-trans match-quality=\"100\" origin=\"tm\">
          <target xml:lang=\"ru\">Офис открылся.</target>
        </alt-trans>
      </trans-unit>
      <trans-unit id=\"2\" xml:space=\"preserve\">
        <source>The Office closed &lt;today&gt;.</source>
        <target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">Офис закрылся &amp; всё.</target>
        <alt-trans match-quality=\"87.5\" origin=\"tm\">
          <target xml:lang=\"ru\">Офис закрылся &amp; всё.</target>
        </alt-trans>
        <note from=\"tm\" annotates=\"target\">87.4% match: words &lt;differ&gt;</note>
      </trans-unit>
      <trans-unit id=\"3\" xml:space=\"preserve\">
        <source>Nothing like it.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
",
            v = env!("CARGO_PKG_VERSION")
        );
        pretty_assertions::assert_eq!(x, expected);
    }

    #[test]
    fn an_exact_match_with_something_to_check_is_not_approved() {
        let x = draft(&[(
            "A.".into(),
            Some(("Б.".into(), 100.0)),
            vec!["ru: an agreement left as stored".into()],
        )]);
        assert!(!x.contains("approved"), "{x}");
        assert!(x.contains("state=\"translated\""), "{x}");
    }

    #[test]
    fn a_score_just_under_100_needs_review() {
        let x = draft(&[("A.".into(), Some(("Б.".into(), 99.96)), Vec::new())]);
        assert!(x.contains("state=\"needs-review-translation\""), "{x}");
        // Rounded for display only: the state follows the real score.
        assert!(x.contains("match-quality=\"100\""), "{x}");
    }

    #[test]
    fn output_is_well_formed_xml() {
        let x = draft(&[("x\u{1}y".into(), Some(("z\r\n".into(), 50.0)), Vec::new())]);
        let mut r = quick_xml::Reader::from_str(&x);
        let mut depth = 0i32;
        loop {
            match r.read_event().unwrap() {
                quick_xml::events::Event::Start(_) => depth += 1,
                quick_xml::events::Event::End(_) => depth -= 1,
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0);
        assert!(x.contains("x\u{FFFD}y") && x.contains("z&#13;\n"), "{x}");
    }
}
