//! What can go wrong with a memory file.

use std::path::PathBuf;

/// An error reading, checking or writing a memory file. Each names the file.
#[derive(Debug, thiserror::Error)]
pub enum MemoryError {
    /// The memory file does not exist yet.
    #[error("{path}: no memory here yet (create one with `tm add --en FILE --ru FILE` or `tm import FILE`)")]
    Missing {
        /// The memory file.
        path: PathBuf,
    },
    /// Reading, writing, locking or renaming failed.
    #[error("{path}: {action}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What tm was doing.
        action: &'static str,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not valid JSON, or not of the memory's shape.
    #[error("{path}:{line}:{column}: not a tm memory: {message}")]
    Parse {
        /// The memory file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// The file is a tm memory of a schema version this tm does not read.
    #[error("{path}: memory schema version {found} is not supported (this tm reads version {supported})")]
    Version {
        /// The memory file.
        path: PathBuf,
        /// The version in the file.
        found: u64,
        /// The version this build reads and writes.
        supported: u32,
    },
    /// The file is JSON but says it is something else.
    #[error("{path}: not a tm memory ({what})")]
    Foreign {
        /// The memory file.
        path: PathBuf,
        /// What is wrong with it.
        what: String,
    },
    /// A single-file memory that `tm migrate` turned into a folder was
    /// named: using it would start a second, empty memory beside the real
    /// one.
    #[error("{path}: this memory was migrated to the folder {to} (tm migrate); use --memory {to}")]
    Migrated {
        /// The old file's path.
        path: PathBuf,
        /// The folder it became.
        to: PathBuf,
    },
    /// The same unit id in two files of a folder memory (a copied file?).
    #[error("{first} and {second}: both hold unit id '{id}' (a copy of a file? keep one)")]
    DuplicateIdAcross {
        /// One file holding it.
        first: PathBuf,
        /// The other.
        second: PathBuf,
        /// The id.
        id: String,
    },
    /// Writing through the storage layer failed or was refused (a
    /// read-only file).
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    /// Two units share an id, so the file was edited by hand or broken.
    #[error("{path}: duplicate unit id '{id}'")]
    DuplicateId {
        /// The memory file.
        path: PathBuf,
        /// The repeated id.
        id: String,
    },
}
