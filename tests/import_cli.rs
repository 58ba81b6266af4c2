//! `tm import`: TMX as OmegaT, Trados, memoQ and tm write it, TSV, and the
//! files it must refuse without touching the memory.

mod common;

use common::{repo, Env};
use pretty_assertions::assert_eq;

fn sample(name: &str) -> String {
    repo().join("tests/data").join(name).display().to_string()
}

/// The memory file's units as JSON values.
fn units(env: &Env) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(env.path("tm.json")).expect("memory written");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["units"].as_array().unwrap().clone()
}

fn import(env: &Env, file: &str) -> common::Run {
    env.run(&["--memory", "tm.json", "import", file])
}

/// A memory with one unit, to show that a refused import leaves it as it was.
fn seeded(env: &Env) -> Vec<u8> {
    env.write("seed.tsv", "en\tru\nThe office is open.\tОфис открыт.\n");
    import(env, "seed.tsv").ok();
    std::fs::read(env.path("tm.json")).unwrap()
}

#[test]
fn omegat_tmx_with_regional_codes_markup_and_props() {
    let env = Env::new();
    let run = import(&env, &sample("omegat.tmx")).ok();
    assert_eq!(
        run.lines(),
        [
            "read 3 units from ".to_string() + &sample("omegat.tmx"),
            "added 3, already present 0, skipped 0".into(),
            "tm.json: 3 units".into()
        ]
    );
    let u = units(&env);
    assert_eq!(u[0]["en"], "The ministry opened a new visa centre.");
    assert_eq!(u[0]["ru"], "Министерство открыло новый визовый центр.");
    // OmegaT dates its translations on the <tuv>, not the <tu>.
    assert_eq!(u[0]["created"], "2025-03-01T09:00:00Z");
    assert_eq!(u[0]["changed"], "2025-03-04T08:15:00Z");
    assert_eq!(u[0]["release"], "omegat.tmx");
    assert_eq!(u[2]["position"], 2);
    assert_eq!(u[2]["props"]["file"], "press/visa-centre.odt");
    assert_eq!(
        u[2]["props"]["prev"],
        "The ministry opened a new visa centre."
    );
    assert_eq!(u[2]["props"]["next"], "Applications are accepted online.");
}

#[test]
fn trados_tmx_with_x_props_and_placeholders() {
    let env = Env::new();
    import(&env, &sample("trados.tmx")).ok();
    let u = units(&env);
    assert_eq!(u.len(), 2);
    // The placeholder between two words leaves one space, not two.
    assert_eq!(
        u[0]["en"],
        "The forum gathered delegates from twelve regions."
    );
    assert_eq!(u[0]["kk"], "Форумға он екі өңірден делегаттар жиналды.");
    assert_eq!(u[0].get("ru"), None);
    assert_eq!(u[0]["created"], "2024-01-15T09:30:00Z");
    assert_eq!(u[0]["changed"], "2024-01-16T10:15:00Z");
    assert_eq!(u[0]["props"]["x-Client:MultiplePicklist"], "Akimat");
    assert_eq!(u[0]["props"]["x-LastUsedBy"], "PRESS\\editor");
}

#[test]
fn memoq_tmx_with_context_other_languages_and_variants() {
    let env = Env::new();
    let run = import(&env, &sample("memoq.tmx")).ok();
    assert_eq!(
        run.lines()[1..],
        [
            "added 2, already present 0, skipped 1",
            "skipped 1: text in fewer than two of en, ru, kk",
            "other languages left out: de-de 2",
            "second variants of a language left out: 1",
            "empty segments left out: 1",
            "tm.json: 2 units",
        ]
    );
    let u = units(&env);
    // <hi> keeps its text; kk-Cyrl-KZ is Kazakh.
    assert_eq!(u[0]["en"], "He spoke about water prices.");
    assert_eq!(u[0]["ru"], "Он рассказал о ценах на воду.");
    assert_eq!(u[0]["kk"], "Ол су бағасы туралы айтты.");
    assert_eq!(
        u[0]["props"]["x-context-pre"],
        "The minister met the press."
    );
    assert_eq!(u[0]["props"]["x-context-post"], "Questions followed.");
    // The first English variant wins; a segment of nothing but a code is empty.
    assert_eq!(u[1]["en"], "The meeting ended at noon.");
    assert_eq!(u[1].get("kk"), None);
}

