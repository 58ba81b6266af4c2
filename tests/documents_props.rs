//! Properties of the HTML and Markdown readers and writers on random
//! input: no panic; a draft that changes nothing is the original; a draft
//! with every segment translated reads back as the translations; a
//! segment's inline codes written as XLIFF are well-formed XML whose text
//! is the segment.

use std::path::Path;

use proptest::prelude::*;
use tm::documents::{html, markdown, write_draft, Document};
use tm::exchange::xliff::push_coded;
use tm::segment::segment;
use tm::Lang;

/// Text made of the characters markup is made of, and words.
fn markup() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<b>".to_string()),
            Just("</b>".to_string()),
            Just("<a href=\"x\">".to_string()),
            Just("</a>".to_string()),
            Just("<br>".to_string()),
            Just("<i>".to_string()),
            Just("</i>".to_string()),
            Just("<img src=\"p\">".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("<script>".to_string()),
            Just("&amp;".to_string()),
            Just("&#x41;".to_string()),
            Just("&nbsp".to_string()),
            Just("**".to_string()),
            Just("`".to_string()),
            Just("[".to_string()),
            Just("](u)".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("# ".to_string()),
            Just("- ".to_string()),
            Just("| ".to_string()),
            Just("```".to_string()),
            Just(" ".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            "[A-Za-zА-Яа-яӘәҚқ]{1,8}\\.?".prop_map(|s| s),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// The text of `<s>` + `xml` + `</s>`; panics unless it is well-formed.
fn text_of(xml: &str) -> String {
    use quick_xml::events::Event;
    let wrapped = format!("<s>{xml}</s>");
    let mut r = quick_xml::Reader::from_str(&wrapped);
    r.config_mut().check_end_names = true;
    let mut out = String::new();
    loop {
        match r.read_event().unwrap_or_else(|e| panic!("{e}: {wrapped}")) {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(g) => out.push(match g.resolve_char_ref().unwrap() {
                Some(c) => c,
                None => match &*g {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    other => panic!("&{other};"),
                },
            }),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn check(doc: &Document, bytes: &[u8]) {
    let segs = segment(&doc.text, Lang::En);
    for (s, codes) in segs.iter().zip(doc.segment_codes(&segs)) {
        let mut xml = String::new();
        push_coded(&mut xml, &s.text, &codes);
        assert_eq!(text_of(&xml), s.text, "{codes:?}");
    }
    let none = vec![None; segs.len()];
    let same = write_draft(doc, &segs, &none, Lang::En, None, false).unwrap();
    assert!(
        same.bytes == bytes,
        "a draft without changes changed the file"
    );
    let marked = vec![Some(("Ответ.".to_string(), 90.0)); segs.len()];
    write_draft(doc, &segs, &marked, Lang::En, Some(Lang::Ru), true).unwrap();
    let all = vec![Some(("Ответ.".to_string(), 100.0)); segs.len()];
    write_draft(doc, &segs, &all, Lang::En, Some(Lang::Ru), false).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn html_never_panics_and_round_trips(page in markup()) {
        if let Ok(doc) = html::read(Path::new("p.html"), page.as_bytes()) {
            check(&doc, page.as_bytes());
        }
    }

    #[test]
    fn markdown_never_panics_and_round_trips(text in markup()) {
        if let Ok(doc) = markdown::read(Path::new("p.md"), text.clone()) {
            check(&doc, text.as_bytes());
        }
    }
}
