//! `tm review`: doubtful units, and accepting them.

mod common;
mod fixture;

use pretty_assertions::assert_eq;

use fixture::{assert_untouched, setup, unit, MISSING};

const A2: &str = "\
0000000000a2  spring-forum #1  2026-03-02  doubtful (confidence 0.38)
  en  Guests of Astana visited the new library.
  ru  Гости Астаны посетили новую библиотеку.
  kk  Астана қонақтары жаңа кітапханаға барды.
";

const B1: &str = "\
0000000000b1  water-report #0  2026-05-20  doubtful (confidence 0.52)
  en  The report on water supply was published.
  ru  Доклад о водоснабжении опубликован.
  kk  Сумен жабдықтау туралы баяндама жарияланды.
";

const HINT: &str = "after checking, accept with `tm review --accept ID…` or correct with `tm edit`";

#[test]
fn lists_doubtful_units() {
    let env = setup();
    let run = env.run(&["review"]).ok();
    assert_eq!(
        run.stdout,
        format!("{A2}\n{B1}\n2 doubtful units; {HINT}\n")
    );
    let run = env.run(&["review", "--release", "water-report"]).ok();
    assert_eq!(run.stdout, format!("{B1}\n1 doubtful unit; {HINT}\n"));
    assert_untouched(&env);
}

#[test]
fn json_has_texts_and_confidence() {
    let env = setup();
    let run = env.run(&["review", "--format", "json"]).ok();
    let units = run.json()["units"].as_array().unwrap().clone();
    assert_eq!(units.len(), 2);
    assert_eq!(units[0]["id"], "0000000000a2");
    assert_eq!(units[0]["confidence"], 0.38);
    assert_eq!(
        units[1]["kk"],
        "Сумен жабдықтау туралы баяндама жарияланды."
    );
}

#[test]
fn accept_clears_the_mark() {
    let env = setup();
    let run = env.run(&["review", "--accept", "0000000000a2"]).ok();
    assert_eq!(run.stdout, "accepted 1 unit\n");
    let a2 = unit(&env, "0000000000a2");
    assert_eq!(a2.get("doubtful"), None);
    assert_ne!(a2["changed"], "2026-03-02T09:00:00Z");
    let run = env.run(&["review"]).ok();
    assert_eq!(run.stdout, format!("{B1}\n1 doubtful unit; {HINT}\n"));
    let run = env
        .run(&["review", "--accept", "0000000000b1", "0000000000a1"])
        .ok();
    assert_eq!(run.stdout, "accepted 1 unit (1 was not marked doubtful)\n");
    let run = env.run(&["review"]).ok();
    assert_eq!(run.stdout, "no doubtful units\n");
}

#[test]
fn accept_all_of_a_release() {
    let env = setup();
    let run = env
        .run(&["review", "--accept-all", "--release", "spring-forum"])
        .ok();
    assert_eq!(run.stdout, "accepted 1 unit (2 were not marked doubtful)\n");
    assert_eq!(unit(&env, "0000000000b1")["doubtful"], true);
    let run = env.run(&["review", "--accept-all"]).fails();
    assert!(run.stderr.contains("--release"), "{}", run.stderr);
}

#[test]
fn accepting_nothing_doubtful_leaves_the_file() {
    let env = setup();
    let run = env.run(&["review", "--accept", "0000000000c1"]).ok();
    assert_eq!(run.stdout, "accepted 0 units (1 was not marked doubtful)\n");
    assert_untouched(&env);
}

#[test]
fn unknown_id_and_release_are_errors() {
    let env = setup();
    let run = env
        .run(&["review", "--accept", "0000000000a2", "0000000000ff"])
        .fails();
    assert_eq!(
        run.stderr,
        "tm: memory: no unit with id '0000000000ff' (see `tm list`)\n"
    );
    assert_untouched(&env);
    for args in [
        &["review", "--release", "autumn-forum"][..],
        &["review", "--accept-all", "--release", "autumn-forum"][..],
    ] {
        let run = env.run(args).fails();
        assert_eq!(
            run.stderr,
            "tm: memory: no release named 'autumn-forum' (see `tm stats` for the releases)\n"
        );
        assert_untouched(&env);
    }
}

#[test]
fn missing_memory_is_an_error() {
    let env = common::Env::new();
    assert_eq!(env.run(&["review"]).fails().stderr, MISSING);
    assert_eq!(
        env.run(&["review", "--accept", "0000000000a2"])
            .fails()
            .stderr,
        MISSING
    );
}
