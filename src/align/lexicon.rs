//! A translation lexicon learned from the memory itself: which English,
//! Russian and Kazakh stems translate each other, found from the memory's
//! own confident units by how often they occur in the same unit (the Dice
//! coefficient over co-occurrence, as hunalign bootstraps its dictionary,
//! but from a memory that grows with every release).
//!
//! Words are cut and stemmed by tm's one tokeniser
//! ([`crate::text`]); numbers, month names and scales are left out
//! (the number anchors cover them), and so are very frequent stems (function
//! words) and very rare ones. The aligner uses the pairs as anchors beside
//! numbers and names ([`super::anchors`]). An empty lexicon changes nothing.
//! [`super::lexicon_file`] keeps it in a derived file beside the memory.

use std::collections::HashMap;

use crate::lang::Lang;
use crate::memory::Unit;
use crate::text::words;

/// A unit aligned by tm counts when its confidence is at least this (and it
/// is not doubtful); units tm did not align (imported) count unless doubtful.
pub const MIN_CONFIDENCE: f64 = 0.8;

/// A pair is kept when the two stems share at least this many units...
pub const MIN_COOCCURRENCE: u32 = 2;

/// ...and their Dice coefficient (2 × shared / (units of a + units of b)) is
/// at least this.
pub const MIN_DICE: f64 = 0.4;

/// Stems in more than this share of the units are function words (or so
/// common that they tell no sentence from another) and left out...
pub const MAX_SHARE: f64 = 0.05;

/// ...unless they are in at most this many units (a small memory).
pub const SHARE_FLOOR: u32 = 10;

/// Stems shorter than this (in letters) are left out: particles and
/// prepositions.
pub const MIN_STEM: usize = 3;

/// The settings above as text, part of the derived file's stamp: another
/// setting means another lexicon.
pub const SETTINGS: &str =
    "dice 1: conf 0.8, co 2, dice 0.4, share 0.05 floor 10, stem 3, best either side";

/// The language pairs the lexicon holds, in this order.
pub const PAIRS: [(Lang, Lang); 3] = [
    (Lang::En, Lang::Ru),
    (Lang::En, Lang::Kk),
    (Lang::Ru, Lang::Kk),
];

/// The pairs learned for one language pair, with lookups: all in a few
/// flat arrays over one string, so that a lexicon of 160,000 pairs is read
/// from its file without an allocation per stem (at a million units that
/// was half of what a `tm add` cost).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The stems of every pair, first then second, one after another.
    text: String,
    /// Per pair, sorted by first stem then second, each once: where its
    /// first stem starts in `text`, where its second starts (the first's
    /// end), and where that ends.
    pairs: Vec<[u32; 3]>,
    /// Per pair, the concept of its first stem: the distinct first stems
    /// numbered in order.
    concept: Vec<u32>,
    /// The pairs' indices sorted by second stem, then first.
    by_second: Vec<u32>,
}

impl Table {
    fn new(mut pairs: Vec<(String, String)>) -> Table {
        pairs.sort();
        pairs.dedup();
        let mut t = Table::default();
        for (a, b) in &pairs {
            t.push(a, b);
        }
        let mut by_second: Vec<u32> = (0..t.pairs.len() as u32).collect();
        by_second.sort_by(|&x, &y| (t.second(x), t.first(x)).cmp(&(t.second(y), t.first(y))));
        t.by_second = by_second;
        t
    }

    /// Adds a pair after those there (in order).
    fn push(&mut self, a: &str, b: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(a);
        let mid = self.text.len() as u32;
        self.text.push_str(b);
        let end = self.text.len() as u32;
        self.push_offsets([start, mid, end]);
    }

    /// Adds the pair at `offsets` of `text` after those there (in order),
    /// with the concept of its first stem: the last pair's when the first
    /// stem is the same, the next one otherwise.
    fn push_offsets(&mut self, offsets: [u32; 3]) {
        let [s, m, _] = offsets;
        let concept = match self.pairs.len() {
            0 => 0,
            n if self.first(n as u32 - 1) == &self.text[s as usize..m as usize] => {
                self.concept[n - 1]
            }
            n => self.concept[n - 1] + 1,
        };
        self.pairs.push(offsets);
        self.concept.push(concept);
    }

