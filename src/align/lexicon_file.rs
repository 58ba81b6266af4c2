//! The learned lexicon kept beside the memory (`tm.json.lexicon`), so that
//! `tm add` learns it once per change of the memory rather than on every
//! run.
//!
//! It is written like the other derived files ([`crate::storage::derived`]):
//! a magic string, the stamp of the JSON it was learned from (and of the
//! stemming rules and the lexicon's settings), the pairs as text, and a
//! checksum of them, to a temporary file renamed over the old one. A file
//! that is missing, damaged, fails its checksum, or was learned with other
//! rules or settings is learned again from the JSON; failing to write it is
//! not an error. The JSON stays the truth.
//!
//! Unlike the caches of `tm suggest`, a lexicon of a slightly older memory is
//! still good: a few new units change few pairs, and learning it again costs
//! about 0.5 s at 10,000 units and 6 s at 100,000. So it is learned again
//! when the memory has grown or shrunk by more than [`RELEARN_AFTER`] of its
//! size since, or when the memory's first bytes differ (another memory, or
//! its oldest units edited) — not after every `tm add`.

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::memory::{self as tm_memory, Layout};
use crate::storage::derived::{self, damaged, get, get_u64, put, Source, Stamp};
use crate::storage::hash::Sum;

use super::lexicon::{Lexicon, PAIRS, SETTINGS};

const MAGIC: &[u8; 8] = b"TMLEXIC\x01";

/// The change of the memory's size (as a share of the size it was learned
/// from) beyond which the lexicon is learned again.
pub const RELEARN_AFTER: f64 = 0.1;

/// Where the lexicon of `memory` lives.
pub fn lexicon_path(memory: &Path) -> PathBuf {
    Layout::at(memory).derived_path("lexicon")
}

fn stamp(memory: &Path) -> std::io::Result<Stamp> {
    Layout::at(memory).stamp(
        0,
        &[
            include_str!("../text/rules/en.txt"),
            include_str!("../text/rules/ru.txt"),
            include_str!("../text/rules/kk.txt"),
            include_str!("../localise/rules/months.txt"),
            include_str!("../localise/rules/kk-endings.txt"),
            include_str!("../localise/rules/scales.txt"),
            SETTINGS,
        ],
    )
}

/// The lexicon of the memory at `memory`: read from its file when that is
/// current, else learned from the memory (and the file written). A memory
/// that is missing or cannot be read gives the empty lexicon: the aligner
/// then works as without one, and whoever writes the memory reports it.
pub fn open(memory: &Path) -> (Lexicon, Source) {
    let Ok(before) = stamp(memory) else {
        return (Lexicon::empty(), Source::Json);
    };
    let path = lexicon_path(memory);
    if let Ok(lex) = read(&path, before) {
        return (lex, Source::Cache);
    }
    let Ok(loaded) = tm_memory::load(memory) else {
        return (Lexicon::empty(), Source::Json);
    };
    let lex = Lexicon::learn(&loaded.units);
    // Only a lexicon of the JSON that was read may be written.
    let written = stamp(memory).ok() == Some(before) && write(&path, before, &lex).is_ok();
    (
        lex,
        if written {
            Source::JsonCached
        } else {
            Source::Json
        },
    )
}

/// The pairs as stored: one `PAIR<TAB>STEM<TAB>STEM` line each.
fn encode(lex: &Lexicon) -> Vec<u8> {
    let mut out = String::new();
    for (p, &(a, b)) in PAIRS.iter().enumerate() {
        for (x, y) in lex.pairs(a, b) {
            out.push_str(&format!("{p}\t{x}\t{y}\n"));
        }
    }
    out.into_bytes()
}

fn write(path: &Path, stamp: Stamp, lex: &Lexicon) -> std::io::Result<()> {
    let bytes = encode(lex);
    let sum = Sum::default().add(&bytes).0;
    derived::write_atomic(path, MAGIC, stamp, |w| {
        put(w, &bytes)?;
        put(w, &[sum])?;
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

fn read(path: &Path, now: Stamp) -> std::io::Result<Lexicon> {
    let f = File::open(path)?;
    let mut limit = f.metadata()?.len();
    let mut r = BufReader::new(f);
    let mut magic = [0u8; 8];
    r.read_exact(&mut magic)?;
    let mut learned = [0u64; 5];
    for x in &mut learned {
        *x = get_u64(&mut r)?;
    }
    if &magic != MAGIC || !close_enough(Stamp(learned), now) {
        return Err(damaged());
    }
    let bytes: Vec<u8> = get(&mut r, &mut limit)?;
    let sum: Vec<u64> = get(&mut r, &mut limit)?;
    if sum != [Sum::default().add(&bytes).0] {
        return Err(damaged());
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| damaged())?;
    let mut pairs: Vec<(Lang, Lang, &str, &str)> = Vec::new();
    for line in text.lines() {
        let mut f = line.split('\t');
        let (Some(p), Some(a), Some(b), None) = (f.next(), f.next(), f.next(), f.next()) else {
            return Err(damaged());
        };
        let &(la, lb) = p
            .parse::<usize>()
            .ok()
            .and_then(|p| PAIRS.get(p))
            .ok_or_else(damaged)?;
        pairs.push((la, lb, a, b));
    }
    Ok(Lexicon::from_pairs(pairs))
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

        // A flipped byte in the pairs: the checksum fails, it is learned again.
        let path = lexicon_path(&memory);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = derived::HEADER_LEN as usize + 8 + 3;
        bytes[at] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        let (rebuilt, source) = open(&memory);
        assert_eq!((&rebuilt, source), (&first, Source::JsonCached));
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
}
