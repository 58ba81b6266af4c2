//! `tm add`: aligning releases of our own with known alignments, storing
//! them, and the safety of the memory file.

mod common;

use common::Env;
use pretty_assertions::assert_eq;
use serde_json::Value;

const EN: &str = "Regional library opens a reading hall for children

PAVLODAR, 2 February 2026 – The regional library opened a new reading hall for 120 children on Monday. The hall has 4,000 books in Kazakh, Russian and English.

\"Children should grow up with books,\" said director Marat Zhaksybekov. The library is open every day from 9 to 19.
";

const RU: &str = "Областная библиотека открыла читальный зал для детей

ПАВЛОДАР, 2 февраля 2026 года – В понедельник областная библиотека открыла новый читальный зал на 120 детей. В зале 4 000 книг на казахском, русском и английском языках.

«Дети должны расти с книгами», – сказал директор Марат Жаксыбеков. Библиотека работает ежедневно с 9 до 19 часов.
";

const KK: &str = "Облыстық кітапхана балаларға арналған оқу залын ашты

ПАВЛОДАР, 2026 жылғы 2 ақпан – Дүйсенбі күні облыстық кітапхана 120 балаға арналған жаңа оқу залын ашты. Залда қазақ, орыс және ағылшын тілдеріндегі 4 000 кітап бар.

«Балалар кітаппен бірге өсуі керек», – деді директор Марат Жақсыбеков. Кітапхана күн сайын сағат 9-дан 19-ға дейін жұмыс істейді.
";

/// Writes the three versions of the library release.
fn library(env: &Env) {
    env.write("library.en.txt", EN);
    env.write("library.ru.txt", RU);
    env.write("library.kk.txt", KK);
}

const ADD_LIBRARY: &[&str] = &[
    "add",
    "--en",
    "library.en.txt",
    "--ru",
    "library.ru.txt",
    "--kk",
    "library.kk.txt",
];

/// The units of a dry run as (en, ru, kk, beads) rows.
fn rows(json: &Value) -> Vec<(String, String, String, String)> {
    json["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            let s = |k: &str| u[k].as_str().unwrap_or("").to_string();
            (s("en"), s("ru"), s("kk"), s("beads"))
        })
        .collect()
}

fn row(en: &str, ru: &str, kk: &str, beads: &str) -> (String, String, String, String) {
    (en.into(), ru.into(), kk.into(), beads.into())
}

fn memory(env: &Env, name: &str) -> Value {
    serde_json::json!({ "units": common::memory_units(&env.path(name)) })
}

#[test]
fn trilingual_release_aligns_sentence_by_sentence() {
    let env = Env::new();
    library(&env);
    let mut args = ADD_LIBRARY.to_vec();
    args.extend(["--dry-run", "--format", "json"]);
    let json = env.run(&args).ok().json();
    assert_eq!(
        rows(&json),
        vec![
            row(
                "Regional library opens a reading hall for children",
                "Областная библиотека открыла читальный зал для детей",
                "Облыстық кітапхана балаларға арналған оқу залын ашты",
                "1-1-1"
            ),
            row(
                "PAVLODAR, 2 February 2026 – The regional library opened a new reading hall for 120 children on Monday.",
                "ПАВЛОДАР, 2 февраля 2026 года – В понедельник областная библиотека открыла новый читальный зал на 120 детей.",
                "ПАВЛОДАР, 2026 жылғы 2 ақпан – Дүйсенбі күні облыстық кітапхана 120 балаға арналған жаңа оқу залын ашты.",
                "1-1-1"
            ),
            row(
                "The hall has 4,000 books in Kazakh, Russian and English.",
                "В зале 4 000 книг на казахском, русском и английском языках.",
                "Залда қазақ, орыс және ағылшын тілдеріндегі 4 000 кітап бар.",
                "1-1-1"
            ),
            row(
                "\"Children should grow up with books,\" said director Marat Zhaksybekov.",
                "«Дети должны расти с книгами», – сказал директор Марат Жаксыбеков.",
                "«Балалар кітаппен бірге өсуі керек», – деді директор Марат Жақсыбеков.",
                "1-1-1"
            ),
            row(
                "The library is open every day from 9 to 19.",
                "Библиотека работает ежедневно с 9 до 19 часов.",
                "Кітапхана күн сайын сағат 9-дан 19-ға дейін жұмыс істейді.",
                "1-1-1"
            ),
        ]
    );
    for u in json["units"].as_array().unwrap() {
        let c = u["confidence"].as_f64().unwrap();
        assert!((0.5..=1.0).contains(&c), "confidence {c} in {u}");
    }
    assert!(!env.path("memory").exists(), "a dry run writes nothing");
}

