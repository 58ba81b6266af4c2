//! `tm concord`: units containing a phrase, newest first, phrase marked.

mod common;
mod fixture;

use pretty_assertions::assert_eq;

use fixture::{assert_untouched, setup, MISSING};

#[test]
fn russian_phrase_with_endings_newest_first() {
    let env = setup();
    // Cyrillic without Kazakh letters: searched in Russian.
    let run = env.run(&["concord", "АСТАНА"]).ok();
    assert_eq!(
        run.stdout,
        "\
0000000000b2  water-report #1  2026-05-20  alternative of 0000000000a1
  ru  В понедельник в [Астане] начался весенний форум.
  en  The spring forum opened in Astana on Monday.

0000000000a1  spring-forum #0  2026-03-02
  ru  Весенний форум открылся в [Астане] в понедельник.
  en  The spring forum opened in Astana on Monday.
  kk  Көктемгі форум дүйсенбі күні Астанада ашылды.

0000000000a2  spring-forum #1  2026-03-02  doubtful (confidence 0.38)
  ru  Гости [Астаны] посетили новую библиотеку.
  en  Guests of Astana visited the new library.
  kk  Астана қонақтары жаңа кітапханаға барды.
"
    );
    assert_eq!(run.stderr, "");
    assert_untouched(&env);
}

#[test]
fn kazakh_suffixes() {
    let env = setup();
    let run = env.run(&["concord", "Астана", "--lang", "kk"]).ok();
    assert_eq!(
        run.stdout,
        "\
0000000000a1  spring-forum #0  2026-03-02
  kk  Көктемгі форум дүйсенбі күні [Астанада] ашылды.
  en  The spring forum opened in Astana on Monday.
  ru  Весенний форум открылся в Астане в понедельник.

0000000000a2  spring-forum #1  2026-03-02  doubtful (confidence 0.38)
  kk  [Астана] қонақтары жаңа кітапханаға барды.
  en  Guests of Astana visited the new library.
  ru  Гости Астаны посетили новую библиотеку.
"
    );
    // Kazakh letters in the phrase choose Kazakh by themselves.
    let run = env.run(&["concord", "жабдықтау"]).ok();
    assert_eq!(
        run.lines()[1],
        "  kk  Сумен [жабдықтау] туралы баяндама жарияланды."
    );
    // Without them, a Cyrillic phrase is Russian.
    let run = env.run(&["concord", "баяндама"]).ok();
    assert_eq!(run.stderr, "no unit has 'баяндама' in its ru text\n");
}

#[test]
fn english_phrase_whole_words_and_top() {
    let env = setup();
    let run = env.run(&["concord", "spring forum", "--top", "1"]).ok();
    assert_eq!(
        run.stdout,
        "\
0000000000b2  water-report #1  2026-05-20  alternative of 0000000000a1
  en  The [spring forum] opened in Astana on Monday.
  ru  В понедельник в Астане начался весенний форум.
"
    );
    assert_eq!(
        run.stderr,
        "more units match; showing the newest 1 (raise --top for more)\n"
    );
    // Whole words only: "form" is not in "forum", "Press" is a word.
    let run = env.run(&["concord", "form"]).ok();
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "no unit has 'form' in its en text\n");
    let run = env.run(&["concord", "press"]).ok();
    assert_eq!(run.lines()[1], "  en  [Press] freedom matters.");
}

