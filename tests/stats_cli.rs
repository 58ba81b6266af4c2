//! `tm stats`: what the memory holds.

mod common;
mod fixture;

use pretty_assertions::assert_eq;

use fixture::{assert_untouched, setup, MEMORY, MISSING};

#[test]
fn text_table() {
    let env = setup();
    let run = env.run(&["stats"]).ok();
    let bytes = MEMORY.len();
    let expected = format!(
        "\
memory        memory/tm.json (one file; `tm migrate` makes it a folder git merges)
units         6
  en+ru+kk    3
  en+ru       2
  en+kk       1
releases      2
  spring-forum  3
  water-report  2
  (no release)  1
doubtful      2
alternatives  1
file size     {:.1} KiB ({bytes} bytes)
created       2025-12-01T08:00:00Z to 2026-05-20T14:30:00Z
",
        bytes as f64 / 1024.0
    );
    assert_eq!(run.stdout, expected);
    assert_untouched(&env);
}

#[test]
fn json_figures() {
    let env = setup();
    let run = env.run(&["stats", "--format", "json"]).ok();
    let expected = serde_json::json!({
        "units": 6,
        "languages": {"en+ru+kk": 3, "en+ru": 2, "en+kk": 1},
        "releases": [
            {"name": "spring-forum", "units": 3},
            {"name": "water-report", "units": 2}
        ],
        "without_release": 1,
        "doubtful": 2,
        "alternatives": 1,
        "file_bytes": MEMORY.len(),
        "created": {"first": "2025-12-01T08:00:00Z", "last": "2026-05-20T14:30:00Z"}
    });
    assert_eq!(run.json(), expected);
}

#[test]
fn empty_memory() {
    let env = common::Env::new();
    env.write(
        "m.json",
        "{\"format\": \"tm-memory\", \"version\": 1, \"units\": []}\n",
    );
    let run = env.run(&["stats", "--memory", "m.json"]).ok();
    assert_eq!(
        run.stdout,
        "memory        m.json (one file; `tm migrate` makes it a folder git merges)\nunits         0\nreleases      0\ndoubtful      0\n\
         alternatives  0\nfile size     51 bytes\ncreated       -\n"
    );
    let run = env
        .run(&["stats", "--memory", "m.json", "--format", "json"])
        .ok();
    assert_eq!(run.json()["created"], serde_json::Value::Null);
}

#[test]
fn missing_or_broken_memory_is_an_error() {
    let env = common::Env::new();
    assert_eq!(env.run(&["stats"]).fails().stderr, MISSING);
    env.write(
        "memory/tm.json",
        "{\"format\": \"tm-memory\", \"version\": 1, \"units\": [}",
    );
    let run = env.run(&["stats"]).fails();
    assert_eq!(
        run.stderr,
        "tm: memory/tm.json:1:49: not a tm memory: expected value\n"
    );
}