    fn first(&self, i: u32) -> &str {
        let [s, m, _] = self.pairs[i as usize];
        &self.text[s as usize..m as usize]
    }

    fn second(&self, i: u32) -> &str {
        let [_, m, e] = self.pairs[i as usize];
        &self.text[m as usize..e as usize]
    }

    /// The concept of the first-language stem `key`, if it has pairs.
    fn first_concept(&self, key: &str) -> Option<u32> {
        let at = self
            .pairs
            .partition_point(|&[s, m, _]| &self.text[s as usize..m as usize] < key);
        (at < self.pairs.len() && self.first(at as u32) == key).then(|| self.concept[at])
    }

    /// The concepts of the stem `key` into `out`: of the first language,
    /// or of the second when `second`.
    fn word_concepts(&self, key: &str, second: bool, out: &mut Vec<u32>) {
        if second {
            self.second_concepts(key, out);
        } else if let Some(id) = self.first_concept(key) {
            out.push(id);
        }
    }

    /// Whether the stem `key` (of the second language when `second`) has
    /// any pair: [`Table::word_concepts`] without collecting them.
    fn has_word(&self, key: &str, second: bool) -> bool {
        if second {
            let at = self.by_second.partition_point(|&i| self.second(i) < key);
            self.by_second
                .get(at)
                .is_some_and(|&i| self.second(i) == key)
        } else {
            self.first_concept(key).is_some()
        }
    }

    /// The concepts of the translations of the second-language stem `key`.
    fn second_concepts(&self, key: &str, out: &mut Vec<u32>) {
        let at = self.by_second.partition_point(|&i| self.second(i) < key);
        for &i in self.by_second[at..].iter() {
            if self.second(i) != key {
                break;
            }
            out.push(self.concept[i as usize]);
        }
    }

    /// The table as stored: its text, pairs' offsets, and the order by
    /// second stem ([`Table::from_parts`] takes them back).
    pub fn parts(&self) -> (&str, &[[u32; 3]], &[u32]) {
        (&self.text, &self.pairs, &self.by_second)
    }

    /// A table from what [`Table::parts`] gave, checked to be one: offsets
    /// within the text on character boundaries, pairs in order and
    /// distinct, the second order a sorted permutation. `None` otherwise.
    pub fn from_parts(text: String, offsets: Vec<[u32; 3]>, by_second: Vec<u32>) -> Option<Table> {
        let mut t = Table {
            text,
            ..Table::default()
        };
        let mut end = 0u32;
        for &[s, m, e] in &offsets {
            let ok = s == end
                && s <= m
                && m <= e
                && (e as usize) <= t.text.len()
                && [s, m, e]
                    .iter()
                    .all(|&x| t.text.is_char_boundary(x as usize));
            if !ok {
                return None;
            }
            end = e;
            let n = t.pairs.len();
            let (a, b) = (
                &t.text[s as usize..m as usize],
                &t.text[m as usize..e as usize],
            );
            if n > 0 && (t.first(n as u32 - 1), t.second(n as u32 - 1)) >= (a, b) {
                return None;
            }
            t.push_offsets([s, m, e]);
        }
        if end as usize != t.text.len() || by_second.len() != t.pairs.len() {
            return None;
        }
        let mut seen = vec![false; by_second.len()];
        for (k, &i) in by_second.iter().enumerate() {
            if std::mem::replace(seen.get_mut(i as usize)?, true) {
                return None;
            }
            if k > 0 {
                let p = by_second[k - 1];
                if (t.second(p), t.first(p)) >= (t.second(i), t.first(i)) {
                    return None;
                }
            }
        }
        t.by_second = by_second;
        Some(t)
    }
}

/// A translation lexicon between stems of English, Russian and Kazakh.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    tables: [Table; 3],
}

