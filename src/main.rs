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
    after_help = "Examples:\n  tm segment examples/release-1.en.txt\n  tm suggest examples/new-release.en.txt"
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
    /// Fuzzy matches from the memory for each sentence of a new release.
    Suggest(cmd::suggest::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Segment(args) => cmd::segment::run(args),
        Command::Suggest(args) => cmd::suggest::run(args, &cli.global),
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
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
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
