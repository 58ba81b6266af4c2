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
        refuse_misplaced(layout)?;
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

/// Refuses to write a memory inside a folder memory (`--memory
/// memory/units` would start a second memory in the first, which git then
/// shares), and to start a folder memory where files of units are but the
/// header is not (a memory whose `tm-memory.json` was lost: a new one would
/// not know its units and overwrite them). Before any lock is taken, so
/// nothing is left behind.
fn refuse_misplaced(layout: &Layout) -> Result<(), MemoryError> {
    let root = layout.root();
    let foreign = |what: String| MemoryError::Foreign {
        path: root.to_path_buf(),
        what,
    };
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    if let Some(outer) = absolute
        .ancestors()
        .skip(1)
        .find(|a| a.join(super::layout::HEADER).is_file())
    {
        return Err(foreign(format!(
            "it is inside the memory folder {}; use --memory {}",
            outer.display(),
            outer.display()
        )));
    }
    if let Layout::Folder(dir) = layout {
        // The header first: a memory has one, and its `units/` (40,000
        // files at a million units) need not be read.
        let has_units = || {
            std::fs::read_dir(dir.join(folder::UNITS_DIR))
                .map(|mut e| {
                    e.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".json")))
                })
                .unwrap_or(false)
        };
        if !layout.exists() && has_units() {
            return Err(foreign(format!(
                "{} holds files of units but no {}: restore it (e.g. git checkout {}) rather than start a new memory over them",
                folder::UNITS_DIR,
                super::layout::HEADER,
                super::layout::HEADER
            )));
        }
    }
    Ok(())
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
                // `units/` may hold 40,000 files: left to `tm add`'s
                // listing when that reads it anyway.
                std::iter::once(d.clone())
                    .chain((!super::keys::lists_units(d)).then(|| d.join(folder::UNITS_DIR)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::{folder, Memory, Unit};

    fn one_unit() -> Memory {
        let mut u = Unit::new("a-0".into(), "2026-01-01T00:00:00Z");
        u.en = Some("The hall opened.".into());
        u.ru = Some("Зал открылся.".into());
        u.release = Some("a".into());
        u.position = Some(0);
        Memory { units: vec![u] }
    }

    #[test]
    fn a_memory_inside_a_memory_or_over_headless_units_is_refused_leaving_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mem = dir.path().join("mem");
        folder::save(&mem, &one_unit(), &folder::Snapshot::default()).unwrap();
        let before: Vec<_> = walk(&mem);
        for inside in ["units", ".cache", "units/a.json", "tm-memory.json"] {
            let err = edit(&mem.join(inside), true, |_| {
                Ok::<_, MemoryError>(((), EditOutcome::Save))
            })
            .unwrap_err();
            assert!(
                err.to_string().contains("inside the memory folder"),
                "{inside}: {err}"
            );
            assert_eq!(
                walk(&mem),
                before,
                "{inside}: nothing written, no lock left"
            );
        }
        // The header lost: the units are not taken over by a new memory.
        std::fs::remove_file(mem.join("tm-memory.json")).unwrap();
        let err = edit(&mem, true, |_| {
            Ok::<_, MemoryError>(((), EditOutcome::Save))
        })
        .unwrap_err();
        assert!(err.to_string().contains("no tm-memory.json"), "{err}");
        assert!(!mem.join("tm-memory.json").exists());
    }

    fn walk(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
        out.sort();
        out
    }
}
