//! Reading and changing a memory on disk, whatever its layout: the one
//! reader ([`load`]) and the one way to change it ([`edit`]: take the
//! writers' lock, read, change, write what changed atomically, let go).

use std::path::{Path, PathBuf};

use super::error::MemoryError;
use super::file;
use super::folder::{self, Snapshot};
use super::layout::{Layout, CACHE_DIR};
use super::Memory;
use crate::storage::atomic::check_writable;
use crate::storage::WriteLock;

/// What a change asked of [`edit`]: keep the changed memory or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    /// Write the changed memory.
    Save,
    /// Leave the memory as it was (nothing changed, or a dry run).
    Discard,
}

/// Reads the memory at `path` (a folder or a single file);
/// [`MemoryError::Missing`] when there is none.
pub fn load(path: &Path) -> Result<Memory, MemoryError> {
    read(&Layout::at(path)).map(|(m, _)| m)
}

/// Reads the memory at `path`, or an empty one when there is none yet.
pub fn load_or_empty(path: &Path) -> Result<Memory, MemoryError> {
    match load(path) {
        Err(MemoryError::Missing { .. }) => Ok(Memory::default()),
        other => other,
    }
}

fn read(layout: &Layout) -> Result<(Memory, Snapshot), MemoryError> {
    refuse_migrated(layout)?;
    match layout {
        Layout::File(p) => file::load(p).map(|m| (m, Snapshot::default())),
        Layout::Folder(d) => folder::load(d),
    }
}

/// Runs `change` on the memory at `path` under the writers' lock and saves
/// the result atomically when it asks to. A missing memory starts empty when
/// `create` is true. The memory is untouched when `change` fails or
/// discards; a memory that did not exist is then not created either (no
/// folder, no lock file). A read-only memory is refused before anything is
/// read.
pub fn edit<T, E>(
    path: &Path,
    create: bool,
    change: impl FnOnce(&mut Memory) -> Result<(T, EditOutcome), E>,
) -> Result<T, E>
where
    E: From<MemoryError>,
{
    let layout = Layout::at(path);
    refuse_migrated(&layout)?;
    // A command that needs an existing memory must not leave a folder and a
    // lock file behind where there is none.
    if !create && !layout.exists() {
        return Err(MemoryError::Missing {
            path: path.to_path_buf(),
        }
        .into());
    }
    let writing = Writing::begin(&layout)?;
    let (mut memory, snapshot) = match read(&layout) {
        Err(MemoryError::Missing { .. }) if create => (Memory::default(), Snapshot::default()),
        other => other?,
    };
    let result = change(&mut memory);
    let saved = match &result {
        Ok((_, EditOutcome::Save)) => {
            match &layout {
                Layout::File(p) => file::save(&memory, p)?,
                Layout::Folder(d) => {
                    folder::save(d, &memory, &snapshot)?;
                }
            }
            true
        }
        _ => false,
    };
    writing.end(saved);
    result.map(|(value, _)| value)
}

/// A writer's hold on a memory: checked writable, locked, cleared of a
/// killed writer's temporary files. The one way [`edit`] and
/// [`super::adding::edit_adding`] begin and end.
pub(super) struct Writing {
    lock: WriteLock,
    layout: Layout,
    /// The highest folder taking the lock created.
    created: Option<PathBuf>,
}

impl Writing {
    /// Refuses a read-only memory, takes the writers' lock (creating its
    /// folder when needed) and removes leftovers.
    pub(super) fn begin(layout: &Layout) -> Result<Writing, MemoryError> {
        check_writable(&layout.marker())?;
        let created = first_missing_ancestor(&layout.lock_path());
        let lock = WriteLock::acquire(&layout.lock_path())?;
        remove_leftovers(layout);
        Ok(Writing {
            lock,
            layout: layout.clone(),
            created,
        })
    }

    /// Lets go. When nothing was `saved` in a memory that did not exist,
    /// takes back the lock file and the folders made for it, so that a dry
    /// run or a refused change creates nothing.
    pub(super) fn end(self, saved: bool) {
        if saved || self.layout.exists() {
            return;
        }
        let lock_path = self.lock.path().to_path_buf();
        drop(self.lock);
        let _ = std::fs::remove_file(&lock_path);
        if let Layout::Folder(dir) = &self.layout {
            // Derived files a reader may have begun (keys of nothing).
            let _ = std::fs::remove_dir(dir.join(CACHE_DIR));
        }
        if let Some(top) = self.created {
            remove_empty_up_to(&lock_path, &top);
        }
    }
}

/// [`MemoryError::Migrated`] for a single file that `tm migrate` turned
/// into a folder: writing to it would start a second memory.
pub(super) fn refuse_migrated(layout: &Layout) -> Result<(), MemoryError> {
    match layout.migrated_to() {
        Some(to) => Err(MemoryError::Migrated {
            path: layout.root().to_path_buf(),
            to,
        }),
        None => Ok(()),
    }
}

/// The highest folder on the way to `file` that does not exist yet.
fn first_missing_ancestor(file: &Path) -> Option<PathBuf> {
    let mut missing = None;
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d.as_os_str().is_empty() || d.exists() {
            break;
        }
        missing = Some(d.to_path_buf());
        dir = d.parent();
    }
    missing
}

/// Removes the empty folders from `file`'s own up to `top`.
fn remove_empty_up_to(file: &Path, top: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if std::fs::remove_dir(d).is_err() || d == top {
            break;
        }
        dir = d.parent();
    }
}

/// Temporary files that a killed process left in the memory. Only the
/// lock holder writes the memory's own files, so under the lock every one
/// of theirs is a leftover. Readers write derived files without the lock,
/// so only those older than [`STALE_CACHE_TEMP`] are taken for leftovers.
fn remove_leftovers(layout: &Layout) {
    let (own_dirs, cache_dir, own_prefix, cache_prefix): (Vec<PathBuf>, PathBuf, String, String) =
        match layout {
            Layout::File(p) => {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let dir = crate::storage::parent_dir(p);
                (
                    vec![dir.clone()],
                    dir,
                    format!(".{name}.tmp-"),
                    format!(".{name}."),
                )
            }
            Layout::Folder(d) => (
                // `units/` may hold 40,000 files: read only when it changed.
                std::iter::once(d.clone())
                    .chain((!super::keys::units_unchanged(d)).then(|| d.join(folder::UNITS_DIR)))
                    .collect(),
                d.join(CACHE_DIR),
                ".".into(),
                ".".into(),
            ),
        };
    for dir in own_dirs {
        for (name, path, _) in entries(&dir) {
            if name.starts_with(&own_prefix) && name.contains(".tmp-") {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    for (name, path, age) in entries(&cache_dir) {
        let derived_temp = name.starts_with(&cache_prefix) && name.contains(".tmp-");
        if derived_temp && age.is_some_and(|a| a > STALE_CACHE_TEMP) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The temporary files of `dir` (names containing `.tmp-`) with their
/// age: only those are stat'ed, since a memory folder's `units/` may hold
/// tens of thousands of files.
fn entries(dir: &Path) -> Vec<(String, PathBuf, Option<std::time::Duration>)> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    read.flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .map(|e| {
            let age = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok());
            (e.file_name().to_string_lossy().into_owned(), e.path(), age)
        })
        .collect()
}

/// How old a derived file's temporary file must be before a writer removes
/// it: far longer than building any derived file takes.
const STALE_CACHE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);
