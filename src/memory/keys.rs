//! The keys of a folder memory (`.cache/keys`): for each unit, a hash of
//! its id and of its text in each language, grouped by the file it is in.
//!
//! `tm add` needs to know which stored units share a text with the units it
//! offers (to skip duplicates, fill missing languages, mark alternatives)
//! and which ids are taken. Reading every file of a million-unit memory for
//! that costs seconds; these keys cost 32 bytes a unit, and tell which few
//! files to read. They are derived data like the others: each file is
//! recorded with its name, size, modification time and the hash of its
//! bytes, a file whose size or time differs is read again (and its keys
//! kept when its bytes are the same, as after a `git checkout`), and the
//! whole is checksummed, so damage means a rebuild, never a wrong answer.

use std::collections::BTreeSet;

// foldhash, not SipHash: a key is looked up three times per stored unit.
use hashbrown::{HashMap, HashSet};
use std::path::Path;

use super::error::MemoryError;
use super::folder::{self, Part};
use super::part_key::{get_keys, put_keys, read_keyed, PartKey};
use super::{normalized, Unit};
use crate::lang::Lang;
use crate::storage::derived::{self, damaged, get, put, Stamp};
use crate::storage::hash::fnv;

const MAGIC: &[u8; 8] = b"TMKEYS\x00\x03";

/// The keys of one unit: the hash of its id, and of its normalised text
/// in each language in `Lang::ALL` order (0 when it has none).
pub type UnitKey = [u64; 4];

/// What is recorded of one file of units: its content key, as every
/// derived file records it, and where its units' keys are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedPart {
    /// The file's name, size, time and hash of its bytes.
    pub key: PartKey,
    /// Where its units' keys start in [`Keys::units`].
    pub start: usize,
    /// How many units it holds.
    pub count: usize,
}

/// The keys of every file of a folder memory, in file-name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    /// One entry per file.
    pub parts: Vec<KeyedPart>,
    /// The units' keys, file after file.
    pub units: Vec<UnitKey>,
    /// Every unit's id key, sorted (what a change must not give again).
    pub ids: Vec<u64>,
}

/// The hash under which a text is kept: of its normalised form, never 0.
pub fn text_key(text: &str) -> u64 {
    fnv(normalized(text).as_bytes()) | 1
}

/// The hash under which an id is kept.
pub fn id_key(id: &str) -> u64 {
    fnv(id.as_bytes())
}

/// The keys of a unit.
pub fn unit_key(u: &Unit) -> UnitKey {
    let t = |l: Lang| u.text(l).map_or(0, text_key);
    [id_key(&u.id), t(Lang::En), t(Lang::Ru), t(Lang::Kk)]
}

impl Keys {
    /// The keys of the files `parts` (as listed now), starting from those
    /// recorded in the file at `path` (see [`Keys::refresh_from`]).
    pub fn refresh(path: &Path, parts: &[Part]) -> Result<(Keys, bool), MemoryError> {
        Keys::refresh_from(read(path).unwrap_or_default(), parts)
    }

