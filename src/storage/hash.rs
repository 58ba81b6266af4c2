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
#[derive(Debug, Clone, Copy)]
pub struct Sum(pub u64);

impl Default for Sum {
    fn default() -> Sum {
        Sum(0xcbf29ce484222325)
    }
}

impl Sum {
    /// Adds bytes to the checksum. Bytes given in several calls sum as
    /// though given at once only when each call but the last has a multiple
    /// of eight.
    pub fn add_bytes(&mut self, bytes: &[u8]) -> &mut Sum {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            // The length of a short last chunk counts, so trailing zero
            // bytes are not lost.
            if chunk.len() < 8 {
                word[7] ^= chunk.len() as u8 | 0x80;
            }
            self.0 = (self.0.rotate_left(29) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x9E3779B97F4A7C15);
        }
        self
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
        let base = Sum::default().add_bytes(&data).0;
        for i in 0..data.len() {
            for bit in 0..8 {
                let mut d = data.clone();
                d[i] ^= 1 << bit;
                assert_ne!(Sum::default().add_bytes(&d).0, base, "byte {i} bit {bit}");
            }
        }
        assert_ne!(
            Sum::default().add_bytes(&[0]).0,
            Sum::default().add_bytes(&[0, 0]).0
        );
    }
}
