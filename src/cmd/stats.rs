//! `tm stats`: what the memory holds, in numbers.

use std::io::Write;

use anyhow::Result;
use clap::Args as ClapArgs;

use tm::memory::stats::{combinations_in_order, stats_of_file};
use tm::memory::Layout;

use super::common::{Global, OutputFormat};

/// Arguments of `tm stats`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:\n  tm stats\n  tm stats --format json")]
pub struct Args {
    /// Output: a table for people, or JSON.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// Runs `tm stats`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let path = global.memory_path();
    let s = stats_of_file(&path)?;
    let mut out = std::io::stdout().lock();
    if args.format == super::common::OutputFormat::Json {
        serde_json::to_writer(&mut out, &s)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    match Layout::at(&path) {
        Layout::File(file) => writeln!(
            out,
            "memory        {} (one file; `tm migrate` makes it a folder git merges)",
            file.display()
        )?,
        Layout::Folder(dir) => writeln!(out, "memory        {}/ (folder)", dir.display())?,
    }
    writeln!(out, "units         {}", s.units)?;
    for (combo, n) in combinations_in_order(&s) {
        writeln!(out, "  {combo:<11} {n}")?;
    }
    writeln!(out, "releases      {}", s.releases.len())?;
    for r in &s.releases {
        writeln!(out, "  {}  {}", r.name, r.units)?;
    }
    if s.without_release > 0 {
        writeln!(out, "  (no release)  {}", s.without_release)?;
    }
    writeln!(out, "doubtful      {}", s.doubtful)?;
    writeln!(out, "alternatives  {}", s.alternatives)?;
    writeln!(out, "file size     {}", size(s.file_bytes))?;
    match &s.created {
        Some(c) => writeln!(out, "created       {} to {}", c.first, c.last)?,
        None => writeln!(out, "created       -")?,
    }
    out.flush()?;
    Ok(())
}

/// A byte count for people: `812 bytes`, `4.2 KiB (4301 bytes)`.
fn size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut i = 0;
    while v >= 1024.0 && i + 1 < UNITS.len() {
        v /= 1024.0;
        i += 1;
    }
    format!("{v:.1} {} ({bytes} bytes)", UNITS[i])
}
