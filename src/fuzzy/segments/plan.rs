//! Deciding, from the segment files' heads and the memory's parts as listed
//! now, which segment describes each part, and when segments are merged.
//!
//! A part is described by the newest segment that holds it with the same
//! content ([`PartKey::fit`]); the part's units in any other segment are
//! masked out, as are the units of a part changed or removed since. A part
//! no segment describes is read from the JSON into a new segment (a
//! delta).
//!
//! Merging keeps the search fast and the files small, at a cost in
//! proportion to what is merged: more than [`MAX_DELTAS`] deltas are merged
//! into one; when the deltas' live units outgrow [`SHARE`] of the base's
//! (the segment with the most), or more than that share of the base is
//! masked out, everything is merged into a new base. Merging reads the
//! segments, not the JSON.

use crate::memory::folder::Part;
use crate::memory::part_key::Fit;

use super::file::Head;

/// At most this many deltas beside the base before they are merged.
pub const MAX_DELTAS: usize = 8;
/// The share of the base that deltas (or masked units) may reach before
/// everything is merged into a new base.
pub const SHARE: f64 = 0.1;

/// Which segment describes each part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cover {
    /// Per part (as listed): the head and its part index describing it, or
    /// `None` when no segment does.
    pub of: Vec<Option<(usize, usize)>>,
    /// Heads' parts recognised by their bytes after their time changed:
    /// (head, part, the time now), to be recorded.
    pub touched: Vec<(usize, usize, u128)>,
}

impl Cover {
    /// Whether head `h` describes any part.
    pub fn uses(&self, h: usize) -> bool {
        self.of.iter().flatten().any(|&(x, _)| x == h)
    }
}

/// Which of `heads` (newest first; `false` in `usable` for those found
/// unreadable) describes each of `parts`.
pub fn cover(heads: &[Head], usable: &[bool], parts: &[Part]) -> Cover {
    let mut out = Cover::default();
    for part in parts {
        let mut found = None;
        for (h, head) in heads.iter().enumerate().filter(|&(h, _)| usable[h]) {
            let Some(p) = head.find(&part.name) else {
                continue;
            };
            match head.parts[p].fit(part) {
                Fit::Same => {}
                Fit::Touched => out.touched.push((h, p, part.mtime_ns)),
                Fit::Changed => continue,
            }
            found = Some((h, p));
            break;
        }
        out.of.push(found);
    }
    out
}

/// What to merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Nothing.
    Nothing,
    /// The deltas into one.
    Deltas,
    /// Everything into a new base.
    All,
}

/// What to merge, given (live units, all units) of each segment in use;
/// the base is the one with the most live units (the first of them).
pub fn merge(segments: &[(u64, u64)]) -> Merge {
    let Some(base) = base(segments) else {
        return Merge::Nothing;
    };
    let (live, all) = segments[base];
    let deltas: u64 = segments
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != base)
        .map(|(_, s)| s.0)
        .sum();
    let share = |n: u64, of: u64| n as f64 > SHARE * of as f64;
    if share(deltas, live) || share(all - live, all) {
        Merge::All
    } else if segments.len() - 1 > MAX_DELTAS {
        Merge::Deltas
    } else {
        Merge::Nothing
    }
}

/// The base: the segment with the most live units, the first of them.
pub fn base(segments: &[(u64, u64)]) -> Option<usize> {
    (0..segments.len()).min_by_key(|&i| std::cmp::Reverse(segments[i].0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::part_key::PartKey;
    use crate::storage::hash::fnv;
    use std::path::{Path, PathBuf};

    fn part(dir: &Path, name: &str, text: &str) -> Part {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, text).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        Part::listed(name.into(), path, &meta)
    }

    fn key(p: &Part, text: &str) -> PartKey {
        PartKey {
            name: p.name.clone(),
            len: text.len() as u64,
            mtime_ns: p.mtime_ns,
            hash: fnv(text.as_bytes()),
        }
    }

    fn head(generation: u64, parts: Vec<PartKey>) -> Head {
        let n = parts.len() as u32;
        Head {
            path: PathBuf::new(),
            name: super::super::SegmentName { generation, id: 0 },
            parts,
            part_off: (0..=n).collect(),
        }
    }

    #[test]
    fn the_newest_segment_with_the_same_content_describes_a_part() {
        let dir = tempfile::tempdir().unwrap();
        let a = part(dir.path(), "a", "aaa");
        let b = part(dir.path(), "b", "bbb");
        let c = part(dir.path(), "c", "ccc");
        let mut old_b = key(&b, "bb2");
        old_b.mtime_ns -= 1;
        // Newest first: a delta holding b as it is now, a base holding a,
        // b as it was, and a part d since removed.
        let delta = head(2, vec![key(&b, "bbb")]);
        let gone = PartKey {
            name: "d".into(),
            ..key(&a, "ddd")
        };
        let based = head(1, vec![key(&a, "aaa"), old_b, gone]);
        let heads = [delta, based];
        let parts = [a, b, c];
        let got = cover(&heads, &[true, true], &parts);
        assert_eq!(got.of, [Some((1, 0)), Some((0, 0)), None]);
        assert!(got.touched.is_empty());
        // The delta unreadable: b is not taken from the base, whose b
        // differs.
        let got = cover(&heads, &[false, true], &parts);
        assert_eq!(got.of, [Some((1, 0)), None, None]);
        assert!(!got.uses(0) && got.uses(1));
    }

    #[test]
    fn a_touched_part_is_still_described_and_its_time_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let a = part(dir.path(), "a", "aaa");
        let mut recorded = key(&a, "aaa");
        recorded.mtime_ns -= 5;
        let got = cover(
            &[head(1, vec![recorded])],
            &[true],
            std::slice::from_ref(&a),
        );
        assert_eq!(got.of, [Some((0, 0))]);
        assert_eq!(got.touched, [(0, 0, a.mtime_ns)]);
    }

    #[test]
    fn merges_when_deltas_or_masked_units_outgrow_a_tenth() {
        assert_eq!(merge(&[]), Merge::Nothing);
        assert_eq!(merge(&[(1000, 1000)]), Merge::Nothing);
        assert_eq!(merge(&[(1000, 1000), (60, 60), (40, 40)]), Merge::Nothing);
        assert_eq!(merge(&[(1000, 1000), (60, 60), (41, 41)]), Merge::All);
        // The base is the largest, wherever it is.
        assert_eq!(merge(&[(60, 60), (1000, 1000)]), Merge::Nothing);
        assert_eq!(merge(&[(899, 1000)]), Merge::All);
        assert_eq!(merge(&[(900, 1000)]), Merge::Nothing);
        let mut many = vec![(1000, 1000)];
        many.extend(std::iter::repeat_n((1, 1), MAX_DELTAS));
        assert_eq!(merge(&many), Merge::Nothing);
        many.push((1, 1));
        assert_eq!(merge(&many), Merge::Deltas);
    }
}
