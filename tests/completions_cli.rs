//! `tm completions`, `tm man`, and the examples in `--help`.

mod common;

use common::Env;

const SUBCOMMANDS: [&str; 8] = [
    "concord",
    "list",
    "remove",
    "edit",
    "review",
    "stats",
    "completions",
    "man",
];

#[test]
fn completion_scripts_know_the_subcommands() {
    let env = Env::new();
    let bash = env.run(&["completions", "bash"]).ok();
    assert!(bash.stdout.contains("_tm()"), "{}", bash.stdout);
    let zsh = env.run(&["completions", "zsh"]).ok();
    assert!(zsh.stdout.starts_with("#compdef tm"), "{}", zsh.stdout);
    let fish = env.run(&["completions", "fish"]).ok();
    for name in SUBCOMMANDS {
        assert!(bash.stdout.contains(name), "bash lacks {name}");
        assert!(
            zsh.stdout.contains(&format!("'{name}:")),
            "zsh lacks {name}"
        );
        assert!(
            fish.stdout.contains(&format!("-a \"{name}\"")),
            "fish lacks {name}"
        );
    }
    // Options come from the same definitions.
    assert!(fish.stdout.contains("-l accept-all"), "{}", fish.stdout);
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let env = Env::new();
    let run = env.run(&["completions", "tcsh"]).fails();
    assert!(
        run.stderr.contains("invalid value 'tcsh'"),
        "{}",
        run.stderr
    );
}

#[test]
fn man_page_to_stdout_and_to_a_directory() {
    let env = Env::new();
    let run = env.run(&["man"]).ok();
    assert!(run.stdout.contains(".TH tm 1"), "{}", run.stdout);
    assert!(run.stdout.contains("tm\\-concord(1)"), "{}", run.stdout);
    let run = env.run(&["man", "--out", "man1"]).ok();
    assert_eq!(run.stdout, "wrote the manual pages to man1\n");
    for name in SUBCOMMANDS {
        let page = std::fs::read_to_string(env.path(&format!("man1/tm-{name}.1")))
            .unwrap_or_else(|e| panic!("tm-{name}.1: {e}"));
        assert!(page.contains(&format!(".TH tm-{name} 1")), "{page}");
    }
    assert!(env.path("man1/tm.1").exists());
}

#[test]
fn every_help_shows_an_example() {
    let env = Env::new();
    let run = env.run(&["--help"]).ok();
    assert!(run.stdout.contains("Examples:\n  tm "), "{}", run.stdout);
    for name in SUBCOMMANDS.iter().chain(&["segment"]) {
        let run = env.run(&[name, "--help"]).ok();
        assert!(
            run.stdout.contains("Example:\n  tm ") || run.stdout.contains("Examples:\n  tm "),
            "tm {name} --help has no example:\n{}",
            run.stdout
        );
    }
}
