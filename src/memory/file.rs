//! The memory's JSON file: reading it with errors that say where, and writing
//! it so that it is never half-written.
//!
//! Writing goes to a temporary file beside the memory, which is flushed to
//! disk and then renamed over it: a reader, a crash or a full disk sees the
//! old file or the new one, never a mix.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::error::MemoryError;
use super::unit::Unit;
use super::Memory;

/// The value of the `format` field that marks a tm memory.
pub const FORMAT: &str = "tm-memory";
/// The schema version this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    units: &'a [Unit],
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

/// Reads the memory at `path`; [`MemoryError::Missing`] when there is none.
pub fn load(path: &Path) -> Result<Memory, MemoryError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(MemoryError::Missing {
                path: path.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(MemoryError::Io {
                path: path.to_path_buf(),
                action: "reading",
                source,
            })
        }
    };
    parse(&bytes, path)
}

/// Reads the memory at `path`, or an empty one when the file does not exist.
pub fn load_or_empty(path: &Path) -> Result<Memory, MemoryError> {
    match load(path) {
        Err(MemoryError::Missing { .. }) => Ok(Memory::default()),
        other => other,
    }
}

/// Parses the bytes of a memory file; `path` is for messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Memory, MemoryError> {
    match serde_json::from_slice::<FileIn>(bytes) {
        Ok(file) => {
            check_header(Some(&file.format), Some(file.version), path)?;
            let memory = Memory { units: file.units };
            if let Some(id) = memory.first_duplicate_id() {
                return Err(MemoryError::DuplicateId {
                    path: path.to_path_buf(),
                    id: id.to_string(),
                });
            }
            Ok(memory)
        }
        Err(err) => {
            // A file of another version or another tool deserves a message
            // about that rather than about the field where parsing stopped.
            if let Ok(header) = serde_json::from_slice::<Header>(bytes) {
                check_header(header.format.as_deref(), header.version, path)?;
            }
            Err(MemoryError::Parse {
                path: path.to_path_buf(),
                line: err.line(),
                column: err.column(),
                message: strip_position(&err.to_string()),
            })
        }
    }
}

fn check_header(
    format: Option<&str>,
    version: Option<u64>,
    path: &Path,
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
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(found) => Err(MemoryError::Version {
            path: path.to_path_buf(),
            found,
            supported: VERSION,
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

/// Writes `memory` to `path` atomically: a temporary file beside it, flushed
/// and synced, then renamed over the old one.
pub fn save(memory: &Memory, path: &Path) -> Result<(), MemoryError> {
    let io = |action: &'static str, p: &Path| {
        let p = p.to_path_buf();
        move |source| MemoryError::Io {
            path: p,
            action,
            source,
        }
    };
    let dir = parent_dir(path);
    if !dir.as_os_str().is_empty() {
        std::fs::create_dir_all(&dir).map_err(io("creating the directory", &dir))?;
    }
    let tmp = temp_path(path);
    let result = (|| {
        let file = File::create(&tmp).map_err(io("creating a temporary file", &tmp))?;
        let mut w = BufWriter::with_capacity(1 << 20, file);
        write_json(memory, &mut w).map_err(io("writing", &tmp))?;
        let file = w
            .into_inner()
            .map_err(|e| e.into_error())
            .map_err(io("writing", &tmp))?;
        file.sync_all().map_err(io("syncing", &tmp))?;
        std::fs::rename(&tmp, path).map_err(io("replacing the memory", path))?;
        if let Ok(d) = File::open(&dir) {
            // Makes the rename itself durable; not every filesystem allows it.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes the memory as pretty JSON, one unit per object, in stored order.
pub fn write_json<W: Write>(memory: &Memory, w: &mut W) -> std::io::Result<()> {
    let out = FileOut {
        format: FORMAT,
        version: VERSION,
        units: &memory.units,
    };
    serde_json::to_writer_pretty(&mut *w, &out)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// The directory holding `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary name beside `path`, unique to this process, that the next run
/// recognises as a leftover (`.tm.json.tmp-PID`).
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tm.json".into());
    parent_dir(path).join(format!(".{name}.tmp-{}", std::process::id()))
}