#[test]
fn add_stores_units_and_a_repeat_adds_nothing() {
    let env = Env::new();
    library(&env);
    let first = env.run(ADD_LIBRARY).ok();
    assert_eq!(
        first.lines()[0],
        "library: 5 units added, 0 already there, 0 alternative translations (memory)"
    );
    let m = memory(&env, "memory");
    let units = m["units"].as_array().unwrap();
    assert_eq!(units.len(), 5);
    assert_eq!(units[3]["release"], "library");
    assert_eq!(units[3]["position"], 3);
    assert_eq!(
        units[3]["ru"],
        "«Дети должны расти с книгами», – сказал директор Марат Жаксыбеков."
    );
    assert!(units[3]["confidence"].as_f64().unwrap() > 0.5);
    let before = common::memory_bytes(&env.path("memory"));

    let again = env.run(ADD_LIBRARY).ok();
    assert_eq!(
        again.lines()[0],
        "library: 0 units added, 5 already there, 0 alternative translations (memory)"
    );
    assert_eq!(common::memory_bytes(&env.path("memory")), before);
}

#[test]
fn id_and_json_report() {
    let env = Env::new();
    library(&env);
    let mut args = ADD_LIBRARY.to_vec();
    args.extend([
        "--id",
        "pavlodar-2026-02",
        "--format",
        "json",
        "--memory",
        "m.json",
    ]);
    let json = env.run(&args).ok().json();
    assert_eq!(json["release"], "pavlodar-2026-02");
    assert_eq!(
        (json["added"].as_u64(), json["duplicates"].as_u64()),
        (Some(5), Some(0))
    );
    assert_eq!(
        memory(&env, "m.json")["units"][0]["release"],
        "pavlodar-2026-02"
    );
}

#[test]
fn a_sentence_split_in_translation_is_one_unit() {
    let env = Env::new();
    env.write(
        "museum.en.txt",
        "The city museum reopened after a year of repairs. \
         It received 300 new exhibits from private collectors in Shymkent, and visitors will see them from the first of May. \
         Entry is free for pupils and students.\n",
    );
    env.write(
        "museum.ru.txt",
        "Городской музей вновь открылся после года ремонта. \
         Музей получил 300 новых экспонатов от частных коллекционеров из Шымкента. Посетители увидят их с первого мая. \
         Вход для школьников и студентов бесплатный.\n",
    );
    let r = env.run(&[
        "add",
        "--en",
        "museum.en.txt",
        "--ru",
        "museum.ru.txt",
        "--dry-run",
        "--format",
        "json",
    ]);
    let beads: Vec<String> = rows(&r.ok().json()).into_iter().map(|r| r.3).collect();
    assert_eq!(beads, vec!["1-1-0", "1-2-0", "1-1-0"]);
}

#[test]
fn a_dropped_sentence_is_found_not_glued() {
    let env = Env::new();
    env.write(
        "farm.en.txt",
        "The Ministry of Agriculture opened a training farm near Almaty in 2019.\n\
         Since then 450 young farmers have learned to grow vegetables in greenhouses there.\n\
         Teachers from the agricultural university give most of the lessons on weekday mornings.\n\
         This year the farm will also teach beekeeping to 12 groups.\n",
    );
    env.write(
        "farm.ru.txt",
        "Министерство сельского хозяйства открыло учебную ферму под Алматы в 2019 году.\n\
         С тех пор 450 молодых фермеров научились там выращивать овощи в теплицах.\n\
         В этом году ферма также будет обучать пчеловодству 12 групп.\n",
    );
    let r = env.run(&[
        "add",
        "--en",
        "farm.en.txt",
        "--ru",
        "farm.ru.txt",
        "--dry-run",
        "--format",
        "json",
    ]);
    let got = rows(&r.ok().json());
    let beads: Vec<&str> = got.iter().map(|r| r.3.as_str()).collect();
    assert_eq!(beads, vec!["1-1-0", "1-1-0", "1-0-0", "1-1-0"]);
    assert_eq!(got[2].1, "");
    assert!(got[2].0.starts_with("Teachers from"));
}

