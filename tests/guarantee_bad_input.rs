//! Guarantee: bad input of every kind gets a one-line error that names the
//! file and the place, exit code 2, no panic, and a memory left byte for
//! byte as it was.

mod common;

use std::path::PathBuf;

use common::releases::{memory_json, release};
use common::Env;

/// An environment with a valid memory of a few units and a valid release.
struct Case {
    env: Env,
    memory: PathBuf,
    before: Vec<u8>,
    en: String,
    ru: String,
}

impl Case {
    fn new() -> Case {
        let env = Env::new();
        let memory = env.write("memory/tm.json", memory_json(5));
        let before = std::fs::read(&memory).unwrap();
        let (en, ru, _) = release(1, 3);
        let en = env.write("r.en.txt", en).to_string_lossy().into_owned();
        let ru = env.write("r.ru.txt", ru).to_string_lossy().into_owned();
        Case {
            env,
            memory,
            before,
            en,
            ru,
        }
    }

    /// Runs `tm add` with the English file replaced by `name` holding `bytes`,
    /// and checks the common promises of a failure.
    fn add_with_english(&self, name: &str, bytes: &[u8]) -> String {
        let bad = self.env.write(name, bytes);
        self.add(&bad.to_string_lossy())
    }

    fn add(&self, en: &str) -> String {
        let run = self.env.run(&["add", "--en", en, "--ru", &self.ru]).fails();
        self.assert_untouched();
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "not one line:\n{}",
            run.stderr
        );
        assert!(run.stderr.starts_with("tm: "), "{}", run.stderr);
        run.stderr
    }

    fn assert_untouched(&self) {
        assert_eq!(
            std::fs::read(&self.memory).unwrap(),
            self.before,
            "the memory changed"
        );
    }

    /// Replaces the memory with `bytes` and checks that `tm add` refuses it
    /// with a message naming it, leaving it as it was.
    fn broken_memory(bytes: &[u8]) -> String {
        let mut case = Case::new();
        std::fs::write(&case.memory, bytes).unwrap();
        case.before = bytes.to_vec();
        let en = case.en.clone();
        let err = case.add(&en);
        assert!(err.contains("memory/tm.json"), "{err}");
        err
    }
}

#[test]
fn missing_release_file() {
    let c = Case::new();
    let err = c.add("no-such.en.txt");
    assert!(
        err.contains("no-such.en.txt") && err.contains("No such file"),
        "{err}"
    );
}

#[test]
fn directory_instead_of_file() {
    let c = Case::new();
    std::fs::create_dir(c.env.path("adir")).unwrap();
    let err = c.add(&c.env.path("adir").to_string_lossy());
    assert!(
        err.contains("adir") && err.contains("is a directory"),
        "{err}"
    );
}

#[test]
fn empty_release_file() {
    let c = Case::new();
    let err = c.add_with_english("empty.txt", b"");
    assert!(
        err.contains("empty.txt") && err.contains("no sentences"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let c = Case::new();
    let err = c.add_with_english("latin1.txt", b"The caf\xe9 opened.");
    assert!(
        err.contains("latin1.txt") && err.contains("invalid UTF-8 at byte 7"),
        "{err}"
    );
}

#[test]
fn utf16_without_bom() {
    let c = Case::new();
    let bytes: Vec<u8> = "The office opened today."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let err = c.add_with_english("utf16.txt", &bytes);
    assert!(
        err.contains("utf16.txt") && err.contains("UTF-16 without a byte order mark"),
        "{err}"
    );
}

#[test]
fn pdf_and_png() {
    let c = Case::new();
    let err = c.add_with_english("release.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    assert!(
        err.contains("release.pdf") && err.contains("a PDF document"),
        "{err}"
    );
    let err = c.add_with_english("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(
        err.contains("photo.png") && err.contains("a PNG image"),
        "{err}"
    );
}

#[test]
fn nul_bytes() {
    let c = Case::new();
    let err = c.add_with_english("nul.txt", b"The office\0 opened.");
    assert!(
        err.contains("nul.txt") && err.contains("NUL byte at byte 10"),
        "{err}"
    );
}

#[test]
fn fifty_megabyte_line_is_refused() {
    let c = Case::new();
    let line = "word ".repeat(10 * 1024 * 1024);
    let err = c.add_with_english("huge.txt", line.as_bytes());
    assert!(
        err.contains("huge.txt") && err.contains("too large"),
        "{err}"
    );
}

#[test]
fn truncated_memory() {
    let full = memory_json(5);
    let err = Case::broken_memory(&full.as_bytes()[..full.len() / 2]);
    assert!(
        err.contains("not a tm memory") && err.contains("EOF"),
        "{err}"
    );
}

#[test]
fn memory_that_is_not_json() {
    let err = Case::broken_memory(b"en,ru\nHello,Privet\n");
    assert!(err.contains("tm.json:1:1"), "{err}");
}

#[test]
fn memory_of_another_shape() {
    let err = Case::broken_memory(r#"{"units":[{"id":"1","en":"A.","ru":"Б."}]}"#.as_bytes());
    assert!(
        err.contains("not a tm memory") && err.contains("tm import"),
        "{err}"
    );
}

#[test]
fn memory_of_a_future_version() {
    let text = memory_json(2).replace("\"version\": 1", "\"version\": 7");
    let err = Case::broken_memory(text.as_bytes());
    assert!(err.contains("schema version 7 is not supported"), "{err}");
}

#[test]
fn memory_with_duplicate_ids() {
    let text = memory_json(3).replace("000010000001", "000010000000");
    let err = Case::broken_memory(text.as_bytes());
    assert!(err.contains("duplicate unit id '000010000000'"), "{err}");
}

#[test]
fn megabyte_paragraph_without_punctuation_is_handled() {
    let env = Env::new();
    let para = "слово ".repeat(200_000);
    let f = env.write("long.txt", &para);
    let run = env.run(&["segment", f.to_str().unwrap()]).ok();
    let lines = run.lines();
    assert!(lines.len() > 1, "a megabyte segment was not cut");
    assert!(lines
        .iter()
        .all(|l| l.chars().count() <= tm::segment::MAX_SEGMENT_CHARS));
    assert_eq!(lines.join(" "), para.trim());
}

#[test]
fn a_writer_on_a_missing_memory_leaves_nothing_behind() {
    let env = Env::new();
    let run = env.run(&["remove", "--yes", "0123456789ab"]).fails();
    assert!(
        run.stderr.contains("memory: no memory here yet"),
        "{}",
        run.stderr
    );
    assert!(
        !env.path("memory").exists(),
        "a directory or lock file was created"
    );
}
