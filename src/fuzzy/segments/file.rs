//! An index segment on disk (`.cache/en.index.GEN-ID` in a memory folder,
//! `tm.json.en.index.GEN-ID` beside a single file), written like every
//! derived file ([`crate::storage::derived`]): magic, stamp, arrays, and a
//! checksum of every byte before it, checked as the file is read, so a
//! flipped bit anywhere makes the segment unreadable and its parts are
//! indexed again.
//!
//! The stamp holds the hash of the rules the keys depend on, the source
//! language, the segment's name and its unit count; the parts' keys come
//! first in the body, so that [`peek`] learns which parts a segment covers
//! without reading its index.

use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::memory::part_key::{get_keys, put_keys, PartKey};
use crate::storage::derived::{self, damaged, get, put, Stamp};
use crate::storage::hash::fnv;

use super::super::index::Index;
use super::super::prefix::fill_postings;
use super::super::sketch::{Sketch, REPEATS};
use super::super::vocab::Vocab;
use super::{IndexSegment, Rest, SegmentName};

// 2: each unit's token sketch and the sketch's common tokens are stored.
const MAGIC: &[u8; 8] = b"TMINDEX\x02";

/// What [`peek`] reads of a segment file: enough to decide whether it is
/// needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The file.
    pub path: PathBuf,
    /// The segment's name.
    pub name: SegmentName,
    /// The parts it covers, in name order.
    pub parts: Vec<PartKey>,
    /// Part `p`'s units are `part_off[p]..part_off[p + 1]`.
    pub part_off: Vec<u32>,
}

impl Head {
    /// The index in `parts` of the part named `name`.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.parts
            .binary_search_by(|k| k.name.as_str().cmp(name))
            .ok()
    }

    /// How many units part `p` has.
    pub fn units_of(&self, p: usize) -> u64 {
        u64::from(self.part_off[p + 1] - self.part_off[p])
    }
}

/// The file name of segment `name` for `lang` (to be put where the
/// memory's derived files go).
pub fn file_name(lang: Lang, name: SegmentName) -> String {
    format!("{}{:08}-{:016x}", prefix(lang), name.generation, name.id)
}

/// How every segment file's name for `lang` starts.
pub fn prefix(lang: Lang) -> String {
    format!("{}.index.", lang.code())
}

/// A hash of the rules a segment's keys depend on, with the layout of the
/// file: a segment of other rules is not used.
pub fn rules_hash() -> u64 {
    fnv([
        include_str!("../../text/rules/en.txt"),
        include_str!("../../text/rules/ru.txt"),
        include_str!("../../text/rules/kk.txt"),
        // Month names are index keys too.
        include_str!("../../localise/rules/months.txt"),
        include_str!("../../localise/rules/kk-endings.txt"),
        include_str!("../../localise/rules/scales.txt"),
    ]
    .concat()
    .as_bytes())
}

fn stamp(lang: Lang, name: SegmentName, units: u64) -> Stamp {
    Stamp([rules_hash(), lang as u64, name.generation, name.id, units])
}

/// Writes `segment` at `path`.
pub fn write(path: &Path, segment: &IndexSegment) -> std::io::Result<()> {
    let Rest::Json(ranges) = &segment.rest else {
        return Err(std::io::Error::other(
            "a loaded memory's segment is not written",
        ));
    };
    let s = stamp(segment.lang, segment.name, segment.units() as u64);
    derived::write_atomic(path, MAGIC, s, |w| {
        put_keys(w, &segment.parts)?;
        put(w, &segment.part_off)?;
        put(w, &segment.part_langs)?;
        let ix = &segment.index;
        put(w, &ix.vocab.bytes)?;
        put(w, &ix.vocab.off)?;
        put(w, &ix.seq_off)?;
        put(w, &ix.seq)?;
        // The full posting lists only by their lengths: see
        // `Index::restore_postings`.
        put(w, &ix.post_off)?;
        put(w, &ix.has_text)?;
        put(w, &ix.pre_off)?;
        put(w, &ix.pre)?;
        put(w, &ix.pre_pos)?;
        // The prefix postings' sketches and word counts are copied from
        // the units' on reading: see `prefix::fill_postings`.
        put(w, &ix.sig)?;
        let common: Vec<u32> = ix
            .sketch
            .common()
            .iter()
            .flat_map(|&(k, r)| [k, r as u32])
            .collect();
        put(w, &common)?;
        put(w, &segment.doubtful)?;
        put(w, ranges)
    })
}

/// The head of the segment file at `path`, if it is a segment for `lang`
/// built with the current rules. Not checked against the file's checksum
/// (that takes reading it all): [`read`] checks that it is the same.
pub fn peek(path: &Path, lang: Lang) -> std::io::Result<Head> {
    let (s, mut r, mut limit) = derived::open(path, MAGIC)?;
    let [rules, l, generation, id, _] = s.0;
    if rules != rules_hash() || l != lang as u64 {
        return Err(damaged());
    }
    let parts = get_keys(&mut r, &mut limit)?;
    let part_off: Vec<u32> = get(&mut r, &mut limit)?;
    if part_off.len() != parts.len() + 1 || !ascending(&part_off) {
        return Err(damaged());
    }
    Ok(Head {
        path: path.to_path_buf(),
        name: SegmentName { generation, id },
        parts,
        part_off,
    })
}

