//! `tm export`: the exact TMX written, bilingual files, and the round trip
//! export → import into an empty memory → export.

mod common;

use common::{repo, Env};
use pretty_assertions::assert_eq;

/// A memory using every field, with texts that need escaping.
const MEMORY: &str = r#"{
  "format": "tm-memory",
  "version": 1,
  "units": [
    {
      "id": "a1b2c3d4e5f6",
      "en": "Prices rose by 5% & more <in> \"some\" regions.",
      "ru": "Цены выросли на 5% и более в «некоторых» регионах.",
      "kk": "Кейбір өңірлерде бағалар 5%-ға өсті.",
      "release": "release-12 \"spring\"",
      "position": 0,
      "created": "2026-03-01T09:00:00Z",
      "changed": "2026-03-02T10:30:00Z",
      "confidence": 0.8734,
      "doubtful": true,
      "props": {"note": "line one\nline two\twith tab", "x-Client": "A&B"}
    },
    {
      "id": "0f0e0d0c0b0a",
      "en": "  Two spaces lead,\r\nthen a CRLF.",
      "ru": "Два пробела впереди,\r\nзатем CRLF.",
      "release": "release-12 \"spring\"",
      "position": 1,
      "created": "2026-03-01T09:00:00Z",
      "changed": "2026-03-01T09:00:00Z",
      "confidence": 1.0
    },
    {
      "id": "ffffffffffff",
      "en": "Prices rose by 5% & more <in> \"some\" regions.",
      "ru": "Цены поднялись на 5% и больше в «некоторых» регионах.",
      "created": "2026-03-03T08:00:00Z",
      "changed": "2026-03-03T08:00:00Z",
      "alternative_of": "a1b2c3d4e5f6"
    },
    {
      "id": "123456123456",
      "ru": "Только по-русски и по-казахски.",
      "kk": "Тек орысша және қазақша.",
      "created": "2026-03-04T08:00:00Z",
      "changed": "2026-03-04T08:00:00Z"
    }
  ]
}
"#;

fn env_with_memory() -> Env {
    let env = Env::new();
    env.write("tm.json", MEMORY);
    env
}

#[test]
fn writes_tmx_14b_exactly() {
    let env = env_with_memory();
    let run = env.run(&["--memory", "tm.json", "export", "out.tmx"]).ok();
    assert_eq!(
        run.stdout,
        "exported 4 units (en, ru, kk) from tm.json to out.tmx\n"
    );
    let tmx = std::fs::read_to_string(env.path("out.tmx")).unwrap();
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"tm\" \
         creationtoolversion=\"{}\" segtype=\"sentence\" o-tmf=\"tm\" adminlang=\"en\" srclang=\"*all*\" \
         datatype=\"plaintext\" creationdate=\"20260304T080000Z\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION")
    );
    assert!(tmx.starts_with(&head), "{tmx}");
    let first_tu = r#"    <tu tuid="a1b2c3d4e5f6" creationdate="20260301T090000Z" changedate="20260302T103000Z">
      <prop type="x-release">release-12 "spring"</prop>
      <prop type="x-position">0</prop>
      <prop type="x-confidence">0.8734</prop>
      <prop type="x-doubtful">true</prop>
      <prop type="note">line one
line two	with tab</prop>
      <prop type="x-Client">A&amp;B</prop>
      <tuv xml:lang="en">
        <seg>Prices rose by 5% &amp; more &lt;in&gt; "some" regions.</seg>
      </tuv>
      <tuv xml:lang="ru">
        <seg>Цены выросли на 5% и более в «некоторых» регионах.</seg>
      </tuv>
      <tuv xml:lang="kk">
        <seg>Кейбір өңірлерде бағалар 5%-ға өсті.</seg>
      </tuv>
    </tu>
"#;
    assert_eq!(&tmx[head.len()..head.len() + first_tu.len()], first_tu);
    assert!(
        tmx.contains("<seg>  Two spaces lead,&#13;\nthen a CRLF.</seg>"),
        "{tmx}"
    );
    assert!(
        tmx.contains("<prop type=\"x-alternative-of\">a1b2c3d4e5f6</prop>"),
        "{tmx}"
    );
    assert!(tmx.ends_with("    </tu>\n  </body>\n</tmx>\n"), "{tmx}");
    assert_eq!(tmx.matches("<tu ").count(), 4);
}

#[test]
fn round_trip_gives_identical_tmx_and_memory() {
    let env = env_with_memory();
    env.run(&["--memory", "tm.json", "export", "first.tmx"])
        .ok();
    let run = env
        .run(&["--memory", "again.json", "import", "first.tmx"])
        .ok();
    assert_eq!(
        run.lines()[1],
        "added 4 (1 as alternatives), already present 0, skipped 0"
    );
    env.run(&["--memory", "again.json", "export", "second.tmx"])
        .ok();
    let first = std::fs::read(env.path("first.tmx")).unwrap();
    let second = std::fs::read(env.path("second.tmx")).unwrap();
    assert_eq!(
        String::from_utf8(second).unwrap(),
        String::from_utf8(first).unwrap()
    );
    let a: serde_json::Value = serde_json::from_str(MEMORY).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("again.json")).unwrap()).unwrap();
    assert_eq!(b, a);
    // Importing the same file again changes nothing.
    env.run(&["--memory", "again.json", "import", "first.tmx"])
        .ok();
    let round = std::fs::read_to_string(env.path("again.json")).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&round).unwrap(),
        a
    );
}

