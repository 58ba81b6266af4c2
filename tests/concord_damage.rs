//! The concordance file with any bit flipped: `tm concord` finds exactly
//! what it found before. The file is read in pieces, each with its own
//! checksum (its small arrays on opening, a posting list, the texts a
//! search checks); a piece that fails makes the search give up and the
//! file be made again from the JSON.

use tm::concord::cache::{cache_path, concord_file};
use tm::memory::{file, Memory, Unit};
use tm::Lang;

#[test]
fn every_flipped_bit_of_the_concordance_leaves_the_hits_as_they_were() {
    let texts = [
        "Форум в Астане открылся в понедельник.",
        "Гости Астаны посетили выставку.",
        "Звоните +7 7172 в пресс-службу.",
        "Совет директоров соберется в Алматы.",
    ];
    let mut memory = Memory::default();
    for (i, t) in texts.iter().enumerate() {
        let mut u = Unit::new(format!("u{i}"), "2026-05-01T00:00:00Z");
        u.ru = Some(t.to_string());
        u.en = Some(format!("Sentence {i}."));
        memory.units.push(u);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tm.json");
    file::save(&memory, &path).unwrap();
    // Phrases walking an index list, and one of short stems only that
    // reads every text.
    let phrases = ["Астана", "пресс-службу", "в"];
    let search = || -> Vec<_> {
        phrases
            .iter()
            .map(|p| concord_file(&path, p, Lang::Ru, 5).unwrap().0)
            .collect()
    };
    let want = search();
    assert!(want.iter().all(|f| !f.hits.is_empty()), "{want:?}");
    assert_eq!(want[1].hits[0].unit.ru.as_deref(), Some(texts[2]));
    let cache = cache_path(&path, Lang::Ru);
    let bytes = std::fs::read(&cache).unwrap();
    for at in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[at] ^= 1 << (at % 8);
        std::fs::write(&cache, &bad).unwrap();
        assert_eq!(search(), want, "byte {at} flipped");
    }
}
