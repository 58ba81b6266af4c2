//! The concordance file's layout: writing it from a [`ConcordIndex`], and
//! reading it lazily. Opening reads only the small arrays (where each
//! folded text starts, the unit of each, the index keys and their offsets,
//! each unit's byte range in the JSON) and checks them against a stored
//! checksum; a search reads the one posting list it walks, the folded texts
//! it checks and the units it shows, each checked against its own
//! checksum, so any damage a search could see makes it give up (and the
//! file be rebuilt) instead of giving a wrong answer.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::lang::Lang;

use super::index::{index_key, ConcordIndex};
use super::phrase::Phrase;
use super::Scan;
use crate::memory::Unit;
use crate::storage::derived::{self, damaged, get, get_u64, put, Stamp};
use crate::storage::hash::{fnv, Sum};

const MAGIC: &[u8; 8] = b"TMCONC\x00\x02";

/// The concordance file of one language, of which only the small arrays
/// are read on opening; a search reads the posting list it walks, the
/// folded texts it checks and the units it shows.
#[derive(Debug)]
pub(crate) struct FileIndex {
    pub(crate) lang: Lang,
    /// The concordance file.
    file: File,
    /// Where the folded texts start in it.
    text_at: u64,
    /// Where each folded text starts among them (and the end).
    starts: Vec<u64>,
    /// The unit index of each text, newest first.
    units: Vec<u64>,
    /// The sorted index keys.
    keys: Vec<u64>,
    /// Key `keys[i]`'s ranks are entries `off[i]..off[i + 1]` of the ranks.
    off: Vec<u32>,
    /// Where the ranks (u32) start in the file.
    ranks_at: u64,
    /// The JSON memory.
    json: File,
    /// Byte ranges (start, end per unit, in stored order) in the JSON.
    ranges: Vec<u64>,
    /// A checksum of each folded text (with its `\n`), checked on reading.
    text_sums: Vec<u32>,
    /// A checksum of each key's ranks, checked on reading.
    list_sums: Vec<u64>,
}

impl FileIndex {
    /// The ranks and folded texts of the first `top` texts holding
    /// `phrase`, and whether there are more; the same walk as
    /// [`ConcordIndex`]'s. `None` if the file is damaged.
    pub(crate) fn ranks(
        &mut self,
        phrase: &Phrase,
        top: usize,
    ) -> Option<(Vec<(usize, String)>, bool)> {
        let list_of = |k: u64| -> (usize, usize, Option<usize>) {
            match self.keys.binary_search(&k) {
                Ok(i) => (self.off[i] as usize, self.off[i + 1] as usize, Some(i)),
                Err(_) => (0, 0, None),
            }
        };
        let anchor = phrase
            .words
            .iter()
            .filter_map(|w| Some((w, list_of(index_key(w)?))))
            .min_by_key(|(_, (a, b, _))| b - a);
        let Some((anchor, (a, b, key))) = anchor else {
            return self.scan_all(phrase, top);
        };
        let mut list = vec![0u32; b - a];
        self.file
            .seek(SeekFrom::Start(self.ranks_at + 4 * a as u64))
            .ok()?;
        self.file
            .read_exact(bytemuck::cast_slice_mut(&mut list))
            .ok()?;
        list.iter_mut().for_each(|r| *r = u32::from_le(*r));
        if let Some(i) = key {
            let n = self.units.len() as u32;
            let sound = list_sum(&list) == self.list_sums[i]
                && list.windows(2).all(|w| w[0] < w[1])
                && list.last().is_none_or(|&r| r < n);
            if !sound {
                return None;
            }
        }
        let finder = memchr::memmem::Finder::new(anchor.stem.as_bytes());
        let (mut hits, mut spans, mut buf) = (Vec::new(), Vec::new(), Vec::new());
        for rank in list {
            let rank = rank as usize;
            let text = self.text(rank, &mut buf)?;
            if finder.find(text.as_bytes()).is_none() || !phrase.matches_folded(text, &mut spans) {
                continue;
            }
            if hits.len() == top {
                return Some((hits, true));
            }
            hits.push((rank, text.to_string()));
        }
        Some((hits, false))
    }