    /// The keys of the files `parts` (as listed now): `old`'s where a file
    /// is unchanged (same size and time, or same bytes), read afresh where
    /// not. Returns the keys and whether they differ from `old` (so that
    /// they should be written).
    pub fn refresh_from(old: Keys, parts: &[Part]) -> Result<(Keys, bool), MemoryError> {
        let mut changed = old.parts.len() != parts.len();
        let mut out = Keys {
            units: Vec::with_capacity(old.units.len() + 64),
            ..Keys::default()
        };
        let by_name: HashMap<&str, &KeyedPart> =
            old.parts.iter().map(|p| (p.key.name.as_str(), p)).collect();
        let mut gone: HashSet<u64> = HashSet::new();
        let mut fresh: Vec<u64> = Vec::new();
        let mut kept = HashSet::new();
        for part in parts {
            let before = by_name.get(part.name.as_str()).copied();
            let start = out.units.len();
            let old_units = |b: &KeyedPart| &old.units[b.start..b.start + b.count];
            if let Some(b) = before.filter(|b| {
                b.key.mtime_ns != 0 && (b.key.len, b.key.mtime_ns) == (part.len, part.mtime_ns)
            }) {
                out.units.extend_from_slice(old_units(b));
                out.parts.push(KeyedPart { start, ..b.clone() });
                kept.insert(b.key.name.as_str());
                continue;
            }
            changed = true;
            let (bytes, key) = read_keyed(part)?;
            match before.filter(|b| b.key.hash == key.hash) {
                // Touched, not changed (a checkout): the keys stand.
                Some(b) => {
                    out.units.extend_from_slice(old_units(b));
                    kept.insert(b.key.name.as_str());
                }
                None => {
                    let units =
                        super::file::parse_doc(&bytes, &part.path, super::file::FOLDER_VERSION)?;
                    out.units.extend(units.iter().map(unit_key));
                    fresh.extend(out.units[start..].iter().map(|k| k[0]));
                }
            }
            out.parts.push(KeyedPart {
                key,
                start,
                count: out.units.len() - start,
            });
        }
        for b in old
            .parts
            .iter()
            .filter(|b| !kept.contains(b.key.name.as_str()))
        {
            gone.extend(old.units[b.start..b.start + b.count].iter().map(|k| k[0]));
        }
        out.ids = if gone.is_empty() && fresh.is_empty() && old.ids.len() == out.units.len() {
            old.ids
        } else {
            // One pass over the sorted ids, not a sort of them all.
            fresh.sort_unstable();
            let mut ids = Vec::with_capacity(out.units.len());
            let mut new = fresh.into_iter().peekable();
            for id in old.ids.into_iter().filter(|id| !gone.contains(id)) {
                while let Some(n) = new.next_if(|&n| n <= id) {
                    ids.push(n);
                }
                ids.push(id);
            }
            ids.extend(new);
            ids
        };
        Ok((out, changed))
    }

    /// The indices of the files holding a unit with any of the text keys
    /// `wanted`.
    pub fn parts_sharing(&self, wanted: &HashSet<u64>) -> BTreeSet<usize> {
        self.parts
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                self.units[p.start..p.start + p.count]
                    .iter()
                    .any(|k| k[1..].iter().any(|t| *t != 0 && wanted.contains(t)))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// How many units the keys cover.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the keys cover no unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Writes the keys to `path` (atomically; a failure is not an error
    /// for the caller, who may ignore it: the keys are rebuilt next time).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let keys: Vec<PartKey> = self.parts.iter().map(|p| p.key.clone()).collect();
        let counts: Vec<u64> = self.parts.iter().map(|p| p.count as u64).collect();
        let units: &[u64] = bytemuck::cast_slice(&self.units);
        derived::write_atomic(path, MAGIC, Stamp([0; 5]), |w| {
            put_keys(w, &keys)?;
            put(w, &counts)?;
            put(w, units)?;
            put(w, &self.ids)
        })
    }
}

/// Reads a keys file; an error if it is missing, of another version, or
/// damaged anywhere.
fn read(path: &Path) -> std::io::Result<Keys> {
    let (stamp, mut r, mut limit) = derived::open(path, MAGIC)?;
    let part_keys = get_keys(&mut r, &mut limit)?;
    let counts: Vec<u64> = get(&mut r, &mut limit)?;
    let units: Vec<u64> = get(&mut r, &mut limit)?;
    let ids: Vec<u64> = get(&mut r, &mut limit)?;
    // The whole file's checksum (see `storage::derived`).
    r.finish()?;
    if stamp != Stamp([0; 5])
        || counts.len() != part_keys.len()
        || !units.len().is_multiple_of(4)
        || ids.len() * 4 != units.len()
    {
        return Err(damaged());
    }
    let mut keys = Keys {
        units: units
            .chunks_exact(4)
            .map(|c| [c[0], c[1], c[2], c[3]])
            .collect(),
        ids,
        ..Keys::default()
    };
    let mut at = 0usize;
    for (key, &count) in part_keys.into_iter().zip(&counts) {
        let count = usize::try_from(count).map_err(|_| damaged())?;
        if at.checked_add(count).is_none_or(|e| e > keys.units.len()) {
            return Err(damaged());
        }
        keys.parts.push(KeyedPart {
            key,
            start: at,
            count,
        });
        at += count;
    }
    if at != keys.units.len() {
        return Err(damaged());
    }
    Ok(keys)
}

