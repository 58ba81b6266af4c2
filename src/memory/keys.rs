//! The keys of a folder memory: for each unit, a hash of its id and of its
//! text in each language, grouped by the file it is in, kept as a base and
//! a delta like `tm suggest`'s index.
//!
//! `tm add` needs to know which stored units share a text with the units it
//! offers (to skip duplicates, fill missing languages, mark alternatives)
//! and which ids are taken. Reading every file of a million-unit memory for
//! that costs seconds, and so does reading or writing every unit's keys, or
//! even every file's name: a `tm add` should cost what the release costs.
//! So:
//!
//! - **The base** (`.cache/keys`) holds every file as it was at its last
//!   merge (name, size, time, hash of its bytes), a lookup
//!   table of every id and text hash with the file it is in, sorted and
//!   cut into blocks of about 4 KB each with a checksum of its own, and the
//!   units' keys (read only to merge). An add reads the file list as a few
//!   flat arrays and the few blocks of the table its hashes fall in.
//! - **The delta** (`.cache/keys.delta`) holds only what differs from the
//!   base: the files added, changed, touched or gone since, and the units'
//!   keys of those whose bytes changed. It is what an add writes, so an add
//!   writes what it changed. When it holds more than a tenth of the base's
//!   units or files, both merge into a new base.
//! - **Seeing what changed.** A file whose size or time differs from what
//!   was recorded is read again (its keys kept when its bytes are the same,
//!   as after a `git checkout`). Stating 40,000 files costs more than the
//!   rest of an add, so the delta also records the time of `units/`. While
//!   `units/` keeps that time (nothing was added, removed or renamed into
//!   it: tm, git, `sed -i` and most editors write a new file), an add takes
//!   the files as recorded and looks at none but those it reads or writes;
//!   otherwise it stats every file (on two threads). An inode number would
//!   not tell a file unchanged: ext4 gives a file that git deletes and
//!   creates again, or that tm replaces twice, the number it had. A file
//!   rewritten in place keeps the folder's time; every other command stats
//!   every file, and when one finds a file the keys do not describe it
//!   makes the next add look ([`notice_edits`]). An add never writes over
//!   a file it did not know of: the files its units go to are looked for
//!   on disk whatever the keys say. An add that finds `units/` changed
//!   while it worked (a pull at the same moment) does not record the
//!   folder's time after its own writes, so the next add looks too.
//! - **Churn.** The keys count the bytes of files changed or removed since
//!   they were first built ([`counters`]), so that the lexicon learned from
//!   the memory can tell how much of what it learned from changed without
//!   a list of 40,000 files.
//!
//! They are derived data like the others: damage anywhere means the keys
//! concerned are rebuilt, never a wrong answer (a damaged block of the
//! table found during an add makes every id it could hold count as taken).

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

// foldhash, not SipHash: the wanted texts are looked up once per unit of
// the delta.
use hashbrown::HashSet;

use super::error::MemoryError;
use super::folder::{self, Part};
use super::part_key::{put_keys, read_keyed, FlatKeys, PartKey};
use super::{normalized, Unit};
use crate::lang::Lang;
use crate::storage::derived::{self, damaged, get, put, Stamp, HEADER_LEN};
use crate::storage::hash::{fnv, Sum};

const BASE_MAGIC: &[u8; 8] = b"TMKEYS\x00\x05";
const DELTA_MAGIC: &[u8; 8] = b"TMKEYD\x00\x04";
/// Entries of the base's lookup table per checksummed block (12 bytes
/// each: just under 4 KB, one page read per lookup).
const BLOCK: usize = 341;
/// The delta merges into a new base when it holds more than this share of
/// the base's units or files…
const MERGE_SHARE: usize = 10;
/// … and more than this many (so a small memory's base is not rewritten
/// at every add).
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

/// What was last seen of a file: its size, time and hash of its bytes (as
/// in a [`PartKey`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    len: u64,
    mtime_ns: u128,
    hash: u64,
}

/// Where the keys of a file's units are.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Held {
    /// In the base: the file's bytes are those the base saw.
    Base,
    /// In the delta's units.
    Delta(Range<usize>),
}

/// What the delta records of a file, over what the base does.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Over {
    /// The base's file is gone.
    Gone,
    /// The file as last seen.
    File(Seen, Held),
}

/// How much the files changed since the keys were first built: see
/// [`counters`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counters {
    /// Which keys these are: new whenever the keys are built from nothing
    /// (then `churn` starts again at 0).
    pub lineage: u64,
    /// The bytes of the files changed or removed since, counted at the
    /// size each had before.
    pub churn: u64,
    /// The bytes of all the files now.
    pub size: u64,
}

