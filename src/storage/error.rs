//! What can go wrong writing a file.

use std::path::PathBuf;

/// An error of the storage layer; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// Reading, writing, syncing, locking or renaming failed.
    #[error("{path}: {action}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What tm was doing.
        action: &'static str,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file has no write permission for anyone. Root could write it
    /// anyway; tm does not, because someone protected it on purpose.
    #[error("{path}: the file is read-only; tm leaves it as it is (make it writable with `chmod u+w` to change it)")]
    ReadOnly {
        /// The protected file.
        path: PathBuf,
    },
    /// A file that must not be replaced exists already.
    #[error("{path}: exists already; not overwritten (--force replaces it)")]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
}

impl StorageError {
    /// A closure turning an I/O error into [`StorageError::Io`] for `path`.
    pub fn io(
        path: &std::path::Path,
        action: &'static str,
    ) -> impl FnOnce(std::io::Error) -> StorageError {
        let path = path.to_path_buf();
        move |source| StorageError::Io {
            path,
            action,
            source,
        }
    }
}
