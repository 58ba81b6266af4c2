//! `tm suggest --format xliff` run as the real binary on a memory the tests
//! write: the XLIFF 1.2 draft is read back with quick-xml (not with tm's own
//! reader), unit by unit.

mod common;

use common::Env;
use pretty_assertions::assert_eq;
use quick_xml::events::Event;
use quick_xml::XmlVersion;
use serde_json::{json, Value};

/// Units as (en, ru, kk).
const UNITS: &[(&str, &str, &str)] = &[
    (
        "The city library extended its opening hours.",
        "Городская библиотека продлила часы работы.",
        "Қалалық кітапхана жұмыс уақытын ұзартты.",
    ),
    (
        "The library lent 4000 books in May.",
        "В мае библиотека выдала 4000 книг.",
        "Мамыр айында кітапхана 4000 кітап берді.",
    ),
    (
        "The R&D centre hired <12> engineers.",
        "Центр R&D нанял <12> инженеров.",
        "R&D орталығы <12> инженерді жұмысқа алды.",
    ),
];

/// One sentence a line: an exact match, a number-only change, a fuzzy
/// match, a sentence the memory has never seen, and an exact match with
/// characters XML escapes.
const RELEASE: &str = "The city library extended its opening hours.\n\
                       The library lent 5200 books in May.\n\
                       The city library extended its opening hours again.\n\
                       Heavy rain flooded two streets downtown.\n\
                       The R&D centre hired <12> engineers.\n";

fn env() -> Env {
    let units: Vec<Value> = UNITS
        .iter()
        .enumerate()
        .map(|(i, (en, ru, kk))| {
            json!({
                "id": format!("unit{i}"),
                "en": en, "ru": ru, "kk": kk,
                "created": "2026-01-01T00:00:00Z",
                "changed": "2026-01-01T00:00:00Z",
            })
        })
        .collect();
    let env = Env::new();
    env.write(
        "memory/tm.json",
        json!({"format": "tm-memory", "version": 1, "units": units}).to_string(),
    );
    env.write("new.en.txt", RELEASE);
    env
}

/// One `<trans-unit>` as read back.
#[derive(Debug, Default, PartialEq)]
struct Unit {
    id: String,
    source: String,
    /// The `<target>` of the unit itself (not the one in `<alt-trans>`).
    target: Option<String>,
    state: Option<String>,
    /// `<alt-trans match-quality>`.
    quality: Option<String>,
    /// The `<target>` inside `<alt-trans>`.
    alt: Option<String>,
}

