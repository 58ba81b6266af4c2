//! What a derived file records of each file of units it was built from (a
//! part: one file of a folder memory, or the single file of the old
//! layout), so that it can tell, from a directory listing, which parts it
//! still describes and which changed since.
//!
//! A part is recognised by its name, size and modification time; when only
//! the time differs (a `git checkout`, a copy), its bytes are hashed again
//! and compared with the hash recorded, so a part touched but not changed
//! is not taken for a new one. The hash is of the bytes the derived file
//! was built from, so it is true to them even when the part changed while
//! it was being read.

use std::io::{Read, Write};

use super::error::MemoryError;
use super::folder::Part;
use super::layout::mtime_ns;
use crate::storage::derived::{damaged, get, put};
use crate::storage::hash::fnv;

/// The content key of one part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartKey {
    /// The part's name (see [`Part::name`]).
    pub name: String,
    /// Its size in bytes.
    pub len: u64,
    /// Its modification time in nanoseconds, or 0 when it changed while
    /// it was read (then its bytes are always hashed again).
    pub mtime_ns: u128,
    /// The FNV-1a hash of its bytes.
    pub hash: u64,
}

/// How a part listed now compares with the key recorded for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The same size and modification time.
    Same,
    /// Another modification time, the same bytes: still described, and the
    /// key should be recorded again with the new time.
    Touched,
    /// Another part, or other bytes.
    Changed,
}

impl PartKey {
    /// How `part`, as listed now, compares with this key; reads the part
    /// only when its size is the same and its time is not.
    pub fn fit(&self, part: &Part) -> Fit {
        if self.name != part.name || self.len != part.len {
            return Fit::Changed;
        }
        if self.mtime_ns != 0 && self.mtime_ns == part.mtime_ns {
            return Fit::Same;
        }
        match std::fs::read(&part.path) {
            Ok(bytes) if bytes.len() as u64 == self.len && fnv(&bytes) == self.hash => Fit::Touched,
            _ => Fit::Changed,
        }
    }
}

/// Reads `part` whole: its bytes and their key. A part replaced or written
/// while it is read gets the time 0, so that its bytes are hashed again
/// whenever the key is checked.
pub fn read_keyed(part: &Part) -> Result<(Vec<u8>, PartKey), MemoryError> {
    let io = |source| MemoryError::Io {
        path: part.path.clone(),
        action: "reading",
        source,
    };
    let mut file = std::fs::File::open(&part.path).map_err(io)?;
    let before = file.metadata().map_err(io)?;
    let mut bytes = Vec::with_capacity(before.len() as usize);
    file.read_to_end(&mut bytes).map_err(io)?;
    let after = std::fs::metadata(&part.path).map_err(io)?;
    let steady = (before.len(), mtime_ns(&before)) == (after.len(), mtime_ns(&after))
        && before.len() == bytes.len() as u64;
    let key = PartKey {
        name: part.name.clone(),
        len: bytes.len() as u64,
        mtime_ns: if steady { mtime_ns(&before) } else { 0 },
        hash: fnv(&bytes),
    };
    Ok((bytes, key))
}

/// Writes `keys` into a derived file, as [`get_keys`] reads them.
pub fn put_keys<'a, W, I>(w: &mut W, keys: I) -> std::io::Result<()>
where
    W: Write,
    I: IntoIterator<Item = &'a PartKey>,
    I::IntoIter: Clone,
{
    let keys = keys.into_iter();
    let mut names = Vec::new();
    let mut ends = Vec::new();
    for k in keys.clone() {
        names.extend_from_slice(k.name.as_bytes());
        ends.push(names.len() as u64);
    }
    put(w, &names)?;
    put(w, &ends)?;
    put(w, &keys.clone().map(|k| k.len).collect::<Vec<u64>>())?;
    put(w, &keys.clone().map(|k| k.mtime_ns).collect::<Vec<u128>>())?;
    put(w, &keys.map(|k| k.hash).collect::<Vec<u64>>())
}

/// Keys written by [`put_keys`], held as they are stored: one buffer of
/// names and an array per field. A base of 40,000 files is read with a
/// few allocations instead of a string per name, which is what an add at
/// a million units would otherwise spend most of its time on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlatKeys {
    names: String,
    ends: Vec<usize>,
    lens: Vec<u64>,
    times: Vec<u128>,
    hashes: Vec<u64>,
}