#[test]
fn importing_twice_adds_nothing_and_leaves_the_file_alone() {
    let env = Env::new();
    import(&env, &sample("omegat.tmx")).ok();
    let before = std::fs::read(env.path("tm.json")).unwrap();
    let run = import(&env, &sample("omegat.tmx")).ok();
    assert_eq!(run.lines()[1], "added 0, already present 3, skipped 0");
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn another_translation_of_a_stored_source_is_an_alternative() {
    let env = Env::new();
    import(&env, &sample("omegat.tmx")).ok();
    env.write(
        "other.tsv",
        "EN-US\tru-RU\nApplications are accepted  online.\tЗаявления принимаются онлайн.\n",
    );
    let run = import(&env, "other.tsv").ok();
    assert_eq!(
        run.lines()[1],
        "added 1 (1 as alternatives), already present 0, skipped 0"
    );
    let u = units(&env);
    assert_eq!(u[3]["alternative_of"], u[1]["id"]);
}

#[test]
fn tsv_with_quotes_bom_id_and_other_columns() {
    let env = Env::new();
    env.write(
        "sheet.tsv",
        "\u{feff}id\ten\tde\tkk\n\
         0123456789ab\t\"A \"\"quoted\"\"\ttext\"\tEin Text\tДәйексөз\n\
         row-7\tOnly English here.\tNur Deutsch\t\n\
         \n\
         \tThe second line\tZweite\tЕкінші\n",
    );
    let run = import(&env, "sheet.tsv").ok();
    assert_eq!(
        run.lines()[1..],
        [
            "added 2, already present 0, skipped 1",
            "skipped 1: text in fewer than two of en, ru, kk",
            "other languages left out: de 3",
            "tm.json: 2 units",
        ]
    );
    let u = units(&env);
    assert_eq!(u[0]["id"], "0123456789ab");
    assert_eq!(u[0]["en"], "A \"quoted\"\ttext");
    assert_eq!(u[0]["kk"], "Дәйексөз");
    assert_eq!(u[0]["release"], "sheet.tsv");
    assert_eq!(u[1]["en"], "The second line");
    assert_eq!(u[1]["position"], 2);
}

#[test]
fn tsv_row_with_too_many_fields_names_its_line() {
    let env = Env::new();
    let before = seeded(&env);
    env.write("bad.tsv", "en\tru\nOne.\tОдин.\nTwo.\tДва.\textra\n");
    let run = import(&env, "bad.tsv").fails();
    assert_eq!(
        run.stderr.trim(),
        "tm: bad.tsv:3:1: this row has 3 fields but the header names 2 columns"
    );
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn tsv_header_must_name_two_languages() {
    let env = Env::new();
    env.write("bad.tsv", "source\ttarget\nOne.\tОдин.\n");
    let run = import(&env, "bad.tsv").fails();
    assert!(
        run.stderr
            .contains("bad.tsv: the header row must name the language of at least two columns"),
        "{}",
        run.stderr
    );
}

#[test]
fn billion_laughs_is_refused_and_the_memory_untouched() {
    let env = Env::new();
    let before = seeded(&env);
    let mut dtd = String::from("<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    env.write(
        "bomb.tmx",
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n{dtd}]>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\
             <tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv><tuv xml:lang=\"ru\"><seg>x</seg></tuv></tu></body></tmx>\n"
        ),
    );
    let run = import(&env, "bomb.tmx").fails();
    assert!(run.stderr.starts_with("tm: bomb.tmx:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("refused: the DOCTYPE declares entities"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn external_entities_are_refused() {
    let env = Env::new();
    let before = seeded(&env);
    env.write(
        "xxe.tmx",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\
         <tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv>\
         <tuv xml:lang=\"ru\"><seg>x</seg></tuv></tu></body></tmx>\n",
    );
    let run = import(&env, "xxe.tmx").fails();
    assert!(
        run.stderr
            .contains("refused: the DOCTYPE declares entities"),
        "{}",
        run.stderr
    );
    // Declared in an outside DTD, which tm never reads: an unknown entity.
    env.write(
        "ext.tmx",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"http://example.org/evil.dtd\">\n<tmx version=\"1.4\">\n<header/>\n<body>\n\
         <tu><tuv xml:lang=\"en\"><seg>A &xxe; B</seg></tuv></tu>\n</body></tmx>\n",
    );
    let run = import(&env, "ext.tmx").fails();
    assert!(
        run.stderr
            .starts_with("tm: ext.tmx:6:31: unknown entity &xxe;"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn malformed_xml_is_reported_with_line_and_column_and_nothing_is_kept() {
    let env = Env::new();
    let before = seeded(&env);
    env.write(
        "broken.tmx",
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n\
         <tu><tuv xml:lang=\"en\"><seg>Good.</seg></tuv><tuv xml:lang=\"ru\"><seg>Хорошо.</seg></tuv></tu>\n\
         <tu><tuv xml:lang=\"en\"><seg>Bad.</tuv></tu>\n</body></tmx>\n",
    );
    let run = import(&env, "broken.tmx").fails();
    assert_eq!(
        run.stderr.trim(),
        "tm: broken.tmx:6:33: malformed XML: ill-formed document: expected `</seg>`, but `</tuv>` was found"
    );
    // The good unit before the error is not kept either: all or nothing.
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn a_file_that_is_not_tmx_is_refused() {
    let env = Env::new();
    env.write(
        "draft.tmx",
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>\n",
    );
    let run = import(&env, "draft.tmx").fails();
    assert_eq!(
        run.stderr.trim(),
        "tm: draft.tmx:2:1: not a TMX file: the root element is <xliff>, not <tmx>"
    );
    env.write("notes.txt", "hello");
    let run = import(&env, "notes.txt").fails();
    assert_eq!(
        run.stderr.trim(),
        "tm: notes.txt: tm imports .tmx and .tsv files (named by their extension)"
    );
}

#[test]
fn only_unknown_languages_adds_nothing_and_creates_no_memory() {
    let env = Env::new();
    env.write(
        "defr.tmx",
        "<tmx version=\"1.4\"><header srclang=\"de-DE\"/><body>\
         <tu><tuv xml:lang=\"de-DE\"><seg>Hallo.</seg></tuv><tuv xml:lang=\"fr-FR\"><seg>Bonjour.</seg></tuv></tu>\
         <tu><tuv xml:lang=\"de-DE\"><seg>Tschüss.</seg></tuv><tuv xml:lang=\"fr-FR\"><seg>Salut.</seg></tuv></tu>\
         </body></tmx>",
    );
    let run = import(&env, "defr.tmx").ok();
    assert_eq!(
        run.lines()[1..4],
        [
            "added 0, already present 0, skipped 2",
            "skipped 2: text in fewer than two of en, ru, kk",
            "other languages left out: de-DE 2, fr-FR 2",
        ]
    );
    assert!(!env.path("tm.json").exists());
}

#[test]
fn dry_run_counts_but_does_not_store() {
    let env = Env::new();
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "import",
            "--dry-run",
            &sample("trados.tmx"),
        ])
        .ok();
    assert_eq!(
        run.lines()[1..],
        [
            "added 2, already present 0, skipped 0",
            "dry run: tm.json not changed"
        ]
    );
    assert!(!env.path("tm.json").exists());
}

#[test]
fn a_missing_file_is_named() {
    let env = Env::new();
    let run = import(&env, "nowhere.tmx").fails();
    assert!(
        run.stderr.starts_with("tm: nowhere.tmx: opening: "),
        "{}",
        run.stderr
    );
    assert!(!env.path("tm.json").exists());
}

/// A plain TSV whose text starts with a quotation mark is not a quoted
/// field: the text is kept exactly as written.
#[test]
fn tsv_text_that_starts_with_a_quote_is_kept_as_written() {
    let env = Env::new();
    env.write(
        "plain.tsv",
        "en\tru\n\"We are ready,\" said the minister.\t«Мы готовы», – сказал министр.\n\"Quoted whole\"\t\"Цитата\"\n\
         \"The work goes on next year\t«Работа продолжится в следующем году\n\
         Funding is secured.\tФинансирование обеспечено.\n",
    );
    import(&env, "plain.tsv").ok();
    let u = units(&env);
    assert_eq!(u.len(), 4);
    // A quotation that runs on into the next paragraph never closes.
    assert_eq!(u[2]["en"], "\"The work goes on next year");
    assert_eq!(u[2]["ru"], "«Работа продолжится в следующем году");
    assert_eq!(u[3]["en"], "Funding is secured.");
    assert_eq!(u[0]["en"], "\"We are ready,\" said the minister.");
    assert_eq!(u[0]["ru"], "«Мы готовы», – сказал министр.");
    // A field wholly in quotes is a spreadsheet's quoting, taken off.
    assert_eq!(u[1]["en"], "Quoted whole");
}

#[test]
fn a_second_bilingual_file_completes_the_stored_units() {
    let env = Env::new();
    env.write(
        "en-ru.tsv",
        "en\tru\n\
         The museum opened a new hall.\tМузей открыл новый зал.\n\
         Entry is free on Sundays.\tПо воскресеньям вход свободный.\n\
         The hall shows old carpets.\tВ зале показаны старинные ковры.\n",
    );
    env.write(
        "en-kk.tsv",
        "en\tkk\n\
         The museum opened a new hall.\tМұражай жаңа зал ашты.\n\
         Entry is free on Sundays.\tЖексенбі күндері кіру тегін.\n\
         The hall shows old carpets.\tЗалда көне кілемдер көрсетілген.\n\
         Guides speak three languages.\tГидтер үш тілде сөйлейді.\n",
    );
    import(&env, "en-ru.tsv").ok();
    let run = import(&env, "en-kk.tsv").ok();
    assert_eq!(
        run.lines()[1..],
        [
            "added 1, already present 0, skipped 0",
            "3 units completed with kk",
            "tm.json: 4 units",
        ]
    );
    let u = units(&env);
    assert_eq!(u.len(), 4);
    assert_eq!(u[0]["ru"], "Музей открыл новый зал.");
    assert_eq!(u[0]["kk"], "Мұражай жаңа зал ашты.");
    assert_eq!(u[2]["kk"], "Залда көне кілемдер көрсетілген.");
    assert_eq!(u[3].get("ru"), None);
    assert!(u.iter().all(|u| u.get("alternative_of").is_none()));

    // Either file again changes nothing.
    let before = std::fs::read(env.path("tm.json")).unwrap();
    let run = import(&env, "en-ru.tsv").ok();
    assert_eq!(run.lines()[1], "added 0, already present 3, skipped 0");
    let run = import(&env, "en-kk.tsv").ok();
    assert_eq!(run.lines()[1], "added 0, already present 4, skipped 0");
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);

    // Another Kazakh text of a stored sentence is an alternative.
    env.write(
        "other.tsv",
        "en\tkk\nEntry is free on Sundays.\tЖексенбіде кіру ақысыз.\n",
    );
    let run = import(&env, "other.tsv").ok();
    assert_eq!(
        run.lines()[1],
        "added 1 (1 as alternatives), already present 0, skipped 0"
    );
    assert_eq!(units(&env)[4]["alternative_of"], u[1]["id"]);
}
