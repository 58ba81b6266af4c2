//! Adding units to a memory one at a time, against an index of what it holds.
//!
//! [`Memory::add`] takes a batch; an import streams a file of a million units
//! and offers each as it is read, so the index is built once and kept small:
//! each table holds a 64-bit hash and the unit's position, and a hit is
//! confirmed against the stored unit itself, so a hash collision can never
//! lose a unit or reuse an id.

use std::hash::{BuildHasher, Hash};

use hashbrown::DefaultHashBuilder;

use hashbrown::HashTable;

use std::borrow::Cow;

use super::{fresh_id, key, normalized, AddReport, Memory, Unit};
use crate::lang::Lang;

/// What became of one unit offered to an [`Adder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offered {
    /// Stored as new.
    Added,
    /// Stored as an alternative translation of a stored source sentence.
    Alternative,
    /// Not stored: the same texts are already there.
    Duplicate,
    /// Not stored: the unit has no text at all.
    Empty,
}

/// An open session of adding units to one memory (see the module header).
pub struct Adder<'m> {
    memory: &'m mut Memory,
    source: Lang,
    hasher: DefaultHashBuilder,
    /// Hash of the normalized texts → unit index.
    keys: HashTable<(u64, u32)>,
    /// Hash of the normalized source text → index of its first unit.
    sources: HashTable<(u64, u32)>,
    /// Hash of the id → unit index.
    ids: HashTable<(u64, u32)>,
    /// For each unit, the next unit with the same source text ([`NONE`] at
    /// the end): the chain a source's first unit starts.
    same_source: Vec<u32>,
    report: AddReport,
}

/// The end of a `same_source` chain.
const NONE: u32 = u32::MAX;

impl Memory {
    /// Starts adding units one by one; `source` is the language whose text
    /// identifies a sentence, as in [`Memory::add`].
    pub fn adder(&mut self, source: Lang) -> Adder<'_> {
        let mut adder = Adder {
            hasher: DefaultHashBuilder::default(),
            keys: HashTable::with_capacity(self.units.len()),
            sources: HashTable::with_capacity(self.units.len()),
            ids: HashTable::with_capacity(self.units.len()),
            same_source: Vec::with_capacity(self.units.len()),
            memory: self,
            source,
            report: AddReport::default(),
        };
        let li = lang_index(source);
        for i in 0..adder.memory.units.len() {
            let (kh, sh, first) = {
                let k = key(&adder.memory.units[i]);
                let first = k[li].as_deref().and_then(|s| adder.find_source(s));
                (
                    adder.hash(&k),
                    k[li].as_deref().map(|s| adder.hash(s)),
                    first,
                )
            };
            adder.index(i, kh, sh, first);
        }
        adder
    }
}

