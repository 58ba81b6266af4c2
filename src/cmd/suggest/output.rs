//! What `tm suggest` writes: the text report for people, the JSON for
//! programs, the XLIFF draft for translators' tools, and the text drafts.
//! The matching is done by then; this only formats it.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};

use tm::exchange::xliff::{write_xliff, DraftSegment};
use tm::fuzzy::bands::BandRow;
use tm::fuzzy::diff::render;
use tm::fuzzy::draft::{best, draft};
use tm::fuzzy::Match;
use tm::segment::Segment;
use tm::Lang;

use super::Found;

fn targets_of<'a>(m: &'a Match, to: &'a [Lang]) -> impl Iterator<Item = &'a (Lang, String)> {
    m.targets.iter().filter(|(l, _)| to.contains(l))
}

/// The JSON report: the shape in DESIGN.md plus `diff`, `numbers_adapted`
/// and `doubtful` per match.
pub(super) fn to_json(from: Lang, to: &[Lang], found: &[Found], bands: &[BandRow]) -> Value {
    let segments: Vec<Value> = found
        .iter()
        .map(|f| {
            let matches: Vec<Value> = f
                .matches
                .iter()
                .map(|m| {
                    let targets: serde_json::Map<String, Value> = targets_of(m, to)
                        .map(|(l, t)| (l.code().to_string(), Value::from(t.as_str())))
                        .collect();
                    let adapted: Vec<&str> = m
                        .numbers_adapted
                        .iter()
                        .filter(|l| to.contains(l))
                        .map(|l| l.code())
                        .collect();
                    json!({
                        "score": m.score,
                        "id": m.id,
                        "source": m.source,
                        "targets": targets,
                        "diff": render(&m.diff, false),
                        "numbers_adapted": adapted,
                        "doubtful": m.doubtful,
                    })
                })
                .collect();
            json!({"index": f.segment.index, "text": f.segment.text, "matches": matches})
        })
        .collect();
    json!({
        "source_language": from.code(),
        "segments": segments,
        "summary": {"bands": bands},
    })
}

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
            if m.doubtful {
                writeln!(
                    out,
                    "         warning: doubtful alignment, check the translation"
                )?;
            }
            for (l, t) in targets_of(m, to) {
                let note = if m.numbers_adapted.contains(l) {
                    "  (numbers adapted)"
                } else {
                    ""
                };
                writeln!(out, "         {}: {t}{note}", l.code())?;
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
/// text draft would hold (see [`best`]) as its target. Says on standard
/// error how many targets are exact, need review, or are missing.
pub(super) fn write_xliff_draft(
    out: &mut impl Write,
    file: &Path,
    from: Lang,
    lang: Lang,
    found: &[Found],
) -> Result<()> {
    let segments: Vec<DraftSegment> = found
        .iter()
        .map(|f| {
            let target = best(&f.matches, lang).map(|(t, score)| (t.to_string(), score));
            (f.segment.text.clone(), target)
        })
        .collect();
    let original = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "-")
        .unwrap_or_else(|| "stdin".into());
    let replaced = write_xliff(out, &original, from, lang, &segments)?;
    let exact = segments
        .iter()
        .filter(|(_, b)| b.as_ref().is_some_and(|(_, s)| *s >= 100.0))
        .count();
    let missing = segments.iter().filter(|(_, b)| b.is_none()).count();
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

/// `release.en.txt` → `release`; standard input → `release`.
fn draft_name(file: &Path, from: Lang) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "-")
        .unwrap_or_else(|| "release".into());
    let name = name.strip_suffix(".txt").unwrap_or(&name);
    let name = name
        .strip_suffix(&format!(".{}", from.code()))
        .unwrap_or(name);
    name.to_string()
}

/// Writes `DIR/NAME.LANG.txt` per target language: the release with each
/// segment replaced by its best match's translation.
pub(super) fn write_drafts(
    dir: &Path,
    file: &Path,
    text: &str,
    from: Lang,
    to: &[Lang],
    found: &[Found],
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let segments: Vec<Segment> = found.iter().map(|f| f.segment.clone()).collect();
    for &lang in to {
        let choice: Vec<Option<String>> = found
            .iter()
            .map(|f| best(&f.matches, lang).map(|(t, _)| t.to_string()))
            .collect();
        let path = dir.join(format!("{}.{}.txt", draft_name(file, from), lang.code()));
        std::fs::write(&path, draft(text, &segments, &choice, from))
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("tm: wrote {}", path.display());
    }
    Ok(())
}
