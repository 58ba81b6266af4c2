//! Drafts in the release's own format: the Word package, the HTML page and
//! the Markdown file kept, the text of each segment replaced.

mod common;

use std::path::Path;

use common::docs::{self, Texts, EN, KK, RU};
use common::Env;
use pretty_assertions::assert_eq;
use tm::documents::{read, write_draft};
use tm::segment::segment;
use tm::Lang;

/// The English release with one sentence changed a little (a fuzzy match)
/// and one that the memory has never seen.
const NEW: Texts = Texts {
    text_box: "Journalists are invited to the opening ceremony next week.",
    anchor: "The plant opens in early spring.",
    ..EN
};

/// A memory built from the plain-text release.
fn env_with_memory() -> Env {
    let env = Env::new();
    for (t, lang) in [(&EN, "en"), (&RU, "ru"), (&KK, "kk")] {
        env.write(&format!("r.{lang}.txt"), docs::txt(t));
    }
    env.run(&[
        "--memory", "tm.json", "add", "--en", "r.en.txt", "--ru", "r.ru.txt", "--kk", "r.kk.txt",
    ])
    .ok();
    env
}

fn paragraphs(xml: &str) -> usize {
    xml.matches("<w:p>").count() + xml.matches("<w:p ").count()
}

#[test]
fn word_drafts_keep_the_package_and_highlight_what_to_check() {
    let env = env_with_memory();
    let source = docs::docx(&NEW);
    env.write("new.en.docx", &source);
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "suggest",
            "new.en.docx",
            "--draft",
            "out",
        ])
        .ok();
    let original = docs::parts(&source);
    let original_xml = String::from_utf8(original[2].1.clone()).unwrap();
    for (lang, code, sentence) in [
        (
            "ru",
            "ru-RU",
            "Станция будет снабжать чистой водой 40 000 жителей.",
        ),
        (
            "kk",
            "kk-KZ",
            "Станция 40 000 тұрғынды таза сумен қамтамасыз етеді.",
        ),
    ] {
        let path = env.path(&format!("out/new.{lang}.docx"));
        let draft = std::fs::read(&path).unwrap();
        let parts = docs::parts(&draft);
        assert_eq!(parts.len(), original.len());
        for ((name, bytes), (oname, obytes)) in parts.iter().zip(&original) {
            assert_eq!(name, oname);
            if name != "word/document.xml" {
                assert!(bytes == obytes, "{name} changed");
            }
        }
        let xml = String::from_utf8(parts[2].1.clone()).unwrap();
        assert_eq!(paragraphs(&xml), paragraphs(&original_xml));
        assert!(
            xml.contains(&format!("<w:lang w:val=\"{code}\"/>")),
            "{xml}"
        );
        assert!(
            xml.contains("<w:highlight w:val=\"yellow\"/>"),
            "fuzzy: {xml}"
        );
        assert!(
            xml.contains("<w:highlight w:val=\"cyan\"/>"),
            "unmatched: {xml}"
        );
        // The header, styles, table and text box are still there.
        assert!(xml.contains("<w:tbl>") && xml.contains("<w:txbxContent>"));
        assert!(xml.contains("w:headerReference"));
        // The draft reads back with the translations in place.
        let segs = env
            .run(&["segment", &format!("out/new.{lang}.docx")])
            .ok()
            .stdout;
        assert!(segs.contains(sentence), "{segs}");
        assert!(segs.contains("Journalists are invited"), "{segs}");
        assert!(!segs.contains("water to 40,000"), "{segs}");
    }
    // The link sentence had a bold run in the middle: named in the report.
    assert!(
        run.stderr.contains("lost its inline formatting")
            && run.stderr.contains("Details are on the ministry website."),
        "{}",
        run.stderr
    );
    // Never over an existing draft.
    env.run(&[
        "--memory",
        "tm.json",
        "suggest",
        "new.en.docx",
        "--draft",
        "out",
    ])
    .fails();
}

#[test]
fn an_exact_word_draft_reads_as_the_translation() {
    let env = env_with_memory();
    env.write("r.en.docx", docs::docx(&EN));
    env.run(&[
        "--memory",
        "tm.json",
        "suggest",
        "r.en.docx",
        "--draft",
        "out",
        "--to",
        "ru,kk",
    ])
    .ok();
    for lang in ["ru", "kk"] {
        let draft = env
            .run(&["segment", &format!("out/r.{lang}.docx")])
            .ok()
            .stdout;
        let plain = env.run(&["segment", &format!("r.{lang}.txt")]).ok().stdout;
        assert_eq!(draft, plain, "{lang}");
        let xml = String::from_utf8(
            docs::parts(&std::fs::read(env.path(&format!("out/r.{lang}.docx"))).unwrap())[2]
                .1
                .clone(),
        )
        .unwrap();
        assert!(!xml.contains("w:highlight"), "{lang}: nothing to check");
    }
}

