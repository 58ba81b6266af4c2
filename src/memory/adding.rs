//! Adding units to a memory at the cost of what is added, not of the
//! memory: for a folder memory only the files that hold a unit sharing a
//! text with the offered units, and the files the new units go to, are
//! read and written ([`super::keys`] tells which). A single-file memory is
//! read and written whole, as it always was.

use hashbrown::HashSet;
use std::collections::BTreeSet;
use std::path::Path;

use super::error::MemoryError;
use super::folder;
use super::keys::{text_key, KeyStore};
use super::layout::Layout;
use super::store::{refuse_migrated, Writing};
use super::{edit, AddReport, Adder, EditOutcome, Memory, Unit};
use crate::lang::Lang;

/// The part of a memory a change that adds units works on: the stored
/// units it may meet, and the keys of all the others.
#[derive(Debug, Default)]
pub struct Partial<'k> {
    /// The units read (all of them for a single-file memory).
    pub memory: Memory,
    /// The keys of every stored unit, those not read too (none for a
    /// single-file memory): which ids are taken.
    pub keys: Option<&'k KeyStore>,
}

impl Partial<'_> {
    /// Starts adding units, as [`Memory::adder`] does.
    pub fn adder(&mut self, source: Lang) -> Adder<'_> {
        self.memory.adder_reserving(source, self.keys)
    }

    /// Adds units, as [`Memory::add`] does.
    pub fn add(&mut self, units: Vec<Unit>, source: Lang) -> AddReport {
        let mut adder = self.adder(source);
        for unit in units {
            adder.offer(unit);
        }
        adder.report()
    }
}

