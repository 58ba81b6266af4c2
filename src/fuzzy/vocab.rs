//! The keys of an index, sorted, so that a key's id is its position and
//! lookups need no hash table (the cache stores this as it is).

/// Sorted distinct keys in one byte buffer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    /// The keys' bytes, one after another.
    pub bytes: Vec<u8>,
    /// Key `k` is `bytes[off[k]..off[k + 1]]`.
    pub off: Vec<u32>,
}

impl Vocab {
    /// The vocabulary of `names` (distinct) and, for each name's old
    /// position, its new id.
    pub fn from_names(names: Vec<String>) -> (Vocab, Vec<u32>) {
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut remap = vec![0u32; names.len()];
        let mut vocab = Vocab {
            bytes: Vec::new(),
            off: vec![0],
        };
        for (new, &old) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
            vocab
                .bytes
                .extend_from_slice(names[old as usize].as_bytes());
            vocab.off.push(vocab.bytes.len() as u32);
        }
        (vocab, remap)
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.off.len().saturating_sub(1)
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, k: usize) -> &[u8] {
        &self.bytes[self.off[k] as usize..self.off[k + 1] as usize]
    }

    /// Key `k` (its bytes are checked to be UTF-8 when a cache is read).
    pub fn key(&self, k: u32) -> &str {
        std::str::from_utf8(self.get(k as usize)).unwrap_or_default()
    }

    /// The id of `key`, if any unit has it.
    pub fn id(&self, key: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }
}
