//! The derived cache beside a memory (`tm.json.en.cache` for English as the
//! source): the units' texts and the prebuilt index in a compact binary form,
//! so that `tm suggest` on a million units need not parse the JSON.
//!
//! The JSON stays the truth. The cache records the JSON's size, modification
//! time and a hash of its first bytes, and the stemming rules it was built
//! with; when any differs, or the cache is missing, damaged or unreadable,
//! it is rebuilt from the JSON (written to a temporary file and renamed, so
//! a reader never sees half of one). Failing to write it is not an error.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::memory::{Layout, MemoryError};
use crate::storage::derived::{self, damaged, get, get_u64, put, put_len, Stamp};

use super::index::Index;
use super::store::Store;
use super::vocab::Vocab;
use super::Matcher;

pub use crate::storage::derived::Source;

const MAGIC: &[u8; 8] = b"TMCACHE\x06";

/// Where the cache of `memory` for source language `lang` lives.
pub fn cache_path(memory: &Path, lang: Lang) -> PathBuf {
    Layout::at(memory).derived_path(&format!("{}.cache", lang.code()))
}

fn stamp(memory: &Path, lang: Lang) -> std::io::Result<Stamp> {
    Layout::at(memory).stamp(
        lang as u64,
        &[
            include_str!("../text/rules/en.txt"),
            include_str!("../text/rules/ru.txt"),
            include_str!("../text/rules/kk.txt"),
            // Month names are index keys too.
            include_str!("../localise/rules/months.txt"),
            include_str!("../localise/rules/kk-endings.txt"),
            include_str!("../localise/rules/scales.txt"),
        ],
    )
}

/// Opens the memory at `memory` for matching from `lang`, through its cache
/// when that is current, else from the JSON (rebuilding the cache).
pub fn open(memory: &Path, lang: Lang) -> Result<(Matcher, Source), MemoryError> {
    let path = cache_path(memory, lang);
    let before = match stamp(memory, lang) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(MemoryError::Missing {
                path: memory.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(MemoryError::Io {
                path: memory.to_path_buf(),
                action: "reading",
                source,
            })
        }
    };
    if let Ok(m) = read(&path, before, lang) {
        return Ok((m, Source::Cache));
    }
    let streamed = match Layout::at(memory) {
        Layout::File(file) => super::stream::entries(&file),
        Layout::Folder(_) => None,
    };
    let matcher = match streamed {
        Some(entries) => Matcher::from_entries(entries, lang),
        // A folder, or not a plain valid file: the one reader, which also
        // says what is wrong.
        None => Matcher::from_memory(crate::memory::load(memory)?, lang),
    };
    // Only a cache of the JSON that was read may be written.
    let written =
        stamp(memory, lang).ok() == Some(before) && write(&path, before, &matcher).is_ok();
    Ok((
        matcher,
        if written {
            Source::JsonCached
        } else {
            Source::Json
        },
    ))
}

fn write(path: &Path, stamp: Stamp, m: &Matcher) -> std::io::Result<()> {
    derived::write_atomic(path, MAGIC, stamp, |w| {
        w.write_all(&[m.langs.map(u8::from).iter().fold(0, |a, &b| a * 2 + b)])?;
        let ix = &m.index;
        put(w, &ix.vocab.bytes)?;
        put(w, &ix.vocab.off)?;
        put(w, &ix.seq_off)?;
        put(w, &ix.seq)?;
        put(w, &ix.post_off)?;
        put(w, &ix.post)?;
        put(w, &ix.has_text)?;
        put(w, &ix.pre_off)?;
        put(w, &ix.pre)?;
        put(w, &ix.pre_pos)?;
        put(w, &ix.pre_sig)?;
        // Entries last; their offsets are absolute positions in the file.
        let mut pos = derived::HEADER_LEN
            + 1
            + put_len(&ix.vocab.bytes)
            + put_len(&ix.vocab.off)
            + put_len(&ix.seq_off)
            + put_len(&ix.seq)
            + put_len(&ix.post_off)
            + put_len(&ix.post)
            + put_len(&ix.has_text)
            + put_len(&ix.pre_off)
            + put_len(&ix.pre)
            + put_len(&ix.pre_pos)
            + put_len(&ix.pre_sig);
        let n = m.store.len();
        pos += 8 + 8 * (n as u64 + 1);
        let mut offsets = Vec::with_capacity(n + 1);
        for u in 0..n as u32 {
            offsets.push(pos);
            pos += m.store.get(u)?.encoded_len() as u64;
        }
        offsets.push(pos);
        w.write_all(&(offsets.len() as u64).to_le_bytes())?;
        for o in &offsets {
            w.write_all(&o.to_le_bytes())?;
        }
        let mut encoded = Vec::new();
        for u in 0..n as u32 {
            encoded.clear();
            m.store.get(u)?.encode(&mut encoded);
            w.write_all(&encoded)?;
        }
        Ok(())
    })
}

