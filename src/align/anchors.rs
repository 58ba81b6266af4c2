//! Anchors: things that survive translation and so tie a sentence to its
//! translation whatever their lengths — numbers, names (Latin words in
//! Cyrillic text, transliterated capitalised words), international words
//! (tourism/туризм/туризм), question and exclamation marks, quotations.
//!
//! Each segment gets a short list of anchor ids; two anchors with the same id
//! on the two sides are the same thing. [`bead_cost`] scores a group of
//! segments against a group of translations by the anchors they share and
//! the ones left without a partner.

use std::collections::HashMap;

use strsim::jaro_winkler;

use super::lexicon::Lexicon;
use super::translit::skeleton;
use crate::lang::Lang;
use crate::text::word_spans;

/// What an anchor is; each kind has its own weight in [`WEIGHTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A run of digits (`2.5` gives `2` and `5`, so `2,5` matches it).
    Number = 0,
    /// A proper name or a Latin word, compared by skeleton.
    Name = 1,
    /// `?` or `!`.
    Mark = 2,
    /// The segment holds a quotation.
    Quote = 3,
    /// A number written as a word (`three`, `три`, `үш`), from `numbers.txt`.
    NumberWord = 4,
    /// A word and its translation in the lexicon learned from the memory
    /// ([`super::lexicon`]).
    Lexicon = 5,
    /// A long lower-case word and its loan in the other language, compared
    /// by skeleton as names are: the international vocabulary Russian and
    /// Kazakh share with English (process/процесс/процесті).
    Cognate = 6,
}

/// One anchor of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Anchor {
    /// Same id on both sides = the same anchor.
    pub id: u32,
    /// What it is.
    pub kind: Kind,
}

/// Weight of an anchor kind, in nats (the units of the length cost): a
/// shared anchor lowers a bead's cost by `hit`, an anchor without a partner
/// on the other side raises it by `miss`. Names have no `miss`: English
/// capitalises many words that are not names.
#[derive(Debug, Clone, Copy)]
pub struct Weight {
    /// Reward for an anchor found on both sides of a bead.
    pub hit: f64,
    /// Penalty for an anchor found on one side only.
    pub miss: f64,
}

/// The weights by [`Kind`] (index = kind as usize).
pub const WEIGHTS: [Weight; 7] = [
    Weight {
        hit: 2.0,
        miss: 1.0,
    },
    Weight {
        hit: 1.5,
        miss: 0.0,
    },
    Weight {
        hit: 1.0,
        miss: 1.0,
    },
    Weight {
        hit: 0.5,
        miss: 0.25,
    },
    // No miss: translators write numbers as digits or words, or rephrase.
    Weight {
        hit: 1.0,
        miss: 0.0,
    },
    // Lexicon words: each is weaker evidence than a number or a name (a
    // word may recur in neighbouring sentences, a translator may render it
    // otherwise), but a sentence has several.
    LEXICON_WEIGHT,
    COGNATE_WEIGHT,
];

/// The weight of an international word (see [`WEIGHTS`]): as a lexicon
/// word's reward, a single word being weak evidence (one in six of the
/// matches in the kit's tune documents is the same word in a neighbouring
/// sentence: president, referendum), and no penalty, as a translator may
/// use a native word (organisation/ұйым) as often as the loan.
pub const COGNATE_WEIGHT: Weight = Weight {
    hit: 0.5,
    miss: 0.0,
};

/// The shortest skeleton of an international word: shorter lower-case
/// words meet by chance (and the short loans are function-like: "status").
const COGNATE_MIN: usize = 6;

/// The weight of a lexicon word (see [`WEIGHTS`]): a quarter of a number's
/// reward, and a word whose partner the other version has elsewhere costs
/// half of that. On the two thirds of the dev documents it was tuned on,
/// every reward from 0.5 to 1.5 with a miss of 0.1 to 0.25 gave the same
/// figures (README, `tm add`); the smallest of them is kept.
pub const LEXICON_WEIGHT: Weight = Weight {
    hit: 0.5,
    miss: 0.25,
};

