//! How tm treats the files it is given, whatever the layout: links stay
//! links, modes stay, a read-only memory is refused (even for root), a dry
//! run creates nothing, a field tm does not know is refused rather than
//! dropped, and no export or draft ever lands on the memory.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::releases::release;
use common::{memory_bytes, memory_units, Env};

/// Writes release `n` in three languages and adds it to `memory`.
fn add(env: &Env, memory: &str, n: usize) -> common::Run {
    let (en, ru, kk) = release(n, 3);
    let name = format!("r{n}");
    for (lang, text) in [("en", en), ("ru", ru), ("kk", kk)] {
        env.write(&format!("{name}.{lang}.txt"), text);
    }
    env.run(&[
        "--memory",
        memory,
        "add",
        "--en",
        &format!("{name}.en.txt"),
        "--ru",
        &format!("{name}.ru.txt"),
        "--kk",
        &format!("{name}.kk.txt"),
        "--id",
        &name,
    ])
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_memory_reached_through_a_link_stays_shared() {
    let env = Env::new();
    std::fs::create_dir(env.path("shared")).unwrap();
    // A single file behind a link.
    add(&env, "shared/tm.json", 1).ok();
    std::os::unix::fs::symlink("shared/tm.json", env.path("tm.json")).unwrap();
    add(&env, "tm.json", 2).ok();
    let link = std::fs::symlink_metadata(env.path("tm.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(memory_units(&env.path("shared/tm.json")).len(), 6);
    // A folder memory behind a link, and a unit file behind one inside it.
    add(&env, "shared/team", 1).ok();
    std::os::unix::fs::symlink("shared/team", env.path("team")).unwrap();
    add(&env, "team", 2).ok();
    assert!(std::fs::symlink_metadata(env.path("team"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(memory_units(&env.path("shared/team")).len(), 6);
}

#[test]
fn modes_are_kept() {
    let env = Env::new();
    add(&env, "tm.json", 1).ok();
    chmod(&env.path("tm.json"), 0o640);
    add(&env, "tm.json", 2).ok();
    assert_eq!(mode(&env.path("tm.json")), 0o640);
    add(&env, "memory", 1).ok();
    let part = env.path("memory/units/r1.json");
    chmod(&part, 0o664);
    // Kazakh arrives later and rewrites the release's file.
    let (en, _, kk) = release(1, 3);
    env.write("late.en.txt", en);
    env.write("late.kk.txt", kk);
    env.run(&[
        "add",
        "--en",
        "late.en.txt",
        "--kk",
        "late.kk.txt",
        "--id",
        "r1",
    ])
    .ok();
    assert_eq!(mode(&part), 0o664);
}

#[test]
fn a_read_only_memory_is_refused_even_for_root() {
    let env = Env::new();
    add(&env, "tm.json", 1).ok();
    chmod(&env.path("tm.json"), 0o444);
    let before = memory_bytes(&env.path("tm.json"));
    let run = add(&env, "tm.json", 2).fails();
    assert!(
        run.stderr.contains("tm.json: the file is read-only"),
        "{}",
        run.stderr
    );
    assert_eq!(memory_bytes(&env.path("tm.json")), before);
    // A folder memory is read-only when its header is.
    add(&env, "memory", 1).ok();
    chmod(&env.path("memory/tm-memory.json"), 0o444);
    let before = memory_bytes(&env.path("memory"));
    let run = add(&env, "memory", 2).fails();
    assert!(
        run.stderr.contains("tm-memory.json: the file is read-only"),
        "{}",
        run.stderr
    );
    let run = env.run(&["remove", "--yes", "--release", "r1"]).fails();
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert_eq!(memory_bytes(&env.path("memory")), before);
    // Reading is still fine.
    env.run(&["list"]).ok();
}

#[test]
fn a_dry_run_creates_nothing() {
    let env = Env::new();
    env.write("units.tsv", "en\tru\nThe hall opened.\tЗал открылся.\n");
    env.run(&["import", "--dry-run", "units.tsv"]).ok();
    assert!(!env.path("memory").exists());
    env.run(&["--memory", "x.json", "import", "--dry-run", "units.tsv"])
        .ok();
    assert!(std::fs::read_dir(env.dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with("x.json")));
    // An existing memory gains no lock file or cache either.
    add(&env, "memory", 1).ok();
    std::fs::remove_file(env.path("memory/.lock")).unwrap();
    // Derived files (git-ignored caches) may be written by any reader;
    // the memory's own files and its lock may not.
    let listing = |env: &Env| {
        let mut names: Vec<String> = walk(&env.path("memory"));
        names.retain(|n| !n.contains("/.cache/"));
        names.sort();
        names
    };
    let before = listing(&env);
    env.run(&["import", "--dry-run", "units.tsv"]).ok();
    let (en, ru, _) = release(5, 2);
    env.write("d.en.txt", en);
    env.write("d.ru.txt", ru);
    env.run(&["add", "--dry-run", "--en", "d.en.txt", "--ru", "d.ru.txt"])
        .ok();
    assert_eq!(listing(&env), before);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

#[test]
fn an_unknown_field_is_refused_not_dropped() {
    let env = Env::new();
    add(&env, "memory", 1).ok();
    let part = env.path("memory/units/r1.json");
    let text = std::fs::read_to_string(&part).unwrap();
    let edited = text.replacen(
        "\"created\"",
        "\"reviewer\": \"Aigerim\",\n      \"created\"",
        1,
    );
    std::fs::write(&part, &edited).unwrap();
    let before = memory_bytes(&env.path("memory"));
    for args in [vec!["list"], vec!["remove", "--yes", "--release", "r1"]] {
        let run = env.run(&args).fails();
        assert!(
            run.stderr.contains("units/r1.json:")
                && run.stderr.contains("unknown field `reviewer`"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(memory_bytes(&env.path("memory")), before);
}

#[test]
fn drafts_never_replace_the_memory_or_an_existing_file() {
    let env = Env::new();
    add(&env, "memory", 1).ok();
    let (en, _, _) = release(1, 3);
    env.write("new.en.txt", &en);
    let before = memory_bytes(&env.path("memory"));
    let run = env
        .run(&["suggest", "new.en.txt", "--draft", "memory/units"])
        .fails();
    assert!(
        run.stderr.contains("this is in the memory"),
        "{}",
        run.stderr
    );
    let run = env
        .run(&[
            "suggest",
            "new.en.txt",
            "--omegat",
            "memory/omegat",
            "--to",
            "ru",
        ])
        .fails();
    assert!(
        run.stderr.contains("this is in the memory"),
        "{}",
        run.stderr
    );
    assert_eq!(memory_bytes(&env.path("memory")), before);
    assert!(!env.path("memory/omegat").exists());
    env.write("drafts/new.ru.txt", "a translator's own work");
    let run = env
        .run(&["suggest", "new.en.txt", "--draft", "drafts", "--to", "ru"])
        .fails();
    assert!(run.stderr.contains("not overwritten"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(env.path("drafts/new.ru.txt")).unwrap(),
        "a translator's own work"
    );
}

#[test]
fn an_old_single_file_memory_is_read_and_converted() {
    let env = Env::new();
    add(&env, "memory/tm.json", 1).ok();
    add(&env, "memory/tm.json", 2).ok();
    let (en, _, _) = release(2, 3);
    env.write("new.en.txt", en.replace("2026", "2027"));
    // The default memory finds the old file where it always was.
    let old = env.run(&["suggest", "new.en.txt", "--format", "json"]).ok();
    let stats = env.run(&["stats"]).ok();
    assert!(
        stats.stdout.contains("memory/tm.json (one file"),
        "{}",
        stats.stdout
    );
    let run = env.run(&["migrate"]).ok();
    assert!(run.stdout.contains("migrated 6 units"), "{}", run.stdout);
    assert!(env.path("memory/tm-memory.json").exists());
    assert!(env.path("memory/tm.json.v1").exists() && !env.path("memory/tm.json").exists());
    let new = env.run(&["suggest", "new.en.txt", "--format", "json"]).ok();
    assert_eq!(old.json(), new.json());
    assert!(env.run(&["stats"]).ok().stdout.contains("(folder)"));
    // A second migration has nothing to do.
    let again = env.run(&["migrate"]).fails();
    assert!(
        again.stderr.contains("folder memory already"),
        "{}",
        again.stderr
    );
}
