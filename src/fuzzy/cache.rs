//! Opening a memory for matching through its index segments (see
//! [`super::segments`]), so that `tm suggest` on a million units need not
//! parse the JSON, and the first `tm suggest` after a release was added
//! indexes that release only.
//!
//! Opening lists the memory's parts (a stat each) and the segment files'
//! heads, takes each part from the newest segment that describes it, reads
//! the parts no segment describes from the JSON into a new segment (a
//! delta), merges segments when [`super::segments::plan`] says so, and
//! removes the segment files nothing uses any more. The JSON stays the
//! truth: a segment file that is damaged, unreadable or of other rules is
//! not used (and its parts are indexed again); failing to write one is not
//! an error. A single-file memory is one part, so any change to it makes a
//! new segment of all of it, as before.

use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::memory::file::parse_ranged;
use crate::memory::folder::Part;
use crate::memory::part_key::{find, read_keyed};
use crate::memory::{Layout, MemoryError};

use super::segments::build::{merge, SegmentBuilder};
use super::segments::file::{self, Head};
use super::segments::live::Live;
use super::segments::plan::{self, Merge};
use super::segments::{IndexSegment, SegmentName};
use super::Matcher;

pub use crate::storage::derived::Source;

/// How a memory was opened for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened {
    /// Whether the JSON was read (and the new segment written).
    pub source: Source,
    /// How many segments are searched.
    pub segments: usize,
    /// How many parts were read from the JSON into a new segment.
    pub parts_read: usize,
    /// What was merged.
    pub merged: Merge,
}

impl std::fmt::Display for Opened {
    /// `2 segments, 1 file indexed from the JSON, nothing merged`.
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}, {} indexed from the JSON{}, {}",
            plural(self.segments, "segment", "segments"),
            plural(self.parts_read, "file", "files"),
            if self.source == Source::Json {
                " (not written)"
            } else {
                ""
            },
            match self.merged {
                Merge::Nothing => "nothing merged",
                Merge::Deltas => "deltas merged",
                Merge::All => "all merged into a new base",
            }
        )
    }
}

/// Opens the memory at `memory` for matching from `lang` (see the module
/// header).
pub fn open(memory: &Path, lang: Lang) -> Result<(Matcher, Opened), MemoryError> {
    let layout = Layout::at(memory);
    let parts = layout.parts()?;
    let mut heads = list(&layout, lang);
    heads.sort_by_key(|h| std::cmp::Reverse(h.name));
    let mut usable = vec![true; heads.len()];
    let mut loaded: Vec<Option<IndexSegment>> = heads.iter().map(|_| None).collect();
    // A segment that turns out unreadable is dropped and the parts
    // planned again: an older segment may describe them.
    let cover = 'plan: loop {
        let cover = plan::cover(&heads, &usable, &parts);
        for h in 0..heads.len() {
            if !cover.uses(h) || loaded[h].is_some() {
                continue;
            }
            match file::read(&heads[h], lang) {
                Ok(s) => loaded[h] = Some(s),
                Err(_) => {
                    usable[h] = false;
                    continue 'plan;
                }
            }
        }
        break cover;
    };
    // Parts touched but not changed: their new time is recorded, so that
    // their bytes are not hashed again next time.
    let mut rewrite = vec![false; heads.len()];
    for &(h, p, mtime) in &cover.touched {
        if let Some(s) = &mut loaded[h] {
            s.parts[p].mtime_ns = mtime;
            rewrite[h] = true;
        }
    }
    for h in (0..heads.len()).filter(|&h| rewrite[h]) {
        if let Some(s) = &loaded[h] {
            let _ = file::write(&heads[h].path, s);
        }
    }
    let mut next = heads.iter().map(|h| h.name.generation).max().unwrap_or(0) + 1;
    // In use: (segment, which of its parts are live, its file).
    let mut used: Vec<(IndexSegment, Vec<bool>, Option<PathBuf>)> = Vec::new();
    for (h, head) in heads.iter().enumerate() {
        // Not loaded: superseded by newer segments, or unreadable.
        let Some(segment) = loaded[h].take() else {
            remove(&head.path);
            continue;
        };
        let mut live = vec![false; segment.parts.len()];
        for &(_, p) in cover.of.iter().flatten().filter(|&&(x, _)| x == h) {
            live[p] = true;
        }
        used.push((segment, live, Some(head.path.clone())));
    }
    let missing: Vec<&Part> = parts
        .iter()
        .zip(&cover.of)
        .filter(|(_, c)| c.is_none())
        .map(|(p, _)| p)
        .collect();
    let mut written = true;
    if !missing.is_empty() {
        let segment = from_json(&layout, &missing, lang, new_name(next))?;
        next += 1;
        let path = segment_path(&layout, lang, segment.name);
        written = file::write(&path, &segment).is_ok();
        let _ = std::fs::remove_file(layout.derived_path(&format!("{}.cache", lang.code())));
        let live = vec![true; segment.parts.len()];
        used.push((segment, live, written.then_some(path)));
    }
    let merged = merge_used(&layout, lang, &mut used, new_name(next));
    let segments = live_segments(used, &parts);
    let opened = Opened {
        source: match (missing.is_empty(), written) {
            (true, _) => Source::Cache,
            (false, true) => Source::JsonCached,
            (false, false) => Source::Json,
        },
        segments: segments.len(),
        parts_read: missing.len(),
        merged,
    };
    Ok((Matcher::new(segments, lang), opened))
}

/// Removes every segment file of `memory` for `lang`, so that the next
/// [`open`] indexes the memory afresh.
pub fn discard(memory: &Path, lang: Lang) {
    let layout = Layout::at(memory);
    for (path, _) in segment_files(&layout, lang) {
        remove(&path);
    }
}

