//! `tm suggest` run as the real binary on memories the tests write.

mod common;

use common::Env;
use pretty_assertions::assert_eq;
use serde_json::{json, Value};

/// Units as (en, ru, kk, doubtful).
const UNITS: &[(&str, &str, &str, bool)] = &[
    (
        "The Ministry of Energy opened a new training centre in Astana.",
        "Министерство энергетики открыло новый учебный центр в Астане.",
        "Энергетика министрлігі Астанада жаңа оқу орталығын ашты.",
        false,
    ),
    (
        "In 2024 grain exports grew by 12 percent.",
        "В 2024 году экспорт зерна вырос на 12 процентов.",
        "2024 жылы астық экспорты 12 пайызға өсті.",
        false,
    ),
    (
        "Both parties signed the agreement on Friday.",
        "Стороны подписали соглашение в пятницу.",
        "Тараптар келісімге жұма күні қол қойды.",
        false,
    ),
    (
        "The board will meet again next week.",
        "Совет директоров снова соберется на следующей неделе.",
        "Директорлар кеңесі келесі аптада қайта жиналады.",
        true,
    ),
];

fn memory_json(units: &[(&str, &str, &str, bool)]) -> String {
    let units: Vec<Value> = units
        .iter()
        .enumerate()
        .map(|(i, (en, ru, kk, doubtful))| {
            let mut u = json!({
                "id": format!("unit{i}"),
                "en": en, "ru": ru, "kk": kk,
                "created": "2026-01-01T00:00:00Z",
                "changed": "2026-01-01T00:00:00Z",
            });
            if *doubtful {
                u["doubtful"] = json!(true);
            }
            u
        })
        .collect();
    json!({"format": "tm-memory", "version": 1, "units": units}).to_string()
}

fn env() -> Env {
    let env = Env::new();
    env.write("memory/tm.json", memory_json(UNITS));
    env
}

fn suggest_json(env: &Env, release: &str, extra: &[&str]) -> Value {
    env.write("new.txt", release);
    let mut args = vec!["suggest", "new.txt", "--format", "json"];
    args.extend_from_slice(extra);
    env.run(&args).ok().json()
}

#[test]
fn exact_match_scores_100_with_both_translations() {
    let env = env();
    let out = suggest_json(&env, "Both parties signed the agreement on Friday.\n", &[]);
    assert_eq!(out["source_language"], "en");
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["score"], 100.0);
    assert_eq!(m["id"], "unit2");
    assert_eq!(m["source"], UNITS[2].0);
    assert_eq!(m["targets"], json!({"ru": UNITS[2].1, "kk": UNITS[2].2}));
    assert_eq!(m["diff"], UNITS[2].0);
}

#[test]
fn fuzzy_match_shows_the_word_diff() {
    let env = env();
    let out = suggest_json(
        &env,
        "The Ministry of Energy opened a large training centre in Astana.\n",
        &["--to", "ru"],
    );
    let m = &out["segments"][0]["matches"][0];
    // One word of eleven replaced: 100 − 100/11 = 90.9.
    assert_eq!(m["score"], 90.9);
    assert_eq!(
        m["diff"],
        "The Ministry of Energy opened a [-new-]{+large+} training centre in Astana."
    );
    assert_eq!(m["targets"], json!({"ru": UNITS[0].1}));
}

#[test]
fn inflected_russian_and_kazakh_sources_match_with_partial_credit() {
    let env = env();
    // «Астана» for «Астане», «новые учебные центры» for «новый учебный центр».
    let out = suggest_json(
        &env,
        "Министерство энергетики открыло новые учебные центры в Астана.\n",
        &["--from", "ru"],
    );
    assert_eq!(out["source_language"], "ru");
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["id"], "unit0");
    // Four words of eight differ only in their ending: 100 − 4·½·100/8.
    assert_eq!(m["score"], 75.0);
    assert_eq!(m["targets"]["en"], UNITS[0].0);
    let out = suggest_json(
        &env,
        "Энергетика министрлігі Астанадағы жаңа оқу орталығын ашты.\n",
        &["--from", "kk"],
    );
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["id"], "unit0");
    // One word of seven differs in its suffix: 100 − ½·100/7.
    assert_eq!(m["score"], 92.8);
}

#[test]
fn number_only_difference_adapts_the_translations() {
    let env = env();
    let out = suggest_json(&env, "In 2025 grain exports grew by 15 percent.\n", &[]);
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["score"], 98.0);
    assert_eq!(m["adapted"], json!(["ru", "kk"]));
    // The older name stays for scripts written against it.
    assert_eq!(m["numbers_adapted"], json!(["ru", "kk"]));
    // Fully adapted: nothing for a person to check.
    assert_eq!(m["check"], json!({}));
    assert_eq!(
        m["targets"],
        json!({"ru": "В 2025 году экспорт зерна вырос на 15 процентов.",
               "kk": "2025 жылы астық экспорты 15 пайызға өсті."})
    );
    let text = env
        .run(&["suggest", "new.txt", "--color", "never"])
        .ok()
        .stdout;
    assert!(
        text.contains("ru: В 2025 году экспорт зерна вырос на 15 процентов.  (adapted)"),
        "{text}"
    );
}

