//! Index segments: the matcher's index of a memory in pieces, each covering
//! some of the memory's parts (files of units), so that adding a release
//! costs an index of that release, not of the whole memory.
//!
//! A segment holds, for the units of its parts (part by part, in name
//! order, each part's units in file order): the [`Index`] of their
//! source-language texts, their doubtful marks, and each unit's byte range
//! in its part's file. No text: a unit that passes the index's filters is
//! read from the JSON through its range to be scored (a few dozen per
//! sentence), and checked to be the unit indexed. It records each part's
//! [`PartKey`], so that it can tell which of its parts are still the
//! memory's.
//!
//! [`build`] makes segments (from the JSON, or by merging segments),
//! [`file`] stores them, [`live`] searches them as part of a matcher, and
//! [`plan`] decides which segments describe the memory now and when to
//! merge. Opening a memory through them is [`super::cache`]'s business.

pub mod build;
pub mod file;
pub mod live;
pub mod plan;

use crate::lang::Lang;
use crate::memory::part_key::PartKey;

use super::index::Index;
use super::store::Entry;

/// Which segment a file holds: a generation (newer segments describe parts
/// changed since older ones) and an id telling apart segments written at
/// the same time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SegmentName {
    /// Higher for a segment made later.
    pub generation: u64,
    /// Chosen when the segment is made.
    pub id: u64,
}

/// Where the units' texts come from.
#[derive(Debug)]
pub enum Rest {
    /// All of each unit in memory (a loaded memory; never written).
    Memory(Vec<Entry>),
    /// Each unit's byte range in its part's file, start and end one after
    /// another.
    Json(Vec<u64>),
}

/// One index segment (see the module header).
#[derive(Debug)]
pub struct IndexSegment {
    /// Which segment this is.
    pub name: SegmentName,
    /// The source language.
    pub lang: Lang,
    /// The parts it covers, in name order.
    pub parts: Vec<PartKey>,
    /// Part `p`'s units are `part_off[p]..part_off[p + 1]`.
    pub part_off: Vec<u32>,
    /// The languages any unit of part `p` has a text in (`1 << lang`).
    pub part_langs: Vec<u8>,
    /// The index of the units' source-language texts.
    pub index: Index,
    /// 1 for a unit whose alignment is marked doubtful.
    pub doubtful: Vec<u8>,
    /// Where the rest of each unit is.
    pub rest: Rest,
}

impl IndexSegment {
    /// How many units it covers.
    pub fn units(&self) -> usize {
        self.doubtful.len()
    }

    /// The part unit `u` belongs to.
    pub fn part_of(&self, u: u32) -> usize {
        self.part_off.partition_point(|&start| start <= u) - 1
    }

    /// Whether unit `u` has a text in the source language.
    pub fn has_text(&self, u: u32) -> bool {
        self.index.has_text.get(u as usize) == Some(&1)
    }

    /// Whether unit `u` is marked doubtful.
    pub fn doubtful(&self, u: u32) -> bool {
        self.doubtful.get(u as usize) == Some(&1)
    }

    /// The units of part `p`.
    pub fn units_of(&self, p: usize) -> std::ops::Range<u32> {
        self.part_off[p]..self.part_off[p + 1]
    }
}
