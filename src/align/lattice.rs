//! The cells of the alignment dynamic program: every pair of positions
//! (source `i`, target `j`) for texts of ordinary size, and a band around
//! the diagonal for very long ones, so that time and memory stay linear in
//! the text's length instead of growing with the product of the two.

use std::ops::RangeInclusive;

/// Up to this many cells the whole lattice is used (a 2,000 × 2,000
/// segment text); above it, a band.
const FULL_CELLS: usize = 1 << 22;

/// Half-width of the band, in target positions, for very long texts:
/// enough for a translation that drifts by a few hundred sentences.
const BAND: usize = 300;

/// The cells the dynamic program visits, laid out row by row.
#[derive(Debug, Clone)]
pub struct Lattice {
    lo: Vec<usize>,
    hi: Vec<usize>,
    off: Vec<usize>,
    /// Number of cells.
    pub cells: usize,
}

impl Lattice {
    /// The lattice for `n` source and `m` target segments.
    pub fn new(n: usize, m: usize) -> Lattice {
        let full = (n + 1).saturating_mul(m + 1) <= FULL_CELLS || n == 0;
        // Wide enough that neighbouring rows always overlap.
        let half = BAND.max(3 * (m / n.max(1) + 1));
        let (mut lo, mut hi, mut off) = (Vec::new(), Vec::new(), Vec::new());
        let mut cells = 0;
        for i in 0..=n {
            let (l, h) = if full {
                (0, m)
            } else {
                let center = (i * m + n / 2) / n;
                (center.saturating_sub(half), (center + half).min(m))
            };
            lo.push(l);
            hi.push(h);
            off.push(cells);
            cells += h - l + 1;
        }
        Lattice { lo, hi, off, cells }
    }

    /// The index of cell (`i`, `j`), if it is in the lattice.
    pub fn at(&self, i: usize, j: usize) -> Option<usize> {
        let (&lo, &hi) = (self.lo.get(i)?, self.hi.get(i)?);
        (lo..=hi).contains(&j).then(|| self.off[i] + j - lo)
    }

    /// The target positions of row `i`.
    pub fn row(&self, i: usize) -> RangeInclusive<usize> {
        self.lo[i]..=self.hi[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_lattices_are_full_and_large_ones_banded() {
        let l = Lattice::new(3, 4);
        assert_eq!(l.cells, 20);
        assert_eq!(l.at(3, 4), Some(19));
        let b = Lattice::new(10_000, 9_000);
        assert!(b.cells < 10_001 * 700);
        assert!(b.at(0, 0).is_some() && b.at(10_000, 9_000).is_some());
        assert_eq!(b.at(0, 5_000), None);
    }
}
