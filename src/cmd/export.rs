//! `tm export`: write the memory as TMX 1.4b (one file, or one per language
//! pair for OmegaT).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args as ClapArgs, ValueEnum};

use tm::exchange::tmx_write::{pair_path, parse_tag};
use tm::exchange::{write_tmx, ExportOptions, ExportReport};
use tm::memory::{self, Layout};
use tm::Lang;

use super::common::Global;

/// Arguments of `tm export`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm export memory.tmx\n  tm export en-ru.tmx --langs en,ru\n  \
    tm export memory.tmx --langs EN-US,ru-RU,kk-KZ --srclang EN-US\n  \
    tm export memory.tmx --for omegat   (memory.en-ru.tmx and memory.en-kk.tmx)"
)]
pub struct Args {
    /// The TMX file to write, or `-` for standard output.
    pub file: PathBuf,
    /// Languages to export, comma-separated (`en,ru` for a bilingual file;
    /// regional forms such as `EN-US`, `ru-RU`, `kk-KZ` are written as
    /// given); units with fewer than two of them are left out
    /// [default: en,ru,kk].
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub langs: Option<Vec<String>>,
    /// The header's source language (`en` or a regional form, written as
    /// given) [default: `*all*`, or the first of --langs when given].
    #[arg(long, value_name = "LANG")]
    pub srclang: Option<String>,
    /// Write for one tool: `omegat` writes one language pair per file,
    /// from the source language (default en) to each other language
    /// (`FILE` → `NAME.en-ru.tmx`, `NAME.en-kk.tmx`), so that OmegaT
    /// never takes one language for another.
    #[arg(long = "for", value_enum, value_name = "TOOL")]
    pub tool: Option<Tool>,
}

/// Tools with an export of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Tool {
    /// OmegaT: one bilingual TMX per language pair.
    Omegat,
}

/// Runs `tm export`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let memory_path = global.memory_path();
    let mut tags: BTreeMap<Lang, String> = BTreeMap::new();
    let mut tag = |given: &str, flag: &str| -> Result<Lang> {
        let (lang, written) = parse_tag(given).with_context(|| format!("{flag} {given}"))?;
        match tags.get(&lang) {
            Some(t) if *t != written => {
                bail!("{flag} {given}: {lang} is given twice, as {t} and as {given}; give one form")
            }
            _ => {}
        }
        if written != lang.code() {
            tags.insert(lang, written);
        }
        Ok(lang)
    };
    let given: Option<Vec<Lang>> = match &args.langs {
        Some(l) => Some(l.iter().map(|t| tag(t, "--langs")).collect::<Result<_>>()?),
        None => None,
    };
    let srclang = match &args.srclang {
        Some(s) => Some(tag(s, "--srclang")?),
        None => given.as_ref().and_then(|g| g.first().copied()),
    };
    let mut langs: Vec<Lang> = match &given {
        Some(l) => l.clone(),
        None => Lang::ALL.to_vec(),
    };
    langs.sort();
    langs.dedup();
    if langs.len() < 2 {
        bail!("--langs: name at least two languages (e.g. --langs en,ru)");
    }
    if let Some(s) = srclang {
        if !langs.contains(&s) {
            bail!("--srclang {s} is not one of the exported languages");
        }
    }
    let memory = memory::load(&memory_path)?;
    let options = ExportOptions {
        langs,
        srclang,
        tags,
    };
    if args.tool == Some(Tool::Omegat) {
        return omegat(&args, &memory, &memory_path, options);
    }
    let report = if args.file == Path::new("-") {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write_tmx(&memory, &options, &mut out)?
    } else {
        write_atomically(&args.file, &memory_path, |w| {
            write_tmx(&memory, &options, w)
        })?
    };
    let summary = summary(&report, &options, &memory_path);
    if args.file == Path::new("-") {
        eprintln!("tm: {summary}");
    } else {
        println!("{summary} to {}", args.file.display());
    }
    Ok(())
}

/// `--for omegat`: one bilingual file per pair, source first.
fn omegat(
    args: &Args,
    memory: &tm::memory::Memory,
    memory_path: &Path,
    options: ExportOptions,
) -> Result<()> {
    if args.file == Path::new("-") {
        bail!("--for omegat writes one file per language pair: give a file name, not -");
    }
    let source = options.srclang.unwrap_or(Lang::En);
    if !options.langs.contains(&source) {
        bail!("--for omegat: the source language {source} is not one of the exported languages");
    }
    for &target in options.langs.iter().filter(|&&l| l != source) {
        let pair = ExportOptions {
            langs: options
                .langs
                .iter()
                .copied()
                .filter(|&l| l == source || l == target)
                .collect(),
            srclang: Some(source),
            tags: options.tags.clone(),
        };
        let path = pair_path(&args.file, source, target);
        let report = write_atomically(&path, memory_path, |w| write_tmx(memory, &pair, w))?;
        println!(
            "{} to {}",
            summary(&report, &pair, memory_path),
            path.display()
        );
    }
    Ok(())
}

fn summary(report: &ExportReport, options: &ExportOptions, memory_path: &Path) -> String {
    let mut summary = format!(
        "exported {} units ({}) from {}",
        report.written,
        options
            .langs
            .iter()
            .map(|&l| options.tag(l))
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
    summary
}

/// Writes `path` through the storage layer, so a failed export never
/// leaves half a TMX, and refuses any file of the memory itself.
fn write_atomically(
    path: &Path,
    memory_path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<ExportReport>,
) -> Result<ExportReport> {
    let layout = Layout::at(memory_path);
    if layout.owns(path) {
        let what = match layout {
            Layout::File(_) => "this is the memory",
            Layout::Folder(_) => "this is inside the memory's folder",
        };
        bail!(
            "{}: {what} (--memory {}); export to another file",
            path.display(),
            memory_path.display()
        );
    }
    Ok(tm::storage::replace(
        path,
        tm::storage::Replace::Always,
        write,
    )?)
}
