//! `tm add` with the lexicon learned from the memory it adds to: a case
//! the length model alone gets wrong, aligned right once the memory knows
//! the words (sentences of our own).

mod common;

use common::Env;
use pretty_assertions::assert_eq;

/// A small memory: river and rain, and a school, each in a few units.
const MEMORY: &str = "en\tru\tkk
The river flooded the village road.\tРека затопила сельскую дорогу.\tӨзен ауыл жолын су басты.
Heavy rain fell on the river valley.\tСильный дождь прошёл над долиной реки.\tӨзен аңғарына қатты жаңбыр жауды.
The rain stopped by the evening.\tДождь прекратился к вечеру.\tЖаңбыр кешке қарай тоқтады.
The school bought new desks.\tШкола купила новые парты.\tМектеп жаңа парталар сатып алды.
Parents visited the school on Friday.\tРодители посетили школу в пятницу.\tАта-аналар жұма күні мектепке барды.
The school library was closed.\tШкольная библиотека была закрыта.\tМектеп кітапханасы жабық болды.
";

/// The Russian translator split the first sentence in two and shortened
/// the second: by lengths, the second Russian sentence goes with the long
/// English one.
const EN: &str = "The river rose fast after the heavy rain. Because of the flooding in the area, the village school was closed for the whole of the following week.\n";
const RU: &str = "Река быстро поднялась. Причиной стал сильный дождь. Школа была закрыта на всю следующую неделю из-за наводнения в районе.\n";

fn beads(env: &Env, extra: &[&str]) -> Vec<String> {
    let mut args = vec![
        "--memory",
        "tm.json",
        "add",
        "--en",
        "flood.en.txt",
        "--ru",
        "flood.ru.txt",
        "--dry-run",
        "--format",
        "json",
    ];
    args.extend(extra);
    let json = env.run(&args).ok().json();
    json["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["beads"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_learned_lexicon_aligns_what_lengths_alone_get_wrong() {
    let env = Env::new();
    env.write("flood.en.txt", EN);
    env.write("flood.ru.txt", RU);
    // No memory yet: lengths, numbers and names only.
    assert_eq!(beads(&env, &[]), ["1-1-0", "1-2-0"]);
    assert!(!env.path("tm.json.lexicon").exists());

    env.write("mem.tsv", MEMORY);
    env.run(&["--memory", "tm.json", "import", "mem.tsv"]).ok();
    // river/река, rain/дождь, school/школа are learned: the split is found.
    // A dry run writes nothing, not even the lexicon it learned.
    assert_eq!(beads(&env, &[]), ["1-2-0", "1-1-0"]);
    assert!(!env.path("tm.json.lexicon").exists());
    assert_eq!(beads(&env, &["--no-lexicon"]), ["1-1-0", "1-2-0"]);

    // Stored, the release's units teach the lexicon in turn: the file the
    // add wrote is stale after it and learned again by the next add.
    let add = |release: &str| {
        env.run(&[
            "--memory",
            "tm.json",
            "add",
            "--id",
            release,
            "--en",
            "flood.en.txt",
            "--ru",
            "flood.ru.txt",
        ])
        .ok();
    };
    add("flood");
    assert!(env.path("tm.json.lexicon").exists());
    let before = std::fs::read(env.path("tm.json.lexicon")).unwrap();
    add("flood-again");
    assert_eq!(beads(&env, &[]), ["1-2-0", "1-1-0"]);
    assert_ne!(std::fs::read(env.path("tm.json.lexicon")).unwrap(), before);
}
