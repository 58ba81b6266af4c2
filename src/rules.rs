//! The one reader of tm's rule files: the word lists and tables that are
//! data a reader can open and extend (`src/segment/rules/*.txt`,
//! `src/localise/rules/*.txt`, `src/align/lengths.txt`, …), compiled into
//! the binary.
//!
//! Every such file has the same shape: one entry a line, its fields
//! separated by white space; `#` starts a comment that runs to the end of
//! the line; blank lines are skipped; a line `[name]` starts a section, in
//! the files whose reader allows sections. This module reads that much and
//! nothing more: what the fields of a line mean is for the area that owns
//! the file, which turns each [`Line`] into its entries and reports a line
//! it cannot read with [`Line::error`]. So every file is read the same way,
//! and every error names the file and the line.
//!
//! The files are built in, so a bad line is a bug in tm, not in its input:
//! each area reads its files once and stops with the error ([`built_in`]),
//! and the test at the end of this file reads every built-in file, so that
//! `cargo test` names the file and line of a bad edit first.

use std::str::FromStr;

/// A rule file: where it lives in the source tree (for messages) and its
/// text. Built-in files are made with `rule_file!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleFile<'a> {
    name: &'a str,
    text: &'a str,
}

/// A rule file compiled in: `rule_file!("rules/en.txt")` reads the file as
/// `include_str!` does (relative to the source file that names it) and
/// remembers its path, so that errors name it.
macro_rules! rule_file {
    ($path:literal) => {
        $crate::rules::RuleFile::new(concat!(file!(), "/../", $path), include_str!($path))
    };
}
pub(crate) use rule_file;

/// What is wrong with a line of a rule file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct RuleError {
    /// The file's path in the source tree.
    pub file: String,
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// One line of a rule file that holds an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    file: &'a str,
    /// The line's number, counted from 1.
    pub number: usize,
    /// The section the line stands in (`None` before any `[name]` line).
    pub section: Option<&'a str>,
    /// The fields, in order; never empty.
    pub fields: Vec<&'a str>,
}

impl<'a> RuleFile<'a> {
    /// A rule file named `name` (a path; `a/b.rs/../c.txt` is shown as
    /// `a/c.txt`) holding `text`.
    pub const fn new(name: &'a str, text: &'a str) -> RuleFile<'a> {
        RuleFile { name, text }
    }

    /// The whole text, for stamping what was built with it.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The file's path as messages show it.
    pub fn path(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for part in self.name.split('/') {
            match part {
                ".." => {
                    parts.pop();
                }
                "." | "" => {}
                p => parts.push(p),
            }
        }
        parts.join("/")
    }

    /// The lines that hold an entry, in order. A `[name]` line starts a
    /// section when `sections` lists the name, and is an error otherwise
    /// (so a file whose reader knows no sections has none).
    pub fn lines(
        self,
        sections: &'a [&'a str],
    ) -> impl Iterator<Item = Result<Line<'a>, RuleError>> + 'a {
        let mut section = None;
        self.text.lines().enumerate().filter_map(move |(i, raw)| {
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                return None;
            }
            let mut line = Line {
                file: self.name,
                number: i + 1,
                section,
                fields: content.split_whitespace().collect(),
            };
            let Some(name) = content.strip_prefix('[').and_then(|c| c.strip_suffix(']')) else {
                return Some(Ok(line));
            };
            if sections.contains(&name) {
                section = Some(name);
                return None;
            }
            line.section = Some(name);
            Some(Err(line.error(format!("unknown section [{name}]"))))
        })
    }
}

impl<'a> Line<'a> {
    /// An error about this line.
    pub fn error(&self, message: impl Into<String>) -> RuleError {
        RuleError {
            file: RuleFile::new(self.file, "").path(),
            line: self.number,
            message: message.into(),
        }
    }

    /// The line's fields when there are exactly `n` of them, else an error
    /// saying what the line should hold (`what`, as the file's header
    /// describes it).
    pub fn exactly(&self, n: usize, what: &str) -> Result<&[&'a str], RuleError> {
        if self.fields.len() == n {
            Ok(&self.fields)
        } else {
            Err(self.error(format!(
                "expected {what} ({n} fields), found {} fields",
                self.fields.len()
            )))
        }
    }

