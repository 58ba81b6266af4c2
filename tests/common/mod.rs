//! A small harness for tests that run the real `tm` binary: a temporary
//! directory per test, files written into it, and the run's output kept for
//! assertions.

#![allow(dead_code)]

pub mod docs;
pub mod releases;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary working directory with the `tm` binary at hand.
pub struct Env {
    pub dir: tempfile::TempDir,
}

/// The outcome of one run of `tm`.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with the whole output unless the run succeeded.
    pub fn ok(self) -> Run {
        assert_eq!(self.code, Some(0), "tm failed:\n{}", self.stderr);
        self
    }

    /// Panics with the whole output unless the run failed with exit code 2.
    pub fn fails(self) -> Run {
        assert_eq!(
            self.code,
            Some(2),
            "expected exit 2, got {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "tm panicked:\n{}",
            self.stderr
        );
        self
    }

    /// The stdout lines.
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// The stdout parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("bad JSON ({e}):\n{}", self.stdout))
    }
}

impl Env {
    /// A fresh empty directory.
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The path of `name` inside the directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `contents` to `name` inside the directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// A `tm` command run inside the directory, with no `TM_MEMORY` or
    /// `NO_COLOR` from the outside.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tm"));
        c.args(args)
            .current_dir(self.dir.path())
            .env_remove("TM_MEMORY")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        c
    }

    /// Runs `tm` with `args` inside the directory.
    pub fn run(&self, args: &[&str]) -> Run {
        output(self.cmd(args).output().expect("running tm"))
    }

    /// Runs `tm` with `args`, feeding `stdin`.
    pub fn run_stdin(&self, args: &[&str], stdin: &[u8]) -> Run {
        use std::io::Write;
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("running tm");
        child.stdin.take().unwrap().write_all(stdin).unwrap();
        output(child.wait_with_output().unwrap())
    }
}

/// Turns a process output into a [`Run`].
pub fn output(o: Output) -> Run {
    Run {
        code: o.status.code(),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// The repository root (for the shipped examples).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The units of the memory at `path` as stored JSON objects, whatever its
/// layout: a single file, or a memory folder (its `units/*.json`, in the
/// order tm reads them: by time stored, then file, then place in the file).
pub fn memory_units(path: &Path) -> Vec<serde_json::Value> {
    let read = |p: &Path| -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["units"].as_array().unwrap().clone()
    };
    if path.is_file() {
        return read(path);
    }
    if path.join("tm.json").is_file() && !path.join("tm-memory.json").exists() {
        return read(&path.join("tm.json"));
    }
    assert!(
        path.join("tm-memory.json").is_file(),
        "{}: no memory",
        path.display()
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(path.join("units"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut units: Vec<serde_json::Value> = files.iter().flat_map(|p| read(p)).collect();
    units.sort_by(|a, b| a["created"].as_str().cmp(&b["created"].as_str()));
    units
}

/// Every byte of the memory at `path` that is the truth (a single file, or
/// a folder's header and unit files, not its derived files or lock), for
/// checking that a command left the memory exactly as it was.
pub fn memory_bytes(path: &Path) -> Vec<u8> {
    if path.is_file() {
        return std::fs::read(path).unwrap();
    }
    let mut files: Vec<PathBuf> = vec![path.join("tm-memory.json"), path.join("tm.json")];
    if let Ok(d) = std::fs::read_dir(path.join("units")) {
        // A killed writer's temporary file is not the memory (tm reads no
        // file whose name starts with a dot, and the next writer removes it).
        let mut parts: Vec<PathBuf> = d
            .flatten()
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        parts.sort();
        files.extend(parts);
    }
    let mut out = Vec::new();
    for f in files.iter().filter(|f| f.is_file()) {
        out.extend(f.display().to_string().into_bytes());
        out.push(0);
        out.extend(std::fs::read(f).unwrap());
    }
    out
}
