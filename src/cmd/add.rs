//! `tm add`: align the language versions of one release and store the units;
//! `tm add --batch DIR` does it for every release in a folder tree
//! ([`batch`]).

mod batch;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::Args as ClapArgs;

use tm::align::judge::{check_release_with, mark_forced, storable, InputError, Version};
use tm::align::lexicon::Lexicon;
use tm::align::lexicon_file;
use tm::align::release::{align_release_with, Cut, ReleaseError};
use tm::align::{to_units, Aligned};
use tm::documents;
use tm::memory::changes::add_units;
use tm::memory::{self, AddReport};
use tm::report::add::AddJson;
use tm::Lang;

use super::common::{Global, InputFormat, OutputFormat};

/// Arguments of `tm add`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:\n  tm add --en examples/release-1.en.txt \
    --ru examples/release-1.ru.txt --kk examples/release-1.kk.txt\n  \
    tm add --batch archive/   (NAME.en.txt, NAME.ru.txt, NAME.kk.txt or en/NAME.txt, ru/NAME.txt, kk/NAME.txt)")]
pub struct Args {
    /// The English version of the release (`-` for standard input).
    #[arg(long, value_name = "FILE", required_unless_present = "batch")]
    pub en: Option<PathBuf>,
    /// The Russian version.
    #[arg(long, value_name = "FILE")]
    pub ru: Option<PathBuf>,
    /// The Kazakh version.
    #[arg(long, value_name = "FILE")]
    pub kk: Option<PathBuf>,
    /// Name of the release in the memory [default: the English file's stem].
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// Add every release in a folder tree: files named `NAME.en.txt`,
    /// `NAME.ru.txt`, `NAME.kk.txt`, or `en/NAME.txt`, `ru/NAME.txt`,
    /// `kk/NAME.txt`; NAME is the release's id.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["en", "ru", "kk", "id"])]
    pub batch: Option<PathBuf>,
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
    /// Store versions that do not look like translations of each other,
    /// every unit marked doubtful.
    #[arg(long)]
    pub force: bool,
    /// Align by lengths, numbers and names only, without the lexicon
    /// learned from the memory.
    #[arg(long)]
    pub no_lexicon: bool,
}

/// Runs `tm add`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    let cut = if args.lines {
        Cut::Lines
    } else {
        Cut::Sentences
    };
    // The word pairs learned from the memory added to, as anchors (none
    // for a new memory).
    let lexicon = if args.no_lexicon {
        Lexicon::empty()
    } else if args.dry_run {
        lexicon_file::peek(&global.memory_path())
    } else {
        lexicon_file::open(&global.memory_path()).0
    };
    if let Some(dir) = &args.batch {
        return batch::run(dir, cut, args.dry_run, args.format, &lexicon, global);
    }
    let Some(en_path) = args.en.clone() else {
        bail!("tm add needs --en FILE (or --batch DIR)");
    };
    if args.ru.is_none() && args.kk.is_none() {
        bail!("tm add needs at least two languages: give --ru FILE and/or --kk FILE besides --en");
    }
    // The readers' errors already name the file.
    let format = InputFormat::resolve(args.input_format);
    let read = |p: &Path| documents::read(p, format).map(|d| d.text);
    let en = read(&en_path)?;
    let ru = args.ru.as_deref().map(read).transpose()?;
    let kk = args.kk.as_deref().map(read).transpose()?;
    let aligned =
        align_release_with(&en, ru.as_deref(), kk.as_deref(), cut, &lexicon).map_err(|e| {
            let ReleaseError::Empty { lang } = &e;
            let file = match lang {
                Lang::En => &en_path,
                Lang::Ru => args.ru.as_ref().unwrap_or(&en_path),
                Lang::Kk => args.kk.as_ref().unwrap_or(&en_path),
            };
            anyhow::anyhow!("{}: {e}", file.display())
        })?;
    let versions: Vec<Version> = [
        (Lang::En, Some(&en_path), Some(en.as_str())),
        (Lang::Ru, args.ru.as_ref(), ru.as_deref()),
        (Lang::Kk, args.kk.as_ref(), kk.as_deref()),
    ]
    .into_iter()
    .filter_map(|(l, p, t)| Some(Version::new(l, p?.display(), t?)))
    .collect();
    let mut forced = false;
    match check_release_with(&versions, |t, l| cut.segments(t, l), &lexicon) {
        Ok(()) => {}
        // A dry run stores nothing: it shows the alignment and says.
        Err(e) if args.dry_run => eprintln!("tm: warning: {e}"),
        Err(e @ InputError::NotTranslation { .. }) if args.force => {
            eprintln!("tm: warning: {e}; stored anyway (--force), every unit marked doubtful");
            forced = true;
        }
        Err(e @ InputError::NotTranslation { .. }) => {
            bail!("{e}; nothing stored (--force stores it, every unit marked doubtful)")
        }
        Err(e) => bail!("{e}; nothing stored"),
    }
    let release = args.id.clone().unwrap_or_else(|| stem(&en_path));
    let mut out = std::io::stdout().lock();
    if args.dry_run {
        match args.format {
            OutputFormat::Json => json(&mut out, None, None, &aligned)?,
            OutputFormat::Text => dry_text(&mut out, &release, &aligned)?,
        }
        return Ok(out.flush()?);
    }
    // A sentence in one language only is no translation unit: reported,
    // not stored.
    let (mut aligned, lone) = storable(aligned);
    if forced {
        mark_forced(&mut aligned);
    }
    for u in &lone {
        let (lang, text) = Lang::ALL
            .iter()
            .map(|l| (*l, u.text(*l)))
            .find(|(_, t)| !t.is_empty())
            .unwrap_or((Lang::En, ""));
        eprintln!("tm: only in {}, not stored: {text}", lang.name());
    }
    let path = global.memory_path();
    let units = to_units(&aligned, &release, &memory::now());
    let report = add_units(&path, units, Lang::En)?;
    match args.format {
        OutputFormat::Json => json(&mut out, Some(&release), Some(&report), &aligned)?,
        OutputFormat::Text => report_text(&mut out, &release, &path, &report, &aligned)?,
    }
    Ok(out.flush()?)
}

/// The release name a file gives: as `tm add --batch` names it
/// ([`tm::batch::place`]: `release-2.en.txt`, `en/release-2.txt` and
/// `release-2/en.txt` → `release-2`), or else its name without directory
/// and the last extension.
fn stem(path: &Path) -> String {
    if let Some((name, _)) = tm::batch::place(path) {
        return name;
    }
    match path.file_stem().map(|s| s.to_string_lossy().into_owned()) {
        Some(name) if name != "-" => name,
        _ => "stdin".into(),
    }
}

fn json(
    out: &mut impl Write,
    release: Option<&str>,
    report: Option<&AddReport>,
    units: &[Aligned],
) -> Result<()> {
    serde_json::to_writer(&mut *out, &AddJson::new(release, report, units))?;
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
