//! `tm serve` and documents: a Word, HTML or Markdown release uploaded to
//! `/api/suggest/document` gets what `tm suggest --format json` prints for
//! it, and `/api/draft` gives the draft `tm suggest --draft` writes, with
//! the translator's own translations where the page sends them. Uploads tm
//! cannot read get a 4xx error and leave the memory as it was.

mod common;

use std::io::{Cursor, Write};

use common::docs::{self, Texts, EN, KK, RU};
use common::server::Server;
use common::Env;
use pretty_assertions::assert_eq;
use serde_json::{json, Value};

/// The English release with one sentence changed a little (a fuzzy match)
/// and one the memory has never seen.
const NEW: Texts = Texts {
    text_box: "Journalists are invited to the opening ceremony next week.",
    anchor: "The plant opens in early spring.",
    ..EN
};

/// The translator's Russian for the sentence the memory lacks.
const OWN_RU: &str = "Журналистов приглашают на церемонию открытия на следующей неделе.";

fn setup() -> (Env, Server) {
    let env = Env::new();
    for (t, lang) in [(&EN, "en"), (&RU, "ru"), (&KK, "kk")] {
        env.write(&format!("r.{lang}.txt"), docs::txt(t));
    }
    env.run(&[
        "--memory", "tm.json", "add", "--en", "r.en.txt", "--ru", "r.ru.txt", "--kk", "r.kk.txt",
    ])
    .ok();
    let server = Server::start(env.dir.path(), &env.path("tm.json"), &[]);
    (env, server)
}

fn upload(server: &Server, name: &str, bytes: &[u8]) -> common::server::Response {
    server.post_multipart("/api/suggest/document", &[("file", Some(name), bytes)])
}

