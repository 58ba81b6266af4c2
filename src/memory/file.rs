//! The memory's JSON documents: the single file of schema 1 (`tm.json`) and
//! the part files of a folder memory (schema 2), which have the same shape —
//! a header and a list of units. This is the one reader of them, with errors
//! that say where; writing goes through the storage layer, so a reader, a
//! crash or a full disk sees the old file or the new one, never a mix.

use std::io::Write;
use std::path::Path;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::error::MemoryError;
use super::unit::Unit;
use super::Memory;
use crate::storage::{replace, Replace};

/// The value of the `format` field that marks a tm memory.
pub const FORMAT: &str = "tm-memory";
/// The schema version of the single-file memory, which this build reads
/// and writes.
pub const VERSION: u32 = 1;
/// The schema version of a folder memory's files (see
/// [`super::folder`]).
pub const FOLDER_VERSION: u32 = 2;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    units: &'a [&'a Unit],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format: String,
    version: u64,
    units: Vec<Unit>,
}

/// Just the header, read when the full parse fails, to say why better.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
    #[serde(flatten)]
    _rest: std::collections::BTreeMap<String, IgnoredAny>,
}

/// Reads the single-file memory at `path`; [`MemoryError::Missing`] when
/// there is none.
pub fn load(path: &Path) -> Result<Memory, MemoryError> {
    read_doc(path, VERSION).map(|units| Memory { units })
}

/// Reads a memory document of schema `version` at `path`: its units.
pub fn read_doc(path: &Path, version: u32) -> Result<Vec<Unit>, MemoryError> {
    parse_doc(&read_bytes(path)?, path, version)
}

/// The bytes of a memory file; [`MemoryError::Missing`] when there is
/// none, [`MemoryError::Io`] when it cannot be read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, MemoryError> {
    std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            MemoryError::Missing {
                path: path.to_path_buf(),
            }
        } else {
            MemoryError::Io {
                path: path.to_path_buf(),
                action: "reading",
                source,
            }
        }
    })
}

/// Parses the bytes of a single-file memory; `path` is for messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Memory, MemoryError> {
    parse_doc(bytes, path, VERSION).map(|units| Memory { units })
}

/// Parses the bytes of a memory document of schema `version`: its units,
/// their ids checked to be unique within it. `path` is for messages.
pub fn parse_doc(bytes: &[u8], path: &Path, version: u32) -> Result<Vec<Unit>, MemoryError> {
    match serde_json::from_slice::<FileIn>(bytes) {
        Ok(file) => {
            check_header(Some(&file.format), Some(file.version), path, version)?;
            let memory = Memory { units: file.units };
            if let Some(id) = memory.first_duplicate_id() {
                return Err(MemoryError::DuplicateId {
                    path: path.to_path_buf(),
                    id: id.to_string(),
                });
            }
            Ok(memory.units)
        }
        Err(err) => {
            // A file of another version or another tool deserves a message
            // about that rather than about the field where parsing stopped.
            if let Ok(header) = serde_json::from_slice::<Header>(bytes) {
                check_header(header.format.as_deref(), header.version, path, version)?;
            }
            // A merge that stopped on a conflict leaves git's markers in the
            // file: say so, not "expected value".
            if let Some(line) = conflict_marker_line(bytes) {
                return Err(MemoryError::Parse {
                    path: path.to_path_buf(),
                    line,
                    column: 1,
                    message: "a git merge conflict is not resolved here (keep one of the two \
                        versions of each unit and remove the <<<<<<< ======= >>>>>>> lines)"
                        .into(),
                });
            }
            let mut message = strip_position(&err.to_string());
            if message.starts_with("unknown field") {
                message.push_str(
                    " (tm keeps no field it does not know; notes of your own go in \"props\")",
                );
            }
            Err(MemoryError::Parse {
                path: path.to_path_buf(),
                line: err.line(),
                column: err.column(),
                message,
            })
        }
    }
}

