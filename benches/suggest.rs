//! Benchmark of `tm suggest`'s matcher on generated memories of 10k, 100k
//! and 1M units: ms per query through the index, by brute force (the same
//! score against every unit, behind the index's cheap filters) and naively
//! (every text, already in memory, tokenised and scored in full) in the
//! same run, load time from the JSON and from the derived cache, and peak
//! memory.
//!
//! Data: `../shared/eval/fuzzy/gen_tm.py` when present (its memories are
//! converted to tm's format), else the stand-in generator of
//! `common/press.rs` (`TM_BENCH_STANDIN=1` forces it). Each size is
//! measured in a child process so that peak memory is its own. Under
//! `cargo test` it runs on 2,000 units of the stand-in, as a smoke test.
//!
//! ```text
//! cargo bench --bench suggest                      # 10k, 100k, 1M
//! TM_BENCH_SIZES=10000 cargo bench --bench suggest  # quicker
//! ```
//! Data goes to `$TM_BENCH_DIR` (default `/tmp/tm-bench`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

#[allow(dead_code)] // shared by the benches; each uses a part
mod common;

use common::press::Press;
use serde::Deserialize;
use tm::fuzzy::cache;
use tm::fuzzy::score::{score, Prepared};
use tm::memory::{file, Memory, Unit};
use tm::Lang;

fn dir() -> PathBuf {
    PathBuf::from(std::env::var("TM_BENCH_DIR").unwrap_or_else(|_| "/tmp/tm-bench".into()))
}

