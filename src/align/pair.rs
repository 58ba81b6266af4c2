//! Aligning two versions of a text: a dynamic program over their segments
//! with beads of 0 to 3 segments a side, each costed by the length model,
//! the anchors and a prior for its shape; then forward–backward sums over
//! all alignments give each chosen bead a posterior probability, its
//! confidence.

use std::ops::Range;

use super::anchors::{bead_cost, pair_anchors_with, Anchor};
use super::lattice::Lattice;
use super::length::{text_len, LengthModel};
use super::lexicon::Lexicon;
use super::shapes::{EXPECTED_INSERT_COST, LONE_INSERT_COST, SHAPES, SKIP_COST};
use crate::lang::Lang;

/// One version of a text, as the aligner sees it.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    /// Its language.
    pub lang: Lang,
    /// The segments' texts, in order.
    pub texts: Vec<&'a str>,
    /// The paragraph of each segment (from 0).
    pub paragraphs: Vec<usize>,
    /// A lexicon learned from the memory, whose word pairs are anchors
    /// (`None`: numbers and names only).
    pub lexicon: Option<&'a Lexicon>,
}

/// A group of source segments aligned with a group of target segments
/// (either may be empty: a sentence with no translation).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Source segment indices.
    pub src: Range<usize>,
    /// Target segment indices.
    pub tgt: Range<usize>,
    /// Posterior probability of this bead among all alignments, 0–1.
    pub confidence: f64,
}

/// Lattices up to this many cells keep their bead costs between the passes.
const CACHE_CELLS: usize = 1 << 18;

/// Aligns `src` with `tgt`. When both have the same number of paragraphs
/// the paragraphs are taken as aligned and no bead crosses their bounds.
pub fn align_pair(src: &Side, tgt: &Side) -> Vec<Bead> {
    align_grouped(src, tgt, None).0
}

/// Aligns `src` with `tgt`, with the source grouped exactly at `groups`
/// when given: every bead's source side starts and ends at one of these
/// positions (a position `c` is the bound between segments `c - 1` and
/// `c`), so each group is one bead. Also returns the cost of the alignment
/// found (its negative log probability, up to a constant) to weigh it
/// against another; infinite when no such alignment exists.
pub fn align_grouped(src: &Side, tgt: &Side, groups: Option<&[usize]>) -> (Vec<Bead>, f64) {
    let mut scorer = Scorer::new(src, tgt);
    if let Some(groups) = groups {
        let mut allowed = vec![false; src.texts.len() + 1];
        allowed[0] = true;
        allowed[src.texts.len()] = true;
        for &c in groups {
            if let Some(x) = allowed.get_mut(c) {
                *x = true;
            }
        }
        scorer.bounds = Some(allowed);
    }
    solve(&scorer, src.texts.len(), tgt.texts.len())
}

/// Aligns `src` with `tgt` where the other translation has sentences the
/// source lacks at source positions `inserted`: a target sentence missing
/// in the source is far likelier there (the source was edited, and both
/// translations kept the old sentence), so it costs [`EXPECTED_INSERT_COST`]
/// instead of [`SKIP_COST`]; anywhere else it costs [`LONE_INSERT_COST`],
/// as a sentence only one translator added is rarer still than a dropped
/// one, and a translator's split (a 1-2 bead) usually explains it better.
pub fn align_pair_expecting(src: &Side, tgt: &Side, inserted: &[usize]) -> Vec<Bead> {
    align_expecting_cost(src, tgt, inserted).0
}

/// [`align_pair_expecting`], with the cost of the alignment found (as
/// [`align_grouped`] gives it), to weigh two sets of expectations.
pub fn align_expecting_cost(src: &Side, tgt: &Side, inserted: &[usize]) -> (Vec<Bead>, f64) {
    let mut scorer = Scorer::new(src, tgt);
    scorer.lone_insert = LONE_INSERT_COST;
    let mut hint = vec![false; src.texts.len() + 1];
    for &p in inserted {
        if let Some(h) = hint.get_mut(p) {
            *h = true;
        }
    }
    scorer.inserted = hint;
    solve(&scorer, src.texts.len(), tgt.texts.len())
}

