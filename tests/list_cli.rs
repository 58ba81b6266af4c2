//! `tm list`: the units of the memory, all or by release or language.

mod common;
mod fixture;

use pretty_assertions::assert_eq;

use fixture::{assert_untouched, setup, MISSING};

const SPRING: &str = "\
0000000000a1  spring-forum #0  2026-03-02
  en  The spring forum opened in Astana on Monday.
  ru  Весенний форум открылся в Астане в понедельник.
  kk  Көктемгі форум дүйсенбі күні Астанада ашылды.

0000000000a2  spring-forum #1  2026-03-02  doubtful (confidence 0.38)
  en  Guests of Astana visited the new library.
  ru  Гости Астаны посетили новую библиотеку.
  kk  Астана қонақтары жаңа кітапханаға барды.

0000000000a3  spring-forum #2  2026-03-02
  en  The forum will continue on Tuesday.
  ru  Форум продолжится во вторник.
";

#[test]
fn lists_a_release_in_stored_order() {
    let env = setup();
    let run = env.run(&["list", "--release", "spring-forum"]).ok();
    assert_eq!(run.stdout, SPRING);
    assert_eq!(run.stderr, "");
}

#[test]
fn lists_everything_with_marks() {
    let env = setup();
    let run = env.run(&["list"]).ok();
    let expected = format!(
        "{SPRING}
0000000000b1  water-report #0  2026-05-20  doubtful (confidence 0.52)
  en  The report on water supply was published.
  ru  Доклад о водоснабжении опубликован.
  kk  Сумен жабдықтау туралы баяндама жарияланды.

0000000000b2  water-report #1  2026-05-20  alternative of 0000000000a1
  en  The spring forum opened in Astana on Monday.
  ru  В понедельник в Астане начался весенний форум.

0000000000c1  2025-12-01
  en  Press freedom matters.
  kk  Баспасөз бостандығы маңызды.
"
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn lang_keeps_units_that_have_it() {
    let env = setup();
    let run = env.run(&["list", "--lang", "kk", "--format", "json"]).ok();
    let ids: Vec<String> = run.json()["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "0000000000a1",
            "0000000000a2",
            "0000000000b1",
            "0000000000c1"
        ]
    );
    let run = env
        .run(&[
            "list",
            "--lang",
            "ru",
            "--release",
            "water-report",
            "--format",
            "json",
        ])
        .ok();
    let units = run.json()["units"].as_array().unwrap().clone();
    assert_eq!(units.len(), 2);
    // JSON units carry the stored fields, as in the memory file.
    assert_eq!(units[1], fixture::unit(&env, "0000000000b2"));
}

#[test]
fn memory_option_and_variable_name_the_file() {
    let env = setup();
    std::fs::rename(fixture::path(&env), env.path("other.json")).unwrap();
    let run = env
        .run(&[
            "list",
            "--memory",
            "other.json",
            "--lang",
            "en",
            "--release",
            "spring-forum",
        ])
        .ok();
    assert_eq!(run.stdout, SPRING);
    let out = env
        .cmd(&["list", "--release", "spring-forum"])
        .env("TM_MEMORY", "other.json")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), SPRING);
}

#[test]
fn unknown_release_is_an_error() {
    let env = setup();
    let run = env.run(&["list", "--release", "autumn-forum"]).fails();
    assert_eq!(
        run.stderr,
        "tm: memory: no release named 'autumn-forum' (see `tm stats` for the releases)\n"
    );
    assert_eq!(run.stdout, "");
    assert_untouched(&env);
}

#[test]
fn unknown_language_is_a_usage_error() {
    let env = setup();
    let run = env.run(&["list", "--lang", "de"]).fails();
    assert!(
        run.stderr
            .contains("unknown language 'de' (expected en, ru or kk)"),
        "{}",
        run.stderr
    );
    assert_untouched(&env);
}

#[test]
fn missing_memory_is_an_error() {
    let env = common::Env::new();
    let run = env.run(&["list"]).fails();
    assert_eq!(run.stderr, MISSING);
}
