//! Three versions into three-language units: the English–Russian and
//! English–Kazakh alignments are joined on the English segments.
//!
//! A unit boundary is placed where both pairwise alignments have one, so
//! where Russian and Kazakh disagree about a merge the unit takes the larger
//! group rather than dropping or splitting a sentence. A sentence missing in
//! English becomes its own unit at a shared boundary (with what the other
//! translation has there, if anything), or joins the unit it falls inside.

use std::ops::Range;

use super::pair::Bead;

/// A three-way unit: ranges of English, Russian and Kazakh segments, and the
/// confidence of the pairwise beads it is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    /// Segment ranges, in the order English, Russian, Kazakh.
    pub ranges: [Range<usize>; 3],
    /// The lowest confidence of the pairwise beads in it, halved when the two
    /// pairwise alignments group its English differently.
    pub confidence: f64,
}

/// Joins the English–Russian beads `ru` and the English–Kazakh beads `kk`
/// of a text with `n` English segments.
pub fn join(ru: &[Bead], kk: &[Bead], n: usize) -> Vec<Joined> {
    let bounds = |beads: &[Bead]| {
        let mut b = vec![false; n + 1];
        b[0] = true;
        for bead in beads {
            b[bead.src.end] = true;
        }
        b
    };
    let (br, bk) = (bounds(ru), bounds(kk));
    let common: Vec<usize> = (0..=n).filter(|&i| (br[i] && bk[i]) || i == n).collect();
    let groups = common.len().saturating_sub(1);
    let group_of = |pos: usize| common.partition_point(|&c| c <= pos).saturating_sub(1);
    let mut units: Vec<Joined> = (0..groups)
        .map(|g| Joined {
            ranges: [common[g]..common[g + 1], 0..0, 0..0],
            confidence: 1.0,
        })
        .collect();
    let mut beads_in = vec![[0usize; 2]; groups];
    // Insertions (English empty) at a shared boundary, by position, with
    // the Russian and the Kazakh ones apart.
    let mut slots: Vec<(usize, [Vec<&Bead>; 2])> = Vec::new();
    for (side, beads) in [(1usize, ru), (2usize, kk)] {
        let mut pos = 0;
        for bead in beads {
            let target: &mut Joined = if !bead.src.is_empty() {
                pos = bead.src.end;
                let g = group_of(bead.src.start);
                beads_in[g][side - 1] += 1;
                &mut units[g]
            } else if common.binary_search(&pos).is_ok() {
                match slots.iter_mut().find(|(p, _)| *p == pos) {
                    Some(slot) => slot.1[side - 1].push(bead),
                    None => {
                        let mut lists = [Vec::new(), Vec::new()];
                        lists[side - 1].push(bead);
                        slots.push((pos, lists));
                    }
                }
                continue;
            } else {
                &mut units[group_of(pos)]
            };
            extend(&mut target.ranges[side], &bead.tgt);
            target.confidence = target.confidence.min(bead.confidence);
        }
    }
    let empty_at = |pos: usize| Joined {
        ranges: [pos..pos, 0..0, 0..0],
        confidence: 1.0,
    };
    let add = |u: &mut Joined, side: usize, b: &Bead| {
        extend(&mut u.ranges[side], &b.tgt);
        u.confidence = u.confidence.min(b.confidence);
    };
    // Russian and Kazakh sentences missing in English: one unit when both
    // languages have some at the same place (a sentence the English lacks,
    // however each translation cut it), each alone when only one has them.
    let mut slots: Vec<(usize, Joined)> = slots
        .into_iter()
        .flat_map(|(pos, [r, k])| {
            let mut made = Vec::new();
            if r.is_empty() || k.is_empty() {
                for i in 0..r.len().max(k.len()) {
                    let mut u = empty_at(pos);
                    if let Some(b) = r.get(i) {
                        add(&mut u, 1, b);
                    }
                    if let Some(b) = k.get(i) {
                        add(&mut u, 2, b);
                    }
                    made.push((pos, u));
                }
            } else {
                let mut u = empty_at(pos);
                r.iter().for_each(|b| add(&mut u, 1, b));
                k.iter().for_each(|b| add(&mut u, 2, b));
                made.push((pos, u));
            }
            made
        })
        .collect();
    for (u, counts) in units.iter_mut().zip(&beads_in) {
        if counts[0] > 1 && counts[1] > 1 {
            u.confidence *= 0.5;
        }
    }
    slots.sort_by_key(|(p, _)| *p); // stable: keeps the order within a slot
    let mut out = Vec::with_capacity(units.len() + slots.len());
    let mut slots = slots.into_iter().peekable();
    for u in units {
        while let Some((_, s)) = slots.next_if(|(p, _)| *p <= u.ranges[0].start) {
            out.push(s);
        }
        out.push(u);
    }
    out.extend(slots.map(|(_, s)| s));
    out
}

/// Grows `range` to cover `add` (an empty range takes `add` as it is).
fn extend(range: &mut Range<usize>, add: &Range<usize>) {
    if add.start >= add.end {
        return;
    }
    if range.start >= range.end {
        *range = add.clone();
    } else {
        range.start = range.start.min(add.start);
        range.end = range.end.max(add.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(src: Range<usize>, tgt: Range<usize>) -> Bead {
        Bead {
            src,
            tgt,
            confidence: 0.9,
        }
    }

    #[test]
    fn disagreeing_merges_take_the_larger_group() {
        // en 0,1 | 2 ; ru merges 0+1 ; kk merges 1+2.
        let ru = [bead(0..2, 0..1), bead(2..3, 1..2)];
        let kk = [bead(0..1, 0..1), bead(1..3, 1..2)];
        let j = join(&ru, &kk, 3);
        assert_eq!(j.len(), 1);
        assert_eq!(j[0].ranges, [0..3, 0..2, 0..2]);
    }

    #[test]
    fn a_sentence_missing_in_english_gets_its_own_unit() {
        let ru = [bead(0..1, 0..1), bead(1..1, 1..2), bead(1..2, 2..3)];
        let kk = [bead(0..1, 0..1), bead(1..1, 1..2), bead(1..2, 2..3)];
        let j = join(&ru, &kk, 2);
        let r: Vec<_> = j.iter().map(|u| u.ranges.clone()).collect();
        assert_eq!(
            r,
            vec![[0..1, 0..1, 0..1], [1..1, 1..2, 1..2], [1..2, 2..3, 2..3]]
        );
    }
}
