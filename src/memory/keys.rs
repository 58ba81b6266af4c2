//! The keys of a folder memory: for each unit, a hash of its id and of its
//! text in each language, grouped by the file it is in, kept as a base and
//! a delta like `tm suggest`'s index.
//!
//! `tm add` needs to know which stored units share a text with the units it
//! offers (to skip duplicates, fill missing languages, mark alternatives)
//! and which ids are taken. Reading every file of a million-unit memory for
//! that costs seconds, and so does reading or writing every unit's keys: a
//! `tm add` should cost what the release costs. So:
//!
//! - **The base** (`.cache/keys`) holds the keys of the files as they were
//!   at its last merge: the files' content keys, a lookup table of every
//!   id and text hash with the file it is in, sorted and cut into blocks of
//!   about 4 KB each with a checksum of its own, and the units' keys (read
//!   only to merge). An add reads the table's head and the few blocks its
//!   hashes fall in, each checked against its checksum.
//! - **The delta** (`.cache/keys.delta`) holds every file as last seen
//!   (name, size, time, hash of its bytes) and the units' keys of the files
//!   that differ from the base's (added, changed since). It is small, and
//!   is what an add writes. When it holds more than a tenth of the base's
//!   units, both merge into a new base.
//! - **Seeing what changed.** A file whose size or time differs from what
//!   the delta recorded is read again (its keys kept when its bytes are the
//!   same, as after a `git checkout`). Stating 40,000 files costs more than
//!   the rest of an add, so the delta also records the time of `units/`
//!   and each file's inode number. While `units/` keeps its time (nothing
//!   was added, removed or renamed into it: tm, git, `sed -i` and most
//!   editors write a new file), an add takes the files as recorded;
//!   otherwise it reads the folder's entries and stats only the files
//!   whose name or inode is new. A file rewritten in place keeps both;
//!   every other command stats every file, and when one finds a file the
//!   delta does not describe it makes the next add look ([`notice_edits`]).
//!   An add never writes over a file it did not know of: the files its
//!   units go to are looked for on disk whatever the delta says.
//!
//! They are derived data like the others: damage anywhere means the keys
//! concerned are rebuilt, never a wrong answer (a damaged block of the
//! table found during an add makes every id it could hold count as taken).

use std::cell::Cell;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

// foldhash, not SipHash: the wanted texts are looked up once per unit of
// the delta.
use hashbrown::HashSet;

use super::error::MemoryError;
use super::folder::{self, Part};
use super::part_key::{get_keys, put_keys, read_keyed, PartKey};
use super::{normalized, Unit};
use crate::lang::Lang;
use crate::storage::derived::{self, damaged, get, put, Stamp, HEADER_LEN};
use crate::storage::hash::{fnv, Sum};

const BASE_MAGIC: &[u8; 8] = b"TMKEYS\x00\x04";
const DELTA_MAGIC: &[u8; 8] = b"TMKEYD\x00\x03";
/// Entries of the base's lookup table per checksummed block (12 bytes
/// each: just under 4 KB, one page read per lookup).
const BLOCK: usize = 341;
/// The delta merges into a new base when it holds more than this share of
/// the base's units…
const MERGE_SHARE: usize = 10;
/// … and more than this many units (so a small memory's base is not
/// rewritten at every add).
const MERGE_MIN: usize = 2000;

/// The keys of one unit: the hash of its id, and of its normalised text
/// in each language in `Lang::ALL` order (0 when it has none).
pub type UnitKey = [u64; 4];

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

/// The keys of a folder memory's units, as a writer uses them.
#[derive(Debug)]
pub struct KeyStore {
    dir: PathBuf,
    base: Option<Base>,
    /// Every file as last seen, by name, and where its units' keys are:
    /// `None` in the base (its bytes are the base's), else in `units`.
    parts: Vec<(PartKey, Option<Range<usize>>)>,
    units: Vec<UnitKey>,
    /// The sorted id keys of `units`.
    ids: Vec<u64>,
    /// Per file of `parts`, its inode number as last seen (0: unknown).
    inos: Vec<u64>,
    /// The time of `units/` when `parts` was true of it (0: unknown).
    dir_mtime: u128,
    /// Whether `parts` or `units` differ from what is on disk.
    changed: bool,
    /// Whether a block of the base failed its checksum.
    damaged: Cell<bool>,
}

