//! An OmegaT project folder for translating a new release with the
//! memory's matches, which OmegaT 3.6 and later opens as it is, in its
//! window or headless (`omegat DIR --mode=console-translate`).
//!
//! Why a project and not an XLIFF with the matches as `<target>`: OmegaT's
//! XLIFF filter translates the text of `<target>` (it treats `<source>` as
//! untouchable and expects `<target>` to hold a copy of the source, as
//! Okapi Rainbow prepares files), so a pre-translated target is shown as
//! the text to translate, cut by the target language's sentence rules, and
//! a unit without `<target>` is not shown at all. In a project, the
//! matches go where OmegaT looks for them:
//!
//! ```text
//! DIR/omegat.project            en → ru, tm's segments kept (no re-segmenting)
//! DIR/source/NAME.xlf           every segment, its <target> a copy of the source
//! DIR/tm/auto/NAME.en-ru.tmx    exact matches: OmegaT fills them in on opening
//! DIR/tm/NAME.en-ru.tmx         the other matches: shown as fuzzy matches
//! DIR/omegat/ target/ glossary/ dictionary/   the folders OmegaT requires
//! ```
//!
//! An exact match goes to `tm/auto` only when there is nothing to check in
//! it (see [`crate::fuzzy::Match::check`]); one with something to check is
//! offered beside the fuzzy ones instead. OmegaT's translated document,
//! `DIR/target/NAME.xlf`, holds each segment's translation as `<target>`.
//!
//! A segment of a Word, HTML or Markdown release carries its inline codes
//! in the source document, as in tm's XLIFF drafts, and OmegaT shows them
//! as tags (`<g0>`, `<x1/>`). OmegaT matches a segment with its tags, as
//! it shows them: tags that open and close the whole segment, and
//! standalone ones at its ends, left out (OmegaT's "remove leading and
//! trailing tags"), the others numbered from 0 ([`omegat_form`]). So the
//! exact matches in `tm/auto` are keyed that way, and their translation
//! holds the tags where tm is sure where they go
//! ([`super::xliff::place`]); elsewhere it holds none, which OmegaT takes
//! as it is (the translator adds them).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::tmx_write::{write_tmx, ExportOptions};
use super::xliff::{place, tokens, write_source_xliff, Token};
use super::ExchangeError;
use crate::documents::Code;
use crate::memory::{Memory, Unit};
use crate::Lang;

/// One segment of the release, with its best match if any.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectSegment {
    /// The segment's text.
    pub text: String,
    /// The best match at or above the draft threshold.
    pub best: Option<ProjectMatch>,
    /// What a person must check in the match's translation (shown in
    /// OmegaT as the segment's comment).
    pub notes: Vec<String>,
    /// The segment's inline codes (none for plain text).
    pub codes: Vec<Code>,
}

/// A segment with inline codes as OmegaT shows it (and matches it): the
/// tags that open and close the whole segment and standalone ones at its
/// ends left out, the rest as `<gN>…</gN>` and `<xN/>`, numbered from 0 in
/// order.
pub fn omegat_form(text: &str, codes: &[Code]) -> String {
    let mut t = tokens(text, codes);
    loop {
        match (t.first(), t.last()) {
            (Some(Token::Empty(..)), _) => {
                t.remove(0);
            }
            (_, Some(Token::Empty(..))) => {
                t.pop();
            }
            (Some(Token::Open(a, _)), Some(Token::Close(b))) if a == b && t.len() > 1 => {
                t.remove(0);
                t.pop();
            }
            _ => break,
        }
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut numbers: Vec<(usize, usize)> = Vec::new();
    for tok in t {
        match tok {
            Token::Text(s) => out.push_str(s),
            Token::Open(id, _) => {
                out.push_str(&format!("<g{}>", numbers.len()));
                numbers.push((id, numbers.len()));
            }
            Token::Close(id) => {
                let n = numbers
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map_or(0, |(_, n)| *n);
                out.push_str(&format!("</g{n}>"));
            }
            Token::Empty(_, _) => {
                out.push_str(&format!("<x{}/>", numbers.len()));
                numbers.push((usize::MAX, numbers.len()));
            }
        }
    }
    out
}

/// The tags of an OmegaT form, in order, without their numbers.
fn tag_shapes(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(p) = rest.find('<') {
        let tail = &rest[p..];
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        out.push(tail[..end].to_string());
        rest = &tail[end..];
    }
    out
}

/// A match offered to OmegaT.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectMatch {
    /// The stored sentence in the source language.
    pub source: String,
    /// Its translation, adapted to the new sentence where tm could.
    pub translation: String,
    /// The score, 0–100.
    pub score: f64,
}

