//! The learned lexicon kept with the memory (`tm.json.lexicon` beside a
//! single file, `.cache/lexicon` in a memory folder), so that `tm add`
//! learns it once per change of the memory rather than on every run.
//!
//! It is written like the other derived files ([`crate::storage::derived`]):
//! a magic string, the stamp of the JSON it was learned from (and of the
//! stemming rules and the lexicon's settings), for a folder the key of each
//! file of units ([`PartKey`]), the pairs as text, and a checksum of every
//! byte, to a temporary file renamed over the old one. A file that is
//! missing, damaged, fails its checksum, or was learned with other rules or
//! settings is learned again from the JSON; failing to write it is not an
//! error. The JSON stays the truth.
//!
//! Unlike the index of `tm suggest`, a lexicon of a slightly older memory is
//! still good: a few new units change few pairs, and learning it again costs
//! about 0.5 s at 10,000 units and 6 s at 100,000. So it is learned again
//! when the memory has grown or shrunk by more than [`RELEARN_AFTER`] of its
//! size since, or when what it was learned from changed: for a single file,
//! its first bytes (another memory, or its oldest units edited); for a
//! folder, files it was learned from (edited or removed) holding more than
//! [`RELEARN_AFTER`] of its bytes — not after every `tm add`, which adds a
//! file or completes a few. A folder with keys ([`crate::memory::keys`])
//! tells that by their counters, the bytes of files changed or removed
//! since the keys were built, without a list of its files: the lexicon
//! records the keys' lineage and churn when it is learned (or, learned
//! before the keys, the first time it compares its list with theirs).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::memory::folder::{self, Part};
use crate::memory::layout::file_stamp;
use crate::memory::part_key::{put_keys, Fit, FlatKeys, PartKey};
use crate::memory::{self as tm_memory, Layout, Unit};
use crate::storage::derived::{self, damaged, get, put, Source, Stamp};
use crate::storage::hash::fnv;

use super::lexicon::{Lexicon, Table, PAIRS, SETTINGS};

const MAGIC: &[u8; 8] = b"TMLEXIC\x03";

/// The change of the memory's size (as a share of the size it was learned
/// from) beyond which the lexicon is learned again.
pub const RELEARN_AFTER: f64 = 0.1;

/// The texts of the rules and settings a lexicon depends on.
const RULES: [&str; 7] = [
    include_str!("../text/rules/en.txt"),
    include_str!("../text/rules/ru.txt"),
    include_str!("../text/rules/kk.txt"),
    include_str!("../localise/rules/months.txt"),
    include_str!("../localise/rules/kk-endings.txt"),
    include_str!("../localise/rules/scales.txt"),
    SETTINGS,
];

/// Where the lexicon of `memory` lives.
pub fn lexicon_path(memory: &Path) -> PathBuf {
    Layout::at(memory).derived_path("lexicon")
}

/// What a lexicon records of the memory it was learned from: the stamp
/// (its size in slot 0, the single file's first bytes in slot 3, the rules
/// in slot 4; for a folder with keys, their lineage and churn in slots 1
/// and 2) and a folder's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Learned {
    stamp: Stamp,
    /// A folder's files, when they were listed: a folder with keys is
    /// listed only when its counters cannot tell (see [`read`]).
    parts: Option<Vec<Part>>,
    layout: Layout,
}

/// The stamp slots of a folder's keys' lineage and churn.
const LINEAGE: usize = 1;
const CHURN: usize = 2;

impl Learned {
    /// The memory at `layout` as it is now.
    fn now(layout: &Layout) -> std::io::Result<Learned> {
        let rules = fnv(RULES.concat().as_bytes());
        match layout {
            Layout::File(file) => Ok(Learned {
                stamp: file_stamp(file, 0, &RULES)?,
                parts: Some(Vec::new()),
                layout: layout.clone(),
            }),
            // The keys tell how much changed without a list of 40,000
            // files.
            Layout::Folder(dir) => match crate::memory::keys::counters(dir) {
                Some(c) => Ok(Learned {
                    stamp: Stamp([c.size, c.lineage, c.churn, 0, rules]),
                    parts: None,
                    layout: layout.clone(),
                }),
                None => {
                    let parts = layout.parts().map_err(std::io::Error::other)?;
                    let size = parts.iter().map(|p| p.len).sum();
                    Ok(Learned {
                        stamp: Stamp([size, 0, 0, 0, rules]),
                        parts: Some(parts),
                        layout: layout.clone(),
                    })
                }
            },
        }
    }