/// The dynamic program proper, forward (best and summed) then backward.
fn solve(scorer: &Scorer, n: usize, m: usize) -> (Vec<Bead>, f64) {
    let lat = Lattice::new(n, m);
    let width = lat.cells;
    let mut best = vec![f64::INFINITY; width];
    let mut back = vec![usize::MAX; width];
    let mut fwd = vec![f64::NEG_INFINITY; width];
    // Bead costs found on the way forward, reused backward: a third of the
    // time. Not kept for very long texts, whose lattice would be too large.
    const K: usize = SHAPES.len();
    let cache = width <= CACHE_CELLS;
    let mut costs = vec![f64::INFINITY; if cache { width * K } else { 0 }];
    let cost_from = |i: usize, j: usize, k: usize, costs: &[f64]| -> Option<f64> {
        if cache {
            let s = &SHAPES[k];
            let c = costs[lat.at(i + s.src, j + s.tgt)? * K + k];
            c.is_finite().then_some(c)
        } else {
            scorer.cost(i, j, k)
        }
    };
    best[0] = 0.0;
    fwd[0] = 0.0;
    for i in 0..=n {
        for j in lat.row(i) {
            let Some(here) = lat.at(i, j).filter(|&h| h > 0) else {
                continue;
            };
            let mut terms = [f64::NEG_INFINITY; K];
            for (k, s) in SHAPES.iter().enumerate() {
                if s.src > i || s.tgt > j {
                    continue;
                }
                let (pi, pj) = (i - s.src, j - s.tgt);
                let Some(prev) = lat.at(pi, pj) else {
                    continue;
                };
                if best[prev].is_infinite() {
                    continue;
                }
                let Some(c) = scorer.cost(pi, pj, k) else {
                    continue;
                };
                if cache {
                    costs[here * K + k] = c;
                }
                if best[prev] + c < best[here] {
                    best[here] = best[prev] + c;
                    back[here] = k;
                }
                terms[k] = fwd[prev] - c;
            }
            fwd[here] = log_sum_exp(&terms);
        }
    }
    // Backward sums, for the posteriors.
    let mut bwd = vec![f64::NEG_INFINITY; width];
    let end = lat.at(n, m).unwrap_or(width - 1);
    bwd[end] = 0.0;
    for i in (0..=n).rev() {
        for j in lat.row(i).rev() {
            let Some(here) = lat.at(i, j).filter(|&h| h != end) else {
                continue;
            };
            let mut terms = [f64::NEG_INFINITY; K];
            for (k, s) in SHAPES.iter().enumerate() {
                let Some(next) = lat.at(i + s.src, j + s.tgt) else {
                    continue;
                };
                if i + s.src > n || j + s.tgt > m {
                    continue;
                }
                if let Some(c) = cost_from(i, j, k, &costs) {
                    terms[k] = bwd[next] - c;
                }
            }
            bwd[here] = log_sum_exp(&terms);
        }
    }
    let total = fwd[end];
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while (i, j) != (0, 0) {
        let k = lat.at(i, j).map_or(usize::MAX, |h| back[h]);
        if k == usize::MAX {
            // No alignment reaches here (a grouping that cannot be met):
            // leave what remains unaligned rather than lose it.
            beads.extend((0..j).rev().map(|t| Bead {
                src: i..i,
                tgt: t..t + 1,
                confidence: 0.0,
            }));
            beads.extend((0..i).rev().map(|t| Bead {
                src: t..t + 1,
                tgt: 0..0,
                confidence: 0.0,
            }));
            break;
        }
        let s = &SHAPES[k];
        let (pi, pj) = (i - s.src, j - s.tgt);
        let c = cost_from(pi, pj, k, &costs).unwrap_or(f64::INFINITY);
        let (from, to) = (lat.at(pi, pj).unwrap_or(0), lat.at(i, j).unwrap_or(0));
        let post = (fwd[from] - c + bwd[to] - total).exp();
        beads.push(Bead {
            src: pi..i,
            tgt: pj..j,
            confidence: if post.is_finite() {
                post.clamp(0.0, 1.0)
            } else {
                0.0
            },
        });
        (i, j) = (pi, pj);
    }
    beads.reverse();
    (beads, best[end])
}

fn log_sum_exp(terms: &[f64]) -> f64 {
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + terms.iter().map(|t| (t - max).exp()).sum::<f64>().ln()
}

/// Everything the cost of a bead needs, computed once per pair.
struct Scorer {
    model: LengthModel,
    src_len: Vec<usize>,
    tgt_len: Vec<usize>,
    src_anchors: Vec<Vec<Anchor>>,
    tgt_anchors: Vec<Vec<Anchor>>,
    /// Paragraph of each segment when the paragraphs are trusted.
    paragraphs: Option<(Vec<usize>, Vec<usize>)>,
    prior_cost: [f64; SHAPES.len()],
    /// When set, the only source positions where a bead may start or end.
    bounds: Option<Vec<bool>>,
    /// Source positions where a target sentence without source is expected.
    inserted: Vec<bool>,
    /// Cost of a target sentence without source elsewhere, once the other
    /// translation has been looked at (before that, [`SKIP_COST`]).
    lone_insert: f64,
}

