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
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::memory::{file, MemoryError};

use super::index::Index;
use super::store::Store;
use super::vocab::Vocab;
use super::Matcher;

const MAGIC: &[u8; 8] = b"TMCACHE\x05";

/// What identifies the JSON (and the rules) a cache was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp([u64; 5]);

/// Where the cache of `memory` for source language `lang` lives.
pub fn cache_path(memory: &Path, lang: Lang) -> PathBuf {
    let name = memory
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tm.json".into());
    file::parent_dir(memory).join(format!("{name}.{}.cache", lang.code()))
}

fn stamp(memory: &Path, lang: Lang) -> std::io::Result<Stamp> {
    let meta = std::fs::metadata(memory)?;
    let mtime = meta
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let mut head = Vec::with_capacity(4096);
    File::open(memory)?.take(4096).read_to_end(&mut head)?;
    let rules = [
        include_str!("rules/en.txt"),
        include_str!("rules/ru.txt"),
        include_str!("rules/kk.txt"),
    ]
    .concat();
    Ok(Stamp([
        meta.len(),
        mtime.as_secs(),
        u64::from(mtime.subsec_nanos()) | ((lang as u64) << 32),
        fnv(&head),
        fnv(rules.as_bytes()),
    ]))
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// How a memory was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// From a valid cache.
    Cache,
    /// From the JSON; the cache was (re)written.
    JsonCached,
    /// From the JSON; the cache could not be written.
    Json,
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
    let matcher = match super::stream::entries(memory) {
        Some(entries) => Matcher::from_entries(entries, lang),
        // Not a plain valid memory: the careful loader says what is wrong.
        None => Matcher::from_memory(file::load(memory)?, lang),
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
    let tmp = file::parent_dir(path).join(format!(
        ".{}.tmp-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
        w.write_all(MAGIC)?;
        for x in stamp.0 {
            w.write_all(&x.to_le_bytes())?;
        }
        w.write_all(&[m.langs.map(u8::from).iter().fold(0, |a, &b| a * 2 + b)])?;
        let ix = &m.index;
        put_u8s(&mut w, &ix.vocab.bytes)?;
        put_u32s(&mut w, &ix.vocab.off)?;
        put_u32s(&mut w, &ix.seq_off)?;
        put_u32s(&mut w, &ix.seq)?;
        put_u32s(&mut w, &ix.post_off)?;
        put_u32s(&mut w, &ix.post)?;
        put_u8s(&mut w, &ix.has_text)?;
        put_u32s(&mut w, &ix.pre_off)?;
        put_u32s(&mut w, &ix.pre)?;
        put_u8s(&mut w, &ix.pre_pos)?;
        put_u128s(&mut w, &ix.pre_sig)?;
        // Entries last; their offsets are absolute positions in the file.
        let mut pos = 8 + 5 * 8 + 1;
        for part in [
            ix.vocab.bytes.len(),
            4 * ix.vocab.off.len(),
            4 * ix.seq_off.len(),
            4 * ix.seq.len(),
            4 * ix.post_off.len(),
            4 * ix.post.len(),
            ix.has_text.len(),
            4 * ix.pre_off.len(),
            4 * ix.pre.len(),
            ix.pre_pos.len(),
            16 * ix.pre_sig.len(),
        ] {
            pos += 8 + part as u64;
        }
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
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn read(path: &Path, expected: Stamp, lang: Lang) -> std::io::Result<Matcher> {
    let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "stale or damaged cache");
    let mut f = File::open(path)?;
    let total = f.metadata()?.len();
    let mut magic = [0u8; 8];
    f.read_exact(&mut magic)?;
    let mut s = [0u64; 5];
    for x in &mut s {
        *x = get_u64(&mut f)?;
    }
    if &magic != MAGIC || Stamp(s) != expected {
        return Err(bad());
    }
    let mut mask = [0u8];
    f.read_exact(&mut mask)?;
    let langs = [mask[0] & 4 != 0, mask[0] & 2 != 0, mask[0] & 1 != 0];
    let mut limit = total;
    let vocab = Vocab {
        bytes: get_u8s(&mut f, &mut limit)?,
        off: get_u32s(&mut f, &mut limit)?,
    };
    let index = Index {
        vocab,
        seq_off: get_u32s(&mut f, &mut limit)?,
        seq: get_u32s(&mut f, &mut limit)?,
        post_off: get_u32s(&mut f, &mut limit)?,
        post: get_u32s(&mut f, &mut limit)?,
        has_text: get_u8s(&mut f, &mut limit)?,
        pre_off: get_u32s(&mut f, &mut limit)?,
        pre: get_u32s(&mut f, &mut limit)?,
        pre_pos: get_u8s(&mut f, &mut limit)?,
        pre_sig: get_u128s(&mut f, &mut limit)?,
    };
    let n = get_u64(&mut f)?;
    if n > limit / 8 {
        return Err(bad());
    }
    let mut offsets = vec![0u64; n as usize];
    f.read_exact(bytemuck::cast_slice_mut(&mut offsets))?;
    offsets.iter_mut().for_each(|o| *o = u64::from_le(*o));
    if !consistent(&index, &offsets, total) {
        return Err(bad());
    }
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

fn put_u8s<W: Write>(w: &mut W, v: &[u8]) -> std::io::Result<()> {
    w.write_all(&(v.len() as u64).to_le_bytes())?;
    w.write_all(v)
}

fn put_u32s<W: Write>(w: &mut W, v: &[u32]) -> std::io::Result<()> {
    w.write_all(&(4 * v.len() as u64).to_le_bytes())?;
    if cfg!(target_endian = "little") {
        w.write_all(bytemuck::cast_slice(v))
    } else {
        v.iter().try_for_each(|x| w.write_all(&x.to_le_bytes()))
    }
}

fn put_u128s<W: Write>(w: &mut W, v: &[u128]) -> std::io::Result<()> {
    w.write_all(&(16 * v.len() as u64).to_le_bytes())?;
    if cfg!(target_endian = "little") {
        w.write_all(bytemuck::cast_slice(v))
    } else {
        v.iter().try_for_each(|x| w.write_all(&x.to_le_bytes()))
    }
}

fn get_u128s(f: &mut File, limit: &mut u64) -> std::io::Result<Vec<u128>> {
    let len = get_u64(f)?;
    if len > *limit || len % 16 != 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "damaged cache",
        ));
    }
    *limit -= len;
    let mut v = vec![0u128; len as usize / 16];
    f.read_exact(bytemuck::cast_slice_mut(&mut v))?;
    v.iter_mut().for_each(|x| *x = u128::from_le(*x));
    Ok(v)
}

fn get_u64(f: &mut File) -> std::io::Result<u64> {
    let mut b = [0u8; 8];
    f.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn get_u8s(f: &mut File, limit: &mut u64) -> std::io::Result<Vec<u8>> {
    let len = get_u64(f)?;
    if len > *limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "damaged cache",
        ));
    }
    *limit -= len;
    let mut v = vec![0u8; len as usize];
    f.read_exact(&mut v)?;
    Ok(v)
}

fn get_u32s(f: &mut File, limit: &mut u64) -> std::io::Result<Vec<u32>> {
    let len = get_u64(f)?;
    if len > *limit || len % 4 != 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "damaged cache",
        ));
    }
    *limit -= len;
    let mut v = vec![0u32; len as usize / 4];
    f.read_exact(bytemuck::cast_slice_mut(&mut v))?;
    v.iter_mut().for_each(|x| *x = u32::from_le(*x));
    Ok(v)
}
