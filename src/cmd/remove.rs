//! `tm remove`: take units, or a whole release, out of the memory.
//!
//! Removal cannot be undone (except from version control), so on a terminal
//! it asks first; from a script or a pipe, where nobody can answer, it
//! refuses unless `--yes` says the caller means it.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;

use tm::memory::query::{find_ids, find_release, QueryError};
use tm::memory::{edit, load, now, EditOutcome, Memory};

use super::common::Global;

/// Arguments of `tm remove`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm remove 3f9a1c0e7b21 77d0e4a1c2b9\n  tm remove --release release-7 --yes"
)]
pub struct Args {
    /// The ids of the units to remove (see `tm list`).
    #[arg(
        value_name = "ID",
        required_unless_present = "release",
        conflicts_with = "release"
    )]
    pub ids: Vec<String>,
    /// Remove every unit of this release instead.
    #[arg(long, value_name = "NAME")]
    pub release: Option<String>,
    /// Remove without asking; required when standard input is not a terminal.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Which units, found in `memory`.
fn targets(memory: &Memory, args: &Args, path: &Path) -> Result<Vec<usize>, QueryError> {
    match &args.release {
        Some(name) => find_release(memory, name, path),
        None => find_ids(memory, &args.ids, path),
    }
}

/// What is about to go, for the question and the report.
fn describe(n: usize, release: Option<&str>) -> String {
    let units = if n == 1 { "unit" } else { "units" };
    match release {
        Some(r) => format!("{n} {units} of release '{r}'"),
        None => format!("{n} {units}"),
    }
}

/// Runs `tm remove`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let path = global.memory_path();
    if !args.yes {
        // Checked before asking, so that nobody confirms a typo.
        let memory = load(&path)?;
        let n = targets(&memory, &args, &path)?.len();
        let what = describe(n, args.release.as_deref());
        if !std::io::stdin().is_terminal() {
            bail!(
                "{}: not removing {what}: standard input is not a terminal, so confirm with --yes",
                path.display()
            );
        }
        eprint!("Remove {what} from {}? [y/N] ", path.display());
        std::io::stderr().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
            eprintln!("Nothing removed.");
            return Ok(());
        }
    }
    let stamp = now();
    let report = edit(&path, false, |memory| {
        let indices = targets(memory, &args, &path)?;
        let report = memory.remove(&indices, &stamp);
        Ok::<_, QueryError>((report, EditOutcome::Save))
    })?;
    let mut line = format!(
        "removed {} from {}",
        describe(report.removed, args.release.as_deref()),
        path.display()
    );
    if report.promoted > 0 {
        line.push_str(&format!(
            "; {} alternative translation(s) became the main one",
            report.promoted
        ));
    }
    if report.repointed > 0 {
        line.push_str(&format!(
            "; {} other alternative(s) now point to it",
            report.repointed
        ));
    }
    println!("{line}");
    Ok(())
}
