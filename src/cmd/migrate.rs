//! `tm migrate`: turn a single-file memory into a folder memory.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args as ClapArgs;

use tm::memory::migrate::migrate;

use super::common::Global;

/// Arguments of `tm migrate`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm migrate                      (memory/tm.json → memory/)\n  \
    tm --memory team.json migrate   (team.json → team/)\n  \
    tm --memory team.json migrate --to shared/memory"
)]
pub struct Args {
    /// The folder to write [default: the folder of `tm.json`, else the
    /// file's name without `.json`].
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
}

/// Runs `tm migrate`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let m = migrate(&global.memory_path(), args.to.as_deref())?;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "migrated {} from {} to the folder {} ({}); the old file is kept as {} — delete it once the folder is committed",
        plural(m.units, "unit", "units"),
        m.from.display(),
        m.to.display(),
        plural(m.files, "file", "files"),
        m.backup.display()
    );
    Ok(())
}
