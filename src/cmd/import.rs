//! `tm import`: bring units from a TMX or TSV file into the memory.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use tm::exchange::{import_file, ExchangeError, ImportReport};
use tm::memory::{self, EditOutcome};

use super::common::Global;

/// Arguments of `tm import`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm import agency.tmx\n  tm import old-translations.tsv   (header row: en<TAB>ru<TAB>kk)"
)]
pub struct Args {
    /// The file to import: `.tmx` (TMX 1.4b from OmegaT, Trados, memoQ, tm)
    /// or `.tsv` (a header row naming each column's language).
    pub file: PathBuf,
    /// Read and count everything, but leave the memory as it is.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `tm import`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let memory_path = global.memory_path();
    let bar = progress_bar(&args.file);
    let now = memory::now();
    let (report, units) = if args.dry_run {
        // A dry run only reads: no lock, no folder, nothing created.
        let mut m = memory::load_or_empty(&memory_path)?;
        let report = import_file(&mut m, &args.file, &now, &mut |p| bar.set_position(p))?;
        (report, m.units.len())
    } else {
        memory::edit(&memory_path, true, |m| -> Result<_, ExchangeError> {
            let report = import_file(m, &args.file, &now, &mut |p| bar.set_position(p))?;
            let outcome = if report.changed() {
                EditOutcome::Save
            } else {
                EditOutcome::Discard
            };
            Ok(((report, m.units.len()), outcome))
        })?
    };
    bar.finish_and_clear();
    print_summary(&args, &report);
    if args.dry_run {
        println!("dry run: {} not changed", memory_path.display());
    } else {
        println!("{}: {units} units", memory_path.display());
    }
    Ok(())
}

/// A bar of bytes read, drawn only when standard error is a terminal.
fn progress_bar(file: &std::path::Path) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let len = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta} left") {
        bar.set_style(style);
    }
    bar
}

fn print_summary(args: &Args, r: &ImportReport) {
    println!("read {} units from {}", r.read, args.file.display());
    let mut added = format!("added {}", r.added);
    if r.alternatives > 0 {
        added.push_str(&format!(" ({} as alternatives)", r.alternatives));
    }
    println!(
        "{added}, already present {}, skipped {}",
        r.already_present,
        r.skipped_total()
    );
    if let Some(completed) = memory::completed_summary(&r.completed_with) {
        println!("{completed}");
    }
    for (reason, n) in &r.skipped {
        println!("skipped {n}: {reason}");
    }
    let t = &r.tally;
    if !t.other_languages.is_empty() {
        let langs: Vec<String> = t
            .other_languages
            .iter()
            .map(|(tag, n)| format!("{tag} {n}"))
            .collect();
        println!("other languages left out: {}", langs.join(", "));
    }
    if t.repeated_variants > 0 {
        println!(
            "second variants of a language left out: {}",
            t.repeated_variants
        );
    }
    if t.empty_segments > 0 {
        println!("empty segments left out: {}", t.empty_segments);
    }
}