#[test]
fn json_gives_byte_offsets() {
    let env = setup();
    let run = env
        .run(&["concord", "форум", "--format", "json", "--top", "2"])
        .ok();
    let json = run.json();
    assert_eq!(json["phrase"], "форум");
    assert_eq!(json["language"], "ru");
    assert_eq!(json["more"], true);
    let hits = json["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["id"], "0000000000b2");
    let text = hits[0]["text"].as_str().unwrap();
    let start = text.find("форум").unwrap();
    assert_eq!(
        hits[0]["matches"],
        serde_json::json!([[start, start + "форум".len()]])
    );
    assert_eq!(hits[1]["id"], "0000000000a1");
    assert_eq!(
        hits[1]["kk"],
        "Көктемгі форум дүйсенбі күні Астанада ашылды."
    );
}

#[test]
fn colour_when_asked() {
    let env = setup();
    let run = env
        .run(&["concord", "библиотеку", "--color", "always"])
        .ok();
    assert_eq!(
        run.lines()[1],
        "  ru  Гости Астаны посетили новую \x1b[1;31mбиблиотеку\x1b[0m."
    );
    // Not a terminal, and NO_COLOR: brackets.
    let out = env
        .cmd(&["concord", "библиотеку"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("новую [библиотеку]."));
}

#[test]
fn empty_phrase_is_an_error() {
    let env = setup();
    for phrase in ["", "  ", "«…»"] {
        let run = env.run(&["concord", phrase]).fails();
        assert_eq!(
            run.stderr,
            "tm: empty phrase: give one or more words to look for\n"
        );
        assert_eq!(run.stdout, "");
    }
    assert_untouched(&env);
}

#[test]
fn digits_need_a_language() {
    let env = setup();
    let run = env.run(&["concord", "2026"]).fails();
    assert_eq!(
        run.stderr,
        "tm: cannot tell the language of '2026' (no Latin or Cyrillic letters); give --lang\n"
    );
}

#[test]
fn missing_memory_is_an_error() {
    let env = common::Env::new();
    assert_eq!(env.run(&["concord", "форум"]).fails().stderr, MISSING);
}

/// The concordance file of the default memory for `lang`.
fn concord_file(env: &common::Env, lang: &str) -> std::path::PathBuf {
    env.path(&format!("memory/tm.json.{lang}.concord"))
}

#[test]
fn the_concordance_file_is_written_then_used() {
    let env = setup();
    let first = env.run(&["concord", "форум"]).ok();
    let file = concord_file(&env, "ru");
    let written = std::fs::read(&file).expect("concordance file written");
    assert!(!concord_file(&env, "kk").exists());
    // The second run reads the file (unchanged) and finds the same units.
    let second = env.run(&["concord", "форум"]).ok();
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(std::fs::read(&file).unwrap(), written);
    assert_eq!(second.lines()[0], first.lines()[0]);
    assert_eq!(
        first.lines()[0],
        "0000000000b2  water-report #1  2026-05-20  alternative of 0000000000a1"
    );
    assert_untouched(&env);
}

#[test]
fn an_edit_is_seen_by_the_next_search() {
    let env = setup();
    let before = env.run(&["concord", "вторник"]).ok();
    assert_eq!(before.lines()[1], "  ru  Форум продолжится во [вторник].");
    env.run(&["edit", "0000000000a3", "--ru", "Форум продолжится в среду."])
        .ok();
    let after = env.run(&["concord", "вторник"]).ok();
    assert!(!after.stdout.contains("0000000000a3"), "{}", after.stdout);
    let after = env.run(&["concord", "среду"]).ok();
    assert_eq!(after.lines()[1], "  ru  Форум продолжится в [среду].");
    assert!(after.lines()[0].starts_with("0000000000a3  spring-forum #2  20"));
}

#[test]
fn a_damaged_concordance_file_is_rebuilt() {
    let env = setup();
    let want = env.run(&["concord", "Астана"]).ok();
    let file = concord_file(&env, "ru");
    let good = std::fs::read(&file).unwrap();
    let search = |bytes: &[u8]| -> Vec<u8> {
        std::fs::write(&file, bytes).unwrap();
        let run = env.run(&["concord", "Астана"]).ok();
        let at = bytes.iter().zip(&good).position(|(a, b)| a != b);
        assert_eq!(
            run.stdout,
            want.stdout,
            "damage at {at:?} of {}",
            bytes.len()
        );
        assert_eq!(run.stderr, want.stderr);
        std::fs::read(&file).unwrap()
    };
    // Cut short, or garbage after a valid header: rebuilt.
    let header = 48;
    let mut garbage = good[..header].to_vec();
    garbage.extend(std::iter::repeat_n(0xff, 64));
    for bytes in [&good[..good.len() / 2], &good[..header], &garbage[..]] {
        assert_eq!(search(bytes), good, "rebuilt");
    }
    // A byte changed anywhere: the same units found, never an error. A
    // search reads only part of the file (and checks what it reads), so
    // the file is rebuilt when the damage is in that part, else left.
    let mut rebuilt = 0;
    for at in (header..good.len()).step_by(5) {
        let mut b = good.clone();
        b[at] ^= 0x24;
        let after = search(&b);
        assert!(after == good || after == b, "byte {at}");
        rebuilt += usize::from(after == good);
    }
    assert!(rebuilt > 20, "{rebuilt}");
    assert_untouched(&env);
}