    /// The folder's files: as listed, else as the keys record them (a file
    /// rewritten in place matters little to a lexicon), else stat'ed.
    fn parts(&self) -> std::io::Result<Vec<Part>> {
        if let Some(parts) = &self.parts {
            return Ok(parts.clone());
        }
        let Layout::Folder(dir) = &self.layout else {
            return Ok(Vec::new());
        };
        match crate::memory::keys::listing_of(dir) {
            Some(parts) => Ok(parts),
            None => self.layout.parts().map_err(std::io::Error::other),
        }
    }
}

/// The lexicon of the memory at `memory`: read from its file when that is
/// still good, else learned from the memory (and the file written). A
/// memory that is missing or cannot be read gives the empty lexicon: the
/// aligner then works as without one, and whoever writes the memory
/// reports it.
pub fn open(memory: &Path) -> (Lexicon, Source) {
    open_with(memory, true)
}

/// [`open`] for a dry run, which creates and changes nothing: a lexicon
/// learned again is not written.
pub fn peek(memory: &Path) -> Lexicon {
    open_with(memory, false).0
}

fn open_with(memory: &Path, write_back: bool) -> (Lexicon, Source) {
    let layout = Layout::at(memory);
    let Ok(before) = Learned::now(&layout) else {
        return (Lexicon::empty(), Source::Json);
    };
    let path = lexicon_path(memory);
    if let Ok(lex) = read(&path, &before, write_back) {
        return (lex, Source::Cache);
    }
    let Ok((units, hashes)) = load(&layout) else {
        return (Lexicon::empty(), Source::Json);
    };
    let lex = Lexicon::learn(&units);
    let Ok(parts) = before.parts() else {
        return (lex, Source::Json);
    };
    let keys = parts
        .iter()
        .map(|p| PartKey {
            name: p.name.clone(),
            len: p.len,
            mtime_ns: p.mtime_ns,
            hash: hashes.get(&p.name).copied().unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    // Only a lexicon of the JSON that was read may be written.
    let written = write_back
        && Learned::now(&layout).ok().as_ref() == Some(&before)
        && write(&path, before.stamp, &keys, &lex).is_ok();
    (
        lex,
        if written {
            Source::JsonCached
        } else {
            Source::Json
        },
    )
}

/// The memory's units, and for a folder the hash of each part's bytes.
fn load(
    layout: &Layout,
) -> Result<(Vec<Unit>, std::collections::BTreeMap<String, u64>), tm_memory::MemoryError> {
    match layout {
        Layout::File(p) => Ok((tm_memory::file::load(p)?.units, Default::default())),
        Layout::Folder(d) => {
            let (memory, snapshot) = folder::load(d)?;
            Ok((memory.units, snapshot.hashes))
        }
    }
}

fn write(path: &Path, stamp: Stamp, keys: &[PartKey], lex: &Lexicon) -> std::io::Result<()> {
    derived::write_atomic(path, MAGIC, stamp, |w| {
        put_keys(w, keys)?;
        // Each table as it is held, so that reading it back allocates a
        // few arrays rather than a string per stem.
        for table in lex.tables() {
            let (text, offsets, by_second) = table.parts();
            put(w, text.as_bytes())?;
            put(w, bytemuck::cast_slice::<[u32; 3], u32>(offsets))?;
            put(w, by_second)?;
        }
        w.flush()
    })
}

/// Whether a lexicon learned from the memory stamped `learned` is still
/// good for the memory stamped `now`: the same rules and settings, the same
/// first bytes, and a size within [`RELEARN_AFTER`] of the one it had.
fn close_enough(learned: Stamp, now: Stamp) -> bool {
    let (size, head, rules) = (0, 3, 4);
    let (was, is) = (learned.0[size] as f64, now.0[size] as f64);
    learned.0[rules] == now.0[rules]
        && learned.0[head] == now.0[head]
        && (is - was).abs() <= RELEARN_AFTER * was
}

/// The lexicon at `path` if it is sound and still good for the memory as
/// it is `now`. A folder's part touched but not changed has its new time
/// recorded.
fn read(path: &Path, now: &Learned, write_back: bool) -> std::io::Result<Lexicon> {
    let (mut learned, mut r, mut limit) = derived::open(path, MAGIC)?;
    // Kept flat: a folder's 40,000 names are compared only when the keys'
    // counters cannot tell.
    let flat = FlatKeys::read(&mut r, &mut limit)?;
    let mut tables = Vec::with_capacity(PAIRS.len());
    for _ in PAIRS {
        let text: Vec<u8> = get(&mut r, &mut limit)?;
        let offsets: Vec<u32> = get(&mut r, &mut limit)?;
        let by_second: Vec<u32> = get(&mut r, &mut limit)?;
        tables.push((text, offsets, by_second));
    }
    r.finish()?;
    if !close_enough(learned, now.stamp) {
        return Err(damaged());
    }
    let limit = RELEARN_AFTER * learned.0[0] as f64;
    let (was, is) = (learned.0, now.stamp.0);
    if now.parts.is_none() && was[LINEAGE] != 0 && was[LINEAGE] == is[LINEAGE] {
        // The same keys since it was learned: the bytes of files changed
        // or removed since are their churn since.
        if is[CHURN].saturating_sub(was[CHURN]) as f64 > limit {
            return Err(damaged());
        }
        return decode(tables);
    }
    // A file learned from that changed or is gone weighs its size; the
    // lexicon is still good while they weigh at most RELEARN_AFTER of what
    // it learned from (a later language added to a few releases is not a
    // reason to learn a million units again). Both lists are by name.
    let mut keys: Vec<PartKey> = (0..flat.len()).map(|i| flat.key(i)).collect();
    let now_parts = now.parts()?;
    let mut touched = false;
    let (mut changed, mut learned_from) = (0u64, 0u64);
    let mut now_parts = now_parts.iter().peekable();
    for key in &mut keys {
        learned_from += key.len;
        while now_parts.next_if(|p| p.name < key.name).is_some() {}
        match now_parts.peek().filter(|p| p.name == key.name) {
            Some(part) => match key.fit(part) {
                Fit::Same => {}
                Fit::Touched => {
                    key.mtime_ns = part.mtime_ns;
                    touched = true;
                }
                Fit::Changed => changed += key.len,
            },
            None => changed += key.len,
        }
    }
    if changed as f64 > RELEARN_AFTER * learned_from as f64 {
        return Err(damaged());
    }
    let lex = decode(tables)?;
    // Keys that came since (or were built again) are taken as the
    // reference from now on, the bytes already changed counted against
    // their churn, so that the next check needs no list.
    let adopt = now.parts.is_none() && was[LINEAGE] != is[LINEAGE];
    if adopt {
        learned.0[LINEAGE] = is[LINEAGE];
        learned.0[CHURN] = is[CHURN].saturating_sub(changed);
    }
    if (touched || adopt) && write_back {
        let _ = write(path, learned, &keys, &lex);
    }
    Ok(lex)
}

/// The lexicon of the tables as [`write`] stores them, each checked to be
/// one.
fn decode(tables: Vec<(Vec<u8>, Vec<u32>, Vec<u32>)>) -> std::io::Result<Lexicon> {
    let mut out: Vec<Table> = Vec::with_capacity(PAIRS.len());
    for (text, offsets, by_second) in tables {
        let text = String::from_utf8(text).map_err(|_| damaged())?;
        if !offsets.len().is_multiple_of(3) {
            return Err(damaged());
        }
        let offsets: Vec<[u32; 3]> = offsets
            .chunks_exact(3)
            .map(|c| [c[0], c[1], c[2]])
            .collect();
        out.push(Table::from_parts(text, offsets, by_second).ok_or_else(damaged)?);
    }
    let tables: [Table; 3] = out.try_into().map_err(|_| damaged())?;
    Ok(Lexicon::from_tables(tables))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::lexicon::tests::small_memory;
    use crate::memory::{file, Memory};

    fn save(path: &Path, units: Vec<crate::memory::Unit>) {
        let mut units = units;
        for (i, u) in units.iter_mut().enumerate() {
            u.id = format!("u{i}");
        }
        file::save(&Memory { units }, path).unwrap();
    }

    /// The small memory four times over (ids apart), so that its first
    /// bytes are a small part of it.
    fn larger() -> Vec<crate::memory::Unit> {
        let mut units = Vec::new();
        for round in 0..4 {
            for mut u in small_memory() {
                u.release = Some(format!("r{round}"));
                units.push(u);
            }
        }
        units
    }

    #[test]
    fn a_small_change_keeps_it_and_another_memory_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let memory = dir.path().join("tm.json");
        let mut units = larger();
        save(&memory, units.clone());
        let (first, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        // A unit at the end edited: the lexicon of the memory before is used.
        let last = units.last_mut().unwrap();
        last.en = Some("Computers help the teachers a lot.".into());
        save(&memory, units.clone());
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        // Another memory of the same size: its first bytes differ.
        units.reverse();
        save(&memory, units);
        assert_eq!(open(&memory).1, Source::JsonCached);
    }

    #[test]
    fn learned_once_then_read_rebuilt_when_damaged_or_stale() {
        let dir = tempfile::tempdir().unwrap();
        let memory = dir.path().join("tm.json");
        // No memory yet: nothing learned, nothing written.
        let (lex, _) = open(&memory);
        assert!(lex.is_empty());
        assert!(!lexicon_path(&memory).exists());

        let units = small_memory();
        save(&memory, units[..6].to_vec());
        let (first, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        assert!(!first.is_empty());
        let (again, source) = open(&memory);
        assert_eq!((&again, source), (&first, Source::Cache));

        // Any flipped bit fails to open (the checksum covers every byte,
        // the stamp too), and the lexicon is learned again.
        let path = lexicon_path(&memory);
        let bytes = std::fs::read(&path).unwrap();
        let now = Learned::now(&Layout::at(&memory)).unwrap();
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 1 << (at % 8);
            std::fs::write(&path, &bad).unwrap();
            assert!(read(&path, &now, true).is_err(), "byte {at} flipped");
        }
        let (rebuilt, source) = open(&memory);
        assert_eq!((&rebuilt, source), (&first, Source::JsonCached));
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        // A cut file too.
        std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
        assert_eq!(open(&memory).1, Source::JsonCached);

        // The memory grew by more than a tenth: learned again from it.
        save(&memory, units.clone());
        let (grown, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        assert_eq!(grown, Lexicon::learn(&file::load(&memory).unwrap().units));
        assert_ne!(grown, first);
    }

    #[test]
    fn a_folder_is_learned_again_only_when_a_tenth_of_what_it_learned_from_changed() {
        use crate::memory::folder::{load, save, Snapshot};
        let dir = tempfile::tempdir().unwrap();
        let memory = dir.path().join("memory");
        let mut units = larger();
        for (i, u) in units.iter_mut().enumerate() {
            u.id = format!("u{i}");
        }
        save(&memory, &Memory { units }, &Snapshot::default()).unwrap();
        let (first, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        assert!(!first.is_empty());
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        // A small release added: another file, the lexicon kept.
        let (mut loaded, snapshot) = load(&memory).unwrap();
        let mut extra = small_memory().remove(0);
        extra.id = "new".into();
        extra.release = Some("r9".into());
        loaded.units.push(extra);
        save(&memory, &loaded, &snapshot).unwrap();
        assert!(memory.join("units/r9.json").exists());
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        // A file touched (a checkout) but the same: kept, its time noted.
        let part = memory.join("units/r1.json");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(10);
        let touch = || {
            let f = std::fs::File::options().write(true).open(&part).unwrap();
            f.set_modified(later).unwrap();
        };
        touch();
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        let (_, mut r, mut limit) = derived::open(&lexicon_path(&memory), MAGIC).unwrap();
        let keys = crate::memory::part_key::get_keys(&mut r, &mut limit).unwrap();
        let r1 = keys.iter().find(|k| k.name == "r1").unwrap();
        let meta = std::fs::metadata(&part).unwrap();
        assert_eq!(r1.mtime_ns, crate::memory::layout::mtime_ns(&meta));
        // A file it learned from edited: learned again.
        let (mut loaded, snapshot) = load(&memory).unwrap();
        let unit = loaded
            .units
            .iter_mut()
            .find(|u| u.release.as_deref() == Some("r1"))
            .unwrap();
        unit.en = Some("Computers help the teachers a lot.".into());
        save(&memory, &loaded, &snapshot).unwrap();
        let (edited, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        assert_eq!(edited, Lexicon::learn(&load(&memory).unwrap().0.units));
        assert_eq!(open(&memory).1, Source::Cache);
        let remove = |release: &str| {
            let (loaded, snapshot) = load(&memory).unwrap();
            let fewer = Memory {
                units: loaded
                    .units
                    .into_iter()
                    .filter(|u| u.release.as_deref() != Some(release))
                    .collect(),
            };
            save(&memory, &fewer, &snapshot).unwrap();
            assert!(!memory.join(format!("units/{release}.json")).exists());
        };
        // A small file it learned from removed (a twentieth): kept.
        remove("r9");
        assert_eq!(open(&memory).1, Source::Cache);
        // A quarter of it removed: learned again.
        remove("r2");
        assert_eq!(open(&memory).1, Source::JsonCached);
    }

    /// With keys, the lexicon checks itself against their counters (no
    /// list of files): it takes them as its reference on the first check,
    /// keeps itself through small changes, and is learned again when the
    /// bytes changed since pass a tenth of what it learned from.
    #[test]
    fn a_folder_with_keys_is_checked_by_their_churn() {
        use crate::memory::folder::{load, save, Snapshot};
        use crate::memory::keys;
        let dir = tempfile::tempdir().unwrap();
        let memory = dir.path().join("memory");
        let mut units = larger();
        for (i, u) in units.iter_mut().enumerate() {
            u.id = format!("u{i}");
        }
        save(&memory, &Memory { units }, &Snapshot::default()).unwrap();
        // Learned before there were keys: from the list of files.
        let (first, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        let stamp = |m: &Path| derived::open(&lexicon_path(m), MAGIC).unwrap().0;
        assert_eq!(stamp(&memory).0[LINEAGE], 0);
        // Keys built: the first check compares the lists once and adopts
        // the keys' lineage.
        keys::current(&memory).unwrap();
        let lineage = keys::counters(&memory).unwrap().lineage;
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        assert_eq!(stamp(&memory).0[LINEAGE], lineage);
        let edit = |release: &str| {
            let (mut loaded, snapshot) = load(&memory).unwrap();
            for u in loaded.units.iter_mut() {
                if u.release.as_deref() == Some(release) {
                    u.en = Some(format!("{} Again.", u.en.clone().unwrap_or_default()));
                }
            }
            save(&memory, &loaded, &snapshot).unwrap();
            keys::current(&memory).unwrap();
        };
        // A small release added: the keys grow, the lexicon is kept.
        let (mut loaded, snapshot) = load(&memory).unwrap();
        let mut extra = small_memory().remove(0);
        extra.id = "new".into();
        extra.release = Some("r9".into());
        loaded.units.push(extra);
        save(&memory, &loaded, &snapshot).unwrap();
        keys::current(&memory).unwrap();
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        // The small release changed: its bytes count, still under a tenth.
        edit("r9");
        assert!(keys::counters(&memory).unwrap().churn > 0);
        assert_eq!(open(&memory), (first.clone(), Source::Cache));
        // A quarter of the files changed, as the keys see it: learned again.
        edit("r1");
        let churn = keys::counters(&memory).unwrap().churn;
        assert!(churn > 0);
        let (relearned, source) = open(&memory);
        assert_eq!(source, Source::JsonCached);
        assert_eq!(relearned, Lexicon::learn(&load(&memory).unwrap().0.units));
        assert_eq!(stamp(&memory).0[CHURN], churn);
        // Then kept while nothing more changes.
        assert_eq!(open(&memory).1, Source::Cache);
    }
}
