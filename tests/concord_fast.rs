//! The fast path of `tm concord` finds exactly what the scan finds: for
//! random memories (Russian, Kazakh and English texts built from inflected
//! forms of a few stems) and random phrases, the prefix index over a loaded
//! memory, the concordance file written on the first open and the one read
//! back on the second all return the units and spans of
//! [`tm::concord::concord`], in the same order.

use proptest::prelude::*;

use tm::concord::cache::{Concorder, Found};
use tm::concord::concord;
use tm::memory::{file, Memory, Unit};
use tm::storage::derived::Source;
use tm::Lang;

/// Stems that share prefixes (3- and 5-letter keys collide), with endings.
const RU: &[&str] = &[
    "астан",
    "астанайск",
    "столиц",
    "столичн",
    "форум",
    "форм",
    "ст",
    "мир",
    "мирово",
    "гост",
];
const RU_ENDINGS: &[&str] = &[
    "",
    "а",
    "ы",
    "е",
    "у",
    "ой",
    "ами",
    "ах",
    "ов",
    "ского",
    "ение",
];
const KK: &[&str] = &[
    "астана",
    "қала",
    "қалалық",
    "су",
    "сумен",
    "жабдық",
    "ел",
    "елор",
];
const KK_ENDINGS: &[&str] = &[
    "", "да", "дағы", "ның", "лар", "ға", "мен", "ды", "қа", "тар",
];
const EN: &[&str] = &[
    "press", "pressure", "office", "officer", "forum", "forums", "a", "in", "on", "seminar",
];
const GLUE: &[&str] = &[" ", " ", " ", ", ", ". ", " — ", "\n", "-"];

fn word(lang: Lang) -> BoxedStrategy<String> {
    let upper = any::<bool>();
    match lang {
        Lang::En => (prop::sample::select(EN), upper)
            .prop_map(|(w, u)| if u { w.to_uppercase() } else { w.to_string() })
            .boxed(),
        Lang::Ru => (
            prop::sample::select(RU),
            prop::sample::select(RU_ENDINGS),
            upper,
        )
            .prop_map(|(s, e, u)| {
                let w = format!("{s}{e}");
                // «ё» folds to «е»; capitals fold to lower case.
                let w = if e.is_empty() {
                    w.replace('е', "ё")
                } else {
                    w
                };
                if u {
                    w.to_uppercase()
                } else {
                    w
                }
            })
            .boxed(),
        Lang::Kk => (
            prop::sample::select(KK),
            prop::sample::select(KK_ENDINGS),
            upper,
        )
            .prop_map(|(s, e, u)| {
                let w = format!("{s}{e}");
                if u {
                    w.to_uppercase()
                } else {
                    w
                }
            })
            .boxed(),
    }
}

fn text(lang: Lang) -> impl Strategy<Value = String> {
    prop::collection::vec((word(lang), prop::sample::select(GLUE)), 1..8).prop_map(|ws| {
        ws.into_iter()
            .map(|(w, g)| format!("{w}{g}"))
            .collect::<String>()
    })
}

fn unit() -> impl Strategy<Value = (Option<String>, Option<String>, Option<String>, u8, u8)> {
    (
        prop::option::of(text(Lang::En)),
        prop::option::weighted(0.8, text(Lang::Ru)),
        prop::option::weighted(0.8, text(Lang::Kk)),
        0u8..4,
        0u8..3,
    )
}

fn memory() -> impl Strategy<Value = Memory> {
    prop::collection::vec(unit(), 0..40).prop_map(|units| Memory {
        units: units
            .into_iter()
            .enumerate()
            .map(|(i, (en, ru, kk, day, pos))| {
                // Few dates and positions, so that the order has ties.
                let mut u = Unit::new(
                    format!("u{i:03}"),
                    &format!("2026-05-0{}T00:00:00Z", 1 + day),
                );
                (u.en, u.ru, u.kk) = (en, ru, kk);
                u.position = Some(usize::from(pos));
                u
            })
            .collect(),
    })
}

fn phrase(lang: Lang) -> impl Strategy<Value = String> {
    prop::collection::vec(word(lang), 1..4).prop_map(|ws| ws.join(" "))
}

/// The result as ids and spans, to compare with the scan's.
fn ids(found: &Found) -> Vec<(String, Vec<(usize, usize)>)> {
    found
        .hits
        .iter()
        .map(|h| (h.unit.id.clone(), h.spans.clone()))
        .collect()
}

fn check(m: &Memory, lang: Lang, phrases: &[String], top: usize) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tm.json");
    file::save(m, &path).unwrap();
    let mut loaded = Concorder::from_memory(m.clone(), lang);
    let (mut first, source) = Concorder::open(&path, lang).unwrap();
    prop_assert_eq!(source, Source::JsonCached);
    let (mut second, source) = Concorder::open(&path, lang).unwrap();
    prop_assert_eq!(source, Source::Cache);
    for p in phrases {
        let scan = concord(m, p, lang, top).unwrap();
        let want: Vec<(String, Vec<(usize, usize)>)> = scan
            .hits
            .iter()
            .map(|h| (m.units[h.index].id.clone(), h.spans.clone()))
            .collect();
        for c in [&mut loaded, &mut first, &mut second] {
            let got = c.search(p, top).unwrap().expect("file agrees with JSON");
            prop_assert_eq!(&ids(&got), &want, "{} in {:?}", p, lang);
            prop_assert_eq!(got.more, scan.more);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn russian(m in memory(), phrases in prop::collection::vec(phrase(Lang::Ru), 6), top in 0usize..6) {
        check(&m, Lang::Ru, &phrases, top)?;
    }

    #[test]
    fn kazakh(m in memory(), phrases in prop::collection::vec(phrase(Lang::Kk), 6), top in 0usize..6) {
        check(&m, Lang::Kk, &phrases, top)?;
    }

    #[test]
    fn english(m in memory(), phrases in prop::collection::vec(phrase(Lang::En), 6), top in 0usize..6) {
        check(&m, Lang::En, &phrases, top)?;
    }
}

#[test]
fn a_changed_file_behind_the_stamp_is_caught() {
    // The same size, the same modification time, the same head: the stamp
    // cannot tell; the unit read back through its byte range can.
    let mut m = Memory::default();
    // Enough units that the changed one lies beyond the hashed head.
    let texts = vec!["Форум в Астане."; 100];
    for (i, t) in texts.iter().chain(&["Гости Астаны."]).enumerate() {
        let mut u = Unit::new(format!("u{i}"), "2026-05-01T00:00:00Z");
        u.ru = Some(t.to_string());
        m.units.push(u);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tm.json");
    file::save(&m, &path).unwrap();
    Concorder::open(&path, Lang::Ru).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let json = std::fs::read_to_string(&path).unwrap();
    // Same byte length: «Люди» is one two-byte letter shorter than
    // «Гости», so two spaces make up for it.
    let changed = json.replace("Гости Астаны.", "Люди   Астаны.");
    assert_eq!(changed.len(), json.len());
    std::fs::write(&path, &changed).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(Concorder::open(&path, Lang::Ru).unwrap().1, Source::Cache);
    let (found, _) = tm::concord::cache::concord_file(&path, "гости", Lang::Ru, 5).unwrap();
    assert_eq!(found.hits, vec![]);
    let (found, _) = tm::concord::cache::concord_file(&path, "люди", Lang::Ru, 5).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].unit.id, "u100");
}
