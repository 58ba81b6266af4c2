//! An inverted index of word prefixes for `tm concord`, for a process that
//! keeps a memory loaded and searches it many times.
//!
//! Every word of every text is filed under its first three letters (a word
//! shorter than that under itself) and, when it has five or more, also
//! under its first five, with the list of texts that have such a word, in
//! result order (newest first). A phrase word's stem has at least three
//! letters (or is a short word matched exactly), so every text where it can
//! match is on the list of its first three letters — or of its first five,
//! when the stem is that long, a far shorter list: the index loses no hit.
//! The search walks the shortest list among the phrase's words, rejects a
//! text with a substring test of that word's stem, checks the rest word by
//! word, and stops after `top` hits.
//!
//! [`super::Scan`] needs no index and is fast enough for one-off
//! searches; the index makes a search on a million units take a
//! millisecond or so instead of tens (see `benches/concord.rs`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::lang::Lang;

use super::phrase::Phrase;
use super::rules::PhraseWord;
use super::{ConcordError, Concordance, Scan};
use crate::memory::Memory;
use crate::text::is_word_char;

/// How many letters of a word its short index key holds.
const KEY_CHARS: usize = 3;
/// How many letters of a word its long index key holds.
const LONG_KEY_CHARS: usize = 5;
/// Set in long keys, which are hashes, so that they never equal a short one.
const LONG: u64 = 1 << 63;

/// The index of one language of a memory.
#[derive(Debug, Clone)]
pub struct ConcordIndex {
    scan: Scan,
    /// Every key, sorted.
    keys: Vec<u64>,
    /// Key `keys[i]`'s texts are `ranks[off[i]..off[i + 1]]`.
    off: Vec<u32>,
    /// Ranks of texts (0 = newest), ascending per key.
    ranks: Vec<u32>,
}

/// The key of a word (or stem): its first three letters packed into 63
/// bits. Letters are never NUL, so a shorter word's key differs from every
/// longer word's.
fn key(word: &str) -> u64 {
    word.chars()
        .take(KEY_CHARS)
        .fold(0u64, |k, c| (k << 21) | u64::from(c))
}

/// The key under which every text word a phrase word matches is filed;
/// `None` for a stem shorter than a key that is not matched exactly, which
/// may start words filed under several keys.
pub(crate) fn index_key(w: &PhraseWord) -> Option<u64> {
    if !w.exact && w.stem_chars >= LONG_KEY_CHARS {
        Some(long_key(&w.stem))
    } else if w.exact || w.stem_chars >= KEY_CHARS {
        Some(key(&w.stem))
    } else {
        None
    }
}

/// The long key of a word of at least five letters: a hash of them, with
/// [`LONG`] set. Two prefixes may share a hash; that only adds candidates
/// that the check then rejects.
fn long_key(word: &str) -> u64 {
    word.chars().take(LONG_KEY_CHARS).fold(0u64, mix) | LONG
}

/// One step of the long key's hash.
fn mix(h: u64, c: char) -> u64 {
    (h.rotate_left(21) ^ u64::from(c)).wrapping_mul(0x9E3779B97F4A7C15)
}

impl ConcordIndex {
    /// Folds, orders and indexes the texts in `lang` of `memory`.
    pub fn new(memory: &Memory, lang: Lang) -> ConcordIndex {
        let scan = Scan::new(memory, lang);
        let mut postings: HashMap<u64, Vec<u32>, BuildHasherDefault<KeyHasher>> =
            HashMap::default();
        for rank in 0..scan.len() {
            let r = u32::try_from(rank).unwrap_or(u32::MAX);
            let mut file = |k: u64| {
                let list = postings.entry(k).or_default();
                if list.last() != Some(&r) {
                    list.push(r);
                }
            };
            // One pass over the characters, building each word's keys as it
            // goes (the same keys [`key`] and [`long_key`] compute).
            let (mut k, mut h, mut len) = (0u64, 0u64, 0usize);
            for c in scan.folded(rank).chars().chain(std::iter::once(' ')) {
                if is_word_char(c) {
                    if len < KEY_CHARS {
                        k = (k << 21) | u64::from(c);
                    }
                    if len < LONG_KEY_CHARS {
                        h = mix(h, c);
                    }
                    len += 1;
                } else if len > 0 {
                    file(k);
                    if len >= LONG_KEY_CHARS {
                        file(h | LONG);
                    }
                    (k, h, len) = (0, 0, 0);
                }
            }
        }
        // Frozen into sorted arrays: as fast to search, and stored as they
        // are in the derived file (see [`super::cache`]).
        let mut entries: Vec<(u64, Vec<u32>)> = postings.into_iter().collect();
        entries.sort_unstable_by_key(|e| e.0);
        let mut keys = Vec::with_capacity(entries.len());
        let mut off = Vec::with_capacity(entries.len() + 1);
        let mut ranks = Vec::with_capacity(entries.iter().map(|e| e.1.len()).sum());
        off.push(0);
        for (k, list) in entries {
            keys.push(k);
            ranks.extend_from_slice(&list);
            off.push(u32::try_from(ranks.len()).unwrap_or(u32::MAX));
        }
        ConcordIndex {
            scan,
            keys,
            off,
            ranks,
        }
    }

