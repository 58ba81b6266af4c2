//! Files derived from a memory (`tm suggest`'s index, `tm concord`'s, the
//! learned lexicon): what they share. Where they live and how a memory is
//! stamped is the memory's business ([`crate::memory::Layout`]).
//!
//! The JSON stays the truth. A derived file starts with a magic string (its
//! kind and layout version) and a [`Stamp`] of the memory it was built from
//! and of the rules the derived data depends on, and ends with a checksum
//! of every byte before it ([`super::summed`]). A reader that finds another
//! stamp, a short or damaged file treats it as absent and rebuilds it: a
//! file read whole ([`open`]) is checked against that checksum as it is
//! read; a file read piece by piece keeps checksums of its own pieces.
//! Writing goes to a temporary file renamed over the old one, so a reader
//! never sees half of one. Arrays are stored little-endian, each after its
//! byte length.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use super::hash::Sum;
use super::summed::{SumReader, SumWriter};
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

/// The length of the checksum [`write_atomic`] writes after the body.
pub const TRAILER_LEN: u64 = 8;

/// Writes `path` atomically through [`replace`]: `magic`, `stamp`, what
/// `body` writes, then the checksum of all of it.
pub fn write_atomic(
    path: &Path,
    magic: &[u8; 8],
    stamp: Stamp,
    body: impl FnOnce(&mut SumWriter<&mut BufWriter<File>>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, Replace::Unsynced, |w| {
        let mut w = SumWriter::new(w);
        w.write_all(magic)?;
        for x in stamp.0 {
            w.write_all(&x.to_le_bytes())?;
        }
        body(&mut w)?;
        w.finish().map(drop)
    })
    .map_err(|e| match e {
        StorageError::Io { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    })
}

/// Reads the header of a derived file; an error unless it has `magic` and
/// the stamp `expected`.
pub fn read_header<R: Read>(r: &mut R, magic: &[u8; 8], expected: Stamp) -> std::io::Result<()> {
    if read_stamp(r, magic)? != expected {
        return Err(damaged());
    }
    Ok(())
}

/// Reads the header of a derived file: its stamp, if it has `magic`.
pub fn read_stamp<R: Read>(r: &mut R, magic: &[u8; 8]) -> std::io::Result<Stamp> {
    let mut m = [0u8; 8];
    r.read_exact(&mut m)?;
    let mut s = [0u64; 5];
    for x in &mut s {
        *x = get_u64(r)?;
    }
    if &m != magic {
        return Err(damaged());
    }
    Ok(Stamp(s))
}

/// A derived file opened to be read whole: its stamp, a reader of its
/// body that sums what it reads (call [`SumReader::finish`] after the last
/// array to check the file's checksum), and how many bytes the body can
/// hold (the `limit` of [`get`]).
pub fn open(
    path: &Path,
    magic: &[u8; 8],
) -> std::io::Result<(Stamp, SumReader<BufReader<File>>, u64)> {
    let f = File::open(path)?;
    let limit = f.metadata()?.len();
    let mut r = SumReader::new(BufReader::with_capacity(1 << 20, f));
    let stamp = read_stamp(&mut r, magic)?;
    Ok((stamp, r, limit.saturating_sub(HEADER_LEN + TRAILER_LEN)))
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

    /// Reads the test file of [`every_flipped_bit_fails_to_open`] whole.
    fn read_whole(path: &Path) -> std::io::Result<(Stamp, Vec<u32>)> {
        let (stamp, mut r, mut limit) = open(path, b"TESTFILE")?;
        let v = get(&mut r, &mut limit)?;
        r.finish()?;
        Ok((stamp, v))
    }

    #[test]
    fn every_flipped_bit_fails_to_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        let s = Stamp([9, 8, 7, 6, 5]);
        write_atomic(&path, b"TESTFILE", s, |w| put(w, &[10u32, 20, 30])).unwrap();
        assert_eq!(read_whole(&path).unwrap(), (s, vec![10, 20, 30]));
        let bytes = std::fs::read(&path).unwrap();
        for at in 0..bytes.len() {
            for bit in 0..8 {
                let mut bad = bytes.clone();
                bad[at] ^= 1 << bit;
                std::fs::write(&path, &bad).unwrap();
                assert!(read_whole(&path).is_err(), "byte {at} bit {bit}");
            }
        }
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert!(read_whole(&path).is_err());
    }
}