impl Scorer {
    fn new(src: &Side, tgt: &Side) -> Scorer {
        let lexicon = src.lexicon.or(tgt.lexicon).map(|l| (l, src.lang, tgt.lang));
        let (mut src_anchors, mut tgt_anchors) = pair_anchors_with(&src.texts, &tgt.texts, lexicon);
        // The hand-written seed's common words stand in for the words the
        // memory has not taught yet: a few releases teach a few words, and
        // the seed stepping aside for all of them lost (README, `tm add`).
        // A word the learned lexicon knows is left to it: it knows the
        // memory's own wording.
        super::anchors::add_seed_anchors(
            &src.texts,
            &tgt.texts,
            (src.lang, tgt.lang),
            lexicon.map(|(l, _, _)| l),
            &mut src_anchors,
            &mut tgt_anchors,
        );
        let count = |p: &[usize]| p.iter().max().map_or(0, |m| m + 1);
        let trusted = count(&src.paragraphs) == count(&tgt.paragraphs)
            && src.paragraphs.len() == src.texts.len()
            && tgt.paragraphs.len() == tgt.texts.len();
        Scorer {
            model: LengthModel::for_pair(src.lang, tgt.lang),
            src_len: src.texts.iter().map(|t| text_len(t)).collect(),
            tgt_len: tgt.texts.iter().map(|t| text_len(t)).collect(),
            src_anchors,
            tgt_anchors,
            paragraphs: trusted.then(|| (src.paragraphs.clone(), tgt.paragraphs.clone())),
            bounds: None,
            inserted: Vec::new(),
            lone_insert: SKIP_COST,
            prior_cost: SHAPES.map(|s| {
                if s.prior > 0.0 {
                    -s.prior.ln()
                } else {
                    SKIP_COST
                }
            }),
        }
    }

    /// Cost of the bead of shape `k` starting at source `i`, target `j`;
    /// `None` when it would cross a trusted paragraph bound.
    fn cost(&self, i: usize, j: usize, k: usize) -> Option<f64> {
        let s = &SHAPES[k];
        let (src, tgt) = (i..i + s.src, j..j + s.tgt);
        let grouped = self.bounds.as_ref().is_none_or(|b| {
            src.is_empty()
                || (b[src.start] && b[src.end] && !b[src.start + 1..src.end].contains(&true))
        });
        if !grouped || !self.within_paragraphs(&src, &tgt) {
            return None;
        }
        let ls: usize = self.src_len[src.clone()].iter().sum();
        let lt: usize = self.tgt_len[tgt.clone()].iter().sum();
        let length = if s.src > 0 && s.tgt > 0 {
            self.model.cost(ls, lt)
        } else {
            0.0
        };
        let anchors = bead_cost(&self.src_anchors[src], &self.tgt_anchors[tgt]);
        let expected = self.inserted.get(i).copied().unwrap_or(false);
        let prior = if s.src == 0 && expected {
            EXPECTED_INSERT_COST
        } else if s.src == 2 && s.tgt == 2 && self.expects_within(i, s.src) {
            // Where the other translation has a sentence the English
            // lacks, at the bead's start, between its two English
            // sentences or at its end, a 2-2 bead is most likely that
            // sentence glued to its neighbours (to a translator's merge,
            // or to a dropped sentence), the one as likely as the other:
            // price it as an insertion and a drop on top of its own
            // prior, so that only lengths that fit far better keep it.
            self.prior_cost[k] + EXPECTED_INSERT_COST + SKIP_COST
        } else if s.src == 0 {
            self.lone_insert
        } else {
            self.prior_cost[k]
        };
        Some(prior + length + anchors)
    }

    /// Whether a target sentence the source lacks is expected at a
    /// source position from `i` to `i + len` (a bead's bounds and the
    /// places between its source segments).
    fn expects_within(&self, i: usize, len: usize) -> bool {
        self.inserted.iter().skip(i).take(len + 1).any(|&x| x)
    }

