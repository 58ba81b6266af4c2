//! A press office sharing one memory in git: two people clone it, each adds
//! a release, commits everything (`git add -A`), and the second pulls the
//! first's work. The merge has no conflict, and the merged memory lists and
//! suggests both releases; derived files and locks never reach git.

mod common;

use std::path::Path;
use std::process::Command;

use common::releases::release;
use common::{memory_units, Env};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Press Office",
            "-c",
            "user.email=press@example.org",
        ])
        .args(["-c", "init.defaultBranch=main", "-c", "pull.rebase=false"])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("running git");
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Adds release `n` (three languages) to the default memory of `clone`.
fn add(env: &Env, clone: &str, n: usize, sentences: usize) {
    let (en, ru, kk) = release(n, sentences);
    for (lang, text) in [("en", &en), ("ru", &ru), ("kk", &kk)] {
        env.write(&format!("{clone}/releases/r{n}.{lang}.txt"), text);
    }
    let mut cmd = env.cmd(&[]);
    let f = |lang: &str| format!("releases/r{n}.{lang}.txt");
    let out = cmd
        .current_dir(env.path(clone))
        .args(["add", "--en", &f("en"), "--ru", &f("ru"), "--kk", &f("kk")])
        .args(["--id", &format!("r{n}")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn two_clones_add_releases_and_merge_without_conflict() {
    let env = Env::new();
    // The office's shared repository, with a first release in it.
    std::fs::create_dir(env.path("office")).unwrap();
    git(&env.path("office"), &["init", "-q"]);
    add(&env, "office", 1, 4);
    // Suggest once so derived files exist before the first commit.
    env.write("office/new.en.txt", release(1, 4).0);
    let mut cmd = env.cmd(&["suggest", "new.en.txt"]);
    assert!(cmd
        .current_dir(env.path("office"))
        .output()
        .unwrap()
        .status
        .success());
    git(&env.path("office"), &["add", "-A"]);
    git(&env.path("office"), &["commit", "-qm", "first release"]);
    let tracked = git(&env.path("office"), &["ls-files"]);
    assert!(tracked.contains("memory/units/r1.json"), "{tracked}");
    assert!(
        !tracked.contains(".cache") && !tracked.contains(".lock"),
        "derived files or locks are tracked:\n{tracked}"
    );
    // The shared server copy, as on a network share or a git host.
    git(
        env.dir.path(),
        &["clone", "-q", "--bare", "office", "office.git"],
    );
    git(env.dir.path(), &["clone", "-q", "office.git", "aigerim"]);
    git(env.dir.path(), &["clone", "-q", "office.git", "daniyar"]);

    // Each adds a release of their own; Daniyar's repeats a sentence of
    // the first release, which must not make a conflict either.
    add(&env, "aigerim", 2, 5);
    add(&env, "daniyar", 3, 3);
    add(&env, "daniyar", 1, 4);
    for who in ["aigerim", "daniyar"] {
        git(&env.path(who), &["add", "-A"]);
        git(
            &env.path(who),
            &["commit", "-qm", &format!("{who}'s release")],
        );
    }
    git(&env.path("aigerim"), &["push", "-q", "origin", "HEAD:main"]);
    // A plain pull merges: no conflict (git exits non-zero on one).
    git(
        &env.path("daniyar"),
        &["pull", "-q", "--no-edit", "origin", "main"],
    );
    git(&env.path("daniyar"), &["push", "-q", "origin", "HEAD:main"]);
    git(
        &env.path("aigerim"),
        &["pull", "-q", "--no-edit", "origin", "main"],
    );

    for who in ["aigerim", "daniyar"] {
        let units = memory_units(&env.path(who).join("memory"));
        let releases: std::collections::BTreeSet<&str> =
            units.iter().filter_map(|u| u["release"].as_str()).collect();
        assert_eq!(
            releases.into_iter().collect::<Vec<_>>(),
            ["r1", "r2", "r3"],
            "{who}"
        );
        assert_eq!(units.len(), 4 + 5 + 3, "{who}");
        // tm catches up after the pull: list and suggest see both releases.
        for n in [2, 3] {
            let (en, _, _) = release(n, 2);
            let new = env.write(&format!("{who}/check-{n}.en.txt"), &en);
            let mut cmd = env.cmd(&["suggest", new.to_str().unwrap(), "--format", "json"]);
            let out = cmd.current_dir(env.path(who)).output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let first = &json["segments"][0]["matches"][0];
            assert_eq!(first["score"], 100.0, "{who}, release {n}: {json}");
        }
        let mut cmd = env.cmd(&["list", "--release", "r3", "--format", "json"]);
        let out = cmd.current_dir(env.path(who)).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        git(&env.path("aigerim"), &["rev-parse", "HEAD"]),
        git(&env.path("daniyar"), &["rev-parse", "HEAD"])
    );
}

#[test]
fn an_unresolved_conflict_is_named_with_its_line() {
    let env = Env::new();
    add(&env, "office", 1, 3);
    let part = env.path("office/memory/units/r1.json");
    let text = std::fs::read_to_string(&part).unwrap();
    // The start of the line that holds the first Russian text.
    let at = text[..text.find("\"ru\"").unwrap()].rfind('\n').unwrap() + 1;
    let line = text[..at].matches('\n').count() + 1;
    let (before, after) = text.split_at(at);
    let conflicted = format!(
        "{before}<<<<<<< HEAD\n      \"ru\": \"Один вариант.\",\n=======\n      \"ru\": \"Другой вариант.\",\n>>>>>>> theirs\n{after}"
    );
    std::fs::write(&part, conflicted).unwrap();
    let out = env
        .cmd(&["--memory", "office/memory", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("units/r1.json:{line}:1:")) && err.contains("git merge conflict"),
        "{err}"
    );
}
