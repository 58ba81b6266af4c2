//! Making index segments: from parts read from the JSON (a new segment of
//! the parts added or changed), from a loaded memory (held in memory,
//! never written), or by merging the live parts of other segments without
//! reading the JSON again (their keys are taken from their vocabularies).

use crate::lang::Lang;
use crate::memory::part_key::PartKey;
use crate::memory::{Memory, Unit};

use super::super::build::IndexBuilder;
use super::super::score::Prepared;
use super::super::store::Entry;
use super::{IndexSegment, Rest, SegmentName};

/// Builds a segment part by part.
#[derive(Debug)]
pub struct SegmentBuilder {
    lang: Lang,
    index: IndexBuilder,
    parts: Vec<PartKey>,
    part_off: Vec<u32>,
    part_langs: Vec<u8>,
    doubtful: Vec<u8>,
    ranges: Vec<u64>,
}

impl SegmentBuilder {
    /// A segment of no part yet, for matching from `lang`.
    pub fn new(lang: Lang) -> SegmentBuilder {
        SegmentBuilder {
            lang,
            index: IndexBuilder::default(),
            parts: Vec::new(),
            part_off: vec![0],
            part_langs: Vec::new(),
            doubtful: Vec::new(),
            ranges: Vec::new(),
        }
    }

    /// Adds a part read from the JSON: its key, its units in file order
    /// and their byte ranges in the file (two per unit). Parts must come
    /// in name order.
    pub fn add_part(&mut self, key: PartKey, units: Vec<Unit>, ranges: &[u64]) {
        debug_assert_eq!(units.len() * 2, ranges.len());
        let mut langs = 0;
        for unit in units {
            let entry = Entry::from_unit(unit);
            langs |= entry.langs();
            let keys = entry.text(self.lang).map(|t| keys(t, self.lang));
            self.push(keys, entry.doubtful);
        }
        self.ranges.extend_from_slice(ranges);
        self.end_part(key, langs);
    }

    /// Adds part `p` of `segment` as it is there (for a merge).
    pub fn add_from(&mut self, segment: &IndexSegment, p: usize) {
        let Rest::Json(ranges) = &segment.rest else {
            unreachable!("a segment of a loaded memory is never merged")
        };
        let ix = &segment.index;
        for u in segment.units_of(p) {
            let keys = segment
                .has_text(u)
                .then(|| ix.keys_of(u).iter().map(|&k| ix.vocab.key(k)));
            self.push(keys, segment.doubtful(u));
            self.ranges
                .extend_from_slice(&ranges[2 * u as usize..2 * u as usize + 2]);
        }
        self.end_part(segment.parts[p].clone(), segment.part_langs[p]);
    }

    fn push<K, S>(&mut self, keys: Option<K>, doubtful: bool)
    where
        K: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.index.push(keys);
        self.doubtful.push(u8::from(doubtful));
    }

    fn end_part(&mut self, key: PartKey, langs: u8) {
        self.parts.push(key);
        self.part_off.push(self.doubtful.len() as u32);
        self.part_langs.push(langs);
    }

    /// The segment of the parts added, named `name`.
    pub fn finish(self, name: SegmentName) -> IndexSegment {
        IndexSegment {
            name,
            lang: self.lang,
            parts: self.parts,
            part_off: self.part_off,
            part_langs: self.part_langs,
            index: self.index.finish(),
            doubtful: self.doubtful,
            rest: Rest::Json(self.ranges),
        }
    }
}

/// A text's index keys: its words' keys as the score sees them.
pub fn keys(text: &str, lang: Lang) -> impl Iterator<Item = String> {
    Prepared::new(text, lang).words.into_iter().map(|w| w.key)
}

