//! Building an [`Index`] from the units' keys: the key ids, the full
//! posting lists and (through [`super::prefix`]) the prefix postings.
//!
//! Kept apart from [`super::index`], which holds only the layout, so that
//! the prefix index can depend on the layout without the layout depending
//! on it.

use super::index::Index;
use super::prefix;
use super::vocab::Vocab;

impl Index {
    /// Builds the index from each unit's keys (`None` for a unit without a
    /// text in the source language).
    pub fn build<I, K>(units: I) -> Index
    where
        I: IntoIterator<Item = Option<K>>,
        K: IntoIterator<Item = String>,
    {
        let mut builder = IndexBuilder::default();
        for keys in units {
            builder.push(keys);
        }
        builder.finish()
    }

    /// Builds the full posting lists again when they were left out: an
    /// index read from a segment file keeps only their lengths, since a
    /// search at a threshold of [`super::prefix::FLOOR`] or more walks the
    /// prefix lists alone.
    pub fn restore_postings(&mut self) {
        if self.post.len() as u64 != self.post_off.last().map_or(0, |&x| u64::from(x)) {
            self.build_postings();
        }
    }

    fn build_postings(&mut self) {
        let units = self.units();
        let mut order: Vec<u32> = (0..units as u32).collect();
        order.sort_by_key(|&u| (self.len_of(u), u));
        let mut count = vec![0u32; self.vocab.len() + 1];
        let mut last = vec![u32::MAX; self.vocab.len()];
        for &u in &order {
            for &k in self.keys_of(u) {
                if last[k as usize] != u {
                    last[k as usize] = u;
                    count[k as usize + 1] += 1;
                }
            }
        }
        for k in 0..self.vocab.len() {
            count[k + 1] += count[k];
        }
        self.post_off = count.clone();
        self.post = vec![0; *count.last().unwrap_or(&0) as usize];
        last.fill(u32::MAX);
        for &u in &order {
            for &k in
                &self.seq[self.seq_off[u as usize] as usize..self.seq_off[u as usize + 1] as usize]
            {
                if last[k as usize] != u {
                    last[k as usize] = u;
                    self.post[count[k as usize] as usize] = u;
                    count[k as usize] += 1;
                }
            }
        }
    }
}

/// Builds an [`Index`] one unit at a time, so that the units' texts need
/// not all be held while it is built (a segment is built part by part).
#[derive(Debug)]
pub struct IndexBuilder {
    ids: std::collections::HashMap<String, u32>,
    names: Vec<String>,
    seq_off: Vec<u32>,
    seq: Vec<u32>,
    has_text: Vec<u8>,
}

impl Default for IndexBuilder {
    fn default() -> IndexBuilder {
        IndexBuilder {
            ids: Default::default(),
            names: Vec::new(),
            seq_off: vec![0],
            seq: Vec::new(),
            has_text: Vec::new(),
        }
    }
}

impl IndexBuilder {
    /// Adds the next unit's keys (`None` for a unit without a text in the
    /// source language).
    pub fn push<K, S>(&mut self, keys: Option<K>)
    where
        K: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.has_text.push(u8::from(keys.is_some()));
        for key in keys.into_iter().flatten() {
            let key = key.as_ref();
            let id = match self.ids.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.names.len() as u32;
                    self.names.push(key.to_string());
                    self.ids.insert(key.to_string(), id);
                    id
                }
            };
            self.seq.push(id);
        }
        self.seq_off.push(self.seq.len() as u32);
    }

    /// The index of the units pushed.
    pub fn finish(self) -> Index {
        let IndexBuilder {
            ids,
            names,
            seq_off,
            mut seq,
            has_text,
        } = self;
        drop(ids);
        let (vocab, remap) = Vocab::from_names(names);
        for k in &mut seq {
            *k = remap[*k as usize];
        }
        let mut index = Index {
            vocab,
            seq_off,
            seq,
            has_text,
            ..Index::default()
        };
        index.build_postings();
        prefix::build(&mut index);
        index
    }
}
