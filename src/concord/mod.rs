//! Concordance search: the units whose text in one language contains a
//! phrase as whole words, newest first, with where the phrase is.
//!
//! Which words match is decided in [`rules`] and [`phrase`]. This module
//! finds them with a linear scan: [`concord`] for one search, [`Scan`] for
//! many over a prepared copy of the texts — every text of the language folded to lower case once, laid end
//! to end in one buffer in result order (newest first). A phrase is looked
//! up by a SIMD substring search for the stem of its longest word; only the
//! units where that stem starts a word are checked word by word, and the
//! scan stops as soon as `top` units (plus one, to know whether there are
//! more) have matched.
//!
//! Around it: [`index`] (an inverted index of word prefixes for a process
//! that searches many times), [`cache`] and [`store`] (that index kept in a
//! file beside the memory), [`align`] (where the phrase is in a unit's other
//! languages). The memory itself is [`crate::memory`]'s: this module only
//! reads it.

pub mod align;
pub mod cache;
pub mod error;
pub mod index;
pub mod phrase;
pub mod rules;
pub mod store;

use crate::lang::Lang;
use crate::memory::Memory;

use crate::text::{is_word_char, push_folded};
pub use error::ConcordError;
use phrase::Phrase;

/// One unit that contains the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The unit's index in `memory.units`.
    pub index: usize,
    /// Byte ranges of each occurrence of the phrase in the unit's text in
    /// the searched language (first word's start to last word's end).
    pub spans: Vec<(usize, usize)>,
}

/// The result of a concordance search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concordance {
    /// The language searched.
    pub lang: Lang,
    /// The matching units, newest first, at most `top`.
    pub hits: Vec<Hit>,
    /// Whether more units match than were returned.
    pub more: bool,
}

/// The texts of one language of a memory, folded and ordered for searching.
/// Build once per loaded memory, search many times.
#[derive(Debug, Clone)]
pub struct Scan {
    lang: Lang,
    /// Folded texts, each followed by `\n`, newest unit first.
    text: String,
    /// Where each text starts in `text`; one more entry for the end.
    starts: Vec<usize>,
    /// The index in `memory.units` of each text.
    units: Vec<usize>,
}

/// The units of `memory` whose text in `lang` contains `phrase`, newest
/// first (by `changed`, then position in the release), at most `top`.
///
/// A one-off search, as `tm concord` makes: each text is folded into one
/// reused buffer and rejected unless it contains the stem of the phrase's
/// longest word; only the hits are sorted. To search a loaded memory many
/// times, build a [`Scan`] (or a [`index::ConcordIndex`])
/// once instead.
pub fn concord(
    memory: &Memory,
    phrase: &str,
    lang: Lang,
    top: usize,
) -> Result<Concordance, ConcordError> {
    let phrase = Phrase::new(phrase, lang)?;
    let finder = memchr::memmem::Finder::new(phrase.anchor().stem.as_bytes());
    let (mut folded, mut spans) = (String::new(), Vec::new());
    let mut found: Vec<usize> = Vec::new();
    for (i, u) in memory.units.iter().enumerate() {
        let Some(text) = u.text(lang) else { continue };
        folded.clear();
        text.chars().for_each(|c| push_folded(c, &mut folded));
        if finder.find(folded.as_bytes()).is_some() && phrase.matches_folded(&folded, &mut spans) {
            found.push(i);
        }
    }
    found.sort_by(|&a, &b| newest_first(memory, a, b));
    let more = found.len() > top;
    found.truncate(top);
    let hits = found
        .into_iter()
        .map(|index| Hit {
            index,
            spans: phrase.locate(memory.units[index].text(lang).unwrap_or("")),
        })
        .collect();
    Ok(Concordance { lang, hits, more })
}

/// The order of results: latest `changed` first, then position in the
/// release, then stored order.
fn newest_first(memory: &Memory, a: usize, b: usize) -> std::cmp::Ordering {
    let (ua, ub) = (&memory.units[a], &memory.units[b]);
    ub.changed
        .cmp(&ua.changed)
        .then(ua.position.cmp(&ub.position))
        .then(a.cmp(&b))
}

/// Appends `text` folded as a scan holds it: a line break inside a text
/// must not look like the separator between texts, so it becomes a space.
pub(crate) fn fold_line(text: &str, out: &mut String) {
    for c in text.chars() {
        if c == '\n' {
            out.push(' ');
        } else {
            push_folded(c, out);
        }
    }
}

