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
