//! `tm segment`: split a release into sentence segments.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;

use tm::documents;
use tm::report::segment::SegmentReport;
use tm::segment::{segment_with, Options};
use tm::Lang;

use super::common::{InputFormat, LangArg, OutputFormat};

/// Arguments of `tm segment`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm segment examples/release-1.en.txt --format json\n  \
                        tm segment release.en.docx"
)]
pub struct Args {
    /// The release to segment (.txt, .docx, .html, .md), or `-` for
    /// standard input. JSON offsets count bytes of the text read from it
    /// (for a document: its paragraphs joined by blank lines).
    pub file: PathBuf,
    /// Read the file as this format, whatever its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Language of the text; `auto` detects it from the script.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangArg,
    /// Output: one segment per line, or JSON with offsets.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Treat single line breaks as spaces (for hard-wrapped text).
    #[arg(long)]
    pub join_lines: bool,
}

/// Runs `tm segment`.
pub fn run(args: Args) -> Result<()> {
    let text = documents::read(&args.file, InputFormat::resolve(args.input_format))?.text;
    let lang = match args.lang.resolve_file(&text, &args.file, "--lang") {
        Some(lang) => lang,
        None if text.trim().is_empty() => Lang::En,
        None => bail!(
            "{}: cannot tell the language (no Latin or Cyrillic letters); give --lang",
            args.file.display()
        ),
    };
    let options = Options {
        join_lines: args.join_lines,
    };
    let segments = segment_with(&text, lang, options);
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputFormat::Text => {
            for s in &segments {
                // A joined segment may span line breaks; one segment, one line.
                if s.text.contains(['\n', '\r']) {
                    let folded: Vec<&str> = s.text.split_whitespace().collect();
                    writeln!(out, "{}", folded.join(" "))?;
                } else {
                    writeln!(out, "{}", s.text)?;
                }
            }
        }
        OutputFormat::Json => {
            let report = SegmentReport {
                language: lang,
                segments,
            };
            serde_json::to_writer(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}
