//! Argument types shared by several subcommands.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;

use tm::Lang;

/// A language argument that may also be `auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Detect from the script of the text.
    Auto,
    /// English.
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl LangArg {
    /// The language given, or the one detected in `text` for `auto`.
    pub fn resolve(self, text: &str) -> Option<Lang> {
        match self {
            LangArg::Auto => Lang::detect(text),
            LangArg::En => Some(Lang::En),
            LangArg::Ru => Some(Lang::Ru),
            LangArg::Kk => Some(Lang::Kk),
        }
    }
}

/// Output for people or for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Plain text for people.
    Text,
    /// JSON for programs.
    Json,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always (even into a pipe, even with `NO_COLOR`).
    Always,
    /// Never (changes marked as [-removed-]{+added+}, phrases as [brackets]).
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Options every subcommand shares.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// The memory file [default: $TM_MEMORY, else memory/tm.json].
    #[arg(long, global = true, env = "TM_MEMORY", value_name = "PATH")]
    pub memory: Option<PathBuf>,
}

impl Global {
    /// The memory file to use.
    pub fn memory_path(&self) -> PathBuf {
        self.memory
            .clone()
            .unwrap_or_else(|| PathBuf::from("memory/tm.json"))
    }
}