/// The text of a draft: `word/document.xml` for Word (without the VML
/// fallback copy of text boxes, which tm neither reads nor writes), the
/// file otherwise.
fn draft_text(name: &str, bytes: &[u8]) -> String {
    if name.ends_with(".docx") {
        let parts = docs::parts(bytes);
        let (_, xml) = parts
            .iter()
            .find(|(n, _)| n == "word/document.xml")
            .expect("word/document.xml in the draft");
        let xml = String::from_utf8(xml.clone()).unwrap();
        match (xml.find("<mc:Fallback>"), xml.find("</mc:Fallback>")) {
            (Some(a), Some(b)) => format!("{}{}", &xml[..a], &xml[b..]),
            _ => xml,
        }
    } else {
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}

#[test]
fn each_format_is_suggested_and_drafted_as_the_command_line_does() {
    let (env, server) = setup();
    let files: [(&str, Vec<u8>); 3] = [
        ("new.en.docx", docs::docx(&NEW)),
        ("new.en.html", docs::html(&NEW, "en").into_bytes()),
        ("new.en.md", docs::markdown(&NEW).into_bytes()),
    ];
    for (name, bytes) in &files {
        env.write(name, bytes);
        let ext = name.rsplit('.').next().unwrap();
        let out = format!("out-{ext}");
        let cli = env
            .run(&[
                "--memory", "tm.json", "suggest", name, "--format", "json", "--draft", &out,
            ])
            .ok()
            .json();

        let mut api = upload(&server, name, bytes).expect(200).json();
        let document = api
            .as_object_mut()
            .unwrap()
            .remove("document")
            .expect("the document's id");
        assert_eq!(api, cli, "{name}: the suggestions differ from the CLI's");
        assert_eq!(document["name"], *name);
        assert_eq!(document["format"], ext);
        let id = document["id"].as_str().unwrap().to_string();
        assert!(id.len() >= 16, "{id}");
        assert!(document["text"]
            .as_str()
            .unwrap()
            .contains("The plant opens in early spring."));

        for lang in ["ru", "kk"] {
            let res = server
                .post("/api/draft", &json!({"document": id, "to": lang}))
                .expect(200);
            let expected = std::fs::read(env.path(&format!("{out}/new.{lang}.{ext}"))).unwrap();
            assert!(
                res.body == expected,
                "{name} → {lang}: the draft differs from `tm suggest --draft`'s"
            );
            let disposition = res.header("content-disposition").unwrap();
            assert!(
                disposition.contains(&format!("new.{lang}.{ext}")),
                "{disposition}"
            );
        }
        let ru = draft_text(
            name,
            &server
                .post("/api/draft", &json!({"document": id, "to": "ru"}))
                .expect(200)
                .body,
        );
        // The exact match is in, the fuzzy one marked as the format allows,
        // the unknown sentence left in English and marked.
        assert!(ru.contains("На станции четыре фильтра."), "{name}:\n{ru}");
        assert!(ru.contains("Станция откроется весной."), "{name}:\n{ru}");
        assert!(ru.contains("Journalists are invited"), "{name}:\n{ru}");
        match ext {
            "docx" => assert!(ru.contains("<w:highlight"), "{ru}"),
            "html" => assert!(ru.contains("<mark"), "{ru}"),
            _ => assert!(ru.contains("[[en: Journalists are invited"), "{ru}"),
        }

        // The translator's own text for the unknown sentence, and the
        // fuzzy one accepted as edited (score 100: no mark).
        let segments = api["segments"].as_array().unwrap();
        let index = |start: &str| {
            segments
                .iter()
                .find(|s| s["text"].as_str().unwrap().starts_with(start))
                .unwrap_or_else(|| panic!("no segment {start}"))["index"]
                .clone()
        };
        let body = json!({"document": id, "to": "ru", "choices": [
            {"index": index("Journalists"), "text": OWN_RU},
            {"index": index("The plant opens"), "text": "Станция откроется ранней весной."},
        ]});
        let res = server.post("/api/draft", &body).expect(200);
        let ru = draft_text(name, &res.body);
        assert!(ru.contains(OWN_RU), "{name}:\n{ru}");
        assert!(
            ru.contains("Станция откроется ранней весной."),
            "{name}:\n{ru}"
        );
        assert!(!ru.contains("Journalists"), "{name}:\n{ru}");
        assert!(!ru.contains("[["), "{name}:\n{ru}");
        if ext == "docx" {
            assert!(!ru.contains("<w:highlight"), "{ru}");
        }
    }
}

#[test]
fn drafts_check_their_request() {
    let (_env, server) = setup();
    let id = upload(&server, "a.en.md", docs::markdown(&NEW).as_bytes())
        .expect(200)
        .json()["document"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = |body: Value, status: u16, expect: &str| {
        let res = server.post("/api/draft", &body).expect(status);
        let message = res.json()["error"].as_str().unwrap().to_string();
        assert!(message.contains(expect), "{message}");
    };
    err(
        json!({"document": "0123", "to": "ru"}),
        404,
        "upload it again",
    );
    err(
        json!({"document": id, "to": "en"}),
        400,
        "the document itself is in en",
    );
    err(json!({"document": id, "to": "fr"}), 400, "'fr'");
    err(
        json!({"document": id, "to": "ru", "choices": [{"index": 99, "text": "x"}]}),
        400,
        "no segment 99",
    );
}

/// A zip whose `word/document.xml` unpacks to `size` bytes of XML.
fn bomb(size: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
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

#[test]
fn bad_uploads_get_a_4xx_naming_the_problem_and_change_nothing() {
    let (env, server) = setup();
    let before = std::fs::read(env.path("tm.json")).unwrap();
    let mut ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    ole.resize(4096, 0);
    let full = docs::docx(&NEW);
    let cases: [(&str, Vec<u8>, u16, &str); 7] = [
        ("old.doc", ole.clone(), 415, "legacy Word 97-2003 .doc"),
        ("locked.docx", ole, 422, "encrypted or password-protected"),
        (
            "cut.docx",
            full[..full.len() / 2].to_vec(),
            422,
            "not a Word package",
        ),
        ("bomb.docx", bomb(65 << 20), 413, "zip bomb"),
        (
            "plain.docx",
            b"Just some text.".to_vec(),
            422,
            "not a Word package",
        ),
        ("report.pdf", b"%PDF-1.4".to_vec(), 415, "tm reads .docx"),
        ("empty.md", b"\n\n".to_vec(), 422, "holds no text"),
    ];
    for (name, bytes, status, expect) in cases {
        let res = upload(&server, name, &bytes);
        assert_eq!(res.status, status, "{name}: {}", res.text());
        let message = res.json()["error"].as_str().unwrap().to_string();
        assert!(message.contains(expect), "{name}: {message}");
    }
    // Not multipart, no file, no file name.
    server
        .post("/api/suggest/document", &json!({"text": "x"}))
        .expect(400);
    server
        .post_multipart("/api/suggest/document", &[("from", None, b"en")])
        .expect(400);
    server
        .post_multipart("/api/suggest/document", &[("file", None, b"Text.")])
        .expect(400);
    // Over the request size limit.
    let big = vec![b'a'; 5 << 20];
    let res = upload(&server, "big.md", &big);
    assert_eq!(res.status, 413, "{}", res.text());
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
    // Still serving.
    server.get("/api/stats").expect(200);
}
