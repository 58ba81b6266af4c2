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
