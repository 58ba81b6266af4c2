//! Releases as they are written: Word (`.docx`), HTML and Markdown besides
//! plain text, read into paragraphs and written back as drafts.
//!
//! Each format turns a document into one plain text (its paragraphs, joined
//! by blank lines; a line break inside a paragraph is `\n`) and a list of
//! [`Piece`]s: the places in the file that hold that text (a Word `<w:t>`,
//! an HTML text node, a Markdown text span), each with its formatting group.
//! The segmenter and the matcher see only the plain text, so a document
//! gives the same segments as the same text saved as `.txt`; segment
//! offsets count bytes of that plain text. A draft is the original file with
//! the pieces' text replaced ([`plan`]): everything else is kept byte for
//! byte, and a draft that changes nothing is the original file.
//!
//! What each format reads and leaves: [`docx`], [`html`], [`markdown`].

pub mod docx;
pub(crate) mod entities;
pub mod html;
pub mod markdown;
pub mod plan;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::input::{self, InputError};
use crate::lang::Lang;
use crate::segment::Segment;

pub use plan::{Chunk, Status};

/// The file formats tm reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (UTF-8, or UTF-16 with a byte order mark).
    Text,
    /// A Word document (Office Open XML).
    Docx,
    /// An HTML page.
    Html,
    /// Markdown (CommonMark with tables).
    Markdown,
}

impl Format {
    /// The format a file name's extension says; plain text for anything
    /// else (and for standard input).
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "docx" | "doc" => Format::Docx,
            "html" | "htm" | "xhtml" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            _ => Format::Text,
        }
    }

    /// The usual extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

/// Why a document could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Reading the bytes failed, or plain text did not decode.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A Word 97–2003 `.doc`.
    #[error("{path}: a legacy Word 97-2003 .doc; tm reads .docx: save it as .docx (Word Document) and try again")]
    LegacyDoc {
        /// The file.
        path: PathBuf,
    },
    /// A `.docx` that is an OLE compound file: Word writes encrypted
    /// (password-protected) documents that way.
    #[error("{path}: an encrypted or password-protected .docx (an OLE compound file, not a zip package); remove the password in Word and save again")]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// Not a zip package, or a damaged one.
    #[error("{path}: not a Word package: {message}")]
    Package {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A part larger than tm unpacks (a zip bomb, or a huge document).
    #[error("{path}: {part} unpacks to more than {limit} bytes; refused (a zip bomb?)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The part of the package.
        part: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// XML that does not parse.
    #[error("{path}: {part}:{line}:{column}: malformed XML: {message}")]
    Xml {
        /// The file.
        path: PathBuf,
        /// The part of the package.
        part: String,
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// HTML that is not UTF-8 and declares no charset.
    #[error("{path}: not UTF-8 (at byte {offset}) and no charset declared; add <meta charset=\"windows-1251\"> (or the file's real charset) to its <head>, or save it as UTF-8")]
    UndeclaredCharset {
        /// The file.
        path: PathBuf,
        /// The first byte that is not UTF-8.
        offset: usize,
    },
    /// A charset label tm does not know.
    #[error("{path}: unknown charset \"{label}\" in its <meta> tag")]
    UnknownCharset {
        /// The file.
        path: PathBuf,
        /// The label.
        label: String,
    },
    /// A document with no text to translate.
    #[error("{path}: the document holds no text to translate{why}")]
    Empty {
        /// The file.
        path: PathBuf,
        /// More, e.g. " (only code blocks)".
        why: &'static str,
    },
}

/// One place in the file that holds text of the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Its text: a byte range of [`Document::text`].
    pub text: Range<usize>,
    /// Where it is in the file (format-specific: a byte range of the
    /// document part or the decoded page).
    pub raw: Range<usize>,
    /// Pieces with the same group have the same formatting.
    pub group: usize,
    /// Whether a draft may replace its text (not: Markdown code spans).
    pub editable: bool,
    /// The format's own index of the piece (its entry in a side table).
    pub tag: usize,
}

/// What an inline code of a document stands for: formatting over a range
/// of the text (paired: XLIFF `<g>`) or a thing at a place in it
/// (standalone: XLIFF `<x/>`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CodeKind {
    /// Bold text.
    Bold,
    /// Italic text.
    Italic,
    /// Underlined text.
    Underlined,
    /// A hyperlink.
    Link,
    /// Other formatting, named by its XLIFF `ctype` (`x-span`,
    /// `x-html-sup`, `x-code`, `x-strike`).
    Format(&'static str),
    /// A line break (`<br>`, `w:br`); the plain text has a `\n` there.
    LineBreak,
    /// A tab (`w:tab`); the plain text has a `\t` there.
    Tab,
    /// An image (`<img>`, a Word drawing); nothing in the plain text.
    Image,
    /// A footnote or endnote reference; nothing in the plain text.
    Note,
}

