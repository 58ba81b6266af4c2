//! The one hash of tm's files: FNV-1a, 64 bits, and a checksum built on
//! the same idea for large arrays.
//!
//! FNV is tiny and stable across versions and platforms, which unit ids
//! (derived from a unit's texts) and the stamps of derived files need and
//! `std`'s hasher does not promise. It is not a defence against an
//! attacker, only against change and damage.

/// FNV-1a, 64 bits, fed piece by piece.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf29ce484222325)
    }
}

impl Fnv {
    /// A hash of nothing yet.
    pub fn new() -> Fnv {
        Fnv::default()
    }

    /// Adds bytes.
    pub fn write(&mut self, bytes: &[u8]) -> &mut Fnv {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
        self
    }

    /// The hash so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a of `bytes` in one call.
pub fn fnv(bytes: &[u8]) -> u64 {
    Fnv::new().write(bytes).finish()
}

/// A checksum of bytes eight at a time: fast enough to check every byte
/// of a derived file of hundreds of megabytes on every open, and sensitive
/// to any flipped bit.
///
/// Words go round four lanes, each mixed on its own (rotate, xor the word,
/// multiply by an odd constant: every step can be undone, so a changed word
/// always changes its lane), so that a processor mixes four at once; the
/// lanes and the word count are mixed into one value at the end, each step
/// again one that can be undone.
#[derive(Debug, Clone, Copy)]
pub struct Sum {
    lanes: [u64; 4],
    words: u64,
}

const SUM_SEED: u64 = 0xcbf29ce484222325;
const SUM_MUL: u64 = 0x9E3779B97F4A7C15;

impl Default for Sum {
    fn default() -> Sum {
        Sum {
            lanes: [SUM_SEED, SUM_SEED ^ 1, SUM_SEED ^ 2, SUM_SEED ^ 3],
            words: 0,
        }
    }
}

/// One lane's step.
#[inline(always)]
fn mix(lane: u64, word: u64) -> u64 {
    (lane.rotate_left(29) ^ word).wrapping_mul(SUM_MUL)
}

impl Sum {
    /// Adds bytes to the checksum. Bytes given in several calls sum as
    /// though given at once only when each call but the last has a multiple
    /// of eight.
    pub fn add_bytes(&mut self, mut bytes: &[u8]) -> &mut Sum {
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
        // Up to the next first lane one word at a time, then four at once.
        while !self.words.is_multiple_of(4) && bytes.len() >= 8 {
            self.add_word(word(&bytes[..8]));
            bytes = &bytes[8..];
        }
        let mut blocks = bytes.chunks_exact(32);
        let [mut a, mut b, mut c, mut d] = self.lanes;
        for block in &mut blocks {
            a = mix(a, word(&block[..8]));
            b = mix(b, word(&block[8..16]));
            c = mix(c, word(&block[16..24]));
            d = mix(d, word(&block[24..]));
        }
        self.lanes = [a, b, c, d];
        self.words += (bytes.len() / 32 * 4) as u64;
        let mut words = blocks.remainder().chunks_exact(8);
        for w in &mut words {
            self.add_word(word(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            // The length of a short last chunk counts, so trailing zero
            // bytes are not lost.
            last[7] ^= rest.len() as u8 | 0x80;
            self.add_word(u64::from_le_bytes(last));
        }
        self
    }

    fn add_word(&mut self, word: u64) {
        let lane = (self.words % 4) as usize;
        self.lanes[lane] = mix(self.lanes[lane], word);
        self.words += 1;
    }

    /// The checksum of the bytes added so far.
    pub fn value(&self) -> u64 {
        self.lanes
            .iter()
            .fold(mix(SUM_SEED, self.words), |h, &lane| mix(h, lane))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_one() {
        // Test vectors of FNV-1a 64.
        assert_eq!(fnv(b""), 0xcbf29ce484222325);
        assert_eq!(fnv(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv(b"foobar"), 0x85944171f73967e8);
        let mut h = Fnv::new();
        h.write(b"foo").write(b"bar");
        assert_eq!(h.finish(), fnv(b"foobar"));
    }

    #[test]
    fn every_flipped_bit_changes_the_sum() {
        let data: Vec<u8> = (0..100u8).collect();
        let base = Sum::default().add_bytes(&data).value();
        for i in 0..data.len() {
            for bit in 0..8 {
                let mut d = data.clone();
                d[i] ^= 1 << bit;
                assert_ne!(
                    Sum::default().add_bytes(&d).value(),
                    base,
                    "byte {i} bit {bit}"
                );
            }
        }
        assert_ne!(
            Sum::default().add_bytes(&[0]).value(),
            Sum::default().add_bytes(&[0, 0]).value()
        );
        assert_ne!(
            Sum::default().add_bytes(&[0; 8]).value(),
            Sum::default().add_bytes(&[0; 16]).value()
        );
        // Cut anywhere into pieces of whole words, the same sum.
        for cut in (0..=96).step_by(8) {
            let mut s = Sum::default();
            s.add_bytes(&data[..cut]).add_bytes(&data[cut..]);
            assert_eq!(s.value(), base, "cut at {cut}");
        }
    }
}