fn read(path: &Path, expected: Stamp, lang: Lang) -> std::io::Result<Matcher> {
    let mut f = File::open(path)?;
    let total = f.metadata()?.len();
    let mut r = BufReader::with_capacity(1 << 20, &mut f);
    derived::read_header(&mut r, MAGIC, expected)?;
    let mut mask = [0u8];
    r.read_exact(&mut mask)?;
    let langs = [mask[0] & 4 != 0, mask[0] & 2 != 0, mask[0] & 1 != 0];
    let mut limit = total;
    let vocab = Vocab {
        bytes: get(&mut r, &mut limit)?,
        off: get(&mut r, &mut limit)?,
    };
    let index = Index {
        vocab,
        seq_off: get(&mut r, &mut limit)?,
        seq: get(&mut r, &mut limit)?,
        post_off: get(&mut r, &mut limit)?,
        post: get(&mut r, &mut limit)?,
        has_text: get(&mut r, &mut limit)?,
        pre_off: get(&mut r, &mut limit)?,
        pre: get(&mut r, &mut limit)?,
        pre_pos: get(&mut r, &mut limit)?,
        pre_sig: get(&mut r, &mut limit)?,
    };
    let n = get_u64(&mut r)?;
    if n > limit / 8 {
        return Err(damaged());
    }
    let mut offsets = vec![0u64; n as usize];
    r.read_exact(bytemuck::cast_slice_mut(&mut offsets))?;
    offsets.iter_mut().for_each(|o| *o = u64::from_le(*o));
    if !consistent(&index, &offsets, total) {
        return Err(damaged());
    }
    drop(r);
    f.seek(SeekFrom::Start(0))?;
    Ok(Matcher::new(
        index,
        Store::File {
            file: f,
            path: path.to_path_buf(),
            offsets,
        },
        lang,
        langs,
    ))
}

/// Checks that every offset points inside its array, so that a damaged
/// cache is rebuilt rather than trusted.
fn consistent(ix: &Index, offsets: &[u64], total: u64) -> bool {
    let units = ix.seq_off.len().saturating_sub(1);
    let sorted = |v: &[u32], max: usize| {
        v.windows(2).all(|w| w[0] <= w[1]) && v.last().is_some_and(|&x| x as usize == max)
    };
    sorted(&ix.vocab.off, ix.vocab.bytes.len())
        && std::str::from_utf8(&ix.vocab.bytes).is_ok()
        && sorted(&ix.seq_off, ix.seq.len())
        && sorted(&ix.post_off, ix.post.len())
        && ix.post_off.len() == ix.vocab.off.len()
        && sorted(&ix.pre_off, ix.pre.len())
        && ix.pre_off.len() == ix.vocab.off.len()
        && ix.pre_pos.len() == ix.pre.len()
        && ix.pre_sig.len() == ix.pre.len()
        && ix.pre.iter().all(|&u| (u as usize) < units)
        && ix.has_text.len() == units
        && offsets.len() == units + 1
        && offsets.windows(2).all(|w| w[0] <= w[1])
        && offsets.last().is_some_and(|&o| o <= total)
        && ix.seq.iter().all(|&k| (k as usize) < ix.vocab.len())
        && ix.post.iter().all(|&u| (u as usize) < units)
}
