//! `tm add`: align the language versions of one release and store the units.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::Args as ClapArgs;
use serde::Serialize;

use tm::align::release::{align_release, Cut, ReleaseError};
use tm::align::{to_units, Aligned};
use tm::documents;
use tm::memory::{self, AddReport, EditOutcome, MemoryError};
use tm::Lang;

use super::common::{Global, InputFormat, OutputFormat};

/// Arguments of `tm add`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Example:\n  tm add --en examples/release-1.en.txt \
    --ru examples/release-1.ru.txt --kk examples/release-1.kk.txt")]
pub struct Args {
    /// The English version of the release (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub en: PathBuf,
    /// The Russian version.
    #[arg(long, value_name = "FILE")]
    pub ru: Option<PathBuf>,
    /// The Kazakh version.
    #[arg(long, value_name = "FILE")]
    pub kk: Option<PathBuf>,
    /// Name of the release in the memory [default: the English file's stem].
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// Read the files as this format, whatever their extensions
    /// (by default: .docx, .html/.htm, .md, else plain text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// The texts are segmented already: one segment a line.
    #[arg(long)]
    pub lines: bool,
    /// Show the alignment and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Output: a report for people, or the alignment as JSON.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    release: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    added: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicates: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternatives: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed_with: Option<&'a BTreeMap<Lang, usize>>,
    units: &'a [Aligned],
}

/// Runs `tm add`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    if args.ru.is_none() && args.kk.is_none() {
        bail!("tm add needs at least two languages: give --ru FILE and/or --kk FILE besides --en");
    }
    // The readers' errors already name the file.
    let format = InputFormat::resolve(args.input_format);
    let read = |p: &Path| documents::read(p, format).map(|d| d.text);
    let en = read(&args.en)?;
    let ru = args.ru.as_deref().map(read).transpose()?;
    let kk = args.kk.as_deref().map(read).transpose()?;
    let cut = if args.lines {
        Cut::Lines
    } else {
        Cut::Sentences
    };
    let aligned = align_release(&en, ru.as_deref(), kk.as_deref(), cut).map_err(|e| {
        let ReleaseError::Empty { lang } = &e;
        let file = match lang {
            Lang::En => &args.en,
            Lang::Ru => args.ru.as_ref().unwrap_or(&args.en),
            Lang::Kk => args.kk.as_ref().unwrap_or(&args.en),
        };
        anyhow::anyhow!("{}: {e}", file.display())
    })?;
    let release = args.id.clone().unwrap_or_else(|| stem(&args.en));
    let mut out = std::io::stdout().lock();
    if args.dry_run {
        match args.format {
            OutputFormat::Json => json(&mut out, None, None, &aligned)?,
            OutputFormat::Text => dry_text(&mut out, &release, &aligned)?,
        }
        return Ok(out.flush()?);
    }
    let path = global.memory_path();
    let units = to_units(&aligned, &release, &memory::now());
    let report = memory::edit(&path, true, |m| {
        let r = m.add(units, Lang::En);
        let outcome = if r.changed() {
            EditOutcome::Save
        } else {
            EditOutcome::Discard
        };
        Ok::<_, MemoryError>((r, outcome))
    })?;
    match args.format {
        OutputFormat::Json => json(&mut out, Some(&release), Some(&report), &aligned)?,
        OutputFormat::Text => report_text(&mut out, &release, &path, &report, &aligned)?,
    }
    Ok(out.flush()?)
}

/// The release name a file gives: its name without directory and the last
/// extension, and without a language suffix (`release-2.en.txt` → `release-2`).
fn stem(path: &Path) -> String {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    match name.rsplit_once('.') {
        Some((base, "en")) if !base.is_empty() => base.to_string(),
        _ if name == "-" => "stdin".into(),
        _ => name,
    }
}

fn json(
    out: &mut impl Write,
    release: Option<&str>,
    report: Option<&AddReport>,
    units: &[Aligned],
) -> Result<()> {
    let j = JsonOut {
        release,
        added: report.map(|r| r.added),
        duplicates: report.map(|r| r.duplicates),
        alternatives: report.map(|r| r.alternatives),
        completed: report.map(|r| r.completed),
        completed_with: report.map(|r| &r.completed_with),
        units,
    };
    serde_json::to_writer(&mut *out, &j)?;
    writeln!(out)?;
    Ok(())
}

fn unit_lines(out: &mut impl Write, u: &Aligned) -> Result<()> {
    for lang in Lang::ALL {
        let t = u.text(lang);
        writeln!(
            out,
            "  {}: {}",
            lang.code(),
            if t.is_empty() { "—" } else { t }
        )?;
    }
    Ok(())
}

fn dry_text(out: &mut impl Write, release: &str, units: &[Aligned]) -> Result<()> {
    for (i, u) in units.iter().enumerate() {
        let mark = if u.doubtful() { "  DOUBTFUL" } else { "" };
        writeln!(out, "#{i} {} confidence {:.2}{mark}", u.beads, u.confidence)?;
        unit_lines(out, u)?;
    }
    let doubtful = units.iter().filter(|u| u.doubtful()).count();
    writeln!(
        out,
        "{release}: {} units, {doubtful} doubtful (dry run, nothing written)",
        units.len()
    )?;
    Ok(())
}

fn report_text(
    out: &mut impl Write,
    release: &str,
    path: &Path,
    r: &AddReport,
    units: &[Aligned],
) -> Result<()> {
    let completed = memory::completed_summary(&r.completed_with)
        .map(|c| format!(", {c}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{release}: {} units added, {} already there, {} alternative translations{completed} ({})",
        r.added,
        r.duplicates,
        r.alternatives,
        path.display()
    )?;
    let doubtful: Vec<(usize, &Aligned)> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.doubtful())
        .collect();
    if !doubtful.is_empty() {
        writeln!(out, "{} doubtful alignments to check:", doubtful.len())?;
    }
    for (i, u) in doubtful {
        writeln!(out, "#{i} {} confidence {:.2}", u.beads, u.confidence)?;
        unit_lines(out, u)?;
    }
    Ok(())
}