    /// The folded text of rank `rank`, read into `buf`.
    fn text<'b>(&mut self, rank: usize, buf: &'b mut Vec<u8>) -> Option<&'b str> {
        let (s, e) = (*self.starts.get(rank)?, *self.starts.get(rank + 1)?);
        buf.resize(usize::try_from(e - s).ok()?, 0);
        self.file.seek(SeekFrom::Start(self.text_at + s)).ok()?;
        self.file.read_exact(buf).ok()?;
        if fnv(buf) as u32 != *self.text_sums.get(rank)? {
            return None;
        }
        let text = std::str::from_utf8(buf).ok()?;
        text.strip_suffix('\n')
    }

    /// A search without an index key (a phrase of short stems only): every
    /// text read and scanned.
    fn scan_all(&mut self, phrase: &Phrase, top: usize) -> Option<(Vec<(usize, String)>, bool)> {
        let len = *self.starts.last()?;
        let mut text = vec![0u8; usize::try_from(len).ok()?];
        self.file.seek(SeekFrom::Start(self.text_at)).ok()?;
        self.file.read_exact(&mut text).ok()?;
        let sound = self
            .starts
            .windows(2)
            .enumerate()
            .all(|(r, p)| fnv(&text[p[0] as usize..p[1] as usize]) as u32 == self.text_sums[r]);
        let text = String::from_utf8(text).ok().filter(|_| sound)?;
        let starts = self.starts.iter().map(|&s| s as usize).collect();
        let units = self.units.iter().map(|&u| u as usize).collect();
        let scan = Scan::from_parts(self.lang, text, starts, units)?;
        let (ranks, more) = scan.ranks(phrase, top);
        let hits = ranks
            .into_iter()
            .map(|r| (r, scan.folded(r).to_string()))
            .collect();
        Some((hits, more))
    }

    /// The unit of rank `rank`, read from the JSON.
    pub(crate) fn unit(&mut self, rank: usize) -> Option<Unit> {
        let i = usize::try_from(*self.units.get(rank)?).ok()?;
        let (start, end) = (*self.ranges.get(2 * i)?, *self.ranges.get(2 * i + 1)?);
        let mut buf = vec![0u8; usize::try_from(end.checked_sub(start)?).ok()?];
        self.json.seek(SeekFrom::Start(start)).ok()?;
        self.json.read_exact(&mut buf).ok()?;
        serde_json::from_slice(&buf).ok()
    }
}

/// Writes the concordance file of `index` at `path`; `ranges` are the
/// units' byte ranges in the JSON.
pub(crate) fn write(
    path: &Path,
    stamp: Stamp,
    index: &ConcordIndex,
    ranges: &[u64],
) -> std::io::Result<()> {
    let (text, starts, units) = index.scan().parts();
    let (keys, off, ranks) = index.parts();
    let wide = |v: &[usize]| v.iter().map(|&x| x as u64).collect::<Vec<u64>>();
    derived::write_atomic(path, MAGIC, stamp, |w| {
        put(w, text.as_bytes())?;
        put(w, &wide(starts))?;
        put(w, &wide(units))?;
        put(w, keys)?;
        put(w, off)?;
        put(w, ranks)?;
        put(w, ranges)?;
        // Checksums of what a search reads lazily: each text, each list.
        let text_sums: Vec<u32> = starts
            .windows(2)
            .map(|p| fnv(&text.as_bytes()[p[0]..p[1]]) as u32)
            .collect();
        put(w, &text_sums)?;
        let list_sums: Vec<u64> = off
            .windows(2)
            .map(|p| list_sum(&ranks[p[0] as usize..p[1] as usize]))
            .collect();
        put(w, &list_sums)?;
        // And of everything a search reads on opening.
        let (starts, units) = (wide(starts), wide(units));
        let sum = Sum::default()
            .add(&starts)
            .add(&units)
            .add(keys)
            .add(off)
            .add(ranges)
            .add(&text_sums)
            .add(&list_sums)
            .value();
        put(w, &[sum])
    })
}

