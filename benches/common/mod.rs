//! What several benchmarks share: a seedable random generator, the word
//! lists of `data/concord_words.txt`, release-like sentences made from them
//! ([`press`]), and running a command while measuring its wall time and
//! peak memory ([`measure`]).
//!
//! Each bench is its own crate and uses a part of this, so each includes it
//! with `#[allow(dead_code)] mod common;`.

pub mod measure;
pub mod press;

use tm::Lang;

/// xorshift64*: a fixed, seedable generator so every run builds the same
/// data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The word lists (benches/data/concord_words.txt).
pub struct Lists {
    pub en: Vec<&'static str>,
    pub ru_stems: Vec<&'static str>,
    pub ru_endings: Vec<&'static str>,
    pub ru_small: Vec<&'static str>,
    pub kk_stems: Vec<&'static str>,
    pub kk_suffixes: Vec<&'static str>,
    /// The English of `ru_stems` and `kk_stems`, word for word.
    pub en_concepts: Vec<&'static str>,
    /// The English of `ru_small`.
    pub en_small: Vec<&'static str>,
}

pub fn lists() -> Lists {
    let text = include_str!("../data/concord_words.txt");
    let list = |name: &str| -> Vec<&'static str> {
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
            .unwrap_or_else(|| panic!("no list {name}"))
            .split_whitespace()
            .map(|w| if w == "-" { "" } else { w })
            .collect()
    };
    Lists {
        en: list("EN"),
        ru_stems: list("RU_STEMS"),
        ru_endings: list("RU_ENDINGS"),
        ru_small: list("RU_SMALL"),
        kk_stems: list("KK_STEMS"),
        kk_suffixes: list("KK_SUFFIXES"),
        en_concepts: list("EN_CONCEPTS"),
        en_small: list("EN_SMALL"),
    }
}

/// A sentence of 6–19 words from the lists alone, in one language (the
/// concordance benchmark's data: its phrases are chosen against these
/// lists).
pub fn sentence(rng: &mut Rng, w: &Lists, lang: Lang) -> String {
    let n = 6 + rng.below(14);
    let mut words: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let w = match lang {
            Lang::En => rng.pick(&w.en).to_string(),
            Lang::Ru if rng.below(4) == 0 => rng.pick(&w.ru_small).to_string(),
            Lang::Ru => format!("{}{}", rng.pick(&w.ru_stems), rng.pick(&w.ru_endings)),
            Lang::Kk => format!("{}{}", rng.pick(&w.kk_stems), rng.pick(&w.kk_suffixes)),
        };
        words.push(w);
    }
    capitalised(words.join(" ")) + "."
}

/// `s` with its first letter in upper case.
pub fn capitalised(mut s: String) -> String {
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}
