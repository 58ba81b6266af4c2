//! Sentence alignment of the English, Russian and Kazakh versions of a
//! release: which segments translate which.
//!
//! The work is split by concern: `length` (the Gale–Church length model,
//! fitted ratios in `lengths.txt`), `translit` and `anchors` (what survives
//! translation), `pair` and `lattice` (the dynamic program and confidences
//! for two versions), `resolve` (settling where the English–Russian and
//! English–Kazakh alignments group the English differently), `combine` (two
//! pairwise alignments into three-language units), `release` (raw texts in,
//! units out). This file ties them together and turns the result into
//! memory units.

pub mod anchors;
pub mod combine;
pub mod judge;
pub mod lattice;
pub mod length;
pub mod lexicon;
pub mod lexicon_file;
pub mod pair;
pub mod paired;
pub mod release;
pub mod resolve;
pub mod resplit;
pub mod seed;
pub mod shapes;
pub mod translit;

use std::ops::Range;

use serde::Serialize;

use crate::lang::Lang;
use crate::memory::Unit;
use crate::segment::Segment;
use lexicon::Lexicon;

pub use pair::{align_pair, Bead, Side};

/// Below this confidence an aligned unit is doubtful: shown to a person and
/// stored with `doubtful: true`.
pub const DOUBTFUL_BELOW: f64 = 0.5;

/// How much lower a unit's confidence gets when the Russian–Kazakh
/// alignment does not have the unit's Russian and Kazakh as one group.
const RU_KK_DISAGREE: f64 = 0.5;

/// One aligned unit of a release.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aligned {
    /// English text (segments joined by one space); empty when none.
    pub en: String,
    /// Russian text; empty when none.
    pub ru: String,
    /// Kazakh text; empty when none.
    pub kk: String,
    /// Segments per language, English-Russian-Kazakh: `1-1-2`.
    pub beads: String,
    /// How sure the aligner is, 0–1.
    pub confidence: f64,
    /// Segment ranges per language (English, Russian, Kazakh).
    #[serde(skip)]
    pub ranges: [Range<usize>; 3],
}

impl Aligned {
    /// The text in `lang` (empty when the unit has none).
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
        }
    }

    /// Whether a person should check this unit.
    pub fn doubtful(&self) -> bool {
        self.confidence < DOUBTFUL_BELOW
    }
}

/// Aligns the segments of the English version with those of the Russian
/// and/or Kazakh versions (at least one of them should be given; with none,
/// every English segment is its own unit).
pub fn align(en: &[Segment], ru: Option<&[Segment]>, kk: Option<&[Segment]>) -> Vec<Aligned> {
    align_with(en, ru, kk, &Lexicon::empty())
}