impl FlatKeys {
    /// Reads keys written by [`put_keys`], checked to be whole (lengths
    /// agree, names are UTF-8 and split at character boundaries); `limit`
    /// as for [`get`].
    pub fn read<R: Read>(r: &mut R, limit: &mut u64) -> std::io::Result<FlatKeys> {
        let names: Vec<u8> = get(r, limit)?;
        let ends: Vec<u64> = get(r, limit)?;
        let lens: Vec<u64> = get(r, limit)?;
        let times: Vec<u128> = get(r, limit)?;
        let hashes: Vec<u64> = get(r, limit)?;
        let n = ends.len();
        if lens.len() != n || times.len() != n || hashes.len() != n {
            return Err(damaged());
        }
        let names = String::from_utf8(names).map_err(|_| damaged())?;
        let ends: Vec<usize> = ends
            .into_iter()
            .map(|e| usize::try_from(e).map_err(|_| damaged()))
            .collect::<Result<_, _>>()?;
        let whole = ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().copied().unwrap_or(0) == names.len()
            && ends.iter().all(|&e| names.is_char_boundary(e));
        if !whole {
            return Err(damaged());
        }
        Ok(FlatKeys {
            names,
            ends,
            lens,
            times,
            hashes,
        })
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The name of key `i`.
    pub fn name(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.names[start..self.ends[i]]
    }

    /// The size recorded in key `i`.
    pub fn len_of(&self, i: usize) -> u64 {
        self.lens[i]
    }

    /// The time recorded in key `i`.
    pub fn time_of(&self, i: usize) -> u128 {
        self.times[i]
    }

    /// The hash recorded in key `i`.
    pub fn hash_of(&self, i: usize) -> u64 {
        self.hashes[i]
    }

    /// Key `i` as a [`PartKey`].
    pub fn key(&self, i: usize) -> PartKey {
        PartKey {
            name: self.name(i).to_string(),
            len: self.lens[i],
            mtime_ns: self.times[i],
            hash: self.hashes[i],
        }
    }

    /// Whether the names are in strictly increasing order, as a listing's
    /// are (binary search relies on it).
    pub fn sorted(&self) -> bool {
        (1..self.len()).all(|i| self.name(i - 1) < self.name(i))
    }

    /// The index of the key named `name`, when the names are sorted.
    pub fn find(&self, name: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.name(mid).cmp(name) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// Reads keys written by [`put_keys`]; `limit` as for [`get`].
pub fn get_keys<R: Read>(r: &mut R, limit: &mut u64) -> std::io::Result<Vec<PartKey>> {
    let flat = FlatKeys::read(r, limit)?;
    Ok((0..flat.len()).map(|i| flat.key(i)).collect())
}

/// The part named `name` among `parts` (sorted by name, as
/// [`super::Layout::parts`] gives them).
pub fn find<'a>(parts: &'a [Part], name: &str) -> Option<&'a Part> {
    parts
        .binary_search_by(|p| p.name.as_str().cmp(name))
        .ok()
        .map(|i| &parts[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn listed(path: &Path) -> Part {
        let meta = std::fs::metadata(path).unwrap();
        Part::listed("a".into(), path.to_path_buf(), &meta)
    }

    #[test]
    fn a_touched_part_is_recognised_by_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "first").unwrap();
        let (bytes, key) = read_keyed(&listed(&path)).unwrap();
        assert_eq!(bytes, b"first");
        assert_eq!(key.fit(&listed(&path)), Fit::Same);
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        let touch = |p: &Path| {
            std::fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(later)
                .unwrap()
        };
        touch(&path);
        assert_eq!(key.fit(&listed(&path)), Fit::Touched);
        // Same size, other bytes.
        std::fs::write(&path, "fir5t").unwrap();
        touch(&path);
        assert_eq!(key.fit(&listed(&path)), Fit::Changed);
        std::fs::write(&path, "longer").unwrap();
        assert_eq!(key.fit(&listed(&path)), Fit::Changed);
    }

    #[test]
    fn keys_round_trip() {
        let keys = vec![
            PartKey {
                name: "2026-05-01-forum".into(),
                len: 10,
                mtime_ns: 1 << 70,
                hash: 7,
            },
            PartKey {
                name: String::new(),
                len: 0,
                mtime_ns: 0,
                hash: u64::MAX,
            },
        ];
        let mut bytes = Vec::new();
        put_keys(&mut bytes, &keys).unwrap();
        let mut limit = bytes.len() as u64;
        assert_eq!(get_keys(&mut &bytes[..], &mut limit).unwrap(), keys);
    }
}
