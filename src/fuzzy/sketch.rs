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

/// Repeats of a key told apart in a sketch: occurrence `r` (from 0) of a
/// key is the token `(key, r)`; those from `REPEATS` on share one hashed
/// bit.
pub const REPEATS: usize = 4;

/// Which bit of a unit's 128-bit sketch each token sets.
///
/// A unit's tokens are its keys with repeats told apart: occurrence `r`
/// of key `k` is the token `(k, r)`, so the tokens two units
/// share are the keys they share as multisets. The [`DEDICATED`] most
/// common tokens of the index each own a bit; every other token sets one
/// of the remaining bits by hash. For a query, the sum over bits of
/// `min(query tokens on that bit, unit has the bit)` bounds the tokens the
/// unit shares from above. In a memory of press releases half of every
/// sentence is a few dozen common words and numbers, which a plain hash of
/// keys into 128 bits blurred: with their own bits (repeats apart) the
/// bound is nearly the true count, so almost no unit whose keys must be
/// fetched fails the count filter afterwards.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sketch {
    /// Per key, at `r`, the dedicated bit of its occurrence `r`
    /// (`u8::MAX`: hashed).
    bits: Vec<[u8; REPEATS]>,
}

impl Sketch {
    /// A sketch over `keys` key ids where the tokens of `common`
    /// (`(key, r)`, most common first, `r` counted from 0 and below
    /// [`REPEATS`]) get the dedicated bits, as many as there are.
    pub fn new(keys: usize, common: impl IntoIterator<Item = (u32, usize)>) -> Sketch {
        let mut bits = vec![[u8::MAX; REPEATS]; keys];
        for (b, (k, r)) in common.into_iter().take(DEDICATED).enumerate() {
            bits[k as usize][r] = b as u8;
        }
        Sketch { bits }
    }

    /// The bit of token `(k, r)`, `r` counted from 0.
    #[inline]
    pub fn bit(&self, k: u32, r: usize) -> u32 {
        let own = self
            .bits
            .get(k as usize)
            .map_or(u8::MAX, |b| b[r.min(REPEATS - 1)]);
        if own != u8::MAX && r < REPEATS {
            return u32::from(own);
        }
        let r = r.min(REPEATS) as u32;
        let h = (k ^ r.wrapping_mul(0x85EB_CA6B)).wrapping_mul(0x9E37_79B1);
        DEDICATED as u32 + (h >> (32 - (128 - DEDICATED).trailing_zeros()))
    }

    /// A unit's sketch: the bit of each of its tokens. `scratch` is
    /// reused between units.
    pub fn of_unit(&self, keys: &[u32], scratch: &mut Vec<u32>) -> u128 {
        scratch.clear();
        scratch.extend_from_slice(keys);
        scratch.sort_unstable();
        let mut sig = 0u128;
        let mut r = 0;
        for (j, &k) in scratch.iter().enumerate() {
            r = if j > 0 && scratch[j - 1] == k {
                r + 1
            } else {
                0
            };
            sig |= 1 << self.bit(k, r);
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
