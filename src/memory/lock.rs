//! The writers' lock: one `tm add`, `tm import` or edit at a time per memory.
//!
//! The lock is an OS file lock on a file beside the memory (`tm.json.lock`),
//! so it is released when the process ends however it ends, and a second
//! writer waits for it rather than failing. Readers take no lock: the atomic
//! rename in [`super::file::save`] already shows them a whole file.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::error::MemoryError;
use super::file::parent_dir;

/// Held while a writer reads, changes and saves the memory.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
    path: PathBuf,
}

impl WriteLock {
    /// Waits for and takes the writers' lock of the memory at `memory`.
    pub fn acquire(memory: &Path) -> Result<WriteLock, MemoryError> {
        let dir = parent_dir(memory);
        std::fs::create_dir_all(&dir).map_err(|source| MemoryError::Io {
            path: dir.clone(),
            action: "creating the directory",
            source,
        })?;
        let path = lock_path(memory);
        let io = |action| {
            let p = path.clone();
            move |source| MemoryError::Io {
                path: p,
                action,
                source,
            }
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io("opening the lock file"))?;
        file.lock().map_err(io("locking"))?;
        Ok(WriteLock { _file: file, path })
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The lock file of the memory at `memory`.
pub fn lock_path(memory: &Path) -> PathBuf {
    let mut name = memory
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "tm.json".into());
    name.push(".lock");
    parent_dir(memory).join(name)
}
