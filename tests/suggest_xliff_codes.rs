//! `tm suggest RELEASE --format xliff` of a Word and an HTML release: each
//! `<source>` carries the segment's inline formatting as XLIFF 1.2 inline
//! codes (`<g>` for bold and links, `<x/>` for line breaks), read back with
//! quick-xml; without them the source is the segment's text. A `<target>`
//! carries codes only where tm is sure where they go. A text release has
//! no codes. Every sentence here was written for these tests.

mod common;

use common::docs;
use common::Env;
use pretty_assertions::assert_eq;
use quick_xml::events::Event;

/// The memory: the first sentence and the sentence with the link, whose
/// translations hold the link's text as it is.
const MEMORY: &str = "en\tru\tkk\n\
    The regional council approved the budget on Tuesday.\tОбластной совет утвердил бюджет во вторник.\tОблыстық мәслихат сейсенбіде бюджетті бекітті.\n\
    The full text is on www.council.example.kz from today.\tПолный текст опубликован на www.council.example.kz с сегодняшнего дня.\tТолық мәтін бүгіннен бастап www.council.example.kz сайтында.\n";

/// The release's segments, as `tm segment` gives them from the plain text.
const SEGMENTS: [&str; 3] = [
    "The regional council approved the budget on Tuesday.",
    "The session was open to the press.",
    "The full text is on www.council.example.kz from today.",
];

/// An inline code as read: element, id, ctype and the text inside.
#[derive(Debug, PartialEq)]
struct Tag {
    element: String,
    id: String,
    ctype: String,
    inner: String,
}

/// One side (`<source>` or `<target>`) of a unit: its text without the
/// codes, and the codes in document order.
#[derive(Debug, Default, PartialEq)]
struct Side {
    text: String,
    tags: Vec<Tag>,
}

#[derive(Debug, Default)]
struct Unit {
    source: Side,
    target: Option<Side>,
    notes: Vec<String>,
}

