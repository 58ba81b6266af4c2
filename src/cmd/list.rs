//! `tm list`: show the units of the memory, all or by release or language.

use std::io::Write;

use anyhow::Result;
use clap::Args as ClapArgs;

use tm::memory::load;
use tm::memory::query::{select, Filter};
use tm::Lang;

use super::common::{Global, OutputFormat};
use super::show::{write_units, write_units_json};

/// Arguments of `tm list`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm list --release release-7\n  tm list --lang kk --format json"
)]
pub struct Args {
    /// Only the units of this release (as given to `tm add --id`).
    #[arg(long, value_name = "NAME")]
    pub release: Option<String>,
    /// Only the units that have a text in this language.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// Output: blocks of text for people, or JSON with the stored fields.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// Runs `tm list`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let path = global.memory_path();
    let memory = load(&path)?;
    let filter = Filter {
        release: args.release,
        lang: args.lang,
        doubtful_only: false,
    };
    let units = select(&memory, &filter, &path)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputFormat::Text => write_units(&mut out, units)?,
        OutputFormat::Json => write_units_json(&mut out, units)?,
    }
    out.flush()?;
    Ok(())
}
