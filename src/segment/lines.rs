//! Cutting a text into the spans the sentence rules run over: one span per
//! line (every line break ends a segment), or with `join_lines` one span per
//! run of lines inside a paragraph, for hard-wrapped text.
//!
//! Line breaks are `\n`, `\r\n`, `\r`, vertical tab, form feed, NEL and the
//! Unicode line and paragraph separators. A blank line (or a paragraph
//! separator or form feed) ends a paragraph.

use super::chars::{is_bullet, is_dash, is_space};

/// A stretch of the input to segment, and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset just past its last byte (before the line break).
    pub end: usize,
    /// Paragraph number, from 0.
    pub paragraph: usize,
}

/// One line: its content range, and whether its break also ends a
/// paragraph (paragraph separator, form feed).
struct Line {
    start: usize,
    end: usize,
    hard_paragraph: bool,
}

/// The lines of `text`, split at every kind of line break.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut i = pos;
        while i < bytes.len() {
            let (brk, hard) = match bytes[i] {
                b'\n' => (1, false),
                b'\r' => (
                    if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    },
                    false,
                ),
                0x0B => (1, false),
                0x0C => (1, true),
                0xC2 if bytes.get(i + 1) == Some(&0x85) => (2, false),
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0xA8) => (3, false),
                    Some(0xA9) => (3, true),
                    _ => (0, false),
                },
                _ => (0, false),
            };
            if brk > 0 {
                pos = i + brk;
                return Some(Line {
                    start,
                    end: i,
                    hard_paragraph: hard,
                });
            }
            i += 1;
        }
        pos = bytes.len();
        Some(Line {
            start,
            end: bytes.len(),
            hard_paragraph: false,
        })
    })
}

/// Whether a line begins with a list marker, so that it starts a new
/// segment even when lines are joined: a bullet, a dash and a space, or a
/// number or letter followed by `.` or `)` and a space.
fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start_matches(is_space);
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_bullet(first) {
        return true;
    }
    if is_dash(first) {
        return chars.next().is_some_and(is_space);
    }
    let head: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    let rest = &t[head.len()..];
    let short = head.chars().all(|c| c.is_ascii_digit()) && (1..=3).contains(&head.len())
        || head.chars().count() == 1;
    short && (rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\u{a0}"))
}

/// Calls `f` with each span of `text` in order.
pub fn for_each_span(text: &str, join_lines: bool, mut f: impl FnMut(Span)) {
    let mut paragraph = 0usize;
    let mut seen_text = false;
    let mut open: Option<Span> = None;
    for line in lines(text) {
        let content = &text[line.start..line.end];
        let blank = content.chars().all(is_space);
        if blank {
            if let Some(s) = open.take() {
                f(s);
            }
            if seen_text {
                paragraph += 1;
                seen_text = false;
            }
        } else {
            seen_text = true;
            match open.as_mut() {
                Some(s) if join_lines && !starts_list_item(content) => s.end = line.end,
                _ => {
                    if let Some(s) = open.take() {
                        f(s);
                    }
                    open = Some(Span {
                        start: line.start,
                        end: line.end,
                        paragraph,
                    });
                }
            }
            if !join_lines {
                if let Some(s) = open.take() {
                    f(s);
                }
            }
        }
        if line.hard_paragraph && seen_text {
            if let Some(s) = open.take() {
                f(s);
            }
            paragraph += 1;
            seen_text = false;
        }
    }
    if let Some(s) = open.take() {
        f(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, join: bool) -> Vec<(&str, usize)> {
        let mut v = Vec::new();
        for_each_span(text, join, |s| v.push((&text[s.start..s.end], s.paragraph)));
        v
    }

    #[test]
    fn every_kind_of_line_break_ends_a_span() {
        let text = "a\nb\r\nc\rd\u{2028}e\u{85}f";
        let got: Vec<&str> = spans(text, false).into_iter().map(|s| s.0).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn blank_lines_and_separators_count_paragraphs() {
        let text = "a\n\n \u{a0}\nb\nc\u{2029}d\x0ce";
        assert_eq!(
            spans(text, false),
            [("a", 0), ("b", 1), ("c", 1), ("d", 2), ("e", 3)]
        );
    }

    #[test]
    fn join_lines_joins_within_a_paragraph_but_not_list_items() {
        let text = "one two\nthree.\n• item\n- dash item\n2. numbered\nmore\n\nnext";
        assert_eq!(
            spans(text, true),
            [
                ("one two\nthree.", 0),
                ("• item", 0),
                ("- dash item", 0),
                ("2. numbered\nmore", 0),
                ("next", 1)
            ]
        );
    }
}
