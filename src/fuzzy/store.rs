//! The texts of the units, as the matcher needs them: all in memory (just
//! loaded from the JSON), or in the cache file and read one unit at a time
//! (so that a million units need not be held to show three matches).

use std::fs::File;
use std::path::PathBuf;

use crate::lang::Lang;
use crate::memory::Memory;

/// What the matcher needs of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The unit's id.
    pub id: String,
    /// Its texts in `Lang::ALL` order.
    pub texts: [Option<String>; 3],
    /// Whether its alignment is marked doubtful.
    pub doubtful: bool,
}

impl Entry {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> Option<&str> {
        self.texts[lang as usize].as_deref()
    }

    /// Appends the entry in the cache's binary form.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.doubtful));
        put(out, Some(&self.id));
        for t in &self.texts {
            put(out, t.as_deref());
        }
    }

    /// The length of [`Entry::encode`]'s output.
    pub fn encoded_len(&self) -> usize {
        let len = |s: Option<&str>| 4 + s.map_or(0, str::len);
        1 + len(Some(&self.id)) + self.texts.iter().map(|t| len(t.as_deref())).sum::<usize>()
    }

    /// Reads an entry written by [`Entry::encode`]; `None` if malformed.
    pub fn decode(mut b: &[u8]) -> Option<Entry> {
        let doubtful = *b.first()? != 0;
        b = &b[1..];
        let id = take(&mut b)??;
        let texts = [take(&mut b)?, take(&mut b)?, take(&mut b)?];
        Some(Entry {
            id,
            texts,
            doubtful,
        })
    }
}

fn put(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        None => out.extend_from_slice(&u32::MAX.to_le_bytes()),
    }
}

fn take(b: &mut &[u8]) -> Option<Option<String>> {
    let len = u32::from_le_bytes(b.get(..4)?.try_into().ok()?);
    *b = &b[4..];
    if len == u32::MAX {
        return Some(None);
    }
    let s = std::str::from_utf8(b.get(..len as usize)?)
        .ok()?
        .to_string();
    *b = &b[len as usize..];
    Some(Some(s))
}

/// Where the texts are.
#[derive(Debug)]
pub enum Store {
    /// All entries in memory.
    Memory(Vec<Entry>),
    /// Entries in a cache file, read on demand.
    File {
        /// The open cache file.
        file: File,
        /// Its path, for messages.
        path: PathBuf,
        /// Entry `u` is at bytes `offsets[u]..offsets[u + 1]` of the file.
        offsets: Vec<u64>,
    },
}

impl Store {
    /// The entries of a loaded memory.
    pub fn from_memory(memory: Memory) -> Store {
        Store::Memory(
            memory
                .units
                .into_iter()
                .map(|u| {
                    let keep = |t: Option<String>| t.filter(|s| !s.trim().is_empty());
                    Entry {
                        id: u.id,
                        texts: [keep(u.en), keep(u.ru), keep(u.kk)],
                        doubtful: u.doubtful,
                    }
                })
                .collect(),
        )
    }

    /// How many units.
    pub fn len(&self) -> usize {
        match self {
            Store::Memory(v) => v.len(),
            Store::File { offsets, .. } => offsets.len().saturating_sub(1),
        }
    }

    /// Whether there are no units.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Unit `u`'s entry.
    pub fn get(&self, u: u32) -> std::io::Result<Entry> {
        match self {
            Store::Memory(v) => v
                .get(u as usize)
                .cloned()
                .ok_or_else(|| bad("no such unit", &PathBuf::new())),
            Store::File {
                file,
                path,
                offsets,
            } => {
                let (Some(&a), Some(&b)) = (offsets.get(u as usize), offsets.get(u as usize + 1))
                else {
                    return Err(bad("no such unit", path));
                };
                let mut buf = vec![0u8; b.saturating_sub(a) as usize];
                read_at(file, &mut buf, a)?;
                Entry::decode(&buf).ok_or_else(|| bad("damaged cache entry", path))
            }
        }
    }
}

fn bad(what: &str, path: &std::path::Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("{}: {what}", path.display()),
    )
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, at)
}

#[cfg(not(unix))]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file.try_clone()?;
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(buf)
}