/// Reads the segment file of `head` whole, checking its checksum and that
/// it is the segment `head` describes.
pub fn read(head: &Head, lang: Lang) -> std::io::Result<IndexSegment> {
    let (s, mut r, mut limit) = derived::open(&head.path, MAGIC)?;
    let l = &mut limit;
    let parts = get_keys(&mut r, l)?;
    let part_off: Vec<u32> = get(&mut r, l)?;
    let part_langs: Vec<u8> = get(&mut r, l)?;
    let index = Index {
        vocab: Vocab {
            bytes: get(&mut r, l)?,
            off: get(&mut r, l)?,
        },
        seq_off: get(&mut r, l)?,
        seq: get(&mut r, l)?,
        post_off: get(&mut r, l)?,
        post: Vec::new(),
        has_text: get(&mut r, l)?,
        pre_off: get(&mut r, l)?,
        pre: get(&mut r, l)?,
        pre_pos: get(&mut r, l)?,
        sig: get(&mut r, l)?,
        pre_sig: Vec::new(),
        pre_len: Vec::new(),
        sketch: Sketch::default(),
    };
    let common: Vec<u32> = get(&mut r, l)?;
    let doubtful: Vec<u8> = get(&mut r, l)?;
    let ranges: Vec<u64> = get(&mut r, l)?;
    r.finish()?;
    let name = SegmentName {
        generation: s.0[2],
        id: s.0[3],
    };
    let mut segment = IndexSegment {
        name,
        lang,
        parts,
        part_off,
        part_langs,
        index,
        doubtful,
        rest: Rest::Json(ranges),
    };
    let described = s == stamp(lang, head.name, segment.units() as u64)
        && segment.parts == head.parts
        && segment.part_off == head.part_off;
    let keys = segment.index.vocab.len();
    let common = common_tokens(&common, keys);
    let (Some(common), true) = (common, described && consistent(&segment)) else {
        return Err(damaged());
    };
    segment.index.sketch = Sketch::new(keys, common);
    fill_postings(&mut segment.index);
    Ok(segment)
}

/// The sketch's common tokens from their stored pairs (key, repeat),
/// `None` unless every pair is whole and names a key of the index.
fn common_tokens(pairs: &[u32], keys: usize) -> Option<Vec<(u32, usize)>> {
    if !pairs.len().is_multiple_of(2) {
        return None;
    }
    pairs
        .chunks(2)
        .map(|p| {
            ((p[0] as usize) < keys && (p[1] as usize) < REPEATS).then_some((p[0], p[1] as usize))
        })
        .collect()
}

fn ascending<T: PartialOrd>(v: &[T]) -> bool {
    v.windows(2).all(|w| w[0] <= w[1])
}

/// Checks that every offset points inside its array: the checksum says the
/// file is as written, this that it was written whole by this layout, so
/// that no search can index out of bounds.
fn consistent(s: &IndexSegment) -> bool {
    let ix = &s.index;
    let units = s.units();
    let ends = |v: &[u32], max: usize| {
        ascending(v) && v.first() == Some(&0) && v.last().is_some_and(|&x| x as usize == max)
    };
    let Rest::Json(ranges) = &s.rest else {
        return false;
    };
    ends(&s.part_off, units)
        && s.part_langs.len() == s.parts.len()
        && s.parts.windows(2).all(|w| w[0].name < w[1].name)
        && ends(&ix.vocab.off, ix.vocab.bytes.len())
        && std::str::from_utf8(&ix.vocab.bytes).is_ok()
        && ends(&ix.seq_off, ix.seq.len())
        && ix.seq_off.len() == units + 1
        && ascending(&ix.post_off)
        && ix.post_off.first() == Some(&0)
        && ix.post_off.len() == ix.vocab.off.len()
        && ends(&ix.pre_off, ix.pre.len())
        && ix.pre_off.len() == ix.vocab.off.len()
        && ix.pre_pos.len() == ix.pre.len()
        && ix.sig.len() == units
        && ix.has_text.len() == units
        && ix.seq.iter().all(|&k| (k as usize) < ix.vocab.len())
        && ix.pre.iter().all(|&u| (u as usize) < units)
        && ranges.len() == 2 * units
        && ranges.chunks(2).all(|p| p[0] < p[1])
}

#[cfg(test)]
mod tests {
    use super::super::build::SegmentBuilder;
    use super::*;
    use crate::memory::Unit;

    #[test]
    fn a_segment_read_back_is_the_segment_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut builder = SegmentBuilder::new(Lang::En);
        let texts = [
            "The board met in Astana on Friday.",
            "The board will meet again next week.",
            "Exports of grain grew by 12 percent in 2024.",
        ];
        let units: Vec<Unit> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut u = Unit::new(format!("u{i}"), "2026-01-01T00:00:00Z");
                u.en = Some(t.to_string());
                u.doubtful = i == 1;
                u
            })
            .collect();
        let key = PartKey {
            name: "a".into(),
            len: 100,
            mtime_ns: 7,
            hash: 9,
        };
        builder.add_part(key, units, &[0, 10, 10, 20, 20, 30]);
        let name = SegmentName {
            generation: 3,
            id: 0xabc,
        };
        let built = builder.finish(name);
        let path = dir.path().join(file_name(Lang::En, name));
        write(&path, &built).unwrap();
        let head = peek(&path, Lang::En).unwrap();
        assert_eq!((head.name, &head.parts), (name, &built.parts));
        let mut back = read(&head, Lang::En).unwrap();
        // The full posting lists come back when a search wants them.
        assert!(back.index.post.is_empty());
        back.index.restore_postings();
        assert_eq!(back.index, built.index);
        assert_eq!(back.doubtful, built.doubtful);
        assert_eq!(back.part_off, built.part_off);
        assert!(peek(&path, Lang::Ru).is_err());
    }
}
