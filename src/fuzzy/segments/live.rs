//! A segment as a matcher searches it: which of its parts are still the
//! memory's (the others' units are masked out: a part changed or removed
//! since, or described by a newer segment), the number each live unit has
//! in the whole memory's order, and reading a unit from its part's file to
//! score it, checked to be the unit indexed.
//!
//! The memory's order, which breaks ties between equal scores, is by part
//! name, then place in the part: the same whichever segments hold the
//! parts, so a memory searched through a base and deltas gives what one
//! fresh segment gives.

use std::cell::OnceCell;
use std::fs::File;
use std::path::PathBuf;

use crate::memory::Unit;

use super::super::score::Prepared;
use super::super::search::Searcher;
use super::super::store::Entry;
use super::{IndexSegment, Rest};

/// A segment with what searching it as part of a memory needs.
#[derive(Debug)]
pub struct Live {
    /// The segment.
    pub segment: IndexSegment,
    /// Scratch space for searching its index.
    pub searcher: Searcher,
    /// Per part: the memory's number of its first unit, `None` for a part
    /// whose units are masked out.
    pub first: Vec<Option<u32>>,
    /// Its parts' files, opened when a unit is first read.
    pub files: Files,
}

/// The files of a segment's parts as they are now, each opened once.
#[derive(Debug)]
pub struct Files {
    paths: Vec<PathBuf>,
    open: Vec<OnceCell<File>>,
}

impl Live {
    /// `segment` with its parts' numbers (`None` for masked parts) and
    /// files (none for a loaded memory's).
    pub fn new(segment: IndexSegment, first: Vec<Option<u32>>, paths: Vec<PathBuf>) -> Live {
        Live {
            searcher: Searcher::new(&segment.index),
            files: Files {
                open: paths.iter().map(|_| OnceCell::new()).collect(),
                paths,
            },
            segment,
            first,
        }
    }

    /// How many of its units are live.
    pub fn live_units(&self) -> usize {
        (0..self.segment.parts.len())
            .filter(|&p| self.first[p].is_some())
            .map(|p| self.segment.units_of(p).len())
            .sum()
    }

    /// The languages any live unit has a text in (`1 << lang`).
    pub fn langs(&self) -> u8 {
        (0..self.segment.parts.len())
            .filter(|&p| self.first[p].is_some())
            .fold(0, |m, p| m | self.segment.part_langs[p])
    }
}

/// Unit `u` of `segment`, which has a text in the source language: its
/// entry (from memory, or read from its byte range in its part's file) and
/// its source text prepared for scoring, checked to be the unit indexed —
/// the same doubtful mark, and the same keys as the index holds for it. An
/// error of kind `InvalidData` when it is not: the file changed behind the
/// segment's back.
pub fn read_unit(
    segment: &IndexSegment,
    files: &Files,
    u: u32,
) -> std::io::Result<(Entry, Prepared)> {
    let entry = match &segment.rest {
        Rest::Memory(entries) => entries.get(u as usize).cloned().ok_or_else(stale)?,
        Rest::Json(ranges) => {
            let p = segment.part_of(u);
            let (a, b) = (ranges[2 * u as usize], ranges[2 * u as usize + 1]);
            let file = match files.open[p].get() {
                Some(f) => f,
                None => {
                    let f = File::open(&files.paths[p])?;
                    files.open[p].get_or_init(|| f)
                }
            };
            let mut buf = vec![0u8; usize::try_from(b - a).map_err(|_| stale())?];
            read_at(file, &mut buf, a)?;
            let unit: Unit = serde_json::from_slice(&buf).map_err(|_| stale())?;
            Entry::from_unit(unit)
        }
    };
    let text = entry.text(segment.lang).ok_or_else(stale)?;
    let prepared = Prepared::new(text, segment.lang);
    let ix = &segment.index;
    let same = entry.doubtful == segment.doubtful(u)
        && prepared
            .words
            .iter()
            .map(|w| ix.vocab.id(&w.key))
            .eq(ix.keys_of(u).iter().map(|&k| Some(k)));
    if !same {
        return Err(stale());
    }
    Ok((entry, prepared))
}

fn stale() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "the memory's file changed since its index was built",
    )
}

fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, at)
}
