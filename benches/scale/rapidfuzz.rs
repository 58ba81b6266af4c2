//! The reference the issue names: RapidFuzz's `process.extractOne` with the
//! `fuzz.ratio` scorer (normalised Indel similarity, 0–100, no
//! preprocessing: RapidFuzz 3's default `processor=None`), a brute-force
//! C++ scan of every choice, over the memory's English texts, for the
//! same sentences `tm suggest` is given.
//!
//! Python comes from `$TM_BENCH_PYTHON`, else `target/rapidfuzz-venv`
//! when it exists, else `python3`. The texts are read before any timing;
//! each query is timed alone.

use std::path::{Path, PathBuf};
use std::process::Command;

const SCRIPT: &str = r#"
import sys, time, statistics
try:
    import rapidfuzz
    from rapidfuzz import fuzz, process
except ImportError:
    print("unavailable")
    sys.exit(0)
with open(sys.argv[1], encoding="utf-8") as f:
    choices = f.read().split("\n")
if choices and choices[-1] == "":
    choices.pop()
with open(sys.argv[2], encoding="utf-8") as f:
    queries = [l for l in f.read().split("\n") if l.strip()]
times = []
for q in queries:
    t = time.perf_counter()
    process.extractOne(q, choices, scorer=fuzz.ratio)
    times.append(time.perf_counter() - t)
print(rapidfuzz.__version__, len(choices), len(queries),
      statistics.mean(times) * 1000, statistics.median(times) * 1000)
"#;

/// What RapidFuzz took.
#[derive(Clone)]
pub struct Timing {
    pub version: String,
    pub queries: usize,
    /// Mean ms per query.
    pub mean_ms: f64,
    pub median_ms: f64,
}

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("TM_BENCH_PYTHON") {
        return p.into();
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/rapidfuzz-venv/bin/python");
    if venv.exists() {
        return venv;
    }
    "python3".into()
}

/// Times `extractOne` for each of `queries` over the lines of `choices`;
/// `None` when Python or RapidFuzz is missing (said on standard output).
pub fn time(choices: &Path, queries: &[String], dir: &Path) -> Option<Timing> {
    let qfile = dir.join("rapidfuzz-queries.txt");
    std::fs::write(&qfile, queries.join("\n") + "\n").ok()?;
    let py = python();
    let out = Command::new(&py)
        .args(["-c", SCRIPT])
        .arg(choices)
        .arg(&qfile)
        .output();
    let text = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        _ => {
            println!("  rapidfuzz not available ({} does not run)", py.display());
            return None;
        }
    };
    let f: Vec<&str> = text.split_whitespace().collect();
    if f.first() == Some(&"unavailable") || f.len() < 5 {
        println!(
            "  rapidfuzz not available (not importable in {}; see benches/scale.rs)",
            py.display()
        );
        return None;
    }
    Some(Timing {
        version: f[0].to_string(),
        queries: f[2].parse().ok()?,
        mean_ms: f[3].parse().ok()?,
        median_ms: f[4].parse().ok()?,
    })
}
