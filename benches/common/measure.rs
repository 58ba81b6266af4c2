//! Runs a command as a user would and measures it: wall time (the bench's
//! clock around the whole child) and peak resident memory, which GNU
//! `/usr/bin/time -f %M` reads from the kernel (`wait4`'s `ru_maxrss`)
//! when the child ends. Without `/usr/bin/time` the peak is not reported.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// What one run of a command took.
pub struct Run {
    /// Wall time, seconds.
    pub secs: f64,
    /// Peak resident memory, MB (10^6 bytes), when it could be read.
    pub peak_mb: Option<f64>,
    /// What it wrote to standard output.
    pub stdout: Vec<u8>,
}

/// Whether `/usr/bin/time` is there to read peak memory.
pub fn have_time() -> bool {
    Path::new("/usr/bin/time").exists()
}

/// Runs `cmd` to its end and measures it; panics, showing its standard
/// error, if it fails.
pub fn run(cmd: &Command) -> Run {
    let report = tempfile::NamedTempFile::new().expect("temp file");
    let mut timed = if have_time() {
        let mut t = Command::new("/usr/bin/time");
        t.args(["-f", "%M", "-o"]).arg(report.path());
        t.arg(cmd.get_program()).args(cmd.get_args());
        t
    } else {
        let mut t = Command::new(cmd.get_program());
        t.args(cmd.get_args());
        t
    };
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => timed.env(k, v),
            None => timed.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        timed.current_dir(dir);
    }
    timed.stdin(Stdio::null());
    let start = Instant::now();
    let out = timed.output().expect("running the command");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peak_mb = std::fs::read_to_string(report.path())
        .ok()
        .and_then(|t| t.lines().last()?.trim().parse::<f64>().ok())
        .map(|kib| kib * 1024.0 / 1e6);
    Run {
        secs,
        peak_mb,
        stdout: out.stdout,
    }
}

/// A peak for a table: `123 MB`, or `n/a`.
pub fn mb(peak: Option<f64>) -> String {
    peak.map_or_else(|| "n/a".into(), |m| format!("{m:.0} MB"))
}
