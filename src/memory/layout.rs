//! Where a memory's files are: the folder of JSON files of schema 2 (one
//! file per release or import, which git merges cleanly), or the single
//! `tm.json` of schema 1, still read and written as it was.
//!
//! `--memory PATH` names either. A folder is recognised by its header file
//! `tm-memory.json`; a folder without one that holds a `tm.json` is the old
//! layout kept in the default place (`memory/tm.json`); a path that does
//! not exist yet is a new folder memory unless it ends in `.json`.

use std::path::{Path, PathBuf};

use super::error::MemoryError;
use super::folder::Part;
use crate::storage::derived::Stamp;

/// The header file that makes a folder a memory.
pub const HEADER: &str = "tm-memory.json";
/// The old single file's name in a folder (the default memory until
/// schema 2).
pub const LEGACY_FILE: &str = "tm.json";
/// The folder of a folder memory that holds its derived files; git
/// ignores it.
pub const CACHE_DIR: &str = ".cache";

/// A memory's place on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// The single JSON file of schema 1.
    File(PathBuf),
    /// A folder of JSON files, schema 2 (see [`super::folder`]).
    Folder(PathBuf),
}

impl Layout {
    /// The layout of the memory named by `path` (see the module header).
    pub fn at(path: &Path) -> Layout {
        if path.is_dir() {
            let legacy = path.join(LEGACY_FILE);
            if !path.join(HEADER).exists() && legacy.is_file() {
                return Layout::File(legacy);
            }
            return Layout::Folder(path.to_path_buf());
        }
        if path.exists() || path.extension().is_some_and(|e| e == "json") {
            Layout::File(path.to_path_buf())
        } else {
            Layout::Folder(path.to_path_buf())
        }
    }

    /// For a single file that is not there but was migrated (its
    /// `NAME.v1` is beside it and a folder memory stands where `tm
    /// migrate` puts one), that folder.
    pub fn migrated_to(&self) -> Option<PathBuf> {
        let Layout::File(p) = self else { return None };
        let mut backup = p.clone().into_os_string();
        backup.push(".v1");
        if p.exists() || !Path::new(&backup).exists() {
            return None;
        }
        [crate::storage::parent_dir(p), p.with_extension("")]
            .into_iter()
            .find(|d| d.join(HEADER).is_file())
    }

    /// The file or folder itself.
    pub fn root(&self) -> &Path {
        match self {
            Layout::File(p) | Layout::Folder(p) => p,
        }
    }

    /// Whether a memory is there (the file, or the folder's header).
    pub fn exists(&self) -> bool {
        match self {
            Layout::File(p) => p.exists(),
            Layout::Folder(d) => d.join(HEADER).exists(),
        }
    }

    /// The file whose presence says a memory exists, and whose write
    /// permission says whether it may change.
    pub fn marker(&self) -> PathBuf {
        match self {
            Layout::File(p) => p.clone(),
            Layout::Folder(d) => d.join(HEADER),
        }
    }

    /// The writers' lock file: `tm.json.lock` beside a single file,
    /// `.lock` inside a folder (git ignores both).
    pub fn lock_path(&self) -> PathBuf {
        match self {
            Layout::File(p) => beside(p, "lock"),
            Layout::Folder(d) => d.join(".lock"),
        }
    }

    /// Where the derived file `name` (`en.cache`, `lexicon`, …) lives:
    /// beside a single file (`tm.json.en.cache`), in the folder's `.cache/`.
    pub fn derived_path(&self, name: &str) -> PathBuf {
        match self {
            Layout::File(p) => beside(p, name),
            Layout::Folder(d) => d.join(CACHE_DIR).join(name),
        }
    }

    /// Whether `path` is one of the memory's own files (or the memory
    /// itself), which an export or a draft must never replace.
    pub fn owns(&self, path: &Path) -> bool {
        let canon = |p: &Path| canonical(&crate::storage::resolve_links(p));
        let target = canon(path);
        match self {
            Layout::File(p) => target == canon(p),
            Layout::Folder(d) => target.starts_with(canon(d)),
        }
    }

