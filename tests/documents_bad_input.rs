//! Documents tm cannot read: a one-line error naming the file and the
//! place, exit code 2, no panic, and the memory as it was.

mod common;

use std::io::{Cursor, Write};

use common::docs::{self, EN, RU};
use common::Env;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The header of an OLE compound file (Word 97–2003, or an encrypted
/// Office 2007+ document), padded.
fn ole() -> Vec<u8> {
    let mut v = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    v.resize(4096, 0);
    v
}

/// A zip whose `word/document.xml` unpacks to `size` bytes of XML.
fn bomb(size: usize) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("word/document.xml", options).unwrap();
    w.write_all(b"<w:document><w:body><w:p><w:r><w:t>").unwrap();
    let block = vec![b'a'; 1 << 20];
    for _ in 0..size >> 20 {
        w.write_all(&block).unwrap();
    }
    w.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    w.finish().unwrap().into_inner()
}

/// Runs `tm segment FILE` and `tm add` with FILE as the English version
/// against a memory, and checks the error and the memory.
fn refused(env: &Env, name: &str, bytes: &[u8], expect: &str) {
    env.write(name, bytes);
    let before = std::fs::read(env.path("tm.json")).unwrap();
    for args in [
        vec!["segment", name],
        vec![
            "--memory", "tm.json", "add", "--en", name, "--ru", "r.ru.txt",
        ],
        vec!["--memory", "tm.json", "suggest", name, "--draft", "out"],
    ] {
        let run = env.run(&args).fails();
        assert_eq!(run.stderr.lines().count(), 1, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(name) && run.stderr.contains(expect),
            "{name}: expected {expect:?} in: {}",
            run.stderr
        );
    }
    assert!(
        std::fs::read(env.path("tm.json")).unwrap() == before,
        "{name}: the memory changed"
    );
    assert!(!env.path("out").exists(), "{name}: a draft was written");
}

fn env() -> Env {
    let env = Env::new();
    env.write("r.en.txt", docs::txt(&EN));
    env.write("r.ru.txt", docs::txt(&RU));
    env.run(&[
        "--memory", "tm.json", "add", "--en", "r.en.txt", "--ru", "r.ru.txt",
    ])
    .ok();
    env
}

#[test]
fn word_files_that_cannot_be_read() {
    let env = env();
    refused(&env, "old.doc", &ole(), "legacy Word 97-2003 .doc");
    refused(
        &env,
        "locked.docx",
        &ole(),
        "encrypted or password-protected",
    );
    refused(&env, "plain.docx", b"Just some text.", "not a Word package");
    refused(
        &env,
        "bomb.docx",
        &bomb(65 << 20),
        "word/document.xml unpacks to more than",
    );
    let broken = docs::docx_with(
        "<w:document>\n<w:body><w:p><w:r><w:t>Text.</w:r></w:p></w:body></w:document>",
    );
    refused(
        &env,
        "broken.docx",
        &broken,
        "word/document.xml:2:29: malformed XML",
    );
    let truncated = docs::docx_with("<w:document><w:body><w:p><w:r><w:t>Text.</w:t>");
    refused(&env, "cut.docx", &truncated, "word/document.xml:1:");
    let empty = docs::docx_with(
        "<w:document><w:body><w:p><w:r><w:t> </w:t></w:r></w:p><w:sectPr/></w:body></w:document>",
    );
    refused(&env, "empty.docx", &empty, "holds no text");
}

#[test]
fn pages_and_markdown_that_cannot_be_read() {
    let env = env();
    let (cp1251, _, _) =
        encoding_rs::WINDOWS_1251.encode("<html><body><p>Форум открылся.</p></body></html>");
    refused(&env, "legacy.html", &cp1251, "no charset declared");
    refused(
        &env,
        "unknown.html",
        b"<meta charset=\"x-martian\"><p>Text.</p>",
        "unknown charset",
    );
    refused(
        &env,
        "empty.html",
        b"<html><head><title>Only a title</title></head><body> </body></html>",
        "holds no text",
    );
    refused(
        &env,
        "code.md",
        b"```\nlet a = 1;\n```\n\n    indented code\n",
        "only code",
    );
    refused(&env, "empty.md", b"\n\n", "holds no text");
}

#[test]
fn a_word_document_cut_anywhere_is_an_error_not_a_panic() {
    let xml = docs::document_xml(&EN);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.docx");
    let mut cut = 0;
    while cut < xml.len() {
        if xml.is_char_boundary(cut) {
            std::fs::write(&path, docs::docx_with(&xml[..cut])).unwrap();
            let result = tm::documents::read(&path, None);
            assert!(result.is_err(), "cut at {cut} read as a document");
        }
        cut += 61;
    }
}