fn sizes() -> Vec<usize> {
    std::env::var("TM_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// Peak resident memory of this process, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

#[derive(Deserialize)]
struct GenFile {
    units: Vec<GenUnit>,
}

#[derive(Deserialize)]
struct GenUnit {
    id: serde_json::Value,
    en: String,
    ru: Option<String>,
    kk: Option<String>,
}

fn memory_path(n: usize) -> PathBuf {
    dir().join(format!("mem_{n}")).join("tm.json")
}

/// Makes sure the memory of `n` units and the queries exist.
fn prepare(n: usize) {
    let d = dir();
    std::fs::create_dir_all(&d).unwrap();
    if memory_path(n).exists() && d.join("queries.txt").exists() {
        return;
    }
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/fuzzy/gen_tm.py");
    let source = d.join(format!("tm_{n}.json"));
    if gen.exists() && std::env::var_os("TM_BENCH_STANDIN").is_none() {
        if !source.exists() {
            let ok = Command::new("python3")
                .arg(&gen)
                .args(["--out", d.to_str().unwrap(), "--sizes", &n.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "gen_tm.py failed");
        }
        // Conversion in a child: the generator's JSON is large.
        run_child("convert", n);
    } else {
        generate(n);
    }
}

/// Converts the generator's `{"units":[{id,en,ru,kk}]}` into a tm memory.
fn convert(n: usize) {
    let bytes = std::fs::read(dir().join(format!("tm_{n}.json"))).unwrap();
    let g: GenFile = serde_json::from_slice(&bytes).unwrap();
    drop(bytes);
    let units = g
        .units
        .into_iter()
        .map(|u| {
            let id = match u.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            let mut unit = Unit::new(id, "2026-01-01T00:00:00Z");
            unit.set_text(Lang::En, Some(u.en));
            unit.set_text(Lang::Ru, u.ru);
            unit.set_text(Lang::Kk, u.kk);
            unit
        })
        .collect();
    file::save(&Memory { units }, &memory_path(n)).unwrap();
}

/// A stand-in for when the eval kit is absent: release-like sentences in
/// three languages ([`common::press`]); the queries are 10 copies of stored
/// units, 20 edited copies (1–3 words changed) and 10 new sentences, the
/// mix of the eval kit's.
fn generate(n: usize) {
    let mut press = Press::new(0x2545F4914F6CDD1D);
    let mut units = Vec::with_capacity(n);
    let mut stored = Vec::new();
    let every = (n.min(1000) / 30).max(1);
    for i in 0..n {
        let plan = press.memory_unit();
        let [en, ru, kk] = press.spell_all(&plan);
        if i % every == 0 && stored.len() < 30 {
            stored.push(plan);
        }
        let mut u = Unit::new(format!("u{i}"), "2026-01-01T00:00:00Z");
        u.set_text(Lang::En, Some(en));
        u.set_text(Lang::Ru, Some(ru));
        u.set_text(Lang::Kk, Some(kk));
        units.push(u);
    }
    let mut queries = Vec::new();
    for q in 0..40 {
        let base = &stored[(q / 4 * 3 + q % 4) % stored.len()];
        let plan = match q % 4 {
            0 => base.clone(),
            3 => press.fresh(),
            _ => press.edited(base, 1 + q % 3),
        };
        queries.push(press.spell(&plan, Lang::En));
    }
    std::fs::write(dir().join("queries.txt"), queries.join("\n") + "\n").unwrap();
    file::save(&Memory { units }, &memory_path(n)).unwrap();
}

fn queries() -> Vec<String> {
    std::fs::read_to_string(dir().join("queries.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Loads from the JSON, builds the index and writes the cache, as the
/// first run does.
fn measure_json(n: usize) {
    let path = memory_path(n);
    cache::discard(&path, Lang::En);
    let t = Instant::now();
    let (m, opened) = cache::open(&path, Lang::En).unwrap();
    let total = t.elapsed().as_secs_f64();
    assert_eq!(opened.source, cache::Source::JsonCached);
    println!("json {total:.3} {total:.3} {:.0} {}", peak_mb(), m.len());
}

/// Loads through the cache (written by [`measure_json`]) and times the
/// queries.
fn measure_cache(n: usize) {
    let path = memory_path(n);
    let t = Instant::now();
    let (mut m, opened) = cache::open(&path, Lang::En).unwrap();
    let load = t.elapsed().as_secs_f64();
    assert_eq!(opened.source, cache::Source::Cache);
    let qs = queries();
    let mut indexed = Vec::new();
    let mut found = 0usize;
    for q in &qs {
        let t = Instant::now();
        found += m.search(q, 50.0, 3).unwrap().len();
        indexed.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let mut brute = Vec::new();
    let mut agree = true;
    // Brute force is slow at 1M: a sample of the queries is enough there.
    let sample = if n >= 1_000_000 { 10 } else { qs.len() };
    for q in qs.iter().take(sample) {
        let want = m.search(q, 50.0, 3).unwrap();
        let t = Instant::now();
        let got = m.search_brute(q, 50.0, 3).unwrap();
        brute.push(t.elapsed().as_secs_f64() * 1000.0);
        let key = |v: &[tm::fuzzy::Match]| v.iter().map(|x| (x.unit, x.score)).collect::<Vec<_>>();
        agree &= key(&want) == key(&got);
    }
    // The peak of the cached run, before the naive baseline holds every
    // text.
    let peak = peak_mb();
    // Naive: every unit's text already in memory (read from the cache once,
    // before any timing), then per query: tokenise and score every unit in
    // full, nothing skipped. So it compares scoring with scoring, not with
    // reading the cache file.
    let texts: Vec<(u32, String, bool)> = m.sources().unwrap();
    let mut naive = Vec::new();
    let naive_sample = if n >= 1_000_000 {
        3
    } else if n >= 100_000 {
        10
    } else {
        qs.len()
    };
    for q in qs.iter().take(naive_sample) {
        let t = Instant::now();
        let query = Prepared::new(q, Lang::En);
        let mut best = Vec::new();
        for (u, src, doubtful) in &texts {
            let s = score(&query, &Prepared::new(src, Lang::En), *doubtful).score;
            if s >= 50.0 {
                best.push((s, *u));
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(3);
        naive.push(t.elapsed().as_secs_f64() * 1000.0);
        let want: Vec<(f64, u32)> = m
            .search(q, 50.0, 3)
            .unwrap()
            .iter()
            .map(|x| (x.score, x.unit))
            .collect();
        agree &= want == best;
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!(
        "cache {load:.3} {:.3} {:.3} {peak:.0} {found} {agree} {:.1} {}",
        mean(&indexed),
        mean(&brute),
        mean(&naive),
        naive.len()
    );
}

fn run_child(task: &str, n: usize) -> String {
    let out = Command::new(std::env::current_exe().unwrap())
        .env("TM_BENCH_CHILD", format!("{task}:{n}"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{task} {n}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn main() {
    if let Ok(job) = std::env::var("TM_BENCH_CHILD") {
        let (task, n) = job.split_once(':').unwrap();
        let n: usize = n.parse().unwrap();
        match task {
            "convert" => convert(n),
            "json" => measure_json(n),
            _ => measure_cache(n),
        }
        return;
    }
    // `cargo test --all-targets` runs this too, without `--bench`: then a
    // smoke test on 2,000 units of the stand-in generator, in a temporary
    // folder (the children read these variables).
    let _smoke_dir;
    if !std::env::args().any(|a| a == "--bench") {
        let d = tempfile::tempdir().unwrap();
        std::env::set_var("TM_BENCH_DIR", d.path());
        std::env::set_var("TM_BENCH_SIZES", "2000");
        std::env::set_var("TM_BENCH_STANDIN", "1");
        _smoke_dir = d;
    }
    println!(
        "Compared, per query (ms, means; --min 50 --top 3): indexed = the index \
         (what tm suggest does); brute force = the same scorer on every unit behind \
         the same cheap filters; naive = every unit's text already in memory, \
         tokenised and scored in full (no filter). Ratios: against indexed."
    );
    println!("| units | indexed ms/query | brute force ms/query (filtered scan) | ratio | naive ms/query (full score of every unit, texts in memory) | queries | ratio | first run: JSON + index + cache write, s | load from cache, s | peak MB first run | peak MB cached run | same results |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for n in sizes() {
        prepare(n);
        let j = run_child("json", n);
        let c = run_child("cache", n);
        let j: Vec<&str> = j.split_whitespace().collect();
        let c: Vec<&str> = c.split_whitespace().collect();
        let num = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
        println!(
            "| {n} | {:.2} | {:.1} | {:.0}× | {:.0} | {} | {:.0}× | {:.2} | {:.3} | {} | {} | {} |",
            num(c[2]),
            num(c[3]),
            num(c[3]) / num(c[2]),
            num(c[7]),
            c[8],
            num(c[7]) / num(c[2]),
            num(j[2]),
            num(c[1]),
            j[3],
            c[4],
            c[6]
        );
    }
}
