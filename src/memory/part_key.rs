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

/// Reads keys written by [`put_keys`]; `limit` as for [`get`].
pub fn get_keys<R: Read>(r: &mut R, limit: &mut u64) -> std::io::Result<Vec<PartKey>> {
    let names: Vec<u8> = get(r, limit)?;
    let ends: Vec<u64> = get(r, limit)?;
    let lens: Vec<u64> = get(r, limit)?;
    let times: Vec<u128> = get(r, limit)?;
    let hashes: Vec<u64> = get(r, limit)?;
    let n = ends.len();
    if lens.len() != n || times.len() != n || hashes.len() != n {
        return Err(damaged());
    }
    let mut keys = Vec::with_capacity(n);
    let mut start = 0usize;
    for i in 0..n {
        let end = usize::try_from(ends[i]).map_err(|_| damaged())?;
        let name = names.get(start..end).ok_or_else(damaged)?;
        keys.push(PartKey {
            name: String::from_utf8(name.to_vec()).map_err(|_| damaged())?,
            len: lens[i],
            mtime_ns: times[i],
            hash: hashes[i],
        });
        start = end;
    }
    if start != names.len() {
        return Err(damaged());
    }
    Ok(keys)
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
