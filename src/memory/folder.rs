//! The folder memory (schema 2): a header, and the units in one JSON file
//! per release or import, so that a change rewrites the files it touches
//! and two people adding different releases change different files, which
//! git merges without conflict.
//!
//! ```text
//! memory/
//!   tm-memory.json          {"format": "tm-memory", "version": 2, "layout": "folder"}
//!   units/RELEASE.json      the units of one release, in release order
//!   units/RELEASE~2.json    a large import goes on in chunks of PART_UNITS
//!   .gitignore              keeps .cache/, .lock and temporary files out of git
//!   .cache/                 derived files: index, concordance, lexicon, keys
//! ```
//!
//! A unit's file follows from its `release` and `position` alone
//! ([`part_name`]), so the same release added in two clones lands in the
//! same file with the same ids. Units in a file are sorted by position,
//! then id, so rewriting it after a change moves no line that did not
//! change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::error::MemoryError;
use super::file::{self, FOLDER_VERSION, FORMAT};
use super::layout::{mtime_ns, HEADER};
use super::{Memory, Unit};
use crate::storage::hash::fnv;
use crate::storage::{replace, replace_all, Replace};

/// The folder, inside a memory folder, that holds the units' files.
pub const UNITS_DIR: &str = "units";
/// At most this many units of one release or import share a file, so that
/// a change near a unit of a million-unit import rewrites a few hundred
/// kilobytes, not the whole import.
pub const PART_UNITS: usize = 5000;
/// What git should leave out of a memory folder.
const GITIGNORE: &str =
    "# Derived files and locks: rebuilt by tm, never shared.\n/.cache/\n/.lock\n.*.tmp-*\n";

/// One file of units as listed on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Its name in `units/`, without `.json`.
    pub name: String,
    /// Its path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub len: u64,
    /// Its modification time, nanoseconds since the epoch.
    pub mtime_ns: u128,
}

impl Part {
    /// The part `name` at `path` with the attributes `meta` (of the file,
    /// links followed).
    pub fn listed(name: String, path: PathBuf, meta: &std::fs::Metadata) -> Part {
        Part {
            name,
            path,
            len: meta.len(),
            mtime_ns: mtime_ns(meta),
        }
    }
}

/// A folder memory as it was read: the hash of each file's bytes, so that
/// [`save`] writes only the files whose content changed.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Part name → FNV of the file's bytes.
    pub hashes: BTreeMap<String, u64>,
}

/// The files of units of the memory folder `dir`, by name. A missing
/// `units/` folder is an empty memory.
pub fn parts(dir: &Path) -> Result<Vec<Part>, MemoryError> {
    let units = dir.join(UNITS_DIR);
    let listing = |source| MemoryError::Io {
        path: units.clone(),
        action: "listing",
        source,
    };
    let entries = match std::fs::read_dir(&units) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(listing(source)),
    };
    let mut named = Vec::new();
    for entry in entries {
        let entry = entry.map_err(listing)?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(name) = file_name.strip_suffix(".json") else {
            continue;
        };
        if !name.starts_with('.') {
            named.push((name.to_string(), entry));
        }
    }
    // A stat per file is what tells an edited file from an unchanged one,
    // and at a million units (40,000 releases) it is most of what a
    // `tm add` costs: relative to the open folder (no walk of the whole
    // path each time), on two threads when there are many.
    let stat = |(name, entry): (String, std::fs::DirEntry)| -> Result<Part, MemoryError> {
        let path = entry.path();
        let meta = match entry.file_type() {
            // A link is followed: its target is the file.
            Ok(t) if !t.is_symlink() => entry.metadata(),
            _ => std::fs::metadata(&path),
        }
        .map_err(|source| MemoryError::Io {
            path: path.clone(),
            action: "reading",
            source,
        })?;
        Ok(Part::listed(name, path, &meta))
    };
    let mut out = if named.len() < PARALLEL_STAT {
        named.into_iter().map(stat).collect::<Result<Vec<_>, _>>()?
    } else {
        let half = named.split_off(named.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| half.into_iter().map(stat).collect::<Result<Vec<_>, _>>());
            let mut first = named.into_iter().map(stat).collect::<Result<Vec<_>, _>>()?;
            first.extend(other.join().expect("stat thread")?);
            Ok::<_, MemoryError>(first)
        })?
    };
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// How many files [`save`] holds in memory before writing them.
const SAVE_BATCH: usize = 1024;