/// How alike two name skeletons must be (Jaro–Winkler) to count as one name;
/// high enough that Trump/Трамп and Astana/Астанада meet but unrelated names
/// with the same first letter do not.
const NAME_SIMILARITY: f64 = 0.85;

const QUOTES: &[char] = &['"', '“', '”', '«', '»', '„'];

/// Anchors of every segment of two versions of a text, with ids shared so
/// that equal anchors on the two sides have equal ids.
pub fn pair_anchors(src: &[&str], tgt: &[&str]) -> (Vec<Vec<Anchor>>, Vec<Vec<Anchor>>) {
    pair_anchors_with(src, tgt, None)
}

/// A lexicon and the languages of the two versions, source first.
pub type LexiconFor<'a> = (&'a Lexicon, Lang, Lang);

/// [`pair_anchors`], with the words the lexicon pairs as anchors too: a
/// source word and its learned translations share an id. Only words whose
/// partner occurs somewhere in the other version count, so a word the
/// translator rendered otherwise throughout costs nothing. With no lexicon,
/// or an empty one, the anchors are those of [`pair_anchors`] exactly.
pub fn pair_anchors_with(
    src: &[&str],
    tgt: &[&str],
    lexicon: Option<LexiconFor>,
) -> (Vec<Vec<Anchor>>, Vec<Vec<Anchor>>) {
    let (mut src_out, mut tgt_out) = plain_anchors(src, tgt);
    if let Some((lex, sl, tl)) = lexicon.filter(|(l, _, _)| !l.is_empty()) {
        let s: Vec<Vec<u32>> = src.iter().map(|t| lex.concepts(t, sl, tl)).collect();
        let t: Vec<Vec<u32>> = tgt.iter().map(|x| lex.concepts(x, tl, sl)).collect();
        // Past every other id, so never equal to one.
        add_concepts(&mut src_out, &mut tgt_out, &s, &t, u32::MAX / 2);
    }
    (src_out, tgt_out)
}

/// The words of the hand-written seed lexicon ([`super::seed`]) as
/// anchors of two versions in `sl` and `tl`, added to `src_out` and
/// `tgt_out` as the learned lexicon's are; a word the learned `lexicon`
/// pairs is left to it.
pub fn add_seed_anchors(
    src: &[&str],
    tgt: &[&str],
    (sl, tl): (Lang, Lang),
    lexicon: Option<&Lexicon>,
    src_out: &mut [Vec<Anchor>],
    tgt_out: &mut [Vec<Anchor>],
) {
    let seed = super::seed::seed();
    let side = |texts: &[&str], lang: Lang, other: Lang| -> Vec<Vec<u32>> {
        let known = |key: &str| lexicon.is_some_and(|l| l.knows_word(key, lang, other));
        texts
            .iter()
            .map(|t| seed.concepts_unless(t, lang, known))
            .collect()
    };
    let (s, t) = (side(src, sl, tl), side(tgt, tl, sl));
    // Between the plain ids (a document's count) and the learned lexicon's.
    add_concepts(src_out, tgt_out, &s, &t, u32::MAX / 4);
}

/// Adds each segment's concepts (`src`, `tgt`) as lexicon anchors with ids
/// from `base` on; only concepts the other version has somewhere count,
/// so a word the translator rendered otherwise throughout costs nothing.
fn add_concepts(
    src_out: &mut [Vec<Anchor>],
    tgt_out: &mut [Vec<Anchor>],
    src: &[Vec<u32>],
    tgt: &[Vec<u32>],
    base: u32,
) {
    let everywhere = |side: &[Vec<u32>]| -> std::collections::HashSet<u32> {
        side.iter().flatten().copied().collect()
    };
    let (in_src, in_tgt) = (everywhere(src), everywhere(tgt));
    let add =
        |out: &mut [Vec<Anchor>], concepts: &[Vec<u32>], other: &std::collections::HashSet<u32>| {
            for (o, c) in out.iter_mut().zip(concepts) {
                o.extend(c.iter().filter(|id| other.contains(id)).map(|&id| Anchor {
                    id: base + id,
                    kind: Kind::Lexicon,
                }));
                o.sort_unstable();
            }
        };
    add(src_out, src, &in_tgt);
    add(tgt_out, tgt, &in_src);
}

