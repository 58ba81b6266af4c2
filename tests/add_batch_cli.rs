//! `tm add --batch DIR`: a generated archive of releases in both layouts,
//! with the files a real archive holds besides (a lone language, an
//! unreadable file, notes), added in one go.

mod common;

use common::releases::release;
use common::Env;
use pretty_assertions::assert_eq;
use serde_json::Value;

/// An archive of `n` generated releases: the even ones named
/// `YEAR/NAME.LANG.txt`, the odd ones laid out as `LANG/NAME.txt`; release 1
/// has no Kazakh. Besides them: a lone Russian release, a release whose
/// Kazakh file is not text, a document not read yet, and a notes file.
fn archive(env: &Env, n: usize) {
    for i in 0..n {
        let (en, ru, kk) = release(i, 3 + i % 3);
        let name = format!("release-{i:02}");
        if i % 2 == 0 {
            env.write(&format!("archive/2025/{name}.en.txt"), en);
            env.write(&format!("archive/2025/{name}.ru.txt"), ru);
            env.write(&format!("archive/2025/{name}.kk.txt"), kk);
        } else {
            env.write(&format!("archive/en/{name}.txt"), en);
            env.write(&format!("archive/ru/{name}.txt"), ru);
            if i != 1 {
                env.write(&format!("archive/kk/{name}.txt"), kk);
            }
        }
    }
    env.write(
        "archive/lonely.ru.txt",
        "Только русская версия этого релиза.",
    );
    env.write("archive/broken.en.txt", "The hall opened. It is large.");
    env.write("archive/broken.ru.txt", "Зал открылся. Он большой.");
    env.write("archive/broken.kk.txt", b"%PDF-1.4 \x00\x01");
    env.write("archive/word.en.docx", b"PK\x03\x04");
    env.write("archive/word.ru.txt", "Документ Word.");
    env.write("archive/README", "Published releases, 2025.");
}

/// The memory's units as (release, position, en, ru, kk) rows, in order.
fn units(env: &Env, memory: &str) -> Vec<(String, u64, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    common::memory_units(&env.path(memory))
        .iter()
        .map(|u| {
            (
                s(&u["release"]),
                u["position"].as_u64().unwrap(),
                s(&u["en"]),
                s(&u["ru"]),
                s(&u["kk"]),
            )
        })
        .collect()
}

#[test]
fn adds_an_archive_in_both_layouts_and_lists_what_it_skipped() {
    let env = Env::new();
    archive(&env, 6);
    let run = env
        .run(&["--memory", "m.json", "add", "--batch", "archive"])
        .ok();
    let lines = run.lines();
    assert_eq!(
        lines[..8],
        [
            "release     langs     units  added  already  doubtful",
            "broken      en ru         2      2        0         0",
            "release-00  en ru kk      3      3        0         0",
            "release-01  en ru         4      4        0         0",
            "release-02  en ru kk      5      5        0         0",
            "release-03  en ru kk      3      3        0         0",
            "release-04  en ru kk      4      4        0         0",
            "release-05  en ru kk      5      5        0         0",
        ]
    );
    assert_eq!(
        lines[8],
        "7 of 8 releases added: 26 units, 26 added, 0 already there, \
         0 alternative translations, 0 doubtful (m.json)"
    );
    assert_eq!(lines[9], "5 files skipped:");
    assert_eq!(
        lines[10..],
        [
            "  README         not a release file (name it NAME.en.txt, NAME.ru.txt, \
             NAME.kk.txt, or put it in an en, ru or kk folder)",
            "  broken.kk.txt  unreadable: archive/broken.kk.txt: not a text file: \
             a PDF document at byte 0",
            "  lonely.ru.txt  a lone language: release lonely has no other version to align with",
            // A .docx that is no Word package: unreadable, said.
            "  word.en.docx   unreadable: archive/word.en.docx: not a Word package: \
             invalid Zip archive: Could not find EOCD",
            "  word.ru.txt    a lone language: release word has no other version to align with",
        ]
    );

    // Each release under its name, in the order of its sentences, with the
    // texts `tm add` of the same files stores.
    let stored = units(&env, "m.json");
    assert_eq!(stored.len(), 26);
    let first = &stored[2];
    assert_eq!((first.0.as_str(), first.1), ("release-00", 0));
    let (en, ru, kk) = release(0, 3);
    assert_eq!(en.split(". ").next().unwrap().to_string() + ".", first.2);
    assert!(ru.starts_with(&first.3) && kk.starts_with(&first.4));
    let no_kk: Vec<_> = stored.iter().filter(|u| u.0 == "release-01").collect();
    assert!(no_kk.iter().all(|u| u.4.is_empty() && !u.3.is_empty()));

    let one = Env::new();
    let (en, ru, kk) = release(2, 5);
    one.write("r.en.txt", en);
    one.write("r.ru.txt", ru);
    one.write("r.kk.txt", kk);
    one.run(&[
        "--memory",
        "m.json",
        "add",
        "--en",
        "r.en.txt",
        "--ru",
        "r.ru.txt",
        "--kk",
        "r.kk.txt",
        "--id",
        "release-02",
    ])
    .ok();
    let batch: Vec<_> = stored
        .iter()
        .filter(|u| u.0 == "release-02")
        .cloned()
        .collect();
    assert_eq!(batch, units(&one, "m.json"));
}

