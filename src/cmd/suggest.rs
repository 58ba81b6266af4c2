//! `tm suggest`: fuzzy matches from the memory for each segment of a new
//! release, with an analysis by match band and, on request, drafts.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args as ClapArgs, ValueEnum};
use serde_json::{json, Value};

use tm::fuzzy::bands::{analyse, BandRow};
use tm::fuzzy::diff::render;
use tm::fuzzy::draft::draft;
use tm::fuzzy::words::words;
use tm::fuzzy::{cache, Match};
use tm::input::read_text;
use tm::memory::normalize;
use tm::segment::{segment, Segment};
use tm::Lang;

use super::common::{Global, LangArg, OutputFormat};

/// When to colour the word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never: mark changes as [-removed-]{+added+}.
    Never,
}

/// Arguments of `tm suggest`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:\n  tm suggest examples/new-release.en.txt\n  \
                        tm suggest new.txt --to ru --min 75 --format json\n  \
                        tm suggest new.en.txt --draft drafts/")]
pub struct Args {
    /// The new release, or `-` for standard input.
    pub file: PathBuf,
    /// Language of the release; `auto` detects it from the script.
    #[arg(long, value_enum, default_value = "auto")]
    pub from: LangArg,
    /// Languages of the translations to show, comma-separated
    /// [default: every other language in the memory].
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub to: Vec<Lang>,
    /// Lowest score (0–100) offered as a match.
    #[arg(long, default_value_t = 50.0, value_name = "N")]
    pub min: f64,
    /// How many matches to show per segment.
    #[arg(long, default_value_t = 3, value_name = "K")]
    pub top: usize,
    /// Output: text for people, or JSON for programs.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Colour the word diff.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Write a draft per target language into DIR (`NAME.ru.txt`, …).
    #[arg(long, value_name = "DIR")]
    pub draft: Option<PathBuf>,
}

/// One segment with its matches.
struct Found {
    segment: Segment,
    words: usize,
    matches: Vec<Match>,
}

/// Runs `tm suggest`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    if !(0.0..=100.0).contains(&args.min) {
        bail!("--min {}: must be between 0 and 100", args.min);
    }
    let text = read_text(&args.file)?;
    if text.trim().is_empty() {
        bail!(
            "{}: the release is empty: nothing to match",
            args.file.display()
        );
    }
    let Some(from) = args.from.resolve(&text) else {
        bail!(
            "{}: cannot tell the language (no Latin or Cyrillic letters); give --from",
            args.file.display()
        );
    };
    let memory = global.memory_path();
    let (mut matcher, source) = cache::open(&memory, from)?;
    let segments = segment(&text, from);
    let found = match match_all(&mut matcher, &segments, from, &args) {
        Ok(found) => found,
        // A cache damaged inside (its checks passed) is rebuilt, once.
        Err(_) if source == cache::Source::Cache => {
            let _ = std::fs::remove_file(cache::cache_path(&memory, from));
            matcher = cache::open(&memory, from)?.0;
            match_all(&mut matcher, &segments, from, &args)
                .with_context(|| format!("reading the cache of {}", memory.display()))?
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", memory.display())),
    };
    let to: Vec<Lang> = if args.to.is_empty() {
        Lang::ALL
            .into_iter()
            .filter(|&l| l != from && matcher.langs[l as usize])
            .collect()
    } else {
        args.to.iter().copied().filter(|&l| l != from).collect()
    };
    let norms: Vec<String> = found.iter().map(|f| normalize(&f.segment.text)).collect();
    let bands = analyse(
        found
            .iter()
            .zip(&norms)
            .map(|(f, n)| (n.as_str(), f.words, f.matches.first().map(|m| m.score))),
    );
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer(&mut out, &to_json(from, &to, &found, &bands))?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            print_text(&mut out, &to, &found, &bands, color)?;
        }
    }
    out.flush()?;
    if let Some(dir) = &args.draft {
        write_drafts(dir, &args.file, &text, from, &to, &found)?;
    }
    Ok(())
}

