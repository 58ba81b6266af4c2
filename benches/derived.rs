//! Benchmark of the derived files of a folder memory (issue 12): `tm
//! suggest` run as people run it (the release binary, a 40-sentence
//! release) on a folder memory of releases of 40 units — cold (no derived
//! file), warm, the first run after one release was added (a delta), and
//! the run after a tenth of the memory was added (everything merged into a
//! new base) — and the size of the derived files beside the memory's own.
//!
//! ```text
//! cargo build --release && TM_BENCH_UNITS=100000 cargo bench --bench derived
//! ```
//! Data: `../shared/eval/fuzzy/gen_tm.py` when present (its units put into
//! releases), else a small generator here; it goes to `$TM_BENCH_DIR`
//! (default `/tmp/tm-bench`). Peak memory comes from `/usr/bin/time`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde::Deserialize;
use tm::memory::file::{to_json, FOLDER_VERSION};
use tm::memory::folder::{save, Snapshot};
use tm::memory::{Memory, Unit};
use tm::Lang;

/// Units in each generated release (a press release's sentences).
const RELEASE: usize = 40;

fn dir() -> PathBuf {
    PathBuf::from(std::env::var("TM_BENCH_DIR").unwrap_or_else(|_| "/tmp/tm-bench".into()))
}

fn units_wanted() -> usize {
    std::env::var("TM_BENCH_UNITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000)
}

#[derive(Deserialize)]
struct GenFile {
    units: Vec<GenUnit>,
}

#[derive(Deserialize)]
struct GenUnit {
    en: String,
    ru: Option<String>,
    kk: Option<String>,
}

/// `n` units as texts (en, ru, kk): the eval kit's when it is there.
fn texts(n: usize) -> Vec<(String, Option<String>, Option<String>)> {
    let d = dir();
    std::fs::create_dir_all(&d).unwrap();
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/fuzzy/gen_tm.py");
    let source = d.join(format!("tm_{n}.json"));
    if gen.exists() {
        if !source.exists() {
            let ok = Command::new("python3")
                .arg(&gen)
                .args(["--out", d.to_str().unwrap(), "--sizes", &n.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "gen_tm.py failed");
        }
        let g: GenFile = serde_json::from_slice(&std::fs::read(&source).unwrap()).unwrap();
        return g.units.into_iter().map(|u| (u.en, u.ru, u.kk)).collect();
    }
    // A stand-in: sentences of 12–30 words from a small vocabulary.
    let mut seed = 0x2545F4914F6CDD1Du64;
    let mut rnd = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let mut out = Vec::with_capacity(n);
    let mut queries = Vec::new();
    for i in 0..n {
        let len = 12 + rnd(19);
        let en: Vec<String> = (0..len)
            .map(|_| format!("w{}", rnd(3000).min(rnd(3000))))
            .collect();
        let en = en.join(" ");
        if i < 40 {
            queries.push(en.clone());
        }
        out.push((en.clone(), Some(format!("ru {en}")), None));
    }
    std::fs::write(d.join("queries.txt"), queries.join("\n") + "\n").unwrap();
    out
}

/// Unit `i` of release `release`.
fn unit(i: usize, release: &str, (en, ru, kk): (String, Option<String>, Option<String>)) -> Unit {
    let mut u = Unit::new(format!("{release}-{i}"), "2026-01-01T00:00:00Z");
    u.set_text(Lang::En, Some(en));
    u.set_text(Lang::Ru, ru);
    u.set_text(Lang::Kk, kk);
    u.release = Some(release.to_string());
    u.position = Some(i % RELEASE);
    u
}

/// Writes one release's part file as tm writes it.
fn write_release(memory: &Path, release: &str, units: Vec<Unit>) {
    let refs: Vec<&Unit> = units.iter().collect();
    let mut bytes = Vec::new();
    to_json(&refs, FOLDER_VERSION, &mut bytes).unwrap();
    std::fs::write(memory.join("units").join(format!("{release}.json")), bytes).unwrap();
}

/// The folder memory of `n` units in releases of [`RELEASE`], made once.
fn prepare(n: usize) -> PathBuf {
    let memory = dir().join(format!("folder_{n}"));
    if memory.join("tm-memory.json").exists() {
        return memory;
    }
    let units = texts(n)
        .into_iter()
        .enumerate()
        .map(|(i, t)| unit(i, &format!("rel-{:06}", i / RELEASE), t))
        .collect();
    let tmp = dir().join(format!("folder_{n}.tmp"));
    let _ = std::fs::remove_dir_all(&tmp);
    save(&tmp, &Memory { units }, &Snapshot::default()).unwrap();
    std::fs::rename(&tmp, &memory).unwrap();
    memory
}

/// One `tm suggest` of the queries as a release: seconds, peak MB, and
/// what it said of the index.
fn suggest(memory: &Path) -> (f64, f64, String) {
    let release = dir().join("queries.txt");
    let started = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "peak-kb %M"])
        .arg(env!("CARGO_BIN_EXE_tm"))
        .args(["suggest", "--from", "en", "--format", "json", "--memory"])
        .arg(memory)
        .arg(&release)
        .env("TM_SHOW_INDEX", "1")
        .output()
        .unwrap();
    let secs = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let find = |prefix: &str| {
        stderr
            .lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_default()
            .to_string()
    };
    let peak = find("peak-kb ").trim().parse::<f64>().unwrap_or(f64::NAN) / 1024.0;
    (secs, peak, find("tm: index: "))
}