impl Adder<'_> {
    /// Offers a unit; its id is assigned here, as [`Memory::add`] does.
    pub fn offer(&mut self, mut unit: Unit) -> Offered {
        unit.id.clear();
        unit.alternative_of = None;
        self.offer_keeping(unit)
    }

    /// Offers a unit that comes with its own identity (an import of a memory
    /// tm exported): its id is kept when it is not empty and no stored unit
    /// has it, and its `alternative_of` is kept when it names a stored unit.
    /// Otherwise both are settled as [`Adder::offer`] does.
    ///
    /// A unit is a duplicate when a stored unit has all its texts: the same
    /// texts, or more languages (an en–ru file exported from a trilingual
    /// memory and imported back adds nothing).
    pub fn offer_keeping(&mut self, mut unit: Unit) -> Offered {
        // Owned, as the unit changes below; stored units are compared
        // without copies.
        let k: [Option<Cow<'static, str>>; 3] =
            key(&unit).map(|t| t.map(|c| Cow::Owned(c.into_owned())));
        if k.iter().all(Option::is_none) {
            return Offered::Empty;
        }
        let kh = self.hash(&k);
        let units = &self.memory.units;
        if self
            .keys
            .find(kh, |&(h, i)| h == kh && key(&units[i as usize]) == k)
            .is_some()
        {
            self.report.duplicates += 1;
            return Offered::Duplicate;
        }
        if unit.id.is_empty() || self.find_id(&unit.id).is_some() {
            unit.id = fresh_id(&unit, |id| self.find_id(id).is_some());
        }
        if let Some(target) = &unit.alternative_of {
            if self.find_id(target).is_none() {
                unit.alternative_of = None;
            }
        }
        let first = k[lang_index(self.source)]
            .as_deref()
            .and_then(|s| self.find_source(s));
        if let Some(f) = first {
            if self.covered(f, &k) {
                self.report.duplicates += 1;
                return Offered::Duplicate;
            }
        }
        let mut outcome = Offered::Added;
        match first {
            Some(f) if unit.alternative_of.is_none() => {
                unit.alternative_of = Some(self.memory.units[f].id.clone());
                outcome = Offered::Alternative;
            }
            _ if unit.alternative_of.is_some() => outcome = Offered::Alternative,
            _ => {}
        }
        let sh = k[lang_index(self.source)].as_deref().map(|s| self.hash(s));
        self.memory.units.push(unit);
        self.index(self.memory.units.len() - 1, kh, sh, first);
        self.report.added += 1;
        if outcome == Offered::Alternative {
            self.report.alternatives += 1;
        }
        outcome
    }

    /// What happened so far, counted as [`Memory::add`] counts.
    pub fn report(&self) -> AddReport {
        self.report.clone()
    }

    fn hash<T: Hash + ?Sized>(&self, value: &T) -> u64 {
        self.hasher.hash_one(value)
    }

    fn find_id(&self, id: &str) -> Option<usize> {
        let h = self.hash(id);
        let units = &self.memory.units;
        self.ids
            .find(h, |&(hh, i)| hh == h && units[i as usize].id == id)
            .map(|&(_, i)| i as usize)
    }

    fn find_source(&self, wanted: &str) -> Option<usize> {
        let h = self.hash(wanted);
        let (units, source) = (&self.memory.units, self.source);
        self.sources
            .find(h, |&(hh, i)| {
                hh == h && units[i as usize].text(source).map(normalized).as_deref() == Some(wanted)
            })
            .map(|&(_, i)| i as usize)
    }

    /// Whether a unit of the same-source chain from `first` has every text
    /// in `k` (and maybe more).
    fn covered(&self, first: usize, k: &[Option<Cow<'_, str>>; 3]) -> bool {
        let mut j = first as u32;
        while j != NONE {
            let stored = key(&self.memory.units[j as usize]);
            if k.iter()
                .zip(&stored)
                .all(|(new, old)| new.is_none() || new == old)
            {
                return true;
            }
            j = self.same_source[j as usize];
        }
        false
    }

    /// Puts the unit at `i` into the tables: `kh` is the hash of its
    /// normalized texts, `sh` that of its normalized source text. `first` is
    /// the first stored unit with its source text, if any: that one stays
    /// the unit alternatives point to, and this one joins its chain.
    fn index(&mut self, i: usize, kh: u64, sh: Option<u64>, first: Option<usize>) {
        self.same_source.push(NONE);
        let slot = u32::try_from(i).expect("a memory holds fewer than 2^32 units");
        let rehash = |&(h, _): &(u64, u32)| h;
        self.keys.insert_unique(kh, (kh, slot), rehash);
        let idh = self.hash(self.memory.units[i].id.as_str());
        self.ids.insert_unique(idh, (idh, slot), rehash);
        match first {
            Some(f) => {
                let mut last = f;
                while self.same_source[last] != NONE {
                    last = self.same_source[last] as usize;
                }
                self.same_source[last] = slot;
            }
            None => {
                if let Some(sh) = sh {
                    self.sources.insert_unique(sh, (sh, slot), rehash);
                }
            }
        }
    }
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, en: &str, ru: &str) -> Unit {
        let mut u = Unit::new(id.to_string(), "2026-01-01T00:00:00Z");
        u.set_text(Lang::En, Some(en.into()));
        u.set_text(Lang::Ru, Some(ru.into()));
        u
    }

    #[test]
    fn keeps_free_ids_and_replaces_taken_ones() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        assert_eq!(
            a.offer_keeping(unit("aaaaaaaaaaaa", "One.", "Один.")),
            Offered::Added
        );
        assert_eq!(
            a.offer_keeping(unit("aaaaaaaaaaaa", "Two.", "Два.")),
            Offered::Added
        );
        assert_eq!(a.offer_keeping(unit("", "Three.", "Три.")), Offered::Added);
        assert_eq!(
            a.offer_keeping(unit("bbbbbbbbbbbb", "One.", "Один.")),
            Offered::Duplicate
        );
        assert_eq!(m.units[0].id, "aaaaaaaaaaaa");
        assert_ne!(m.units[1].id, "aaaaaaaaaaaa");
        assert_eq!(m.units[1].id.len(), 12);
        assert_eq!(m.units[2].id.len(), 12);
        assert_eq!(m.first_duplicate_id(), None);
    }

    #[test]
    fn alternatives_point_to_the_first_unit_of_a_source() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(unit("", "The Office  opened.", "Офис открылся."));
        assert_eq!(
            a.offer(unit("", "The Office opened.", "Офис был открыт.")),
            Offered::Alternative
        );
        assert_eq!(
            a.offer(unit("", "The Office opened.", "Офис открыт.")),
            Offered::Alternative
        );
        let r = a.report();
        assert_eq!((r.added, r.alternatives, r.duplicates), (3, 2, 0));
        assert_eq!(
            m.units[2].alternative_of.as_deref(),
            Some(m.units[0].id.as_str())
        );
        assert_eq!(
            m.units[1].alternative_of.as_deref(),
            Some(m.units[0].id.as_str())
        );
    }

    #[test]
    fn fewer_languages_of_a_stored_unit_are_a_duplicate() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        let mut tri = unit("", "One.", "Один.");
        tri.set_text(Lang::Kk, Some("Бір.".into()));
        a.offer(tri);
        a.offer(unit("", "One.", "Единица."));
        let mut en_kk = Unit::new(String::new(), "2026-01-01T00:00:00Z");
        en_kk.set_text(Lang::En, Some("One.".into()));
        en_kk.set_text(Lang::Kk, Some("Бір.".into()));
        assert_eq!(a.offer(en_kk), Offered::Duplicate);
        assert_eq!(a.offer(unit("", "One.", "Единица.")), Offered::Duplicate);
        assert_eq!(a.offer(unit("", "One.", "Раз.")), Offered::Alternative);
        // More languages than the stored unit: new information, kept.
        let mut more = unit("", "One.", "Единица.");
        more.set_text(Lang::Kk, Some("Бірлік.".into()));
        assert_eq!(a.offer(more), Offered::Alternative);
        assert_eq!(m.units.len(), 4);
    }

    #[test]
    fn a_kept_alternative_must_name_a_stored_unit() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        let mut u = unit("cccccccccccc", "Alone.", "Один.");
        u.alternative_of = Some("nowhere00000".into());
        assert_eq!(a.offer_keeping(u), Offered::Added);
        assert_eq!(m.units[0].alternative_of, None);
    }
}
