//! `tm merge` and `tm split`: fix how the aligner grouped sentences, merging
//! two neighbouring units of a release or splitting one in two. Thin shells
//! over [`tm::memory::changes::merge_units`] and
//! [`tm::memory::changes::split_unit`], which `tm serve` calls too.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;

use tm::memory::changes::{merge_units, split_unit};
use tm::memory::now;
use tm::memory::regroup::Partner;
use tm::memory::Unit;
use tm::Lang;

use super::common::{Global, OutputFormat};

/// Arguments of `tm merge`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm merge 3f9a1c0e7b21 77d0e4a1c2b9\n  tm merge 3f9a1c0e7b21 --next"
)]
pub struct MergeArgs {
    /// The unit to merge (see `tm list`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The unit to merge it with: the one before or after it in the same
    /// release.
    #[arg(value_name = "OTHER", required_unless_present_any = ["next", "previous"])]
    pub other: Option<String>,
    /// Merge with the next unit of the release.
    #[arg(long, conflicts_with_all = ["other", "previous"])]
    pub next: bool,
    /// Merge with the previous unit of the release.
    #[arg(long, conflicts_with = "other")]
    pub previous: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// Arguments of `tm split`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Example (the first sentence of each language stays, the rest is a new unit):\n  tm split 3f9a1c0e7b21 --at en:1 --at ru:1 --at kk:1"
)]
pub struct SplitArgs {
    /// The unit to split (see `tm list`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// LANG:N keeps the first N sentences of LANG in the unit and moves the
    /// rest to a new unit after it; give every language the unit has.
    #[arg(long, value_name = "LANG:N", required = true, value_parser = parse_at)]
    pub at: Vec<(Lang, usize)>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

fn parse_at(s: &str) -> Result<(Lang, usize), String> {
    let (lang, n) = s
        .split_once(':')
        .ok_or_else(|| format!("'{s}': give LANG:N, e.g. en:1"))?;
    let lang: Lang = lang
        .parse()
        .map_err(|_| format!("'{lang}' is not en, ru or kk"))?;
    let n = n
        .parse()
        .map_err(|_| format!("'{n}' is not a number of sentences"))?;
    Ok((lang, n))
}

/// Runs `tm merge`.
pub fn merge(args: MergeArgs, global: &Global) -> Result<()> {
    let partner = match (&args.other, args.next, args.previous) {
        (Some(other), _, _) => Partner::Id(other),
        (None, true, _) => Partner::Next,
        (None, _, true) => Partner::Previous,
        _ => bail!("give the other unit's id, or --next or --previous"),
    };
    let merged = merge_units(&global.memory_path(), &args.id, partner, &now())?;
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string(&merged)?),
        OutputFormat::Text => {
            println!("{}: merged with {} (removed)", merged.id, merged.removed);
            print_unit(&merged.unit);
        }
    }
    Ok(())
}

/// Runs `tm split`.
pub fn split(args: SplitArgs, global: &Global) -> Result<()> {
    let mut at = BTreeMap::new();
    for (lang, n) in args.at {
        if at.insert(lang, n).is_some() {
            bail!("--at {}: given twice", lang.code());
        }
    }
    let split = split_unit(&global.memory_path(), &args.id, &at, &now())?;
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string(&split)?),
        OutputFormat::Text => {
            println!(
                "{}: split; the rest is the new unit {}",
                split.id, split.new_id
            );
            for u in &split.units {
                print_unit(u);
            }
        }
    }
    Ok(())
}

fn print_unit(u: &Unit) {
    println!("  {}", u.id);
    for l in Lang::ALL {
        if let Some(t) = u.text(l) {
            println!("    {}: {t}", l.code());
        }
    }
}