    /// The texts filed under key `k`, newest first.
    fn postings(&self, k: u64) -> &[u32] {
        match self.keys.binary_search(&k) {
            Ok(i) => &self.ranks[self.off[i] as usize..self.off[i + 1] as usize],
            Err(_) => &[],
        }
    }

    /// The scan the index is over.
    pub(crate) fn scan(&self) -> &Scan {
        &self.scan
    }

    /// The stored parts: keys, offsets, ranks.
    pub(crate) fn parts(&self) -> (&[u64], &[u32], &[u32]) {
        (&self.keys, &self.off, &self.ranks)
    }

    /// The language this index searches.
    pub fn lang(&self) -> Lang {
        self.scan.lang()
    }

    /// Searches the index; `memory` must be the one it was built from. The
    /// result is the same as [`Scan::search`]'s.
    pub fn search(
        &self,
        memory: &Memory,
        phrase: &str,
        top: usize,
    ) -> Result<Concordance, ConcordError> {
        let phrase = Phrase::new(phrase, self.lang())?;
        let (ranks, more) = self.ranks(&phrase, top);
        Ok(Concordance {
            lang: self.lang(),
            hits: ranks
                .into_iter()
                .map(|r| self.scan.hit(memory, r, &phrase))
                .collect(),
            more,
        })
    }

    /// The ranks (0 = newest) of the first `top` texts holding `phrase`,
    /// and whether there are more: the same as [`Scan`] finds.
    pub(crate) fn ranks(&self, phrase: &Phrase, top: usize) -> (Vec<usize>, bool) {
        let Some((anchor, list)) = phrase
            .words
            .iter()
            .filter_map(|w| Some((w, self.postings(index_key(w)?))))
            .min_by_key(|(_, list)| list.len())
        else {
            return self.scan.ranks(phrase, top);
        };
        let finder = memchr::memmem::Finder::new(anchor.stem.as_bytes());
        let mut hits = Vec::new();
        let mut more = false;
        let mut spans = Vec::new();
        for &rank in list {
            let rank = rank as usize;
            if finder.find(self.scan.folded(rank).as_bytes()).is_none() {
                continue;
            }
            if self.scan.matches(rank, phrase, &mut spans) {
                if hits.len() == top {
                    more = true;
                    break;
                }
                hits.push(rank);
            }
        }
        (hits, more)
    }
}

/// A hasher for the packed keys, which are already well spread: one
/// multiply instead of SipHash's rounds.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E3779B97F4A7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0x9E3779B97F4A7C15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::concord::concord;
    use crate::memory::Unit;

    fn memory() -> Memory {
        let texts = [
            "Форум прошёл в Астане.",
            "Гости Астаны и гости столицы.",
            "Посёлок Астанайский не столица.",
            "На форуме в Алматы.",
            "Астана, Астана и снова столица на карте.",
            "Столичный и столицы: не одно и то же.",
        ];
        let units = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut u = Unit::new(
                    format!("u{i}"),
                    &format!("2026-0{}-01T00:00:00Z", 1 + i % 3),
                );
                u.ru = Some(t.to_string());
                u.position = Some(i);
                u
            })
            .collect();
        Memory { units }
    }

    #[test]
    fn index_finds_what_the_scan_finds() {
        let m = memory();
        let index = ConcordIndex::new(&m, Lang::Ru);
        for phrase in [
            "астана",
            "столица",
            "гости столицы",
            "на",
            "в",
            "форум",
            "алматы",
            "нет",
            "то же",
            "астанайский",
            "посёлок",
            "и снова",
        ] {
            for top in [0, 1, 2, 20] {
                assert_eq!(
                    index.search(&m, phrase, top).unwrap(),
                    concord(&m, phrase, Lang::Ru, top).unwrap(),
                    "{phrase} top {top}"
                );
            }
        }
    }

    #[test]
    fn short_words_have_their_own_keys() {
        assert_ne!(key("на"), key("нас"));
        assert_eq!(key("астана"), key("аст"));
        assert_eq!(long_key("астана"), long_key("астан"));
        assert_ne!(long_key("астана"), key("астана"));
    }
}