#[test]
fn html_and_markdown_drafts_keep_markup_and_mark_what_to_check() {
    let env = env_with_memory();
    env.write("new.en.html", docs::html(&NEW, "en"));
    env.write("new.en.md", docs::markdown(&NEW));
    env.run(&[
        "--memory",
        "tm.json",
        "suggest",
        "new.en.html",
        "--draft",
        "out",
        "--to",
        "ru",
    ])
    .ok();
    env.run(&[
        "--memory",
        "tm.json",
        "suggest",
        "new.en.md",
        "--draft",
        "out",
        "--to",
        "kk",
    ])
    .ok();
    let html = std::fs::read_to_string(env.path("out/new.ru.html")).unwrap();
    assert!(html.contains("<html lang=\"ru\">"), "{html}");
    assert!(
        html.contains("<title>Министерство открывает новую водоочистную станцию в Актобе</title>"),
        "{html}"
    );
    assert!(html.contains("<mark data-tm-score=\""), "{html}");
    assert!(
        html.contains("<mark data-tm-lang=\"en\">Journalists are invited"),
        "{html}"
    );
    assert!(html.contains("<script>var x = \"<p>not text</p>\";</script>"));
    assert!(html.contains("<a href=\"https://example.gov.kz/water\">"));
    assert!(html.contains("Станция будет снабжать чистой водой 40 000 жителей."));
    let md = std::fs::read_to_string(env.path("out/new.kk.md")).unwrap();
    assert!(
        md.contains("```\ncurl https://example.gov.kz/api\n```"),
        "{md}"
    );
    assert!(md.contains("[[en: Journalists are invited"), "{md}");
    assert!(md.contains("% Станция көктемде ашылады.]]"), "{md}");
    assert!(md.contains("# Министрлік Ақтөбеде"), "{md}");
}

#[test]
fn a_draft_that_changes_nothing_is_the_original_file() {
    let env = Env::new();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>\
         <body><p>Форум открылся &laquo;вчера&raquo;.</p></body></html>",
    );
    let files: [(&str, Vec<u8>); 4] = [
        ("r.en.docx", docs::docx(&EN)),
        ("r.en.html", docs::html(&EN, "en").into_bytes()),
        ("r.ru.html", cp1251.into_owned()),
        ("r.en.md", docs::markdown(&EN).into_bytes()),
    ];
    for (name, bytes) in files {
        let path = env.write(name, &bytes);
        let doc = read(&path, None).unwrap();
        let segs = segment(&doc.text, Lang::En);
        let none = vec![None; segs.len()];
        let draft = write_draft(&doc, &segs, &none, Lang::En, None, false).unwrap();
        assert!(draft.bytes == bytes, "{name} changed");
    }
}

#[test]
fn a_legacy_charset_page_is_drafted_in_utf8() {
    let env = Env::new();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><head><meta charset=\"windows-1251\"></head><body><p>Форум открылся.</p></body></html>",
    );
    let path = env.write("r.ru.html", &cp1251);
    let doc = read(Path::new(&path), None).unwrap();
    assert_eq!(doc.text, "Форум открылся.");
    let segs = segment(&doc.text, Lang::Ru);
    let choice = vec![Some(("Форум ашылды.".to_string(), 100.0))];
    let draft = write_draft(&doc, &segs, &choice, Lang::Ru, Some(Lang::Kk), true).unwrap();
    let page = String::from_utf8(draft.bytes).expect("UTF-8");
    assert_eq!(
        page,
        "<html lang=\"kk\"><head><meta charset=\"utf-8\"></head><body><p>Форум ашылды.</p></body></html>"
    );
}

#[test]
fn a_run_shared_by_segments_of_different_states_is_split() {
    let env = Env::new();
    let xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r w:rsidR=\"00C0FFEE\"><w:rPr><w:i/><w:sz w:val=\"24\"/></w:rPr><w:t>The plant has four filters. Each filter cleans water. Nobody wrote this before.</w:t></w:r></w:p></w:body></w:document>";
    let path = env.write("one.en.docx", docs::docx_with(xml));
    let doc = read(&path, None).unwrap();
    let segs = segment(&doc.text, Lang::En);
    assert_eq!(segs.len(), 3);
    let choice = vec![
        Some(("На станции четыре фильтра.".to_string(), 100.0)),
        Some(("Каждый фильтр очищает воду.".to_string(), 90.0)),
        None,
    ];
    let draft = write_draft(&doc, &segs, &choice, Lang::En, Some(Lang::Ru), true).unwrap();
    assert!(draft.lost.is_empty(), "{:?}", draft.lost);
    let out = String::from_utf8(docs::parts(&draft.bytes)[2].1.clone()).unwrap();
    assert_eq!(
        out,
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r w:rsidR=\"00C0FFEE\"><w:rPr><w:i/><w:sz w:val=\"24\"/><w:lang w:val=\"ru-RU\"/></w:rPr>\
         <w:t xml:space=\"preserve\">На станции четыре фильтра. </w:t></w:r>\
         <w:r><w:rPr><w:i/><w:sz w:val=\"24\"/><w:highlight w:val=\"yellow\"/><w:lang w:val=\"ru-RU\"/></w:rPr><w:t xml:space=\"preserve\">Каждый фильтр очищает воду. </w:t></w:r>\
         <w:r><w:rPr><w:i/><w:sz w:val=\"24\"/><w:highlight w:val=\"cyan\"/></w:rPr><w:t xml:space=\"preserve\">Nobody wrote this before.</w:t></w:r></w:p></w:body></w:document>"
    );
    // Without marks: the language only, no highlighting.
    let clean = write_draft(&doc, &segs, &choice, Lang::En, Some(Lang::Ru), false).unwrap();
    let out = String::from_utf8(docs::parts(&clean.bytes)[2].1.clone()).unwrap();
    assert!(!out.contains("w:highlight"), "{out}");
    let back = std::fs::write(env.path("d.ru.docx"), &draft.bytes);
    back.unwrap();
    let again = read(&env.path("d.ru.docx"), None).unwrap();
    assert_eq!(
        again.text,
        "На станции четыре фильтра. Каждый фильтр очищает воду. Nobody wrote this before."
    );
}