/// From how many files [`parts`] stats them on two threads.
const PARALLEL_STAT: usize = 4096;

/// Reads the units of one part file, and the hash of its bytes.
pub fn read_part(path: &Path) -> Result<(Vec<Unit>, u64), MemoryError> {
    let bytes = file::read_bytes(path)?;
    let units = file::parse_doc(&bytes, path, FOLDER_VERSION)?;
    Ok((units, fnv(&bytes)))
}

/// Checks the header of the memory folder `dir`; [`MemoryError::Missing`]
/// when there is none.
pub fn check_header(dir: &Path) -> Result<(), MemoryError> {
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u64>,
        #[allow(dead_code)]
        layout: Option<String>,
    }
    let path = dir.join(HEADER);
    let bytes = file::read_bytes(&path).map_err(|e| match e {
        // The folder is what the user named.
        MemoryError::Missing { .. } => MemoryError::Missing {
            path: dir.to_path_buf(),
        },
        other => other,
    })?;
    let header: Header = serde_json::from_slice(&bytes).map_err(|e| MemoryError::Parse {
        path: path.clone(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    file::check_header(
        header.format.as_deref(),
        header.version,
        &path,
        FOLDER_VERSION,
    )
}

/// Reads the memory folder `dir`: every part, in parallel, its units in
/// stored order (oldest first: by time of storing, then file, then place
/// in the file). Ids must be unique across files.
pub fn load(dir: &Path) -> Result<(Memory, Snapshot), MemoryError> {
    // Header checked, every file stat'ed and `tm add` told of an edit in
    // place, as for any full listing.
    let parts = super::Layout::Folder(dir.to_path_buf()).parts()?;
    let (memory, snapshot) = load_parts(&parts)?;
    refuse_duplicate_ids(dir, &memory, &parts)?;
    Ok((memory, snapshot))
}

/// An error naming the files of `parts` that hold an id twice among the
/// units of `memory` read from them (a file copied under another name):
/// refused before anything is written, never saved with the id twice.
pub fn refuse_duplicate_ids(
    dir: &Path,
    memory: &Memory,
    parts: &[Part],
) -> Result<(), MemoryError> {
    let Some(id) = memory.first_duplicate_id() else {
        return Ok(());
    };
    let holders: Vec<PathBuf> = parts
        .iter()
        .filter(|p| {
            read_part(&p.path)
                .map(|(u, _)| u.iter().any(|u| u.id == id))
                .unwrap_or(false)
        })
        .map(|p| p.path.clone())
        .collect();
    Err(match holders.as_slice() {
        [first, second, ..] => MemoryError::DuplicateIdAcross {
            first: first.clone(),
            second: second.clone(),
            id: id.to_string(),
        },
        _ => MemoryError::DuplicateId {
            path: holders
                .first()
                .cloned()
                .unwrap_or_else(|| dir.to_path_buf()),
            id: id.to_string(),
        },
    })
}

/// The units of `parts` (some or all of a memory's files) in stored order
/// (by time of storing, then file, then place in the file), and the hash of
/// each file's bytes.
pub fn load_parts(parts: &[Part]) -> Result<(Memory, Snapshot), MemoryError> {
    let mut snapshot = Snapshot::default();
    let mut units = Vec::new();
    for (part, (part_units, hash)) in parts.iter().zip(read_parts(parts)?) {
        snapshot.hashes.insert(part.name.clone(), hash);
        units.extend(part_units);
    }
    // Stable: within one time, files by name and units as they are there.
    units.sort_by(|a, b| a.created.cmp(&b.created));
    Ok((Memory { units }, snapshot))
}

/// Reads `parts` on as many threads as the machine has cores: parsing
/// JSON is most of the cost of opening a large memory.
pub fn read_parts(parts: &[Part]) -> Result<Vec<(Vec<Unit>, u64)>, MemoryError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = parts.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .chunks(chunk)
            .map(|c| {
                s.spawn(move || {
                    c.iter()
                        .map(|p| read_part(&p.path))
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(parts.len());
        for h in handles {
            out.extend(h.join().expect("a reader thread panicked")?);
        }
        Ok(out)
    })
}

/// The name of the file a unit belongs in: its release (or `unnamed`)
/// made safe as a file name on every system git runs on, with `~N` for
/// the N-th chunk of [`PART_UNITS`] positions.
pub fn part_name(unit: &Unit) -> String {
    let release = unit.release.as_deref().unwrap_or("");
    let mut name: String = release
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let name_was_changed = name != release;
    // Windows and macOS do not tell `AGRI.json` from `agri.json`: releases
    // that differ in case only share a file (units keep their release).
    name.make_ascii_lowercase();
    name = name.trim_start_matches('.').to_string();
    if name.is_empty() {
        name = "unnamed".into();
    }
    if name_was_changed && !release.is_empty() {
        // Two releases that differ only in what was replaced stay apart.
        name = format!("{name}-{:08x}", fnv(release.as_bytes()) as u32);
    }
    let chunk = unit.position.unwrap_or(0) / PART_UNITS;
    if chunk > 0 {
        name = format!("{name}~{}", chunk + 1);
    }
    name
}

/// The units of `memory` grouped by file, each group in file order
/// (position, then id).
pub fn group(memory: &Memory) -> BTreeMap<String, Vec<&Unit>> {
    let mut groups: BTreeMap<String, Vec<&Unit>> = BTreeMap::new();
    for u in &memory.units {
        groups.entry(part_name(u)).or_default().push(u);
    }
    for units in groups.values_mut() {
        units.sort_by(|a, b| {
            (a.position.is_none(), a.position, &a.id).cmp(&(
                b.position.is_none(),
                b.position,
                &b.id,
            ))
        });
    }
    groups
}

/// Writes the memory folder `dir` so that it holds `memory`: the files
/// whose content differs from `before` are replaced (each atomically), the
/// files left with no unit are removed, and the header and `.gitignore`
/// are written when missing. Returns how many files were written or
/// removed.
pub fn save(dir: &Path, memory: &Memory, before: &Snapshot) -> Result<usize, MemoryError> {
    create(dir)?;
    let units_dir = dir.join(UNITS_DIR);
    let groups = group(memory);
    // Written a few hundred at a time, synced together (see
    // `storage::replace_all`): an import writes tens of thousands.
    let mut touched = 0;
    let mut changed = Vec::new();
    for (name, units) in &groups {
        let mut bytes = Vec::new();
        file::to_json(units, FOLDER_VERSION, &mut bytes).map_err(|source| MemoryError::Io {
            path: units_dir.clone(),
            action: "writing",
            source,
        })?;
        // Hashed only when there is a hash to compare with: a new file (an
        // import's every chunk) is written without it.
        if before.hashes.get(name).is_some_and(|&h| h == fnv(&bytes)) {
            continue;
        }
        changed.push((units_dir.join(format!("{name}.json")), bytes));
        if changed.len() == SAVE_BATCH {
            touched += replace_all(std::mem::take(&mut changed))?;
        }
    }
    touched += replace_all(changed)?;
    for name in before.hashes.keys() {
        if !groups.contains_key(name) {
            let path = units_dir.join(format!("{name}.json"));
            crate::storage::atomic::check_writable(&path)?;
            match std::fs::remove_file(&path) {
                Ok(()) => touched += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(MemoryError::Io {
                        path,
                        action: "removing",
                        source,
                    })
                }
            }
        }
    }
    Ok(touched)
}

/// Makes `dir` a memory folder when it is not one: its header and
/// `.gitignore`. An existing header is left as it is.
pub fn create(dir: &Path) -> Result<(), MemoryError> {
    let header = dir.join(HEADER);
    if !header.exists() {
        let text = format!(
            "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {FOLDER_VERSION},\n  \"layout\": \"folder\"\n}}\n"
        );
        replace(&header, Replace::Always, |w| {
            use std::io::Write;
            w.write_all(text.as_bytes())
        })?;
    }
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        replace(&ignore, Replace::Always, |w| {
            use std::io::Write;
            w.write_all(GITIGNORE.as_bytes())
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, release: Option<&str>, position: usize) -> Unit {
        let mut u = Unit::new(id.into(), "2026-01-01T00:00:00Z");
        u.en = Some(format!("Sentence {id}."));
        u.ru = Some(format!("Предложение {id}."));
        u.release = release.map(String::from);
        u.position = Some(position);
        u
    }

    #[test]
    fn part_names_are_safe_and_follow_release_and_position() {
        assert_eq!(
            part_name(&unit("a", Some("2026-05-01-forum"), 3)),
            "2026-05-01-forum"
        );
        assert_eq!(part_name(&unit("a", None, 3)), "unnamed");
        assert_eq!(part_name(&unit("a", Some("AGRI-2026"), 0)), "agri-2026");
        assert_eq!(part_name(&unit("a", Some("x"), PART_UNITS * 2 + 1)), "x~3");
        let odd = part_name(&unit("a", Some("../Пресс релиз"), 0));
        assert!(
            odd.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c)),
            "{odd}"
        );
        assert!(!odd.starts_with('.'), "{odd}");
        assert_ne!(odd, part_name(&unit("a", Some("../Пресс_релиз"), 0)));
    }

    #[test]
    fn save_writes_only_changed_files_and_load_reads_them_back() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut memory = Memory {
            units: vec![
                unit("a1", Some("a"), 0),
                unit("b1", Some("b"), 0),
                unit("a2", Some("a"), 1),
            ],
        };
        assert_eq!(save(d, &memory, &Snapshot::default()).unwrap(), 2);
        let (loaded, snapshot) = load(d).unwrap();
        assert_eq!(loaded.units.len(), 3);
        assert_eq!(snapshot.hashes.len(), 2);
        // Nothing changed: nothing written.
        assert_eq!(save(d, &loaded, &snapshot).unwrap(), 0);
        let b_before = std::fs::metadata(d.join("units/b.json"))
            .unwrap()
            .modified()
            .unwrap();
        memory.units[0].ru = Some("Другое.".into());
        assert_eq!(save(d, &memory, &snapshot).unwrap(), 1);
        assert_eq!(
            std::fs::metadata(d.join("units/b.json"))
                .unwrap()
                .modified()
                .unwrap(),
            b_before
        );
        // A release all of whose units went is a file removed.
        let (loaded, snapshot) = load(d).unwrap();
        let without_b = Memory {
            units: loaded.units.into_iter().filter(|u| u.id != "b1").collect(),
        };
        assert_eq!(save(d, &without_b, &snapshot).unwrap(), 1);
        assert!(!d.join("units/b.json").exists());
        assert!(std::fs::read_to_string(d.join(".gitignore"))
            .unwrap()
            .contains("/.cache/"));
    }

    #[test]
    fn an_id_in_two_files_is_refused_naming_both() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let memory = Memory {
            units: vec![unit("same", Some("a"), 0), unit("same", Some("b"), 0)],
        };
        save(d, &memory, &Snapshot::default()).unwrap();
        let err = load(d).unwrap_err().to_string();
        assert!(
            err.contains("units/a.json and ")
                && err.contains("units/b.json: both hold unit id 'same'"),
            "{err}"
        );
    }
}