impl CodeKind {
    /// Whether the code spans text (XLIFF `<g>`) rather than stands at a
    /// place (XLIFF `<x/>`).
    pub fn paired(&self) -> bool {
        matches!(
            self,
            CodeKind::Bold
                | CodeKind::Italic
                | CodeKind::Underlined
                | CodeKind::Link
                | CodeKind::Format(_)
        )
    }

    /// The XLIFF 1.2 `ctype`: the spec's values (`bold`, `italic`,
    /// `underlined`, `link` for `<g>`; `lb`, `image` for `<x/>`), else an
    /// `x-` name.
    pub fn ctype(&self) -> &'static str {
        match self {
            CodeKind::Bold => "bold",
            CodeKind::Italic => "italic",
            CodeKind::Underlined => "underlined",
            CodeKind::Link => "link",
            CodeKind::Format(name) => name,
            CodeKind::LineBreak => "lb",
            CodeKind::Tab => "x-tab",
            CodeKind::Image => "image",
            CodeKind::Note => "x-footnote",
        }
    }
}

/// An inline code: its kind and the byte range of the text it covers
/// (empty for a standalone code: the place it stands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// What it stands for.
    pub kind: CodeKind,
    /// The text it covers, a byte range of [`Document::text`] (or, from
    /// [`Document::segment_codes`], of the segment's text).
    pub range: Range<usize>,
}

/// A release read from a file.
#[derive(Debug)]
pub struct Document {
    /// The format it was read as.
    pub format: Format,
    /// The plain text: paragraphs joined by a blank line.
    pub text: String,
    /// The pieces of the file that hold the text, in text order.
    pub pieces: Vec<Piece>,
    /// The inline formatting of the text (bold, links, line breaks), in
    /// text order; none for plain text. It never changes the text.
    pub codes: Vec<Code>,
    /// The file it was read from (for messages).
    pub path: PathBuf,
    /// What the writer needs besides.
    source: Source,
}

#[derive(Debug)]
enum Source {
    Text,
    Docx(docx::Package),
    Html(html::Page),
    Markdown(String),
}

/// The largest Word or HTML file read (a Word file holds images too).
pub const MAX_PACKAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the release at `path` (`-`: standard input) as `format`, or as its
/// extension says when `format` is `None`.
pub fn read(path: &Path, format: Option<Format>) -> Result<Document, DocumentError> {
    let format = format.unwrap_or_else(|| Format::from_path(path));
    let limit = match format {
        Format::Docx | Format::Html => MAX_PACKAGE_BYTES,
        Format::Text | Format::Markdown => input::MAX_INPUT_BYTES,
    };
    from_bytes(path, input::read_bytes(path, limit)?, Some(format))
}

/// Reads a release whose bytes are in hand (an upload), as `format`, or as
/// the extension of `name` says when `format` is `None`; `name` also names
/// the document in messages.
pub fn from_bytes(
    name: &Path,
    bytes: Vec<u8>,
    format: Option<Format>,
) -> Result<Document, DocumentError> {
    let format = format.unwrap_or_else(|| Format::from_path(name));
    let ext = name
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if format == Format::Docx && ext.as_deref() == Some("doc") && !bytes.starts_with(b"PK\x03\x04")
    {
        // A .doc is never a package.
        return Err(DocumentError::LegacyDoc {
            path: name.to_path_buf(),
        });
    }
    match format {
        Format::Text => Ok(Document {
            format,
            path: name.to_path_buf(),
            text: input::decode(&bytes, name)?,
            pieces: Vec::new(),
            codes: Vec::new(),
            source: Source::Text,
        }),
        Format::Docx => docx::read(name, bytes),
        Format::Html => html::read(name, &bytes),
        Format::Markdown => markdown::read(name, input::decode(&bytes, name)?),
    }
}

impl Document {
    /// The inline codes of each of `segments` (of [`Document::text`], in
    /// order), with ranges in the segment's text: a paired code cut to the
    /// part inside the segment, a standalone one in the first segment
    /// that holds its place, ends included (a line break that ends a
    /// segment is the segment's). Codes between segments are in none.
    pub fn segment_codes(&self, segments: &[Segment]) -> Vec<Vec<Code>> {
        let mut out = vec![Vec::new(); segments.len()];
        let mut taken = vec![false; self.codes.len()];
        let mut first = 0;
        for (si, s) in segments.iter().enumerate() {
            while first < self.codes.len() && self.codes[first].range.end < s.start {
                first += 1;
            }
            for (ci, c) in self.codes.iter().enumerate().skip(first) {
                if c.range.start > s.end {
                    break;
                }
                let (a, b) = (c.range.start.max(s.start), c.range.end.min(s.end));
                let inside = if c.kind.paired() {
                    a < b
                } else {
                    !taken[ci] && s.start <= c.range.start
                };
                if inside {
                    taken[ci] = true;
                    out[si].push(Code {
                        kind: c.kind.clone(),
                        range: a - s.start..b - s.start,
                    });
                }
            }
        }
        out
    }
}