impl KeyStore {
    /// The keys recorded for the memory folder `dir` (none when missing or
    /// damaged, to be built by [`KeyStore::refresh`]).
    pub fn open(dir: &Path) -> KeyStore {
        let base = Base::open(&base_path(dir)).ok();
        let base_id = base.as_ref().map_or(0, |b| b.id);
        let delta = Delta::read(&delta_path(dir))
            .ok()
            .filter(|d| d.base_id == base_id);
        let mut store = KeyStore {
            dir: dir.to_path_buf(),
            base,
            parts: Vec::new(),
            units: Vec::new(),
            ids: Vec::new(),
            inos: Vec::new(),
            dir_mtime: 0,
            changed: false,
            damaged: Cell::new(false),
        };
        match (delta, &store.base) {
            (Some(d), _) => {
                let mut at = 0;
                // Both lists are sorted by name: walked side by side.
                let base_parts = store.base.as_ref().map_or(&[][..], |b| &b.parts[..]);
                let mut b = 0;
                for (key, &count) in d.listing.into_iter().zip(&d.counts) {
                    let count = count as usize;
                    while b < base_parts.len() && base_parts[b].name < key.name {
                        b += 1;
                    }
                    let held = count == 0
                        && base_parts
                            .get(b)
                            .is_some_and(|k| k.name == key.name && k.hash == key.hash);
                    store.parts.push((key, (!held).then(|| at..at + count)));
                    at += count;
                }
                store.units = d.units;
                store.ids = d.ids;
                store.inos = d.inos;
                store.dir_mtime = d.dir_mtime;
            }
            (None, Some(b)) => {
                store.parts = b.parts.iter().map(|k| (k.clone(), None)).collect();
                store.inos = vec![0; store.parts.len()];
                store.changed = true;
            }
            (None, None) => store.changed = true,
        }
        store
    }

    /// The files of units as they are now, from the folder's entries: a
    /// file whose name and inode number are as recorded is taken as
    /// recorded, any other is stat'ed (see the module's documentation).
    /// Called under the writers' lock, it also removes the temporary files
    /// a writer that crashed left. `None` when the folder cannot be read
    /// (then [`folder::parts`] says why).
    pub fn listing(&self) -> Option<Vec<Part>> {
        let recorded = self.parts.iter().map(|(k, _)| k).zip(&self.inos);
        listing(&self.dir, self.dir_mtime, recorded, true)
    }

    /// Records the time `units/` had when the files last given to
    /// [`KeyStore::refresh`] were listed (read before listing them, or
    /// after this writer's own changes, which it has seen).
    pub fn set_dir_mtime(&mut self, mtime: Option<u128>) {
        let mtime = mtime.unwrap_or(0);
        if mtime != self.dir_mtime {
            self.dir_mtime = mtime;
            self.changed = true;
        }
    }

    /// Brings the keys up to the files `listed` (as listed now): a file of
    /// another size or time than recorded is read, and its keys taken
    /// again when its bytes changed.
    pub fn refresh(&mut self, listed: &[Part]) -> Result<(), MemoryError> {
        let mut parts = Vec::with_capacity(listed.len());
        let mut units = Vec::new();
        let mut changed = self.parts.len() != listed.len();
        // Both lists are sorted by name: walked side by side.
        let mut recorded = self.parts.iter().peekable();
        for part in listed {
            while recorded.next_if(|(k, _)| k.name < part.name).is_some() {}
            let old = recorded
                .peek()
                .copied()
                .filter(|(k, _)| k.name == part.name);
            let copy = |range: &Option<Range<usize>>, units: &mut Vec<UnitKey>| {
                range.as_ref().map(|r| {
                    let start = units.len();
                    units.extend_from_slice(&self.units[r.clone()]);
                    start..units.len()
                })
            };
            if let Some((k, range)) = old.filter(|(k, _)| {
                k.mtime_ns != 0 && (k.len, k.mtime_ns) == (part.len, part.mtime_ns)
            }) {
                let range = copy(range, &mut units);
                parts.push((k.clone(), range));
                continue;
            }
            changed = true;
            let (bytes, key) = read_keyed(part)?;
            if let Some((_, range)) = old.filter(|(k, _)| k.hash == key.hash) {
                // Touched, not changed (a checkout): the keys stand.
                let range = copy(range, &mut units);
                parts.push((key, range));
            } else if key_held(&key, self.base.as_ref()) {
                parts.push((key, None));
            } else {
                let read = super::file::parse_doc(&bytes, &part.path, super::file::FOLDER_VERSION)?;
                let start = units.len();
                units.extend(read.iter().map(unit_key));
                parts.push((key, Some(start..units.len())));
            }
        }
        if changed {
            self.ids = units.iter().map(|k| k[0]).collect();
            self.ids.sort_unstable();
            self.parts = parts;
            self.units = units;
            self.changed = true;
        }
        let inos: Vec<u64> = listed.iter().map(|p| p.ino).collect();
        if inos != self.inos {
            self.inos = inos;
            self.changed = true;
        }
        Ok(())
    }

    /// Forgets every key recorded, so that [`KeyStore::refresh`] reads
    /// every file: after a lookup met a damaged block of the base.
    pub fn reset(&mut self) {
        self.base = None;
        self.parts.clear();
        self.units.clear();
        self.ids.clear();
        self.inos.clear();
        self.dir_mtime = 0;
        self.changed = true;
        self.damaged.set(false);
    }

    /// The files, as recorded.
    pub fn parts(&self) -> impl Iterator<Item = &PartKey> {
        self.parts.iter().map(|(k, _)| k)
    }