    /// The value of a setting line, `NAME NUMBER`.
    pub fn setting<T: FromStr>(&self) -> Result<T, RuleError> {
        self.exactly(2, &format!("{} and one number", self.fields[0]))?;
        self.number(1)
    }

    /// Field `i` read as a number (or any type read from text).
    pub fn number<T: FromStr>(&self, i: usize) -> Result<T, RuleError> {
        let field = self
            .fields
            .get(i)
            .ok_or_else(|| self.error(format!("field {} is missing", i + 1)))?;
        field
            .parse()
            .map_err(|_| self.error(format!("'{field}' is not a number")))
    }
}

/// The value read from a built-in rule file; an error there is a bug in
/// tm that the test below catches first, so it stops the program with the
/// file and line.
pub fn built_in<T>(read: Result<T, RuleError>) -> T {
    read.unwrap_or_else(|e| panic!("built-in rule file: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> RuleFile<'_> {
        RuleFile::new("src/x/rules.rs/../rules/t.txt", text)
    }

    #[test]
    fn comments_blanks_and_fields() {
        let lines: Vec<Line> = file("# head\n\n a  b # tail\n\tc\n#\n")
            .lines(&[])
            .collect::<Result<_, _>>()
            .unwrap();
        let got: Vec<(usize, Vec<&str>)> =
            lines.iter().map(|l| (l.number, l.fields.clone())).collect();
        assert_eq!(got, [(3, vec!["a", "b"]), (4, vec!["c"])]);
        assert!(lines.iter().all(|l| l.section.is_none()));
    }

    #[test]
    fn sections_only_where_allowed() {
        let text = "a\n[more] # comment\nb c\n";
        let lines: Vec<Line> = file(text)
            .lines(&["more"])
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(lines[0].section, None);
        assert_eq!(lines[1].section, Some("more"));
        let err = file(text).lines(&[]).nth(1).unwrap().unwrap_err();
        assert_eq!(
            err.to_string(),
            "src/x/rules/t.txt:2: unknown section [more]"
        );
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let line = file("\nlimit x y\n").lines(&[]).next().unwrap().unwrap();
        assert_eq!(
            line.number::<usize>(1).unwrap_err().to_string(),
            "src/x/rules/t.txt:2: 'x' is not a number"
        );
        assert_eq!(
            line.number::<usize>(3).unwrap_err().message,
            "field 4 is missing"
        );
        assert_eq!(
            line.exactly(2, "NAME VALUE").unwrap_err().message,
            "expected NAME VALUE (2 fields), found 3 fields"
        );
        assert_eq!(line.exactly(3, "").unwrap(), ["limit", "x", "y"]);
        assert_eq!(
            line.setting::<usize>().unwrap_err().message,
            "expected limit and one number (2 fields), found 3 fields"
        );
    }

    #[test]
    fn built_in_paths_are_shown_from_the_crate_root() {
        let f = rule_file!("align/lengths.txt");
        assert_eq!(f.path(), "src/align/lengths.txt");
        assert!(f.text().contains("en ru"));
    }

    /// Every `.txt` file under `dir`, as a path from the crate root.
    fn txt_files(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                txt_files(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let rel = path.strip_prefix(root).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }

    #[test]
    fn every_built_in_rule_file_is_read_without_error() {
        let checks = [
            crate::segment::rules::check_built_in,
            crate::localise::rules::check_built_in,
            crate::concord::rules::Rules::check_built_in,
            crate::text::stem::check_built_in,
            crate::align::length::check_built_in,
            crate::text::numbers::check_built_in,
            crate::align::seed::check_built_in,
            crate::documents::entities::check_built_in,
        ];
        let mut read = Vec::new();
        for check in checks {
            match check() {
                Ok(files) => read.extend(files.iter().map(RuleFile::path)),
                Err(e) => panic!("{e}"),
            }
        }
        read.sort();
        // Every data file in the source tree is one of them: a new rule
        // file is read through this module and checked here too.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut present = Vec::new();
        txt_files(root, &root.join("src"), &mut present);
        present.sort();
        assert_eq!(read, present);
    }
}
