//! What `tm suggest` hands a translator: dates and numbers adapted into
//! Russian and Kazakh, every doubt in `check`, drafts that mark what is not
//! a 100 match and never overwrite a file, and the source language read
//! from the whole text.

mod common;

use common::Env;
use pretty_assertions::assert_eq;
use serde_json::{json, Value};

/// A memory of units we wrote, via `tm import` of a TSV file.
fn env() -> Env {
    let env = Env::new();
    env.write(
        "units.tsv",
        "en\tru\tkk\n\
         PAVLODAR, 12 March 2026 – The akimat opened a youth centre.\tПАВЛОДАР, 12 марта 2026 г. – Акимат открыл молодежный центр.\tПАВЛОДАР, 2026 жылғы 12 наурыз – Әкімдік жастар орталығын ашты.\n\
         The library received 1,200 new books in April.\tБиблиотека получила 1 200 новых книг в апреле.\tКітапхана сәуірде 1 200 жаңа кітап алды.\n\
         The centre will serve 5 districts.\tЦентр будет обслуживать 5 районов.\tОрталық 5 ауданға қызмет көрсетеді.\n\
         The Ministry of Culture supports young writers.\tМинистерство культуры поддерживает молодых писателей.\tМәдениет министрлігі жас жазушыларды қолдайды.\n\
         The festival gathered artists from the northern regions of the country.\tФестиваль собрал художников из северных регионов страны.\tФестиваль елдің солтүстік өңірлерінен суретшілерді жинады.\n",
    );
    env.run(&["import", "units.tsv"]).ok();
    env
}

fn suggest_json(env: &Env, text: &str, extra: &[&str]) -> Value {
    env.write("new.en.txt", text);
    let mut args = vec!["suggest", "new.en.txt", "--format", "json"];
    args.extend_from_slice(extra);
    env.run(&args).ok().json()
}

#[test]
fn a_dateline_is_adapted_with_its_month_in_both_languages() {
    let env = env();
    let out = suggest_json(
        &env,
        "PAVLODAR, 5 April 2026 – The akimat opened a youth centre.\n",
        &[],
    );
    let m = &out["segments"][0]["matches"][0];
    assert!(m["score"].as_f64().unwrap() >= 95.0, "{m}");
    assert_eq!(
        m["targets"],
        json!({"ru": "ПАВЛОДАР, 5 апреля 2026 г. – Акимат открыл молодежный центр.",
               "kk": "ПАВЛОДАР, 2026 жылғы 5 сәуір – Әкімдік жастар орталығын ашты."})
    );
    assert_eq!(m["adapted"], json!(["ru", "kk"]));
    assert_eq!(m["check"], json!({}));
}

#[test]
fn numbers_months_and_endings_in_each_language() {
    let env = env();
    let out = suggest_json(
        &env,
        "The library received 15,300 new books in October.\n\nThe centre will serve 2 districts.\n",
        &[],
    );
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(
        m["targets"],
        json!({"ru": "Библиотека получила 15 300 новых книг в октябре.",
               "kk": "Кітапхана қазанда 15 300 жаңа кітап алды."})
    );
    let m = &out["segments"][1]["matches"][0];
    // Agreement: «2 района»; Kazakh ending after the noun stays.
    assert_eq!(
        m["targets"],
        json!({"ru": "Центр будет обслуживать 2 района.",
               "kk": "Орталық 2 ауданға қызмет көрсетеді."})
    );
}

#[test]
fn what_cannot_be_placed_is_named_in_check() {
    let env = env();
    // 21 districts: the noun's nominative-or-accusative is certain for
    // «район», so it is adapted; a fuzzy match is flagged for both.
    let out = suggest_json(
        &env,
        "The centre will serve 21 districts.\n\nThe Ministry of Culture supports young poets.\n",
        &[],
    );
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["targets"]["ru"], "Центр будет обслуживать 21 район.");
    let m = &out["segments"][1]["matches"][0];
    assert_eq!(m["adapted"], json!([]));
    for l in ["ru", "kk"] {
        let reasons = m["check"][l].as_array().unwrap();
        assert!(
            reasons[0].as_str().unwrap().contains("words differ"),
            "{reasons:?}"
        );
    }
}

#[test]
fn drafts_mark_fuzzy_and_low_matches_and_never_overwrite() {
    let env = env();
    env.write(
        "new.en.txt",
        "The Ministry of Culture supports young writers.\nThe Ministry of Culture supports young poets.\nThe festival gathered artists from the small villages of the north.\n",
    );
    env.run(&["suggest", "new.en.txt", "--draft", "out"]).ok();
    let ru = std::fs::read_to_string(env.path("out/new.ru.txt")).unwrap();
    let lines: Vec<&str> = ru.lines().collect();
    assert_eq!(
        lines[0],
        "Министерство культуры поддерживает молодых писателей."
    );
    assert!(
        lines[1].starts_with("[[85.7% Министерство культуры") && lines[1].ends_with("писателей.]]"),
        "{}",
        lines[1]
    );
    // Below 75: listed among the suggestions, but not in the draft.
    assert_eq!(
        lines[2],
        "[[en: The festival gathered artists from the small villages of the north.]]"
    );
    // A second run refuses to overwrite, and leaves the file as it was.
    env.write("out/new.kk.txt", "my own edits");
    let run = env
        .run(&["suggest", "new.en.txt", "--draft", "out"])
        .fails();
    assert!(
        run.stderr.contains("exists already") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(env.path("out/new.kk.txt")).unwrap(),
        "my own edits"
    );
    // --force overwrites; --draft-marks none writes clean text; --draft-min
    // keeps fuzzy matches out.
    env.run(&[
        "suggest",
        "new.en.txt",
        "--draft",
        "out",
        "--force",
        "--draft-marks",
        "none",
        "--draft-min",
        "90",
    ])
    .ok();
    let ru = std::fs::read_to_string(env.path("out/new.ru.txt")).unwrap();
    assert_eq!(
        ru.lines().collect::<Vec<_>>(),
        [
            "Министерство культуры поддерживает молодых писателей.",
            "The Ministry of Culture supports young poets.",
            "The festival gathered artists from the small villages of the north.",
        ]
    );
}

#[test]
fn xliff_targets_only_from_matches_of_75_or_more() {
    let env = env();
    env.write(
        "new.en.txt",
        "The festival gathered artists from the small villages of the north.\n",
    );
    let out = env
        .run(&["suggest", "new.en.txt", "--format", "xliff", "--to", "ru"])
        .ok();
    assert!(!out.stdout.contains("<target"), "{}", out.stdout);
    let out = env
        .run(&[
            "suggest",
            "new.en.txt",
            "--format",
            "xliff",
            "--to",
            "ru",
            "--draft-min",
            "70",
        ])
        .ok();
    assert!(out.stdout.contains("<target"), "{}", out.stdout);
}

#[test]
fn a_russian_release_with_kazakh_names_is_read_as_russian() {
    let env = env();
    env.write(
        "new.txt",
        "Как отметила Әлия Нұрсұлтанқызы, министерство культуры поддерживает молодых писателей.\n",
    );
    let out = env
        .run(&["suggest", "new.txt", "--color", "never"])
        .ok()
        .stdout;
    assert!(out.starts_with("read as Russian (guessed"), "{out}");
    assert!(
        out.contains("en: The Ministry of Culture supports young writers."),
        "{out}"
    );
    // A clear clash with --from is a warning, and --from is followed.
    let run = env.run(&["suggest", "new.txt", "--from", "kk"]).ok();
    assert!(
        run.stderr.contains("reads as Russian, but --from kk"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with("read as Kazakh (as --from says)"));
}