    /// The indices (in [`KeyStore::parts`]) of the files holding a unit
    /// with any of the text keys `wanted`. An error when a block of the
    /// base is damaged (then [`KeyStore::refresh`] starts again).
    pub fn parts_sharing(&self, wanted: &HashSet<u64>) -> std::io::Result<BTreeSet<usize>> {
        let mut out: BTreeSet<usize> = self
            .parts
            .iter()
            .enumerate()
            .filter(|(_, (_, r))| {
                r.as_ref().is_some_and(|r| {
                    self.units[r.clone()]
                        .iter()
                        .any(|k| k[1..].iter().any(|t| *t != 0 && wanted.contains(t)))
                })
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(base) = &self.base {
            for &h in wanted {
                base.lookup(h, |p| {
                    if let Some(i) = self.live(base, p) {
                        out.insert(i);
                    }
                })
                .inspect_err(|_| self.damaged.set(true))?;
            }
        }
        Ok(out)
    }

    /// Whether a stored unit has an id with the key `h`. A damaged block
    /// of the base counts as taken: a new id is then chosen, never one in
    /// use.
    pub fn id_taken(&self, h: u64) -> bool {
        if self.ids.binary_search(&h).is_ok() {
            return true;
        }
        let Some(base) = &self.base else {
            return false;
        };
        let mut found = false;
        let looked = base.lookup(h, |p| found |= self.live(base, p).is_some());
        if looked.is_err() {
            self.damaged.set(true);
            return true;
        }
        found
    }

    /// The index in `parts` of the base's part `p`, if its keys are the
    /// base's (the file is still as the base saw it).
    fn live(&self, base: &Base, p: u32) -> Option<usize> {
        let key = base.parts.get(p as usize)?;
        let i = self
            .parts
            .binary_search_by(|(k, _)| k.name.as_str().cmp(&key.name))
            .ok()?;
        let (now, range) = &self.parts[i];
        (range.is_none() && now.hash == key.hash).then_some(i)
    }

    /// How many units the keys cover.
    pub fn len(&self) -> usize {
        let base = self.base.as_ref().map_or(0, |b| {
            self.parts
                .iter()
                .filter(|(_, r)| r.is_none())
                .filter_map(|(k, _)| b.count_of(&k.name))
                .sum()
        });
        base + self.units.len()
    }

    /// Whether the keys cover no unit.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes what changed: the delta, or a new base when the delta has
    /// grown past [`MERGE_SHARE`] (or the base is missing or damaged). A
    /// failure is not an error for the caller, who may ignore it: the keys
    /// are rebuilt next time.
    pub fn save(&mut self) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        if self.damaged.get() {
            // Built again from the files next time.
            let _ = std::fs::remove_file(base_path(&self.dir));
            let _ = std::fs::remove_file(delta_path(&self.dir));
            return Ok(());
        }
        std::fs::create_dir_all(base_path(&self.dir).parent().unwrap_or(&self.dir))?;
        let base_units = self.base.as_ref().map_or(0, |b| b.units);
        let merge =
            self.base.is_none() || self.units.len() > MERGE_MIN.max(base_units / MERGE_SHARE);
        if merge {
            self.merge()?;
        }
        // Written from the store's own arrays: no copy of 40,000 keys.
        let counts: Vec<u64> = self
            .parts
            .iter()
            .map(|(_, r)| r.as_ref().map_or(0, |r| r.len() as u64))
            .collect();
        write_delta(
            &delta_path(&self.dir),
            self.base.as_ref().map_or(0, |b| b.id),
            self.dir_mtime,
            self.parts.iter().map(|(k, _)| k),
            [&self.inos, &counts, &self.ids],
            &self.units,
        )?;
        self.changed = false;
        Ok(())
    }

    /// Writes a new base of every file's keys and empties the delta.
    fn merge(&mut self) -> std::io::Result<()> {
        let old = match &self.base {
            Some(b) if self.parts.iter().any(|(_, r)| r.is_none()) => Some((b, b.read_units()?)),
            _ => None,
        };
        let mut units = Vec::new();
        let mut counts = Vec::new();
        for (key, range) in &self.parts {
            let start = units.len();
            match (range, &old) {
                (Some(r), _) => units.extend_from_slice(&self.units[r.clone()]),
                (None, Some((b, all))) => {
                    let r = b.range_of(&key.name).ok_or_else(damaged)?;
                    units.extend_from_slice(all.get(r).ok_or_else(damaged)?);
                }
                (None, None) => return Err(damaged()),
            }
            counts.push((units.len() - start) as u64);
        }
        let keys: Vec<PartKey> = self.parts.iter().map(|(k, _)| k.clone()).collect();
        let id = new_id(&keys);
        let path = base_path(&self.dir);
        write_base(&path, id, &keys, &counts, &units)?;
        self.base = Some(Base::open(&path)?);
        self.parts.iter_mut().for_each(|(_, r)| *r = None);
        self.units.clear();
        self.ids.clear();
        Ok(())
    }
}

/// Whether the base holds a file with `key`'s name and bytes.
fn key_held(key: &PartKey, base: Option<&Base>) -> bool {
    base.and_then(|b| b.find(&key.name).map(|p| b.parts[p].hash == key.hash))
        .unwrap_or(false)
}

/// The files of units of the memory folder `dir` as [`KeyStore::listing`]
/// gives them, from the delta alone (for a reader to whom a file rewritten
/// in place matters little, such as the lexicon); `None` without a delta.
pub fn listing_of(dir: &Path) -> Option<Vec<Part>> {
    let delta = Delta::read(&delta_path(dir)).ok()?;
    let recorded = delta.listing.iter().zip(&delta.inos);
    listing(dir, delta.dir_mtime, recorded, false)
}

/// The files of units of `dir` from those `recorded` (by name, in name
/// order, with their inode numbers) when `units/` still has the time
/// `dir_mtime` they were recorded at, else from the folder's entries
/// ([`list_units`]).
fn listing<'a>(
    dir: &Path,
    dir_mtime: u128,
    recorded: impl Iterator<Item = (&'a PartKey, &'a u64)>,
    clean: bool,
) -> Option<Vec<Part>> {
    if dir_mtime != 0 && units_mtime(dir) == Some(dir_mtime) {
        let units = dir.join(folder::UNITS_DIR);
        return Some(
            recorded
                .map(|(k, &ino)| recorded_part(&units, k, ino))
                .collect(),
        );
    }
    list_units(dir, recorded, clean)
}

