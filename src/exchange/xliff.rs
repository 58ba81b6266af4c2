//! Writing a translation draft as XLIFF 1.2, which OmegaT, Trados and memoQ
//! open: each segment of a release as a `<trans-unit>`, its best match from
//! the memory as the `<target>`, and the match's score in `<alt-trans>`.
//!
//! A target at 100 is `translated`, and its unit `approved="yes"` when
//! there is nothing to check in it; below 100 it is
//! `needs-review-translation`, never approved, so a translator's tool flags
//! it. A segment without a match has no `<target>`.
//!
//! A segment of a Word, HTML or Markdown release carries its inline
//! formatting as XLIFF 1.2 inline codes, so translators' tools show it as
//! tags: bold, italic, underline and links as `<g ctype="bold|italic|
//! underlined|link">`, other formatting as `<g ctype="x-…">`, line breaks,
//! tabs, images and note references as `<x ctype="lb|x-tab|image|
//! x-footnote"/>`, ids counted from 1 in each unit. Removing the codes
//! gives the segment's text as matched. Codes that cross are cut so that
//! they nest. The `<target>` holds codes only where tm is sure where they
//! go: an exact match whose codes cover the whole segment, or text that
//! stands as it is in the translation (a URL, a name, a number), and
//! breaks at its ends; otherwise it has none, and a `<note>` says so.
//!
//! OmegaT's XLIFF filter translates the text of `<target>` rather than of
//! `<source>`: for OmegaT, tm writes a project folder instead
//! ([`write_source_xliff`], [`super::omegat`]).

use std::io::{self, Write};
use std::ops::Range;

use super::xml;
use crate::documents::Code;
use crate::Lang;