fn plain_anchors(src: &[&str], tgt: &[&str]) -> (Vec<Vec<Anchor>>, Vec<Vec<Anchor>>) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut src_names: Vec<(String, u32)> = Vec::new();
    let src_out: Vec<Vec<Anchor>> = src
        .iter()
        .map(|s| {
            let mut out = exact_anchors(s, &mut ids);
            for name in names(s) {
                let id = intern(&mut ids, format!("n:{name}"));
                if !src_names.iter().any(|(_, i)| *i == id) {
                    src_names.push((name, id));
                }
                out.push(Anchor {
                    id,
                    kind: Kind::Name,
                });
            }
            out.sort_unstable();
            out
        })
        .collect();
    // International words, in their own ids: "c:" + skeleton.
    let mut src_words: Vec<(String, u32)> = Vec::new();
    let mut src_out = src_out;
    for (out, s) in src_out.iter_mut().zip(src) {
        for word in cognates(s) {
            let id = intern(&mut ids, format!("c:{word}"));
            if !src_words.iter().any(|(_, i)| *i == id) {
                src_words.push((word, id));
            }
            if !out.iter().any(|a| a.id == id) {
                out.push(Anchor {
                    id,
                    kind: Kind::Cognate,
                });
            }
        }
        out.sort_unstable();
    }
    let mut memo: HashMap<String, Option<u32>> = HashMap::new();
    let mut word_memo: HashMap<String, Option<u32>> = HashMap::new();
    let tgt_out = tgt
        .iter()
        .map(|s| {
            let mut out = exact_anchors(s, &mut ids);
            for name in names(s) {
                let found = *memo
                    .entry(name.clone())
                    .or_insert_with(|| best_name(&name, &src_names));
                if let Some(id) = found {
                    out.push(Anchor {
                        id,
                        kind: Kind::Name,
                    });
                }
            }
            for word in cognates(s) {
                let found = *word_memo
                    .entry(word.clone())
                    .or_insert_with(|| best_cognate(&word, &src_words));
                if let Some(id) = found.filter(|id| !out.iter().any(|a| a.id == *id)) {
                    out.push(Anchor {
                        id,
                        kind: Kind::Cognate,
                    });
                }
            }
            out.sort_unstable();
            out
        })
        .collect::<Vec<_>>();
    // A source word no target word matched is no evidence either way: left
    // out, so that a text without loans aligns as it did before.
    let matched: std::collections::HashSet<u32> = tgt_out
        .iter()
        .flatten()
        .filter(|a| a.kind == Kind::Cognate)
        .map(|a| a.id)
        .collect();
    for out in &mut src_out {
        out.retain(|a| a.kind != Kind::Cognate || matched.contains(&a.id));
    }
    (src_out, tgt_out)
}

/// Cost of aligning the segments whose anchors are `src` with those whose
/// anchors are `tgt` (each a list of per-segment anchor lists).
pub fn bead_cost(src: &[Vec<Anchor>], tgt: &[Vec<Anchor>]) -> f64 {
    // One segment's anchors are sorted already; only groups need merging.
    let (mut ga, mut gb) = (Vec::new(), Vec::new());
    let group = |side: &'_ [Vec<Anchor>], buf: &'_ mut Vec<Anchor>| {
        buf.extend(side.iter().flatten().copied());
        buf.sort_unstable();
    };
    let a: &[Anchor] = match src {
        [one] => one,
        _ => {
            group(src, &mut ga);
            &ga
        }
    };
    let b: &[Anchor] = match tgt {
        [one] => one,
        _ => {
            group(tgt, &mut gb);
            &gb
        }
    };
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut cost) = (0, 0, 0.0);
    while i < a.len() || j < b.len() {
        let (x, y) = (a.get(i), b.get(j));
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                cost -= WEIGHTS[x.kind as usize].hit;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                cost += WEIGHTS[x.kind as usize].miss;
                i += 1;
            }
            (Some(x), None) => {
                cost += WEIGHTS[x.kind as usize].miss;
                i += 1;
            }
            (_, Some(y)) => {
                cost += WEIGHTS[y.kind as usize].miss;
                j += 1;
            }
            (None, None) => break,
        }
    }
    cost
}

