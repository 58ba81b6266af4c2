//! `tm remove`: units or a whole release out of the memory.

mod common;
mod fixture;

use pretty_assertions::assert_eq;

use fixture::{assert_untouched, ids, setup, unit, MISSING};

#[test]
fn removes_units_by_id() {
    let env = setup();
    let run = env
        .run(&["remove", "0000000000a3", "0000000000c1", "--yes"])
        .ok();
    assert_eq!(run.stdout, "removed 2 units from memory\n");
    assert_eq!(
        ids(&env),
        [
            "0000000000a1",
            "0000000000a2",
            "0000000000b1",
            "0000000000b2"
        ]
    );
    // The units that stay are exactly as they were.
    assert_eq!(
        unit(&env, "0000000000a2"),
        serde_json::from_str::<serde_json::Value>(fixture::MEMORY).unwrap()["units"][1]
    );
}

#[test]
fn removes_a_release_and_promotes_its_alternative() {
    let env = setup();
    let run = env.run(&["remove", "--release", "spring-forum", "-y"]).ok();
    assert_eq!(
        run.stdout,
        "removed 3 units of release 'spring-forum' from memory; \
         1 alternative translation(s) became the main one\n"
    );
    assert_eq!(ids(&env), ["0000000000b1", "0000000000b2", "0000000000c1"]);
    let b2 = unit(&env, "0000000000b2");
    assert_eq!(b2.get("alternative_of"), None);
    assert_ne!(b2["changed"], "2026-05-20T14:30:00Z");
    assert_eq!(b2["created"], "2026-05-20T14:30:00Z");
    // Still a memory tm reads.
    let run = env.run(&["stats", "--format", "json"]).ok();
    assert_eq!(run.json()["alternatives"], 0);
}

#[test]
fn removing_an_alternative_leaves_its_primary_alone() {
    let env = setup();
    let run = env.run(&["remove", "0000000000b2", "--yes"]).ok();
    assert_eq!(run.stdout, "removed 1 unit from memory\n");
    assert_eq!(
        unit(&env, "0000000000a1")["changed"],
        "2026-03-02T09:00:00Z"
    );
}

#[test]
fn without_a_terminal_it_needs_yes() {
    let env = setup();
    let run = env.run(&["remove", "--release", "water-report"]).fails();
    assert_eq!(
        run.stderr,
        "tm: memory: not removing 2 units of release 'water-report': \
         standard input is not a terminal, so confirm with --yes\n"
    );
    assert_untouched(&env);
    // An answer piped in is not a confirmation either.
    let run = answer_piped(&env, &["remove", "0000000000a1"], b"y\n").fails();
    assert_eq!(
        run.stderr,
        "tm: memory: not removing 1 unit: standard input is not a terminal, so confirm with --yes\n"
    );
    assert_untouched(&env);
}

#[test]
fn unknown_id_removes_nothing() {
    let env = setup();
    for args in [
        &["remove", "0000000000a1", "ffffffffffff", "--yes"][..],
        &["remove", "0000000000a1", "ffffffffffff"][..],
    ] {
        let run = env.run(args).fails();
        assert_eq!(
            run.stderr,
            "tm: memory: no unit with id 'ffffffffffff' (see `tm list`)\n"
        );
        assert_eq!(run.stdout, "");
        assert_untouched(&env);
    }
}

#[test]
fn unknown_release_removes_nothing() {
    let env = setup();
    let run = env
        .run(&["remove", "--release", "autumn-forum", "--yes"])
        .fails();
    assert_eq!(
        run.stderr,
        "tm: memory: no release named 'autumn-forum' (see `tm stats` for the releases)\n"
    );
    assert_untouched(&env);
}

#[test]
fn ids_and_release_do_not_mix() {
    let env = setup();
    let run = env
        .run(&[
            "remove",
            "0000000000a1",
            "--release",
            "water-report",
            "--yes",
        ])
        .fails();
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    let run = env.run(&["remove", "--yes"]).fails();
    assert!(run.stderr.contains("required"), "{}", run.stderr);
    assert_untouched(&env);
}

#[test]
fn missing_memory_is_an_error() {
    let env = common::Env::new();
    let run = env.run(&["remove", "0000000000a1", "--yes"]).fails();
    assert_eq!(run.stderr, MISSING);
    assert!(!env.path("memory").exists());
}

/// Runs tm with `answer` on a pipe as standard input. tm may exit before
/// reading it, so a failed write is expected.
fn answer_piped(env: &common::Env, args: &[&str], answer: &[u8]) -> common::Run {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = env
        .cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running tm");
    let _ = child.stdin.take().expect("stdin").write_all(answer);
    common::output(child.wait_with_output().expect("tm ran"))
}

/// Runs `tm args` on a terminal (a pseudo-terminal made by util-linux
/// `script`) with `answer` typed in; `None` where `script` is missing.
fn on_terminal(env: &common::Env, args: &str, answer: &[u8]) -> Option<common::Run> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_tm"));
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env.dir.path())
        .env_remove("TM_MEMORY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let _ = child.stdin.take()?.write_all(answer);
    Some(common::output(child.wait_with_output().ok()?))
}

#[test]
fn on_a_terminal_it_asks() {
    let env = setup();
    let Some(run) = on_terminal(&env, "remove --release water-report", b"n\n") else {
        eprintln!("no `script` here: the terminal prompt is not tested");
        return;
    };
    // The terminal echoes the typed answer wherever it lands in the output
    // (even inside the prompt when typed early), so it is taken out first.
    let screen = run.stdout.replace('\r', "").replacen("n\n", "", 1);
    assert!(
        screen.contains(
            "Remove 2 units of release 'water-report' from memory? [y/N] Nothing removed."
        ),
        "{screen}"
    );
    assert_untouched(&env);
    let run = on_terminal(&env, "remove 0000000000a3", b"y\n").expect("script ran before");
    let screen = run.stdout.replace('\r', "").replacen("y\n", "", 1);
    assert!(screen.contains("removed 1 unit from memory"), "{screen}");
    assert!(!ids(&env).contains(&"0000000000a3".to_string()));
}
