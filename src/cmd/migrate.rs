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
    println!(
        "migrated {} units from {} to the folder {} ({} files); the old file is kept as {} — delete it once the folder is committed",
        m.units,
        m.from.display(),
        m.to.display(),
        m.files,
        m.backup.display()
    );
    Ok(())
}