#[test]
fn round_trip_of_a_memory_imported_from_other_tools() {
    let env = Env::new();
    for f in ["omegat.tmx", "trados.tmx", "memoq.tmx", "releases.tsv"] {
        let p = repo().join("tests/data").join(f);
        env.run(&["--memory", "a.json", "import", p.to_str().unwrap()])
            .ok();
    }
    env.run(&["--memory", "a.json", "export", "a.tmx"]).ok();
    env.run(&["--memory", "b.json", "import", "a.tmx"]).ok();
    env.run(&["--memory", "b.json", "export", "b.tmx"]).ok();
    assert_eq!(
        std::fs::read_to_string(env.path("b.tmx")).unwrap(),
        std::fs::read_to_string(env.path("a.tmx")).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(env.path("b.json")).unwrap(),
        std::fs::read_to_string(env.path("a.json")).unwrap()
    );
}

#[test]
fn bilingual_export_leaves_out_units_without_the_pair() {
    let env = env_with_memory();
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "export",
            "en-ru.tmx",
            "--langs",
            "ru,en",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "exported 3 units (en, ru) from tm.json; left out 1 with fewer than two of these languages to en-ru.tmx\n"
    );
    let tmx = std::fs::read_to_string(env.path("en-ru.tmx")).unwrap();
    // The first language named is the source a bilingual tool wants.
    assert!(tmx.contains(" srclang=\"ru\" "), "{tmx}");
    assert!(!tmx.contains("xml:lang=\"kk\""), "{tmx}");
    assert_eq!(tmx.matches("<tu ").count(), 3);
}

#[test]
fn srclang_is_checked_and_written() {
    let env = env_with_memory();
    env.run(&["--memory", "tm.json", "export", "kk.tmx", "--srclang", "kk"])
        .ok();
    let tmx = std::fs::read_to_string(env.path("kk.tmx")).unwrap();
    assert!(tmx.contains(" srclang=\"kk\" "), "{tmx}");
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "export",
            "x.tmx",
            "--langs",
            "en,ru",
            "--srclang",
            "kk",
        ])
        .fails();
    assert_eq!(
        run.stderr,
        "tm: --srclang kk is not one of the exported languages\n"
    );
    let run = env
        .run(&["--memory", "tm.json", "export", "x.tmx", "--langs", "en"])
        .fails();
    assert_eq!(
        run.stderr,
        "tm: --langs: name at least two languages (e.g. --langs en,ru)\n"
    );
    assert!(!env.path("x.tmx").exists());
}

