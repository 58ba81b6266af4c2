//! A unit's tokens in 128 bits: the filter that drops most units sharing
//! too few keys with a query before their keys are fetched from memory.
//!
//! It depends on no other part of matching: [`super::prefix`] chooses the
//! common tokens from an index and stores each unit's sketch with its
//! postings, [`super::search`] bounds the shared tokens with it.

/// Dedicated sketch bits: the most common tokens each have their own.
pub const DEDICATED: usize = 64;

// The hashed bits are taken from the top of a 32-bit hash.
const _: () = assert!((128 - DEDICATED).is_power_of_two());

/// Repeats of a common key told apart in a sketch: occurrence `r` (from
/// 0) of a key is the token `(key, r)`; those from `REPEATS` on share one
/// hashed bit.
pub const REPEATS: usize = 4;

/// Which bit of a unit's 128-bit sketch each token sets.
///
/// A unit's tokens are its keys with repeats told apart: occurrence `r`
/// of key `k` is the token `(k, r)`, so the tokens two units share are the
/// keys they share as multisets. The [`DEDICATED`] most common tokens of
/// the index each own a bit; every other token sets one of the remaining
/// bits by hash. A shared token sets the same bit in both, so the query's
/// tokens on the bits a unit has, counted, bound the tokens the unit
/// shares from above. In a memory of press releases half of every
/// sentence is a few dozen common words and numbers, which a plain hash of
/// keys into 128 bits blurred: with their own bits (repeats apart) the
/// bound is nearly the true count, so almost no unit whose keys must be
/// fetched fails the count filter afterwards.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sketch {
    /// Per key: the bit of its first occurrence (dedicated or hashed) in
    /// the low byte, and in the high byte its row of `rows`, or
    /// [`NO_ROW`] for a key whose repeats have no dedicated bit (they all
    /// set one hashed bit). One lookup per key of every unit when an
    /// index is opened.
    keys: Vec<u16>,
    /// The bits of occurrences `0..REPEATS` of a key with dedicated
    /// repeats, then the hashed bit of the later ones.
    rows: Vec<[u8; REPEATS + 1]>,
    /// The tokens with dedicated bits, as given to [`Sketch::new`]: what a
    /// segment file stores to make the same sketch again.
    common: Vec<(u32, usize)>,
}

/// A key without a row of repeat bits.
const NO_ROW: u16 = 0xFF;

impl Sketch {
    /// A sketch over `keys` key ids where the tokens of `common`
    /// (`(key, r)`, most common first, `r` counted from 0 and below
    /// [`REPEATS`]) get the dedicated bits, as many as there are.
    pub fn new(keys: usize, common: impl IntoIterator<Item = (u32, usize)>) -> Sketch {
        let common: Vec<(u32, usize)> = common.into_iter().take(DEDICATED).collect();
        let mut sketch = Sketch {
            keys: (0..keys as u32)
                .map(|k| u16::from(hashed(k, 0)) | NO_ROW << 8)
                .collect(),
            rows: Vec::new(),
            common: Vec::new(),
        };
        for &(k, r) in &common {
            let e = &mut sketch.keys[k as usize];
            if r > 0 && *e >> 8 == NO_ROW {
                *e = *e & 0xFF | (sketch.rows.len() as u16) << 8;
                sketch
                    .rows
                    .push(std::array::from_fn(|r| hashed(k, r.min(REPEATS))));
            }
        }
        for (b, &(k, r)) in common.iter().enumerate() {
            let e = &mut sketch.keys[k as usize];
            if r == 0 {
                *e = *e & 0xFF00 | b as u16;
            }
            if *e >> 8 != NO_ROW {
                sketch.rows[usize::from(*e >> 8)][r] = b as u8;
            }
        }
        sketch.common = common;
        sketch
    }

    /// The tokens with dedicated bits, most common first.
    pub fn common(&self) -> &[(u32, usize)] {
        &self.common
    }

    /// Key `k`'s entry of `keys` (for a key outside the index: its hashed
    /// first bit, no row).
    fn entry(&self, k: u32) -> u16 {
        self.keys
            .get(k as usize)
            .copied()
            .unwrap_or(u16::from(hashed(k, 0)) | NO_ROW << 8)
    }

    /// The bit of token `(k, r)`, `r` counted from 0.
    pub fn bit(&self, k: u32, r: usize) -> u32 {
        let e = self.entry(k);
        let b = match (e >> 8, r) {
            (_, 0) => e as u8,
            (NO_ROW, _) => hashed(k, 1),
            (row, r) => self.rows[usize::from(row)][r.min(REPEATS)],
        };
        u32::from(b)
    }

    /// A unit's sketch: the bit of each of its tokens. A key that has no
    /// row and finds its bit set already also sets its repeats' bit,
    /// whether it is a repeat or another key's bit: a bit too many only
    /// loosens the bound, and this way keys are not counted.
    pub fn of_unit(&self, keys: &[u32]) -> u128 {
        let mut sig = 0u128;
        let mut seen = [0u8; DEDICATED];
        for &k in keys {
            let e = self.entry(k);
            let b = match e >> 8 {
                NO_ROW if sig & 1 << (e & 0xFF) != 0 => hashed(k, 1),
                NO_ROW => e as u8,
                row => {
                    let r = &mut seen[usize::from(row)];
                    let b = self.rows[usize::from(row)][usize::from(*r).min(REPEATS)];
                    *r = r.saturating_add(1);
                    b
                }
            };
            sig |= 1 << b;
        }
        sig
    }

    /// Masks of a query's tokens (`(key, count)` pairs, `u32::MAX` keys
    /// left out): `masks[w]` has the bits that more than `w` of them set,
    /// so that the sum of `(sketch & masks[w]).count_ones()` bounds the
    /// tokens a unit with that sketch shares with them.
    pub fn masks(&self, tokens: &[(u32, usize)], masks: &mut Vec<u128>) {
        let mut weight = [0u8; 128];
        for &(k, c) in tokens.iter().filter(|(k, _)| *k != u32::MAX) {
            for r in 0..c {
                let b = self.bit(k, r) as usize;
                weight[b] = weight[b].saturating_add(1);
            }
        }
        masks.clear();
        for w in 0.. {
            let mask = (0..128)
                .filter(|&b| weight[b] > w)
                .fold(0u128, |m, b| m | 1 << b);
            if mask == 0 {
                break;
            }
            masks.push(mask);
        }
    }
}

/// The hashed bit of token `(k, r)`: one of the bits after the dedicated
/// ones.
fn hashed(k: u32, r: usize) -> u8 {
    let r = r as u32;
    let h = (k ^ r.wrapping_mul(0x85EB_CA6B)).wrapping_mul(0x9E37_79B1);
    (DEDICATED as u32 + (h >> (32 - (128 - DEDICATED).trailing_zeros()))) as u8
}