impl Lexicon {
    /// The lexicon that knows nothing: the aligner works as without one.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// A lexicon of these pairs of stems: `(first language, second
    /// language, stem, stem)`, for a pair of [`PAIRS`] in either order.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (Lang, Lang, &'a str, &'a str)>,
    ) -> Lexicon {
        let mut lists: [Vec<(String, String)>; 3] = Default::default();
        for (x, y, a, b) in pairs {
            if let Some((p, flipped)) = pair_index(x, y) {
                let (a, b) = if flipped { (b, a) } else { (a, b) };
                lists[p].push((a.to_string(), b.to_string()));
            }
        }
        Lexicon {
            tables: lists.map(Table::new),
        }
    }

    /// The lexicon of three tables, one per pair of [`PAIRS`] in order.
    pub fn from_tables(tables: [Table; 3]) -> Lexicon {
        Lexicon { tables }
    }

    /// Its tables, one per pair of [`PAIRS`] in order.
    pub fn tables(&self) -> &[Table; 3] {
        &self.tables
    }

    /// Whether it knows no pair at all.
    pub fn is_empty(&self) -> bool {
        self.tables.iter().all(|t| t.pairs.is_empty())
    }

    /// How many pairs of stems it holds for each of [`PAIRS`].
    pub fn sizes(&self) -> [usize; 3] {
        [0, 1, 2].map(|p| self.tables[p].pairs.len())
    }

    /// The pairs of stems between `a` and `b` (stems of `a` first).
    pub fn pairs(&self, a: Lang, b: Lang) -> Vec<(&str, &str)> {
        let Some((p, flipped)) = pair_index(a, b) else {
            return Vec::new();
        };
        let t = &self.tables[p];
        (0..t.pairs.len() as u32)
            .map(|i| {
                if flipped {
                    (t.second(i), t.first(i))
                } else {
                    (t.first(i), t.second(i))
                }
            })
            .collect()
    }

    /// Whether `a` (a stem in `la`) and `b` (a stem in `lb`) are a pair.
    pub fn knows(&self, la: Lang, a: &str, lb: Lang, b: &str) -> bool {
        self.pairs(la, lb).contains(&(a, b))
    }

    /// The concepts (pair-specific ids) of the words of `text` in `lang`,
    /// when aligning `lang` with `other`: a source stem and its learned
    /// translations' stems share a concept. Sorted, each once.
    pub fn concepts(&self, text: &str, lang: Lang, other: Lang) -> Vec<u32> {
        let Some((p, flipped)) = pair_index(lang, other) else {
            return Vec::new();
        };
        let table = &self.tables[p];
        if table.pairs.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for w in words(text, lang) {
            if !w.number {
                table.word_concepts(&w.key, flipped, &mut out);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether it pairs the stem `key` in `lang` with any word of `other`:
    /// where it does, it knows the memory's own rendering of the word, and
    /// the hand-written seed ([`super::seed`]) steps aside for it.
    pub fn knows_word(&self, key: &str, lang: Lang, other: Lang) -> bool {
        let Some((p, flipped)) = pair_index(lang, other) else {
            return false;
        };
        self.tables[p].has_word(key, flipped)
    }

    /// Learns a lexicon from the confident units of a memory. Each
    /// language is cut into words on its own thread, and each pair counted
    /// on its own.
    pub fn learn<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Lexicon {
        let confident: Vec<&Unit> = units
            .into_iter()
            .filter(|u| !u.doubtful && u.confidence.is_none_or(|c| c >= MIN_CONFIDENCE))
            .filter(|u| Lang::ALL.iter().filter(|l| u.text(**l).is_some()).count() >= 2)
            .collect();
        let columns: [Column; 3] = std::thread::scope(|scope| {
            let handles = Lang::ALL.map(|lang| {
                let confident = &confident;
                scope.spawn(move || Column::new(confident, lang))
            });
            handles.map(|h| h.join().unwrap_or_default())
        });
        let tables = std::thread::scope(|scope| {
            let handles = PAIRS.map(|(x, y)| {
                let (cx, cy) = (&columns[x as usize], &columns[y as usize]);
                scope.spawn(move || {
                    let rows: Vec<(&[u32], &[u32])> = cx
                        .stems
                        .iter()
                        .zip(&cy.stems)
                        .filter_map(|(a, b)| Some((a.as_deref()?, b.as_deref()?)))
                        .collect();
                    let found = dice_pairs(&rows, cx.names.len(), cy.names.len());
                    Table::new(
                        found
                            .into_iter()
                            .map(|(a, b)| {
                                (cx.names[a as usize].clone(), cy.names[b as usize].clone())
                            })
                            .collect(),
                    )
                })
            });
            handles.map(|h| h.join().unwrap_or_default())
        });
        Lexicon { tables }
    }
}

/// The stems of one language of the units learned from.
#[derive(Debug, Default)]
struct Column {
    /// Each unit's stem ids, sorted, each once; `None` without a text.
    stems: Vec<Option<Vec<u32>>>,
    /// The stem of each id.
    names: Vec<String>,
}

impl Column {
    fn new(units: &[&Unit], lang: Lang) -> Column {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let stems = units
            .iter()
            .map(|u| {
                let mut ids: Vec<u32> = words(u.text(lang)?, lang)
                    .into_iter()
                    .filter(|w| !w.number && w.key.chars().count() >= MIN_STEM)
                    .map(|w| {
                        let next = vocab.len() as u32;
                        *vocab.entry(w.key).or_insert(next)
                    })
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                Some(ids)
            })
            .collect();
        let mut names = vec![String::new(); vocab.len()];
        for (s, i) in vocab {
            names[i as usize] = s;
        }
        Column { stems, names }
    }
}

/// Where the pair `a`–`b` is in [`PAIRS`], and whether it is the other way
/// round there.
fn pair_index(a: Lang, b: Lang) -> Option<(usize, bool)> {
    PAIRS.iter().enumerate().find_map(|(i, &(x, y))| {
        if (x, y) == (a, b) {
            Some((i, false))
        } else if (x, y) == (b, a) {
            Some((i, true))
        } else {
            None
        }
    })
}

/// The pairs of ids (first side, second side) whose co-occurrence over
/// `rows` (each a unit's sorted ids on the two sides) passes the thresholds
/// and is the best of at least one of its two stems. Counts one stem at a
/// time through its postings, so memory stays linear in the vocabulary.
fn dice_pairs(rows: &[(&[u32], &[u32])], nx: usize, ny: usize) -> Vec<(u32, u32)> {
    let n = rows.len();
    let max_df = ((n as f64 * MAX_SHARE) as u32).max(SHARE_FLOOR);
    let (mut dfx, mut dfy) = (vec![0u32; nx], vec![0u32; ny]);
    for (a, b) in rows {
        a.iter().for_each(|&i| dfx[i as usize] += 1);
        b.iter().for_each(|&i| dfy[i as usize] += 1);
    }
    let ok = |df: u32| (MIN_COOCCURRENCE..=max_df).contains(&df);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); nx];
    for (r, (a, _)) in rows.iter().enumerate() {
        for &i in a.iter() {
            if ok(dfx[i as usize]) {
                postings[i as usize].push(r as u32);
            }
        }
    }
    let mut count = vec![0u32; ny];
    let mut touched: Vec<u32> = Vec::new();
    let mut found: Vec<(u32, u32, f64)> = Vec::new();
    for (a, post) in postings.iter().enumerate() {
        if post.is_empty() {
            continue;
        }
        for &r in post {
            for &b in rows[r as usize].1 {
                if !ok(dfy[b as usize]) {
                    continue;
                }
                if count[b as usize] == 0 {
                    touched.push(b);
                }
                count[b as usize] += 1;
            }
        }
        for &b in &touched {
            let co = count[b as usize];
            count[b as usize] = 0;
            if co < MIN_COOCCURRENCE {
                continue;
            }
            let dice = 2.0 * f64::from(co) / f64::from(dfx[a] + dfy[b as usize]);
            if dice >= MIN_DICE {
                found.push((a as u32, b, dice));
            }
        }
        touched.clear();
    }
    let (mut best_x, mut best_y) = (vec![0f64; nx], vec![0f64; ny]);
    for &(a, b, d) in &found {
        best_x[a as usize] = best_x[a as usize].max(d);
        best_y[b as usize] = best_y[b as usize].max(d);
    }
    found
        .into_iter()
        .filter(|&(a, b, d)| d >= best_x[a as usize] || d >= best_y[b as usize])
        .map(|(a, b, _)| (a, b))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn unit(en: &str, ru: &str, kk: &str, confidence: Option<f64>) -> Unit {
        let mut u = Unit::new(String::new(), "2026-01-01T00:00:00Z");
        u.en = Some(en.into());
        u.ru = Some(ru.into());
        u.kk = Some(kk.into());
        u.confidence = confidence;
        u
    }

    /// A small memory of our own: a few words recur, each in its own
    /// contexts, among filler that changes from unit to unit.
    pub(crate) fn small_memory() -> Vec<Unit> {
        let rows = [
            (
                "The river flooded the village.",
                "Река затопила деревню.",
                "Өзен ауылды су басты.",
            ),
            (
                "Farmers planted wheat near the river.",
                "Фермеры посеяли пшеницу у реки.",
                "Фермерлер өзен жанына бидай екті.",
            ),
            (
                "The bridge over the river was repaired.",
                "Мост через реку отремонтировали.",
                "Өзен үстіндегі көпір жөнделді.",
            ),
            (
                "Wheat prices rose in spring.",
                "Цены на пшеницу выросли весной.",
                "Көктемде бидай бағасы өсті.",
            ),
            (
                "The village school got new computers.",
                "Сельская школа получила новые компьютеры.",
                "Ауыл мектебі жаңа компьютерлер алды.",
            ),
            (
                "Teachers of the school met the mayor.",
                "Учителя школы встретились с мэром.",
                "Мектеп мұғалімдері әкіммен кездесті.",
            ),
            (
                "The mayor opened the bridge.",
                "Мэр открыл мост.",
                "Әкім көпірді ашты.",
            ),
            (
                "Computers help teachers.",
                "Компьютеры помогают учителям.",
                "Компьютерлер мұғалімдерге көмектеседі.",
            ),
        ];
        rows.iter()
            .map(|(e, r, k)| unit(e, r, k, Some(0.95)))
            .collect()
    }

    fn key(text: &str, lang: Lang) -> String {
        words(text, lang).remove(0).key
    }

    #[test]
    fn learns_pairs_from_a_small_memory() {
        let lex = Lexicon::learn(&small_memory());
        let knows =
            |a: Lang, wa: &str, b: Lang, wb: &str| lex.knows(a, &key(wa, a), b, &key(wb, b));
        assert!(knows(Lang::En, "river", Lang::Ru, "реку"));
        assert!(knows(Lang::En, "wheat", Lang::Kk, "бидай"));
        assert!(knows(Lang::Ru, "школы", Lang::Kk, "мектебі"));
        assert!(knows(Lang::Kk, "мектебі", Lang::Ru, "школа"));
        assert!(knows(Lang::En, "computers", Lang::Ru, "компьютеры"));
        assert!(!knows(Lang::En, "river", Lang::Ru, "пшеницу"));
        // Seen once: no evidence.
        assert!(!knows(Lang::En, "spring", Lang::Ru, "весной"));
        // A river and its translation share a concept.
        let en = lex.concepts("By the river.", Lang::En, Lang::Kk);
        let kk = lex.concepts("Өзен бойында.", Lang::Kk, Lang::En);
        assert!(!en.is_empty() && en == kk, "{en:?} {kk:?}");
    }

    #[test]
    fn doubtful_and_unsure_units_teach_nothing() {
        let mut units = small_memory();
        for (i, u) in units.iter_mut().enumerate() {
            if i % 2 == 0 {
                u.doubtful = true;
            } else {
                u.confidence = Some(0.6);
            }
        }
        assert!(Lexicon::learn(&units).is_empty());
        // Imported units (no confidence) are translations people made.
        let mut units = small_memory();
        units.iter_mut().for_each(|u| u.confidence = None);
        assert!(!Lexicon::learn(&units).is_empty());
    }

    #[test]
    fn numbers_and_frequent_words_are_left_out() {
        let mut units = small_memory();
        for i in 0..30 {
            units.push(unit(
                &format!("The total is {i} and 2026."),
                &format!("Итого {i} и 2026."),
                &format!("Барлығы {i} және 2026."),
                Some(0.9),
            ));
        }
        let lex = Lexicon::learn(&units);
        let en: Vec<&str> = lex
            .pairs(Lang::En, Lang::Ru)
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert!(
            !en.contains(&"#") && !en.contains(&"the") && !en.contains(&"total"),
            "{en:?}"
        );
    }
}
