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
    assert!(run.stderr.contains("No such file"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_directory_is_refused() {
    let env = Env::new();
    std::fs::create_dir(env.path("releases")).unwrap();
    let run = env.run(&["segment", "releases"]).fails();
    assert_eq!(run.stderr, "tm: releases: is a directory\n");
    assert_eq!(run.stdout, "");
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let env = Env::new();
    env.write("bad.txt", b"Good start. \xd0 broken");
    let run = env.run(&["segment", "bad.txt"]).fails();
    assert_eq!(
        run.stderr,
        "tm: bad.txt: invalid UTF-8 at byte 12 (save the file as UTF-8)\n"
    );
}

#[test]
fn binary_and_pdf_input_is_refused() {
    let env = Env::new();
    env.write("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj");
    let run = env.run(&["segment", "doc.pdf"]).fails();
    assert_eq!(
        run.stderr,
        "tm: doc.pdf: not a text file: a PDF document at byte 0\n"
    );
    env.write("blob.bin", b"abc\0\x01\x02");
    let run = env.run(&["segment", "blob.bin"]).fails();
    assert_eq!(
        run.stderr,
        "tm: blob.bin: not a text file: a NUL byte at byte 3\n"
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let env = Env::new();
    let text = "Заголовок\r\nПервое предложение. Второе.";
    let mut le = vec![0xff, 0xfe];
    let mut be = vec![0xfe, 0xff];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        env.write(name, bytes);
        let run = env.run(&["segment", name]).ok();
        assert_eq!(
            run.lines(),
            ["Заголовок", "Первое предложение.", "Второе."],
            "{name}"
        );
    }
}

#[test]
fn an_empty_file_gives_no_segments() {
    let env = Env::new();
    env.write("empty.txt", "");
    let run = env.run(&["segment", "empty.txt"]).ok();
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
    env.write("blank.txt", "\n \r\n\u{a0}\n");
    let run = env.run(&["segment", "blank.txt", "--format", "json"]).ok();
    assert_eq!(run.json()["segments"].as_array().unwrap().len(), 0);
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let env = Env::new();
    let run = env
        .run_stdin(
            &["segment", "-", "--lang", "kk"],
            "Кездесу 2020 ж. Алматыда өтті. Ол сәтті болды.".as_bytes(),
        )
        .ok();
    assert_eq!(
        run.lines(),
        ["Кездесу 2020 ж. Алматыда өтті.", "Ол сәтті болды."]
    );
    let run = env.run_stdin(&["segment", "-"], b"\xff\xfe\x00").fails();
    assert!(run.stderr.starts_with("tm: -: "), "{}", run.stderr);
}

#[test]
fn json_offsets_survive_a_byte_order_mark_and_crlf() {
    let env = Env::new();
    let f = env.write("r.txt", "\u{feff}Title\r\n\r\nOne. Two.\r\n");
    let run = env
        .run(&["segment", f.to_str().unwrap(), "--format", "json"])
        .ok();
    let v = run.json();
    let got: Vec<(u64, u64, u64, &str)> = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["paragraph"].as_u64().unwrap(),
                s["start"].as_u64().unwrap(),
                s["end"].as_u64().unwrap(),
                s["text"].as_str().unwrap(),
            )
        })
        .collect();
    // Offsets count bytes of the text after the byte order mark.
    assert_eq!(
        got,
        [(0, 0, 5, "Title"), (1, 9, 13, "One."), (1, 14, 18, "Two.")]
    );
}

#[test]
fn a_language_the_text_clearly_is_not_gets_a_warning() {
    let env = Env::new();
    env.write(
        "news.txt",
        "Аким Өскемена Ерұлан Сәрсенғалиұлы открыл новую школу.\n\n\
         В ней будут учиться 600 детей.\n",
    );
    let run = env.run(&["segment", "news.txt", "--lang", "kk"]).ok();
    assert_eq!(
        run.stderr,
        "tm: warning: news.txt reads as Russian, but --lang kk was given\n"
    );
    // The given language is used all the same.
    let json = env
        .run(&["segment", "news.txt", "--lang", "kk", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json["language"], "kk");
    for args in [
        &["segment", "news.txt"][..],
        &["segment", "news.txt", "--lang", "ru"],
    ] {
        let run = env.run(args).ok();
        assert_eq!(run.stderr, "", "{args:?}");
    }
    let json = env
        .run(&["segment", "news.txt", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json["language"], "ru");
}
