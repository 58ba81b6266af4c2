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
        let mut ids: std::collections::HashMap<String, u32> = Default::default();
        let mut names: Vec<String> = Vec::new();
        let mut seq_off = vec![0u32];
        let mut seq = Vec::new();
        let mut has_text = Vec::new();
        for keys in units {
            has_text.push(u8::from(keys.is_some()));
            for key in keys.into_iter().flatten() {
                let next = names.len() as u32;
                let id = *ids.entry(key).or_insert_with_key(|k| {
                    names.push(k.clone());
                    next
                });
                seq.push(id);
            }
            seq_off.push(seq.len() as u32);
        }
        drop(ids);
        let (vocab, remap) = Vocab::from_names(names);
        for k in &mut seq {
            *k = remap[*k as usize];
        }
        let mut index = Index {
            vocab,
            seq_off,
            seq,
            post_off: Vec::new(),
            post: Vec::new(),
            has_text,
            ..Index::default()
        };
        index.build_postings();
        prefix::build(&mut index);
        index
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