/// The keys of the memory folder `dir` as it is now, refreshed and
/// written back when they changed (see [`Keys::refresh`]).
pub fn current(dir: &Path) -> Result<(Keys, Vec<Part>), MemoryError> {
    let parts = folder::parts(dir)?;
    let path = super::Layout::Folder(dir.to_path_buf()).derived_path("keys");
    let (keys, changed) = Keys::refresh(&path, &parts)?;
    if changed {
        let _ = keys.write(&path);
    }
    Ok((keys, parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::folder::Snapshot;
    use crate::memory::Memory;

    fn unit(id: &str, release: &str, en: &str) -> Unit {
        let mut u = Unit::new(id.into(), "2026-01-01T00:00:00Z");
        u.en = Some(en.into());
        u.ru = Some(format!("{en} (ru)"));
        u.release = Some(release.into());
        u.position = Some(0);
        u
    }

    #[test]
    fn keys_follow_the_files_and_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let memory = Memory {
            units: vec![
                unit("a", "one", "The hall opened."),
                unit("b", "two", "The park  closed."),
            ],
        };
        folder::save(d, &memory, &Snapshot::default()).unwrap();
        let (keys, parts) = current(d).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(keys.len(), 2);
        let path = d.join(".cache/keys");
        assert_eq!(read(&path).unwrap(), keys);
        // A text is found in its file, whatever its spacing.
        let wanted = HashSet::from([text_key("The park closed.")]);
        assert_eq!(keys.parts_sharing(&wanted), BTreeSet::from([1]));
        let mut ids = vec![id_key("a"), id_key("b")];
        ids.sort_unstable();
        assert_eq!(keys.ids, ids);
        // Nothing changed: the file is not rewritten.
        let (_, changed) = Keys::refresh(&path, &parts).unwrap();
        assert!(!changed);
        // Every flipped bit is noticed.
        let bytes = std::fs::read(&path).unwrap();
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            std::fs::write(&path, &b).unwrap();
            assert!(read(&path).is_err(), "byte {i}");
        }
        // And a damaged file is rebuilt from the memory.
        let (again, changed) = Keys::refresh(&path, &parts).unwrap();
        assert!(changed);
        assert_eq!(again, keys);
    }

    #[test]
    fn a_touched_file_keeps_its_keys_and_a_changed_one_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut memory = Memory {
            units: vec![unit("a", "one", "The hall opened.")],
        };
        folder::save(d, &memory, &Snapshot::default()).unwrap();
        let (keys, _) = current(d).unwrap();
        let file = d.join("units/one.json");
        let bytes = std::fs::read(&file).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, &bytes).unwrap();
        let (touched, parts) = current(d).unwrap();
        assert_eq!(touched.units, keys.units);
        assert_ne!(touched.parts[0].key.mtime_ns, keys.parts[0].key.mtime_ns);
        memory.units[0].en = Some("The hall closed.".into());
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &memory, &snapshot).unwrap();
        let (changed, _) = current(d).unwrap();
        assert_eq!(changed.units[0][1], text_key("The hall closed."));
        assert_eq!(changed.ids, vec![id_key("a")]);
        assert_eq!(parts.len(), 1);
    }
}