#[test]
fn a_link_or_code_whose_text_stands_in_the_translation_keeps_its_formatting() {
    let env = Env::new();
    let ru = "Подробности на www.gov.kz сегодня.";
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "l.en.html",
            b"<p>Details are on <a href=\"https://gov.kz\">www.gov.kz</a> today.</p>".to_vec(),
            "<p>Подробности на <a href=\"https://gov.kz\">www.gov.kz</a> сегодня.</p>",
        ),
        (
            "l.en.md",
            b"Details are on [www.gov.kz](https://gov.kz) today.\n".to_vec(),
            "Подробности на [www.gov.kz](https://gov.kz) сегодня.\n",
        ),
        (
            "c.en.md",
            b"Details are on `www.gov.kz` today.\n".to_vec(),
            "Подробности на `www.gov.kz` сегодня.\n",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = env.write(name, &bytes);
        let doc = read(&path, None).unwrap();
        let segs = segment(&doc.text, Lang::En);
        let choice = vec![Some((ru.to_string(), 100.0))];
        let draft = write_draft(&doc, &segs, &choice, Lang::En, None, true).unwrap();
        assert_eq!(String::from_utf8(draft.bytes).unwrap(), expected, "{name}");
        assert!(draft.lost.is_empty(), "{name}");
    }
    let xml = "<w:document><w:body><w:p><w:r><w:t xml:space=\"preserve\">Details are on </w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>www.gov.kz</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\"> today.</w:t></w:r></w:p></w:body></w:document>";
    let path = env.write("l.en.docx", docs::docx_with(xml));
    let doc = read(&path, None).unwrap();
    let segs = segment(&doc.text, Lang::En);
    let choice = vec![Some((ru.to_string(), 100.0))];
    let draft = write_draft(&doc, &segs, &choice, Lang::En, Some(Lang::Ru), true).unwrap();
    assert!(draft.lost.is_empty());
    let out = String::from_utf8(docs::parts(&draft.bytes)[2].1.clone()).unwrap();
    assert!(
        out.contains("<w:hyperlink r:id=\"rId9\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:lang w:val=\"ru-RU\"/></w:rPr><w:t xml:space=\"preserve\">www.gov.kz</w:t>"),
        "{out}"
    );
    assert!(
        out.contains(">Подробности на </w:t>") && out.contains("> сегодня.</w:t>"),
        "{out}"
    );
}

#[test]
fn a_draft_of_a_word_file_libreoffice_wrote_keeps_its_package() {
    let env = env_with_memory();
    let source = std::fs::read(common::repo().join("tests/data/lo-release.en.docx")).unwrap();
    env.write("lo.en.docx", &source);
    env.run(&[
        "--memory",
        "tm.json",
        "suggest",
        "lo.en.docx",
        "--draft",
        "out",
        "--to",
        "ru",
    ])
    .ok();
    let draft = std::fs::read(env.path("out/lo.ru.docx")).unwrap();
    let (before, after) = (docs::parts(&source), docs::parts(&draft));
    assert_eq!(before.len(), after.len());
    for ((name, a), (_, b)) in before.iter().zip(&after) {
        if name == "word/document.xml" {
            let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            assert_eq!(paragraphs(&a), paragraphs(&b));
            assert_eq!(
                a.matches("<w:hyperlink").count(),
                b.matches("<w:hyperlink").count()
            );
            assert_eq!(a.matches("<w:tc>").count(), b.matches("<w:tc>").count());
        } else {
            assert!(a == b, "{name} changed");
        }
    }
    let text = env.run(&["segment", "out/lo.ru.docx"]).ok().stdout;
    // Each paragraph's first sentence is there in Russian.
    for line in docs::txt(&RU).lines().filter(|l| !l.is_empty()) {
        let first = line.split(". ").next().unwrap();
        assert!(text.contains(first), "{first}\n{text}");
    }
}
