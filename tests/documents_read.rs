//! Word, HTML and Markdown releases read as their plain text is: the same
//! segments, the same aligned units.

mod common;

use common::docs::{self, Texts, EN, KK, RU};
use common::Env;
use pretty_assertions::assert_eq;

/// The release in every format, for one language.
fn write_all(env: &Env, t: &Texts, lang: &str) {
    env.write(&format!("r.{lang}.txt"), docs::txt(t));
    env.write(&format!("r.{lang}.docx"), docs::docx(t));
    env.write(&format!("r.{lang}.html"), docs::html(t, lang));
    env.write(&format!("r.{lang}.md"), docs::markdown(t));
}

fn segments(env: &Env, file: &str) -> Vec<String> {
    env.run(&["segment", file])
        .ok()
        .lines()
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn documents_give_the_segments_of_their_plain_text() {
    let env = Env::new();
    for (t, lang) in [(&EN, "en"), (&RU, "ru"), (&KK, "kk")] {
        write_all(&env, t, lang);
        let plain = segments(&env, &format!("r.{lang}.txt"));
        assert_eq!(plain.len(), 9, "{plain:?}");
        for ext in ["docx", "html", "md"] {
            let got = segments(&env, &format!("r.{lang}.{ext}"));
            assert_eq!(got, plain, "{lang} {ext}");
        }
    }
}

#[test]
fn word_quirks_are_read_through() {
    let env = Env::new();
    env.write("r.en.docx", docs::docx(&EN));
    let lines = segments(&env, "r.en.docx");
    assert_eq!(lines[0], "Ministry opens a new water plant in Aktobe");
    let all = lines.join("\n");
    assert!(!all.contains("HYPERLINK"), "field code leaked: {all}");
    assert!(!all.contains("deleted"), "deletion read: {all}");
    assert!(
        all.contains("It cost 2 billion tenge."),
        "insertion lost: {all}"
    );
    // The text box is read once, not again from its fallback copy.
    assert_eq!(all.matches("press office answers").count(), 1, "{all}");
}

#[test]
fn input_format_overrides_the_extension() {
    let env = Env::new();
    env.write("page.txt", docs::html(&EN, "en"));
    let as_html = env
        .run(&["segment", "page.txt", "--input-format", "html"])
        .ok();
    assert_eq!(
        as_html.lines()[0],
        "Ministry opens a new water plant in Aktobe"
    );
    let as_text = env.run(&["segment", "page.txt"]).ok();
    assert!(as_text.stdout.contains("<h1>"), "{}", as_text.stdout);
}

#[test]
fn segment_json_offsets_point_into_the_extracted_text() {
    let env = Env::new();
    env.write("r.en.md", docs::markdown(&EN));
    env.write("r.en.txt", docs::txt(&EN));
    let md = env
        .run(&["segment", "r.en.md", "--format", "json"])
        .ok()
        .json();
    let first = &md["segments"][1];
    assert_eq!(
        first["text"],
        "The plant will supply clean water to 40,000 residents."
    );
    assert_eq!(first["paragraph"], 1);
    let start = first["start"].as_u64().unwrap() as usize;
    let end = first["end"].as_u64().unwrap() as usize;
    assert_eq!(end - start, first["text"].as_str().unwrap().len());
}

#[test]
fn adding_documents_gives_the_units_of_plain_text() {
    let env = Env::new();
    for (t, lang) in [(&EN, "en"), (&RU, "ru"), (&KK, "kk")] {
        write_all(&env, t, lang);
    }
    let units = |ext: &str| {
        let (en, ru, kk) = (
            format!("r.en.{ext}"),
            format!("r.ru.{ext}"),
            format!("r.kk.{ext}"),
        );
        env.run(&[
            "add",
            "--en",
            &en,
            "--ru",
            &ru,
            "--kk",
            &kk,
            "--dry-run",
            "--format",
            "json",
        ])
        .ok()
        .json()["units"]
            .clone()
    };
    let plain = units("txt");
    assert_eq!(plain.as_array().unwrap().len(), 9, "{plain}");
    for ext in ["docx", "html", "md"] {
        assert_eq!(units(ext), plain, "{ext}");
    }
    // And stored: the same units as from text.
    env.run(&[
        "--memory",
        "a.json",
        "add",
        "--en",
        "r.en.docx",
        "--ru",
        "r.ru.html",
        "--kk",
        "r.kk.md",
    ])
    .ok();
    env.run(&[
        "--memory", "b.json", "add", "--en", "r.en.txt", "--ru", "r.ru.txt", "--kk", "r.kk.txt",
    ])
    .ok();
    let texts = |m: &str| {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(env.path(m)).unwrap()).unwrap();
        let mut t: Vec<String> = v["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| format!("{} | {} | {}", u["en"], u["ru"], u["kk"]))
            .collect();
        t.sort();
        t
    };
    assert_eq!(texts("a.json"), texts("b.json"));
}

#[test]
fn a_text_box_is_read_where_its_anchor_stands() {
    let env = Env::new();
    let box_run = "<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>The press office answers calls.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    let xml = format!(
        "<w:document><w:body><w:p><w:r><w:t>The plant opens in spring.</w:t></w:r>{box_run}</w:p>\
         <w:p>{box_run}<w:r><w:t>Each filter cleans water.</w:t></w:r></w:p></w:body></w:document>"
    );
    env.write("box.docx", docs::docx_with(&xml));
    assert_eq!(
        segments(&env, "box.docx"),
        [
            "The plant opens in spring.",
            "The press office answers calls.",
            "The press office answers calls.",
            "Each filter cleans water.",
        ]
    );
}

#[test]
fn page_chrome_outside_main_and_navigation_are_not_read() {
    let env = Env::new();
    env.write(
        "page.html",
        "<html><body><header><p>Ministry of Water</p><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header>\
         <main><article><h1>The plant opens in spring.</h1><nav>Share this</nav><p>Each filter cleans water.</p>\
         <button>Print</button></article></main><footer><p>All rights reserved.</p></footer></body></html>",
    );
    assert_eq!(
        segments(&env, "page.html"),
        ["The plant opens in spring.", "Each filter cleans water."]
    );
}

#[test]
fn hidden_text_is_not_read() {
    let env = Env::new();
    env.write(
        "h.docx",
        docs::docx_with(
            "<w:document><w:body><w:p><w:r><w:t xml:space=\"preserve\">The plant opens in spring.</w:t></w:r>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\"> Internal note for editors.</w:t></w:r></w:p></w:body></w:document>",
        ),
    );
    assert_eq!(segments(&env, "h.docx"), ["The plant opens in spring."]);
}

/// Word files LibreOffice wrote (`soffice --convert-to docx`) from the HTML
/// of the test release, kept in tests/data: a real writer's XML.
#[test]
fn word_files_libreoffice_wrote_read_as_their_text() {
    let env = Env::new();
    for (t, lang) in [(&EN, "en"), (&RU, "ru"), (&KK, "kk")] {
        env.write(&format!("r.{lang}.txt"), docs::txt(t));
        let lo = common::repo().join(format!("tests/data/lo-release.{lang}.docx"));
        let got = segments(&env, lo.to_str().unwrap());
        let mut want = segments(&env, &format!("r.{lang}.txt"));
        // LibreOffice's HTML import shows what a <template> holds.
        want.push("Never read.".to_string());
        assert_eq!(got, want, "{lang}");
    }
}
