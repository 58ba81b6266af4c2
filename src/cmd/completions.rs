//! `tm completions`: shell completion scripts, generated from the same
//! definitions as the parser, so they never disagree with it.

use anyhow::Result;
use clap::{Args as ClapArgs, CommandFactory};
use clap_complete::Shell;

/// Arguments of `tm completions`.
#[derive(Debug, ClapArgs)]
#[command(
    after_help = "Examples:\n  tm completions bash > ~/.local/share/bash-completion/completions/tm\n  tm completions zsh > ~/.zfunc/_tm\n  tm completions fish > ~/.config/fish/completions/tm.fish"
)]
pub struct Args {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

/// The shells tm writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

/// Runs `tm completions`.
pub fn run(args: Args) -> Result<()> {
    let shell = match args.shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut cmd = crate::Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cmd, "tm", &mut out);
    Ok(())
}