/// A draft of `doc`: the bytes of the file, and the indices of the
/// segments whose translation lost the inline formatting of the source
/// (it took the formatting of the segment's first piece).
#[derive(Debug)]
pub struct Draft {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Segments that lost formatting.
    pub lost: Vec<usize>,
}

/// Writes (in memory) the draft of `doc` whose segments (of [`Document::text`]) are
/// `segments`, with `choice[i]` the translation of segment `i` and its
/// score (`None`: left in `from`, the source language). `to` is the
/// draft's language (`None`: the language is left as it is); `marks`
/// marks fuzzy and unmatched segments as the format allows (text and
/// Markdown `[[96% …]]`, HTML `<mark>`, Word highlighting).
pub fn write_draft(
    doc: &Document,
    segments: &[Segment],
    choice: &[Option<(String, f64)>],
    from: Lang,
    to: Option<Lang>,
    marks: bool,
) -> Result<Draft, DocumentError> {
    if let Source::Text = doc.source {
        let body = crate::fuzzy::draft::draft(&doc.text, segments, choice, from, marks);
        return Ok(Draft {
            bytes: body.into_bytes(),
            lost: Vec::new(),
        });
    }
    let plan = plan::plan(doc, segments, choice);
    let options = plan::Options { from, to, marks };
    let bytes = match &doc.source {
        Source::Text => unreachable!("handled above"),
        Source::Docx(p) => docx::write(&doc.path, p, doc, &plan, options)?,
        Source::Html(p) => {
            // The title usually repeats the headline: it takes the
            // headline's translation.
            let title = p.title().and_then(|t| {
                let i = segments.iter().position(|s| s.text == t)?;
                choice.get(i)?.as_ref().map(|(tr, _)| tr.as_str())
            });
            html::write(p, doc, &plan, options, title)
        }
        Source::Markdown(s) => markdown::write(s, doc, &plan, options),
    };
    Ok(Draft {
        bytes,
        lost: plan.lost,
    })
}

/// Builds the plain text of a document paragraph by paragraph, with the
/// pieces that hold it.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    text: String,
    pieces: Vec<Piece>,
    /// Where the open paragraph's text starts (after its separator).
    para_start: Option<usize>,
    /// The open paragraph's first piece.
    para_piece: usize,
    /// The last character pushed was collapsible white space.
    space: bool,
    /// The inline codes so far, and per code a key: pieces next to each
    /// other with a code of the same kind and key make one code.
    codes: Vec<(Code, usize)>,
    /// The open paragraph's first code.
    para_code: usize,
    /// The formatting of the next pieces: kind and key.
    marks: Vec<(CodeKind, usize)>,
}