/// The part `key` (in the folder `units`) as recorded, with inode `ino`.
fn recorded_part(units: &Path, key: &PartKey, ino: u64) -> Part {
    Part {
        name: key.name.clone(),
        path: units.join(format!("{}.json", key.name)),
        len: key.len,
        mtime_ns: key.mtime_ns,
        ino,
    }
}

/// The files in `units/` of `dir`, each taken from `recorded` (by name,
/// in name order, with its inode number) when its name and inode are as
/// recorded, else stat'ed. Removes leftover temporary files when `clean`
/// (only a writer holding the lock may). `None` when the folder cannot be
/// read.
fn list_units<'a>(
    dir: &Path,
    recorded: impl Iterator<Item = (&'a PartKey, &'a u64)>,
    clean: bool,
) -> Option<Vec<Part>> {
    use std::os::unix::fs::DirEntryExt;
    let units = dir.join(folder::UNITS_DIR);
    let mut entries: Vec<(String, std::fs::DirEntry)> = Vec::new();
    for entry in std::fs::read_dir(&units).ok()? {
        let entry = entry.ok()?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            if clean && file_name.contains(".tmp-") {
                let _ = std::fs::remove_file(entry.path());
            }
            continue;
        }
        if let Some(name) = file_name.strip_suffix(".json") {
            entries.push((name.to_string(), entry));
        }
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut recorded = recorded.peekable();
    let mut out = Vec::with_capacity(entries.len());
    for (name, entry) in entries {
        while recorded.next_if(|(k, _)| k.name < name).is_some() {}
        let same = recorded.peek().filter(|(k, &ino)| {
            k.name == name
                && ino != 0
                && ino == entry.ino()
                && entry.file_type().is_ok_and(|t| !t.is_symlink())
        });
        match same {
            Some((k, &ino)) => out.push(recorded_part(&units, k, ino)),
            None => {
                let path = entry.path();
                let meta = std::fs::metadata(&path).ok()?;
                out.push(Part::listed(name, path, &meta));
            }
        }
    }
    Some(out)
}

