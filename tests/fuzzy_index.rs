//! The index loses no match: for random memories, queries and thresholds,
//! indexed search returns exactly what scoring every unit returns.

use proptest::prelude::*;

use tm::fuzzy::score::{score, Prepared};
use tm::fuzzy::Matcher;
use tm::memory::{Memory, Unit};
use tm::Lang;

/// Words chosen to collide: inflected forms of one stem, case variants,
/// numbers, and punctuation that is not a word.
const WORDS: &[&str] = &[
    "центр",
    "центра",
    "Центре",
    "открыл",
    "открыла",
    "новый",
    "новая",
    "в",
    "В",
    "Астане",
    "Астана",
    "году",
    "5",
    "7,5",
    "2024",
    "2025",
    "—",
    "отчёт",
    "отчет",
    "министр",
    "министерство",
    "и",
    "на",
    "план",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(WORDS), 0..9),
        proptest::sample::select(&[".", "", "!", ","][..]),
    )
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")))
}

fn memory(texts: &[Option<String>]) -> Memory {
    let units = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut u = Unit::new(format!("u{i}"), "2026-01-01T00:00:00Z");
            u.set_text(Lang::Ru, t.clone());
            u.set_text(Lang::En, Some(format!("unit {i}")));
            u.doubtful = i % 7 == 3;
            u
        })
        .collect();
    Memory { units }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn indexed_search_equals_brute_force(
        texts in proptest::collection::vec(proptest::option::weighted(0.9, sentence()), 0..40),
        query in sentence(),
        copy in proptest::option::of(0usize..40),
        min in prop_oneof![Just(0.0), Just(100.0), 0.0f64..100.0, (0u32..=20).prop_map(|x| f64::from(x) * 5.0)],
    ) {
        // Often query a stored text itself, or a near copy, so high
        // thresholds are exercised too.
        let query = match copy.and_then(|i| texts.get(i).cloned().flatten()) {
            Some(t) => t,
            None => query,
        };
        let mem = memory(&texts);
        let mut want: Vec<(u32, f64)> = Vec::new();
        let q = Prepared::new(&query, Lang::Ru);
        for (i, u) in mem.units.iter().enumerate() {
            if let Some(t) = u.text(Lang::Ru) {
                let s = score(&q, &Prepared::new(t, Lang::Ru), u.doubtful).score;
                if s >= min {
                    want.push((i as u32, s));
                }
            }
        }
        want.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut matcher = Matcher::from_memory(mem, Lang::Ru);
        let got: Vec<(u32, f64)> = matcher
            .search(&query, min, usize::MAX)
            .unwrap()
            .iter()
            .map(|m| (m.unit, m.score))
            .collect();
        prop_assert_eq!(&got, &want);
        let top3: Vec<(u32, f64)> = matcher
            .search(&query, min, 3)
            .unwrap()
            .iter()
            .map(|m| (m.unit, m.score))
            .collect();
        prop_assert_eq!(&top3[..], &want[..want.len().min(3)]);
    }
}

/// A small generator of press-like English sentences (a few dozen common
/// words and numbers, each sentence also drawing on a long tail of rarer
/// words), deterministic from its seed.
struct Press(u64);

impl Press {
    fn next(&mut self) -> u64 {
        // xorshift64*: enough to spread words, no dependency needed.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> String {
        const COMMON: &[&str] = &[
            "the",
            "ministry",
            "office",
            "minister",
            "seminar",
            "region",
            "in",
            "and",
            "of",
            "journalists",
            "city",
            "project",
            "on",
            "with",
            "agreement",
            "meeting",
        ];
        match self.below(10) {
            0..=3 => COMMON[self.below(COMMON.len())].to_string(),
            4 => self.below(3000).to_string(),
            // Rarer words: a tail of 1,500, some much rarer than others.
            _ => format!("w{}", self.below(40) * self.below(40)),
        }
    }

    fn sentence(&mut self) -> String {
        let n = 3 + self.below(22);
        let words: Vec<String> = (0..n).map(|_| self.word()).collect();
        format!("{}.", words.join(" "))
    }

    /// `text` with `edits` words replaced, dropped or added.
    fn edit(&mut self, text: &str, edits: usize) -> String {
        let mut words: Vec<String> = text
            .trim_end_matches('.')
            .split(' ')
            .map(str::to_string)
            .collect();
        for _ in 0..edits {
            let at = self.below(words.len().max(1));
            match self.below(3) {
                0 if !words.is_empty() => words[at] = self.word(),
                1 if words.len() > 1 => {
                    words.remove(at);
                }
                _ => words.insert(at, self.word()),
            }
        }
        format!("{}.", words.join(" "))
    }
}

/// The fast path against scoring every unit on a memory large enough for
/// the sketch's hashed bits to collide and its common tokens to matter:
/// stored copies, edited copies and new sentences, at the default and
/// other thresholds, for the top 1, 3 and all.
#[test]
fn indexed_search_equals_brute_force_on_a_generated_memory() {
    let mut g = Press(0x5eed_1234_abcd_0001);
    let mut texts: Vec<String> = (0..3000).map(|_| g.sentence()).collect();
    // Near duplicates, as in release memories.
    for i in 0..300 {
        let e = g.below(3);
        let copy = g.edit(&texts[i * 7], e);
        texts.push(copy);
    }
    let mem = Memory {
        units: texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut u = Unit::new(format!("u{i}"), "2026-01-01T00:00:00Z");
                u.set_text(Lang::En, Some(t.clone()));
                u.doubtful = i % 11 == 5;
                u
            })
            .collect(),
    };
    let prepared: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t, Lang::En)).collect();
    let mut matcher = Matcher::from_memory(mem.clone(), Lang::En);
    for q in 0..60 {
        let query = match q % 3 {
            0 => texts[g.below(texts.len())].clone(),
            1 => {
                let (at, e) = (g.below(texts.len()), 1 + g.below(6));
                g.edit(&texts[at], e)
            }
            _ => g.sentence(),
        };
        let p = Prepared::new(&query, Lang::En);
        let mut all: Vec<(u32, f64)> = prepared
            .iter()
            .zip(&mem.units)
            .enumerate()
            .map(|(i, (old, u))| (i as u32, score(&p, old, u.doubtful).score))
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for min in [50.0, 30.0, 75.0, 90.0] {
            let want: Vec<(u32, f64)> = all.iter().copied().filter(|x| x.1 >= min).collect();
            for top in [1, 3, usize::MAX] {
                let got: Vec<(u32, f64)> = matcher
                    .search(&query, min, top)
                    .unwrap()
                    .iter()
                    .map(|m| (m.unit, m.score))
                    .collect();
                assert_eq!(
                    got,
                    want[..want.len().min(top)],
                    "query {query:?}, min {min}, top {top}"
                );
            }
        }
    }
}