#[test]
fn another_translation_of_a_stored_sentence_is_an_alternative() {
    let env = Env::new();
    library(&env);
    env.run(&["add", "--en", "library.en.txt", "--ru", "library.ru.txt"])
        .ok();
    env.write(
        "library2.ru.txt",
        RU.replace(
            "Библиотека работает ежедневно",
            "Библиотека открыта каждый день",
        ),
    );
    let r = env
        .run(&[
            "add",
            "--en",
            "library.en.txt",
            "--ru",
            "library2.ru.txt",
            "--id",
            "second",
        ])
        .ok();
    assert_eq!(
        r.lines()[0],
        "second: 1 units added, 4 already there, 1 alternative translations (memory)"
    );
    let m = memory(&env, "memory");
    let units = m["units"].as_array().unwrap();
    assert_eq!(units.len(), 6);
    assert_eq!(units[5]["alternative_of"], units[4]["id"]);
    assert_eq!(units[5]["en"], units[4]["en"]);
}

#[test]
fn two_adds_at_once_lose_nothing() {
    let env = Env::new();
    library(&env);
    env.write(
        "other.en.txt",
        "The zoo in Karaganda welcomed two snow leopards. They arrived from a park in Novosibirsk.\n",
    );
    env.write(
        "other.ru.txt",
        "Зоопарк Караганды принял двух снежных барсов. Они прибыли из парка в Новосибирске.\n",
    );
    let a = env.cmd(ADD_LIBRARY).spawn().unwrap();
    let b = env
        .cmd(&["add", "--en", "other.en.txt", "--ru", "other.ru.txt"])
        .spawn()
        .unwrap();
    assert!(a.wait_with_output().unwrap().status.success());
    assert!(b.wait_with_output().unwrap().status.success());
    let m = memory(&env, "memory");
    let releases: Vec<&str> = m["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["release"].as_str().unwrap())
        .collect();
    assert_eq!(releases.iter().filter(|r| **r == "library").count(), 5);
    assert_eq!(releases.iter().filter(|r| **r == "other").count(), 2);
}

#[test]
fn a_broken_memory_is_reported_and_left_alone() {
    let env = Env::new();
    library(&env);
    let broken = "{\n  \"format\": \"tm-memory\",\n  \"version\": 1,\n  \"units\": [\n    {\"id\": \"a\",,}\n";
    env.write("broken.json", broken);
    let mut args = ADD_LIBRARY.to_vec();
    args.extend(["--memory", "broken.json"]);
    let r = env.run(&args).fails();
    assert!(r.stderr.contains("broken.json:5:"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(env.path("broken.json")).unwrap(),
        broken
    );
}

#[test]
fn a_memory_of_another_version_is_refused() {
    let env = Env::new();
    library(&env);
    let newer = "{\"format\": \"tm-memory\", \"version\": 7, \"units\": []}\n";
    env.write("newer.json", newer);
    let mut args = ADD_LIBRARY.to_vec();
    args.extend(["--memory", "newer.json"]);
    let r = env.run(&args).fails();
    assert!(r.stderr.contains("newer.json"), "{}", r.stderr);
    assert!(r.stderr.contains("version 7"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(env.path("newer.json")).unwrap(),
        newer
    );
}

#[test]
fn a_missing_language_file_is_named() {
    let env = Env::new();
    library(&env);
    let r = env
        .run(&["add", "--en", "library.en.txt", "--kk", "nowhere.kk.txt"])
        .fails();
    assert!(r.stderr.starts_with("tm: "), "{}", r.stderr);
    assert!(r.stderr.contains("nowhere.kk.txt"), "{}", r.stderr);
    assert!(!env.path("memory").exists());
}

#[test]
fn one_language_is_not_enough() {
    let env = Env::new();
    library(&env);
    let r = env.run(&["add", "--en", "library.en.txt"]).fails();
    assert!(r.stderr.contains("at least two languages"), "{}", r.stderr);
}

#[test]
fn a_text_without_sentences_is_an_error() {
    let env = Env::new();
    library(&env);
    env.write("blank.ru.txt", " \n\n\t\n");
    let r = env
        .run(&["add", "--en", "library.en.txt", "--ru", "blank.ru.txt"])
        .fails();
    assert!(r.stderr.contains("blank.ru.txt"), "{}", r.stderr);
    assert!(r.stderr.contains("no sentences"), "{}", r.stderr);
    assert!(!env.path("memory").exists());
}

#[test]
fn a_doubtful_alignment_is_listed_and_marked() {
    let env = Env::new();
    // Three English sentences alike in length and one Russian one: nothing
    // says which of them it translates.
    env.write(
        "hall.en.txt",
        "The hall was full.\nThe show was long.\nThe talk was good.\n",
    );
    env.write("hall.ru.txt", "Зал был полон.\n");
    // Three sentences against one do not look like a translation: refused,
    // and stored with --force, every unit doubtful; the English sentences
    // with no Russian are reported, not stored.
    let refused = env
        .run(&["add", "--en", "hall.en.txt", "--ru", "hall.ru.txt"])
        .fails();
    assert!(
        refused
            .stderr
            .contains("hall.ru.txt does not look like a translation of hall.en.txt"),
        "{}",
        refused.stderr
    );
    assert!(!env.path("memory").exists());
    let r = env
        .run(&[
            "add",
            "--en",
            "hall.en.txt",
            "--ru",
            "hall.ru.txt",
            "--force",
        ])
        .ok();
    assert_eq!(r.lines()[1], "1 doubtful alignments to check:");
    assert_eq!(
        r.stderr.matches("only in English, not stored").count(),
        2,
        "{}",
        r.stderr
    );
    assert!(r.lines().contains(&"  ru: Зал был полон."), "{}", r.stdout);
    let m = memory(&env, "memory");
    let with_ru: Vec<&Value> = m["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["ru"] == "Зал был полон.")
        .collect();
    assert_eq!(with_ru.len(), 1);
    assert_eq!(with_ru[0]["doubtful"], true);
    assert!(with_ru[0]["confidence"].as_f64().unwrap() < 0.5);
}

/// The Kazakh sentences of the library release, as the segmenter cuts them.
const KK_SENTENCES: [&str; 5] = [
    "Облыстық кітапхана балаларға арналған оқу залын ашты",
    "Дүйсенбі күні облыстық кітапхана 120 балаға арналған жаңа оқу залын ашты.",
    "Залда қазақ, орыс және ағылшын тілдеріндегі 4 000 кітап бар.",
    "«Балалар кітаппен бірге өсуі керек», – деді директор Марат Жақсыбеков.",
    "Кітапхана күн сайын сағат 9-дан 19-ға дейін жұмыс істейді.",
];

#[test]
fn kazakh_added_later_completes_the_stored_units() {
    let env = Env::new();
    library(&env);
    env.run(&["add", "--en", "library.en.txt", "--ru", "library.ru.txt"])
        .ok();
    let r = env
        .run(&["add", "--en", "library.en.txt", "--kk", "library.kk.txt"])
        .ok();
    assert_eq!(
        r.lines()[0],
        "library: 0 units added, 0 already there, 0 alternative translations, \
         5 units completed with kk (memory)"
    );
    let m = memory(&env, "memory");
    let units = m["units"].as_array().unwrap();
    assert_eq!(units.len(), 5);
    for u in units {
        assert!(u["ru"].is_string() && u["kk"].is_string(), "{u}");
        assert_eq!(u.get("alternative_of"), None, "{u}");
    }
    assert_eq!(units[4]["kk"], KK_SENTENCES[4]);
    assert_eq!(
        units[4]["ru"],
        "Библиотека работает ежедневно с 9 до 19 часов."
    );

    // Either bilingual release again, or all three, adds nothing.
    let before = common::memory_bytes(&env.path("memory"));
    for args in [
        &["add", "--en", "library.en.txt", "--ru", "library.ru.txt"][..],
        &["add", "--en", "library.en.txt", "--kk", "library.kk.txt"][..],
        ADD_LIBRARY,
    ] {
        let again = env.run(args).ok();
        assert!(
            again.lines()[0].starts_with("library: 0 units added, 5 already there, 0 alternative"),
            "{}",
            again.stdout
        );
        assert!(!again.stdout.contains("completed"), "{}", again.stdout);
    }
    assert_eq!(common::memory_bytes(&env.path("memory")), before);

    // The Kazakh draft of the English release is complete.
    env.write("new.en.txt", EN);
    env.run(&["suggest", "new.en.txt", "--draft", "drafts"])
        .ok();
    let kk = std::fs::read_to_string(env.path("drafts/new.kk.txt")).unwrap();
    for sentence in KK_SENTENCES {
        assert!(kk.contains(sentence), "{sentence:?} missing in\n{kk}");
    }
    assert!(!kk.contains("The library is open every day"), "{kk}");
    assert!(!kk.contains("[[en:"), "{kk}");
}

#[test]
fn completion_is_counted_in_the_json_report() {
    let env = Env::new();
    library(&env);
    env.run(&["add", "--en", "library.en.txt", "--kk", "library.kk.txt"])
        .ok();
    let json = env
        .run(&[
            "add",
            "--en",
            "library.en.txt",
            "--ru",
            "library.ru.txt",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(json["added"], 0);
    assert_eq!(json["completed"], 5);
    assert_eq!(json["completed_with"], serde_json::json!({"ru": 5}));
}

#[test]
fn a_conflicting_kazakh_text_is_still_an_alternative() {
    let env = Env::new();
    library(&env);
    env.run(ADD_LIBRARY).ok();
    env.write(
        "library2.kk.txt",
        KK.replace("күн сайын сағат", "әр күні сағат"),
    );
    let r = env
        .run(&[
            "add",
            "--en",
            "library.en.txt",
            "--kk",
            "library2.kk.txt",
            "--id",
            "second",
        ])
        .ok();
    assert_eq!(
        r.lines()[0],
        "second: 1 units added, 4 already there, 1 alternative translations (memory)"
    );
    let m = memory(&env, "memory");
    let units = m["units"].as_array().unwrap();
    assert_eq!(units.len(), 6);
    assert_eq!(units[5]["alternative_of"], units[4]["id"]);
    assert_eq!(units[4]["kk"], KK_SENTENCES[4]);
    assert_eq!(units[5].get("ru"), None);
}

#[test]
fn kazakh_set_by_edit_makes_the_kazakh_release_already_there() {
    let env = Env::new();
    library(&env);
    env.write(
        "short.en.txt",
        "The library is open every day from 9 to 19.\n",
    );
    env.write(
        "short.ru.txt",
        "Библиотека работает ежедневно с 9 до 19 часов.\n",
    );
    env.write("short.kk.txt", format!("{}\n", KK_SENTENCES[4]));
    env.run(&["add", "--en", "short.en.txt", "--ru", "short.ru.txt"])
        .ok();
    let id = memory(&env, "memory")["units"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let edit = env.run(&["edit", &id, "--kk", KK_SENTENCES[4]]).ok();
    assert_eq!(edit.stdout, format!("{id}: kk text added\n"));
    let r = env
        .run(&["add", "--en", "short.en.txt", "--kk", "short.kk.txt"])
        .ok();
    assert_eq!(
        r.lines()[0],
        "short: 0 units added, 1 already there, 0 alternative translations (memory)"
    );
}

/// A release that says "Tickets are sold at the entrance." twice, with two
/// Russian texts and one Kazakh, and another release that says it once,
/// in other words in both.
fn museum_and_zoo(env: &Env) {
    env.write(
        "museum.en.txt",
        "Museum opens after repairs

ALMATY, 3 March 2026 – The city museum reopened after two years of repairs. Tickets are sold at the entrance.

The museum shows 5,000 exhibits in 12 halls. Tickets are sold at the entrance.
",
    );
    env.write(
        "museum.ru.txt",
        "Музей открылся после ремонта

АЛМАТЫ, 3 марта 2026 г. – Городской музей вновь открылся после двух лет ремонта. Билеты продаются на входе.

В музее 5 000 экспонатов в 12 залах. Билеты можно купить у входа.
",
    );
    env.write(
        "museum.kk.txt",
        "Мұражай жөндеуден кейін ашылды

АЛМАТЫ, 2026 жылғы 3 наурыз – Қалалық мұражай екі жылдық жөндеуден кейін қайта ашылды. Билеттер кіреберісте сатылады.

Мұражайда 12 залда 5 000 экспонат бар. Билеттер кіреберісте сатылады.
",
    );
    env.write(
        "zoo.en.txt",
        "Zoo extends its hours

SHYMKENT, 5 March 2026 – The city zoo will be open until 20:00 from April. Tickets are sold at the entrance.
",
    );
    env.write(
        "zoo.ru.txt",
        "Зоопарк продлевает часы работы

ШЫМКЕНТ, 5 марта 2026 г. – С апреля городской зоопарк будет открыт до 20:00. Билеты продаются у входа.
",
    );
    env.write(
        "zoo.kk.txt",
        "Хайуанаттар бағы жұмыс уақытын ұзартады

ШЫМКЕНТ, 2026 жылғы 5 наурыз – Сәуірден бастап қалалық хайуанаттар бағы 20:00-ге дейін ашық болады. Билеттерді кіре берістен алуға болады.
",
    );
}

#[test]
fn kazakh_added_later_completes_the_units_of_its_own_release() {
    let env = Env::new();
    museum_and_zoo(&env);
    for (release, langs) in [
        ("museum", ["en", "ru"]),
        ("zoo", ["en", "ru"]),
        ("zoo", ["en", "kk"]),
        ("museum", ["en", "kk"]),
    ] {
        let files = langs.map(|l| format!("{release}.{l}.txt"));
        let r = env
            .run(&[
                "add",
                &format!("--{}", langs[0]),
                &files[0],
                &format!("--{}", langs[1]),
                &files[1],
            ])
            .ok();
        if langs[1] == "kk" {
            let n = if release == "zoo" { 3 } else { 5 };
            assert_eq!(
                r.lines()[0],
                format!(
                    "{release}: 0 units added, 0 already there, 0 alternative translations, \
                     {n} units completed with kk (memory)"
                )
            );
        }
    }
    let units = common::memory_units(&env.path("memory"));
    assert_eq!(units.len(), 8);
    let tickets: Vec<_> = units
        .iter()
        .filter(|u| u["en"] == "Tickets are sold at the entrance.")
        .map(|u| {
            let s = |k: &str| u[k].as_str().unwrap_or("").to_string();
            (s("release"), s("ru"), s("kk"))
        })
        .collect();
    let (museum, zoo) = (
        "Билеттер кіреберісте сатылады.",
        "Билеттерді кіре берістен алуға болады.",
    );
    let mut want = vec![
        ("museum", "Билеты продаются на входе.", museum),
        ("museum", "Билеты можно купить у входа.", museum),
        ("zoo", "Билеты продаются у входа.", zoo),
    ]
    .into_iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect::<Vec<_>>();
    let mut got = tickets;
    got.sort();
    want.sort();
    assert_eq!(got, want);
    for u in &units {
        assert!(u["ru"].is_string() && u["kk"].is_string(), "{u}");
    }
}

#[test]
fn a_folder_per_release_gives_the_release_its_name() {
    let env = Env::new();
    env.write("library-week/en.txt", EN);
    env.write("library-week/ru.txt", RU);
    env.write("library-week/kk.txt", KK);
    let json = env
        .run(&[
            "add",
            "--en",
            "library-week/en.txt",
            "--ru",
            "library-week/ru.txt",
            "--kk",
            "library-week/kk.txt",
            "--format",
            "json",
            "--memory",
            "m.json",
        ])
        .ok()
        .json();
    assert_eq!(json["release"], "library-week");
    assert_eq!(
        memory(&env, "m.json")["units"][0]["release"],
        "library-week"
    );
}
