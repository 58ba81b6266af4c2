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
    /// Not stored as a unit of its own: a stored unit with the same source
    /// text lacked a language the offered unit has, and has it now (every
    /// language both have holds the same text).
    Completed,
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
    /// The keys of every stored unit, those not in `memory` too: a `tm
    /// add` that read only the files it needs must not give a new unit an
    /// id one of the others has.
    reserved: Option<&'m super::keys::KeyStore>,
    report: AddReport,
}

/// How an offered unit's texts stand to the stored units of its source text.
enum ChainMatch {
    /// A stored unit has all of them.
    Covered,
    /// The stored unit at this index can take the ones it lacks.
    Fillable(usize),
    /// Every stored unit has another text in a language the offered one has.
    Conflicting,
}

/// The end of a `same_source` chain.
const NONE: u32 = u32::MAX;

impl Memory {
    /// Starts adding units one by one; `source` is the language whose text
    /// identifies a sentence, as in [`Memory::add`].
    pub fn adder(&mut self, source: Lang) -> Adder<'_> {
        self.adder_reserving(source, None)
    }

    /// [`Memory::adder`] for a memory that holds only some of the stored
    /// units: `reserved` has the keys of all of them (which ids are taken).
    pub fn adder_reserving<'m>(
        &'m mut self,
        source: Lang,
        reserved: Option<&'m super::keys::KeyStore>,
    ) -> Adder<'m> {
        let mut adder = Adder {
            reserved,
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
    ///
    /// A unit whose source text is stored completes a stored unit of that
    /// source that has no other text in any of its languages and lacks one
    /// of them (an en–kk unit fills the Kazakh of a stored en–ru one); its
    /// own id and `alternative_of` are then dropped. Which one, and whether
    /// a stored unit with all its texts makes it a duplicate instead, is
    /// settled by release first (see [`Adder::match_in_chain`]): the
    /// release's own units come before another release's. It is stored as
    /// an alternative only when every stored unit of its source has another
    /// text in a language it brings.
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
        let first = k[lang_index(self.source)]
            .as_deref()
            .and_then(|s| self.find_source(s));
        // The same texts stored: a duplicate, unless they are another
        // release's and the release's own unit may lack what this brings
        // (the chain below settles that).
        if let Some(&(_, i)) = self
            .keys
            .find(kh, |&(h, i)| h == kh && key(&units[i as usize]) == k)
        {
            if first.is_none() || kin(&units[i as usize], &unit) != Kin::OtherRelease {
                self.report.duplicates += 1;
                return Offered::Duplicate;
            }
        }
        if let Some(f) = first {
            match self.match_in_chain(f, &unit, &k) {
                ChainMatch::Covered => {
                    self.report.duplicates += 1;
                    return Offered::Duplicate;
                }
                ChainMatch::Fillable(j) => {
                    self.fill(j, unit);
                    return Offered::Completed;
                }
                ChainMatch::Conflicting => {}
            }
        }
        if unit.id.is_empty() || self.id_taken(&unit.id) {
            unit.id = fresh_id(&unit, |id| self.id_taken(id));
        }
        if let Some(target) = &unit.alternative_of {
            if !self.id_taken(target) {
                unit.alternative_of = None;
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

    /// Whether a stored unit has this id, here or among the reserved.
    fn id_taken(&self, id: &str) -> bool {
        self.find_id(id).is_some()
            || self
                .reserved
                .is_some_and(|k| k.id_taken(super::keys::id_key(id)))
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

    /// How the units of the same-source chain from `first` stand to the
    /// texts `k` of the offered `unit`. A stored unit that has every text
    /// (and maybe more) covers it; one that lacks some of them and has no
    /// other text in any language `k` has can be filled (that loses
    /// nothing and contradicts nothing). The stored units are taken by
    /// their [`Kin`] to the offered one:
    ///
    /// 1. its own unit, same release and position: covered (the release
    ///    added again) or filled;
    /// 2. another unit of its release, the first that can be filled before
    ///    one that covers it: a release that repeats a sentence with two
    ///    Russian texts and one Kazakh gives that Kazakh to both, and its
    ///    positions may differ between an en–ru and an en–kk alignment;
    /// 3. the units of other releases (or of none), as when no unit of the
    ///    release is stored (an import of an en–kk file after an en–ru
    ///    one): one that covers it, else the first that can be filled.
    ///
    /// So a release's Kazakh never fills another release's unit while the
    /// release's own unit of that sentence lacks it.
    fn match_in_chain(
        &self,
        first: usize,
        unit: &Unit,
        k: &[Option<Cow<'_, str>>; 3],
    ) -> ChainMatch {
        // Indexed by `Kin`: whether one covers it, the first fillable.
        let mut covered = [false; 3];
        let mut fillable = [None; 3];
        let mut j = first as u32;
        while j != NONE {
            let stored_unit = &self.memory.units[j as usize];
            let stored = key(stored_unit);
            let pairs = || k.iter().zip(&stored);
            let rank = kin(stored_unit, unit) as usize;
            if pairs().all(|(new, old)| new.is_none() || new == old) {
                covered[rank] = true;
            } else if fillable[rank].is_none()
                && pairs().all(|(new, old)| new.is_none() || old.is_none() || new == old)
            {
                fillable[rank] = Some(j as usize);
            }
            j = self.same_source[j as usize];
        }
        let (own, release, other) = (
            Kin::Own as usize,
            Kin::SameRelease as usize,
            Kin::OtherRelease as usize,
        );
        if covered[own] {
            ChainMatch::Covered
        } else if let Some(j) = fillable[own].or(fillable[release]) {
            ChainMatch::Fillable(j)
        } else if covered[release] || covered[other] {
            ChainMatch::Covered
        } else {
            fillable[other].map_or(ChainMatch::Conflicting, ChainMatch::Fillable)
        }
    }

    /// Gives the stored unit at `j` the texts of `unit` in the languages it
    /// lacks (see [`ChainMatch::Fillable`]), and moves it in the table of
    /// texts to its new key, so that a later offer of all its texts is found
    /// a duplicate. Its source text is unchanged, so its place in the other
    /// tables and in its chain stays. Nothing stored is lost: its id, origin, dates and props stay; it
    /// stays doubtful if it was, and becomes doubtful if the newcomer's
    /// alignment was; props it lacks are taken from the newcomer.
    fn fill(&mut self, j: usize, unit: Unit) {
        let slot = j as u32;
        let old = self.hash(&key(&self.memory.units[j]));
        if let Ok(entry) = self.keys.find_entry(old, |&(h, i)| h == old && i == slot) {
            entry.remove();
        }
        let stored = &mut self.memory.units[j];
        for lang in Lang::ALL {
            if stored.text(lang).is_none() {
                if let Some(text) = unit.text(lang) {
                    stored.set_text(lang, Some(text.to_string()));
                    *self.report.completed_with.entry(lang).or_default() += 1;
                }
            }
        }
        stored.doubtful |= unit.doubtful;
        if let (Some(a), Some(b)) = (stored.confidence, unit.confidence) {
            stored.confidence = Some(a.min(b));
        }
        for (name, value) in unit.props {
            stored.props.entry(name).or_insert(value);
        }
        stored.changed = super::now();
        let new = self.hash(&key(&self.memory.units[j]));
        self.keys
            .insert_unique(new, (new, slot), |&(h, _): &(u64, u32)| h);
        self.report.completed += 1;
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

/// How a stored unit stands to an offered one by origin, nearest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kin {
    /// The same release and the same position in it.
    Own = 0,
    /// The same release, another position (or none).
    SameRelease = 1,
    /// Another release, or no release on either side.
    OtherRelease = 2,
}

fn kin(stored: &Unit, offered: &Unit) -> Kin {
    match (&stored.release, &offered.release) {
        (Some(a), Some(b)) if a == b => {
            if stored.position.is_some() && stored.position == offered.position {
                Kin::Own
            } else {
                Kin::SameRelease
            }
        }
        _ => Kin::OtherRelease,
    }
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

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
        // More languages than the stored unit: new information, which
        // fills the Kazakh of the unit it agrees with.
        let mut more = unit("", "One.", "Единица.");
        more.set_text(Lang::Kk, Some("Бірлік.".into()));
        assert_eq!(a.offer(more), Offered::Completed);
        assert_eq!(m.units.len(), 3);
        assert_eq!(m.units[1].kk.as_deref(), Some("Бірлік."));
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

    fn en_kk(en: &str, kk: &str) -> Unit {
        let mut u = Unit::new(String::new(), "2026-02-01T00:00:00Z");
        u.set_text(Lang::En, Some(en.into()));
        u.set_text(Lang::Kk, Some(kk.into()));
        u
    }

    fn tri(en: &str, ru: &str, kk: &str) -> Unit {
        let mut u = unit("", en, ru);
        u.set_text(Lang::Kk, Some(kk.into()));
        u
    }

    #[test]
    fn a_later_language_fills_the_stored_unit() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        let mut stored = unit("", "The park  opened.", "Парк открылся.");
        stored.release = Some("park".into());
        stored.position = Some(3);
        stored.confidence = Some(0.9);
        stored.props.insert("note".into(), "kept".into());
        a.offer(stored);
        a.offer(unit("", "Snow fell.", "Выпал снег."));
        let mut newcomer = en_kk("The park opened.", "Саябақ ашылды.");
        newcomer.confidence = Some(0.7);
        newcomer.props.insert("note".into(), "not taken".into());
        newcomer.props.insert("client".into(), "taken".into());
        assert_eq!(a.offer(newcomer), Offered::Completed);
        let r = a.report();
        assert_eq!(
            (r.added, r.duplicates, r.alternatives, r.completed),
            (2, 0, 0, 1)
        );
        assert_eq!(r.completed_with, BTreeMap::from([(Lang::Kk, 1)]));
        assert_eq!(m.units.len(), 2);
        let u = &m.units[0];
        assert_eq!(u.en.as_deref(), Some("The park  opened."));
        assert_eq!(u.ru.as_deref(), Some("Парк открылся."));
        assert_eq!(u.kk.as_deref(), Some("Саябақ ашылды."));
        assert_eq!((u.release.as_deref(), u.position), (Some("park"), Some(3)));
        assert_eq!(u.confidence, Some(0.7));
        assert_eq!(u.created, "2026-01-01T00:00:00Z");
        assert_ne!(u.changed, "2026-01-01T00:00:00Z");
        assert_eq!(u.props["note"], "kept");
        assert_eq!(u.props["client"], "taken");
        assert_eq!(u.alternative_of, None);
        assert!(!u.doubtful);
    }

    #[test]
    fn a_filled_unit_is_found_by_its_new_texts() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(unit("", "One.", "Один."));
        assert_eq!(a.offer(en_kk("One.", "Бір.")), Offered::Completed);
        // The whole trilingual unit, and each bilingual half, again.
        assert_eq!(a.offer(tri("One.", "Один.", "Бір.")), Offered::Duplicate);
        assert_eq!(a.offer(tri(" One.", "Один. ", "Бір.")), Offered::Duplicate);
        assert_eq!(a.offer(unit("", "One.", "Один.")), Offered::Duplicate);
        assert_eq!(a.offer(en_kk("One.", "Бір.")), Offered::Duplicate);
        let r = a.report();
        assert_eq!((r.added, r.duplicates, r.completed), (1, 4, 1));
        assert_eq!(m.units.len(), 1);
        // A new session builds its tables from the filled unit.
        let mut a = m.adder(Lang::En);
        assert_eq!(a.offer(tri("One.", "Один.", "Бір.")), Offered::Duplicate);
        assert_eq!(a.offer(en_kk("One.", "Бір.")), Offered::Duplicate);
        assert_eq!(a.keys.len(), 1);
    }

    #[test]
    fn the_tables_follow_a_filled_unit_within_a_session() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(unit("", "One.", "Один."));
        a.offer(en_kk("One.", "Бір."));
        assert_eq!(a.keys.len(), 1);
        let want = a.hash(&key(&tri("One.", "Один.", "Бір.")));
        assert!(a.keys.find(want, |&(h, i)| h == want && i == 0).is_some());
        assert_eq!(a.find_source("One."), Some(0));
        let id = a.memory.units[0].id.clone();
        assert_eq!(a.find_id(&id), Some(0));
    }

    #[test]
    fn another_text_in_the_language_brought_is_an_alternative() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(tri("One.", "Один.", "Бір."));
        assert_eq!(a.offer(en_kk("One.", "Біреу.")), Offered::Alternative);
        // A newcomer that agrees on Kazakh but not on Russian does not
        // fill either.
        a.offer(unit("", "Two.", "Два."));
        assert_eq!(a.offer(tri("Two.", "Двое.", "Екі.")), Offered::Alternative);
        let r = a.report();
        assert_eq!((r.added, r.alternatives, r.completed), (4, 2, 0));
        assert_eq!(m.units[0].kk.as_deref(), Some("Бір."));
        assert_eq!(m.units[2].kk, None);
        assert_eq!(
            m.units[1].alternative_of.as_deref(),
            Some(m.units[0].id.as_str())
        );
    }

    #[test]
    fn the_first_agreeing_unit_of_a_source_is_filled() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(unit("", "One.", "Один."));
        a.offer(unit("", "One.", "Единица."));
        // Agrees with the alternative only.
        assert_eq!(
            a.offer(tri("One.", "Единица.", "Бірлік.")),
            Offered::Completed
        );
        // Agrees with both: the primary is filled.
        assert_eq!(a.offer(en_kk("One.", "Бір.")), Offered::Completed);
        assert_eq!(m.units.len(), 2);
        assert_eq!(m.units[0].kk.as_deref(), Some("Бір."));
        assert_eq!(m.units[1].kk.as_deref(), Some("Бірлік."));
        assert_eq!(
            m.units[1].alternative_of.as_deref(),
            Some(m.units[0].id.as_str())
        );
    }

    #[test]
    fn any_pair_fills_by_its_source_text() {
        // en–kk stored, en–ru arrives.
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(en_kk("One.", "Бір."));
        assert_eq!(a.offer(unit("", "One.", "Один.")), Offered::Completed);
        assert_eq!(a.report().completed_with, BTreeMap::from([(Lang::Ru, 1)]));
        assert_eq!(m.units[0].ru.as_deref(), Some("Один."));
        // en–ru stored, ru–kk arrives with Russian as its source.
        let mut m = Memory::default();
        m.add(vec![unit("", "One.", "Один.")], Lang::En);
        let mut ru_kk = Unit::new(String::new(), "2026-02-01T00:00:00Z");
        ru_kk.set_text(Lang::Ru, Some("Один.".into()));
        ru_kk.set_text(Lang::Kk, Some("Бір.".into()));
        let r = m.add(vec![ru_kk], Lang::Ru);
        assert_eq!((r.added, r.completed), (0, 1));
        assert_eq!(m.units[0].kk.as_deref(), Some("Бір."));
    }

    #[test]
    fn a_doubtful_unit_stays_doubtful_and_a_doubtful_newcomer_marks_it() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        let mut doubtful = unit("", "One.", "Один.");
        doubtful.doubtful = true;
        a.offer(doubtful);
        a.offer(unit("", "Two.", "Два."));
        a.offer(en_kk("One.", "Бір."));
        let mut unsure = en_kk("Two.", "Екі.");
        unsure.doubtful = true;
        a.offer(unsure);
        assert!(m.units[0].doubtful && m.units[1].doubtful);
        assert_eq!(m.units[0].kk.as_deref(), Some("Бір."));
    }

    #[test]
    fn a_kept_id_of_a_completing_unit_is_not_used() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer_keeping(unit("aaaaaaaaaaaa", "One.", "Один."));
        let mut u = en_kk("One.", "Бір.");
        u.id = "bbbbbbbbbbbb".into();
        assert_eq!(a.offer_keeping(u), Offered::Completed);
        assert_eq!(a.find_id("bbbbbbbbbbbb"), None);
        assert_eq!(m.units[0].id, "aaaaaaaaaaaa");
    }

    fn of(mut u: Unit, release: &str, position: usize) -> Unit {
        u.release = Some(release.into());
        u.position = Some(position);
        u
    }

    #[test]
    fn a_release_completes_its_own_unit_not_another_releases() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(of(unit("", "Rain fell.", "Шёл дождь."), "north", 1));
        assert_eq!(
            a.offer(of(unit("", "Rain fell.", "Прошёл дождь."), "south", 2)),
            Offered::Alternative
        );
        // The south's Kazakh first, then the north's: each its own unit.
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауды."), "south", 2)),
            Offered::Completed
        );
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауған."), "north", 1)),
            Offered::Completed
        );
        let r = a.report();
        assert_eq!((r.added, r.alternatives, r.completed), (2, 1, 2));
        assert_eq!(m.units.len(), 2);
        assert_eq!(m.units[0].kk.as_deref(), Some("Жаңбыр жауған."));
        assert_eq!(m.units[1].kk.as_deref(), Some("Жаңбыр жауды."));
    }

    #[test]
    fn a_release_completes_its_unit_at_another_position() {
        // An en–kk alignment may number the release's units otherwise.
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(of(unit("", "Rain fell.", "Шёл дождь."), "north", 1));
        a.offer(of(unit("", "Rain fell.", "Прошёл дождь."), "south", 2));
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауды."), "south", 5)),
            Offered::Completed
        );
        assert_eq!(m.units[0].kk, None);
        assert_eq!(m.units[1].kk.as_deref(), Some("Жаңбыр жауды."));
    }

    #[test]
    fn a_repeated_sentence_completes_each_unit_of_the_release() {
        // The release says it twice, with two Russian texts and one Kazakh.
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(of(unit("", "See the site.", "См. сайт."), "tax", 2));
        a.offer(of(unit("", "Snow fell.", "Выпал снег."), "tax", 3));
        a.offer(of(unit("", "See the site.", "Смотрите сайт."), "tax", 4));
        for position in [2, 4] {
            assert_eq!(
                a.offer(of(
                    en_kk("See the site.", "Сайтты қараңыз."),
                    "tax",
                    position
                )),
                Offered::Completed,
                "{position}"
            );
        }
        assert_eq!(a.report().completed, 2);
        assert_eq!(m.units[0].kk.as_deref(), Some("Сайтты қараңыз."));
        assert_eq!(m.units[2].kk.as_deref(), Some("Сайтты қараңыз."));
        // Again, at those positions or others: nothing to do.
        let mut a = m.adder(Lang::En);
        for position in [2, 4, 7] {
            assert_eq!(
                a.offer(of(
                    en_kk("See the site.", "Сайтты қараңыз."),
                    "tax",
                    position
                )),
                Offered::Duplicate
            );
        }
        assert_eq!(
            a.offer(of(
                tri("See the site.", "Смотрите сайт.", "Сайтты қараңыз."),
                "tax",
                4
            )),
            Offered::Duplicate
        );
    }

    #[test]
    fn another_releases_unit_is_completed_only_when_the_release_has_none() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(of(unit("", "Rain fell.", "Шёл дождь."), "north", 1));
        // The south has no unit of it (its en–ru was the north's texts).
        assert_eq!(
            a.offer(of(unit("", "Rain fell.", "Шёл дождь."), "south", 2)),
            Offered::Duplicate
        );
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауды."), "south", 2)),
            Offered::Completed
        );
        assert_eq!(m.units.len(), 1);
        assert_eq!(m.units[0].kk.as_deref(), Some("Жаңбыр жауды."));
    }

    #[test]
    fn another_releases_same_texts_do_not_hide_the_releases_own_unit() {
        let mut m = Memory::default();
        let mut a = m.adder(Lang::En);
        a.offer(of(
            tri("Rain fell.", "Шёл дождь.", "Жаңбыр жауды."),
            "north",
            1,
        ));
        a.offer(of(unit("", "Rain fell.", "Прошёл дождь."), "south", 2));
        // The north has this Kazakh already; the south's unit lacks it.
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауды."), "south", 2)),
            Offered::Completed
        );
        assert_eq!(m.units[1].kk.as_deref(), Some("Жаңбыр жауды."));
        // An en–kk unit stored as it is, met by another release's same
        // texts, while that release's own unit lacks the Kazakh.
        let mut m = Memory::default();
        m.units.push(of(
            unit("eeeeeeeeeeee", "Rain fell.", "Шёл дождь."),
            "north",
            1,
        ));
        let mut lone = of(en_kk("Rain fell.", "Жаңбыр жауды."), "west", 0);
        lone.id = "ffffffffffff".into();
        m.units.push(lone);
        let mut a = m.adder(Lang::En);
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауды."), "north", 1)),
            Offered::Completed
        );
        assert_eq!(
            a.offer(of(en_kk("Rain fell.", "Жаңбыр жауды."), "east", 0)),
            Offered::Duplicate
        );
        assert_eq!(m.units.len(), 2);
        assert_eq!(m.units[0].kk.as_deref(), Some("Жаңбыр жауды."));
    }
}
