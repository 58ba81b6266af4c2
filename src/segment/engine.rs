//! The scanner: walks one span of text, finds each run of sentence-ending
//! punctuation and each bullet, asks [`boundary::decide`] and cuts the
//! segments, trimmed, with their byte offsets.
//!
//! It looks at bytes and decodes characters only around candidates, which
//! keeps it faster than the Unicode sentence rules it replaces.

use super::boundary::{cluster_end, decide};
use super::chars::{is_bullet, is_space, is_terminator};
use super::dateline::dateline_end;
use super::lines::Span;
use super::rules::Rules;
use super::runin::runin_end;
use super::{Segment, MAX_SEGMENT_CHARS};
use crate::lang::Lang;

/// Bytes that may begin a terminator or a bullet: ASCII `.?!`, and the lead
/// bytes of the three-byte characters `…‼⁇•●■` (0xE2), `。` (0xE3), `？！`
/// (0xEF).
fn is_candidate_byte(b: u8) -> bool {
    matches!(b, b'.' | b'?' | b'!' | 0xE2 | 0xE3 | 0xEF)
}

/// Appends the segments of `span` to `out`.
pub fn segment_span(text: &str, span: Span, lang: Lang, rules: &Rules, out: &mut Vec<Segment>) {
    let bytes = text.as_bytes();
    let mut seg_start = span.start;
    // A headline run into the first sentence is a segment of its own.
    if let Some(cut) = runin_end(&text[span.start..span.end], lang) {
        push(text, span.start, span.start + cut, span.paragraph, out);
        seg_start = span.start + cut;
    }
    // A dateline's full stops ("АСТАНА. 10 июня. …") end nothing.
    let mut i = dateline_end(&text[seg_start..span.end], seg_start == span.start)
        .map_or(seg_start, |d| seg_start + d);
    while i < span.end {
        if !is_candidate_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if is_terminator(c) {
            let cluster = cluster_end(text, i, span.end);
            match decide(text, seg_start, i, cluster, span.end, rules) {
                Some(end) => {
                    push(text, seg_start, end, span.paragraph, out);
                    seg_start = end;
                    i = end;
                }
                None => i = cluster,
            }
        } else if is_bullet(c) && starts_item(text, span.start, i) {
            push(text, seg_start, i, span.paragraph, out);
            seg_start = i;
            i += c.len_utf8();
        } else {
            i += c.len_utf8();
        }
    }
    push(text, seg_start, span.end, span.paragraph, out);
}

/// A bullet starts an item when it opens the span or follows a space.
fn starts_item(text: &str, span_start: usize, i: usize) -> bool {
    i == span_start
        || text[span_start..i]
            .chars()
            .next_back()
            .is_some_and(is_space)
}

/// Pushes `text[start..end]`, trimmed, unless it is empty; a run longer than
/// [`MAX_SEGMENT_CHARS`] is cut into pieces at spaces, so that a megabyte
/// without punctuation costs the aligner and the matcher bounded work.
fn push(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Segment>) {
    let mut start = start;
    loop {
        let raw = &text[start..end];
        let trimmed_start = raw.trim_start_matches(is_space);
        let trimmed = trimmed_start.trim_end_matches(is_space);
        if trimmed.is_empty() {
            return;
        }
        let s = start + (raw.len() - trimmed_start.len());
        let piece = match trimmed.char_indices().nth(MAX_SEGMENT_CHARS) {
            None => trimmed,
            Some((limit, _)) => {
                // The last space before the limit, or a hard cut where the
                // text has none.
                let cut = trimmed[..limit]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| is_space(c))
                    .map_or(limit, |(i, _)| i);
                let cut = if cut == 0 { limit } else { cut };
                trimmed[..cut].trim_end_matches(is_space)
            }
        };
        out.push(Segment {
            index: out.len(),
            paragraph,
            start: s,
            end: s + piece.len(),
            text: piece.to_string(),
        });
        if piece.len() == trimmed.len() {
            return;
        }
        start = s + piece.len();
    }
}