impl Scan {
    /// Folds and orders the texts in `lang` of `memory`.
    pub fn new(memory: &Memory, lang: Lang) -> Scan {
        let mut units: Vec<usize> = (0..memory.units.len())
            .filter(|&i| memory.units[i].text(lang).is_some())
            .collect();
        units.sort_by(|&a, &b| newest_first(memory, a, b));
        let bytes: usize = units
            .iter()
            .map(|&i| memory.units[i].text(lang).map_or(0, str::len) + 1)
            .sum();
        let mut text = String::with_capacity(bytes + bytes / 16);
        let mut starts = Vec::with_capacity(units.len() + 1);
        for &i in &units {
            starts.push(text.len());
            fold_line(memory.units[i].text(lang).unwrap_or(""), &mut text);
            text.push('\n');
        }
        starts.push(text.len());
        Scan {
            lang,
            text,
            starts,
            units,
        }
    }

    /// The language this scan searches.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Searches the prepared texts; `memory` must be the one the scan was
    /// built from (its original texts give the highlighted spans).
    pub fn search(
        &self,
        memory: &Memory,
        phrase: &str,
        top: usize,
    ) -> Result<Concordance, ConcordError> {
        let phrase = Phrase::new(phrase, self.lang)?;
        let (ranks, more) = self.ranks(&phrase, top);
        Ok(Concordance {
            lang: self.lang,
            hits: ranks
                .into_iter()
                .map(|r| self.hit(memory, r, &phrase))
                .collect(),
            more,
        })
    }

    /// The ranks (0 = newest) of the first `top` texts holding `phrase`,
    /// and whether there are more.
    pub(crate) fn ranks(&self, phrase: &Phrase, top: usize) -> (Vec<usize>, bool) {
        let anchor = phrase.anchor().stem.as_bytes();
        let finder = memchr::memmem::Finder::new(anchor);
        let hay = self.text.as_bytes();
        let mut hits = Vec::new();
        let mut more = false;
        let mut spans = Vec::new();
        let mut pos = 0;
        while let Some(off) = finder.find(&hay[pos..]) {
            let at = pos + off;
            if self.text[..at]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
            {
                // The stem sits inside a word: not a whole-word hit here,
                // but the same text may hold one further on.
                pos = at + 1;
                while !self.text.is_char_boundary(pos) {
                    pos += 1;
                }
                continue;
            }
            let rank = self.starts.partition_point(|&s| s <= at) - 1;
            if self.matches(rank, phrase, &mut spans) {
                if hits.len() == top {
                    more = true;
                    break;
                }
                hits.push(rank);
            }
            let end = self.starts[rank + 1] - 1;
            pos = end + 1;
        }
        (hits, more)
    }

    /// The prepared parts, for storing them: the folded texts, where each
    /// starts (and the end), the unit index of each.
    pub(crate) fn parts(&self) -> (&str, &[usize], &[usize]) {
        (&self.text, &self.starts, &self.units)
    }

    /// A scan from parts stored by [`Scan::parts`]; `None` unless they fit
    /// together (every text ends with `\n` at a character boundary), so
    /// that a damaged file cannot make a search panic.
    pub(crate) fn from_parts(
        lang: Lang,
        text: String,
        starts: Vec<usize>,
        units: Vec<usize>,
    ) -> Option<Scan> {
        let ok = starts.first() == Some(&0)
            && starts.last() == Some(&text.len())
            && starts.len() == units.len() + 1
            && starts.windows(2).all(|w| {
                w[0] < w[1]
                    && w[1] <= text.len()
                    && text.as_bytes()[w[1] - 1] == b'\n'
                    && text.is_char_boundary(w[1])
            });
        ok.then_some(Scan {
            lang,
            text,
            starts,
            units,
        })
    }
}

impl Scan {
    /// How many texts the scan holds.
    pub(crate) fn len(&self) -> usize {
        self.units.len()
    }

    /// The folded text of rank `rank` (0 = newest).
    pub(crate) fn folded(&self, rank: usize) -> &str {
        &self.text[self.starts[rank]..self.starts[rank + 1] - 1]
    }

    /// Whether the text of rank `rank` holds the phrase; `spans` is scratch
    /// space, reused between calls to save allocations.
    pub(crate) fn matches(
        &self,
        rank: usize,
        phrase: &Phrase,
        spans: &mut Vec<(usize, usize)>,
    ) -> bool {
        phrase.matches_folded(self.folded(rank), spans)
    }

