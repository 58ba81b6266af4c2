//! The writers' lock: one `tm add`, `tm import` or edit at a time per memory.
//!
//! The lock is an OS file lock on a file of the memory's own (`tm.json.lock`
//! beside a single file, `.lock` in a memory folder; see
//! [`crate::memory::layout::Layout::lock_path`]), so it is released when the
//! process ends however it ends, and a second writer waits for it rather
//! than failing. Readers take no lock: every file is replaced atomically
//! ([`super::atomic::replace`]), so they see whole files.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::error::StorageError;
use super::parent_dir;

/// Held while a writer reads, changes and saves the memory.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
    path: PathBuf,
}

impl WriteLock {
    /// Waits for and takes the lock on the file `path`, creating it (and
    /// its folder) when missing.
    pub fn acquire(path: &Path) -> Result<WriteLock, StorageError> {
        let dir = parent_dir(path);
        std::fs::create_dir_all(&dir).map_err(StorageError::io(&dir, "creating the folder"))?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(StorageError::io(path, "opening the lock file"))?;
        file.lock().map_err(StorageError::io(path, "locking"))?;
        Ok(WriteLock {
            _file: file,
            path: path.to_path_buf(),
        })
    }

    /// Takes the lock on the file `path` if no writer holds it, without
    /// waiting: `None` when one does, or when the lock file cannot be
    /// opened (a read-only memory). For a reader that would write a
    /// derived file only when no writer is between its reading and
    /// writing ([`crate::memory::keys::notice_edits`]).
    pub fn try_acquire(path: &Path) -> Option<WriteLock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .ok()?;
        file.try_lock().ok()?;
        Some(WriteLock {
            _file: file,
            path: path.to_path_buf(),
        })
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
