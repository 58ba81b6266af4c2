//! `tm concord` on a large memory: the [`ConcordIndex`] of one language kept
//! in a derived file beside the memory (`tm.json.ru.concord`), so that only
//! the first search after a change pays for parsing the JSON and building
//! the index, and later ones read the index and the few units they show.
//!
//! The file holds the folded texts in result order, the prefix postings,
//! and for each unit the byte range of its object in the JSON. It is keyed,
//! checked and written like `tm suggest`'s cache ([`super::derived`]): a
//! stale, damaged or unreadable file is rebuilt, a file that cannot be
//! written is skipped. A unit read back through its byte range must parse
//! and have the text the index was built from; if not, the JSON changed
//! behind the stamp's back and the search is made again from the JSON.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::lang::Lang;

use super::concord::{fold_line, ConcordError, Scan};
use super::concord_index::ConcordIndex;
use super::concord_phrase::Phrase;
use super::derived::{self, damaged, get, put, Source, Stamp};
use super::{file, Memory, MemoryError, Unit};

const MAGIC: &[u8; 8] = b"TMCONC\x00\x01";

/// Where the concordance file of `memory` for language `lang` lives.
pub fn cache_path(memory: &Path, lang: Lang) -> PathBuf {
    derived::beside(memory, &format!("{}.concord", lang.code()))
}

fn stamp(memory: &Path, lang: Lang) -> std::io::Result<Stamp> {
    derived::stamp(
        memory,
        lang as u64,
        &[
            include_str!("concord_rules/en.txt"),
            include_str!("concord_rules/ru.txt"),
            include_str!("concord_rules/kk.txt"),
        ],
    )
}

/// A unit that holds the phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundUnit {
    /// The unit.
    pub unit: Unit,
    /// Byte ranges of each occurrence of the phrase in its text.
    pub spans: Vec<(usize, usize)>,
}

/// The result of a search through a [`Concorder`].
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The matching units, newest first, at most `top`.
    pub hits: Vec<FoundUnit>,
    /// Whether more units match than were returned.
    pub more: bool,
}

/// What can go wrong in [`concord_file`].
#[derive(Debug, thiserror::Error)]
pub enum ConcordFileError {
    /// The memory cannot be read.
    #[error(transparent)]
    Memory(#[from] MemoryError),
    /// The phrase has no word.
    #[error(transparent)]
    Phrase(#[from] ConcordError),
}

/// Where a [`Concorder`] gets the units it shows.
#[derive(Debug)]
enum Units {
    /// The loaded memory.
    Memory(Memory),
    /// Byte ranges (start, end per unit, in stored order) in the JSON file.
    Json { file: File, ranges: Vec<u64> },
}

/// The index of one language of a memory and its units, for searching.
#[derive(Debug)]
pub struct Concorder {
    index: ConcordIndex,
    units: Units,
}

impl Concorder {
    /// Indexes a loaded memory (nothing is written).
    pub fn from_memory(memory: Memory, lang: Lang) -> Concorder {
        Concorder {
            index: ConcordIndex::new(&memory, lang),
            units: Units::Memory(memory),
        }
    }

    /// Opens the memory at `memory` for searching in `lang`: through its
    /// concordance file when that is current, else from the JSON (writing
    /// the file for next time).
    pub fn open(memory: &Path, lang: Lang) -> Result<(Concorder, Source), MemoryError> {
        let io = |source| MemoryError::Io {
            path: memory.to_path_buf(),
            action: "reading",
            source,
        };
        let before = match stamp(memory, lang) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(MemoryError::Missing {
                    path: memory.to_path_buf(),
                })
            }
            Err(e) => return Err(io(e)),
        };
        let path = cache_path(memory, lang);
        if let Ok(c) = read(&path, before, lang, memory) {
            return Ok((c, Source::Cache));
        }
        let bytes = std::fs::read(memory).map_err(io)?;
        let loaded = file::parse(&bytes, memory)?;
        let ranges = ranges(&bytes, loaded.units.len());
        drop(bytes);
        let c = Concorder::from_memory(loaded, lang);
        // Only a file of the JSON that was read may be written.
        let written = stamp(memory, lang).ok() == Some(before)
            && ranges.is_some_and(|r| write(&path, before, &c.index, &r).is_ok());
        Ok((
            c,
            if written {
                Source::JsonCached
            } else {
                Source::Json
            },
        ))
    }

    /// The language searched.
    pub fn lang(&self) -> Lang {
        self.index.lang()
    }