/// The `<file>` attributes and the trans-units of an XLIFF document;
/// panics unless it is well-formed XML with an `<xliff version="1.2">` root.
fn parse(xliff: &str) -> (Vec<(String, String)>, Vec<Unit>) {
    let mut r = quick_xml::Reader::from_str(xliff);
    r.config_mut().check_end_names = true;
    let mut path: Vec<String> = Vec::new();
    let (mut file, mut units) = (Vec::new(), Vec::<Unit>::new());
    let mut text = String::new();
    let attrs = |e: &quick_xml::events::BytesStart| -> Vec<(String, String)> {
        e.attributes()
            .map(|a| {
                let a = a.unwrap();
                let key = a.key.as_ref().to_string();
                (
                    key,
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect()
    };
    let get = |a: &[(String, String)], k: &str| {
        a.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone())
    };
    loop {
        match r
            .read_event()
            .unwrap_or_else(|e| panic!("malformed: {e}\n{xliff}"))
        {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                let a = attrs(&e);
                match (path.last().map(String::as_str), name.as_str()) {
                    (None, "xliff") => assert_eq!(get(&a, "version").as_deref(), Some("1.2")),
                    (None, other) => panic!("root element {other}"),
                    (_, "file") => file = a,
                    (_, "trans-unit") => units.push(Unit {
                        id: get(&a, "id").unwrap(),
                        ..Unit::default()
                    }),
                    (Some("trans-unit"), "target") => {
                        units.last_mut().unwrap().state = get(&a, "state")
                    }
                    (_, "alt-trans") => {
                        units.last_mut().unwrap().quality = get(&a, "match-quality")
                    }
                    _ => {}
                }
                path.push(name);
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref().unwrap() {
                    Some(c) => c,
                    None => match &*g {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("entity &{other};"),
                    },
                };
                text.push(c);
            }
            Event::End(_) => {
                let name = path.pop().unwrap();
                let parent = path.last().map(String::as_str);
                if let Some(u) = units.last_mut() {
                    match (parent, name.as_str()) {
                        (Some("trans-unit"), "source") => u.source = text.clone(),
                        (Some("trans-unit"), "target") => u.target = Some(text.clone()),
                        (Some("alt-trans"), "target") => u.alt = Some(text.clone()),
                        _ => {}
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty(), "unclosed {path:?}");
    (file, units)
}

fn xliff(env: &Env, extra: &[&str]) -> (Vec<(String, String)>, Vec<Unit>) {
    let mut args = vec!["suggest", "new.en.txt", "--format", "xliff"];
    args.extend_from_slice(extra);
    parse(&env.run(&args).ok().stdout)
}

fn unit(id: usize, source: &str, best: Option<(&str, &str, &str)>) -> Unit {
    Unit {
        id: id.to_string(),
        source: source.into(),
        target: best.map(|(t, _, _)| t.into()),
        state: best.map(|(_, s, _)| s.into()),
        quality: best.map(|(_, _, q)| q.into()),
        alt: best.map(|(t, _, _)| t.into()),
    }
}

#[test]
fn each_segment_gets_its_best_match_with_state_and_score() {
    let env = env();
    let (file, units) = xliff(&env, &["--to", "ru"]);
    let attr = |k: &str| {
        file.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(attr("original"), Some("new.en.txt"));
    assert_eq!(attr("source-language"), Some("en"));
    assert_eq!(attr("target-language"), Some("ru"));
    let lines: Vec<&str> = RELEASE.lines().collect();
    let expected = vec![
        unit(1, lines[0], Some((UNITS[0].1, "translated", "100"))),
        // Only the number changed: the stored translation gets 5200; one
        // changed number costs 1.
        unit(
            2,
            lines[1],
            Some((
                "В мае библиотека выдала 5200 книг.",
                "needs-review-translation",
                "99",
            )),
        ),
        // One word of eight inserted: 100 − 100/8, floored to one decimal.
        unit(
            3,
            lines[2],
            Some((UNITS[0].1, "needs-review-translation", "87.5")),
        ),
        unit(4, lines[3], None),
        unit(5, lines[4], Some((UNITS[2].1, "translated", "100"))),
    ];
    assert_eq!(units, expected);
}

#[test]
fn targets_are_what_the_text_draft_holds() {
    let env = env();
    let (_, units) = xliff(&env, &["--to", "kk"]);
    env.run(&["suggest", "new.en.txt", "--to", "kk", "--draft", "drafts"])
        .ok();
    let draft = std::fs::read_to_string(env.path("drafts/new.kk.txt")).unwrap();
    let from_xliff: Vec<String> = units
        .iter()
        .map(|u| match (&u.target, u.quality.as_deref()) {
            (Some(t), Some("100")) => t.clone(),
            // Below 100 the text draft marks the translation with its score.
            (Some(t), Some(q)) => format!("[[{q}% {t}]]"),
            (Some(t), None) => t.clone(),
            (None, _) => format!("[[en: {}]]", u.source),
        })
        .collect();
    assert_eq!(draft.lines().collect::<Vec<_>>(), from_xliff);
    assert_eq!(
        units[1].target.as_deref(),
        Some("Мамыр айында кітапхана 5200 кітап берді.")
    );
}

#[test]
fn min_leaves_weaker_matches_without_a_target() {
    let env = env();
    let (_, units) = xliff(&env, &["--to", "ru", "--min", "90"]);
    let targets: Vec<Option<&str>> = units.iter().map(|u| u.target.as_deref()).collect();
    assert_eq!(
        targets,
        vec![
            Some(UNITS[0].1),
            Some("В мае библиотека выдала 5200 книг."),
            None,
            None,
            Some(UNITS[2].1),
        ]
    );
}

#[test]
fn any_language_can_be_the_source() {
    let env = env();
    env.write("new.ru.txt", format!("{}\n", UNITS[0].1));
    let out = env
        .run(&["suggest", "new.ru.txt", "--format", "xliff", "--to", "en"])
        .ok();
    let (file, units) = parse(&out.stdout);
    assert!(
        file.contains(&("source-language".into(), "ru".into())),
        "{file:?}"
    );
    assert!(
        file.contains(&("target-language".into(), "en".into())),
        "{file:?}"
    );
    assert_eq!(
        units,
        vec![unit(1, UNITS[0].1, Some((UNITS[0].0, "translated", "100")))]
    );
    assert_eq!(
        out.stderr,
        "tm: XLIFF draft ru→en: 1 segment, 1 translated, 0 to review, 0 without a match\n"
    );
}

#[test]
fn xliff_needs_exactly_one_target_language() {
    let env = env();
    let cases: &[(&[&str], &str)] = &[
        (
            &[],
            "tm: --format xliff needs the language to translate into: give --to LANG, e.g. --to ru\n",
        ),
        (
            &["--to", "ru,kk"],
            "tm: --format xliff writes one target language, --to gave ru,kk: run once per language\n",
        ),
        (
            &["--to", "kk", "--to", "ru"],
            "tm: --format xliff writes one target language, --to gave kk,ru: run once per language\n",
        ),
        (
            &["--to", "en"],
            "tm: --to en: the release itself is in en; give the language to translate into\n",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["suggest", "new.en.txt", "--format", "xliff"];
        args.extend_from_slice(extra);
        let out = env.run(&args).fails();
        assert_eq!(out.stderr, *message, "{args:?}");
        assert_eq!(out.stdout, "", "{args:?}");
    }
    // The same language twice is one language.
    let (_, units) = xliff(&env, &["--to", "ru,ru"]);
    assert_eq!(units.len(), 5);
}

/// translate-toolkit counts a target as translated only in an approved
/// unit: exact matches are approved, nothing else is.
#[test]
fn exact_matches_are_approved_and_nothing_else() {
    let env = env();
    let run = env
        .run(&["suggest", "new.en.txt", "--format", "xliff", "--to", "ru"])
        .ok();
    let approved: Vec<bool> = run
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("<trans-unit "))
        .map(|l| l.contains(" approved=\"yes\""))
        .collect();
    assert_eq!(approved, [true, false, false, false, true]);
}

/// `--omegat DIR`: a project OmegaT opens, with the exact matches where
/// OmegaT fills them in and every segment in its source document.
#[test]
fn omegat_project() {
    let env = env();
    let run = env
        .run(&[
            "suggest",
            "new.en.txt",
            "--to",
            "kk",
            "--omegat",
            "proj",
            "--format",
            "json",
        ])
        .ok();
    assert!(
        run.stderr.contains(
            "tm: wrote the OmegaT project proj (en→kk): 5 segments, 2 exact (filled in from \
             tm/auto), 2 to check (fuzzy matches), 1 without a match; open it with: omegat proj"
        ),
        "{}",
        run.stderr
    );
    let read = |p: &str| std::fs::read_to_string(env.path(p)).unwrap();
    assert!(read("proj/omegat.project").contains("<target_lang>kk</target_lang>"));
    for d in ["omegat", "target", "glossary", "dictionary"] {
        assert!(env.path(&format!("proj/{d}")).is_dir(), "{d}");
    }
    // OmegaT translates <target>: each holds its source, none is missing.
    let (header, units) = parse(&read("proj/source/new.xlf"));
    assert!(header.contains(&("target-language".into(), "kk".into())));
    assert_eq!(units.len(), 5);
    for (u, line) in units.iter().zip(RELEASE.lines()) {
        assert_eq!(u.source, line);
        assert_eq!(u.target.as_deref(), Some(line));
    }
    let auto = read("proj/tm/auto/new.en-kk.tmx");
    assert_eq!(auto.matches("<tu ").count(), 2);
    assert!(auto.contains("<seg>Қалалық кітапхана жұмыс уақытын ұзартты.</seg>"));
    assert!(auto.contains("<seg>R&amp;D орталығы &lt;12&gt; инженерді жұмысқа алды.</seg>"));
    assert!(!auto.contains("xml:lang=\"ru\""), "{auto}");
    let fuzzy = read("proj/tm/new.en-kk.tmx");
    assert_eq!(fuzzy.matches("<tu ").count(), 2);
    // The number-only change: the stored English, the adapted Kazakh.
    assert!(fuzzy.contains("<seg>The library lent 4000 books in May.</seg>"));
    assert!(fuzzy.contains("<seg>Мамыр айында кітапхана 5200 кітап берді.</seg>"));

    // Never over a project, unless --force.
    let run = env
        .run(&["suggest", "new.en.txt", "--to", "kk", "--omegat", "proj"])
        .fails();
    assert!(
        run.stderr.ends_with(
            "proj/omegat.project: an OmegaT project is there already; not overwritten \
             (--force replaces it)\n"
        ),
        "{}",
        run.stderr
    );
    env.run(&[
        "suggest",
        "new.en.txt",
        "--to",
        "kk",
        "--omegat",
        "proj",
        "--force",
    ])
    .ok();
    let run = env
        .run(&["suggest", "new.en.txt", "--omegat", "p2"])
        .fails();
    assert_eq!(
        run.stderr,
        "tm: --omegat needs the language to translate into: give --to LANG, e.g. --to ru\n"
    );
    assert!(!env.path("p2").exists());
}
