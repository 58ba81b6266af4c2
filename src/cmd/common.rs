//! Argument types shared by several subcommands.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use tm::documents::Format;
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

    /// [`LangArg::resolve`] for the text of `file`, given with the option
    /// `flag` (`--lang`, `--from`): a language given explicitly is used, but
    /// when the text clearly reads as another one, a warning says so on
    /// standard error.
    pub fn resolve_file(self, text: &str, file: &Path, flag: &str) -> Option<Lang> {
        let lang = self.resolve(text)?;
        if let Some(warning) = self.disagreement(text, file, flag) {
            eprintln!("{warning}");
        }
        Some(lang)
    }

    /// The warning [`LangArg::resolve_file`] prints, if any.
    fn disagreement(self, text: &str, file: &Path, flag: &str) -> Option<String> {
        if self == LangArg::Auto {
            return None;
        }
        let given = self.resolve(text)?;
        let guess = Lang::detect_with_confidence(text)?;
        let name = if file == Path::new("-") {
            "standard input".to_string()
        } else {
            file.display().to_string()
        };
        (guess.clear && guess.lang != given).then(|| {
            format!(
                "tm: warning: {name} reads as {}, but {flag} {} was given",
                guess.lang.name(),
                given.code()
            )
        })
    }
}

/// The format of a release file, overriding its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Plain text.
    Txt,
    /// A Word document (.docx).
    Docx,
    /// An HTML page.
    Html,
    /// Markdown.
    Md,
}

impl InputFormat {
    /// The library's format for an optional `--input-format`.
    pub fn resolve(f: Option<InputFormat>) -> Option<Format> {
        f.map(|f| match f {
            InputFormat::Txt => Format::Text,
            InputFormat::Docx => Format::Docx,
            InputFormat::Html => Format::Html,
            InputFormat::Md => Format::Markdown,
        })
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
    /// The memory: a folder (schema 2) or a single `.json` file (schema 1)
    /// [default: $TM_MEMORY, else the folder memory/, or memory/tm.json
    /// where that older file is].
    #[arg(long, global = true, env = "TM_MEMORY", value_name = "PATH")]
    pub memory: Option<PathBuf>,
}

impl Global {
    /// The memory to use (see [`tm::memory::Layout::at`] for how its
    /// layout is told).
    pub fn memory_path(&self) -> PathBuf {
        self.memory
            .clone()
            .unwrap_or_else(|| PathBuf::from("memory"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Әлия Нұрсұлтанқызы открыла в понедельник новую школу. \
        В ней будут учиться 600 детей из трёх районов.";

    #[test]
    fn a_clear_disagreement_is_a_warning() {
        let file = Path::new("news.ru.txt");
        assert_eq!(
            LangArg::Kk.disagreement(RUSSIAN, file, "--from").as_deref(),
            Some("tm: warning: news.ru.txt reads as Russian, but --from kk was given")
        );
        assert_eq!(LangArg::Ru.disagreement(RUSSIAN, file, "--from"), None);
        assert_eq!(LangArg::Auto.disagreement(RUSSIAN, file, "--from"), None);
        // A short text leaves room for doubt: no warning.
        assert_eq!(
            LangArg::Kk.disagreement("Офис открыт.", file, "--lang"),
            None
        );
        assert_eq!(
            LangArg::Kk.resolve_file(RUSSIAN, file, "--lang"),
            Some(Lang::Kk)
        );
    }
}