/// The segment of a loaded memory: one part holding every unit in stored
/// order, all texts in memory. Its part key is empty: it is never written.
pub fn from_memory(memory: Memory, lang: Lang) -> IndexSegment {
    let entries: Vec<Entry> = memory.units.into_iter().map(Entry::from_unit).collect();
    let mut index = IndexBuilder::default();
    for e in &entries {
        index.push(e.text(lang).map(|t| keys(t, lang)));
    }
    let n = entries.len() as u32;
    IndexSegment {
        name: SegmentName {
            generation: 0,
            id: 0,
        },
        lang,
        parts: vec![PartKey {
            name: String::new(),
            len: 0,
            mtime_ns: 0,
            hash: 0,
        }],
        part_off: vec![0, n],
        part_langs: vec![entries.iter().fold(0, |m, e| m | e.langs())],
        index: index.finish(),
        doubtful: entries.iter().map(|e| u8::from(e.doubtful)).collect(),
        rest: Rest::Memory(entries),
    }
}

/// Merges the parts `which` (segment, part) of `segments` into one segment
/// named `name`, in name order.
pub fn merge(
    segments: &[&IndexSegment],
    which: &[(usize, usize)],
    lang: Lang,
    name: SegmentName,
) -> IndexSegment {
    let mut order = which.to_vec();
    order.sort_by(|a, b| {
        segments[a.0].parts[a.1]
            .name
            .cmp(&segments[b.0].parts[b.1].name)
    });
    let mut builder = SegmentBuilder::new(lang);
    for (s, p) in order {
        builder.add_from(segments[s], p);
    }
    builder.finish(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, en: &str, doubtful: bool) -> Unit {
        let mut u = Unit::new(id.into(), "2026-01-01T00:00:00Z");
        u.en = Some(en.into());
        u.ru = Some(format!("ru {en}"));
        u.doubtful = doubtful;
        u
    }

    fn key(name: &str) -> PartKey {
        PartKey {
            name: name.into(),
            len: 1,
            mtime_ns: 2,
            hash: 3,
        }
    }

    fn name(generation: u64) -> SegmentName {
        SegmentName { generation, id: 9 }
    }

    #[test]
    fn a_merge_equals_a_build_of_the_same_parts() {
        let a = vec![
            unit("a1", "The board met in Astana.", false),
            unit("a2", "  ", false),
        ];
        let b = vec![unit("b1", "The board will meet again.", true)];
        let build = |parts: Vec<(&str, Vec<Unit>)>| {
            let mut builder = SegmentBuilder::new(Lang::En);
            for (n, units) in parts {
                let ranges: Vec<u64> = (0..units.len() as u64 * 2).collect();
                builder.add_part(key(n), units, &ranges);
            }
            builder
        };
        let whole = build(vec![("a", a.clone()), ("b", b.clone())]).finish(name(3));
        let first = build(vec![("b", b)]).finish(name(1));
        let second = build(vec![("a", a)]).finish(name(2));
        let merged = merge(&[&first, &second], &[(0, 0), (1, 0)], Lang::En, name(3));
        assert_eq!(merged.index, whole.index);
        assert_eq!(merged.parts, whole.parts);
        assert_eq!(merged.part_off, [0, 2, 3]);
        // A blank text is no text.
        assert!(merged.has_text(0) && !merged.has_text(1));
        let words: Vec<&str> = merged
            .index
            .keys_of(0)
            .iter()
            .map(|&k| merged.index.vocab.key(k))
            .collect();
        let want: Vec<String> = keys("The board met in Astana.", Lang::En).collect();
        assert_eq!(words, want);
        assert!(merged.doubtful(2) && !merged.doubtful(0));
        let (Rest::Json(got), Rest::Json(want)) = (&merged.rest, &whole.rest) else {
            panic!("ranges expected")
        };
        // Each unit keeps the range it had in its own part.
        assert_eq!(got, &[0, 1, 2, 3, 0, 1]);
        assert_eq!(want, &[0, 1, 2, 3, 0, 1]);
        assert_eq!(merged.part_of(1), 0);
        assert_eq!(merged.part_of(2), 1);
    }
}
