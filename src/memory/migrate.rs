//! Converting a single-file memory (schema 1) into a folder memory
//! (schema 2), on request (`tm migrate`). Writes to a single file go on
//! working as they did, so nothing changes under a team's feet until it
//! chooses to.

use std::path::{Path, PathBuf};

use super::error::MemoryError;
use super::folder::{self, Snapshot};
use super::layout::{Layout, LEGACY_FILE};
use crate::storage::WriteLock;

/// What [`migrate`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The single file that was read.
    pub from: PathBuf,
    /// The memory folder written.
    pub to: PathBuf,
    /// Units moved (all of them).
    pub units: usize,
    /// Files of units written.
    pub files: usize,
    /// Where the old file was kept.
    pub backup: PathBuf,
}

/// Where a single-file memory goes by default: the folder holding it when
/// it is the default `tm.json`, else a folder named after it (`team.json`
/// → `team/`).
pub fn default_target(file: &Path) -> PathBuf {
    if file.file_name().is_some_and(|n| n == LEGACY_FILE) {
        crate::storage::parent_dir(file)
    } else {
        file.with_extension("")
    }
}

/// Converts the single-file memory at `from` into a folder memory at `to`
/// (see [`default_target`]), under the old file's writers' lock. The
/// folder is read back and compared with the file before the old file is
/// renamed to `NAME.v1` (kept until a person deletes it) and its derived
/// files are removed. A folder that is already a memory is refused.
pub fn migrate(from: &Path, to: Option<&Path>) -> Result<Migrated, MemoryError> {
    let file = match Layout::at(from) {
        Layout::File(f) => f,
        Layout::Folder(d) => {
            return Err(MemoryError::Foreign {
                path: d,
                what: "it is a folder memory already (schema 2); nothing to migrate".into(),
            })
        }
    };
    let to = to.map_or_else(|| default_target(&file), Path::to_path_buf);
    if to.exists() && !to.is_dir() {
        return Err(MemoryError::Foreign {
            path: to,
            what: "it is a file, not a folder to migrate into; give another folder with --to"
                .into(),
        });
    }
    if Layout::Folder(to.clone()).exists() {
        return Err(MemoryError::Foreign {
            path: to,
            what: "a folder memory is there already; give another folder with --to".into(),
        });
    }
    crate::storage::atomic::check_writable(&file)?;
    let lock_path = Layout::File(file.clone()).lock_path();
    let lock = WriteLock::acquire(&lock_path)?;
    let memory = super::file::load(&file)?;
    let files = folder::save(&to, &memory, &Snapshot::default())?;
    let (back, _) = folder::load(&to)?;
    let mut expected = memory.units.clone();
    let mut got = back.units;
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    got.sort_by(|a, b| a.id.cmp(&b.id));
    if expected != got {
        return Err(MemoryError::Foreign {
            path: to,
            what: "the folder read back differs from the file; the file is left as it was".into(),
        });
    }
    let mut backup = file.clone().into_os_string();
    backup.push(".v1");
    let backup = PathBuf::from(backup);
    std::fs::rename(&file, &backup).map_err(|source| MemoryError::Io {
        path: file.clone(),
        action: "keeping the old file",
        source,
    })?;
    remove_derived(&file);
    drop(lock);
    let _ = std::fs::remove_file(&lock_path);
    Ok(Migrated {
        from: file,
        to,
        units: memory.units.len(),
        files,
        backup,
    })
}

/// Removes the derived files kept beside a single file (`tm.json.en.cache`
/// of older versions, `tm.json.en.index.*`, `tm.json.ru.concord`,
/// `tm.json.lexicon`): they describe a memory that is no longer there.
fn remove_derived(file: &Path) {
    let Some(name) = file.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(crate::storage::parent_dir(file)) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        let derived = n.starts_with(&format!("{name}."))
            && ([".cache", ".concord", ".lexicon"]
                .iter()
                .any(|s| n.ends_with(s))
                || n.contains(".index."));
        if derived {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::{Memory, Unit};

    #[test]
    fn a_single_file_becomes_a_folder_with_every_unit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("memory").join(LEGACY_FILE);
        let mut units = Vec::new();
        for (i, release) in ["r1", "r1", "r2", "imported.tmx"].iter().enumerate() {
            let mut u = Unit::new(format!("{i:012x}"), "2026-01-01T00:00:00Z");
            u.en = Some(format!("Sentence number {i}."));
            u.kk = Some(format!("Сөйлем {i}."));
            u.release = Some(release.to_string());
            u.position = Some(i);
            u.props.insert("note".into(), "kept".into());
            units.push(u);
        }
        super::super::file::save(
            &Memory {
                units: units.clone(),
            },
            &file,
        )
        .unwrap();
        std::fs::write(dir.path().join("memory/tm.json.en.cache"), "x").unwrap();
        let segment = dir.path().join("memory/tm.json.en.index.00000001-00ab");
        std::fs::write(&segment, "x").unwrap();
        let m = migrate(&dir.path().join("memory"), None).unwrap();
        assert_eq!((m.units, m.files), (4, 3));
        assert_eq!(m.to, dir.path().join("memory"));
        assert!(m.backup.exists() && !file.exists());
        assert!(!dir.path().join("memory/tm.json.en.cache").exists());
        assert!(!segment.exists());
        assert!(!dir.path().join("memory/tm.json.lock").exists());
        let mut back = crate::memory::load(&dir.path().join("memory"))
            .unwrap()
            .units;
        // Units stored at the same second come in the order of their files.
        back.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(back, units);
        let again = migrate(&dir.path().join("memory"), None).unwrap_err();
        assert!(
            again.to_string().contains("folder memory already"),
            "{again}"
        );
    }
}
