//! Files derived from a memory (`tm suggest`'s index, `tm concord`'s, the
//! learned lexicon): what they share. Where they live and how a memory is
//! stamped is the memory's business ([`crate::memory::Layout`]).
//!
//! The JSON stays the truth. A derived file starts with a magic string (its
//! kind and layout version) and a [`Stamp`] of the memory it was built from
//! and of the rules the derived data depends on. A reader that finds another stamp, a
//! short or damaged file treats it as absent and rebuilds it. Writing goes
//! to a temporary file renamed over the old one, so a reader never sees
//! half of one. Arrays are stored little-endian, each after its byte length.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use super::hash::Sum;
use super::{replace, Replace, StorageError};

/// What identifies the JSON (and the rules) a derived file was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp(pub [u64; 5]);

/// How a memory was opened by a command that keeps a derived file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// From a valid derived file.
    Cache,
    /// From the JSON; the derived file was (re)written.
    JsonCached,
    /// From the JSON; the derived file could not be written.
    Json,
}

/// The length of the header [`write_atomic`] writes before the body.
pub const HEADER_LEN: u64 = 8 + 5 * 8;

/// Writes `path` atomically through [`replace`]: `magic`, `stamp`, then
/// what `body` writes.
pub fn write_atomic(
    path: &Path,
    magic: &[u8; 8],
    stamp: Stamp,
    body: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, Replace::Unsynced, |w| {
        w.write_all(magic)?;
        for x in stamp.0 {
            w.write_all(&x.to_le_bytes())?;
        }
        body(w)
    })
    .map_err(|e| match e {
        StorageError::Io { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    })
}

/// Reads the header of a derived file; an error unless it has `magic` and
/// the stamp `expected`.
pub fn read_header<R: Read>(r: &mut R, magic: &[u8; 8], expected: Stamp) -> std::io::Result<()> {
    let mut m = [0u8; 8];
    r.read_exact(&mut m)?;
    let mut s = [0u64; 5];
    for x in &mut s {
        *x = get_u64(r)?;
    }
    if &m != magic || Stamp(s) != expected {
        return Err(damaged());
    }
    Ok(())
}

/// The error for a derived file that is stale or damaged.
pub fn damaged() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, "stale or damaged cache")
}

/// A number type stored in derived files, little-endian.
pub trait Le: bytemuck::Pod {
    /// The value in little-endian byte order (a no-op on most machines).
    fn le(self) -> Self;
}

macro_rules! le {
    ($($t:ty),*) => {$(
        impl Le for $t {
            fn le(self) -> Self {
                self.to_le()
            }
        }
    )*};
}
le!(u8, u32, u64, u128);

impl Sum {
    /// Adds an array's values, little-endian, to the checksum, as [`put`]
    /// stores them.
    pub fn add<T: Le>(&mut self, v: &[T]) -> &mut Sum {
        if cfg!(target_endian = "little") {
            self.add_bytes(bytemuck::cast_slice(v))
        } else {
            let bytes: Vec<u8> = v
                .iter()
                .flat_map(|&x| bytemuck::bytes_of(&x.le()).to_vec())
                .collect();
            self.add_bytes(&bytes)
        }
    }
}

/// Writes an array: its length in bytes, then its values.
pub fn put<W: Write, T: Le>(w: &mut W, v: &[T]) -> std::io::Result<()> {
    w.write_all(&(std::mem::size_of_val(v) as u64).to_le_bytes())?;
    if cfg!(target_endian = "little") {
        w.write_all(bytemuck::cast_slice(v))
    } else {
        v.iter()
            .try_for_each(|&x| w.write_all(bytemuck::bytes_of(&x.le())))
    }
}

/// The bytes [`put`] writes for `v`.
pub fn put_len<T>(v: &[T]) -> u64 {
    8 + std::mem::size_of_val(v) as u64
}

/// Reads an array written by [`put`]; `limit` is how many bytes the file
/// can still hold, so that a damaged length is refused before allocating.
pub fn get<R: Read, T: Le>(r: &mut R, limit: &mut u64) -> std::io::Result<Vec<T>> {
    let len = get_u64(r)?;
    let size = std::mem::size_of::<T>() as u64;
    if len > *limit || !len.is_multiple_of(size) {
        return Err(damaged());
    }
    *limit -= len;
    let mut v = vec![T::zeroed(); (len / size) as usize];
    r.read_exact(bytemuck::cast_slice_mut(&mut v))?;
    v.iter_mut().for_each(|x| *x = x.le());
    Ok(v)
}

/// Reads one little-endian `u64`.
pub fn get_u64<R: Read>(r: &mut R) -> std::io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_round_trip_and_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let s = Stamp([1, 2, 3, 4, 5]);
        let path = dir.path().join("tm.json.x");
        write_atomic(&path, b"TESTFILE", s, |w| {
            put(w, &[1u32, 2, 3])?;
            put(w, &[u128::MAX])
        })
        .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let mut r = bytes.as_slice();
        read_header(&mut r, b"TESTFILE", s).unwrap();
        let mut limit = bytes.len() as u64;
        assert_eq!(get::<_, u32>(&mut r, &mut limit).unwrap(), [1, 2, 3]);
        assert_eq!(get::<_, u128>(&mut r, &mut limit).unwrap(), [u128::MAX]);
        let mut r = bytes.as_slice();
        assert!(read_header(&mut r, b"OTHERONE", s).is_err());
        // A length larger than the file is refused without allocating it.
        let mut r = &bytes[HEADER_LEN as usize..];
        let mut limit = 4;
        assert!(get::<_, u32>(&mut r, &mut limit).is_err());
    }
}
