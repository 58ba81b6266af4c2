//! The query's keys with their counts in a small open-addressing table, so
//! that counting the keys a unit shares with the query touches a few
//! hundred bytes rather than an array as large as the vocabulary.

/// An empty slot.
const EMPTY: u32 = u32::MAX;

/// Key ids with counts, taken one by one and restored after each unit.
#[derive(Debug, Default)]
pub struct KeySet {
    keys: Vec<u32>,
    left: Vec<u32>,
    full: Vec<u32>,
    taken: Vec<usize>,
    shift: u32,
    /// One bit per `key % 4096`: most keys of a unit are not the query's,
    /// and this says so without a probe.
    bits: Vec<u64>,
}

impl KeySet {
    /// Fills the set with `(key, count)` pairs (`u32::MAX` keys ignored).
    pub fn fill(&mut self, pairs: &[(u32, usize)]) {
        let size = (2 * pairs.len()).next_power_of_two().max(16);
        self.shift = 32 - size.trailing_zeros();
        self.keys.clear();
        self.keys.resize(size, EMPTY);
        self.full.clear();
        self.full.resize(size, 0);
        self.bits.clear();
        self.bits.resize(64, 0);
        for &(k, c) in pairs {
            if k == EMPTY {
                continue;
            }
            self.bits[(k as usize >> 6) & 63] |= 1 << (k & 63);
            let mut s = self.slot(k);
            while self.keys[s] != EMPTY && self.keys[s] != k {
                s = (s + 1) & (size - 1);
            }
            self.keys[s] = k;
            self.full[s] += c as u32;
        }
        self.left.clone_from(&self.full);
    }

    fn slot(&self, k: u32) -> usize {
        (k.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }

    /// Takes one `k` if any is left; says whether it did.
    #[inline]
    pub fn take(&mut self, k: u32) -> bool {
        if self.bits[(k as usize >> 6) & 63] & (1 << (k & 63)) == 0 {
            return false;
        }
        let mask = self.keys.len() - 1;
        let mut s = self.slot(k);
        loop {
            match self.keys[s] {
                EMPTY => return false,
                x if x == k => {
                    if self.left[s] == 0 {
                        return false;
                    }
                    self.left[s] -= 1;
                    self.taken.push(s);
                    return true;
                }
                _ => s = (s + 1) & mask,
            }
        }
    }

    /// Gives back everything taken since the last restore.
    pub fn restore(&mut self) {
        for &s in &self.taken {
            self.left[s] = self.full[s];
        }
        self.taken.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_up_to_the_count_and_restores() {
        let mut s = KeySet::default();
        s.fill(&[(7, 2), (u32::MAX, 3), (40, 1)]);
        assert!(s.take(7) && s.take(7) && !s.take(7));
        assert!(s.take(40) && !s.take(40) && !s.take(8) && !s.take(u32::MAX));
        s.restore();
        assert!(s.take(7) && s.take(40));
    }
}