/// [`align`] with the word pairs of a lexicon learned from the memory as
/// anchors beside numbers and names; with the empty lexicon it is [`align`].
pub fn align_with<'a>(
    en: &'a [Segment],
    ru: Option<&'a [Segment]>,
    kk: Option<&'a [Segment]>,
    lexicon: &'a Lexicon,
) -> Vec<Aligned> {
    let lex = (!lexicon.is_empty()).then_some(lexicon);
    let view = |lang: Lang, segs: &'a [Segment]| side(lang, segs, lex);
    let en_side = view(Lang::En, en);
    let to_pair =
        |lang, segs: Option<&'a [Segment]>| segs.map(|s| align_pair(&en_side, &view(lang, s)));
    let (mut ru_beads, mut kk_beads) = (to_pair(Lang::Ru, ru), to_pair(Lang::Kk, kk));
    // The two translations as the aligner sees them, and their direct
    // alignment, which the steps below consult: made once.
    let both = ru.zip(kk).map(|(r, k)| {
        let (rs, ks) = (view(Lang::Ru, r), view(Lang::Kk, k));
        let direct = align_pair(&rs, &ks);
        (rs, ks, direct)
    });
    if let (Some((rs, ks, _)), Some(rb), Some(kb)) = (&both, ru_beads.as_mut(), kk_beads.as_mut()) {
        // A sentence the English lacks is usually in both translations:
        // where one pair found such a sentence, look for it in the other.
        // A sentence found in one translation only is looked at again with
        // the other's finding: expected where both have it, costlier alone.
        let (in_ru, in_kk) = (inserted(rb), inserted(kb));
        if !in_ru.is_empty() || !in_kk.is_empty() {
            *kb = pair::align_pair_expecting(&en_side, ks, &in_ru);
            *rb = pair::align_pair_expecting(&en_side, rs, &in_kk);
            // Once more where the realigned one found what the other was
            // not told to expect: otherwise the two trade places when each
            // first pass saw only one of them (Russian glued the lede the
            // English lacks to the next sentence, Kazakh found it;
            // realigned, Russian found it and Kazakh, expecting nothing,
            // lost it). Expecting what either found outright instead added
            // false insertions to documents without any.
            let new = |beads: &[Bead], told: &[usize]| {
                let found = inserted(beads);
                (!found.iter().all(|p| told.contains(p))).then_some(found)
            };
            let (again_kk, again_ru) = (new(rb, &in_ru), new(kb, &in_kk));
            if let Some(found) = again_kk {
                *kb = pair::align_pair_expecting(&en_side, ks, &found);
            }
            if let Some(found) = again_ru {
                *rb = pair::align_pair_expecting(&en_side, rs, &found);
            }
        }
    }
    if let (Some((rs, ks, direct)), Some(rb), Some(kb)) =
        (&both, ru_beads.as_mut(), kk_beads.as_mut())
    {
        both_split_or_inserted(&en_side, rs, ks, direct, rb, kb);
        resolve::resolve(&en_side, rs, ks, rb, kb);
        if found_after_resolve(&en_side, rs, ks, direct, rb, kb) {
            resolve::resolve(&en_side, rs, ks, rb, kb);
        }
        found_in_one_translation(&en_side, rs, ks, direct, rb, kb);
    }
    let ones = |n: usize| -> Vec<Bead> {
        (0..n)
            .map(|i| Bead {
                src: i..i + 1,
                tgt: 0..0,
                confidence: 1.0,
            })
            .collect()
    };
    let mut joined = combine::join(
        ru_beads.as_deref().unwrap_or(&ones(en.len())),
        kk_beads.as_deref().unwrap_or(&ones(en.len())),
        en.len(),
    );
    if let Some((_, _, direct)) = &both {
        check_ru_kk(&mut joined, direct);
    }
    let texts = [Some(en), ru, kk];
    joined
        .into_iter()
        .map(|j| {
            let text = |k: usize| -> String {
                texts[k].map_or(String::new(), |segs| {
                    segs[j.ranges[k].clone()]
                        .iter()
                        .map(|s| s.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            };
            Aligned {
                en: text(0),
                ru: text(1),
                kk: text(2),
                beads: j
                    .ranges
                    .iter()
                    .map(|r| r.len().to_string())
                    .collect::<Vec<_>>()
                    .join("-"),
                confidence: (j.confidence * 1000.0).round() / 1000.0,
                ranges: j.ranges,
            }
        })
        .collect()
}

/// Cost (nats) of a sentence the English lacks and both translations have,
/// counted once for the three versions, on top of what each pair pays for
/// it where it is expected ([`shapes::EXPECTED_INSERT_COST`] each): in all
/// −ln 0.0114, how often that happens per English sentence in the tune
/// material (13 such gold units to 1,145 English sentences in the kit's
/// tune documents and our own tune releases, a third of them perturbed as
/// the evaluation's are), a little likelier than one dropped sentence
/// ([`shapes::SKIP_COST`], which it was before; the tune figures are the
/// same either way).
const JOINT_INSERT_EXTRA: f64 = 4.47 - 2.0 * shapes::EXPECTED_INSERT_COST;

/// Where both translations split an English sentence in two next to the
/// same place (a 1-2 bead in each pair, ending or starting there), weighs
/// that against a sentence the English lacks there, which both
/// translations have: the two pairs alone cannot
/// tell them apart, as each pays a whole dropped sentence for the
/// insertion but only a split's prior for the split, so a dropped English
/// sentence was glued to a neighbour in both. Taken together, the
/// insertion happened once (one sentence dropped from the English), the
/// two splits twice.
fn both_split_or_inserted(
    en: &Side,
    ru: &Side,
    kk: &Side,
    direct: &[Bead],
    rb: &mut Vec<Bead>,
    kb: &mut Vec<Bead>,
) {
    // Where a split could hide a sentence the English lacks: on either
    // side of the split English sentence (the translators may have glued it
    // to different neighbours).
    let split = |beads: &[Bead]| -> Vec<usize> {
        beads
            .iter()
            .filter(|b| b.src.len() == 1 && b.tgt.len() == 2)
            .flat_map(|b| [b.src.start, b.src.end])
            .collect()
    };
    let (split_ru, split_kk) = (split(rb), split(kb));
    let both: Vec<usize> = split_ru
        .into_iter()
        .filter(|i| split_kk.contains(i))
        .collect();
    if both.is_empty() {
        return;
    }
    let mut told = inserted(rb);
    told.extend(inserted(kb));
    told.sort_unstable();
    told.dedup();
    let (_, now_ru) = pair::align_expecting_cost(en, ru, &told);
    let (_, now_kk) = pair::align_expecting_cost(en, kk, &told);
    let mut expect = told.clone();
    expect.extend(&both);
    expect.sort_unstable();
    expect.dedup();
    let (mut new_ru, cost_ru) = pair::align_expecting_cost(en, ru, &expect);
    let (mut new_kk, cost_kk) = pair::align_expecting_cost(en, kk, &expect);
    // Only insertions both translations have at one place count.
    let (mut found_ru, mut found_kk) = (inserted(&new_ru), inserted(&new_kk));
    if found_ru.len() != found_kk.len() {
        // One translation found the sentence and the other still glues it
        // to the English on the other side of that place: where the direct
        // Russian–Kazakh alignment pairs the two, they are one sentence the
        // English lacks, and the pairs' costs (each paying a whole dropped
        // sentence for it) are not weighed.
        let one_to_one = |ri: usize, ki: usize| {
            direct
                .iter()
                .any(|d| d.src == (ri..ri + 1) && d.tgt == (ki..ki + 1))
        };
        let (was_ru, was_kk) = (new_ru.clone(), new_kk.clone());
        insert_where_the_other_did(&mut new_ru, &was_kk, kb, one_to_one);
        insert_where_the_other_did(&mut new_kk, &was_ru, rb, |ki, ri| one_to_one(ri, ki));
        let (now_found_ru, now_found_kk) = (inserted(&new_ru), inserted(&new_kk));
        if now_found_ru == now_found_kk && now_found_ru.iter().any(|p| !told.contains(p)) {
            *rb = new_ru;
            *kb = new_kk;
            return;
        }
        (found_ru, found_kk) = (now_found_ru, now_found_kk);
    }
    let agreed = found_ru
        .iter()
        .filter(|p| !told.contains(p) && found_kk.contains(p))
        .count();
    let unmatched = found_ru
        .iter()
        .chain(&found_kk)
        .filter(|p| !told.contains(p))
        .count()
        - 2 * agreed;
    if agreed == 0 || unmatched > 0 {
        return;
    }
    if cost_ru + cost_kk + agreed as f64 * JOINT_INSERT_EXTRA < now_ru + now_kk {
        *rb = new_ru;
        *kb = new_kk;
    }
}

/// Where regrouping one translation (in [`resolve::resolve`]) freed a
/// sentence the English lacks which the other translation still glues to
/// a neighbour (its pair had grouped the English otherwise: Russian a
/// translator's merge with that sentence as a 2-2 bead, Kazakh a 1-2),
/// realigns the other expecting it there, as the first passes do for what
/// one pair found outright. Kept only where the two translations'
/// sentences are one bead of the direct Russian–Kazakh alignment: then
/// they translate each other, and the English lacks what both have.
/// Returns whether anything changed (the groupings are settled again).
fn found_after_resolve(
    en: &Side,
    ru: &Side,
    kk: &Side,
    direct: &[Bead],
    rb: &mut Vec<Bead>,
    kb: &mut Vec<Bead>,
) -> bool {
    let (in_ru, in_kk) = (lone_inserted(rb, kb), lone_inserted(kb, rb));
    let mut changed = false;
    if !in_kk.is_empty() {
        let new = pair::align_pair_expecting(en, ru, &in_kk);
        if new != *rb && ru_kk_agree(direct, &new, kb) {
            *rb = new;
            changed = true;
        }
    }
    if !in_ru.is_empty() {
        let new = pair::align_pair_expecting(en, kk, &in_ru);
        if new != *kb && ru_kk_agree(direct, rb, &new) {
            *kb = new;
            changed = true;
        }
    }
    changed
}

/// How sure the direct Russian–Kazakh alignment must be of a sentence in
/// one translation only before the pair with the English is told to expect
/// it: where the two translators split a sentence differently, it calls
/// one part lone at lower confidence.
const LONE_SURE: f64 = 0.8;

/// Where the direct Russian–Kazakh alignment has a sentence in one
/// translation only, which that translation's pair with the English
/// pairs with an English sentence, realigns that pair expecting it to be
/// missing in English, where the other translation's alignment puts the
/// place: after the English its neighbour in the other translation
/// translates. Kept only where the realigned pair then has that very
/// sentence without English («С инженерами станций встретились
/// представители акимата.», which neither the English nor the Kazakh has,
/// was paired with "Fifteen engineers trained in the U.S.", and the
/// Russian of that sentence glued to the next).
fn found_in_one_translation(
    en: &Side,
    ru: &Side,
    kk: &Side,
    direct: &[Bead],
    rb: &mut Vec<Bead>,
    kb: &mut Vec<Bead>,
) {
    // English position after the English that `beads` pair with the other
    // translation's sentences before `at`.
    let place = |beads: &[Bead], at: usize| {
        beads
            .iter()
            .filter(|b| b.tgt.end <= at && !b.src.is_empty())
            .map(|b| b.src.end)
            .max()
            .unwrap_or(0)
    };
    for d in direct.iter().filter(|d| d.confidence >= LONE_SURE) {
        let (mine, other, alone, at) = match (d.src.len(), d.tgt.len()) {
            (1, 0) => (&mut *rb, &*kb, d.src.start, d.tgt.start),
            (0, 1) => (&mut *kb, &*rb, d.tgt.start, d.src.start),
            _ => continue,
        };
        // The English it is paired with must have its translation in the
        // other language too: otherwise that translation dropped the
        // sentence, and the English has it.
        let Some(held) = mine.iter().find(|b| b.tgt.contains(&alone)) else {
            continue;
        };
        let translated = |i: usize| {
            other
                .iter()
                .any(|b| b.src.contains(&i) && !b.tgt.is_empty())
        };
        // Only where it was paired alone with English: glued to its
        // neighbour's translation in a 1-2 bead, it is a translator's
        // addition and stays there, as the gold units have it.
        if held.src.is_empty() || held.tgt.len() != 1 || !held.src.clone().all(translated) {
            continue;
        }
        let p = place(other, at);
        let side = if d.src.is_empty() { kk } else { ru };
        let mut told = inserted(mine);
        told.push(p);
        let new = pair::align_pair_expecting(en, side, &told);
        if new
            .iter()
            .any(|b| b.src == (p..p) && b.tgt == (alone..alone + 1))
        {
            *mine = new;
        }
    }
}

/// English positions of the sentences `mine` has without English where
/// `theirs` (the other translation's beads) has none.
fn lone_inserted(mine: &[Bead], theirs: &[Bead]) -> Vec<usize> {
    let at = |p: usize| theirs.iter().any(|t| t.src.is_empty() && t.src.start == p);
    mine.iter()
        .filter(|b| b.src.is_empty() && !at(b.src.start))
        .map(|b| b.src.start)
        .collect()
}

/// Whether each sentence without English that `rb` and `kb` both place at
/// one English position is one bead of the direct Russian–Kazakh
/// alignment `direct` (the two translate each other).
fn ru_kk_agree(direct: &[Bead], rb: &[Bead], kb: &[Bead]) -> bool {
    rb.iter().filter(|r| r.src.is_empty()).all(|r| {
        kb.iter()
            .filter(|k| k.src.is_empty() && k.src.start == r.src.start)
            .all(|k| direct.iter().any(|d| d.src == r.tgt && d.tgt == k.tgt))
    })
}

/// The aligner's view of one version.
fn side<'a>(lang: Lang, segs: &'a [Segment], lexicon: Option<&'a Lexicon>) -> Side<'a> {
    Side {
        lang,
        texts: segs.iter().map(|s| s.text.as_str()).collect(),
        paragraphs: segs.iter().map(|s| s.paragraph).collect(),
        lexicon,
    }
}

/// Lowers the confidence of units whose Russian and Kazakh the direct
/// Russian–Kazakh alignment (`beads`) does not bound the same way: a third
/// opinion on the two that were each aligned with English only.
fn check_ru_kk(units: &mut [combine::Joined], beads: &[Bead]) {
    let mut bounds = std::collections::HashSet::new();
    bounds.insert((0, 0));
    for b in beads {
        bounds.insert((b.src.end, b.tgt.end));
    }
    for u in units {
        let (r, k) = (&u.ranges[1], &u.ranges[2]);
        if r.is_empty() || k.is_empty() {
            continue;
        }
        if !bounds.contains(&(r.start, k.start)) || !bounds.contains(&(r.end, k.end)) {
            u.confidence *= RU_KK_DISAGREE;
        }
    }
}

/// Where the other translation has a sentence the English lacks at an
/// English position (`theirs`) and `mine` glues a sentence to the English
/// sentence on one side of that position (a 1-2 bead ending or starting
/// there), while the other translation's first alignment (`their_first`)
/// glued its sentence to the English on the other side, and the direct
/// Russian–Kazakh alignment pairs the two sentences one to one
/// (`pairs(mine, theirs)`): the two translate each other, and one sentence
/// cannot belong to two English sentences, so it is one the English lacks
/// and becomes a bead of its own at that position («ASTANA … approved the
/// team. | The flag-bearers…» against Russian «АСТАНА … утвердило состав.
/// Казахстан выступит в 34 видах спорта.» and Kazakh «Қазақстан спорттың
/// 34 түрі бойынша… Ашылу салтанатында…»). Where both glued it to the same
/// English sentence, both translators may have split that sentence.
fn insert_where_the_other_did(
    mine: &mut Vec<Bead>,
    theirs: &[Bead],
    their_first: &[Bead],
    pairs: impl Fn(usize, usize) -> bool,
) {
    for t in theirs
        .iter()
        .filter(|t| t.src.is_empty() && t.tgt.len() == 1)
    {
        let (p, k) = (t.src.start, t.tgt.start);
        if mine.iter().any(|b| b.src.is_empty() && b.src.start == p) {
            continue;
        }
        // Where the other translation first had its sentence: glued to the
        // English before the position (true) or after it (false).
        let first_side = their_first
            .iter()
            .find(|b| b.src.len() == 1 && b.tgt.len() == 2 && b.tgt.contains(&k))
            .map(|b| b.src.end == p && b.tgt.end - 1 == k);
        let glued = mine.iter().position(|b| {
            b.src.len() == 1
                && b.tgt.len() == 2
                && (b.src.end == p && first_side == Some(false) && pairs(b.tgt.end - 1, k)
                    || b.src.start == p && first_side == Some(true) && pairs(b.tgt.start, k))
        });
        let Some(i) = glued else { continue };
        let b = &mut mine[i];
        let (alone, at) = if b.src.end == p {
            b.tgt.end -= 1;
            (b.tgt.end..b.tgt.end + 1, i + 1)
        } else {
            b.tgt.start += 1;
            (b.tgt.start - 1..b.tgt.start, i)
        };
        let confidence = b.confidence.min(t.confidence);
        mine.insert(
            at,
            Bead {
                src: p..p,
                tgt: alone,
                confidence,
            },
        );
    }
}

/// English positions of the sentences `beads` have without English (the
/// source side of their 0-n beads).
fn inserted(beads: &[Bead]) -> Vec<usize> {
    beads
        .iter()
        .filter(|b| b.src.is_empty())
        .map(|b| b.src.start)
        .collect()
}

/// Memory units for the aligned units of release `release`, created `now`.
pub fn to_units(aligned: &[Aligned], release: &str, now: &str) -> Vec<Unit> {
    aligned
        .iter()
        .enumerate()
        .map(|(position, a)| {
            let mut u = Unit::new(String::new(), now);
            for lang in Lang::ALL {
                u.set_text(lang, Some(a.text(lang).to_string()));
            }
            u.release = Some(release.to_string());
            u.position = Some(position);
            u.confidence = Some(a.confidence);
            u.doubtful = a.doubtful();
            u
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// The sentences of a release in English, Russian and Kazakh.
    fn sentences(en: &str, ru: &str, kk: &str) -> [Vec<crate::segment::Segment>; 3] {
        [
            segment(en, Lang::En),
            segment(ru, Lang::Ru),
            segment(kk, Lang::Kk),
        ]
    }

    fn beads(units: &[Aligned]) -> Vec<&str> {
        units.iter().map(|u| u.beads.as_str()).collect()
    }

    #[test]
    fn a_sentence_only_one_translation_has_is_a_unit_of_its_own() {
        let en = "The inspection was led by Vice Minister Zh.K. Abenov. Fifteen engineers trained in the U.S. Their course lasted three months.";
        let ru = "Проверку возглавил вице-министр Абенов Ж.К. С инженерами станций встретились представители акимата. Пятнадцать инженеров прошли обучение в США. Курс длился три месяца.";
        let kk = "Тексеруді вице-министр Ж.К. Әбенов басқарды. Он бес инженер АҚШ-та оқудан өтті. Курс үш айға созылды.";
        let [e, r, k] = sentences(en, ru, kk);
        let units = align(&e, Some(&r), Some(&k));
        assert_eq!(beads(&units), vec!["1-1-1", "0-1-0", "1-1-1", "1-1-1"]);
        assert!(units[1].ru.starts_with("С инженерами"));
        assert!(units[2].ru.starts_with("Пятнадцать"));
    }

    #[test]
    fn a_sentence_glued_to_either_side_by_the_two_translations_is_the_english_s_gap() {
        let b = |src: Range<usize>, tgt: Range<usize>| Bead {
            src,
            tgt,
            confidence: 0.9,
        };
        // Russian glued its third sentence to the second English one;
        // Kazakh first glued the same sentence to the third English one,
        // then found it missing in English.
        let ru = vec![b(0..1, 0..1), b(1..2, 1..3), b(2..3, 3..4)];
        let kk_first = vec![b(0..1, 0..1), b(1..2, 1..2), b(2..3, 2..4)];
        let kk = vec![b(0..1, 0..1), b(1..2, 1..2), b(2..2, 2..3), b(2..3, 3..4)];
        let same = |r: usize, k: usize| r == k;
        let mut mine = ru.clone();
        insert_where_the_other_did(&mut mine, &kk, &kk_first, same);
        assert_eq!(mine, kk);
        // Glued to the same English sentence by both, it may be a split
        // both translators made: left as it is.
        let kk_first = vec![b(0..1, 0..1), b(1..2, 1..3), b(2..3, 3..4)];
        let mut mine = ru.clone();
        insert_where_the_other_did(&mut mine, &kk, &kk_first, same);
        assert_eq!(mine, ru);
        // Nor where the direct Russian–Kazakh alignment does not pair them.
        let kk_first = vec![b(0..1, 0..1), b(1..2, 1..2), b(2..3, 2..4)];
        let mut mine = ru.clone();
        insert_where_the_other_did(&mut mine, &kk, &kk_first, |_, _| false);
        assert_eq!(mine, ru);
    }

    #[test]
    fn low_confidence_units_are_stored_as_doubtful() {
        let mut a = Aligned {
            en: "One.".into(),
            ru: "Один.".into(),
            kk: String::new(),
            beads: "1-1-0".into(),
            confidence: 0.3,
            ranges: [0..1, 0..1, 0..0],
        };
        let sure = Aligned {
            confidence: 0.9,
            ..a.clone()
        };
        a.en = "Two.".into();
        let units = to_units(&[sure, a], "r", "2026-01-01T00:00:00Z");
        assert_eq!((units[0].doubtful, units[1].doubtful), (false, true));
        assert_eq!(units[1].kk, None);
        assert_eq!(units[1].position, Some(1));
        assert_eq!(units[1].confidence, Some(0.3));
    }

    #[test]
    fn a_sentence_missing_in_kazakh_only_leaves_a_gap_there() {
        let en = "Astana hosted 300 delegates on Monday. The forum lasted two full days and ended with a joint declaration on water. Its next meeting is planned for 2027 in Almaty.";
        let ru = "В понедельник Астана приняла 300 делегатов. Форум продлился два полных дня и завершился совместной декларацией по воде. Следующая встреча запланирована на 2027 год в Алматы.";
        let kk = "Дүйсенбі күні Астана 300 делегатты қабылдады. Келесі кездесу 2027 жылы Алматыда өтеді деп жоспарлануда.";
        let [e, r, k] = sentences(en, ru, kk);
        let units = align(&e, Some(&r), Some(&k));
        assert_eq!(beads(&units), vec!["1-1-1", "1-1-0", "1-1-1"]);
        assert!(units[1].ru.starts_with("Форум"));
    }

    #[test]
    fn an_international_word_tells_which_sentence_was_dropped() {
        // Lengths alone cannot tell which English sentence the Kazakh
        // lacks: both would fit its one sentence.
        let en = "The new hall of modern photography opens to visitors in early spring. The festival of tourism posters will be open until the end of the summer.";
        let kk = "Туризм плакаттарының фестивалі жаздың соңына дейін ашық болады.";
        let (e, k) = (segment(en, Lang::En), segment(kk, Lang::Kk));
        let beads = |units: Vec<Aligned>| units.into_iter().map(|u| u.beads).collect::<Vec<_>>();
        assert_eq!(beads(align(&e, None, Some(&k))), ["1-0-0", "1-0-1"]);
    }

    #[test]
    fn a_sentence_dropped_beside_a_merge_is_not_a_three_to_one() {
        // The Kazakh drops the second sentence and joins the third and the
        // fourth: one sentence left out and a merge, not three English
        // sentences for one Kazakh.
        let en = "UNICEF presented a national survey of child nutrition in Astana on Monday. The survey covered 7,200 households. It found that 9.4 per cent of young children are stunted and 4.8 per cent are overweight. Only 41 per cent of infants are breastfed up to six months.";
        let ru = "ЮНИСЕФ представил в понедельник в Астане национальное исследование питания детей. Исследование охватило 7 200 домохозяйств. Выяснилось, что 9,4 процента детей отстают в росте и 4,8 процента имеют избыточный вес. Лишь 41 процент младенцев находятся на грудном вскармливании до шести месяцев.";
        let kk = "ЮНИСЕФ дүйсенбі күні Астанада балалардың тамақтануы туралы ұлттық зерттеуді таныстырды. Балалардың 9,4 пайызы бойының өсуінен қалып отырғаны, 4,8 пайызының салмағы артық екені анықталды; тек 41 пайыз сәби алты айға дейін емшек сүтімен қоректенеді.";
        let [e, r, k] = sentences(en, ru, kk);
        let units = align(&e, Some(&r), Some(&k));
        assert_eq!(beads(&units), vec!["1-1-1", "1-1-0", "2-2-1"]);
    }

    #[test]
    fn a_sentence_both_translations_add_is_not_two_splits() {
        let en = "The ministry opened 12 new schools in 2025. Minister Aliyev visited Shymkent on Monday.";
        let ru = "В 2025 году министерство открыло 12 новых школ. Это рекорд. Министр Алиев посетил Шымкент в понедельник.";
        let kk = "2025 жылы министрлік 12 жаңа мектеп ашты. Бұл рекорд. Министр Әлиев дүйсенбі күні Шымкентке барды.";
        let [e, r, k] = sentences(en, ru, kk);
        let units = align(&e, Some(&r), Some(&k));
        assert_eq!(beads(&units), vec!["1-1-1", "0-1-1", "1-1-1"]);
    }

    #[test]
    fn an_empty_lexicon_leaves_the_alignment_as_it_was() {
        let en = "Astana hosted 300 delegates on Monday. The forum lasted two full days and ended with a joint declaration on water. Why? Its next meeting is planned for 2027 in Almaty, the organisers said.";
        let ru = "В понедельник Астана приняла 300 делегатов. Форум продлился два полных дня. Он завершился совместной декларацией по воде. Следующая встреча запланирована на 2027 год в Алматы.";
        let kk = "Дүйсенбі күні Астана 300 делегатты қабылдады. Неге? Келесі кездесу 2027 жылы Алматыда өтеді.";
        let [e, r, k] = sentences(en, ru, kk);
        let empty = Lexicon::empty();
        assert_eq!(
            align_with(&e, Some(&r), Some(&k), &empty),
            align(&e, Some(&r), Some(&k))
        );
        assert_eq!(
            align_with(&e, Some(&r), None, &empty),
            align(&e, Some(&r), None)
        );
        let te: Vec<&str> = e.iter().map(|s| s.text.as_str()).collect();
        let tk: Vec<&str> = k.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            anchors::pair_anchors_with(&te, &tk, Some((&empty, Lang::En, Lang::Kk))),
            anchors::pair_anchors(&te, &tk)
        );
    }

    #[test]
    fn the_seed_finds_a_split_lengths_miss() {
        // Lengths alone pair the first English sentence with the first
        // Russian one; the seed's river/rain/school tell otherwise.
        let en = "The river rose fast after the heavy rain. Because of the flooding in the area, the village school was closed for the whole of the following week.";
        let ru = "Река быстро поднялась. Причиной стал сильный дождь. Школа была закрыта на всю следующую неделю из-за наводнения в районе.";
        let (e, r) = (segment(en, Lang::En), segment(ru, Lang::Ru));
        let beads = |units: Vec<Aligned>| units.into_iter().map(|u| u.beads).collect::<Vec<_>>();
        assert_eq!(beads(align(&e, Some(&r), None)), ["1-2-0", "1-1-0"]);
        // A memory of a few releases has learned a few words, none of
        // these: the seed still speaks for them.
        let w = |t: &str, l| crate::text::words(t, l).remove(0).key;
        let (a, b) = (w("apricot", Lang::En), w("абрикосы", Lang::Ru));
        let small = Lexicon::from_pairs([(Lang::En, Lang::Ru, &*a, &*b)]);
        assert_eq!(
            beads(align_with(&e, Some(&r), None, &small)),
            ["1-2-0", "1-1-0"]
        );
    }

    #[test]
    fn a_learned_lexicon_finds_a_split_lengths_miss() {
        // Words the seed does not know (apricot, hive): a learned lexicon
        // ties the sentences by them.
        let en = "The apricot trees bloomed early after the warm spring. Because of the late frost in the foothills, the beekeepers moved every hive down to the valley for the whole of the following week.";
        let ru = "Абрикосы зацвели рано. Причиной стала теплая весна. Пчеловоды на всю следующую неделю перевезли ульи в долину из-за поздних заморозков в предгорьях.";
        let (e, r) = (segment(en, Lang::En), segment(ru, Lang::Ru));
        let beads = |units: Vec<Aligned>| units.into_iter().map(|u| u.beads).collect::<Vec<_>>();
        let w = |t: &str, l| crate::text::words(t, l).remove(0).key;
        let pair = |en: &str, ru: &str| (Lang::En, Lang::Ru, w(en, Lang::En), w(ru, Lang::Ru));
        let pairs = [
            pair("apricot", "абрикосы"),
            pair("spring", "весна"),
            pair("hive", "ульи"),
        ];
        let lex = Lexicon::from_pairs(pairs.iter().map(|(a, b, c, d)| (*a, *b, &**c, &**d)));
        assert_eq!(
            beads(align_with(&e, Some(&r), None, &lex)),
            ["1-2-0", "1-1-0"]
        );
    }
}
