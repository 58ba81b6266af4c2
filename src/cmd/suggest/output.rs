//! What `tm suggest` writes: the text report for people, the XLIFF draft
//! for translators' tools, and the text drafts (the JSON for programs is
//! [`tm::report::suggest::to_json`], shared with `tm serve`). The matching
//! is done by then; this only formats it.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

use tm::documents::{write_draft, Document, Format};
use tm::exchange::omegat::{write_project, Project, ProjectMatch, ProjectSegment};
use tm::exchange::xliff::{write_xliff, DraftSegment};
use tm::fuzzy::bands::BandRow;
use tm::fuzzy::diff::render;
use tm::fuzzy::draft::best;
use tm::memory::Layout;
use tm::report::suggest::{targets_of, Found};
use tm::segment::Segment;
use tm::storage::Replace;
use tm::Lang;

/// The text report: each segment with its matches, then the analysis.
pub(super) fn print_text(
    out: &mut impl Write,
    to: &[Lang],
    found: &[Found],
    bands: &[BandRow],
    color: bool,
) -> std::io::Result<()> {
    for f in found {
        writeln!(out, "[{}] {}", f.segment.index + 1, f.segment.text)?;
        if f.matches.is_empty() {
            writeln!(out, "    no match")?;
        }
        for m in &f.matches {
            writeln!(
                out,
                "  {:>5.1}  {}  {}",
                m.score,
                m.id,
                render(&m.diff, color)
            )?;
            for (l, t) in targets_of(m, to) {
                let note = if m.adapted.contains(l) {
                    "  (adapted)"
                } else {
                    ""
                };
                writeln!(out, "         {}: {t}{note}", l.code())?;
            }
            // Each reason once, with the languages it concerns.
            let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
            for (l, rs) in m.check.iter().filter(|(l, _)| to.contains(l)) {
                for r in rs {
                    match reasons.iter_mut().find(|(x, _)| x == r) {
                        Some((_, ls)) => ls.push(l.code()),
                        None => reasons.push((r, vec![l.code()])),
                    }
                }
            }
            for (r, ls) in reasons {
                writeln!(out, "         check {}: {r}", ls.join(","))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{:<12} {:>8} {:>8}", "band", "segments", "words")?;
    for b in bands {
        writeln!(out, "{:<12} {:>8} {:>8}", b.band, b.segments, b.words)?;
    }
    let (s, w) = bands
        .iter()
        .fold((0, 0), |(s, w), b| (s + b.segments, w + b.words));
    writeln!(out, "{:<12} {:>8} {:>8}", "total", s, w)
}

/// The XLIFF 1.2 draft into `lang`: each segment with the translation a
/// text draft would hold (see [`best`]) as its target, and the inline
/// codes of `doc` (a Word, HTML or Markdown release). Says on standard
/// error how many targets are exact, need review, or are missing.
pub(super) fn write_xliff_draft(
    out: &mut impl Write,
    file: &Path,
    doc: &Document,
    from: Lang,
    lang: Lang,
    found: &[Found],
    min: f64,
) -> Result<()> {
    let plain: Vec<Segment> = found.iter().map(|f| f.segment.clone()).collect();
    let codes = doc.segment_codes(&plain);
    let segments: Vec<DraftSegment> = found
        .iter()
        .zip(codes)
        .map(|(f, codes)| {
            let target = best(&f.matches, lang, min).map(|(t, score)| (t.to_string(), score));
            let notes = notes(f, lang, target.is_some());
            DraftSegment {
                text: f.segment.text.clone(),
                best: target,
                notes,
                codes,
            }
        })
        .collect();
    let original = original(file);
    let replaced = write_xliff(out, &original, from, lang, &segments)?;
    let exact = segments
        .iter()
        .filter(|s| s.best.as_ref().is_some_and(|(_, s)| *s >= 100.0))
        .count();
    let missing = segments.iter().filter(|s| s.best.is_none()).count();
    let n = segments.len();
    eprintln!(
        "tm: XLIFF draft {}→{}: {n} segment{}, {exact} translated, {} to review, {missing} without a match",
        from.code(),
        lang.code(),
        if n == 1 { "" } else { "s" },
        n - exact - missing
    );
    if replaced > 0 {
        eprintln!("tm: warning: {replaced} characters XML cannot carry were written as U+FFFD");
    }
    Ok(())
}

/// What a person must check in the translation into `lang` a draft takes
/// from the best match (none when it takes none).
fn notes(f: &Found, lang: Lang, taken: bool) -> Vec<String> {
    match (taken, f.matches.first()) {
        (true, Some(m)) => m
            .check
            .iter()
            .filter(|(l, _)| *l == lang)
            .flat_map(|(_, r)| r.iter().cloned())
            .collect(),
        _ => Vec::new(),
    }
}

/// The release's file name as XLIFF's `original` gives it.
fn original(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "-")
        .unwrap_or_else(|| "stdin".into())
}

/// `--omegat DIR`: an OmegaT project for translating the release into
/// `lang`, with the matches a draft would take (see
/// [`tm::exchange::omegat`]). Says on standard error what it holds.
pub(super) fn write_omegat(
    dir: &Path,
    doc: &Document,
    from: Lang,
    lang: Lang,
    found: &[Found],
    min: f64,
    force: bool,
) -> Result<()> {
    let file = doc.path.as_path();
    let plain: Vec<Segment> = found.iter().map(|f| f.segment.clone()).collect();
    let codes = doc.segment_codes(&plain);
    let segments: Vec<ProjectSegment> = found
        .iter()
        .zip(codes)
        .map(|(f, codes)| {
            let taken = best(&f.matches, lang, min);
            ProjectSegment {
                text: f.segment.text.clone(),
                best: taken.and_then(|(t, score)| {
                    f.matches.first().map(|m| ProjectMatch {
                        source: m.source.clone(),
                        translation: t.to_string(),
                        score,
                    })
                }),
                notes: notes(f, lang, taken.is_some()),
                codes,
            }
        })
        .collect();
    let name = draft_name(file, from, doc.format).0;
    let now = tm::memory::now();
    let report = write_project(
        &Project {
            dir,
            name: &name,
            original: &original(file),
            source: from,
            target: lang,
            now: &now,
            force,
        },
        &segments,
    )?;
    eprintln!(
        "tm: wrote the OmegaT project {} ({}→{}): {} segments, {} exact (filled in from tm/auto), \
         {} to check (fuzzy matches), {} without a match; open it with: omegat {}",
        dir.display(),
        from.code(),
        lang.code(),
        segments.len(),
        report.exact,
        report.fuzzy,
        report.without,
        dir.display()
    );
    if report.replaced_chars > 0 {
        eprintln!(
            "tm: warning: {} characters XML cannot carry were written as U+FFFD",
            report.replaced_chars
        );
    }
    Ok(())
}

/// The name of a draft of `file` without its language and extension
/// (`release.en.docx` → `release`), and the extension to write (the
/// input's; `txt` for standard input).
fn draft_name(file: &Path, from: Lang, format: Format) -> (String, String) {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "-")
        .unwrap_or_else(|| "release".into());
    let (base, ext) = match name.rsplit_once('.') {
        Some((base, ext))
            if !base.is_empty()
                && (ext.eq_ignore_ascii_case("txt")
                    || ext.eq_ignore_ascii_case(format.extension())
                    || Format::from_path(Path::new(&name)) == format && format != Format::Text) =>
        {
            (base.to_string(), ext.to_string())
        }
        _ => (name.clone(), format.extension().to_string()),
    };
    let ext = if format == Format::Docx {
        "docx".to_string()
    } else {
        ext
    };
    let base = base
        .strip_suffix(&format!(".{}", from.code()))
        .unwrap_or(&base)
        .to_string();
    (base, ext)
}

/// How `--draft` writes.
#[derive(Debug, Clone)]
pub(super) struct DraftOptions {
    /// Lowest score taken into a draft.
    pub min: f64,
    /// Mark fuzzy and unmatched segments.
    pub marks: bool,
    /// Replace existing files.
    pub force: bool,
    /// The memory, whose files a draft must never replace.
    pub memory: Layout,
}

/// Writes `DIR/NAME.LANG.EXT` per target language, in the release's
/// format: the release with each segment replaced by its best match's
/// translation. Refuses, before writing any, when one of them exists and
/// `force` is not set. Names on standard error every segment whose
/// translation lost the inline formatting of the source.
pub(super) fn write_drafts(
    dir: &Path,
    file: &Path,
    doc: &Document,
    from: Lang,
    to: &[Lang],
    found: &[Found],
    options: DraftOptions,
) -> Result<()> {
    let (name, ext) = draft_name(file, from, doc.format);
    let paths: Vec<(Lang, std::path::PathBuf)> = to
        .iter()
        .map(|&l| (l, dir.join(format!("{name}.{}.{ext}", l.code()))))
        .collect();
    if let Some((_, p)) = paths.iter().find(|(_, p)| options.memory.owns(p)) {
        bail!(
            "{}: this is in the memory ({}); write drafts elsewhere",
            p.display(),
            options.memory.root().display()
        );
    }
    if !options.force {
        if let Some((_, p)) = paths.iter().find(|(_, p)| p.exists()) {
            bail!(
                "{}: the draft exists already; not overwritten (--force replaces it)",
                p.display()
            );
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let segments: Vec<Segment> = found.iter().map(|f| f.segment.clone()).collect();
    for (lang, path) in paths {
        let choice: Vec<Option<(String, f64)>> = found
            .iter()
            .map(|f| best(&f.matches, lang, options.min).map(|(t, s)| (t.to_string(), s)))
            .collect();
        let draft = write_draft(doc, &segments, &choice, from, Some(lang), options.marks)?;
        // Created only if absent, even if one appeared since the check.
        let mode = if options.force {
            Replace::Always
        } else {
            Replace::IfAbsent
        };
        tm::storage::replace(&path, mode, |w| w.write_all(&draft.bytes))?;
        let fuzzy = choice
            .iter()
            .filter(|c| c.as_ref().is_some_and(|(_, s)| *s < 100.0))
            .count();
        let missing = choice.iter().filter(|c| c.is_none()).count();
        eprintln!(
            "tm: wrote {} ({} exact, {fuzzy} to check, {missing} untranslated)",
            path.display(),
            choice.len() - fuzzy - missing
        );
        for &i in &draft.lost {
            eprintln!(
                "tm: {}: segment {} lost its inline formatting (took its first run's): {}",
                path.display(),
                i + 1,
                shorten(&segments[i].text)
            );
        }
    }
    Ok(())
}

/// The start of a segment for a message.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
