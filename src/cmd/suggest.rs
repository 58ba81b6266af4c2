//! `tm suggest`: fuzzy matches from the memory for each segment of a new
//! release, with an analysis by match band and, on request, drafts (text
//! files, or an XLIFF file for translators' tools). The output formats are
//! in [`output`].

mod output;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args as ClapArgs, ValueEnum};

use tm::documents;
use tm::fuzzy::draft::DRAFT_MIN;
use tm::report::suggest::{suggest, to_json, Ask};
use tm::Lang;

use super::common::{ColorChoice, Global, InputFormat, LangArg};

/// What `tm suggest` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for people.
    Text,
    /// JSON for programs.
    Json,
    /// An XLIFF 1.2 draft into the one `--to` language, for OmegaT, Trados,
    /// memoQ: each segment's best match as its target.
    Xliff,
}

/// Arguments of `tm suggest`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "Examples:\n  tm suggest examples/new-release.en.txt\n  \
                        tm suggest new.txt --to ru --min 75 --format json\n  \
                        tm suggest new.en.txt --draft drafts/\n  \
                        tm suggest new.en.txt --format xliff --to ru > new.ru.xlf\n  \
                        tm suggest new.en.txt --to ru --omegat new-ru/   (then: omegat new-ru/)")]
pub struct Args {
    /// The new release (.txt, .docx, .html, .md), or `-` for standard input.
    pub file: PathBuf,
    /// Read the file as this format, whatever its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
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
    /// Output: text for people, JSON for programs, or an XLIFF 1.2 draft
    /// (needs exactly one `--to` language).
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Colour the word diff.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Write a draft per target language into DIR in the release's format
    /// (`NAME.ru.txt`, `NAME.ru.docx`, …); never over an existing file
    /// unless `--force`.
    #[arg(long, value_name = "DIR")]
    pub draft: Option<PathBuf>,
    /// Lowest score whose translation goes into a draft or an XLIFF target;
    /// lower matches are still listed.
    #[arg(long, default_value_t = DRAFT_MIN, value_name = "N")]
    pub draft_min: f64,
    /// How a text draft shows what is not a 100 match: `marks` wraps it as
    /// `[[96% …]]` (unmatched: `[[en: …]]`), `none` writes clean text.
    #[arg(long, value_enum, default_value = "marks")]
    pub draft_marks: DraftMarks,
    /// Write an OmegaT project into DIR for translating the release into
    /// the one `--to` language: the release as its source document, exact
    /// matches in `tm/auto` (OmegaT fills them in), the others as fuzzy
    /// matches; open DIR in OmegaT.
    #[arg(long, value_name = "DIR")]
    pub omegat: Option<PathBuf>,
    /// Let `--draft` and `--omegat` replace existing files.
    #[arg(long)]
    pub force: bool,
}

/// How a text draft marks segments that are not a 100 match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftMarks {
    /// `[[96% …]]` and `[[en: …]]`.
    Marks,
    /// Clean text.
    None,
}

/// The environment variable that makes `tm suggest` say on standard error
/// how it opened the memory's index (segments searched, files indexed from
/// the JSON, merges): for tests and for people wondering about a slow run.
pub const SHOW_INDEX: &str = "TM_SHOW_INDEX";

/// Runs `tm suggest`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    for (name, v) in [("--min", args.min), ("--draft-min", args.draft_min)] {
        if !(0.0..=100.0).contains(&v) {
            bail!("{name} {v}: must be between 0 and 100");
        }
    }
    let mut asked: Vec<Lang> = Vec::new();
    for &l in &args.to {
        if !asked.contains(&l) {
            asked.push(l);
        }
    }
    let one_target = [
        (args.format == Format::Xliff, "--format xliff"),
        (args.omegat.is_some(), "--omegat"),
    ];
    for (_, what) in one_target.iter().filter(|(asked_for, _)| *asked_for) {
        match asked.as_slice() {
            [_] => {}
            [] => {
                bail!("{what} needs the language to translate into: give --to LANG, e.g. --to ru")
            }
            many => bail!(
                "{what} writes one target language, --to gave {}: run once per language",
                many.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
            ),
        }
    }
    let doc = documents::read(&args.file, InputFormat::resolve(args.input_format))?;
    let text = doc.text.as_str();
    if text.trim().is_empty() {
        bail!(
            "{}: the release is empty: nothing to match",
            args.file.display()
        );
    }
    let Some(from) = args.from.resolve_file(text, &args.file, "--from") else {
        bail!(
            "{}: cannot tell the language (no Latin or Cyrillic letters); give --from",
            args.file.display()
        );
    };
    if (args.format == Format::Xliff || args.omegat.is_some()) && asked == [from] {
        bail!(
            "--to {}: the release itself is in {0}; give the language to translate into",
            from.code()
        );
    }
    let memory = global.memory_path();
    let ask = Ask {
        to: asked,
        min: args.min,
        top: args.top,
    };
    let result = suggest(&memory, text, from, &ask)?;
    if std::env::var_os(SHOW_INDEX).is_some() {
        eprintln!("tm: index: {}", result.index);
    }
    let (to, found, bands) = (&result.to, &result.found, &result.bands);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &to_json(&result))?;
            writeln!(out)?;
        }
        Format::Xliff => output::write_xliff_draft(
            &mut out,
            &args.file,
            &doc,
            from,
            to[0],
            found,
            args.draft_min,
        )?,
        Format::Text => {
            let how = if args.from == LangArg::Auto {
                "guessed from the text; --from changes it"
            } else {
                "as --from says"
            };
            writeln!(out, "read as {} ({how})\n", from.name())?;
            output::print_text(&mut out, to, found, bands, args.color.enabled())?;
        }
    }
    out.flush()?;
    if let Some(dir) = &args.draft {
        let options = output::DraftOptions {
            min: args.draft_min,
            marks: args.draft_marks == DraftMarks::Marks,
            force: args.force,
            memory: tm::memory::Layout::at(&global.memory_path()),
        };
        output::write_drafts(dir, &args.file, &doc, from, to, found, options)?;
    }
    if let Some(dir) = &args.omegat {
        if tm::memory::Layout::at(&global.memory_path()).owns(dir) {
            anyhow::bail!(
                "{}: this is in the memory; write the OmegaT project elsewhere",
                dir.display()
            );
        }
        output::write_omegat(dir, &doc, from, to[0], found, args.draft_min, args.force)?;
    }
    Ok(())
}