/// The segment files of `lang` with their heads; files that are not
/// readable segments of the current rules are removed.
fn list(layout: &Layout, lang: Lang) -> Vec<Head> {
    segment_files(layout, lang)
        .into_iter()
        .filter_map(|(path, _)| match file::peek(&path, lang) {
            Ok(head) => Some(head),
            Err(_) => {
                remove(&path);
                None
            }
        })
        .collect()
}

/// The files whose names are those of segment files of `lang`, with their
/// names.
fn segment_files(layout: &Layout, lang: Lang) -> Vec<(PathBuf, String)> {
    let probe = layout.derived_path(&file::prefix(lang));
    let dir = crate::storage::parent_dir(&probe);
    let Some(prefix) = probe.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| (e.path(), e.file_name().to_string_lossy().into_owned()))
        .filter(|(_, n)| n.starts_with(&prefix) && !n.contains(".tmp-"))
        .collect()
}

fn segment_path(layout: &Layout, lang: Lang, name: SegmentName) -> PathBuf {
    layout.derived_path(&file::file_name(lang, name))
}

/// Removes a derived file; one already gone, or that cannot be removed,
/// is left to the next reader.
fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// A name for a new segment of `generation`: the id tells apart segments
/// that two processes make at once.
fn new_name(generation: u64) -> SegmentName {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let mut h = crate::storage::hash::Fnv::new();
    h.write(&now.to_le_bytes())
        .write(&std::process::id().to_le_bytes())
        .write(&COUNT.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    SegmentName {
        generation,
        id: h.finish(),
    }
}

/// The segment of `parts` (in name order) read from the JSON.
fn from_json(
    layout: &Layout,
    parts: &[&Part],
    lang: Lang,
    name: SegmentName,
) -> Result<IndexSegment, MemoryError> {
    let version = layout.version();
    let mut builder = SegmentBuilder::new(lang);
    // Reading and parsing is most of the cost: a few parts at a time on
    // every core, the index built from them in order.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    for chunk in parts.chunks(threads * 2) {
        let read = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&part| {
                    s.spawn(move || {
                        let (bytes, key) = read_keyed(part)?;
                        let (units, ranges) = parse_ranged(&bytes, &part.path, version)?;
                        Ok::<_, MemoryError>((key, units, ranges))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a reader thread panicked"))
                .collect::<Result<Vec<_>, _>>()
        })?;
        for (key, units, ranges) in read {
            builder.add_part(key, units, &ranges);
        }
    }
    Ok(builder.finish(name))
}

/// Merges segments in use as [`plan::merge`] says; the merged segment
/// replaces them (their files removed once it is written). What was
/// merged.
fn merge_used(
    layout: &Layout,
    lang: Lang,
    used: &mut Vec<(IndexSegment, Vec<bool>, Option<PathBuf>)>,
    name: SegmentName,
) -> Merge {
    let counts: Vec<(u64, u64)> = used
        .iter()
        .map(|(s, live, _)| {
            let live = (0..s.parts.len())
                .filter(|&p| live[p])
                .map(|p| s.units_of(p).len() as u64)
                .sum();
            (live, s.units() as u64)
        })
        .collect();
    let how = plan::merge(&counts);
    let base = plan::base(&counts);
    let inputs: Vec<usize> = match how {
        Merge::Nothing => return how,
        Merge::All => (0..used.len()).collect(),
        Merge::Deltas => (0..used.len()).filter(|&i| Some(i) != base).collect(),
    };
    let segments: Vec<&IndexSegment> = inputs.iter().map(|&i| &used[i].0).collect();
    let which: Vec<(usize, usize)> = inputs
        .iter()
        .enumerate()
        .flat_map(|(k, &i)| {
            let live = &used[i].1;
            (0..live.len()).filter(|&p| live[p]).map(move |p| (k, p))
        })
        .collect();
    let merged = merge(&segments, &which, lang, name);
    let path = segment_path(layout, lang, name);
    let written = file::write(&path, &merged).is_ok();
    let mut kept = Vec::new();
    for (i, entry) in std::mem::take(used).into_iter().enumerate() {
        if !inputs.contains(&i) {
            kept.push(entry);
        } else if written {
            if let Some(old) = &entry.2 {
                remove(old);
            }
        }
    }
    let live = vec![true; merged.parts.len()];
    kept.push((merged, live, written.then_some(path)));
    *used = kept;
    how
}

/// The segments in use as a matcher searches them: each live part given
/// the number of its first unit in the memory's order (by part name) and
/// its file now.
fn live_segments(
    used: Vec<(IndexSegment, Vec<bool>, Option<PathBuf>)>,
    parts: &[Part],
) -> Vec<Live> {
    let mut order: Vec<(&str, usize, usize)> = Vec::new();
    for (i, (s, live, _)) in used.iter().enumerate() {
        for p in (0..s.parts.len()).filter(|&p| live[p]) {
            order.push((&s.parts[p].name, i, p));
        }
    }
    order.sort();
    let mut first: Vec<Vec<Option<u32>>> = used
        .iter()
        .map(|(s, ..)| vec![None; s.parts.len()])
        .collect();
    let mut next = 0u32;
    for &(_, i, p) in &order {
        first[i][p] = Some(next);
        next += used[i].0.units_of(p).len() as u32;
    }
    used.into_iter()
        .zip(first)
        .map(|((segment, _, _), first)| {
            let paths = segment
                .parts
                .iter()
                .map(|k| {
                    find(parts, &k.name)
                        .map(|p| p.path.clone())
                        .unwrap_or_default()
                })
                .collect();
            Live::new(segment, first, paths)
        })
        .collect()
}
