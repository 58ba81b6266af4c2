//! `tm edit`: correcting one language of a unit.

mod common;
mod fixture;

use pretty_assertions::assert_eq;

use fixture::{assert_untouched, setup, unit, MISSING};

fn original(id: &str) -> serde_json::Value {
    let all: serde_json::Value = serde_json::from_str(fixture::MEMORY).unwrap();
    all["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn corrects_one_language_and_dates_the_change() {
    let env = setup();
    let run = env
        .run(&[
            "edit",
            "0000000000a3",
            "--ru",
            "  Форум продолжит   работу во вторник. ",
        ])
        .ok();
    assert_eq!(run.stdout, "0000000000a3: ru text corrected\n");
    let mut got = unit(&env, "0000000000a3");
    assert_eq!(got["ru"], "Форум продолжит работу во вторник.");
    let changed = got["changed"].as_str().unwrap().to_string();
    assert!(
        changed.as_str() > "2026-03-02T09:00:00Z" && changed.ends_with('Z'),
        "{changed}"
    );
    // Everything else is as it was.
    let mut want = original("0000000000a3");
    want["ru"] = got["ru"].clone();
    got["changed"] = want["changed"].clone();
    assert_eq!(got, want);
}

#[test]
fn adds_a_missing_language() {
    let env = setup();
    let run = env
        .run(&[
            "edit",
            "0000000000a3",
            "--kk",
            "Форум сейсенбіде жалғасады.",
        ])
        .ok();
    assert_eq!(run.stdout, "0000000000a3: kk text added\n");
    assert_eq!(
        unit(&env, "0000000000a3")["kk"],
        "Форум сейсенбіде жалғасады."
    );
}

#[test]
fn doubtful_stays_unless_accepted() {
    let env = setup();
    let run = env
        .run(&[
            "edit",
            "0000000000a2",
            "--en",
            "Guests of Astana visited the new city library.",
        ])
        .ok();
    assert_eq!(run.stdout, "0000000000a2: en text corrected\n");
    assert_eq!(unit(&env, "0000000000a2")["doubtful"], true);
    let run = env
        .run(&[
            "edit",
            "0000000000a2",
            "--ru",
            "Гости Астаны посетили новую городскую библиотеку.",
            "--accept",
        ])
        .ok();
    assert_eq!(run.stdout, "0000000000a2: ru text corrected; accepted\n");
    assert_eq!(unit(&env, "0000000000a2").get("doubtful"), None);
}

#[test]
fn the_same_text_changes_nothing() {
    let env = setup();
    let run = env
        .run(&[
            "edit",
            "0000000000b1",
            "--en",
            "The report on water  supply was published.",
        ])
        .ok();
    assert_eq!(run.stdout, "0000000000b1: en text unchanged\n");
    assert_untouched(&env);
}

#[test]
fn unknown_id_is_an_error() {
    let env = setup();
    let run = env.run(&["edit", "0000000000zz", "--en", "Text."]).fails();
    assert_eq!(
        run.stderr,
        "tm: memory: no unit with id '0000000000zz' (see `tm list`)\n"
    );
    assert_untouched(&env);
}

#[test]
fn empty_text_is_an_error() {
    let env = setup();
    let run = env.run(&["edit", "0000000000a1", "--kk", "  "]).fails();
    assert_eq!(
        run.stderr,
        "tm: the new kk text is empty; to take a unit out use `tm remove 0000000000a1`\n"
    );
    assert_untouched(&env);
}

#[test]
fn exactly_one_language() {
    let env = setup();
    let run = env
        .run(&["edit", "0000000000a1", "--en", "A.", "--ru", "Б."])
        .fails();
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    let run = env.run(&["edit", "0000000000a1"]).fails();
    assert!(run.stderr.contains("required"), "{}", run.stderr);
    assert_untouched(&env);
}

#[test]
fn missing_memory_is_an_error() {
    let env = common::Env::new();
    let run = env.run(&["edit", "0000000000a1", "--en", "Text."]).fails();
    assert_eq!(run.stderr, MISSING);
}