    fn within_paragraphs(&self, src: &Range<usize>, tgt: &Range<usize>) -> bool {
        let Some((ps, pt)) = &self.paragraphs else {
            return true;
        };
        let one = |p: &[usize], r: &Range<usize>| -> Option<Option<usize>> {
            if r.is_empty() {
                return Some(None);
            }
            let q = p[r.start];
            p[r.clone()].iter().all(|&x| x == q).then_some(Some(q))
        };
        // The paragraph an empty side sits in must fit between its neighbours.
        let fits = |p: &[usize], at: usize, q: usize| {
            (at == 0 || p[at - 1] <= q) && (at == p.len() || p[at] >= q)
        };
        match (one(ps, src), one(pt, tgt)) {
            (Some(Some(a)), Some(Some(b))) => a == b,
            (Some(None), Some(Some(b))) => fits(ps, src.start, b),
            (Some(Some(a)), Some(None)) => fits(pt, tgt.start, a),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(lang: Lang, texts: &[&'a str]) -> Side<'a> {
        Side {
            lang,
            texts: texts.to_vec(),
            paragraphs: vec![0; texts.len()],
            lexicon: None,
        }
    }

    fn shapes(beads: &[Bead]) -> Vec<(usize, usize)> {
        beads.iter().map(|b| (b.src.len(), b.tgt.len())).collect()
    }

    #[test]
    fn an_added_sentence_is_one_where_the_other_translation_has_it_too() {
        let en = side(
            Lang::En,
            &[
                "The ministry opened 12 new schools in 2025.",
                "Minister Aliyev visited Shymkent.",
            ],
        );
        let ru = side(
            Lang::Ru,
            &[
                "В 2025 году министерство открыло 12 новых школ.",
                "Это рекорд.",
                "Министр Алиев посетил Шымкент.",
            ],
        );
        // Alone in this translation: the translator's split, a 1-2 bead.
        let lone = align_pair_expecting(&en, &ru, &[]);
        assert_eq!(lone.len(), 2);
        assert!(lone.iter().all(|b| b.src.len() == 1), "{lone:?}");
        // The other translation has a sentence here too: an insertion.
        let both = align_pair_expecting(&en, &ru, &[1]);
        assert_eq!(shapes(&both), vec![(1, 1), (0, 1), (1, 1)]);
    }

    #[test]
    fn an_expected_insertion_is_not_glued_to_a_drop() {
        let en = side(
            Lang::En,
            &[
                "Coverage rose to 95.4 per cent, against 87.1 per cent a year earlier.",
                "In 2024, 4,318 cases of measles were registered in the country.",
            ],
        );
        let ru = side(
            Lang::Ru,
            &[
                "АСТАНА, 2 апреля 2025 г. – Министерство здравоохранения сообщило о ходе вакцинации.",
                "Охват вырос до 95,4 процента против 87,1 процента годом ранее.",
            ],
        );
        let beads = align_pair_expecting(&en, &ru, &[0]);
        assert_eq!(shapes(&beads), vec![(0, 1), (1, 1), (1, 0)]);
    }

    #[test]
    fn an_expected_insertion_after_a_merge_is_not_glued_to_it() {
        let en = side(
            Lang::En,
            &[
                "The akimat of Zhambyl region opened a water treatment plant in Taraz on 4 March.",
                "Engineers are still checking how much water the new filters clean and how long they will last.",
                "The regional department of energy and housing is in charge of the plant and its repairs.",
            ],
        );
        let ru = side(
            Lang::Ru,
            &[
                "Акимат Жамбылской области открыл в Таразе 4 марта станцию очистки воды.",
                "Инженеры пока проверяют, сколько воды очищают новые фильтры и как долго они прослужат; за станцию и ее ремонт отвечает областное управление энергетики и жилищно-коммунального хозяйства.",
                "Ее мощность рассчитана на весь город.",
            ],
        );
        // Alone, the sentence the English lacks is glued to the merge.
        let lone = align_pair_expecting(&en, &ru, &[]);
        assert_eq!(shapes(&lone), vec![(1, 1), (2, 2)], "{lone:?}");
        // The Kazakh has it too, at the end.
        let beads = align_pair_expecting(&en, &ru, &[3]);
        assert_eq!(shapes(&beads), vec![(1, 1), (2, 1), (0, 1)], "{beads:?}");
    }

    #[test]
    fn finds_a_split_and_a_drop() {
        let en = side(
            Lang::En,
            &[
                "The ministry opened 12 new schools in 2025, and it plans 20 more next year.",
                "Minister Aliyev visited Shymkent.",
                "The weather was fine all week long and nobody complained about it.",
                "He met 40 teachers there.",
            ],
        );
        let ru = side(
            Lang::Ru,
            &[
                "В 2025 году министерство открыло 12 новых школ.",
                "В следующем году планируется ещё 20.",
                "Министр Алиев посетил Шымкент.",
                "Там он встретился с 40 учителями.",
            ],
        );
        let beads = align_pair(&en, &ru);
        assert_eq!(shapes(&beads), vec![(1, 2), (1, 1), (1, 0), (1, 1)]);
        assert!(beads.iter().all(|b| (0.0..=1.0).contains(&b.confidence)));
    }
}
