//! `tm concord` on a large memory: the [`ConcordIndex`] of one language kept
//! in a derived file beside the memory (`tm.json.ru.concord`), so that only
//! the first search after a change pays for parsing the JSON and building
//! the index, and later ones read the index and the few units they show.
//!
//! The file holds the folded texts in result order, the prefix postings,
//! and for each unit the byte range of its object in the JSON; a search
//! reads only what it needs of it ([`super::store`]). It is keyed,
//! checked and written like `tm suggest`'s cache ([`crate::storage::derived`]): a
//! stale, damaged or unreadable file is rebuilt, a file that cannot be
//! written is skipped. A unit read back through its byte range must parse
//! and have the text the index was built from; if not, the JSON changed
//! behind the stamp's back and the search is made again from the JSON.

use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::memory::layout::file_stamp;

use super::index::ConcordIndex;
use super::phrase::Phrase;
use super::rules::Rules;
use super::store::{read, write, FileIndex};
use super::{fold_line, ConcordError};
use crate::memory::Layout;
use crate::memory::{Memory, MemoryError, Unit};
use crate::storage::derived::{Source, Stamp};

/// Where the concordance file of `memory` for language `lang` lives.
pub fn cache_path(memory: &Path, lang: Lang) -> PathBuf {
    Layout::at(memory).derived_path(&format!("{}.concord", lang.code()))
}

fn stamp(file: &Path, lang: Lang) -> std::io::Result<Stamp> {
    file_stamp(file, lang as u64, &Rules::FILES.map(|f| f.text()))
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

/// A searchable memory: loaded, or its concordance file.
#[derive(Debug)]
enum Inner {
    /// The loaded memory and its index.
    Memory(Memory, ConcordIndex),
    /// The concordance file, read as needed.
    File(FileIndex),
}

/// The index of one language of a memory and its units, for searching.
#[derive(Debug)]
pub struct Concorder {
    inner: Inner,
}

impl Concorder {
    /// Indexes a loaded memory (nothing is written).
    pub fn from_memory(memory: Memory, lang: Lang) -> Concorder {
        let index = ConcordIndex::new(&memory, lang);
        Concorder {
            inner: Inner::Memory(memory, index),
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
        let file = match Layout::at(memory) {
            Layout::File(file) => file,
            Layout::Folder(_) => {
                // A folder memory's units are spread over its files, which
                // the byte ranges of the concordance file do not name yet:
                // search the loaded memory.
                let loaded = crate::memory::load(memory)?;
                let index = ConcordIndex::new(&loaded, lang);
                let inner = Inner::Memory(loaded, index);
                return Ok((Concorder { inner }, Source::Json));
            }
        };
        let before = match stamp(&file, lang) {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(MemoryError::Missing {
                    path: memory.to_path_buf(),
                })
            }
            Err(e) => return Err(io(e)),
        };
        let path = cache_path(memory, lang);
        if let Ok(f) = read(&path, before, lang, &file) {
            let inner = Inner::File(f);
            return Ok((Concorder { inner }, Source::Cache));
        }
        let bytes = std::fs::read(&file).map_err(io)?;
        let loaded = crate::memory::file::parse(&bytes, &file)?;
        let ranges = crate::memory::file::unit_ranges(&bytes, loaded.units.len());
        drop(bytes);
        let index = ConcordIndex::new(&loaded, lang);
        // Only a file of the JSON that was read may be written.
        let written = stamp(&file, lang).ok() == Some(before)
            && ranges.is_some_and(|r| write(&path, before, &index, &r).is_ok());
        let inner = Inner::Memory(loaded, index);
        Ok((
            Concorder { inner },
            if written {
                Source::JsonCached
            } else {
                Source::Json
            },
        ))
    }

    /// The language searched.
    pub fn lang(&self) -> Lang {
        match &self.inner {
            Inner::Memory(_, index) => index.lang(),
            Inner::File(f) => f.lang,
        }
    }

    /// The units holding `phrase`, newest first, at most `top` — the same
    /// as [`super::concord`] finds. `Ok(None)` when the
    /// concordance file turns out damaged or a unit read from the JSON does
    /// not fit it (the JSON changed unnoticed).
    pub fn search(&mut self, phrase: &str, top: usize) -> Result<Option<Found>, ConcordError> {
        let lang = self.lang();
        let phrase = Phrase::new(phrase, lang)?;
        let mut hits = Vec::new();
        let more = match &mut self.inner {
            Inner::Memory(memory, index) => {
                let (ranks, more) = index.ranks(&phrase, top);
                let (_, _, units) = index.scan().parts();
                for rank in ranks {
                    let unit = memory.units[units[rank]].clone();
                    let spans = phrase.locate(unit.text(lang).unwrap_or(""));
                    hits.push(FoundUnit { unit, spans });
                }
                more
            }
            Inner::File(f) => {
                let Some((ranks, more)) = f.ranks(&phrase, top) else {
                    return Ok(None);
                };
                for (rank, folded) in ranks {
                    let Some(unit) = f.unit(rank) else {
                        return Ok(None);
                    };
                    let mut now = String::new();
                    fold_line(unit.text(lang).unwrap_or(""), &mut now);
                    if now != folded {
                        return Ok(None);
                    }
                    let spans = phrase.locate(unit.text(lang).unwrap_or(""));
                    hits.push(FoundUnit { unit, spans });
                }
                more
            }
        };
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
