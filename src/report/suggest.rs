//! `tm suggest` as data: the matches of every segment of a new release, the
//! languages shown and the analysis by band, and the JSON shape of
//! DESIGN.md that `tm suggest --format json` prints and `POST /api/suggest`
//! answers.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::fuzzy::bands::{analyse, BandRow};
use crate::fuzzy::cache;
use crate::fuzzy::diff::{render, Piece};
use crate::fuzzy::{Match, Matcher};
use crate::lang::Lang;
use crate::memory::{normalize, MemoryError};
use crate::segment::{segment, Segment};
use crate::text::words;

/// One segment of the release with its matches.
#[derive(Debug, Clone)]
pub struct Found {
    /// The segment.
    pub segment: Segment,
    /// Its words, as the analysis counts them.
    pub words: usize,
    /// Its best matches, best first.
    pub matches: Vec<Match>,
}

/// What to look for.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    /// The languages to show translations in; empty: every other language
    /// the memory has.
    pub to: Vec<Lang>,
    /// The lowest score offered (0–100).
    pub min: f64,
    /// How many matches per segment.
    pub top: usize,
}

/// The matches of a whole release.
#[derive(Debug, Clone)]
pub struct Suggestions {
    /// The release's language.
    pub from: Lang,
    /// The languages whose translations are shown.
    pub to: Vec<Lang>,
    /// Every segment with its matches.
    pub found: Vec<Found>,
    /// The analysis by match band.
    pub bands: Vec<BandRow>,
    /// How the memory's index was opened.
    pub index: cache::Opened,
}

/// What can go wrong in [`suggest`].
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    /// The memory cannot be opened.
    #[error(transparent)]
    Memory(#[from] MemoryError),
    /// The memory or its cache could not be read while matching.
    #[error("{path}: reading: {source}")]
    Read {
        /// The memory file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

/// Segments `text` (in `from`) and finds the matches of every segment in
/// the memory at `memory`, through its cache (rebuilt once when damaged).
pub fn suggest(
    memory: &Path,
    text: &str,
    from: Lang,
    ask: &Ask,
) -> Result<Suggestions, SuggestError> {
    let (mut matcher, mut index) = cache::open(memory, from)?;
    let segments = segment(text, from);
    let read = |source| SuggestError::Read {
        path: memory.to_path_buf(),
        source,
    };
    let mut found = match_all(&mut matcher, &segments, from, ask);
    // A unit read back from the JSON is not the one indexed: its file
    // changed since the memory was opened (opened again, the change is
    // indexed), or changed keeping its size and time (then the whole
    // index is made again).
    for discard in [false, true] {
        match &found {
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {}
            _ => break,
        }
        if discard {
            cache::discard(memory, from);
        }
        (matcher, index) = cache::open(memory, from)?;
        found = match_all(&mut matcher, &segments, from, ask);
    }
    let found = found.map_err(read)?;
    let mut to: Vec<Lang> = Vec::new();
    for &l in &ask.to {
        if l != from && !to.contains(&l) {
            to.push(l);
        }
    }
    if ask.to.is_empty() {
        to = Lang::ALL
            .into_iter()
            .filter(|&l| l != from && matcher.langs[l as usize])
            .collect();
    }
    let norms: Vec<String> = found.iter().map(|f| normalize(&f.segment.text)).collect();
    let bands = analyse(
        found
            .iter()
            .zip(&norms)
            .map(|(f, n)| (n.as_str(), f.words, f.matches.first().map(|m| m.score))),
    );
    Ok(Suggestions {
        from,
        to,
        found,
        bands,
        index,
    })
}

/// The matches of every segment.
fn match_all(
    matcher: &mut Matcher,
    segments: &[Segment],
    from: Lang,
    ask: &Ask,
) -> std::io::Result<Vec<Found>> {
    segments
        .iter()
        .map(|s| {
            Ok(Found {
                words: words(&s.text, from).len(),
                matches: matcher.search(&s.text, ask.min, ask.top)?,
                segment: s.clone(),
            })
        })
        .collect()
}

/// The translations of `m` in the languages `to`.
pub fn targets_of<'a>(m: &'a Match, to: &'a [Lang]) -> impl Iterator<Item = &'a (Lang, String)> {
    m.targets.iter().filter(|(l, _)| to.contains(l))
}

/// The JSON report: the shape in DESIGN.md (with `adapted` and `check` per
/// match) plus each segment's byte range in the text (`start`, `end`), and
/// per match `diff`, `diff_words` (the diff as data), `doubtful` and
/// `numbers_adapted` (the older name of `adapted`).
pub fn to_json(s: &Suggestions) -> Value {
    let to = s.to.as_slice();
    let segments: Vec<Value> = s
        .found
        .iter()
        .map(|f| {
            let matches: Vec<Value> = f.matches.iter().map(|m| match_json(m, to)).collect();
            json!({
                "index": f.segment.index,
                "start": f.segment.start,
                "end": f.segment.end,
                "text": f.segment.text,
                "matches": matches,
            })
        })
        .collect();
    json!({
        "source_language": s.from.code(),
        "segments": segments,
        "summary": {"bands": s.bands},
    })
}

/// The word diff as data, for a page to mark without parsing `diff`:
/// `[{"op":"same","text":"…"},{"op":"removed",…},{"op":"added",…}]`.
fn diff_words(diff: &[Piece]) -> Vec<Value> {
    diff.iter()
        .map(|p| match p {
            Piece::Same(t) => json!({"op": "same", "text": t}),
            Piece::Removed(t) => json!({"op": "removed", "text": t}),
            Piece::Added(t) => json!({"op": "added", "text": t}),
        })
        .collect()
}

/// One match in the JSON report.
fn match_json(m: &Match, to: &[Lang]) -> Value {
    let targets: serde_json::Map<String, Value> = targets_of(m, to)
        .map(|(l, t)| (l.code().to_string(), Value::from(t.as_str())))
        .collect();
    let adapted: Vec<&str> = m
        .adapted
        .iter()
        .filter(|l| to.contains(l))
        .map(|l| l.code())
        .collect();
    let check: serde_json::Map<String, Value> = m
        .check
        .iter()
        .filter(|(l, _)| to.contains(l))
        .map(|(l, reasons)| (l.code().to_string(), json!(reasons)))
        .collect();
    json!({
        "score": m.score,
        "id": m.id,
        "source": m.source,
        "targets": targets,
        "diff": render(&m.diff, false),
        "diff_words": diff_words(&m.diff),
        "adapted": adapted,
        "check": check,
        // The older name of `adapted`, kept for scripts.
        "numbers_adapted": adapted,
        "doubtful": m.doubtful,
    })
}