    /// The memory's files of units as they are listed now, by name: each
    /// file of a folder, or the single file as the one part. A stat each,
    /// no read; [`MemoryError::Missing`] when there is no memory.
    pub fn parts(&self) -> Result<Vec<Part>, MemoryError> {
        match self {
            Layout::File(p) => {
                let meta = std::fs::metadata(p).map_err(|source| {
                    if let Some(to) = self.migrated_to() {
                        MemoryError::Migrated {
                            path: p.clone(),
                            to,
                        }
                    } else if source.kind() == std::io::ErrorKind::NotFound {
                        MemoryError::Missing { path: p.clone() }
                    } else {
                        MemoryError::Io {
                            path: p.clone(),
                            action: "reading",
                            source,
                        }
                    }
                })?;
                let name = p.file_name().map_or_else(
                    || LEGACY_FILE.to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                Ok(vec![Part::listed(name, p.clone(), &meta)])
            }
            Layout::Folder(d) => {
                super::folder::check_header(d)?;
                let parts = super::folder::parts(d)?;
                // A file edited in place keeps the folder's time: what
                // `tm add` trusts is told here, where every file is stat'ed.
                super::keys::notice_edits(d, &parts);
                Ok(parts)
            }
        }
    }

    /// The schema version of the memory's files of units.
    pub fn version(&self) -> u32 {
        match self {
            Layout::File(_) => super::file::VERSION,
            Layout::Folder(_) => super::file::FOLDER_VERSION,
        }
    }
}

/// The stamp of a single-file memory's content as it is now: what a
/// derived file built from it records, so that any change is noticed — its
/// size, modification time and first bytes. `tag` tells apart files built
/// for different purposes (a language); `rules` are the texts of the rules
/// the derived data depends on. (A folder's derived files record each of
/// its files' content keys instead: [`super::part_key`].)
pub fn file_stamp(file: &Path, tag: u64, rules: &[&str]) -> std::io::Result<Stamp> {
    use std::io::Read;
    let meta = std::fs::metadata(file)?;
    let (secs, nanos) = mtime(&meta);
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(file)?
        .take(4096)
        .read_to_end(&mut head)?;
    Ok(Stamp([
        meta.len(),
        secs,
        nanos | (tag << 32),
        crate::storage::hash::fnv(&head),
        crate::storage::hash::fnv(rules.concat().as_bytes()),
    ]))
}

/// `path` made absolute with every link and `..` resolved, also when its
/// last parts do not exist yet (a file about to be written).
fn canonical(path: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            canonical(parent).join(name)
        }
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// `FILE.suffix` beside `file`.
fn beside(file: &Path, suffix: &str) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| LEGACY_FILE.into());
    crate::storage::parent_dir(file).join(format!("{name}.{suffix}"))
}

/// A file's modification time in nanoseconds since the epoch.
pub fn mtime_ns(meta: &std::fs::Metadata) -> u128 {
    let (secs, nanos) = mtime(meta);
    u128::from(secs) * 1_000_000_000 + u128::from(nanos)
}

/// A file's modification time as whole seconds and nanoseconds.
pub fn mtime(meta: &std::fs::Metadata) -> (u64, u64) {
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .unwrap_or_default();
    (t.as_secs(), u64::from(t.subsec_nanos()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_follows_what_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(Layout::at(&d.join("new")), Layout::Folder(d.join("new")));
        assert_eq!(
            Layout::at(&d.join("new.json")),
            Layout::File(d.join("new.json"))
        );
        // The old default place: a folder holding tm.json and no header.
        std::fs::create_dir(d.join("memory")).unwrap();
        std::fs::write(d.join("memory/tm.json"), "{}").unwrap();
        assert_eq!(
            Layout::at(&d.join("memory")),
            Layout::File(d.join("memory/tm.json"))
        );
        std::fs::write(d.join("memory").join(HEADER), "{}").unwrap();
        assert_eq!(
            Layout::at(&d.join("memory")),
            Layout::Folder(d.join("memory"))
        );
        let folder = Layout::Folder(d.join("memory"));
        assert_eq!(
            folder.derived_path("en.cache"),
            d.join("memory/.cache/en.cache")
        );
        assert!(folder.owns(&d.join("memory/units/x.json")));
        assert!(!folder.owns(&d.join("out.tmx")));
        let file = Layout::File(d.join("tm.json"));
        assert_eq!(file.lock_path(), d.join("tm.json.lock"));
        assert!(file.owns(&d.join("tm.json")));
    }
}