/// The trans-units of an XLIFF document (the unit's own `<source>` and
/// `<target>`, not those in `<alt-trans>`); panics unless well-formed.
fn parse(xliff: &str) -> Vec<Unit> {
    let mut r = quick_xml::Reader::from_str(xliff);
    r.config_mut().check_end_names = true;
    let mut path: Vec<String> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    // The side being read, its open `<g>`s (index into its tags), and a
    // note's text.
    let mut side: Option<Side> = None;
    let mut open: Vec<usize> = Vec::new();
    let mut note: Option<String> = None;
    let attr = |e: &quick_xml::events::BytesStart, k: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == k)
            .map(|a| a.value.to_string())
            .unwrap_or_default()
    };
    let push_text =
        |side: &mut Option<Side>, open: &[usize], note: &mut Option<String>, s: &str| {
            if let Some(sd) = side.as_mut() {
                sd.text.push_str(s);
                for &i in open {
                    sd.tags[i].inner.push_str(s);
                }
            }
            if let Some(n) = note.as_mut() {
                n.push_str(s);
            }
        };
    loop {
        let event = r
            .read_event()
            .unwrap_or_else(|e| panic!("malformed: {e}\n{xliff}"));
        match event {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                let parent = path.last().map(String::as_str);
                match (parent, name.as_str()) {
                    (_, "trans-unit") => units.push(Unit::default()),
                    (Some("trans-unit"), "source" | "target") => side = Some(Side::default()),
                    (Some("trans-unit"), "note") => note = Some(String::new()),
                    (_, "g") => {
                        if let Some(sd) = side.as_mut() {
                            sd.tags.push(Tag {
                                element: "g".into(),
                                id: attr(&e, "id"),
                                ctype: attr(&e, "ctype"),
                                inner: String::new(),
                            });
                            open.push(sd.tags.len() - 1);
                        }
                    }
                    _ => {}
                }
                path.push(name);
            }
            Event::Empty(e) if e.name().as_ref() == "x" => {
                if let Some(sd) = side.as_mut() {
                    sd.tags.push(Tag {
                        element: "x".into(),
                        id: attr(&e, "id"),
                        ctype: attr(&e, "ctype"),
                        inner: String::new(),
                    });
                }
            }
            Event::Text(t) => push_text(&mut side, &open, &mut note, &t.xml10_content()),
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => match &*g {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        other => panic!("entity &{other};"),
                    },
                };
                push_text(&mut side, &open, &mut note, &c);
            }
            Event::End(_) => {
                let name = path.pop().unwrap();
                let parent = path.last().map(String::as_str);
                let u = units.last_mut();
                match (parent, name.as_str(), u) {
                    (Some("trans-unit"), "source", Some(u)) => u.source = side.take().unwrap(),
                    (Some("trans-unit"), "target", Some(u)) => u.target = side.take(),
                    (Some("trans-unit"), "note", Some(u)) => u.notes.push(note.take().unwrap()),
                    (_, "g", _) => {
                        open.pop();
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    units
}

fn tag(element: &str, id: usize, ctype: &str, inner: &str) -> Tag {
    Tag {
        element: element.into(),
        id: id.to_string(),
        ctype: ctype.into(),
        inner: inner.into(),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

fn run(text: &str, bold: bool) -> String {
    let b = if bold { "<w:b/>" } else { "" };
    format!(
        "<w:r><w:rPr>{b}<w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

/// The release as `word/document.xml`: a bold phrase split over two runs
/// (as Word leaves it), a line break, and a hyperlink element.
fn document_xml() -> String {
    let p1 = format!(
        "<w:p>{}{}{}{}<w:r><w:br/></w:r>{}</w:p>",
        run("The ", false),
        run("regional ", true),
        run("council", true),
        run(" approved the budget on Tuesday.", false),
        run("The session was open to the press.", false),
    );
    let p2 = format!(
        "<w:p>{}<w:hyperlink r:id=\"rId9\" w:history=\"1\">{}</w:hyperlink>{}</w:p>",
        run("The full text is on ", false),
        run("www.council.example.kz", false),
        run(" from today.", false),
    );
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{p1}{p2}<w:sectPr/></w:body></w:document>"
    )
}

const HTML: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Council</title></head><body>\
    <p>The <strong>regional council</strong> approved the budget on Tuesday.<br>The session was open to the press.</p>\n\
    <p>The full text is on <a href=\"https://www.council.example.kz/budget\">www.council.example.kz</a> from today.</p>\
    </body></html>";

fn suggest(env: &Env, file: &str) -> Vec<Unit> {
    let out = env
        .run(&[
            "--memory", "tm.json", "suggest", file, "--format", "xliff", "--to", "ru",
        ])
        .ok()
        .stdout;
    parse(&out)
}

fn env() -> Env {
    let env = Env::new();
    env.write("memory.tsv", MEMORY);
    env.run(&["--memory", "tm.json", "import", "memory.tsv"])
        .ok();
    env
}

/// What both a Word and an HTML release must give.
fn check_release(units: &[Unit], what: &str) {
    assert_eq!(units.len(), 3, "{what}");
    for (u, s) in units.iter().zip(SEGMENTS) {
        assert_eq!(
            u.source.text, s,
            "{what}: without its codes a source is its segment"
        );
    }
    // Bold, then the line break that ends the segment.
    assert_eq!(
        units[0].source.tags,
        [
            tag("g", 1, "bold", "regional council"),
            tag("x", 2, "lb", "")
        ],
        "{what}"
    );
    // The exact match's translation cannot hold the bold phrase: no codes
    // in the target, and a note says so.
    let t = units[0].target.as_ref().expect("an exact match");
    assert_eq!(t.text, "Областной совет утвердил бюджет во вторник.");
    assert!(t.tags.is_empty(), "{what}: {:?}", t.tags);
    assert!(
        units[0].notes.iter().any(|n| n.contains("inline codes")),
        "{what}: {:?}",
        units[0].notes
    );
    assert!(units[1].source.tags.is_empty(), "{what}");
    assert_eq!(
        units[2].source.tags,
        [tag("g", 1, "link", "www.council.example.kz")],
        "{what}"
    );
    // The link's text stands as it is in the exact translation: the
    // target carries the link there.
    let t = units[2].target.as_ref().expect("an exact match");
    assert_eq!(
        t.text,
        "Полный текст опубликован на www.council.example.kz с сегодняшнего дня."
    );
    assert_eq!(
        t.tags,
        [tag("g", 1, "link", "www.council.example.kz")],
        "{what}"
    );
    assert!(units[2].notes.is_empty(), "{what}: {:?}", units[2].notes);
}

#[test]
fn a_word_release_gives_bold_links_and_breaks_as_inline_codes() {
    let env = env();
    env.write("budget.en.docx", docs::docx_with(&document_xml()));
    check_release(&suggest(&env, "budget.en.docx"), "docx");
}

#[test]
fn an_html_release_gives_bold_links_and_breaks_as_inline_codes() {
    let env = env();
    env.write("budget.en.html", HTML);
    check_release(&suggest(&env, "budget.en.html"), "html");
}

#[test]
fn a_link_field_around_a_bold_run_nests_the_codes() {
    // The shared test release: a HYPERLINK field whose shown text is a
    // bold run.
    let env = env();
    env.write("r.en.docx", docs::docx(&docs::EN));
    let units = suggest(&env, "r.en.docx");
    let link = units
        .iter()
        .find(|u| u.source.text.starts_with(docs::EN.link[0]))
        .expect("the link's sentence");
    assert_eq!(
        link.source.tags,
        [
            tag("g", 1, "link", docs::EN.link[1]),
            tag("g", 2, "bold", docs::EN.link[1])
        ]
    );
    assert_eq!(link.source.text, docs::EN.link.concat());
}

#[test]
fn a_text_release_has_no_codes() {
    let env = env();
    env.write(
        "budget.en.txt",
        "The regional council approved the budget on Tuesday.\nThe session was open to the press.\n\n\
         The full text is on www.council.example.kz from today.\n",
    );
    let units = suggest(&env, "budget.en.txt");
    assert_eq!(units.len(), 3);
    for (u, s) in units.iter().zip(SEGMENTS) {
        assert_eq!(
            u.source,
            Side {
                text: s.into(),
                tags: Vec::new()
            }
        );
        assert!(u.target.as_ref().is_some_and(|t| t.tags.is_empty()) || u.target.is_none());
        assert!(u.notes.iter().all(|n| !n.contains("inline codes")));
    }
}

#[test]
fn an_omegat_project_of_a_word_release_carries_the_codes_and_keys_exact_matches_as_omegat_shows_them(
) {
    let env = env();
    env.write("budget.en.docx", docs::docx_with(&document_xml()));
    env.run(&[
        "--memory",
        "tm.json",
        "suggest",
        "budget.en.docx",
        "--to",
        "ru",
        "--omegat",
        "prj",
    ])
    .ok();
    let source = std::fs::read_to_string(env.path("prj/source/budget.xlf")).unwrap();
    let units = parse(&source);
    assert_eq!(units.len(), 3);
    // The copy of the source in <target> (what OmegaT translates) carries
    // the codes too.
    for (u, s) in units.iter().zip(SEGMENTS) {
        assert_eq!(u.source.text, s);
        assert_eq!(u.target.as_ref(), Some(&u.source));
    }
    assert_eq!(
        units[2].source.tags,
        [tag("g", 1, "link", "www.council.example.kz")]
    );
    // OmegaT leaves out the break at the end and numbers the tags from 0.
    let auto = std::fs::read_to_string(env.path("prj/tm/auto/budget.en-ru.tmx")).unwrap();
    for seg in [
        "The &lt;g0&gt;regional council&lt;/g0&gt; approved the budget on Tuesday.",
        "Областной совет утвердил бюджет во вторник.",
        "The full text is on &lt;g0&gt;www.council.example.kz&lt;/g0&gt; from today.",
        "Полный текст опубликован на &lt;g0&gt;www.council.example.kz&lt;/g0&gt; с сегодняшнего дня.",
    ] {
        assert!(auto.contains(&format!("<seg>{seg}</seg>")), "{seg}\n{auto}");
    }
}