/// Runs `change`, which adds some of the units `offered` (and nothing
/// else), on the memory at `path` under the writers' lock, creating the
/// memory when missing, and saves what changed when it asks to: like
/// [`super::edit`], but for a folder memory reading and writing only the
/// files concerned.
pub fn edit_adding<T, E>(
    path: &Path,
    offered: &[Unit],
    change: impl FnOnce(&mut Partial<'_>) -> Result<(T, EditOutcome), E>,
) -> Result<T, E>
where
    E: From<MemoryError>,
{
    let dir = match Layout::at(path) {
        Layout::Folder(dir) => dir,
        file @ Layout::File(_) if file.migrated_to().is_some() => {
            return Err(E::from(refuse_migrated(&file).unwrap_err()))
        }
        Layout::File(_) => {
            return edit(path, true, |m| {
                let mut partial = Partial {
                    memory: std::mem::take(m),
                    keys: None,
                };
                let result = change(&mut partial);
                *m = partial.memory;
                result
            })
        }
    };
    let layout = Layout::Folder(dir.clone());
    let writing = Writing::begin(&layout)?;
    let existed = layout.exists();
    if existed {
        folder::check_header(&dir)?;
    }
    let mut keys = KeyStore::open(&dir);
    if !existed {
        keys.reset();
    } else if !keys.fresh() {
        // Something came into `units/`, left it or replaced a file since
        // the keys were written (a pull, a colleague's add, `tm edit`):
        // every file is stat'ed.
        catch_up(&mut keys, &dir)?;
    }
    // Never write over a file the keys do not know of (one a `git pull`
    // renamed in while the last add was writing): the files the offered
    // units go to are looked for on disk, and if one is there unknown,
    // every file is listed again.
    let targets: BTreeSet<String> = offered.iter().map(folder::part_name).collect();
    let unknown = targets
        .iter()
        .any(|n| keys.part(n).is_none() && on_disk(&dir, n));
    if unknown {
        listed_in_full(&mut keys, &dir)?;
    }
    let wanted = text_keys(offered);
    let (memory, snapshot, chosen) = match load_needed(&mut keys, &dir, &wanted, &targets) {
        // A file the keys record went while this add worked (a pull):
        // every file is listed once more.
        Err(e) if gone(&e) => {
            listed_in_full(&mut keys, &dir)?;
            load_needed(&mut keys, &dir, &wanted, &targets)?
        }
        other => other?,
    };
    // A file copied under another name holds ids another holds: refused
    // before anything is written.
    folder::refuse_duplicate_ids(&dir, &memory, &chosen)?;
    // What this add knows of `units/`: its time when the keys were last
    // true of it. Changed by the time of writing means something came in
    // or went meanwhile, which the keys then must not be said to know.
    let known = keys.dir_mtime();
    let mut partial = Partial {
        memory,
        keys: Some(&keys),
    };
    let result = change(&mut partial);
    let memory = partial.memory;
    let saved = matches!(result, Ok((_, EditOutcome::Save)));
    if saved {
        let unchanged = known.is_some() && super::keys::units_mtime(&dir) == known;
        folder::save(&dir, &memory, &snapshot)?;
        // The files just written join the keys; the others are as recorded
        // (only the files read or written can have changed).
        let written: Vec<String> = memory.units.iter().map(folder::part_name).collect();
        let names = snapshot.hashes.keys().chain(&written).map(String::as_str);
        keys.refresh_names(names)?;
        // After this writer's own changes, which it has just seen, if
        // nothing else changed `units/` while it worked; else unknown, so
        // that the next add stats every file.
        let mtime = super::keys::units_mtime(&dir);
        let known = unchanged && keys.count_matches();
        keys.set_dir_mtime(if known { mtime } else { None });
    }
    // Written once, either way: keys caught up with a pull help the next
    // add even when this one stored nothing.
    if existed || saved {
        let _ = keys.save();
    }
    writing.end(saved);
    result.map(|(value, _)| value)
}

/// Reads the files an add needs: those holding a unit with one of the
/// text keys `wanted`, the files named `targets` (where the new units go),
/// and the files the units read belong in (a file renamed by hand holds
/// units of another file's name, which the save writes there: that file
/// must be read too, never written without its own units). Gives the
/// units, the snapshot to save against, and the files read.
fn load_needed(
    keys: &mut KeyStore,
    dir: &Path,
    wanted: &HashSet<u64>,
    targets: &BTreeSet<String>,
) -> Result<(Memory, folder::Snapshot, Vec<folder::Part>), MemoryError> {
    let sharing = match keys.parts_sharing(wanted) {
        Ok(read) => read,
        Err(_) => {
            // A damaged block of the keys: every file is read once more.
            keys.reset();
            listed_in_full(keys, dir)?;
            keys.parts_sharing(wanted)
                .map_err(|source| MemoryError::Io {
                    path: dir.join(".cache/keys"),
                    action: "reading",
                    source,
                })?
        }
    };
    let mut names: BTreeSet<String> = sharing.union(targets).cloned().collect();
    loop {
        let chosen: Vec<folder::Part> = names.iter().filter_map(|n| keys.part(n)).collect();
        let (memory, snapshot) = folder::load_parts(&chosen)?;
        let homes: BTreeSet<String> = memory.units.iter().map(folder::part_name).collect();
        let more: Vec<String> = homes.difference(&names).cloned().collect();
        if more.is_empty() {
            return Ok((memory, snapshot, chosen));
        }
        if more
            .iter()
            .any(|n| keys.part(n).is_none() && on_disk(dir, n))
        {
            listed_in_full(keys, dir)?;
        }
        names.extend(more);
    }
}

/// Whether reading failed because a file the keys record is gone.
fn gone(e: &MemoryError) -> bool {
    match e {
        MemoryError::Missing { .. } => true,
        MemoryError::Io { source, .. } => source.kind() == std::io::ErrorKind::NotFound,
        _ => false,
    }
}

/// Whether `units/NAME.json` of `dir` exists.
fn on_disk(dir: &Path, name: &str) -> bool {
    dir.join(folder::UNITS_DIR)
        .join(format!("{name}.json"))
        .exists()
}

/// Brings the keys up to the files of `dir` from the folder's entries,
/// stating only the new ones ([`KeyStore::listing`]), or every file when
/// the entries cannot be read that way.
fn catch_up(keys: &mut KeyStore, dir: &Path) -> Result<(), MemoryError> {
    // Read before listing: a change while listing is seen next time.
    let mtime = super::keys::units_mtime(dir);
    match keys.listing() {
        Some(parts) => {
            keys.refresh(&parts)?;
            keys.set_dir_mtime(mtime);
            Ok(())
        }
        None => listed_in_full(keys, dir),
    }
}

/// Every file of units of `dir`, each stat'ed, and the keys brought up to
/// them (with the time `units/` had before the listing, so that a change
/// made while listing is seen next time).
fn listed_in_full(keys: &mut KeyStore, dir: &Path) -> Result<(), MemoryError> {
    let mtime = super::keys::units_mtime(dir);
    let parts = folder::parts(dir)?;
    keys.refresh(&parts)?;
    keys.set_dir_mtime(mtime);
    Ok(())
}

/// The text keys of the units `offered`: the files holding a unit with one
/// of them must be read (besides the files the units go to).
fn text_keys(offered: &[Unit]) -> HashSet<u64> {
    offered
        .iter()
        .flat_map(|u| {
            Lang::ALL
                .into_iter()
                .filter_map(|l| u.text(l).map(text_key))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(release: &str, position: usize, en: &str, ru: Option<&str>, kk: Option<&str>) -> Unit {
        let mut u = Unit::new(String::new(), "2026-01-01T00:00:00Z");
        u.en = Some(en.into());
        u.ru = ru.map(String::from);
        u.kk = kk.map(String::from);
        u.release = Some(release.into());
        u.position = Some(position);
        u
    }

    fn add(path: &Path, units: Vec<Unit>) -> AddReport {
        edit_adding(path, &units.clone(), |p| {
            let r = p.add(units, Lang::En);
            let outcome = if r.changed() {
                EditOutcome::Save
            } else {
                EditOutcome::Discard
            };
            Ok::<_, MemoryError>((r, outcome))
        })
        .unwrap()
    }

    /// The same adds through the folder fast path and through a whole
    /// memory give the same units: reading only some files loses nothing.
    #[test]
    fn adding_to_a_folder_equals_adding_to_the_whole_memory() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        let mut whole = Memory::default();
        let releases = vec![
            vec![
                unit("r1", 0, "The hall opened.", Some("Зал открылся."), None),
                unit("r1", 1, "It is large.", Some("Он большой."), None),
            ],
            vec![unit(
                "r2",
                0,
                "The park closed.",
                Some("Парк закрылся."),
                None,
            )],
            // Kazakh arrives later for r1: it completes the stored units.
            vec![
                unit("r1", 0, "The hall opened.", None, Some("Зал ашылды.")),
                unit("r1", 1, "It is large.", None, Some("Ол үлкен.")),
            ],
            // The same sentence in another release, translated otherwise.
            vec![unit(
                "r3",
                0,
                "The park closed.",
                Some("Парк был закрыт."),
                None,
            )],
            // A repeat adds nothing.
            vec![unit(
                "r2",
                0,
                "The park closed.",
                Some("Парк закрылся."),
                None,
            )],
        ];
        for r in releases {
            let fast = add(&folder, r.clone());
            let slow = whole.add(r, Lang::En);
            assert_eq!(fast, slow);
        }
        let mut got = crate::memory::load(&folder).unwrap().units;
        let mut want = whole.units;
        got.sort_by(|a, b| a.id.cmp(&b.id));
        want.sort_by(|a, b| a.id.cmp(&b.id));
        // A completed unit is stamped with the clock when it is completed,
        // and the two adds may fall in different seconds: the stamps must
        // both have moved, and everything else must be equal.
        for (g, w) in got.iter_mut().zip(want.iter_mut()) {
            assert_eq!(g.changed == g.created, w.changed == w.created, "{}", g.id);
            g.changed = String::new();
            w.changed = String::new();
        }
        assert_eq!(got, want);
        assert!(got.iter().any(|u| u.alternative_of.is_some()));
        assert!(got.iter().filter(|u| u.kk.is_some()).count() == 2);
    }

    #[test]
    fn an_add_reads_only_the_files_it_needs() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        add(
            &folder,
            vec![unit("a", 0, "Alpha one.", Some("Альфа."), None)],
        );
        add(
            &folder,
            vec![unit("b", 0, "Beta two.", Some("Бета."), None)],
        );
        // A file that cannot be read is not needed by an add that shares
        // nothing with it.
        std::fs::write(folder.join("units/a.json"), "not json").unwrap();
        let _ = std::fs::remove_file(folder.join(".cache/keys"));
        // Without keys every file must be read once, and the bad one says so.
        let units = vec![unit("c", 0, "Gamma three.", Some("Гамма."), None)];
        let err = edit_adding(&folder, &units, |_| {
            Ok::<_, MemoryError>(((), EditOutcome::Discard))
        })
        .unwrap_err();
        assert!(err.to_string().contains("units/a.json"), "{err}");
        // With keys built before the damage, it is never read.
        std::fs::write(
            folder.join("units/a.json"),
            std::fs::read(folder.join("units/b.json")).unwrap(),
        )
        .unwrap();
        crate::memory::keys::current(&folder).unwrap();
        let a = folder.join("units/a.json");
        let len = std::fs::metadata(&a).unwrap().len();
        let time = std::fs::metadata(&a).unwrap().modified().unwrap();
        let mut garbage = vec![b'x'; len as usize];
        garbage[0] = b'{';
        std::fs::write(&a, &garbage).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&a)
            .unwrap()
            .set_modified(time)
            .unwrap();
        let r = add(&folder, units);
        assert_eq!(r.added, 1);
        assert!(folder.join("units/c.json").exists());
    }

    /// A file renamed into `units/` while an add was writing leaves the
    /// folder's time as that add recorded it: the next add of the same
    /// release must still read it, never write over it.
    #[test]
    fn an_add_never_writes_over_a_file_it_did_not_know_of() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        add(
            &folder,
            vec![unit("a", 0, "Alpha one.", Some("Альфа."), None)],
        );
        let units = folder.join("units");
        let time = std::fs::metadata(&units).unwrap().modified().unwrap();
        // A colleague's release b, as git would bring it, behind the
        // recorded time.
        let mut theirs = Memory {
            units: vec![unit("b", 0, "Beta two.", Some("Бета."), None)],
        };
        theirs.units[0].id = "b-0".into();
        let other = tempfile::tempdir().unwrap();
        folder::save(other.path(), &theirs, &folder::Snapshot::default()).unwrap();
        std::fs::copy(other.path().join("units/b.json"), units.join("b.json")).unwrap();
        std::fs::File::open(&units)
            .unwrap()
            .set_modified(time)
            .unwrap();
        let r = add(
            &folder,
            vec![
                unit("b", 0, "Beta two.", Some("Бета."), None),
                unit("b", 1, "Gamma three.", Some("Гамма."), None),
            ],
        );
        assert_eq!((r.added, r.duplicates), (1, 1), "{r:?}");
        let stored = crate::memory::load(&folder).unwrap().units;
        assert!(stored.iter().any(|u| u.id == "b-0"), "{stored:?}");
        assert_eq!(stored.len(), 3);
    }

    /// A file renamed by hand holds units of another file's name: an add
    /// that reads it must read that file too, or its save would write
    /// that file with the renamed one's units alone.
    #[test]
    fn an_add_reading_a_renamed_file_reads_the_file_its_units_belong_in() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        add(
            &folder,
            vec![unit(
                "forum",
                0,
                "The forum opened.",
                Some("Форум открылся."),
                None,
            )],
        );
        let units = folder.join("units");
        std::fs::rename(units.join("forum.json"), units.join("forum-2025.json")).unwrap();
        add(
            &folder,
            vec![unit(
                "forum",
                0,
                "This year the forum met.",
                Some("В этом году форум собрался."),
                None,
            )],
        );
        // Shares a sentence with the renamed file only.
        add(
            &folder,
            vec![
                unit(
                    "summit",
                    0,
                    "The forum opened.",
                    Some("Форум открылся."),
                    None,
                ),
                unit(
                    "summit",
                    1,
                    "Leaders spoke.",
                    Some("Лидеры выступили."),
                    None,
                ),
            ],
        );
        let stored = crate::memory::load(&folder).unwrap().units;
        assert_eq!(stored.len(), 3, "{stored:?}");
        assert!(stored
            .iter()
            .any(|u| u.en.as_deref() == Some("This year the forum met.")));
    }

    /// A file copied under another name repeats ids: an add that meets it
    /// is refused before it writes anything.
    #[test]
    fn an_add_meeting_a_copied_file_is_refused_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        add(
            &folder,
            vec![unit(
                "energy",
                0,
                "Output grew.",
                Some("Выработка выросла."),
                None,
            )],
        );
        let units = folder.join("units");
        std::fs::copy(units.join("energy.json"), units.join("energy-copy.json")).unwrap();
        let before: Vec<(String, Vec<u8>)> = ["energy.json", "energy-copy.json"]
            .iter()
            .map(|f| (f.to_string(), std::fs::read(units.join(f)).unwrap()))
            .collect();
        let offered = vec![unit(
            "wind",
            0,
            "Output grew.",
            Some("Выработка выросла."),
            None,
        )];
        let err = edit_adding(&folder, &offered.clone(), |p| {
            p.add(offered, Lang::En);
            Ok::<_, MemoryError>(((), EditOutcome::Save))
        })
        .unwrap_err();
        assert!(
            matches!(err, MemoryError::DuplicateIdAcross { .. }),
            "{err}"
        );
        for (f, bytes) in before {
            assert_eq!(std::fs::read(units.join(&f)).unwrap(), bytes, "{f}");
        }
        assert!(!units.join("wind.json").exists());
    }

    /// A file that comes into `units/` while an add works (a pull at the
    /// same moment) is not hidden by the folder's time the add records:
    /// the next add reads it, and meets its sentences as stored.
    #[test]
    fn a_file_arriving_during_an_add_is_seen_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        add(
            &folder,
            vec![unit("a", 0, "Alpha one.", Some("Альфа."), None)],
        );
        add(
            &folder,
            vec![unit("b", 0, "Beta two.", Some("Бета."), None)],
        );
        let mut theirs = Memory {
            units: vec![unit("c", 0, "Gamma three.", Some("Гамма."), None)],
        };
        theirs.units[0].id = "c-0".into();
        let other = tempfile::tempdir().unwrap();
        folder::save(other.path(), &theirs, &folder::Snapshot::default()).unwrap();
        let offered = vec![unit("d", 0, "Delta four.", Some("Дельта."), None)];
        edit_adding(&folder, &offered.clone(), |p| {
            // The colleague's file lands while this add aligns (a tick of
            // the file system's clock after the last add).
            std::thread::sleep(std::time::Duration::from_millis(20));
            std::fs::copy(
                other.path().join("units/c.json"),
                folder.join("units/c.json"),
            )
            .unwrap();
            p.add(offered, Lang::En);
            Ok::<_, MemoryError>(((), EditOutcome::Save))
        })
        .unwrap();
        let r = add(
            &folder,
            vec![unit("e", 0, "Gamma three.", Some("Гамма."), None)],
        );
        assert_eq!((r.added, r.duplicates), (0, 1), "{r:?}");
    }

    /// A file the keys record that went without the folder's time telling
    /// (removed by a pull while the last add wrote) makes an add that needs
    /// it list the folder again, not fail.
    #[test]
    fn a_file_gone_behind_the_keys_back_is_listed_again() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("memory");
        let one = |release: &str, en: &str, ru: &str| vec![unit(release, 0, en, Some(ru), None)];
        add(&folder, one("a", "Alpha one.", "Альфа."));
        // A second add, so that the keys record the folder's time.
        add(&folder, one("c", "Gamma three.", "Гамма."));
        let units = folder.join("units");
        let time = std::fs::metadata(&units).unwrap().modified().unwrap();
        std::fs::remove_file(units.join("a.json")).unwrap();
        std::fs::File::open(&units)
            .unwrap()
            .set_modified(time)
            .unwrap();
        assert!(KeyStore::open(&folder).fresh(), "the keys trust the folder");
        let r = add(&folder, one("b", "Alpha one.", "Альфа."));
        assert_eq!((r.added, r.duplicates), (1, 0), "{r:?}");
    }

    #[test]
    fn a_new_memory_that_stores_nothing_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("new");
        let units = vec![unit("a", 0, "Alpha.", Some("Альфа."), None)];
        edit_adding(&folder, &units, |_| {
            Ok::<_, MemoryError>(((), EditOutcome::Discard))
        })
        .unwrap();
        assert!(!folder.exists());
    }
}