#[test]
fn unrelated_sentence_gets_no_match() {
    let env = env();
    let out = suggest_json(&env, "Heavy snow closed mountain roads overnight.\n", &[]);
    assert_eq!(out["segments"][0]["matches"], json!([]));
    assert_eq!(
        out["summary"]["bands"][6],
        json!({"band": "no match", "segments": 1, "words": 6})
    );
}

#[test]
fn doubtful_units_are_penalised_and_flagged() {
    let env = env();
    let out = suggest_json(&env, "The board will meet again next week.\n", &[]);
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["score"], 98.0);
    assert_eq!(m["doubtful"], true);
    let text = env
        .run(&["suggest", "new.txt", "--color", "never"])
        .ok()
        .stdout;
    assert!(text.contains("check ru,kk: doubtful alignment"), "{text}");
    let check = &m["check"];
    assert!(
        check["ru"][0].as_str().unwrap().contains("doubtful"),
        "{check}"
    );
}

const RELEASE: &str = "Both parties signed the agreement on Friday. The Ministry of Energy opened a new training centre in Astana.\n\nHeavy snow closed mountain roads overnight.\nBoth parties signed the agreement on Friday.\n";

#[test]
fn text_output_lists_segments_matches_and_the_analysis() {
    let env = env();
    env.write("new.txt", "The Ministry of Energy opened a large training centre in Astana.\nHeavy snow closed mountain roads overnight.\n");
    let out = env
        .run(&["suggest", "new.txt", "--to", "kk", "--color", "never"])
        .ok();
    let expected = "\
read as English (guessed from the text; --from changes it)

[1] The Ministry of Energy opened a large training centre in Astana.
   90.9  unit0  The Ministry of Energy opened a [-new-]{+large+} training centre in Astana.
         kk: Энергетика министрлігі Астанада жаңа оқу орталығын ашты.
         check kk: 90.9% match: words differ from the stored sentence

[2] Heavy snow closed mountain roads overnight.
    no match

band         segments    words
repetitions         0        0
100                 0        0
95-99               0        0
85-94               1       11
75-84               0        0
50-74               0        0
no match            1        6
total               2       17
";
    assert_eq!(out.stdout, expected);
}

