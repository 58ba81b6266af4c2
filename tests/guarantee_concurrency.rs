//! Guarantee: writers running at the same time lose nothing and double
//! nothing. Eight `tm add` processes start together, ten rounds over; every
//! unit of every release must be in the memory afterwards, exactly once.

mod common;

use std::collections::HashSet;
use std::process::{Child, Stdio};

use common::releases::release;
use common::{output, Env};

const WRITERS: usize = 8;
const ROUNDS: usize = 10;
const SENTENCES: usize = 4;

fn spawn_add(env: &Env, n: usize) -> Child {
    let (en, ru, kk) = release(n, SENTENCES);
    let files = [("en", en), ("ru", ru), ("kk", kk)].map(|(l, t)| {
        env.write(&format!("r{n}.{l}.txt"), t)
            .to_string_lossy()
            .into_owned()
    });
    let id = format!("release-{n}");
    env.cmd(&[
        "add", "--en", &files[0], "--ru", &files[1], "--kk", &files[2], "--id", &id,
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("spawning tm add")
}

fn stored_english(env: &Env) -> Vec<String> {
    let units = common::memory_units(&env.path("memory"));
    let ids: HashSet<&str> = units.iter().map(|u| u["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), units.len(), "duplicate ids in the memory");
    units
        .iter()
        .map(|u| u["en"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn eight_concurrent_adds_for_ten_rounds_lose_nothing() {
    let env = Env::new();
    let mut expected = HashSet::new();
    for round in 0..ROUNDS {
        let children: Vec<Child> = (0..WRITERS)
            .map(|w| spawn_add(&env, round * WRITERS + w))
            .collect();
        for child in children {
            output(child.wait_with_output().unwrap()).ok();
        }
        for w in 0..WRITERS {
            let (en, _, _) = release(round * WRITERS + w, SENTENCES);
            for s in en.split_inclusive(". ") {
                expected.insert(s.trim().to_string());
            }
        }
        let stored = stored_english(&env);
        let unique: HashSet<String> = stored.iter().cloned().collect();
        assert_eq!(unique.len(), stored.len(), "a unit was stored twice");
        let missing: Vec<_> = expected.difference(&unique).collect();
        assert!(missing.is_empty(), "round {round}: lost units {missing:?}");
        assert_eq!(
            unique.len(),
            expected.len(),
            "round {round}: unexpected units"
        );
    }
    assert_eq!(expected.len(), WRITERS * ROUNDS * SENTENCES);
}

fn spawn_import(env: &Env, n: usize) -> Child {
    let mut tsv = String::from("en\tru\tkk\n");
    for i in 0..SENTENCES {
        tsv.push_str(&format!(
            "Imported sentence {n}-{i} on water.\tИмпортированное предложение {n}-{i} о воде.\tСу туралы {n}-{i} импортталған сөйлем.\n"
        ));
    }
    let file = env.write(&format!("import-{n}.tsv"), tsv);
    env.cmd(&["import", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning tm import")
}

#[test]
fn adds_and_imports_at_once_lose_nothing() {
    let env = Env::new();
    let mut expected = HashSet::new();
    for round in 0..3 {
        let mut children = Vec::new();
        for w in 0..WRITERS / 2 {
            let n = round * WRITERS + w;
            children.push(spawn_add(&env, n));
            children.push(spawn_import(&env, n));
            let (en, _, _) = release(n, SENTENCES);
            for s in en.split_inclusive(". ") {
                expected.insert(s.trim().to_string());
            }
            for i in 0..SENTENCES {
                expected.insert(format!("Imported sentence {n}-{i} on water."));
            }
        }
        for child in children {
            output(child.wait_with_output().unwrap()).ok();
        }
    }
    let stored = stored_english(&env);
    let unique: HashSet<String> = stored.iter().cloned().collect();
    assert_eq!(unique.len(), stored.len(), "a unit was stored twice");
    assert_eq!(unique, expected);
}

/// Readers running while writers replace the file must always see a whole
/// memory: every read succeeds and the unit count never goes down; `tm
/// suggest` (which also rebuilds its cache as the memory changes) always
/// answers with whole JSON and finds the sentence stored before the writes.
#[test]
fn readers_never_see_a_half_written_memory() {
    let env = Env::new();
    // Large enough that each write takes a while, so reads land during writes.
    env.write("memory/tm.json", common::releases::memory_json(3_000));
    let query = env.write(
        "new.en.txt",
        "Stored sentence number 17 about the budget of the city.\n",
    );
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = |args: Vec<String>, check: fn(&serde_json::Value, &mut u64)| {
        let stop = stop.clone();
        let dir = env.dir.path().to_path_buf();
        std::thread::spawn(move || {
            let mut reads = 0;
            let mut state = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_tm"))
                    .args(&args)
                    .current_dir(&dir)
                    .env_remove("TM_MEMORY")
                    .output()
                    .unwrap();
                check(&output(out).ok().json(), &mut state);
                reads += 1;
            }
            reads
        })
    };
    let stats = reader(
        vec!["stats".into(), "--format".into(), "json".into()],
        |v, last| {
            let units = v["units"].as_u64().expect("a unit count");
            assert!(units >= *last, "the memory shrank from {last} to {units}");
            *last = units;
        },
    );
    let suggest = reader(
        vec![
            "suggest".into(),
            query.to_string_lossy().into_owned(),
            "--format".into(),
            "json".into(),
        ],
        |v, _| {
            let best = &v["segments"][0]["matches"][0];
            assert_eq!(best["score"], 100.0, "{v}");
            assert_eq!(
                best["targets"]["ru"],
                "Сохраненное предложение номер 17 о бюджете города."
            );
        },
    );
    for round in 1..=4 {
        let children: Vec<Child> = (0..4).map(|w| spawn_add(&env, round * 4 + w)).collect();
        for child in children {
            output(child.wait_with_output().unwrap()).ok();
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads = stats.join().expect("a reader saw a broken memory");
    let searches = suggest.join().expect("tm suggest saw a broken memory");
    assert!(reads >= 5, "only {reads} reads during the writes");
    assert!(searches >= 2, "only {searches} searches during the writes");
    assert_eq!(stored_english(&env).len(), 3_000 + 16 * SENTENCES);
}
