//! `tm concord`: how was this phrase translated before? The units whose text
//! contains the phrase, newest first, with the phrase marked.

use std::io::Write;

use anyhow::{bail, Result};
use clap::Args as ClapArgs;

use tm::concord::cache::concord_file;
use tm::concord::{mark, ConcordError};
use tm::report::concord::ConcordJson;
use tm::text::is_word_char;
use tm::Lang;

use super::common::ColorChoice;
use super::common::{Global, OutputFormat};
use super::show::write_unit;

/// Arguments of `tm concord`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm concord \"Астана\"                (Russian: finds Астане, Астаны)\n  tm concord \"Астана\" --lang kk      (finds Астанада, Астананың)\n  tm concord \"press conference\" --top 5 --format json"
)]
pub struct Args {
    /// The words to look for (whole words, any case, Russian and Kazakh
    /// endings allowed).
    #[arg(value_name = "PHRASE")]
    pub phrase: String,
    /// The language to search in [default: detected from the phrase's script].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// Show at most this many units.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// Output: blocks of text for people, or JSON.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Colour the phrase (`auto`: on a terminal unless NO_COLOR is set);
    /// without colour it is put in [brackets].
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Runs `tm concord`.
pub fn run(args: Args, global: &Global) -> Result<()> {
    if !args.phrase.chars().any(is_word_char) {
        return Err(ConcordError::EmptyPhrase.into());
    }
    let lang = match args.lang.or_else(|| Lang::detect(&args.phrase)) {
        Some(l) => l,
        None => bail!(
            "cannot tell the language of '{}' (no Latin or Cyrillic letters); give --lang",
            args.phrase
        ),
    };
    let path = global.memory_path();
    // Through the concordance file beside the memory, built on first use.
    let (found, _) = concord_file(&path, &args.phrase, lang, args.top)?;
    let mut out = std::io::stdout().lock();
    if args.format == OutputFormat::Json {
        let json = ConcordJson::new(&args.phrase, lang, &found);
        serde_json::to_writer(&mut out, &json)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    let (open, close) = if args.color.enabled() {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    for (i, h) in found.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let u = &h.unit;
        let marked = mark(u.text(lang).unwrap_or(""), &h.spans, open, close);
        write_unit(&mut out, u, Some(lang), Some(&marked))?;
    }
    out.flush()?;
    if found.hits.is_empty() {
        eprintln!("no unit has '{}' in its {} text", args.phrase, lang.code());
    } else if found.more {
        eprintln!(
            "more units match; showing the newest {} (raise --top for more)",
            found.hits.len()
        );
    }
    Ok(())
}
