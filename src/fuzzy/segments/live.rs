//! A segment as a matcher searches it: which of its parts are still the
//! memory's (the others' units are masked out: a part changed or removed
//! since, or described by a newer segment), the number each live unit has
//! in the whole memory's order, and reading a shown unit back from its
//! part's file.
//!
//! The memory's order, which breaks ties between equal scores, is by part
//! name, then place in the part: the same whichever segments hold the
//! parts, so a memory searched through a base and deltas gives what one
//! fresh segment gives.

use std::fs::File;
use std::path::PathBuf;

use crate::memory::Unit;

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
    /// Per part: its file now (unused for a loaded memory).
    paths: Vec<PathBuf>,
    files: Vec<Option<File>>,
}

impl Live {
    /// `segment` with its parts' numbers (`None` for masked parts) and
    /// files.
    pub fn new(segment: IndexSegment, first: Vec<Option<u32>>, paths: Vec<PathBuf>) -> Live {
        Live {
            searcher: Searcher::new(&segment.index),
            files: paths.iter().map(|_| None).collect(),
            segment,
            first,
            paths,
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

    /// Unit `u`'s part and its entry read back: from memory, or from its
    /// byte range in its part's file, checked to be the unit indexed (the
    /// same source text and doubtful mark). An error of kind
    /// `InvalidData` when it is not: the file changed behind the
    /// segment's back.
    pub fn entry(&mut self, u: u32) -> std::io::Result<Entry> {
        let segment = &self.segment;
        let ranges = match &segment.rest {
            Rest::Memory(entries) => {
                return entries.get(u as usize).cloned().ok_or_else(stale);
            }
            Rest::Json(ranges) => ranges,
        };
        let p = segment.part_of(u);
        let (a, b) = (ranges[2 * u as usize], ranges[2 * u as usize + 1]);
        if self.files[p].is_none() {
            self.files[p] = Some(File::open(&self.paths[p])?);
        }
        let file = self.files[p].as_ref().expect("opened above");
        let mut buf = vec![0u8; usize::try_from(b - a).map_err(|_| stale())?];
        read_at(file, &mut buf, a)?;
        let unit: Unit = serde_json::from_slice(&buf).map_err(|_| stale())?;
        let entry = Entry::from_unit(unit);
        if entry.text(segment.lang) != segment.source(u) || entry.doubtful != segment.doubtful(u) {
            return Err(stale());
        }
        Ok(entry)
    }
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
