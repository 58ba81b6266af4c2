//! `tm export`: write the memory as TMX 1.4b.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;

use tm::exchange::{write_tmx, ExportOptions, ExportReport};
use tm::memory::file;
use tm::Lang;

use super::common::Global;

/// Arguments of `tm export`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:\n  tm export memory.tmx\n  tm export en-ru.tmx --langs en,ru")]
pub struct Args {
    /// The TMX file to write, or `-` for standard output.
    pub file: PathBuf,
    /// Languages to export, comma-separated (`en,ru` for a bilingual file);
    /// units with fewer than two of them are left out [default: en,ru,kk].
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub langs: Option<Vec<Lang>>,
    /// The header's source language [default: `*all*`, or the first of
    /// --langs when given].
    #[arg(long, value_name = "LANG")]
    pub srclang: Option<Lang>,
}

/// Runs `tm export`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let memory_path = global.memory_path();
    let memory = file::load(&memory_path)?;
    let given = args.langs.clone();
    let mut langs: Vec<Lang> = match &given {
        Some(l) => l.clone(),
        None => Lang::ALL.to_vec(),
    };
    langs.sort();
    langs.dedup();
    if langs.len() < 2 {
        bail!("--langs: name at least two languages (e.g. --langs en,ru)");
    }
    let srclang = args
        .srclang
        .or_else(|| given.as_ref().and_then(|g| g.first().copied()));
    if let Some(s) = srclang {
        if !langs.contains(&s) {
            bail!("--srclang {s} is not one of the exported languages");
        }
    }
    let options = ExportOptions { langs, srclang };
    let report = if args.file == Path::new("-") {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write_tmx(&memory, &options, &mut out)?
    } else {
        write_atomically(&args.file, |w| write_tmx(&memory, &options, w))?
    };
    let mut summary = format!(
        "exported {} units ({}) from {}",
        report.written,
        options
            .langs
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", "),
        memory_path.display()
    );
    if report.skipped > 0 {
        summary.push_str(&format!(
            "; left out {} with fewer than two of these languages",
            report.skipped
        ));
    }
    if report.replaced_chars > 0 {
        summary.push_str(&format!(
            "; {} control characters XML cannot carry written as U+FFFD",
            report.replaced_chars
        ));
    }
    if args.file == Path::new("-") {
        eprintln!("tm: {summary}");
    } else {
        println!("{summary} to {}", args.file.display());
    }
    Ok(())
}

/// Writes through a temporary file beside `path`, renamed over it at the
/// end, so a failed export never leaves half a TMX.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<ExportReport>,
) -> Result<ExportReport> {
    let dir = file::parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> Result<ExportReport> {
        let f =
            std::fs::File::create(&tmp).with_context(|| format!("{}: creating", tmp.display()))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        let report = write(&mut w).with_context(|| format!("{}: writing", tmp.display()))?;
        w.flush()
            .with_context(|| format!("{}: writing", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("{}: replacing", path.display()))?;
        Ok(report)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
