//! `tm segment` run as a user runs it.

mod common;

use common::Env;
use pretty_assertions::assert_eq;

#[test]
fn splits_lines_and_sentences() {
    let env = Env::new();
    let f = env.write("a.txt", "Headline here\n\nFirst sentence. Second one.\n");
    let run = env.run(&["segment", f.to_str().unwrap()]).ok();
    assert_eq!(
        run.lines(),
        vec!["Headline here", "First sentence.", "Second one."]
    );
}

#[test]
fn json_gives_offsets_into_the_input() {
    let env = Env::new();
    let text = "Заголовок\n\nПервое предложение. Второе.";
    let f = env.write("a.txt", text);
    let run = env
        .run(&["segment", f.to_str().unwrap(), "--format", "json"])
        .ok();
    let v = run.json();
    assert_eq!(v["language"], "ru");
    let segs = v["segments"].as_array().unwrap();
    assert_eq!(segs.len(), 3);
    for s in segs {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
    }
    assert_eq!(segs[2]["paragraph"], 1);
}

#[test]
fn missing_file_is_a_one_line_error() {
    let env = Env::new();
    let run = env.run(&["segment", "nope.txt"]).fails();
    assert!(run.stderr.starts_with("tm: nope.txt: "), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1);
}