    /// The hit for rank `rank`, with spans in the original text.
    pub(crate) fn hit(&self, memory: &Memory, rank: usize, phrase: &Phrase) -> Hit {
        let index = self.units[rank];
        let original = memory.units[index].text(self.lang).unwrap_or("");
        Hit {
            index,
            spans: phrase.locate(original),
        }
    }
}

/// `text` with each span wrapped in `open` … `close` (brackets, or colour
/// escapes on a terminal).
pub fn mark(text: &str, spans: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * (open.len() + close.len()));
    let mut last = 0;
    for &(s, e) in spans {
        if s < last || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[last..s]);
        out.push_str(open);
        out.push_str(&text[s..e]);
        out.push_str(close);
        last = e;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::Unit;

    fn unit(id: &str, changed: &str, position: usize, ru: &str) -> Unit {
        let mut u = Unit::new(id.into(), changed);
        u.ru = Some(ru.into());
        u.en = Some(format!("English {id}."));
        u.position = Some(position);
        u
    }

    fn memory() -> Memory {
        Memory {
            units: vec![
                unit("old", "2026-01-01T00:00:00Z", 0, "Форум прошёл в Астане."),
                unit(
                    "new1",
                    "2026-05-01T00:00:00Z",
                    1,
                    "Гости Астаны и гости столицы.",
                ),
                unit(
                    "new0",
                    "2026-05-01T00:00:00Z",
                    0,
                    "Посёлок Астанайский не столица.",
                ),
                unit("none", "2026-06-01T00:00:00Z", 0, "Форум в Алматы."),
            ],
        }
    }

    fn ids(m: &Memory, c: &Concordance) -> Vec<String> {
        c.hits.iter().map(|h| m.units[h.index].id.clone()).collect()
    }

    #[test]
    fn newest_first_then_position() {
        let m = memory();
        let c = concord(&m, "астана", Lang::Ru, 20).unwrap();
        assert_eq!(ids(&m, &c), ["new1", "old"]);
        assert!(!c.more);
        let c = concord(&m, "форум", Lang::Ru, 1).unwrap();
        assert_eq!(ids(&m, &c), ["none"]);
        assert!(c.more);
    }

    #[test]
    fn phrases_and_spans() {
        let m = memory();
        let c = concord(&m, "гости", Lang::Ru, 20).unwrap();
        let text = m.units[c.hits[0].index].ru.as_deref().unwrap();
        assert_eq!(
            mark(text, &c.hits[0].spans, "[", "]"),
            "[Гости] Астаны и [гости] столицы."
        );
        let c = concord(&m, "прошел в Астану", Lang::Ru, 20).unwrap();
        assert_eq!(ids(&m, &c), ["old"]);
        let text = m.units[c.hits[0].index].ru.as_deref().unwrap();
        assert_eq!(
            mark(text, &c.hits[0].spans, "[", "]"),
            "Форум [прошёл в Астане]."
        );
    }

    #[test]
    fn stem_inside_a_word_is_no_hit() {
        let m = memory();
        let c = concord(&m, "рум", Lang::Ru, 20).unwrap();
        assert!(c.hits.is_empty());
        // The first occurrence is inside a word, the second starts one.
        let m = Memory {
            units: vec![unit("x", "2026-01-01T00:00:00Z", 0, "Пастора пастор.")],
        };
        assert_eq!(concord(&m, "астор", Lang::Ru, 5).unwrap().hits.len(), 0);
        assert_eq!(
            concord(&m, "пастор", Lang::Ru, 5).unwrap().hits[0]
                .spans
                .len(),
            2
        );
    }

    #[test]
    fn prepared_scan_agrees_with_one_off_search() {
        let mut m = memory();
        m.units.push(unit(
            "dup",
            "2026-05-01T00:00:00Z",
            0,
            "Астана, Астана: столица на Ишиме.",
        ));
        let scan = Scan::new(&m, Lang::Ru);
        for phrase in [
            "астана",
            "столица",
            "гости столицы",
            "на",
            "форум",
            "алматы",
            "нет",
        ] {
            for top in [0, 1, 2, 20] {
                assert_eq!(
                    scan.search(&m, phrase, top).unwrap(),
                    concord(&m, phrase, Lang::Ru, top).unwrap(),
                    "{phrase} top {top}"
                );
            }
        }
    }

    #[test]
    fn empty_phrase_is_an_error() {
        let m = memory();
        assert_eq!(
            concord(&m, " ,. ", Lang::Ru, 5),
            Err(ConcordError::EmptyPhrase)
        );
    }
}