/// The XLIFF 1.2 namespace.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// One segment of the draft.
#[derive(Debug, Clone, Default)]
pub struct DraftSegment {
    /// Its text.
    pub text: String,
    /// The best match's translation with its score (0–100), if the memory
    /// had one.
    pub best: Option<(String, f64)>,
    /// What a person must check in that translation (written as `<note>`s,
    /// which CAT tools show beside the segment).
    pub notes: Vec<String>,
    /// Its inline codes, over its text (see
    /// [`crate::documents::Document::segment_codes`]); none for plain text.
    pub codes: Vec<Code>,
}

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
    for (i, seg) in segments.iter().enumerate() {
        let (text, best, notes) = (&seg.text, &seg.best, &seg.notes);
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
        replaced += push_coded(&mut out, text, &seg.codes);
        out.push_str("</source>\n");
        if let Some((translation, score)) = best {
            let placed = if *score >= 100.0 {
                place(text, translation, &seg.codes)
            } else {
                None
            };
            let (state, qualifier) = if *score >= 100.0 {
                ("translated", "exact-match")
            } else {
                ("needs-review-translation", "fuzzy-match")
            };
            out.push_str(&format!(
                "        <target state=\"{state}\" state-qualifier=\"{qualifier}\">"
            ));
            replaced += match &placed {
                Some(codes) => push_coded(&mut out, translation, codes),
                None => xml::push_text(&mut out, translation),
            };
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
            if placed.is_none() && !seg.codes.is_empty() {
                out.push_str("        <note from=\"tm\" annotates=\"target\">");
                xml::push_text(&mut out, &codes_note(&seg.codes));
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
/// text, its inline codes (in source and target alike) and the notes for
/// the translator. Returns the characters replaced.
pub fn write_source_xliff<W: Write>(
    w: &mut W,
    original: &str,
    source: Lang,
    target: Lang,
    segments: &[(String, Vec<Code>, Vec<String>)],
) -> io::Result<usize> {
    let mut out = String::with_capacity(4096);
    let mut replaced = push_header(&mut out, original, source, target);
    for (i, (text, codes, notes)) in segments.iter().enumerate() {
        out.push_str(&format!(
            "      <trans-unit id=\"{}\" xml:space=\"preserve\">\n        <source>",
            i + 1
        ));
        replaced += push_coded(&mut out, text, codes);
        out.push_str("</source>\n        <target state=\"needs-translation\">");
        replaced += push_coded(&mut out, text, codes);
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

/// The note on a target that lacks the source's inline codes.
fn codes_note(codes: &[Code]) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for c in codes {
        if !kinds.contains(&c.kind.ctype()) {
            kinds.push(c.kind.ctype());
        }
    }
    format!(
        "inline codes: the translation is the memory's text, without the source's {} tag{} ({}); tm cannot tell where they go: place them",
        codes.len(),
        if codes.len() == 1 { "" } else { "s" },
        kinds.join(", ")
    )
}

/// A piece of a segment with inline codes, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// Text.
    Text(&'a str),
    /// A `<g>` opens: its id and ctype.
    Open(usize, &'static str),
    /// The `<g>` with this id closes.
    Close(usize),
    /// An `<x/>`: its id and ctype.
    Empty(usize, &'static str),
}

/// `text` with its inline `codes` as tokens, ids from 1 in order. Paired
/// codes that cross are cut to nest; a closing code comes before a
/// standalone one at the same place, which comes before an opening one.
pub fn tokens<'a>(text: &'a str, codes: &[Code]) -> Vec<Token<'a>> {
    if codes.is_empty() {
        return vec![Token::Text(text)];
    }
    let paired = nest(codes.iter().filter(|c| c.kind.paired()).cloned().collect());
    let mut standalone: Vec<&Code> = codes.iter().filter(|c| !c.kind.paired()).collect();
    standalone.sort_by_key(|c| c.range.start);
    let clamp = |p: usize| {
        let mut p = p.min(text.len());
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        p
    };
    let mut out = Vec::new();
    let mut id = 0;
    // The open codes: id and end.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut pi, mut si) = (0, 0);
    let mut at = 0;
    loop {
        // Close what ends here (the innermost first).
        while let Some(&(i, e)) = open.last() {
            if clamp(e) > at {
                break;
            }
            open.pop();
            out.push(Token::Close(i));
        }
        while si < standalone.len() && clamp(standalone[si].range.start) <= at {
            id += 1;
            out.push(Token::Empty(id, standalone[si].kind.ctype()));
            si += 1;
        }
        while pi < paired.len() && clamp(paired[pi].range.start) <= at {
            id += 1;
            out.push(Token::Open(id, paired[pi].kind.ctype()));
            open.push((id, paired[pi].range.end));
            pi += 1;
        }
        if at >= text.len() {
            break;
        }
        let next = [
            open.last().map(|&(_, e)| clamp(e)),
            standalone.get(si).map(|c| clamp(c.range.start)),
            paired.get(pi).map(|c| clamp(c.range.start)),
        ]
        .into_iter()
        .flatten()
        .filter(|&p| p > at)
        .min()
        .unwrap_or(text.len());
        out.push(Token::Text(&text[at..next]));
        at = next;
    }
    while let Some((i, _)) = open.pop() {
        out.push(Token::Close(i));
    }
    out
}

/// Writes `text` (escaped) with its inline `codes` as XLIFF 1.2 `<g>` and
/// `<x/>` (see [`tokens`]). Returns the characters replaced.
pub fn push_coded(out: &mut String, text: &str, codes: &[Code]) -> usize {
    let mut replaced = 0;
    for t in tokens(text, codes) {
        match t {
            Token::Text(s) => replaced += xml::push_text(out, s),
            Token::Open(id, ctype) => out.push_str(&format!("<g id=\"{id}\" ctype=\"{ctype}\">")),
            Token::Close(_) => out.push_str("</g>"),
            Token::Empty(id, ctype) => out.push_str(&format!("<x id=\"{id}\" ctype=\"{ctype}\"/>")),
        }
    }
    replaced
}

/// Paired codes cut where they cross, so that they nest: sorted by start,
/// the outer first.
fn nest(mut work: Vec<Code>) -> Vec<Code> {
    let key = |c: &Code| (c.range.start, std::cmp::Reverse(c.range.end));
    work.retain(|c| !c.range.is_empty());
    work.sort_by_key(key);
    let mut out: Vec<Code> = Vec::with_capacity(work.len());
    let mut stack: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < work.len() {
        let mut c = work[i].clone();
        while stack.last().is_some_and(|&e| e <= c.range.start) {
            stack.pop();
        }
        if let Some(&e) = stack.last() {
            if c.range.end > e {
                let rest = Code {
                    kind: c.kind.clone(),
                    range: e..c.range.end,
                };
                c.range.end = e;
                let at = i + 1 + work[i + 1..].partition_point(|w| key(w) <= key(&rest));
                work.insert(at, rest);
            }
        }
        stack.push(c.range.end);
        out.push(c);
        i += 1;
    }
    out
}

/// The codes of `source`'s `codes` in its exact translation `target`,
/// when tm is sure where each goes: a code over the whole segment goes
/// over the whole translation, a standalone code at an end to that end,
/// and a code over text that stands once in the translation, as it is,
/// between non-letters (a URL, a name, a number: it has a digit, a
/// capital, or `.`, `/`, `@`) goes over it there. `None` when one of the
/// codes cannot be placed so.
pub fn place(source: &str, target: &str, codes: &[Code]) -> Option<Vec<Code>> {
    if codes.is_empty() {
        return None;
    }
    let whole = 0..source.len();
    let mut out = Vec::with_capacity(codes.len());
    let mut taken: Vec<Range<usize>> = Vec::new();
    for c in codes {
        let range = if !c.kind.paired() {
            match c.range.start {
                0 => 0..0,
                p if p >= source.len() => target.len()..target.len(),
                _ => return None,
            }
        } else if c.range == whole {
            0..target.len()
        } else {
            let covered = source.get(c.range.clone())?;
            let needle = covered.trim();
            let kept = needle
                .chars()
                .any(|ch| ch.is_numeric() || ch.is_uppercase() || matches!(ch, '.' | '/' | '@'));
            if !kept || needle.chars().count() < 2 {
                return None;
            }
            let found: Vec<usize> = target.match_indices(needle).map(|(p, _)| p).collect();
            let [p] = found[..] else { return None };
            let end = p + needle.len();
            let before = target[..p].chars().next_back();
            let after = target[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            let r = p..end;
            // Codes over different text must not cross there.
            if taken
                .iter()
                .any(|t| *t != r && t.start < r.end && r.start < t.end)
            {
                return None;
            }
            taken.push(r.clone());
            r
        };
        out.push(Code {
            kind: c.kind.clone(),
            range,
        });
    }
    // Codes inside the source's other codes must stay inside them.
    for (a, ca) in codes.iter().enumerate() {
        for (b, cb) in codes.iter().enumerate() {
            let inside = ca.kind.paired()
                && cb.kind.paired()
                && cb.range.start >= ca.range.start
                && cb.range.end <= ca.range.end;
            let placed_inside =
                out[b].range.start >= out[a].range.start && out[b].range.end <= out[a].range.end;
            if a != b && inside && !placed_inside {
                return None;
            }
        }
    }
    Some(out)
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

    type Plain = (String, Option<(String, f64)>, Vec<String>);

    fn draft(segments: &[Plain]) -> String {
        let segments: Vec<DraftSegment> = segments
            .iter()
            .map(|(text, best, notes)| DraftSegment {
                text: text.clone(),
                best: best.clone(),
                notes: notes.clone(),
                codes: Vec::new(),
            })
            .collect();
        let mut out = Vec::new();
        write_xliff(&mut out, "release & co.txt", Lang::En, Lang::Ru, &segments).unwrap();
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

    fn code(kind: crate::documents::CodeKind, range: Range<usize>) -> Code {
        Code { kind, range }
    }

    #[test]
    fn crossing_codes_are_cut_to_nest_and_ids_count_from_one() {
        use crate::documents::CodeKind::*;
        let text = "one two three";
        // Bold over "one two", italic over "two three", a break at the end.
        let codes = [
            code(Bold, 0..7),
            code(Italic, 4..13),
            code(LineBreak, 13..13),
        ];
        let mut out = String::new();
        push_coded(&mut out, text, &codes);
        assert_eq!(
            out,
            "<g id=\"1\" ctype=\"bold\">one <g id=\"2\" ctype=\"italic\">two</g></g>\
             <g id=\"3\" ctype=\"italic\"> three</g><x id=\"4\" ctype=\"lb\"/>"
        );
    }

    #[test]
    fn codes_go_into_a_translation_only_where_certain() {
        use crate::documents::CodeKind::*;
        let src = "Visit Astana Hub today.";
        let hub = [code(Link, 6..16)];
        let placed = place(src, "Посетите Astana Hub сегодня.", &hub).unwrap();
        assert_eq!(placed, [code(Link, 17..27)]);
        // Twice in the translation, or not there at all: not placed.
        assert!(place(src, "Astana Hub и Astana Hub.", &hub).is_none());
        assert!(place(src, "Посетите хаб сегодня.", &hub).is_none());
        // A common word is not certain even when it is there.
        let bold = [code(Bold, 6..9)];
        assert!(place("Visit the hub.", "Посетите the хаб.", &bold).is_none());
        // A code over the whole segment goes over the whole translation.
        let all = [code(Italic, 0..src.len())];
        assert_eq!(place(src, "Всё.", &all).unwrap(), [code(Italic, 0..7)]);
    }
}