/// The matches of every segment.
fn match_all(
    matcher: &mut tm::fuzzy::Matcher,
    segments: &[Segment],
    from: Lang,
    args: &Args,
) -> std::io::Result<Vec<Found>> {
    segments
        .iter()
        .map(|s| {
            Ok(Found {
                words: words(&s.text, from).len(),
                matches: matcher.search(&s.text, args.min, args.top)?,
                segment: s.clone(),
            })
        })
        .collect()
}

fn targets_of<'a>(m: &'a Match, to: &'a [Lang]) -> impl Iterator<Item = &'a (Lang, String)> {
    m.targets.iter().filter(|(l, _)| to.contains(l))
}

fn to_json(from: Lang, to: &[Lang], found: &[Found], bands: &[BandRow]) -> Value {
    let segments: Vec<Value> = found
        .iter()
        .map(|f| {
            let matches: Vec<Value> = f
                .matches
                .iter()
                .map(|m| {
                    let targets: serde_json::Map<String, Value> = targets_of(m, to)
                        .map(|(l, t)| (l.code().to_string(), Value::from(t.as_str())))
                        .collect();
                    let adapted: Vec<&str> = m
                        .numbers_adapted
                        .iter()
                        .filter(|l| to.contains(l))
                        .map(|l| l.code())
                        .collect();
                    json!({
                        "score": m.score,
                        "id": m.id,
                        "source": m.source,
                        "targets": targets,
                        "diff": render(&m.diff, false),
                        "numbers_adapted": adapted,
                        "doubtful": m.doubtful,
                    })
                })
                .collect();
            json!({"index": f.segment.index, "text": f.segment.text, "matches": matches})
        })
        .collect();
    json!({
        "source_language": from.code(),
        "segments": segments,
        "summary": {"bands": bands},
    })
}

fn print_text(
    out: &mut impl Write,
    to: &[Lang],
    found: &[Found],
    bands: &[BandRow],
    color: bool,
) -> std::io::Result<()> {
    for f in found {
        writeln!(out, "[{}] {}", f.segment.index + 1, f.segment.text)?;
        if f.matches.is_empty() {
            writeln!(out, "    no match")?;
        }
        for m in &f.matches {
            writeln!(
                out,
                "  {:>5.1}  {}  {}",
                m.score,
                m.id,
                render(&m.diff, color)
            )?;
            if m.doubtful {
                writeln!(
                    out,
                    "         warning: doubtful alignment, check the translation"
                )?;
            }
            for (l, t) in targets_of(m, to) {
                let note = if m.numbers_adapted.contains(l) {
                    "  (numbers adapted)"
                } else {
                    ""
                };
                writeln!(out, "         {}: {t}{note}", l.code())?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{:<12} {:>8} {:>8}", "band", "segments", "words")?;
    for b in bands {
        writeln!(out, "{:<12} {:>8} {:>8}", b.band, b.segments, b.words)?;
    }
    let (s, w) = bands
        .iter()
        .fold((0, 0), |(s, w), b| (s + b.segments, w + b.words));
    writeln!(out, "{:<12} {:>8} {:>8}", "total", s, w)
}

/// `release.en.txt` → `release`; standard input → `release`.
fn draft_name(file: &Path, from: Lang) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| n != "-")
        .unwrap_or_else(|| "release".into());
    let name = name.strip_suffix(".txt").unwrap_or(&name);
    let name = name
        .strip_suffix(&format!(".{}", from.code()))
        .unwrap_or(name);
    name.to_string()
}

fn write_drafts(
    dir: &Path,
    file: &Path,
    text: &str,
    from: Lang,
    to: &[Lang],
    found: &[Found],
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let segments: Vec<Segment> = found.iter().map(|f| f.segment.clone()).collect();
    for &lang in to {
        let choice: Vec<Option<String>> = found
            .iter()
            .map(|f| {
                f.matches.first().and_then(|m| {
                    m.targets
                        .iter()
                        .find(|(l, _)| *l == lang)
                        .map(|(_, t)| t.clone())
                })
            })
            .collect();
        let path = dir.join(format!("{}.{}.txt", draft_name(file, from), lang.code()));
        std::fs::write(&path, draft(text, &segments, &choice, from))
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("tm: wrote {}", path.display());
    }
    Ok(())
}