#[test]
fn export_to_standard_output() {
    let env = env_with_memory();
    let run = env.run(&["--memory", "tm.json", "export", "-"]).ok();
    assert!(run
        .stdout
        .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"));
    assert_eq!(
        run.stdout,
        std::fs::read_to_string({
            env.run(&["--memory", "tm.json", "export", "f.tmx"]).ok();
            env.path("f.tmx")
        })
        .unwrap()
    );
    assert_eq!(
        run.stderr,
        "tm: exported 4 units (en, ru, kk) from tm.json\n"
    );
}

#[test]
fn export_without_a_memory_fails() {
    let env = Env::new();
    let run = env
        .run(&["--memory", "none.json", "export", "x.tmx"])
        .fails();
    assert!(
        run.stderr.starts_with("tm: none.json: no memory here yet"),
        "{}",
        run.stderr
    );
    assert!(!env.path("x.tmx").exists());
}

#[test]
fn a_bilingual_export_imported_back_adds_nothing() {
    let env = env_with_memory();
    let before = std::fs::read(env.path("tm.json")).unwrap();
    env.run(&[
        "--memory",
        "tm.json",
        "export",
        "en-ru.tmx",
        "--langs",
        "en,ru",
    ])
    .ok();
    let run = env
        .run(&["--memory", "tm.json", "import", "en-ru.tmx"])
        .ok();
    assert_eq!(run.lines()[1], "added 0, already present 3, skipped 0");
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn regional_codes_are_accepted_and_written_as_given() {
    let env = env_with_memory();
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "export",
            "us.tmx",
            "--srclang",
            "EN-US",
            "--langs",
            "EN-US,ru-RU,kk-KZ",
        ])
        .ok();
    assert!(
        run.stdout
            .starts_with("exported 4 units (EN-US, ru-RU, kk-KZ)"),
        "{}",
        run.stdout
    );
    let tmx = std::fs::read_to_string(env.path("us.tmx")).unwrap();
    assert!(tmx.contains(" srclang=\"EN-US\" "), "{tmx}");
    assert_eq!(tmx.matches("<tuv xml:lang=\"EN-US\">").count(), 3);
    assert_eq!(tmx.matches("<tuv xml:lang=\"ru-RU\">").count(), 4);
    assert_eq!(tmx.matches("<tuv xml:lang=\"kk-KZ\">").count(), 2);
    assert!(!tmx.contains("xml:lang=\"en\""), "{tmx}");
    // The regional form of --srclang alone tags English everywhere.
    env.run(&[
        "--memory",
        "tm.json",
        "export",
        "gb.tmx",
        "--srclang",
        "en-GB",
    ])
    .ok();
    let tmx = std::fs::read_to_string(env.path("gb.tmx")).unwrap();
    assert!(tmx.contains(" srclang=\"en-GB\" ") && tmx.contains("<tuv xml:lang=\"en-GB\">"));
    assert!(tmx.contains("<tuv xml:lang=\"ru\">"), "{tmx}");
    // It imports back as the same units.
    env.run(&["--memory", "back.json", "import", "us.tmx"]).ok();
    let back = env
        .run(&["--memory", "back.json", "stats", "--format", "json"])
        .ok()
        .json();
    assert_eq!(back["units"], 4);

    for (args, expected) in [
        (
            &["--srclang", "fr-FR"][..],
            "tm: --srclang fr-FR: 'fr-FR' is not English, Russian or Kazakh (en, ru, kk, or a regional form such as en-US)\n",
        ),
        (
            &["--langs", "en,ru_RU"][..],
            "tm: --langs ru_RU: 'ru_RU' is not a language tag (e.g. en, en-US, ru-RU, kk-KZ)\n",
        ),
        (
            &["--langs", "en-US,ru", "--srclang", "en-GB"][..],
            "tm: --srclang en-GB: en is given twice, as en-US and as en-GB; give one form\n",
        ),
    ] {
        let mut all = vec!["--memory", "tm.json", "export", "bad.tmx"];
        all.extend_from_slice(args);
        let run = env.run(&all).fails();
        assert_eq!(run.stderr, expected);
        assert!(!env.path("bad.tmx").exists());
    }
}

#[test]
fn the_memory_is_never_the_target_of_an_export() {
    let env = env_with_memory();
    let before = common::memory_bytes(&env.path("tm.json"));
    std::os::unix::fs::symlink("tm.json", env.path("link.tmx")).unwrap();
    for target in ["tm.json", "./tm.json", "link.tmx"] {
        let run = env.run(&["--memory", "tm.json", "export", target]).fails();
        assert!(
            run.stderr.contains("this is the memory (--memory tm.json)"),
            "{target}: {}",
            run.stderr
        );
    }
    assert_eq!(common::memory_bytes(&env.path("tm.json")), before);
    // A folder memory: none of its files either.
    env.run(&["--memory", "tm.json", "migrate", "--to", "team"])
        .ok();
    let run = env
        .run(&["--memory", "team", "export", "team/units/x.json"])
        .fails();
    assert!(
        run.stderr.contains("this is inside the memory's folder"),
        "{}",
        run.stderr
    );
    assert!(!env.path("team/units/x.json").exists());
}

#[test]
fn omegat_gets_one_language_pair_per_file() {
    let env = env_with_memory();
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "export",
            "out/memory.tmx",
            "--for",
            "omegat",
        ])
        .ok();
    assert_eq!(
        run.lines(),
        [
            "exported 3 units (en, ru) from tm.json; left out 1 with fewer than two of these languages to out/memory.en-ru.tmx",
            "exported 1 units (en, kk) from tm.json; left out 3 with fewer than two of these languages to out/memory.en-kk.tmx",
        ]
    );
    let ru = std::fs::read_to_string(env.path("out/memory.en-ru.tmx")).unwrap();
    let kk = std::fs::read_to_string(env.path("out/memory.en-kk.tmx")).unwrap();
    assert!(ru.contains(" srclang=\"en\" ") && kk.contains(" srclang=\"en\" "));
    // Never a third language in a pair's file: the en-ru unit without
    // Russian is not there with its Kazakh.
    assert!(!ru.contains("xml:lang=\"kk\"") && !kk.contains("xml:lang=\"ru\""));
    assert!(kk.contains("Кейбір өңірлерде бағалар 5%-ға өсті."));
    assert!(!ru.contains("Тек орысша"), "{ru}");
    // Regional forms and the source are kept.
    env.run(&[
        "--memory",
        "tm.json",
        "export",
        "out/r.tmx",
        "--for",
        "omegat",
        "--langs",
        "ru-RU,kk-KZ",
    ])
    .ok();
    let rk = std::fs::read_to_string(env.path("out/r.ru-kk.tmx")).unwrap();
    assert!(rk.contains(" srclang=\"ru-RU\" ") && rk.contains("<tuv xml:lang=\"kk-KZ\">"));
    env.run(&["--memory", "tm.json", "export", "-", "--for", "omegat"])
        .fails();
}