fn intern(ids: &mut HashMap<String, u32>, key: String) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(key).or_insert(next)
}

/// Numbers, number words, marks and quotation: anchors compared exactly.
fn exact_anchors(text: &str, ids: &mut HashMap<String, u32>) -> Vec<Anchor> {
    let mut out = Vec::new();
    for value in number_words(text) {
        out.push(Anchor {
            id: intern(ids, format!("w{value}")),
            kind: Kind::NumberWord,
        });
    }
    for run in text.split(|c: char| !c.is_ascii_digit()) {
        if run.is_empty() {
            continue;
        }
        let digits = run.trim_start_matches('0');
        let key = format!("#{}", if digits.is_empty() { "0" } else { digits });
        out.push(Anchor {
            id: intern(ids, key),
            kind: Kind::Number,
        });
    }
    let mut prev = ' ';
    for c in text.chars() {
        if (c == '?' || c == '!') && c != prev {
            out.push(Anchor {
                id: intern(ids, c.to_string()),
                kind: Kind::Mark,
            });
        }
        prev = c;
    }
    if text.contains(QUOTES) {
        out.push(Anchor {
            id: intern(ids, "\"".into()),
            kind: Kind::Quote,
        });
    }
    out
}

/// The values of the number words of `text` (`numbers.txt`), each once.
fn number_words(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter_map(crate::text::numbers::value)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Skeletons of the words of `text` that may be names: capitalised words,
/// and every Latin word in a text that is mostly Cyrillic.
fn names(text: &str) -> Vec<String> {
    let cyrillic = text
        .chars()
        .filter(|c| crate::lang::is_cyrillic(*c))
        .count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    let mostly_cyrillic = cyrillic > latin;
    word_spans(text)
        .map(|(s, e)| &text[s..e])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| {
            let first = w.chars().next().unwrap_or(' ');
            first.is_uppercase() || (mostly_cyrillic && w.is_ascii())
        })
        .map(skeleton)
        .filter(|s| s.len() >= 3)
        .collect()
}

