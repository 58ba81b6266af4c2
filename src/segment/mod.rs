//! Sentence segmentation of a release, with rules for English, Russian and
//! Kazakh.
//!
//! This is the one segmenter of tm: `tm segment`, `tm add` and `tm suggest`
//! all cut text here, so a sentence is the same unit everywhere.
//!
//! How it works: `lines` cuts the text into spans (every line break ends a
//! segment, unless lines are joined); `engine` scans each span for
//! sentence-ending punctuation and bullets, past a `dateline`; `boundary`
//! decides each candidate from the token before it (`token`) and the word
//! after it, with the per-language abbreviation and sentence-starter lists
//! of `rules` (data files under `src/segment/rules/`); `runin` (with
//! `speech`) finds a headline run into its lede on one line.

mod boundary;
mod chars;
mod dateline;
mod engine;
mod lines;
pub(crate) mod rules;
mod runin;
mod speech;
mod token;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::lang::Lang;

/// One sentence segment of a text, with where it stands in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Position among the segments of the text, from 0.
    pub index: usize,
    /// Paragraph (block of lines between blank lines) it belongs to, from 0.
    pub paragraph: usize,
    /// Byte offset of its first byte in the input.
    pub start: usize,
    /// Byte offset just past its last byte in the input.
    pub end: usize,
    /// The text of the segment, `input[start..end]`.
    pub text: String,
}

/// The longest segment, in characters. Longer runs without a sentence end
/// (a paragraph with no punctuation, garbage) are cut at the last space
/// before it. Real sentences of press releases stay far below.
pub const MAX_SEGMENT_CHARS: usize = 2_000;

/// How to segment, beyond the language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Treat single line breaks inside a paragraph as spaces (for
    /// hard-wrapped text); blank lines still end paragraphs, and a line that
    /// starts with a list marker still starts a segment.
    pub join_lines: bool,
}

/// Splits `text` into sentence segments by the rules of `lang`.
pub fn segment(text: &str, lang: Lang) -> Vec<Segment> {
    segment_with(text, lang, Options::default())
}

/// Splits `text` into sentence segments by the rules of `lang` and `options`.
///
/// Segments are trimmed of spaces (no-break and zero-width ones included)
/// and never empty; `&text[s.start..s.end] == s.text` for each.
pub fn segment_with(text: &str, lang: Lang, options: Options) -> Vec<Segment> {
    let rules = rules::rules(lang);
    let mut out = Vec::new();
    lines::for_each_span(text, options.join_lines, |span| {
        engine::segment_span(text, span, lang, rules, &mut out)
    });
    out
}
