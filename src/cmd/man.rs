//! `tm man`: the manual page, generated from the same definitions as the
//! parser and `--help`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args as ClapArgs, CommandFactory};

/// Arguments of `tm man`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:\n  tm man | man -l -\n  tm man --out /usr/local/share/man/man1")]
pub struct Args {
    /// Write `tm.1` and one page per subcommand (`tm-concord.1`, …) into
    /// this directory instead of printing `tm.1`.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Runs `tm man`.
pub fn run(args: Args) -> Result<()> {
    let cmd = crate::Cli::command();
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("{}: creating the directory", dir.display()))?;
            clap_mangen::generate_to(cmd, &dir)
                .with_context(|| format!("{}: writing the manual pages", dir.display()))?;
            println!("wrote the manual pages to {}", dir.display());
        }
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