/// The keys of a folder memory's units, as a writer uses them.
#[derive(Debug)]
pub struct KeyStore {
    dir: PathBuf,
    base: Option<Base>,
    /// The files whose record differs from the base's, by name.
    over: BTreeMap<String, Over>,
    /// The keys of the units of `over`'s files held in the delta.
    units: Vec<UnitKey>,
    /// The sorted id keys of `units`.
    ids: Vec<u64>,
    /// The time of `units/` when the records were true of it (0: unknown).
    dir_mtime: u128,
    lineage: u64,
    churn: u64,
    /// Whether anything differs from what is on disk.
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
            over: BTreeMap::new(),
            units: Vec::new(),
            ids: Vec::new(),
            dir_mtime: 0,
            lineage: 0,
            churn: 0,
            changed: true,
            damaged: Cell::new(false),
        };
        match (delta, &store.base) {
            (Some(d), _) => {
                store.over = d.over;
                store.units = d.units;
                store.ids = d.ids;
                store.dir_mtime = d.dir_mtime;
                store.lineage = d.lineage;
                store.churn = d.churn;
                store.changed = false;
            }
            (None, Some(b)) => {
                store.lineage = b.lineage;
                store.churn = b.churn;
            }
            // Keys built from nothing: a new lineage.
            (None, None) => store.lineage = new_id(0),
        }
        store
    }

    /// Whether the records can be taken as the files are: `units/` has the
    /// time it had when they were true of it.
    pub fn fresh(&self) -> bool {
        self.dir_mtime != 0 && units_mtime(&self.dir) == Some(self.dir_mtime)
    }

    /// The file named `name` as recorded.
    pub fn part(&self, name: &str) -> Option<Part> {
        let (seen, _) = self.record(name)?;
        Some(recorded_part(&self.units_dir(), name, seen))
    }

    /// The files of units as they are now: as recorded while
    /// [`KeyStore::fresh`], else every file stat'ed (see the module's
    /// documentation). Called under the writers' lock, it also removes the
    /// temporary files a writer that crashed left. `None` when the folder cannot be read (then [`folder::parts`]
    /// says why).
    pub fn listing(&self) -> Option<Vec<Part>> {
        self.listing_cleaning(true)
    }

    fn listing_cleaning(&self, clean: bool) -> Option<Vec<Part>> {
        if self.fresh() {
            let units = self.units_dir();
            return Some(
                self.records()
                    .iter()
                    .map(|(name, seen, _)| recorded_part(&units, name, *seen))
                    .collect(),
            );
        }
        if clean {
            sweep_temporaries(&self.units_dir());
        }
        folder::parts(&self.dir).ok()
    }

    /// Whether `units/` holds as many files of units as recorded: its
    /// entries counted, no stat, no name kept. What an add checks after
    /// its own writes, when the folder's time cannot tell: a file a pull
    /// renames in or removes right after the add's own last rename leaves
    /// the folder the time the add then reads.
    pub fn count_matches(&self) -> bool {
        let Ok(entries) = std::fs::read_dir(self.units_dir()) else {
            return false;
        };
        let mut count = 0usize;
        for entry in entries {
            let Ok(entry) = entry else { return false };
            let name = entry.file_name();
            let name = name.as_encoded_bytes();
            count += usize::from(name.ends_with(b".json") && !name.starts_with(b"."));
        }
        count == self.count()
    }

    /// How many files are recorded.
    fn count(&self) -> usize {
        let base = self.base.as_ref();
        let in_base = |n: &str| base.is_some_and(|b| b.files.find(n).is_some());
        let mut count = base.map_or(0, |b| b.files.len());
        for (name, over) in &self.over {
            match (over, in_base(name)) {
                (Over::Gone, true) => count -= 1,
                (Over::File(..), false) => count += 1,
                _ => {}
            }
        }
        count
    }

    /// The time of `units/` the records are true of (`None`: unknown).
    pub fn dir_mtime(&self) -> Option<u128> {
        (self.dir_mtime != 0).then_some(self.dir_mtime)
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

    /// Brings the keys up to the files `listed` (every file, as listed
    /// now): a file of another size or time than recorded is read, and its
    /// keys taken again when its bytes changed; a file not listed is gone.
    pub fn refresh(&mut self, listed: &[Part]) -> Result<(), MemoryError> {
        let mut updates = Vec::new();
        let mut fresh = Vec::new();
        {
            let records = self.records();
            let mut recorded = records.iter().peekable();
            for part in listed {
                while let Some((name, ..)) = recorded.next_if(|(n, ..)| *n < part.name.as_str()) {
                    updates.push((name.to_string(), None));
                }
                let old = recorded
                    .next_if(|(n, ..)| *n == part.name.as_str())
                    .map(|(_, seen, held)| (*seen, held.clone()));
                let now = self.look(old.clone(), part, &mut fresh)?;
                if old.as_ref() != Some(&now) {
                    updates.push((part.name.clone(), Some(now)));
                }
            }
            updates.extend(recorded.map(|(name, ..)| (name.to_string(), None)));
        }
        self.apply(updates, fresh);
        Ok(())
    }

    /// Brings the keys of the files named `names` up to what they are now
    /// (added, changed or gone), the others kept as recorded: after a
    /// change that could touch only those, so that a writer that knows what
    /// it wrote looks at nothing else.
    pub fn refresh_names<'a>(
        &mut self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), MemoryError> {
        let names: BTreeSet<&str> = names.into_iter().collect();
        let units = self.units_dir();
        let mut updates = Vec::new();
        let mut fresh = Vec::new();
        for name in names {
            let path = units.join(format!("{name}.json"));
            let old = self.record(name);
            let now = match std::fs::metadata(&path) {
                Ok(meta) => {
                    let part = Part::listed(name.to_string(), path, &meta);
                    Some(self.look(old.clone(), &part, &mut fresh)?)
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => {
                    return Err(MemoryError::Io {
                        path,
                        action: "reading",
                        source,
                    })
                }
            };
            if old != now {
                updates.push((name.to_string(), now));
            }
        }
        self.apply(updates, fresh);
        Ok(())
    }

    /// What to record of `part` as listed now, given what was recorded of
    /// it (`old`): the record when its size and time are the same, else
    /// the file read again. Keys read go to the end of `fresh`, which will
    /// follow the delta's units.
    fn look(
        &self,
        old: Option<(Seen, Held)>,
        part: &Part,
        fresh: &mut Vec<UnitKey>,
    ) -> Result<(Seen, Held), MemoryError> {
        if let Some((seen, held)) = old
            .clone()
            .filter(|(s, _)| s.mtime_ns != 0 && (s.len, s.mtime_ns) == (part.len, part.mtime_ns))
        {
            return Ok((seen, held));
        }
        let (bytes, key) = read_keyed(part)?;
        let seen = Seen {
            len: key.len,
            mtime_ns: key.mtime_ns,
            hash: key.hash,
        };
        if let Some((_, held)) = old.filter(|(s, _)| s.hash == key.hash) {
            // Touched, not changed (a checkout): the keys stand.
            return Ok((seen, held));
        }
        let in_base = self.base.as_ref().is_some_and(|b| {
            b.files
                .find(&part.name)
                .is_some_and(|i| b.files.hash_of(i) == key.hash)
        });
        if in_base {
            return Ok((seen, Held::Base));
        }
        let read = super::file::parse_doc(&bytes, &part.path, super::file::FOLDER_VERSION)?;
        let start = self.units.len() + fresh.len();
        fresh.extend(read.iter().map(unit_key));
        Ok((seen, Held::Delta(start..self.units.len() + fresh.len())))
    }

    /// Records `updates` (a file's new record, or `None` when it is gone),
    /// whose new keys are `fresh`; counts the churn and keeps only the
    /// delta's units still used.
    fn apply(&mut self, updates: Vec<(String, Option<(Seen, Held)>)>, fresh: Vec<UnitKey>) {
        if updates.is_empty() {
            return;
        }
        self.units.extend(fresh);
        for (name, now) in updates {
            if let Some((was, _)) = self.record(&name) {
                if now.as_ref().is_none_or(|(s, _)| s.hash != was.hash) {
                    self.churn += was.len;
                }
            }
            let base = self
                .base
                .as_ref()
                .and_then(|b| b.files.find(&name).map(|i| b.seen(i)));
            match (now, base) {
                (Some((seen, Held::Base)), Some(b)) if seen == b => {
                    self.over.remove(&name);
                }
                (Some((seen, held)), _) => {
                    self.over.insert(name, Over::File(seen, held));
                }
                (None, Some(_)) => {
                    self.over.insert(name, Over::Gone);
                }
                (None, None) => {
                    self.over.remove(&name);
                }
            }
        }
        self.compact();
        self.changed = true;
    }

    /// Keeps in `units` only the keys of the files in `over`, in its order.
    fn compact(&mut self) {
        let mut units = Vec::new();
        for over in self.over.values_mut() {
            if let Over::File(_, Held::Delta(r)) = over {
                let start = units.len();
                units.extend_from_slice(&self.units[r.clone()]);
                *r = start..units.len();
            }
        }
        self.ids = units.iter().map(|k| k[0]).collect();
        self.ids.sort_unstable();
        self.units = units;
    }

    /// Forgets every key recorded, so that [`KeyStore::refresh`] reads
    /// every file: after a lookup met a damaged block of the base.
    pub fn reset(&mut self) {
        self.base = None;
        self.over.clear();
        self.units.clear();
        self.ids.clear();
        self.dir_mtime = 0;
        self.lineage = new_id(self.lineage);
        self.churn = 0;
        self.changed = true;
        self.damaged.set(false);
    }

    /// What is recorded of the file `name`, and where its keys are.
    fn record(&self, name: &str) -> Option<(Seen, Held)> {
        match self.over.get(name) {
            Some(Over::Gone) => None,
            Some(Over::File(seen, held)) => Some((*seen, held.clone())),
            None => {
                let base = self.base.as_ref()?;
                base.files.find(name).map(|i| (base.seen(i), Held::Base))
            }
        }
    }

    /// Every file as recorded, by name: the base's walked beside the
    /// delta's.
    fn records(&self) -> Vec<(&str, Seen, Held)> {
        let mut out = Vec::new();
        let mut over = self.over.iter().peekable();
        let push = |name, o: &Over, out: &mut Vec<_>| {
            if let Over::File(seen, held) = o {
                out.push((name, *seen, held.clone()));
            }
        };
        if let Some(base) = &self.base {
            for i in 0..base.files.len() {
                let name = base.files.name(i);
                while let Some((n, o)) = over.next_if(|(n, _)| n.as_str() < name) {
                    push(n.as_str(), o, &mut out);
                }
                match over.next_if(|(n, _)| n.as_str() == name) {
                    Some((_, o)) => push(name, o, &mut out),
                    None => out.push((name, base.seen(i), Held::Base)),
                }
            }
        }
        for (n, o) in over {
            push(n.as_str(), o, &mut out);
        }
        out
    }

    /// The names of the files holding a unit with any of the text keys
    /// `wanted`. An error when a block of the base is damaged (then
    /// [`KeyStore::refresh`] starts again).
    pub fn parts_sharing(&self, wanted: &HashSet<u64>) -> std::io::Result<BTreeSet<String>> {
        let mut out: BTreeSet<String> = self
            .over
            .iter()
            .filter(|(_, o)| match o {
                Over::File(_, Held::Delta(r)) => self.units[r.clone()]
                    .iter()
                    .any(|k| k[1..].iter().any(|t| *t != 0 && wanted.contains(t))),
                _ => false,
            })
            .map(|(n, _)| n.clone())
            .collect();
        if let Some(base) = &self.base {
            for &h in wanted {
                base.lookup(h, |p| {
                    if self.live(base, p) {
                        out.insert(base.files.name(p as usize).to_string());
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
        let looked = base.lookup(h, |p| found |= self.live(base, p));
        if looked.is_err() {
            self.damaged.set(true);
            return true;
        }
        found
    }

    /// Whether the keys of the base's file `p` are still its keys (the
    /// file is as the base saw it).
    fn live(&self, base: &Base, p: u32) -> bool {
        let p = p as usize;
        match self.over.get(base.files.name(p)) {
            None => true,
            Some(Over::File(seen, Held::Base)) => seen.hash == base.files.hash_of(p),
            Some(_) => false,
        }
    }

    /// How many units the keys cover.
    pub fn len(&self) -> usize {
        self.records()
            .iter()
            .map(|(name, _, held)| match held {
                Held::Delta(r) => r.len(),
                Held::Base => self
                    .base
                    .as_ref()
                    .map_or(0, |b| b.files.find(name).map_or(0, |i| b.range(i).len())),
            })
            .sum()
    }

    /// Whether the keys cover no unit.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How much the files changed since the keys were first built.
    pub fn counters(&self) -> Counters {
        let base_size = self.base.as_ref().map_or(0, |b| b.size);
        let mut size = base_size;
        for (name, over) in &self.over {
            if let Some(b) = &self.base {
                if let Some(i) = b.files.find(name) {
                    size -= b.files.len_of(i);
                }
            }
            if let Over::File(seen, _) = over {
                size += seen.len;
            }
        }
        Counters {
            lineage: self.lineage,
            churn: self.churn,
            size,
        }
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
        let (base_units, base_files) = self
            .base
            .as_ref()
            .map_or((0, 0), |b| (b.units, b.files.len()));
        let merge = self.base.is_none()
            || self.units.len() > MERGE_MIN.max(base_units / MERGE_SHARE)
            || self.over.len() > MERGE_MIN.max(base_files / MERGE_SHARE);
        if merge {
            self.merge()?;
        }
        self.write_delta()
    }

    /// Writes the delta as it is (never a new base: see [`notice_edits`]).
    fn write_delta(&mut self) -> std::io::Result<()> {
        let delta = Delta {
            base_id: self.base.as_ref().map_or(0, |b| b.id),
            dir_mtime: self.dir_mtime,
            lineage: self.lineage,
            churn: self.churn,
            size: self.counters().size,
            over: std::mem::take(&mut self.over),
            units: std::mem::take(&mut self.units),
            ids: std::mem::take(&mut self.ids),
        };
        let written = delta.write(&delta_path(&self.dir));
        self.over = delta.over;
        self.units = delta.units;
        self.ids = delta.ids;
        written?;
        self.changed = false;
        Ok(())
    }

    /// Writes a new base of every file's keys and empties the delta.
    fn merge(&mut self) -> std::io::Result<()> {
        let records = self.records();
        let old = match &self.base {
            Some(b) if records.iter().any(|(_, _, h)| *h == Held::Base) => {
                Some((b, b.read_units()?))
            }
            _ => None,
        };
        let mut units = Vec::new();
        let mut counts = Vec::with_capacity(records.len());
        let mut keys = Vec::with_capacity(records.len());
        for (name, seen, held) in &records {
            let start = units.len();
            match (held, &old) {
                (Held::Delta(r), _) => units.extend_from_slice(&self.units[r.clone()]),
                (Held::Base, Some((b, all))) => {
                    let r = b.files.find(name).map(|i| b.range(i)).ok_or_else(damaged)?;
                    units.extend_from_slice(all.get(r).ok_or_else(damaged)?);
                }
                (Held::Base, None) => return Err(damaged()),
            }
            counts.push((units.len() - start) as u64);
            keys.push(PartKey {
                name: name.to_string(),
                len: seen.len,
                mtime_ns: seen.mtime_ns,
                hash: seen.hash,
            });
        }
        drop(old);
        let id = new_id(self.lineage);
        let path = base_path(&self.dir);
        let lineage = [self.lineage, self.churn];
        write_base(&path, id, &keys, &counts, &units, lineage)?;
        self.base = Some(Base::open(&path)?);
        self.over.clear();
        self.units.clear();
        self.ids.clear();
        Ok(())
    }

    fn units_dir(&self) -> PathBuf {
        self.dir.join(folder::UNITS_DIR)
    }
}

/// How much the files of the memory folder `dir` changed since its keys
/// were first built, from the delta alone (a small file): what the lexicon
/// learned from the memory checks itself against. `None` without keys.
pub fn counters(dir: &Path) -> Option<Counters> {
    let delta = Delta::read(&delta_path(dir)).ok()?;
    Some(Counters {
        lineage: delta.lineage,
        churn: delta.churn,
        size: delta.size,
    })
}

/// The files of units of the memory folder `dir` as [`KeyStore::listing`]
/// gives them (for a reader to whom a file rewritten in place matters
/// little, such as the lexicon); `None` without keys.
pub fn listing_of(dir: &Path) -> Option<Vec<Part>> {
    if !delta_path(dir).is_file() {
        return None;
    }
    KeyStore::open(dir).listing_cleaning(false)
}

/// The part `name` (in the folder `units`) as recorded in `seen`.
fn recorded_part(units: &Path, name: &str, seen: Seen) -> Part {
    Part {
        name: name.to_string(),
        path: units.join(format!("{name}.json")),
        len: seen.len,
        mtime_ns: seen.mtime_ns,
    }
}

/// Removes the temporary files a writer that crashed left in `units`
/// (only a writer holding the lock may).
fn sweep_temporaries(units: &Path) {
    let Ok(entries) = std::fs::read_dir(units) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.contains(".tmp-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Tells `tm add` to look at the folder next time when a listing with a
/// stat per file (`parts`) finds files of the memory folder `dir` other
/// than those the keys record while `units/` kept its time (a file
/// rewritten in place, or one that came or changed while an add was
/// writing): the recorded time of `units/` is cleared, so that the next add
/// stats every file. Reads 48 bytes when there is nothing to tell.
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
    // Under the writers' lock, or not at all: a writer between this
    // reading and writing the delta would have its own delta overwritten
    // (the next listing with a stat per file notices the edit again).
    let Some(_lock) = crate::storage::lock::WriteLock::try_acquire(
        &super::Layout::Folder(dir.to_path_buf()).lock_path(),
    ) else {
        return;
    };
    let mut store = KeyStore::open(dir);
    if store.dir_mtime != recorded {
        return;
    }
    let same = {
        let records = store.records();
        records.len() == parts.len()
            && records.iter().zip(parts).all(|((name, seen, _), p)| {
                *name == p.name && (seen.len, seen.mtime_ns) == (p.len, p.mtime_ns)
            })
    };
    if !same {
        store.dir_mtime = 0;
        // Only the delta, never a merge (a reader's work stays small). A
        // failure leaves no delta, so that the next add lists everything.
        if store.write_delta().is_err() {
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

/// A new id (of a base, or of a lineage of keys): a hash of when it is
/// made, of the process and of `seed`, so that a delta is never taken for
/// another base's.
fn new_id(seed: u64) -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let mut h = crate::storage::hash::Fnv::new();
    h.write(&now.to_le_bytes());
    h.write(&std::process::id().to_le_bytes());
    h.write(&seed.to_le_bytes());
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
    files: FlatKeys,
    /// Where each file's units start in the units' keys (one more entry).
    starts: Vec<u64>,
    /// The first hash of each block of the table, and each block's sum.
    firsts: Vec<u64>,
    sums: Vec<u64>,
    /// Entries in the table, where it starts, and how many units.
    entries: u64,
    table_at: u64,
    units: usize,
    /// The keys' lineage and churn when it was written (see [`Counters`]),
    /// and the size of its files.
    lineage: u64,
    churn: u64,
    size: u64,
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
        let files = FlatKeys::read(&mut h, &mut hl)?;
        let starts: Vec<u64> = get(&mut h, &mut hl)?;
        let firsts: Vec<u64> = get(&mut h, &mut hl)?;
        let sums: Vec<u64> = get(&mut h, &mut hl)?;
        let meta: Vec<u64> = get(&mut h, &mut hl)?;
        let [id, entries, lineage, churn] = meta[..] else {
            return Err(damaged());
        };
        let table_at = HEADER_LEN + 8 + head.len() as u64 + 16 + 8;
        let blocks = entries.div_ceil(BLOCK as u64);
        let units = starts.last().copied().unwrap_or(0);
        let sound = id == stamp.0[0]
            && starts.len() == files.len() + 1
            && starts.first() == Some(&0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && files.sorted()
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
        let size = (0..files.len()).map(|i| files.len_of(i)).sum();
        Ok(Base {
            path: path.to_path_buf(),
            file,
            id,
            files,
            starts,
            firsts,
            sums,
            entries,
            table_at,
            units: usize::try_from(units).map_err(|_| damaged())?,
            lineage,
            churn,
            size,
        })
    }

    /// What the base saw of its file `i`.
    fn seen(&self, i: usize) -> Seen {
        Seen {
            len: self.files.len_of(i),
            mtime_ns: self.files.time_of(i),
            hash: self.files.hash_of(i),
        }
    }

    /// Where the units' keys of its file `i` are among all its units'.
    fn range(&self, i: usize) -> Range<usize> {
        self.starts[i] as usize..self.starts[i + 1] as usize
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
        let parts = self.files.len() as u32;
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

/// Writes a base of the files `keys` with
/// `counts` units each, whose keys are `units` in file order, and the
/// keys' `[lineage, churn]`.
fn write_base(
    path: &Path,
    id: u64,
    keys: &[PartKey],
    counts: &[u64],
    units: &[UnitKey],
    [lineage, churn]: [u64; 2],
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
    put(&mut head, &[id, table.len() as u64, lineage, churn])?;
    let sum = Sum::default().add_bytes(&head).value();
    let flat_units: &[u64] = bytemuck::cast_slice(units);
    derived::write_atomic(path, BASE_MAGIC, Stamp([id, 0, 0, 0, 0]), |w| {
        put(w, &head)?;
        put(w, &[sum])?;
        put(w, &flat)?;
        put(w, flat_units)
    })
}

/// The delta as stored: what differs from the base whose id it names.
#[derive(Debug, Default, PartialEq)]
struct Delta {
    base_id: u64,
    dir_mtime: u128,
    lineage: u64,
    churn: u64,
    /// The size of all the files (see [`Counters`]).
    size: u64,
    over: BTreeMap<String, Over>,
    units: Vec<UnitKey>,
    ids: Vec<u64>,
}

/// How a file of the delta is stored: gone, with its keys in the base, or
/// with its keys in the delta.
const GONE: u64 = 0;
const IN_BASE: u64 = 1;
const IN_DELTA: u64 = 2;

impl Delta {
    /// Writes the delta: its files as [`put_keys`] does (a gone file with
    /// size, time and hash 0), their kinds and unit counts, the
    /// units' keys, the sorted ids and the size.
    fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut keys = Vec::with_capacity(self.over.len());
        let mut kinds = Vec::with_capacity(self.over.len());
        let mut counts = Vec::with_capacity(self.over.len());
        let mut units: Vec<UnitKey> = Vec::with_capacity(self.units.len());
        for (name, over) in &self.over {
            let (seen, kind, held) = match over {
                Over::Gone => (None, GONE, None),
                Over::File(seen, Held::Base) => (Some(*seen), IN_BASE, None),
                Over::File(seen, Held::Delta(r)) => (Some(*seen), IN_DELTA, Some(r.clone())),
            };
            let seen = seen.unwrap_or(Seen {
                len: 0,
                mtime_ns: 0,
                hash: 0,
            });
            keys.push(PartKey {
                name: name.clone(),
                len: seen.len,
                mtime_ns: seen.mtime_ns,
                hash: seen.hash,
            });
            kinds.push(kind);
            let r = held.unwrap_or(0..0);
            counts.push(r.len() as u64);
            units.extend_from_slice(&self.units[r]);
        }
        let m = self.dir_mtime;
        let stamp = Stamp([
            self.base_id,
            m as u64,
            (m >> 64) as u64,
            self.lineage,
            self.churn,
        ]);
        derived::write_atomic(path, DELTA_MAGIC, stamp, |w| {
            put_keys(w, &keys)?;
            put(w, &kinds)?;
            put(w, &counts)?;
            put(w, bytemuck::cast_slice::<UnitKey, u64>(&units))?;
            put(w, &self.ids)?;
            put(w, &[self.size])
        })
    }

    fn read(path: &Path) -> std::io::Result<Delta> {
        let (stamp, mut r, mut limit) = derived::open(path, DELTA_MAGIC)?;
        let files = FlatKeys::read(&mut r, &mut limit)?;
        let kinds: Vec<u64> = get(&mut r, &mut limit)?;
        let counts: Vec<u64> = get(&mut r, &mut limit)?;
        let flat: Vec<u64> = get(&mut r, &mut limit)?;
        let ids: Vec<u64> = get(&mut r, &mut limit)?;
        let size: Vec<u64> = get(&mut r, &mut limit)?;
        r.finish()?;
        let n = files.len();
        let held: u64 = counts.iter().sum();
        let sound = kinds.len() == n
            && counts.len() == n
            && size.len() == 1
            && held * 4 == flat.len() as u64
            && ids.len() as u64 == held
            && files.sorted()
            && ids.windows(2).all(|w| w[0] <= w[1])
            && kinds
                .iter()
                .zip(&counts)
                .all(|(&k, &c)| k == IN_DELTA || (k <= IN_BASE && c == 0));
        if !sound {
            return Err(damaged());
        }
        let units: Vec<UnitKey> = flat
            .chunks_exact(4)
            .map(|c| [c[0], c[1], c[2], c[3]])
            .collect();
        let mut over = BTreeMap::new();
        let mut at = 0;
        for i in 0..n {
            let seen = Seen {
                len: files.len_of(i),
                mtime_ns: files.time_of(i),
                hash: files.hash_of(i),
            };
            let count = counts[i] as usize;
            let entry = match kinds[i] {
                GONE => Over::Gone,
                IN_BASE => Over::File(seen, Held::Base),
                _ => Over::File(seen, Held::Delta(at..at + count)),
            };
            at += count;
            over.insert(files.name(i).to_string(), entry);
        }
        Ok(Delta {
            base_id: stamp.0[0],
            dir_mtime: u128::from(stamp.0[1]) | u128::from(stamp.0[2]) << 64,
            lineage: stamp.0[3],
            churn: stamp.0[4],
            size: size[0],
            over,
            units,
            ids,
        })
    }
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
        store.parts_sharing(&wanted).unwrap().into_iter().collect()
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
            let wanted = HashSet::from([text_key("Text 3."), text_key("Text 7.")]);
            let found = s.parts_sharing(&wanted)?;
            let ids = (s.id_taken(id_key("id1")), s.id_taken(id_key("nobody")));
            if s.damaged.get() {
                return Err(damaged());
            }
            Ok((found.into_iter().collect(), ids.0, ids.1))
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
        assert_ne!(
            touched.records()[0].1.mtime_ns,
            keys.records()[0].1.mtime_ns
        );
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
        // Deleted and created again as git does, the same size (ext4 often
        // gives it the inode number it had): stat'ed and read again.
        current(d).unwrap();
        let r0 = d.join("units/r0.json");
        let bytes = std::fs::read_to_string(&r0)
            .unwrap()
            .replace("Text 0.", "Text 7.");
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_file(&r0).unwrap();
        std::fs::write(&r0, &bytes).unwrap();
        let mut store = KeyStore::open(d);
        assert!(!store.fresh());
        let listed = store.listing().unwrap();
        store.refresh(&listed).unwrap();
        assert_eq!(sharing(&store, "Text 0."), ["new"]);
        assert_eq!(sharing(&store, "Text 7."), ["r0"]);
        // A file rewritten in place keeps the folder's time: the listing of
        // an add takes it as recorded until a full listing notices it.
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

    /// The delta records what differs from the base and nothing else, so
    /// that an add writes what it changed; the churn counts the bytes of
    /// files changed or removed, across merges, until the keys are built
    /// from nothing again.
    #[test]
    fn the_delta_holds_only_the_changes_and_the_churn_counts_them() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut m = memory(d, 30);
        let first = current(d).unwrap();
        let start = first.counters();
        assert_eq!(start.churn, 0);
        let r3 = std::fs::metadata(d.join("units/r3.json")).unwrap().len();
        let r4 = std::fs::metadata(d.join("units/r4.json")).unwrap().len();
        // One release added, one changed, one removed.
        m.units.push(unit("id99", "r99", "Text 99."));
        m.units[3].en = Some("Other 3.".into());
        m.units.retain(|u| u.id != "id4");
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &m, &snapshot).unwrap();
        let store = current(d).unwrap();
        let mut over: Vec<(&str, bool)> = store
            .over
            .iter()
            .map(|(n, o)| (n.as_str(), *o == Over::Gone))
            .collect();
        over.sort();
        assert_eq!(over, [("r3", false), ("r4", true), ("r99", false)]);
        let delta = Delta::read(&delta_path(d)).unwrap();
        assert_eq!(delta.over.len(), 3);
        let c = counters(d).unwrap();
        assert_eq!((c.lineage, c.churn), (start.lineage, r3 + r4));
        let size: u64 = folder::parts(d).unwrap().iter().map(|p| p.len).sum();
        assert_eq!(c.size, size);
        // A touched file is recorded, but its bytes are the same: no churn.
        let r5 = d.join("units/r5.json");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(9);
        std::fs::File::options()
            .write(true)
            .open(&r5)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let store = current(d).unwrap();
        assert!(store.over.contains_key("r5"));
        assert_eq!(store.counters().churn, r3 + r4);
        // A merge keeps the lineage and the churn, and empties the delta.
        let mut store = KeyStore::open(d);
        store.merge().unwrap();
        store.write_delta().unwrap();
        assert!(Delta::read(&delta_path(d)).unwrap().over.is_empty());
        assert_eq!(counters(d).unwrap(), c);
        assert_eq!(KeyStore::open(d).len(), m.units.len());
        // Built again from nothing: another lineage.
        std::fs::remove_file(base_path(d)).unwrap();
        std::fs::remove_file(delta_path(d)).unwrap();
        current(d).unwrap();
        let again = counters(d).unwrap();
        assert_ne!(again.lineage, c.lineage);
        assert_eq!((again.churn, again.size), (0, size));
    }

    /// A listing that notices an edit in place tells the next add only
    /// when no writer holds the lock: a writer's delta is never written
    /// over by a reader.
    #[test]
    fn an_edit_is_noticed_only_outside_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        memory(d, 3);
        current(d).unwrap();
        let r2 = d.join("units/r2.json");
        let mut bytes = std::fs::read(&r2).unwrap();
        bytes.extend_from_slice(b"\n");
        std::fs::OpenOptions::new()
            .write(true)
            .open(&r2)
            .unwrap()
            .write_all(&bytes)
            .unwrap();
        let delta = std::fs::read(delta_path(d)).unwrap();
        let layout = crate::memory::Layout::Folder(d.to_path_buf());
        {
            let _writer = crate::storage::lock::WriteLock::acquire(&layout.lock_path()).unwrap();
            layout.parts().unwrap();
            assert_eq!(std::fs::read(delta_path(d)).unwrap(), delta);
        }
        layout.parts().unwrap();
        assert_ne!(std::fs::read(delta_path(d)).unwrap(), delta);
        assert!(!KeyStore::open(d).fresh());
    }

    /// The count an add checks after its own writes sees a file come or
    /// go, whatever the folder's time says.
    #[test]
    fn the_count_of_files_sees_one_come_or_go() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut m = memory(d, 3);
        m.units.push(unit("id5", "r5", "Text 5."));
        let (_, snapshot) = folder::load(d).unwrap();
        folder::save(d, &m, &snapshot).unwrap();
        std::fs::remove_file(d.join("units/r0.json")).unwrap();
        let store = current(d).unwrap();
        assert!(store.count_matches());
        let units = d.join("units");
        std::fs::write(units.join(".r9.json.tmp-1"), "x").unwrap();
        assert!(
            store.count_matches(),
            "a temporary file is no file of units"
        );
        std::fs::copy(units.join("r1.json"), units.join("r9.json")).unwrap();
        assert!(!store.count_matches());
        std::fs::remove_file(units.join("r9.json")).unwrap();
        std::fs::remove_file(units.join("r2.json")).unwrap();
        assert!(!store.count_matches());
    }
}