/// The bytes of the files under `dir`.
fn size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| {
                    let meta = e.metadata().unwrap();
                    if meta.is_dir() {
                        size(&e.path())
                    } else {
                        meta.len()
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// The median of three warm runs.
fn warm(memory: &Path) -> (f64, f64, String) {
    let mut runs: Vec<(f64, f64, String)> = (0..3).map(|_| suggest(memory)).collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs.swap_remove(1)
}

fn row(what: &str, (secs, peak, said): &(f64, f64, String), warm: f64) {
    println!(
        "| {what} | {secs:.3} | {:.1}× | {peak:.0} | {said} |",
        secs / warm
    );
}

fn main() {
    // `cargo test --all-targets` runs this too, without `--bench`.
    if !std::env::args().any(|a| a == "--bench") {
        println!("run with `cargo bench --bench derived`");
        return;
    }
    let n = units_wanted();
    let memory = prepare(n);
    let cache = memory.join(".cache");
    let _ = std::fs::remove_dir_all(&cache);
    // Releases added during a run are removed at the start of the next.
    for e in std::fs::read_dir(memory.join("units")).unwrap().flatten() {
        if e.file_name().to_string_lossy().starts_with("added-") {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    let memory_bytes = size(&memory);
    let cold = suggest(&memory);
    let derived_bytes = size(&cache);
    let base = warm(&memory);
    let w = base.0;
    // One release added: 40 units, as `tm add` writes them.
    let pool = texts(n);
    let added: Vec<Unit> = (0..RELEASE)
        .map(|i| unit(i, "added-000000", pool[(i * 7919) % n].clone()))
        .collect();
    write_release(&memory, "added-000000", added);
    let first = suggest(&memory);
    let after = warm(&memory);
    // A tenth of the memory added: everything merged into a new base.
    let releases = n / 10 / RELEASE + 1;
    for r in 1..=releases {
        let name = format!("added-{r:06}");
        let units = (0..RELEASE)
            .map(|i| unit(i, &name, pool[(r * RELEASE + i) * 31 % n].clone()))
            .collect();
        write_release(&memory, &name, units);
    }
    let merged = suggest(&memory);
    let merged_warm = warm(&memory);
    println!("{n} units in releases of {RELEASE}; a 40-sentence release suggested from the memory");
    println!();
    println!("| run | s | × warm | peak MB | index |");
    println!("|---|---:|---:|---:|---|");
    row("cold: no derived file", &cold, w);
    row("warm", &base, w);
    row("first after one release added", &first, w);
    row("warm after it", &after, w);
    row(
        &format!("first after a tenth added ({releases} releases)"),
        &merged,
        w,
    );
    row("warm after the merge", &merged_warm, w);
    println!();
    println!(
        "memory files {:.1} MB, derived files {:.1} MB ({:.2}× the memory)",
        memory_bytes as f64 / 1e6,
        derived_bytes as f64 / 1e6,
        derived_bytes as f64 / memory_bytes as f64
    );
}
