//! Guarantee: a writer killed at any moment leaves the memory as it was or
//! as it would have been, never a mix or a truncation, and the next writer
//! cleans up what the killed one left behind.

mod common;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::releases::{memory_json, release};
use common::Env;

/// Stored units before the test starts: large enough (several MB) that a
/// write takes long enough to be interrupted in the middle.
const STORED: usize = 8_000;
const KILLS: usize = 50;

/// A small deterministic generator, so that a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn spawn_add(env: &Env, n: usize) -> Child {
    let (en, ru, kk) = release(n, 6);
    let en = env.write(&format!("r{n}.en.txt"), en);
    let ru = env.write(&format!("r{n}.ru.txt"), ru);
    let kk = env.write(&format!("r{n}.kk.txt"), kk);
    env.cmd(&[
        "add",
        "--en",
        en.to_str().unwrap(),
        "--ru",
        ru.to_str().unwrap(),
        "--kk",
        kk.to_str().unwrap(),
        "--id",
        &format!("release-{n}"),
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap()
}

/// The units stored, counted through the memory's files as they are on
/// disk (panics if any is not whole JSON).
fn unit_count(memory: &Path) -> usize {
    common::memory_units(memory).len()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .expect("kill");
    // The process may have finished already; that is a moment like any other.
    let _ = status;
}

/// Kills writers at spread-out moments with `sig` and checks the memory after
/// each kill.
fn interrupt_repeatedly(sig: &str, seed: u64, folder: bool) {
    let env = Env::new();
    env.write("memory/tm.json", memory_json(STORED));
    let memory = if folder {
        env.run(&["migrate"]).ok();
        env.path("memory")
    } else {
        env.path("memory/tm.json")
    };

    // Uninterrupted runs tell how long a write takes on this machine, so
    // that the kill moments cover all of it; the middle of three is taken.
    let mut spans: Vec<u64> = (0..3)
        .map(|i| {
            let started = Instant::now();
            let status = spawn_add(&env, 1000 + i).wait().unwrap();
            assert!(status.success());
            started.elapsed().as_micros() as u64
        })
        .collect();
    spans.sort_unstable();
    let mut span = spans[1];
    let mut count = unit_count(&memory);
    assert_eq!(count, STORED + 3 * 6);

    let mut rng = Lcg(seed);
    let mut interrupted = 0;
    for n in 1..=KILLS {
        let before = common::memory_bytes(&memory);
        let mut child = spawn_add(&env, n);
        std::thread::sleep(Duration::from_micros(rng.below(span * 11 / 10)));
        signal(&child, sig);
        let status = child.wait().unwrap();
        interrupted += usize::from(!status.success());
        // The machine is shared and its speed changes: a run that finished
        // before its kill says the window was too wide, one that did not
        // says it may be too narrow.
        span = if status.success() {
            span * 4 / 5
        } else {
            span * 21 / 20
        };
        let after = unit_count(&memory);
        if after == count {
            assert_eq!(
                common::memory_bytes(&memory),
                before,
                "kill {n}: same count, other bytes"
            );
        } else {
            assert_eq!(after, count + 6, "kill {n} (seed {seed}): a partial write");
            count = after;
        }
    }
    eprintln!("{sig}: {interrupted} of {KILLS} writers interrupted, {count} units at the end");
    // Half of the moments at least must have hit a running writer, or the
    // test proved nothing.
    assert!(
        interrupted >= KILLS / 2,
        "only {interrupted} of {KILLS} runs were interrupted"
    );

    let status = spawn_add(&env, KILLS + 1).wait().unwrap();
    assert!(status.success());
    assert_eq!(unit_count(&memory), count + 6);
    assert_eq!(leftovers(&env.path("memory")), Vec::<String>::new());
    if folder {
        assert_eq!(leftovers(&env.path("memory/units")), Vec::<String>::new());
    }
}

#[test]
fn sigkill_at_random_moments_never_leaves_a_broken_memory() {
    interrupt_repeatedly("-KILL", 0x5eed_0001, false);
}

#[test]
fn ctrl_c_leaves_the_memory_old_or_new() {
    interrupt_repeatedly("-INT", 0x5eed_0002, false);
}

#[test]
fn sigkill_never_leaves_a_broken_folder_memory() {
    interrupt_repeatedly("-KILL", 0x5eed_0003, true);
}

/// A cache temporary file left by a killed `tm suggest` is removed by the
/// next writer once it is old; a fresh one (a reader may be writing it right
/// now) is left alone.
#[test]
fn stale_cache_temporaries_are_cleaned_up() {
    let env = Env::new();
    env.write("memory/tm.json", memory_json(10));
    let stale = env.write("memory/.tm.json.en.cache.tmp-999999", "half a cache");
    let stale_lexicon = env.write("memory/.tm.json.lexicon.tmp-999997-0", "half a lexicon");
    let fresh = env.write("memory/.tm.json.ru.cache.tmp-999998", "being written");
    let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
    for old in [&stale, &stale_lexicon] {
        std::fs::File::options()
            .write(true)
            .open(old)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    assert!(spawn_add(&env, 1).wait().unwrap().success());
    assert!(!stale.exists(), "a stale cache temporary was left");
    assert!(
        !stale_lexicon.exists(),
        "a stale lexicon temporary was left"
    );
    assert!(fresh.exists(), "a fresh cache temporary was removed");
}

/// A folder memory of `n` units in releases of 100, written by tm's own
/// writer, starting at unit `from`.
fn folder_units(dir: &Path, from: usize, n: usize, release: &str) {
    use tm::memory::folder::{load, save, Snapshot};
    use tm::memory::{Memory, Unit};
    let (mut memory, before) =
        load(dir).unwrap_or_else(|_| (Memory::default(), Snapshot::default()));
    for i in from..from + n {
        let mut u = Unit::new(format!("u{i}"), "2026-01-01T00:00:00Z");
        u.en = Some(format!(
            "The office in district {} trained {} officials on open data.",
            i % 97,
            i
        ));
        u.ru = Some(format!(
            "Офис в районе {} обучил {} чиновников работе с открытыми данными.",
            i % 97,
            i
        ));
        u.release = Some(format!("{release}-{}", (i - from) / 100));
        u.position = Some(i % 100);
        memory.units.push(u);
    }
    save(dir, &memory, &before).unwrap();
}

/// `tm suggest` of the sentences in `dir/new.txt` as JSON, through the
/// memory in `dir/memory`.
fn suggest_output(dir: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tm"))
        .args(["suggest", "new.txt", "--format", "json", "--top", "4"])
        .current_dir(dir)
        .env_remove("TM_MEMORY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A `tm suggest` killed while it indexes new files, writes a delta or
/// merges segments leaves derived files from which the next `tm suggest`
/// gives exactly what an index built afresh gives.
#[test]
fn sigkill_while_writing_index_segments_never_changes_the_matches() {
    let env = Env::new();
    let memory = env.path("memory");
    folder_units(&memory, 0, 3000, "old");
    env.write(
        "new.txt",
        "The office in district 5 trained 1945 officials on open data. \
         The office in district 12 trained 40 officials on open data. \
         The office in district 80 trained 9000 officials.\n",
    );
    suggest_output(env.dir.path());
    let fresh = || {
        let copy = tempfile::tempdir().unwrap();
        let to = copy.path().join("memory");
        std::fs::create_dir_all(to.join("units")).unwrap();
        std::fs::copy(memory.join("tm-memory.json"), to.join("tm-memory.json")).unwrap();
        for e in std::fs::read_dir(memory.join("units")).unwrap().flatten() {
            std::fs::copy(e.path(), to.join("units").join(e.file_name())).unwrap();
        }
        std::fs::copy(env.path("new.txt"), copy.path().join("new.txt")).unwrap();
        suggest_output(copy.path())
    };
    // An uninterrupted run after a new file tells how long one takes here,
    // so that the kill moments cover all of it.
    let mut next = 3000;
    let mut add = |n: usize| {
        // New files of 200 units: a delta each, merged as they add up.
        folder_units(&memory, next, 200, &format!("new{n}"));
        next += 200;
    };
    add(0);
    let started = Instant::now();
    suggest_output(env.dir.path());
    let mut span = started.elapsed().as_micros() as u64;
    let mut rng = Lcg(0x5eed_0003);
    let mut interrupted = 0;
    let kills = 10;
    for n in 1..=kills {
        add(n);
        let mut child = env
            .cmd(&["suggest", "new.txt", "--format", "json"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span * 11 / 10)));
        signal(&child, "-KILL");
        let status = child.wait().unwrap();
        interrupted += usize::from(!status.success());
        // As above: the window follows the machine's speed.
        span = if status.success() {
            span * 4 / 5
        } else {
            span * 21 / 20
        };
        assert_eq!(suggest_output(env.dir.path()), fresh(), "kill {n}");
    }
    eprintln!("{interrupted} of {kills} runs of tm suggest interrupted");
    assert!(
        interrupted >= kills / 3,
        "only {interrupted} of {kills} runs were interrupted"
    );
}