/// What [`write_project`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectReport {
    /// Segments OmegaT fills in from `tm/auto`.
    pub exact: usize,
    /// Segments with a match to check, offered as fuzzy matches.
    pub fuzzy: usize,
    /// Segments without a match.
    pub without: usize,
    /// Characters XML cannot carry, written as U+FFFD.
    pub replaced_chars: usize,
    /// The files written.
    pub files: Vec<PathBuf>,
}

/// The tokenizer OmegaT 3.6 has for a language.
fn tokenizer(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "org.omegat.tokenizer.LuceneEnglishTokenizer",
        Lang::Ru => "org.omegat.tokenizer.LuceneRussianTokenizer",
        Lang::Kk => "org.omegat.tokenizer.DefaultTokenizer",
    }
}

/// The project file: default folders, the two languages, and sentence
/// segmentation off, so that OmegaT keeps tm's segments (one per
/// `<trans-unit>`) and its exact matches meet them.
fn project_file(source: Lang, target: Lang) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>{}</source_lang>
        <target_lang>{}</target_lang>
        <source_tok>{}</source_tok>
        <target_tok>{}</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"#,
        source.code(),
        target.code(),
        tokenizer(source),
        tokenizer(target)
    )
}

/// Where and what [`write_project`] writes.
#[derive(Debug, Clone, Copy)]
pub struct Project<'a> {
    /// The project folder.
    pub dir: &'a Path,
    /// The release's name: the source document is `source/NAME.xlf`.
    pub name: &'a str,
    /// The release file, as XLIFF's `original` names it.
    pub original: &'a str,
    /// The release's language.
    pub source: Lang,
    /// The language to translate into.
    pub target: Lang,
    /// The time stamped on the TMX units.
    pub now: &'a str,
    /// Replace an existing project.
    pub force: bool,
}