/// Skeletons of the long lower-case words of `text`, which may be
/// international words (capitalised ones are [`names`]).
fn cognates(text: &str) -> Vec<String> {
    word_spans(text)
        .map(|(s, e)| &text[s..e])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        // Loans spell the vowel of "tourism" and the "s" of "organisation"
        // otherwise: туризм, организация.
        .map(|w| skeleton(w).replace("ou", "u").replace('z', "s"))
        .filter(|s| s.len() >= COGNATE_MIN && !s.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// The source international word this target word is, if one is alike
/// enough: compared as names are ([`best_name`]) but on the length of the
/// shorter, so that Russian and Kazakh endings do not count against it
/// (turism/turismnin, prosess/prosessti).
fn best_cognate(word: &str, src: &[(String, u32)]) -> Option<u32> {
    let first = word.chars().next()?;
    src.iter()
        .filter(|(s, _)| s.starts_with(first))
        .map(|(s, id)| {
            let n = s.len().min(word.len());
            (jaro_winkler(&word[..n], &s[..n]), *id)
        })
        .filter(|(sim, _)| *sim >= NAME_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

/// The source name this target name is, if one is alike enough.
fn best_name(name: &str, src: &[(String, u32)]) -> Option<u32> {
    let first = name.chars().next()?;
    src.iter()
        .filter(|(s, _)| s.starts_with(first))
        .map(|(s, id)| (jaro_winkler(name, s), *id))
        .filter(|(sim, _)| *sim >= NAME_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_anchors_lower_the_cost() {
        let en = ["President Tokayev arrived in Astana on 5 May.", "Why?"];
        let kk = ["Президент Тоқаев 5 мамырда Астанаға келді.", "Неге?"];
        let (a, b) = pair_anchors(&en, &kk);
        assert!(bead_cost(&a[0..1], &b[0..1]) < -4.0);
        assert!(bead_cost(&a[1..2], &b[1..2]) < 0.0);
        assert!(bead_cost(&a[0..1], &b[1..2]) > 0.0);
    }

    #[test]
    fn number_words_match_across_languages() {
        let en = ["Three people were inside, none was hurt."];
        let kk = ["Ішінде үш адам болған, ешкім жарақат алмады."];
        let (a, b) = pair_anchors(&en, &kk);
        assert!(bead_cost(&a[..], &b[..]) < 0.0);
        let (a, b) = pair_anchors(&["Nobody was hurt."], &["Ешкім жарақат алмады."]);
        assert_eq!(bead_cost(&a[..], &b[..]), 0.0);
        // "үшін" (for) is not "үш" (three).
        assert!(number_words("Бұл үшін").is_empty());
    }

    #[test]
    fn international_words_meet_across_scripts_and_endings() {
        let en = [
            "Perhaps the most common type of tourism is recreation.",
            "They went to the sea.",
        ];
        let kk = [
            "Мүмкін туризмнің ең көп таралған түрі – демалыс.",
            "Олар теңізге барды.",
        ];
        let (a, b) = pair_anchors(&en, &kk);
        assert!(bead_cost(&a[0..1], &b[0..1]) < 0.0, "{a:?} {b:?}");
        assert!(bead_cost(&a[0..1], &b[1..2]) >= 0.0);
        // Capitalised words are names, not international words; short
        // words are neither.
        assert!(cognates("The State of Astana").is_empty());
    }

    #[test]
    fn the_seed_ties_common_words_and_only_shared_ones() {
        let (src, tgt) = (
            ["The school by the river is closed after the rain."],
            ["Школа у реки закрыта."],
        );
        let (mut a, mut b) = pair_anchors(&src, &tgt);
        add_seed_anchors(&src, &tgt, (Lang::En, Lang::Ru), None, &mut a, &mut b);
        let lex = |v: &[Anchor]| -> Vec<u32> {
            v.iter()
                .filter(|x| x.kind == Kind::Lexicon)
                .map(|x| x.id)
                .collect()
        };
        // school/школа, river/река and close/закрыть meet; rain has no
        // partner here.
        assert_eq!(lex(&a[0]).len(), 3, "{a:?}");
        assert_eq!(lex(&a[0]), lex(&b[0]));

        // A learned lexicon that pairs "river" takes it over: the seed
        // keeps school and close, the lexicon adds its own river.
        let w = |t: &str, l| crate::text::words(t, l).remove(0).key;
        let (river, reka) = (w("river", Lang::En), w("реки", Lang::Ru));
        let learned = Lexicon::from_pairs([(Lang::En, Lang::Ru, &*river, &*reka)]);
        let (mut a, mut b) = pair_anchors_with(&src, &tgt, Some((&learned, Lang::En, Lang::Ru)));
        let before = lex(&a[0]);
        assert_eq!(before.len(), 1, "{a:?}");
        add_seed_anchors(
            &src,
            &tgt,
            (Lang::En, Lang::Ru),
            Some(&learned),
            &mut a,
            &mut b,
        );
        assert_eq!(lex(&a[0]).len(), 3, "{a:?}");
        assert!(lex(&a[0]).contains(&before[0]));
        assert_eq!(lex(&a[0]), lex(&b[0]));
    }

    #[test]
    fn numbers_match_across_decimal_marks() {
        let (a, b) = pair_anchors(&["It costs 2.5 million."], &["Стоит 2,5 млн."]);
        assert_eq!(a[0], b[0]);
    }
}
