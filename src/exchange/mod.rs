//! Exchange with the tools translators already use: TMX 1.4b out and in,
//! TSV spreadsheets in, XLIFF 1.2 drafts and OmegaT projects out.
//!
//! Readers stream their file (a 500 MB TMX never sits in memory whole) and
//! hand units to [`import::import_file`], which offers them to the memory
//! through [`crate::memory::Adder`]. Writers produce the same bytes for the
//! same memory, so an export, import and export again gives identical files.

pub mod dates;
pub mod import;
pub mod omegat;
pub mod position;
pub mod tmx_read;
pub mod tmx_write;
pub mod tsv;
pub mod xliff;
pub mod xml;
pub mod xml_events;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use crate::memory::{MemoryError, Unit};

pub use import::{import_file, ImportReport};
pub use tmx_write::{write_tmx, ExportOptions, ExportReport};

/// An error reading or writing an exchange file. Each names the file, and a
/// parse error the line and column (1-based, columns in characters).
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// Writing a file through the storage layer failed or was refused.
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    /// Opening, reading or writing failed.
    #[error("{path}: {action}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What tm was doing.
        action: &'static str,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is malformed (or refused) at a place.
    #[error("{path}:{line}:{column}: {message}")]
    At {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// 1-based column, in characters.
        column: u64,
        /// What is wrong there.
        message: String,
    },
    /// The file as a whole is not what tm can take in.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The memory could not be read or written.
    #[error(transparent)]
    Memory(#[from] MemoryError),
}

/// Why a unit of an imported file was not offered to the memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// It has text in fewer than two of en, ru, kk.
    TooFewLanguages,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::TooFewLanguages => f.write_str("text in fewer than two of en, ru, kk"),
        }
    }
}

/// One record of an imported file: a unit for the memory, or a skip.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A unit with at least two languages. Its id is the file's own id when
    /// that has tm's shape, else empty (the memory assigns one).
    Unit(Box<Unit>),
    /// A record that is not a unit tm can keep.
    Skipped(SkipReason),
}

/// What readers leave out below the unit level, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Language variants (or TSV columns) in languages other than tm's, by
    /// the tag as written, with how many were left out.
    pub other_languages: BTreeMap<String, usize>,
    /// Second variants of a language already in the unit (`en-GB` after
    /// `en-US`): the first is kept.
    pub repeated_variants: usize,
    /// Variants whose segment is empty.
    pub empty_segments: usize,
}

/// A reader of units from an exchange file (TMX or TSV).
pub trait UnitSource {
    /// The language whose text identifies a sentence in this file.
    fn source_lang(&self) -> crate::Lang;
    /// The next record, or `None` at the end of the file.
    fn next_item(&mut self) -> Result<Option<Item>, ExchangeError>;
    /// Bytes of the file read so far (for a progress bar).
    fn position(&self) -> u64;
    /// What was left out so far below the unit level.
    fn tally(&self) -> &Tally;
}

/// True for an id of tm's own shape (12 lower-case hex digits), which an
/// import keeps; other tools' ids are kept as a prop instead.
pub fn is_tm_id(id: &str) -> bool {
    id.len() == 12 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Opens an exchange file for streaming, with an error that names it.
pub fn open_buffered(
    path: &std::path::Path,
) -> Result<std::io::BufReader<std::fs::File>, ExchangeError> {
    let file = std::fs::File::open(path).map_err(|source| ExchangeError::Io {
        path: path.to_path_buf(),
        action: "opening",
        source,
    })?;
    Ok(std::io::BufReader::with_capacity(1 << 16, file))
}