/// Writes the OmegaT project of `segments` (see the module header).
/// Refuses a folder that holds an `omegat.project` already unless
/// [`Project::force`].
pub fn write_project(
    project_spec: &Project<'_>,
    segments: &[ProjectSegment],
) -> Result<ProjectReport, ExchangeError> {
    let Project {
        dir,
        name,
        original,
        source,
        target,
        now,
        force,
    } = *project_spec;
    let project = dir.join("omegat.project");
    if !force && project.exists() {
        return Err(ExchangeError::File {
            path: project,
            message: "an OmegaT project is there already; not overwritten (--force replaces it)"
                .into(),
        });
    }
    let io = |path: &Path, action: &'static str| {
        let path = path.to_path_buf();
        move |source| ExchangeError::Io {
            path,
            action,
            source,
        }
    };
    for sub in [
        "source",
        "target",
        "tm/auto",
        "omegat",
        "glossary",
        "dictionary",
    ] {
        let d = dir.join(sub);
        std::fs::create_dir_all(&d).map_err(io(&d, "creating"))?;
    }
    let mut report = ProjectReport::default();
    let write = |path: PathBuf, body: &[u8], report: &mut ProjectReport| {
        crate::storage::replace(&path, crate::storage::Replace::Always, |w| {
            w.write_all(body)
        })?;
        report.files.push(path);
        Ok::<_, ExchangeError>(())
    };
    write(
        project,
        project_file(source, target).as_bytes(),
        &mut report,
    )?;

    let xliff: Vec<(String, Vec<Code>, Vec<String>)> = segments
        .iter()
        .map(|s| (s.text.clone(), s.codes.clone(), s.notes.clone()))
        .collect();
    let mut body = Vec::new();
    report.replaced_chars += write_source_xliff(&mut body, original, source, target, &xliff)
        .map_err(io(dir, "writing"))?;
    write(
        dir.join("source").join(format!("{name}.xlf")),
        &body,
        &mut report,
    )?;

    let (mut exact, mut fuzzy) = (Memory::default(), Memory::default());
    for (i, s) in segments.iter().enumerate() {
        let Some(m) = &s.best else {
            report.without += 1;
            continue;
        };
        let is_exact = m.score >= 100.0 && s.notes.is_empty();
        let mut unit = Unit::new(format!("{}", i + 1), now);
        // The exact match is keyed by the segment as OmegaT shows it; a
        // fuzzy one by the stored sentence, which OmegaT scores itself.
        let (key, translation) = if is_exact && !s.codes.is_empty() {
            let key = omegat_form(&s.text, &s.codes);
            // The translation with the tags, when tm can place them all and
            // OmegaT numbers them as in the source.
            let tagged = place(&s.text, &m.translation, &s.codes)
                .map(|codes| omegat_form(&m.translation, &codes))
                .filter(|t| tag_shapes(t) == tag_shapes(&key));
            (key, tagged.unwrap_or_else(|| m.translation.clone()))
        } else if is_exact {
            (s.text.clone(), m.translation.clone())
        } else {
            (m.source.clone(), m.translation.clone())
        };
        unit.set_text(source, Some(key));
        unit.set_text(target, Some(translation));
        if is_exact {
            report.exact += 1;
            exact.units.push(unit);
        } else {
            report.fuzzy += 1;
            unit.props.insert("x-score".into(), format!("{}", m.score));
            fuzzy.units.push(unit);
        }
    }
    let options = ExportOptions {
        langs: {
            let mut l = vec![source, target];
            l.sort();
            l
        },
        srclang: Some(source),
        tags: BTreeMap::new(),
    };
    let pair = format!("{}-{}", source.code(), target.code());
    for (memory, path) in [
        (
            &exact,
            dir.join("tm/auto").join(format!("{name}.{pair}.tmx")),
        ),
        (&fuzzy, dir.join("tm").join(format!("{name}.{pair}.tmx"))),
    ] {
        let mut body = Vec::new();
        report.replaced_chars += write_tmx(memory, &options, &mut body)
            .map_err(io(&path, "writing"))?
            .replaced_chars;
        write(path, &body, &mut report)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str, best: Option<(&str, &str, f64)>, notes: &[&str]) -> ProjectSegment {
        ProjectSegment {
            text: text.into(),
            best: best.map(|(s, t, score)| ProjectMatch {
                source: s.into(),
                translation: t.into(),
                score,
            }),
            notes: notes.iter().map(|n| n.to_string()).collect(),
            codes: Vec::new(),
        }
    }

    #[test]
    fn writes_a_project_omegat_opens() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("proj");
        let segments = [
            seg(
                "The park opened. It is big.",
                Some((
                    "The park opened. It is big.",
                    "Парк открылся. Он большой.",
                    100.0,
                )),
                &[],
            ),
            seg(
                "The hall opened on 3 May.",
                Some(("The hall opened on 2 May.", "Зал открылся 3 мая.", 97.0)),
                &["97% match"],
            ),
            seg("Nothing like it & more.", None, &[]),
        ];
        let mut spec = Project {
            dir: &p,
            name: "news",
            original: "news.en.txt",
            source: Lang::En,
            target: Lang::Ru,
            now: "2026-01-01T00:00:00Z",
            force: false,
        };
        let r = write_project(&spec, &segments).unwrap();
        assert_eq!((r.exact, r.fuzzy, r.without), (1, 1, 1));
        for d in ["omegat", "target", "glossary", "dictionary"] {
            assert!(p.join(d).is_dir(), "{d}");
        }
        let project = std::fs::read_to_string(p.join("omegat.project")).unwrap();
        assert!(project.contains("<sentence_seg>false</sentence_seg>"));
        assert!(project.contains("<target_lang>ru</target_lang>"));
        let x = std::fs::read_to_string(p.join("source/news.xlf")).unwrap();
        assert_eq!(x.matches("<target state=\"needs-translation\">").count(), 3);
        assert!(
            x.contains("<target state=\"needs-translation\">Nothing like it &amp; more.</target>")
        );
        assert!(x.contains("<note from=\"tm\">97% match</note>"));
        let auto = std::fs::read_to_string(p.join("tm/auto/news.en-ru.tmx")).unwrap();
        assert!(
            auto.contains("<seg>The park opened. It is big.</seg>")
                && auto.contains("<seg>Парк открылся. Он большой.</seg>")
        );
        assert!(!auto.contains("hall"), "{auto}");
        let fuzzy = std::fs::read_to_string(p.join("tm/news.en-ru.tmx")).unwrap();
        assert!(
            fuzzy.contains("<seg>The hall opened on 2 May.</seg>")
                && fuzzy.contains("<seg>Зал открылся 3 мая.</seg>")
        );
        assert!(fuzzy.contains(" srclang=\"en\" "));
        let again = write_project(&spec, &segments).unwrap_err();
        assert!(again.to_string().ends_with(
            "an OmegaT project is there already; not overwritten (--force replaces it)"
        ));
        spec.force = true;
        write_project(&spec, &segments).unwrap();
    }

    #[test]
    fn the_omegat_form_leaves_out_enclosing_and_end_tags_and_numbers_the_rest() {
        use crate::documents::CodeKind::*;
        let c = |kind, range| Code { kind, range };
        let text = "Budget talks ended on Monday.";
        let codes = [c(Bold, 0..6), c(LineBreak, 29..29)];
        assert_eq!(
            omegat_form(text, &codes),
            "<g0>Budget</g0> talks ended on Monday."
        );
        let whole = [c(Italic, 0..29), c(Link, 22..28)];
        assert_eq!(
            omegat_form(text, &whole),
            "Budget talks ended on <g0>Monday</g0>."
        );
        let image = [c(Image, 7..7), c(Bold, 13..18)];
        assert_eq!(
            omegat_form(text, &image),
            "Budget <x0/>talks <g1>ended</g1> on Monday."
        );
        assert_eq!(omegat_form(text, &[]), text);
    }
}
