//! `tm edit`: correct the text of one language of a unit.

use anyhow::{bail, Result};
use clap::Args as ClapArgs;

use tm::memory::changes::correct_unit;
use tm::memory::maintain::TextChange;
use tm::memory::now;
use tm::Lang;

use super::common::Global;

/// Arguments of `tm edit`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Example:\n  tm edit 3f9a1c0e7b21 --ru \"Офис провёл семинар для журналистов.\"",
    group(clap::ArgGroup::new("text").required(true).args(["en", "ru", "kk"]))
)]
pub struct Args {
    /// The id of the unit to correct (see `tm list`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The corrected English text.
    #[arg(long, value_name = "TEXT")]
    pub en: Option<String>,
    /// The corrected Russian text.
    #[arg(long, value_name = "TEXT")]
    pub ru: Option<String>,
    /// The corrected Kazakh text.
    #[arg(long, value_name = "TEXT")]
    pub kk: Option<String>,
    /// Also clear the unit's doubtful mark (otherwise it stays until
    /// `tm review --accept`).
    #[arg(long)]
    pub accept: bool,
}

/// Runs `tm edit`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let path = global.memory_path();
    let (lang, text) = match (&args.en, &args.ru, &args.kk) {
        (Some(t), _, _) => (Lang::En, t),
        (_, Some(t), _) => (Lang::Ru, t),
        (_, _, Some(t)) => (Lang::Kk, t),
        _ => bail!("give the corrected text with --en, --ru or --kk"),
    };
    if text.trim().is_empty() {
        bail!(
            "the new {} text is empty; to take a unit out use `tm remove {}`",
            lang.code(),
            args.id
        );
    }
    let stamp = now();
    let done = correct_unit(&path, &args.id, &[(lang, text)], args.accept, &stamp)?;
    let change = (done.changes[&lang], done.accepted);
    let what = match change.0 {
        TextChange::Corrected => "corrected",
        TextChange::Added => "added",
        TextChange::Unchanged => "unchanged",
    };
    let mut line = format!("{}: {} text {what}", args.id, lang.code());
    if change.1 {
        line.push_str("; accepted");
    }
    println!("{line}");
    Ok(())
}