#[test]
fn color_marks_the_diff_unless_no_color() {
    let env = env();
    env.write(
        "new.txt",
        "The Ministry of Energy opened a large training centre in Astana.\n",
    );
    let out = env.run(&["suggest", "new.txt", "--color", "always"]).ok();
    assert!(
        out.stdout
            .contains("\x1b[31;9mnew\x1b[0m\x1b[32;4mlarge\x1b[0m"),
        "{}",
        out.stdout
    );
    // Not a terminal, so `auto` does not colour; NO_COLOR is respected too.
    let out = env
        .cmd(&["suggest", "new.txt"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("[-new-]{+large+}") && !stdout.contains('\x1b'),
        "{stdout}"
    );
}

#[test]
fn analysis_counts_repetitions_and_bands() {
    let env = env();
    let out = suggest_json(&env, RELEASE, &[]);
    let bands: Vec<(String, u64, u64)> = out["summary"]["bands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["band"].as_str().unwrap().to_string(),
                b["segments"].as_u64().unwrap(),
                b["words"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, u64, u64)> = [
        ("repetitions", 1, 7),
        ("100", 2, 18),
        ("95-99", 0, 0),
        ("85-94", 0, 0),
        ("75-84", 0, 0),
        ("50-74", 0, 0),
        ("no match", 1, 6),
    ]
    .iter()
    .map(|(b, s, w)| (b.to_string(), *s, *w))
    .collect();
    assert_eq!(bands, want);
}

#[test]
fn drafts_keep_the_layout_and_mark_unmatched_segments() {
    let env = env();
    env.write("release.en.txt", RELEASE);
    let out = env
        .run(&["suggest", "release.en.txt", "--draft", "drafts"])
        .ok();
    assert!(out.stderr.contains("release.ru.txt"), "{}", out.stderr);
    let ru = std::fs::read_to_string(env.path("drafts/release.ru.txt")).unwrap();
    assert_eq!(
        ru,
        format!(
            "{} {}\n\n[[en: Heavy snow closed mountain roads overnight.]]\n{}\n",
            UNITS[2].1, UNITS[0].1, UNITS[2].1
        )
    );
    let kk = std::fs::read_to_string(env.path("drafts/release.kk.txt")).unwrap();
    assert!(kk.starts_with(UNITS[2].2), "{kk}");
}

#[test]
fn min_and_top_limit_the_matches() {
    let env = env();
    let out = suggest_json(
        &env,
        "The Ministry of Energy opened a large training centre in Astana.\n",
        &["--min", "95"],
    );
    assert_eq!(out["segments"][0]["matches"], json!([]));
    let out = suggest_json(
        &env,
        "The board signed the agreement.\n",
        &["--min", "0", "--top", "2"],
    );
    assert_eq!(out["segments"][0]["matches"].as_array().unwrap().len(), 2);
}

#[test]
fn missing_memory_says_how_to_create_one() {
    let env = Env::new();
    env.write("new.txt", "Anything at all.\n");
    let out = env.run(&["suggest", "new.txt"]).fails();
    assert!(
        out.stderr.contains("memory: no memory here yet"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tm add"), "{}", out.stderr);
}

#[test]
fn empty_release_is_refused() {
    let env = env();
    env.write("empty.txt", "  \n\n");
    let out = env.run(&["suggest", "empty.txt"]).fails();
    assert_eq!(
        out.stderr,
        "tm: empty.txt: the release is empty: nothing to match\n"
    );
}

#[test]
fn memory_of_another_schema_version_is_refused() {
    let env = Env::new();
    env.write(
        "memory/tm.json",
        r#"{"format":"tm-memory","version":7,"units":[]}"#,
    );
    env.write("new.txt", "Anything at all.\n");
    let out = env.run(&["suggest", "new.txt"]).fails();
    assert!(
        out.stderr
            .contains("memory schema version 7 is not supported"),
        "{}",
        out.stderr
    );
}

/// The index segment files of the memory `memory/tm.json` for English.
fn segment_files(env: &Env) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(env.path("memory"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("tm.json.en.index.") && !name.contains(".tmp-")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn cache_is_rebuilt_when_the_memory_changes_or_is_damaged() {
    let env = env();
    env.write("new.txt", "Snow closed the mountain roads.\n");
    let out = suggest_json(&env, "Snow closed the mountain roads.\n", &[]);
    assert_eq!(out["segments"][0]["matches"], json!([]));
    let first = segment_files(&env);
    assert_eq!(first.len(), 1, "{first:?}");
    let mut units = UNITS.to_vec();
    units.push((
        "Snow closed the mountain roads.",
        "Снег закрыл горные дороги.",
        "Қар тау жолдарын жауып тастады.",
        false,
    ));
    env.write("memory/tm.json", memory_json(&units));
    let out = suggest_json(&env, "Snow closed the mountain roads.\n", &[]);
    assert_eq!(out["segments"][0]["matches"][0]["score"], 100.0);
    // The single file is one part: a new segment of all of it, the old
    // one removed.
    let second = segment_files(&env);
    assert_eq!(second.len(), 1, "{second:?}");
    assert_ne!(second, first);
    env.write(second[0].to_str().unwrap(), b"TMINDEX\x01 garbage");
    let out = suggest_json(&env, "Snow closed the mountain roads.\n", &[]);
    assert_eq!(
        out["segments"][0]["matches"][0]["targets"]["ru"],
        "Снег закрыл горные дороги."
    );
    // Damage inside (the last unit's byte range and the checksum): the
    // segment fails its checksum and is made again.
    let cache = segment_files(&env).pop().unwrap();
    let mut bytes = std::fs::read(&cache).unwrap();
    let len = bytes.len();
    bytes[len - 12..].fill(0xff);
    std::fs::write(&cache, &bytes).unwrap();
    let out = suggest_json(&env, "Snow closed the mountain roads.\n", &[]);
    assert_eq!(
        out["segments"][0]["matches"][0]["targets"]["kk"],
        "Қар тау жолдарын жауып тастады."
    );
    let rebuilt = segment_files(&env);
    assert_eq!(rebuilt.len(), 1);
    assert_ne!(std::fs::read(&rebuilt[0]).unwrap(), bytes);
}

#[test]
fn a_fuzzy_match_names_the_figures_its_translation_still_has() {
    // Words and a number differ: nothing is adapted, and the check says
    // which stored figure the translation still carries.
    let env = env();
    let out = suggest_json(&env, "In 2025 grain exports fell by 12 percent.\n", &[]);
    let m = &out["segments"][0]["matches"][0];
    assert_eq!(m["id"], "unit1");
    assert_eq!(m["targets"]["ru"], UNITS[1].1, "left as stored");
    let checks: Vec<&str> = m["check"]["ru"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(checks[0].contains("words differ"), "{checks:?}");
    assert_eq!(
        checks[1],
        "numbers or dates differ too (2024 → 2025): the translation has the stored ones"
    );
    // Words differ and the figures are the same: no note about figures.
    let out = suggest_json(&env, "In 2024 grain exports fell by 12 percent.\n", &[]);
    let checks = &out["segments"][0]["matches"][0]["check"]["kk"];
    assert_eq!(checks.as_array().unwrap().len(), 1, "{checks}");
}
