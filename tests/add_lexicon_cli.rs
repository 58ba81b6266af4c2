//! `tm add` with the lexicon learned from the memory it adds to: a case
//! the length model and the hand-written seed get wrong, aligned right once
//! the memory knows the words (sentences of our own).

mod common;

use common::Env;
use pretty_assertions::assert_eq;

/// A small memory of bees and hives: words the hand-written seed does not
/// know, each in a few units.
const MEMORY: &str = "en\tru\tkk
Each hive holds thousands of bees.\tКаждый улей вмещает тысячи пчел.\tӘр ұяда мыңдаған ара бар.
The beekeeper checked every hive.\tПчеловод проверил каждый улей.\tАрашы әр ұяны тексерді.
A new hive was built near the garden.\tУ сада построили новый улей.\tБақтың жанына жаңа ұя салынды.
The bees returned in the evening.\tПчелы вернулись вечером.\tАралар кешке оралды.
Bees need clean water.\tПчелам нужна чистая вода.\tАраларға таза су керек.
A swarm of bees settled on the fence.\tРой пчел сел на забор.\tАра үйірі қоршауға қонды.
The swarm was caught by noon.\tРой поймали к полудню.\tҮйір түске қарай ұсталды.
";

/// The Russian translator split the first sentence in two and shortened
/// the second: by lengths, the second Russian sentence goes with the long
/// English one.
const EN: &str = "The bees swarmed fast after the hive broke. Because of the flooding in the area, the village school was closed for the whole of the following week.\n";
const RU: &str = "Пчелы быстро роились. Причиной стал треснувший улей. Школа была закрыта на всю следующую неделю из-за наводнения в районе.\n";

fn beads(env: &Env, extra: &[&str]) -> Vec<String> {
    let mut args = vec![
        "--memory",
        "tm.json",
        "add",
        "--en",
        "swarm.en.txt",
        "--ru",
        "swarm.ru.txt",
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
    env.write("swarm.en.txt", EN);
    env.write("swarm.ru.txt", RU);
    // No memory yet: lengths, numbers, names and the seed, which knows
    // none of these words.
    assert_eq!(beads(&env, &[]), ["1-1-0", "1-2-0"]);
    assert!(!env.path("tm.json.lexicon").exists());

    env.write("mem.tsv", MEMORY);
    env.run(&["--memory", "tm.json", "import", "mem.tsv"]).ok();
    // bee/пчела and hive/улей are learned: the split is found.
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
            "swarm.en.txt",
            "--ru",
            "swarm.ru.txt",
        ])
        .ok();
    };
    add("swarm");
    assert!(env.path("tm.json.lexicon").exists());
    let before = std::fs::read(env.path("tm.json.lexicon")).unwrap();
    add("swarm-again");
    assert_eq!(beads(&env, &[]), ["1-2-0", "1-1-0"]);
    assert_ne!(std::fs::read(env.path("tm.json.lexicon")).unwrap(), before);
}