#[test]
fn a_second_run_adds_nothing_and_leaves_the_file_as_it_was() {
    let env = Env::new();
    archive(&env, 4);
    env.run(&["--memory", "m.json", "add", "--batch", "archive"])
        .ok();
    let before = std::fs::read(env.path("m.json")).unwrap();
    let run = env
        .run(&["--memory", "m.json", "add", "--batch", "archive"])
        .ok();
    assert!(
        run.stdout.contains(
            "0 of 6 releases added: 17 units, 0 added, 17 already there, \
             0 alternative translations, 0 doubtful (m.json)"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(std::fs::read(env.path("m.json")).unwrap(), before);
}

#[test]
fn a_later_language_completes_the_stored_units() {
    let env = Env::new();
    let (en, ru, kk) = release(7, 3);
    env.write("a/en/seven.txt", &en);
    env.write("a/ru/seven.txt", &ru);
    env.run(&["--memory", "m.json", "add", "--batch", "a"]).ok();
    env.write("a/kk/seven.txt", &kk);
    let run = env.run(&["--memory", "m.json", "add", "--batch", "a"]).ok();
    assert!(
        run.lines()[1].ends_with("(3 units completed with kk)"),
        "{}",
        run.stdout
    );
    let stored = units(&env, "m.json");
    assert_eq!(stored.len(), 3);
    assert!(stored.iter().all(|u| !u.4.is_empty()));
}

#[test]
fn dry_run_and_json() {
    let env = Env::new();
    archive(&env, 2);
    let run = env
        .run(&[
            "--memory",
            "m.json",
            "add",
            "--batch",
            "archive",
            "--dry-run",
        ])
        .ok();
    assert!(
        run.stdout
            .contains("3 of 4 releases aligned: 9 units, 0 doubtful (dry run, nothing written)"),
        "{}",
        run.stdout
    );
    assert!(!env.path("m.json").exists());

    let json = env
        .run(&[
            "--memory",
            "m.json",
            "add",
            "--batch",
            "archive",
            "--dry-run",
            "--format",
            "json",
        ])
        .ok()
        .json();
    let releases = json["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 3);
    assert_eq!(releases[1]["release"], "release-00");
    assert_eq!(releases[1]["files"]["kk"], "2025/release-00.kk.txt");
    assert_eq!(releases[1]["units"].as_array().unwrap().len(), 3);
    assert_eq!(releases[1]["units"][0]["beads"], "1-1-1");
    assert!(releases[1].get("added").is_none());
    assert_eq!(json["skipped"].as_array().unwrap().len(), 5);
    assert!(!env.path("m.json").exists());

    let json = env
        .run(&[
            "--memory", "m.json", "add", "--batch", "archive", "--format", "json",
        ])
        .ok()
        .json();
    assert_eq!(json["releases"][2]["release"], "release-01");
    assert_eq!(json["releases"][2]["added"], 4);
    assert_eq!(json["releases"][2]["duplicates"], 0);
    assert_eq!(json["skipped"][1]["file"], "broken.kk.txt");
}

#[test]
fn bad_input_is_one_line_exit_2_and_the_memory_untouched() {
    let env = Env::new();
    archive(&env, 2);
    env.write("empty/notes.txt", "nothing here");
    std::fs::create_dir_all(env.path("void")).unwrap();
    env.write("m.json", "{\"version\": 1, \"units\": [");
    let broken = std::fs::read(env.path("m.json")).unwrap();
    for (dir, expected) in [
        ("missing", "tm: missing: "),
        ("archive/README", "tm: archive/README: not a folder"),
        ("void", "tm: void: no release found (0 files skipped)"),
    ] {
        let run = env
            .run(&["--memory", "ok.json", "add", "--batch", dir])
            .fails();
        assert!(run.stderr.starts_with(expected), "{dir}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(!env.path("ok.json").exists());
    }
    let run = env
        .run(&["--memory", "ok.json", "add", "--batch", "empty"])
        .fails();
    assert_eq!(
        run.stderr,
        "tm: empty: no release found (1 file skipped, listed above)\n"
    );
    assert!(run.stdout.contains("notes.txt  not a release file"));
    // A broken memory: every release aligned, nothing written.
    let run = env
        .run(&["--memory", "m.json", "add", "--batch", "archive"])
        .fails();
    assert!(run.stderr.starts_with("tm: m.json"), "{}", run.stderr);
    assert_eq!(std::fs::read(env.path("m.json")).unwrap(), broken);
    // No release aligns: reported, nothing written, not even a lock.
    env.write("unaligned/en/x.txt", "   \n");
    env.write("unaligned/ru/x.txt", "Текст.");
    let run = env
        .run(&["--memory", "new.json", "add", "--batch", "unaligned"])
        .ok();
    assert!(
        run.stdout
            .contains("0 of 1 releases added: 0 units, 0 added"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("not aligned: "), "{}", run.stdout);
    assert!(!env.path("new.json").exists() && !env.path("new.json.lock").exists());
    // Conflicting options.
    env.run(&["add", "--batch", "archive", "--en", "x.txt"])
        .fails();
}

#[test]
fn a_release_whose_versions_do_not_translate_each_other_is_refused_and_the_others_stored() {
    let env = Env::new();
    archive(&env, 2);
    env.write(
        "archive/mixed.en.txt",
        "Kostanay grain terminal opens\n\nKOSTANAY, 5 May 2026 – Minister Aidar Bekov opened the grain terminal of Kostanay region. The terminal will ship 250,000 tonnes a year to China and Uzbekistan. Construction cost 12 billion tenge and took 18 months.\n",
    );
    env.write(
        "archive/mixed.ru.txt",
        "В Шымкенте открылась неделя вакцинации\n\nШЫМКЕНТ, 14 апреля 2025 г. – Городской акимат открыл неделю вакцинации школьников. Пункты работают в 9 поликлиниках с 8:00 до 17:00. В прошлом году охват достиг 87,5%, сообщила Алия Сапарова.\n",
    );
    let run = env.run(&["add", "--batch", "archive"]).ok();
    assert!(
        run.stdout.contains(
            "refused: archive/mixed.ru.txt does not look like a translation of archive/mixed.en.txt"
        ),
        "{}",
        run.stdout
    );
    let stored = units(&env, "memory");
    assert!(!stored.is_empty());
    assert!(
        stored.iter().all(|u| u.0 != "mixed"),
        "a unit of the refused release was stored"
    );
}

#[test]
fn word_html_and_markdown_releases_are_added_like_text() {
    let env = Env::new();
    env.write("docs/water.en.docx", common::docs::docx(&common::docs::EN));
    env.write(
        "docs/water.ru.html",
        common::docs::html(&common::docs::RU, "ru"),
    );
    env.write(
        "docs/water.kk.md",
        common::docs::markdown(&common::docs::KK),
    );
    env.write("plain/water.en.txt", common::docs::txt(&common::docs::EN));
    env.write("plain/water.ru.txt", common::docs::txt(&common::docs::RU));
    env.write("plain/water.kk.txt", common::docs::txt(&common::docs::KK));
    env.run(&["add", "--batch", "docs", "--memory", "from-docs.json"])
        .ok();
    env.run(&["add", "--batch", "plain", "--memory", "from-text.json"])
        .ok();
    let docs = units(&env, "from-docs.json");
    let text = units(&env, "from-text.json");
    assert!(docs.len() >= 6, "{docs:?}");
    // The same texts in the same units, whatever the files were.
    let texts = |u: &[(String, u64, String, String, String)]| -> Vec<(String, String, String)> {
        u.iter()
            .map(|x| (x.2.clone(), x.3.clone(), x.4.clone()))
            .collect()
    };
    assert_eq!(texts(&docs), texts(&text));
}