    /// The units holding `phrase`, newest first, at most `top` — the same
    /// as [`super::concord::concord`] finds. `Ok(None)` when a unit read
    /// from the JSON does not fit the index (the file changed unnoticed).
    pub fn search(&mut self, phrase: &str, top: usize) -> Result<Option<Found>, ConcordError> {
        let lang = self.lang();
        let phrase = Phrase::new(phrase, lang)?;
        let (ranks, more) = self.index.ranks(&phrase, top);
        let (_, _, indices) = self.index.scan().parts();
        let mut hits = Vec::with_capacity(ranks.len());
        for rank in ranks {
            let i = indices[rank];
            let unit = match &mut self.units {
                Units::Memory(m) => m.units[i].clone(),
                Units::Json { file, ranges } => {
                    let Some(u) = fetch(file, ranges[2 * i], ranges[2 * i + 1]) else {
                        return Ok(None);
                    };
                    let mut folded = String::new();
                    fold_line(u.text(lang).unwrap_or(""), &mut folded);
                    if folded != self.index.scan().folded(rank) {
                        return Ok(None);
                    }
                    u
                }
            };
            let spans = phrase.locate(unit.text(lang).unwrap_or(""));
            hits.push(FoundUnit { unit, spans });
        }
        Ok(Some(Found { hits, more }))
    }
}

/// One search of the memory at `memory`, as `tm concord` makes it, through
/// the concordance file (built or rebuilt when needed).
pub fn concord_file(
    memory: &Path,
    phrase: &str,
    lang: Lang,
    top: usize,
) -> Result<(Found, Source), ConcordFileError> {
    Phrase::new(phrase, lang)?;
    let (mut c, source) = Concorder::open(memory, lang)?;
    if let Some(found) = c.search(phrase, top)? {
        return Ok((found, source));
    }
    // The file disagreed with the JSON: drop it and search the JSON.
    let _ = std::fs::remove_file(cache_path(memory, lang));
    let (mut c, source) = Concorder::open(memory, lang)?;
    let found = c.search(phrase, top)?.unwrap_or(Found {
        hits: Vec::new(),
        more: false,
    });
    Ok((found, source))
}

/// Reads the unit whose JSON object is at `start..end` of `file`.
fn fetch(file: &mut File, start: u64, end: u64) -> Option<Unit> {
    let mut buf = vec![0u8; usize::try_from(end - start).ok()?];
    file.seek(SeekFrom::Start(start)).ok()?;
    file.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

/// The byte range of each unit's object in the memory file `bytes`
/// (already parsed successfully), start and end one after another; `None`
/// if the count differs from `units`.
fn ranges(bytes: &[u8], units: usize) -> Option<Vec<u64>> {
    #[derive(Deserialize)]
    struct Raw<'a> {
        #[serde(borrow)]
        units: Vec<&'a RawValue>,
    }
    let raw: Raw = serde_json::from_slice(bytes).ok()?;
    if raw.units.len() != units {
        return None;
    }
    let base = bytes.as_ptr() as usize;
    Some(
        raw.units
            .iter()
            .flat_map(|u| {
                let start = (u.get().as_ptr() as usize - base) as u64;
                [start, start + u.get().len() as u64]
            })
            .collect(),
    )
}

fn write(path: &Path, stamp: Stamp, index: &ConcordIndex, ranges: &[u64]) -> std::io::Result<()> {
    let (text, starts, units) = index.scan().parts();
    let (keys, off, ranks) = index.parts();
    let wide = |v: &[usize]| v.iter().map(|&x| x as u64).collect::<Vec<u64>>();
    derived::write_atomic(path, MAGIC, stamp, |w| {
        put(w, text.as_bytes())?;
        put(w, &wide(starts))?;
        put(w, &wide(units))?;
        put(w, keys)?;
        put(w, off)?;
        put(w, ranks)?;
        put(w, ranges)
    })
}

fn read(path: &Path, expected: Stamp, lang: Lang, json: &Path) -> std::io::Result<Concorder> {
    let f = File::open(path)?;
    let mut limit = f.metadata()?.len();
    let mut r = BufReader::with_capacity(1 << 20, f);
    derived::read_header(&mut r, MAGIC, expected)?;
    let text = String::from_utf8(get(&mut r, &mut limit)?).map_err(|_| damaged())?;
    let narrow = |v: Vec<u64>| -> std::io::Result<Vec<usize>> {
        v.into_iter()
            .map(|x| usize::try_from(x).map_err(|_| damaged()))
            .collect()
    };
    let starts = narrow(get(&mut r, &mut limit)?)?;
    let units = narrow(get(&mut r, &mut limit)?)?;
    let keys = get(&mut r, &mut limit)?;
    let off = get(&mut r, &mut limit)?;
    let ranks = get(&mut r, &mut limit)?;
    let ranges: Vec<u64> = get(&mut r, &mut limit)?;
    let json_len = expected.0[0];
    let fits = ranges.len().is_multiple_of(2)
        && ranges.chunks(2).all(|p| p[0] < p[1] && p[1] <= json_len)
        && units.iter().all(|&u| u < ranges.len() / 2)
        && r.read(&mut [0u8])? == 0;
    if !fits {
        return Err(damaged());
    }
    let scan = Scan::from_parts(lang, text, starts, units).ok_or_else(damaged)?;
    let index = ConcordIndex::from_parts(scan, keys, off, ranks).ok_or_else(damaged)?;
    Ok(Concorder {
        index,
        units: Units::Json {
            file: File::open(json)?,
            ranges,
        },
    })
}
