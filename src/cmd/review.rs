//! `tm review`: show the units marked doubtful at alignment, and accept them
//! once a person has checked them.

use std::io::Write;

use anyhow::Result;
use clap::Args as ClapArgs;

use tm::memory::changes::{accept_units, Accept};
use tm::memory::query::{select, Filter};
use tm::memory::{load, now};

use super::common::{Global, OutputFormat};
use super::show::{write_units, write_units_json};

/// Arguments of `tm review`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm review --release release-7\n  tm review --accept 3f9a1c0e7b21 77d0e4a1c2b9\n  tm review --accept-all --release release-7"
)]
pub struct Args {
    /// Only the units of this release.
    #[arg(long, value_name = "NAME")]
    pub release: Option<String>,
    /// Clear the doubtful mark of these units (after checking them).
    #[arg(long, value_name = "ID", num_args = 1.., conflicts_with_all = ["accept_all", "release"])]
    pub accept: Vec<String>,
    /// Clear the doubtful mark of every unit of the release given with
    /// --release.
    #[arg(long, requires = "release")]
    pub accept_all: bool,
    /// Output of the listing: blocks of text for people, or JSON.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// Runs `tm review`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    if args.accept.is_empty() && !args.accept_all {
        return show(args, global);
    }
    let path = global.memory_path();
    let stamp = now();
    let which = match (&args.release, args.accept_all) {
        (Some(name), true) => Accept::Release(name),
        _ => Accept::Ids(&args.accept),
    };
    let report = accept_units(&path, which, &stamp)?;
    let units = if report.accepted == 1 {
        "unit"
    } else {
        "units"
    };
    let mut line = format!("accepted {} {units}", report.accepted);
    if report.not_doubtful > 0 {
        line.push_str(&format!(
            " ({} {} not marked doubtful)",
            report.not_doubtful,
            if report.not_doubtful == 1 {
                "was"
            } else {
                "were"
            }
        ));
    }
    println!("{line}");
    Ok(())
}

/// Lists the doubtful units.
fn show(args: Args, global: &Global) -> Result<()> {
    let path = global.memory_path();
    let memory = load(&path)?;
    let filter = Filter {
        release: args.release,
        lang: None,
        doubtful_only: true,
    };
    let units = select(&memory, &filter, &path)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputFormat::Text if units.is_empty() => writeln!(out, "no doubtful units")?,
        OutputFormat::Text => {
            let n = units.len();
            write_units(&mut out, units)?;
            writeln!(
                out,
                "\n{n} doubtful {}; after checking, accept with `tm review --accept ID…` or correct with `tm edit`",
                if n == 1 { "unit" } else { "units" }
            )?;
        }
        OutputFormat::Json => write_units_json(&mut out, units)?,
    }
    out.flush()?;
    Ok(())
}