/// Tells `tm add` to look at the folder next time when a listing with a
/// stat per file (`parts`) finds files of the memory folder `dir` other
/// than those the delta records while `units/` kept its time (a file
/// rewritten in place, or changed while an add was writing): the delta's
/// time of `units/` is cleared. Reads 48 bytes when there is nothing to
/// tell.
pub fn notice_edits(dir: &Path, parts: &[Part]) {
    let path = delta_path(dir);
    let Ok(stamp) =
        File::open(&path).and_then(|f| derived::read_stamp(&mut BufReader::new(f), DELTA_MAGIC))
    else {
        return;
    };
    let recorded = u128::from(stamp.0[1]) | u128::from(stamp.0[2]) << 64;
    if recorded == 0 || units_mtime(dir) != Some(recorded) {
        return;
    }
    let Ok(mut delta) = Delta::read(&path) else {
        return;
    };
    // A file listed with another size or time loses its recorded inode, so
    // that the next add stats it even if its inode is the same.
    let mut same = delta.listing.len() == parts.len();
    let mut now = parts.iter().peekable();
    for (k, ino) in delta.listing.iter().zip(delta.inos.iter_mut()) {
        while now.next_if(|p| p.name < k.name).is_some() {}
        if let Some(p) = now.peek().filter(|p| p.name == k.name) {
            if (p.len, p.mtime_ns) != (k.len, k.mtime_ns) {
                *ino = 0;
                same = false;
            }
        } else {
            same = false;
        }
    }
    if !same {
        delta.dir_mtime = 0;
        if delta.write(&path).is_err() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The time of `units/` in the memory folder `dir` (`None` when it cannot
/// be read).
pub fn units_mtime(dir: &Path) -> Option<u128> {
    std::fs::metadata(dir.join(folder::UNITS_DIR))
        .ok()
        .map(|m| crate::memory::layout::mtime_ns(&m))
}

/// Whether `tm add` keeps the files of the memory folder `dir` in its keys
/// (and so removes the temporary files a crashed writer left in `units/`
/// as it lists them: see [`KeyStore::listing`]).
pub fn lists_units(dir: &Path) -> bool {
    delta_path(dir).is_file()
}

fn base_path(dir: &Path) -> PathBuf {
    super::Layout::Folder(dir.to_path_buf()).derived_path("keys")
}

fn delta_path(dir: &Path) -> PathBuf {
    super::Layout::Folder(dir.to_path_buf()).derived_path("keys.delta")
}

/// A base's id: a hash of what it covers and of when it was written, so
/// that a delta is never taken for another base's.
fn new_id(keys: &[PartKey]) -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let mut h = crate::storage::hash::Fnv::new();
    h.write(&now.to_le_bytes());
    h.write(&std::process::id().to_le_bytes());
    for k in keys {
        h.write(&k.hash.to_le_bytes());
    }
    h.finish() | 1
}

/// The base as opened: its head read and checked, its table read block by
/// block.
#[derive(Debug)]
struct Base {
    path: PathBuf,
    file: File,
    id: u64,
    /// The files it covers, by name.
    parts: Vec<PartKey>,
    /// Where each file's units start in the units' keys (one more entry).
    starts: Vec<u64>,
    /// The first hash of each block of the table, and each block's sum.
    firsts: Vec<u64>,
    sums: Vec<u64>,
    /// Entries in the table, where it starts, and how many units.
    entries: u64,
    table_at: u64,
    units: usize,
}

impl Base {
    fn open(path: &Path) -> std::io::Result<Base> {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        let mut r = BufReader::new(&file);
        let stamp = derived::read_stamp(&mut r, BASE_MAGIC)?;
        let mut limit = len.saturating_sub(HEADER_LEN);
        let head: Vec<u8> = get(&mut r, &mut limit)?;
        let sum: Vec<u64> = get(&mut r, &mut limit)?;
        if sum.len() != 1 || sum[0] != Sum::default().add_bytes(&head).value() {
            return Err(damaged());
        }
        let mut h = head.as_slice();
        let mut hl = head.len() as u64;
        let parts = get_keys(&mut h, &mut hl)?;
        let starts: Vec<u64> = get(&mut h, &mut hl)?;
        let firsts: Vec<u64> = get(&mut h, &mut hl)?;
        let sums: Vec<u64> = get(&mut h, &mut hl)?;
        let meta: Vec<u64> = get(&mut h, &mut hl)?;
        let [id, entries] = meta[..] else {
            return Err(damaged());
        };
        let table_at = HEADER_LEN + 8 + head.len() as u64 + 16 + 8;
        let blocks = entries.div_ceil(BLOCK as u64);
        let units = starts.last().copied().unwrap_or(0);
        let sound = id == stamp.0[0]
            && starts.len() == parts.len() + 1
            && starts.first() == Some(&0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && parts.windows(2).all(|w| w[0].name < w[1].name)
            && firsts.len() as u64 == blocks
            && sums.len() as u64 == blocks
            && firsts.windows(2).all(|w| w[0] <= w[1])
            && table_at + entries * 12 + 8 + units * 32 + 8 <= len;
        if !sound {
            return Err(damaged());
        }
        let mut table_len = [0u8; 8];
        read_at(&file, &mut table_len, table_at - 8)?;
        if u64::from_le_bytes(table_len) != entries * 12 {
            return Err(damaged());
        }
        Ok(Base {
            path: path.to_path_buf(),
            file,
            id,
            parts,
            starts,
            firsts,
            sums,
            entries,
            table_at,
            units: usize::try_from(units).map_err(|_| damaged())?,
        })
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.parts
            .binary_search_by(|k| k.name.as_str().cmp(name))
            .ok()
    }

    fn range_of(&self, name: &str) -> Option<Range<usize>> {
        let p = self.find(name)?;
        Some(self.starts[p] as usize..self.starts[p + 1] as usize)
    }

    fn count_of(&self, name: &str) -> Option<usize> {
        self.range_of(name).map(|r| r.len())
    }

    /// Calls `hit` with the part of every entry of the table with hash `h`.
    fn lookup(&self, h: u64, mut hit: impl FnMut(u32)) -> std::io::Result<()> {
        let blocks = self.firsts.len();
        // Entries with `h` may begin in the block before the first whose
        // first hash is `h`.
        let mut b = self.firsts.partition_point(|&f| f < h).saturating_sub(1);
        while b < blocks && self.firsts[b] <= h {
            for e in self.block(b)? {
                let eh = u64::from(e[0]) | u64::from(e[1]) << 32;
                if eh == h {
                    hit(e[2]);
                } else if eh > h {
                    return Ok(());
                }
            }
            b += 1;
        }
        Ok(())
    }

    /// Block `b` of the table, checked against its sum.
    fn block(&self, b: usize) -> std::io::Result<Vec<[u32; 3]>> {
        let first = (b * BLOCK) as u64;
        let n = (self.entries - first).min(BLOCK as u64) as usize;
        let mut block = vec![[0u32; 3]; n];
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut block);
        read_at(&self.file, bytes, self.table_at + first * 12)?;
        if Sum::default().add_bytes(bytes).value() != self.sums[b] {
            return Err(damaged());
        }
        let parts = self.parts.len() as u32;
        for e in &mut block {
            *e = e.map(u32::from_le);
            if e[2] >= parts {
                return Err(damaged());
            }
        }
        Ok(block)
    }

    /// Every unit's keys, the whole file read and checked (to merge).
    fn read_units(&self) -> std::io::Result<Vec<UnitKey>> {
        let (_, mut r, mut limit) = derived::open(&self.path, BASE_MAGIC)?;
        let _head: Vec<u8> = get(&mut r, &mut limit)?;
        let _sum: Vec<u64> = get(&mut r, &mut limit)?;
        let _table: Vec<u32> = get(&mut r, &mut limit)?;
        let units: Vec<u64> = get(&mut r, &mut limit)?;
        r.finish()?;
        if units.len() != self.units * 4 {
            return Err(damaged());
        }
        Ok(units
            .chunks_exact(4)
            .map(|c| [c[0], c[1], c[2], c[3]])
            .collect())
    }
}

/// Writes a base of the files `keys` with `counts` units each, whose keys
/// are `units` in file order.
fn write_base(
    path: &Path,
    id: u64,
    keys: &[PartKey],
    counts: &[u64],
    units: &[UnitKey],
) -> std::io::Result<()> {
    let mut table: Vec<(u64, u32)> = Vec::with_capacity(units.len() * 3);
    let mut starts = vec![0u64];
    let mut at = 0usize;
    for (p, &count) in counts.iter().enumerate() {
        for k in &units[at..at + count as usize] {
            table.extend(k.iter().filter(|&&h| h != 0).map(|&h| (h, p as u32)));
        }
        at += count as usize;
        starts.push(at as u64);
    }
    table.sort_unstable();
    table.dedup();
    let flat: Vec<u32> = table
        .iter()
        .flat_map(|&(h, p)| [h as u32, (h >> 32) as u32, p])
        .collect();
    let mut firsts = Vec::new();
    let mut sums = Vec::new();
    for (b, chunk) in flat.chunks(BLOCK * 3).enumerate() {
        firsts.push(table[b * BLOCK].0);
        let le: Vec<u32> = chunk.iter().map(|x| x.to_le()).collect();
        sums.push(Sum::default().add_bytes(bytemuck::cast_slice(&le)).value());
    }
    let mut head = Vec::new();
    put_keys(&mut head, keys)?;
    put(&mut head, &starts)?;
    put(&mut head, &firsts)?;
    put(&mut head, &sums)?;
    put(&mut head, &[id, table.len() as u64])?;
    let sum = Sum::default().add_bytes(&head).value();
    let flat_units: &[u64] = bytemuck::cast_slice(units);
    derived::write_atomic(path, BASE_MAGIC, Stamp([id, 0, 0, 0, 0]), |w| {
        put(w, &head)?;
        put(w, &[sum])?;
        put(w, &flat)?;
        put(w, flat_units)
    })
}

/// The delta as stored.
#[derive(Debug, Default, PartialEq)]
struct Delta {
    base_id: u64,
    dir_mtime: u128,
    listing: Vec<PartKey>,
    /// Per file of `listing`, its inode number (0: unknown).
    inos: Vec<u64>,
    /// Per file of `listing`: how many of `units` are its (0 for a file
    /// whose keys are the base's).
    counts: Vec<u64>,
    units: Vec<UnitKey>,
    ids: Vec<u64>,
}

impl Delta {
    fn write(&self, path: &Path) -> std::io::Result<()> {
        write_delta(
            path,
            self.base_id,
            self.dir_mtime,
            &self.listing,
            [&self.inos, &self.counts, &self.ids],
            &self.units,
        )
    }

    fn read(path: &Path) -> std::io::Result<Delta> {
        let (stamp, mut r, mut limit) = derived::open(path, DELTA_MAGIC)?;
        let listing = get_keys(&mut r, &mut limit)?;
        let inos: Vec<u64> = get(&mut r, &mut limit)?;
        let counts: Vec<u64> = get(&mut r, &mut limit)?;
        let units: Vec<u64> = get(&mut r, &mut limit)?;
        let ids: Vec<u64> = get(&mut r, &mut limit)?;
        r.finish()?;
        let held: u64 = counts.iter().sum();
        if counts.len() != listing.len()
            || inos.len() != listing.len()
            || held * 4 != units.len() as u64
            || ids.len() as u64 != held
            || !listing.windows(2).all(|w| w[0].name < w[1].name)
            || !ids.windows(2).all(|w| w[0] <= w[1])
        {
            return Err(damaged());
        }
        Ok(Delta {
            base_id: stamp.0[0],
            dir_mtime: u128::from(stamp.0[1]) | u128::from(stamp.0[2]) << 64,
            listing,
            inos,
            counts,
            units: units
                .chunks_exact(4)
                .map(|c| [c[0], c[1], c[2], c[3]])
                .collect(),
            ids,
        })
    }
}

/// Writes a delta (see [`Delta`]): the files `listing` with their inode
/// numbers, unit counts, and the sorted ids (`[inos, counts, ids]`), and
/// the units' keys.
fn write_delta<'a, I>(
    path: &Path,
    base_id: u64,
    dir_mtime: u128,
    listing: I,
    [inos, counts, ids]: [&[u64]; 3],
    units: &[UnitKey],
) -> std::io::Result<()>
where
    I: IntoIterator<Item = &'a PartKey>,
    I::IntoIter: Clone,
{
    let m = dir_mtime;
    let stamp = Stamp([base_id, m as u64, (m >> 64) as u64, 0, 0]);
    derived::write_atomic(path, DELTA_MAGIC, stamp, |w| {
        put_keys(w, listing)?;
        put(w, inos)?;
        put(w, counts)?;
        put(w, bytemuck::cast_slice::<UnitKey, u64>(units))?;
        put(w, ids)
    })
}

fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    // A shared `&File` reads and seeks like an owned one.
    let mut f = file;
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(buf)
}