impl Builder {
    fn open(&mut self) {
        if self.para_start.is_none() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.para_start = Some(self.text.len());
            self.para_piece = self.pieces.len();
            self.para_code = self.codes.len();
            self.space = true;
        }
    }

    /// Appends text that no piece holds (a tab, a line break).
    pub fn push_plain(&mut self, s: &str) {
        self.open();
        if s == "\n" {
            self.trim_end();
        }
        self.text.push_str(s);
        self.space = s.ends_with(char::is_whitespace);
    }

    /// Appends a standalone code (a line break, a tab, an image) with the
    /// text it stands for in the plain text (`\n`, `\t`, or none).
    pub fn push_code(&mut self, kind: CodeKind, s: &str) {
        self.open();
        if s == "\n" {
            self.trim_end();
        }
        let at = self.text.len();
        self.codes.push((
            Code {
                kind,
                range: at..at,
            },
            0,
        ));
        if !s.is_empty() {
            self.push_plain(s);
        }
    }

    /// Sets the formatting of the pieces pushed next: each code's kind and
    /// a key (neighbouring pieces with the same kind and key are one code:
    /// two runs of one link, not two links side by side).
    pub fn set_marks(&mut self, marks: Vec<(CodeKind, usize)>) {
        self.marks = marks;
    }

    /// Extends or opens the codes of `self.marks` over `range`.
    fn mark(&mut self, range: Range<usize>) {
        for (kind, key) in &self.marks {
            let open = self.codes[self.para_code..]
                .iter_mut()
                .rev()
                .find(|(c, k)| {
                    c.kind == *kind
                        && k == key
                        && c.range.end == range.start
                        && c.range.start < c.range.end
                });
            match open {
                Some((c, _)) => c.range.end = range.end,
                None => self.codes.push((
                    Code {
                        kind: kind.clone(),
                        range: range.clone(),
                    },
                    *key,
                )),
            }
        }
    }

    /// Appends the text `s` of a piece at `raw`. With `collapse`, runs of
    /// white space become one space (HTML), and none starts a paragraph.
    pub fn push_piece(
        &mut self,
        s: &str,
        raw: Range<usize>,
        group: usize,
        editable: bool,
        collapse: bool,
        tag: usize,
    ) {
        self.open();
        let start = self.text.len();
        if collapse {
            for c in s.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                    if !self.space {
                        self.text.push(' ');
                        self.space = true;
                    }
                } else {
                    self.text.push(c);
                    self.space = false;
                }
            }
        } else {
            let s = if self.text.len() == self.para_start.unwrap_or(0) {
                s.trim_start()
            } else {
                s
            };
            self.text.push_str(s);
            if !s.is_empty() {
                self.space = s.ends_with(char::is_whitespace);
            }
        }
        if self.text.len() > start {
            self.mark(start..self.text.len());
        }
        if self.text.len() > start || !editable {
            self.pieces.push(Piece {
                text: start..self.text.len(),
                raw,
                group,
                editable,
                tag,
            });
        }
    }

    /// Drops white space at the end of the open paragraph.
    fn trim_end(&mut self) {
        let Some(p) = self.para_start else { return };
        let keep = p + self.text[p..].trim_end().len();
        self.text.truncate(keep);
        for piece in &mut self.pieces[self.para_piece..] {
            piece.text.start = piece.text.start.min(keep);
            piece.text.end = piece.text.end.min(keep);
        }
        for (code, _) in &mut self.codes[self.para_code..] {
            code.range.start = code.range.start.min(keep);
            code.range.end = code.range.end.min(keep);
        }
    }

    /// Ends the open paragraph; an empty one leaves no trace.
    pub fn end_paragraph(&mut self) {
        let Some(p) = self.para_start else { return };
        self.trim_end();
        if self.text.len() == p {
            let sep = p.saturating_sub(2);
            self.text.truncate(sep);
            self.pieces.truncate(self.para_piece);
            self.codes.truncate(self.para_code);
        }
        self.para_start = None;
    }

    /// The plain text, its pieces and its inline codes (in text order; a
    /// paired code that covers no text dropped).
    pub fn finish(mut self) -> (String, Vec<Piece>, Vec<Code>) {
        self.end_paragraph();
        let mut codes: Vec<Code> = self
            .codes
            .into_iter()
            .map(|(c, _)| c)
            .filter(|c| !c.kind.paired() || !c.range.is_empty())
            .collect();
        // Outer codes first where two start together.
        codes.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
        (self.text, self.pieces, codes)
    }
}

/// Line and column (from 1, the column in characters) of a byte offset.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// Applies `edits` (sorted, not overlapping byte ranges and their new
/// text) to `s`.
pub(crate) fn apply(s: &[u8], edits: &mut [(Range<usize>, Vec<u8>)]) -> Vec<u8> {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = Vec::with_capacity(s.len() + s.len() / 4);
    let mut at = 0;
    for (r, new) in edits.iter() {
        if r.start < at {
            continue;
        }
        out.extend_from_slice(&s[at..r.start]);
        out.extend_from_slice(new);
        at = r.end;
    }
    out.extend_from_slice(&s[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_joins_paragraphs_and_drops_empty_ones() {
        let mut b = Builder::default();
        b.push_piece("  One ", 0..6, 0, true, true, 0);
        b.push_piece(" two. ", 6..12, 1, true, true, 0);
        b.end_paragraph();
        b.push_piece("   ", 12..15, 0, true, true, 0);
        b.end_paragraph();
        b.push_piece("Three.", 15..21, 0, true, false, 0);
        let (text, pieces, _) = b.finish();
        assert_eq!(text, "One two.\n\nThree.");
        assert_eq!(&text[pieces[0].text.clone()], "One ");
        assert_eq!(&text[pieces[1].text.clone()], "two.");
        assert_eq!(pieces.len(), 3);
    }

    #[test]
    fn format_by_extension() {
        assert_eq!(Format::from_path(Path::new("a.en.DOCX")), Format::Docx);
        assert_eq!(Format::from_path(Path::new("a.htm")), Format::Html);
        assert_eq!(Format::from_path(Path::new("a.md")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("-")), Format::Text);
    }
}
