//! Argument types shared by several subcommands.

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