/// The keys of the memory folder `dir` as it is now, listed in full,
/// refreshed and written back when they changed.
pub fn current(dir: &Path) -> Result<KeyStore, MemoryError> {
    let mut store = KeyStore::open(dir);
    let mtime = units_mtime(dir);
    let parts = folder::parts(dir)?;
    store.refresh(&parts)?;
    store.set_dir_mtime(mtime);
    let _ = store.save();
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::folder::Snapshot;
    use crate::memory::Memory;
    use std::io::Write;

    fn unit(id: &str, release: &str, en: &str) -> Unit {
        let mut u = Unit::new(id.into(), "2026-01-01T00:00:00Z");
        u.en = Some(en.into());
        u.ru = Some(format!("{en} (ru)"));
        u.release = Some(release.into());
        u.position = Some(0);
        u
    }

    fn sharing(store: &KeyStore, text: &str) -> Vec<String> {
        let wanted = HashSet::from([text_key(text)]);
        let names: Vec<&PartKey> = store.parts().collect();
        store
            .parts_sharing(&wanted)
            .unwrap()
            .into_iter()
            .map(|i| names[i].name.clone())
            .collect()
    }

    /// A memory of `n` one-unit releases `r0`, `r1`, … with texts `Text i.`
    fn memory(d: &Path, n: usize) -> Memory {
        let memory = Memory {
            units: (0..n)
                .map(|i| unit(&format!("id{i}"), &format!("r{i}"), &format!("Text {i}.")))
                .collect(),
        };
        folder::save(d, &memory, &Snapshot::default()).unwrap();
        memory
    }

    #[test]
    fn keys_follow_the_files_through_base_and_delta() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut m = memory(d, 3);
        let store = current(d).unwrap();
        // The first keys are a base (nothing to merge with).
        assert!(store.base.is_some());
        assert_eq!(store.len(), 3);
        assert_eq!(sharing(&store, "Text  1."), ["r1"]);
        assert!(store.id_taken(id_key("id2")));
        assert!(!store.id_taken(id_key("id9")));
        // A new release and a changed one go to the delta; the base stays.
        m.units.push(unit("id9", "r9", "Text 9."));
        m.units[1].en = Some("Other 1.".into());
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &m, &snapshot).unwrap();
        let base_before = std::fs::read(d.join(".cache/keys")).unwrap();
        let store = current(d).unwrap();
        assert_eq!(std::fs::read(d.join(".cache/keys")).unwrap(), base_before);
        assert_eq!(store.units.len(), 2, "r1 and r9 in the delta");
        assert_eq!(store.len(), 4);
        assert_eq!(sharing(&store, "Text 9."), ["r9"]);
        assert_eq!(sharing(&store, "Other 1."), ["r1"]);
        // The base still lists r1's old text, but r1 is no longer as the
        // base saw it.
        assert!(sharing(&store, "Text 1.").is_empty());
        assert!(store.id_taken(id_key("id9")));
        // Read back from disk, the same.
        let again = KeyStore::open(d);
        assert_eq!(sharing(&again, "Other 1."), ["r1"]);
        assert!(sharing(&again, "Text 1.").is_empty());
        assert!(again.id_taken(id_key("id9")));
        // A removed file's ids are free again.
        std::fs::remove_file(d.join("units/r2.json")).unwrap();
        let store = current(d).unwrap();
        assert!(!store.id_taken(id_key("id2")));
        assert!(sharing(&store, "Text 2.").is_empty());
    }

    #[test]
    fn the_delta_merges_into_a_new_base_when_it_grows() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut m = memory(d, 10);
        current(d).unwrap();
        let first = KeyStore::open(d).base.unwrap().id;
        for i in 10..10 + MERGE_MIN + 1 {
            m.units
                .push(unit(&format!("id{i}"), "big", &format!("Text {i}.")));
        }
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &m, &snapshot).unwrap();
        let store = current(d).unwrap();
        let base = store.base.as_ref().unwrap();
        assert_ne!(base.id, first);
        assert!(store.units.is_empty());
        assert_eq!(store.len(), m.units.len());
        assert_eq!(sharing(&store, "Text 5."), ["r5"]);
        assert_eq!(
            sharing(&store, &format!("Text {}.", 10 + MERGE_MIN)),
            ["big"]
        );
        assert!(store.id_taken(id_key("id2000")));
    }

    #[test]
    fn every_flipped_byte_of_either_file_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut m = memory(d, 4);
        current(d).unwrap();
        m.units.push(unit("id7", "r7", "Text 7."));
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &m, &snapshot).unwrap();
        let good = current(d).unwrap();
        let probe = |s: &KeyStore| -> std::io::Result<(Vec<String>, bool, bool)> {
            let names: Vec<String> = s.parts().map(|k| k.name.clone()).collect();
            let wanted = HashSet::from([text_key("Text 3."), text_key("Text 7.")]);
            let found = s.parts_sharing(&wanted)?;
            let ids = (s.id_taken(id_key("id1")), s.id_taken(id_key("nobody")));
            if s.damaged.get() {
                return Err(damaged());
            }
            Ok((
                found.into_iter().map(|i| names[i].clone()).collect(),
                ids.0,
                ids.1,
            ))
        };
        let want = probe(&good).unwrap();
        assert_eq!(want, (vec!["r3".into(), "r7".into()], true, false));
        let saved: Vec<(PathBuf, Vec<u8>)> = ["keys", "keys.delta"]
            .iter()
            .map(|f| d.join(".cache").join(f))
            .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
            .collect();
        let restore = || {
            for (p, b) in &saved {
                std::fs::write(p, b).unwrap();
            }
        };
        for (path, bytes) in &saved {
            let file = path.file_name().unwrap().to_string_lossy();
            for i in 0..bytes.len() {
                restore();
                let mut b = bytes.clone();
                b[i] ^= 0x10;
                std::fs::write(path, &b).unwrap();
                // As an add uses them: opened, brought up to the files.
                let mut s = KeyStore::open(d);
                let listed = s.listing().unwrap();
                s.refresh(&listed).unwrap();
                // Either the damage is seen (a lookup fails), or what is
                // answered is what the memory holds: never a wrong answer.
                if let Ok(got) = probe(&s) {
                    assert_eq!(got, want, "{file} byte {i}");
                }
            }
        }
    }

    #[test]
    fn a_touched_file_keeps_its_keys_and_a_changed_one_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut memory = Memory {
            units: vec![unit("a", "one", "The hall opened.")],
        };
        folder::save(d, &memory, &Snapshot::default()).unwrap();
        let keys = current(d).unwrap();
        let file = d.join("units/one.json");
        let bytes = std::fs::read(&file).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, &bytes).unwrap();
        let touched = current(d).unwrap();
        assert!(touched.units.is_empty(), "the base's keys stand");
        assert_ne!(touched.parts[0].0.mtime_ns, keys.parts[0].0.mtime_ns);
        memory.units[0].en = Some("The hall closed.".into());
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &memory, &snapshot).unwrap();
        let changed = current(d).unwrap();
        assert_eq!(changed.units[0][1], text_key("The hall closed."));
        assert_eq!(changed.ids, vec![id_key("a")]);
    }

    #[test]
    fn the_listing_sees_files_replaced_or_added_and_edits_in_place_once_stated() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        memory(d, 3);
        current(d).unwrap();
        let listed = KeyStore::open(d).listing().unwrap();
        assert_eq!(listed, folder::parts(d).unwrap());
        // A file added and one replaced through a new file (as git and
        // `sed -i` do), with nothing else to tell them: both are seen.
        let r0 = std::fs::read_to_string(d.join("units/r0.json")).unwrap();
        std::fs::write(d.join("units/new.json"), r0.replace("id0", "idnew")).unwrap();
        let r1 = d.join("units/r1.json");
        let other = d.join("units/.r1.json.other");
        std::fs::write(&other, std::fs::read(&r1).unwrap().repeat(1)).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&other)
            .unwrap()
            .write_all(b"\n")
            .unwrap();
        std::fs::rename(&other, &r1).unwrap();
        let listed = KeyStore::open(d).listing().unwrap();
        assert_eq!(listed, folder::parts(d).unwrap());
        // A file rewritten in place keeps its inode: the listing of an add
        // takes it as recorded until a full listing notices the edit.
        current(d).unwrap();
        let r2 = d.join("units/r2.json");
        let mut bytes = std::fs::read(&r2).unwrap();
        bytes.extend_from_slice(b"\n\n");
        std::fs::OpenOptions::new()
            .write(true)
            .open(&r2)
            .unwrap()
            .write_all(&bytes)
            .unwrap();
        let stale = KeyStore::open(d).listing().unwrap();
        assert_ne!(stale, folder::parts(d).unwrap());
        crate::memory::Layout::Folder(d.to_path_buf())
            .parts()
            .unwrap();
        let fresh = KeyStore::open(d).listing().unwrap();
        assert_eq!(fresh, folder::parts(d).unwrap());
    }
}