/// The 1-based line of the first git conflict marker (`<<<<<<< `) at the
/// start of a line, if any.
fn conflict_marker_line(bytes: &[u8]) -> Option<usize> {
    bytes
        .split(|&b| b == b'\n')
        .position(|line| line.starts_with(b"<<<<<<< ") || line == b"<<<<<<<")
        .map(|i| i + 1)
}

/// Parses a memory document as [`parse_doc`] does, and gives each unit's
/// byte range in `bytes` besides (start and end one after another), so
/// that a derived file can send a reader straight to one unit.
pub fn parse_ranged(
    bytes: &[u8],
    path: &Path,
    version: u32,
) -> Result<(Vec<Unit>, Vec<u64>), MemoryError> {
    let units = parse_doc(bytes, path, version)?;
    let ranges = unit_ranges(bytes, units.len()).ok_or_else(|| MemoryError::Parse {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: "the units could not be located in the file".into(),
    })?;
    Ok((units, ranges))
}

/// The byte range of each unit's object in the memory document `bytes`
/// (already parsed successfully), start and end one after another; `None`
/// if the count differs from `units`.
pub fn unit_ranges(bytes: &[u8], units: usize) -> Option<Vec<u64>> {
    #[derive(Deserialize)]
    struct Raw<'a> {
        #[serde(borrow)]
        units: Vec<&'a serde_json::value::RawValue>,
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

/// Checks a document's `format` and `version` fields against `expected`.
pub fn check_header(
    format: Option<&str>,
    version: Option<u64>,
    path: &Path,
    expected: u32,
) -> Result<(), MemoryError> {
    match format {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(MemoryError::Foreign {
                path: path.to_path_buf(),
                what: format!("its format is '{other}', not '{FORMAT}'"),
            })
        }
        None => {
            return Err(MemoryError::Foreign {
                path: path.to_path_buf(),
                what: format!("no \"format\": \"{FORMAT}\" field; to bring in units from another tool use `tm import`"),
            })
        }
    }
    match version {
        Some(v) if v == u64::from(expected) => Ok(()),
        Some(found) if found == u64::from(FOLDER_VERSION) && expected == VERSION => {
            Err(MemoryError::Foreign {
                path: path.to_path_buf(),
                what: "it is a file of a folder memory; give the folder as --memory".into(),
            })
        }
        Some(found) => Err(MemoryError::Version {
            path: path.to_path_buf(),
            found,
            supported: expected,
        }),
        None => Err(MemoryError::Foreign {
            path: path.to_path_buf(),
            what: "no \"version\" field".to_string(),
        }),
    }
}

/// serde_json ends its messages with " at line L column C", which the error
/// already says in front.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Writes the single-file memory `memory` to `path` through the storage
/// layer (atomic, links followed, mode kept, read-only refused).
pub fn save(memory: &Memory, path: &Path) -> Result<(), MemoryError> {
    let units: Vec<&Unit> = memory.units.iter().collect();
    write_doc(path, &units, VERSION)
}

/// Writes a memory document of schema `version` holding `units` to `path`
/// through the storage layer.
pub fn write_doc(path: &Path, units: &[&Unit], version: u32) -> Result<(), MemoryError> {
    replace(path, Replace::Always, |w| to_json(units, version, w))?;
    Ok(())
}

/// Writes the memory as pretty JSON, one unit per object, in stored order
/// (the single-file form; `tm migrate`'s input and a test's fixture).
pub fn write_json<W: Write>(memory: &Memory, w: &mut W) -> std::io::Result<()> {
    let units: Vec<&Unit> = memory.units.iter().collect();
    to_json(&units, VERSION, w)
}

/// The bytes of a memory document: pretty JSON, one unit per object, ending
/// in a new line.
pub fn to_json<W: Write>(units: &[&Unit], version: u32, w: &mut W) -> std::io::Result<()> {
    let out = FileOut {
        format: FORMAT,
        version,
        units,
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    w.write_all(b"\n")?;
    w.flush()
}
