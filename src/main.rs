//! The `tm` command line: parses the arguments and hands over to `cmd/`.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// A translation memory for press releases in English, Russian and Kazakh.
#[derive(Debug, Parser)]
#[command(
    name = "tm",
    version,
    about,
    after_help = "Examples:\n  tm segment examples/release-1.en.txt\n  tm suggest examples/new-release.en.txt\n  tm concord \"Астана\"\n  tm review --release release-7"
)]
struct Cli {
    #[command(flatten)]
    global: cmd::common::Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Split a release into sentence segments.
    Segment(cmd::segment::Args),
    /// Align the English, Russian and Kazakh versions of a release and store them.
    Add(cmd::add::Args),
    /// Fuzzy matches from the memory for each sentence of a new release.
    Suggest(cmd::suggest::Args),
    /// Import a TMX or TSV file into the memory.
    Import(cmd::import::Args),
    /// Export the memory as TMX 1.4b.
    Export(cmd::export::Args),
    /// Find the units whose text contains a phrase, newest first.
    Concord(cmd::concord::Args),
    /// List the units of the memory, all or by release or language.
    List(cmd::list::Args),
    /// Show the units marked doubtful at alignment, and accept them.
    Review(cmd::review::Args),
    /// Correct the text of one language of a unit.
    Edit(cmd::edit::Args),
    /// Remove units, or every unit of a release, from the memory.
    Remove(cmd::remove::Args),
    /// Merge two neighbouring units of a release the aligner kept apart.
    Merge(cmd::regroup::MergeArgs),
    /// Split a unit the aligner grouped wrongly in two, at sentence ends.
    Split(cmd::regroup::SplitArgs),
    /// Show what the memory holds, in numbers.
    Stats(cmd::stats::Args),
    /// Turn a single-file memory (tm.json) into a folder memory git merges.
    Migrate(cmd::migrate::Args),
    /// Serve the JSON API and the translators' page over HTTP.
    Serve(cmd::serve::Args),
    /// Write a shell completion script to standard output.
    Completions(cmd::completions::Args),
    /// Write the manual page to standard output (or a directory).
    Man(cmd::man::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = &cli.global;
    let result = match cli.command {
        Command::Segment(args) => cmd::segment::run(args),
        Command::Add(args) => cmd::add::run(args, global),
        Command::Suggest(args) => cmd::suggest::run(args, global),
        Command::Import(args) => cmd::import::run(args, global),
        Command::Export(args) => cmd::export::run(args, global),
        Command::Concord(args) => cmd::concord::run(args, global),
        Command::List(args) => cmd::list::run(args, global),
        Command::Review(args) => cmd::review::run(args, global),
        Command::Edit(args) => cmd::edit::run(args, global),
        Command::Remove(args) => cmd::remove::run(args, global),
        Command::Merge(args) => cmd::regroup::merge(args, global),
        Command::Split(args) => cmd::regroup::split(args, global),
        Command::Stats(args) => cmd::stats::run(args, global),
        Command::Migrate(args) => cmd::migrate::run(args, global),
        Command::Serve(args) => cmd::serve::run(args, global),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man(args) => cmd::man::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tm: {}", one_line(&err));
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped reading (`tm segment big.txt | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io_kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        io_kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line, outermost first, without repeats.
fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ").replace('\n', " ")
}