/// Opens the concordance file at `path` for the JSON at `json`, if it has
/// the stamp `expected` and its small arrays are sound.
pub(crate) fn read(
    path: &Path,
    expected: Stamp,
    lang: Lang,
    json: &Path,
) -> std::io::Result<FileIndex> {
    let f = File::open(path)?;
    let mut limit = f.metadata()?.len();
    let mut r = BufReader::with_capacity(1 << 16, f);
    derived::read_header(&mut r, MAGIC, expected)?;
    // The folded texts and the ranks are left in the file: only where
    // they are is noted.
    let (text_at, text_len) = skip(&mut r, &mut limit, 1)?;
    let starts: Vec<u64> = get(&mut r, &mut limit)?;
    let units: Vec<u64> = get(&mut r, &mut limit)?;
    let keys: Vec<u64> = get(&mut r, &mut limit)?;
    let off: Vec<u32> = get(&mut r, &mut limit)?;
    let (ranks_at, ranks_len) = skip(&mut r, &mut limit, 4)?;
    let ranges: Vec<u64> = get(&mut r, &mut limit)?;
    let text_sums: Vec<u32> = get(&mut r, &mut limit)?;
    let list_sums: Vec<u64> = get(&mut r, &mut limit)?;
    let sum: Vec<u64> = get(&mut r, &mut limit)?;
    let json_len = expected.0[0];
    let fits = sum
        == [Sum::default()
            .add(&starts)
            .add(&units)
            .add(&keys)
            .add(&off)
            .add(&ranges)
            .add(&text_sums)
            .add(&list_sums)
            .value()]
        && starts.first() == Some(&0)
        && text_sums.len() == units.len()
        && list_sums.len() == keys.len()
        && starts.last() == Some(&text_len)
        && starts.windows(2).all(|w| w[0] < w[1])
        && starts.len() == units.len() + 1
        && keys.windows(2).all(|w| w[0] < w[1])
        && off.len() == keys.len() + 1
        && off.first() == Some(&0)
        && off.windows(2).all(|w| w[0] <= w[1])
        && off.last().is_some_and(|&o| 4 * u64::from(o) == ranks_len)
        && ranges.len().is_multiple_of(2)
        && ranges.chunks(2).all(|p| p[0] < p[1] && p[1] <= json_len)
        && units.iter().all(|&u| u < ranges.len() as u64 / 2)
        && at_trailer(&mut r)?;
    if !fits {
        return Err(damaged());
    }
    Ok(FileIndex {
        lang,
        file: r.into_inner(),
        text_at,
        starts,
        units,
        keys,
        off,
        ranks_at,
        json: File::open(json)?,
        ranges,
        text_sums,
        list_sums,
    })
}

/// Whether only the whole-file checksum is left: this file is read in
/// pieces, each checked against its own checksum, so the whole-file one is
/// passed over.
fn at_trailer(r: &mut BufReader<File>) -> std::io::Result<bool> {
    let mut trailer = [0u8; derived::TRAILER_LEN as usize];
    Ok(r.read_exact(&mut trailer).is_ok() && r.read(&mut [0u8])? == 0)
}

/// Passes over an array written by [`put`] of items of `size` bytes,
/// giving where it starts and its length in bytes.
fn skip(r: &mut BufReader<File>, limit: &mut u64, size: u64) -> std::io::Result<(u64, u64)> {
    let len = get_u64(r)?;
    if len > *limit || !len.is_multiple_of(size) {
        return Err(damaged());
    }
    *limit -= len;
    let at = r.stream_position()?;
    r.seek_relative(i64::try_from(len).map_err(|_| damaged())?)?;
    Ok((at, len))
}

/// The checksum of a list of ranks.
fn list_sum(ranks: &[u32]) -> u64 {
    let bytes: Vec<u8> = ranks.iter().flat_map(|r| r.to_le_bytes()).collect();
    fnv(&bytes)
}
