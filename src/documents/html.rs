//! HTML pages: text read paragraph by paragraph, drafts written into a copy
//! of the page.
//!
//! Read: the charset from a byte order mark, else from `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
//! 4 KB (windows-1251, KOI8-R and the rest of the WHATWG labels); a page
//! with neither is read as UTF-8, and one that is not UTF-8 is refused
//! with a message that says to declare its charset (tm does not guess).
//! Block elements (`p`, `div`, `h1`–`h6`, `li`, `td`, `th`, …) start and
//! end paragraphs, `<br>` is a line break, white space collapses as a
//! browser shows it (not in `<pre>`), and character references are
//! decoded (numeric ones, and the named ones of `entities.txt`). Not read:
//! `<head>` (the title included), `<script>`, `<style>`, `<template>`,
//! `<noscript>`, `<textarea>`, `<nav>`, `<button>`, `<select>`, comments,
//! attribute values (`alt`, `title`), and, on a page with a `<main>`
//! element, everything outside it (site header, sidebars, footer).
//!
//! Draft: the page as it was but for the text of translated segments
//! (and the `<title>`, when it says what a translated segment says)
//! (each in the text node where its segment starts; the segment's other
//! text nodes emptied, their tags kept), `<html lang>` set to the draft's
//! language and, for a page read from a legacy charset, the declared
//! charset changed to UTF-8, as which the draft is written. With marks, a
//! fuzzy translation is wrapped in `<mark data-tm-score="96">` and an
//! unmatched segment in `<mark data-tm-lang="en">`.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use encoding_rs::Encoding;

use super::entities;
use super::plan::{Options, Plan, Status};
use super::{apply, Builder, CodeKind, Document, DocumentError, Source};

/// What a draft needs of the page besides the pieces.
#[derive(Debug)]
pub struct Page {
    /// The file as read.
    bytes: Vec<u8>,
    /// The page decoded.
    text: String,
    /// A UTF-8 byte order mark to write back.
    bom: bool,
    /// Read from a charset other than UTF-8: the declaration to rewrite.
    legacy: Option<Range<usize>>,
    /// Where `<html>`'s `lang` value is, or where to add one.
    lang: Option<LangAttr>,
    /// The content of `<title>` and its text.
    title: Option<(Range<usize>, String)>,
}

impl Page {
    /// The page's title, as text.
    pub fn title(&self) -> Option<&str> {
        self.title.as_ref().map(|(_, t)| t.as_str())
    }
}

#[derive(Debug, Clone)]
enum LangAttr {
    Value(Range<usize>),
    Insert(usize),
}

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never text to translate; skipped whole.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "title", "xmp", "iframe", "noembed",
    "noframes", "svg", "math", "object", "nav", "button", "select",
];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Decodes `bytes` as the page says, or refuses.
fn decode(
    path: &Path,
    bytes: &[u8],
) -> Result<(String, bool, Option<&'static Encoding>), DocumentError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((text.into_owned(), enc == encoding_rs::UTF_8, None));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let label = declared_charset(head);
    let enc = match &label {
        Some(l) => Some(Encoding::for_label(l.as_bytes()).ok_or_else(|| {
            DocumentError::UnknownCharset {
                path: path.to_path_buf(),
                label: l.clone(),
            }
        })?),
        None => None,
    };
    match enc {
        Some(e) if e != encoding_rs::UTF_8 && e.is_ascii_compatible() => {
            let (text, _) = e.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), false, Some(e)))
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(t) => Ok((t.to_string(), false, None)),
            Err(e) if label.is_some() => Err(crate::input::InputError::InvalidUtf8 {
                path: path.to_path_buf(),
                offset: e.valid_up_to(),
            }
            .into()),
            Err(e) => Err(DocumentError::UndeclaredCharset {
                path: path.to_path_buf(),
                offset: e.valid_up_to(),
            }),
        },
    }
}

/// The charset a `<meta>` in `head` declares.
fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(p) = find(&lower[at..], b"<meta") {
        let start = at + p;
        let end = start + find(&lower[start..], b">").unwrap_or(lower.len() - start);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or(rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
            }
        }
        at = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A start or end tag.
struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    /// Attributes: name and the value's range in the page.
    attrs: Vec<(String, Range<usize>)>,
    /// Just past the tag's name (where an attribute can be added).
    after_name: usize,
}

/// Parses the tag at `s[at..]` (which starts with `<`); returns it and the
/// position after it.
fn tag(s: &str, at: usize) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let mut i = at + 1;
    let end = b.get(i) == Some(&b'/');
    if end {
        i += 1;
    }
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let n0 = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = s[n0..i].to_ascii_lowercase();
    let after_name = i;
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace()) {
            i += 1;
        }
        match b.get(i) {
            None => {
                return Some((
                    Tag {
                        name,
                        end,
                        self_closing,
                        attrs,
                        after_name,
                    },
                    b.len(),
                ))
            }
            Some(b'>') => {
                return Some((
                    Tag {
                        name,
                        end,
                        self_closing,
                        attrs,
                        after_name,
                    },
                    i + 1,
                ));
            }
            Some(b'/') => {
                self_closing = b.get(i + 1) == Some(&b'>');
                i += 1;
                continue;
            }
            _ => {}
        }
        let a0 = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let an = s[a0..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let v0 = i + 1;
                    let v1 = s[v0..].find(q as char).map_or(b.len(), |p| v0 + p);
                    attrs.push((an, v0..v1));
                    i = (v1 + 1).min(b.len());
                }
                _ => {
                    let v0 = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    attrs.push((an, v0..i));
                }
            }
        } else if !an.is_empty() {
            attrs.push((an, i..i));
        } else {
            i += 1;
        }
    }
}

/// The inline code an inline element's text takes: `b`/`strong` bold,
/// `i`/`em` italic, `u` underlined, `a` a link, a `span` with a class or a
/// style `x-span`, other formatting `x-html-NAME`; none for a bare `span`
/// and elements that do not format (`font` included, as it only styles).
fn inline_code(t: &Tag) -> Option<CodeKind> {
    Some(match t.name.as_str() {
        "b" | "strong" => CodeKind::Bold,
        "i" | "em" => CodeKind::Italic,
        "u" | "ins" => CodeKind::Underlined,
        "a" => CodeKind::Link,
        "span" if t.attrs.iter().any(|(n, _)| n == "class" || n == "style") => {
            CodeKind::Format("x-span")
        }
        "sup" => CodeKind::Format("x-html-sup"),
        "sub" => CodeKind::Format("x-html-sub"),
        "s" | "strike" | "del" => CodeKind::Format("x-html-s"),
        "code" | "kbd" | "samp" | "tt" => CodeKind::Format("x-html-code"),
        "mark" => CodeKind::Format("x-html-mark"),
        "small" => CodeKind::Format("x-html-small"),
        "big" => CodeKind::Format("x-html-big"),
        "cite" => CodeKind::Format("x-html-cite"),
        "q" => CodeKind::Format("x-html-q"),
        "abbr" | "acronym" => CodeKind::Format("x-html-abbr"),
        _ => return None,
    })
}

/// Finds `</name` (any case) from `at`; the position of its `<`.
fn closing(s: &str, at: usize, name: &str) -> Option<usize> {
    let lower = s[at..].to_ascii_lowercase();
    lower.find(&format!("</{name}")).map(|p| at + p)
}

/// Reads the HTML page `path` whose bytes are `bytes`.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Document, DocumentError> {
    let (text, bom, legacy_enc) = decode(path, bytes)?;
    let s = text.as_str();
    let b = s.as_bytes();
    let mut builder = Builder::default();
    let mut i = 0;
    let mut in_head = false;
    let mut pre = 0usize;
    // Open inline elements: name, where their tag starts, and the code
    // their text takes.
    let mut inline: Vec<(String, usize, Option<CodeKind>)> = Vec::new();
    let mut groups: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut legacy = None;
    let mut lang = None;
    let mut title = None;
    // A page with a <main> element: only its content is the release.
    let has_main = s.to_ascii_lowercase().contains("<main");
    let mut in_main = 0usize;
    while i < b.len() {
        if b[i] == b'<' {
            if s[i..].starts_with("<!--") {
                i = s[i + 4..].find("-->").map_or(b.len(), |p| i + 4 + p + 3);
                continue;
            }
            if s[i..].starts_with("<!") || s[i..].starts_with("<?") {
                i = s[i..].find('>').map_or(b.len(), |p| i + p + 1);
                continue;
            }
            if let Some((t, next)) = tag(s, i) {
                let name = t.name.as_str();
                if !t.end && name == "html" && lang.is_none() {
                    lang = Some(match t.attrs.iter().find(|(n, _)| n == "lang") {
                        Some((_, v)) => LangAttr::Value(v.clone()),
                        None => LangAttr::Insert(t.after_name),
                    });
                }
                if !t.end && name == "meta" && legacy_enc.is_some() && legacy.is_none() {
                    for (n, v) in &t.attrs {
                        let value = s[v.clone()].to_ascii_lowercase();
                        if n == "charset" || (n == "content" && value.contains("charset")) {
                            legacy = Some(v.clone());
                        }
                    }
                }
                if !t.end && name == "title" && title.is_none() {
                    let end = closing(s, next, name).unwrap_or(next);
                    let text = entities::decode(&s[next..end]);
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    title = Some((next..end, text));
                }
                if !t.end && SKIPPED.contains(&name) && !t.self_closing {
                    i = closing(s, next, name)
                        .map_or(b.len(), |p| s[p..].find('>').map_or(b.len(), |q| p + q + 1));
                    continue;
                }
                match name {
                    "main" if t.end => in_main = in_main.saturating_sub(1),
                    "main" => in_main += 1,
                    "head" => in_head = !t.end,
                    "body" => in_head = false,
                    "br" if !in_head => builder.push_code(CodeKind::LineBreak, "\n"),
                    "img" if !in_head && (!has_main || in_main > 0) => {
                        builder.push_code(CodeKind::Image, "")
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name) {
                    builder.end_paragraph();
                    inline.clear();
                    if name == "pre" {
                        pre = if t.end {
                            pre.saturating_sub(1)
                        } else {
                            pre + 1
                        };
                    }
                } else if t.end {
                    if let Some(p) = inline.iter().rposition(|(n, _, _)| n == name) {
                        inline.truncate(p);
                    }
                } else if !VOID.contains(&name) && !t.self_closing {
                    inline.push((t.name.clone(), i, inline_code(&t)));
                }
                i = next;
                continue;
            }
        }
        // Text up to the next tag-like `<`.
        let mut j = i + 1;
        while j < b.len() {
            if b[j] == b'<'
                && b.get(j + 1)
                    .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
            {
                break;
            }
            j += 1;
        }
        if !in_head && (!has_main || in_main > 0) {
            let decoded = entities::decode(&s[i..j]);
            let key: Vec<usize> = inline.iter().map(|(_, p, _)| *p).collect();
            let n = groups.len();
            let group = *groups.entry(key).or_insert(n);
            builder.set_marks(
                inline
                    .iter()
                    .filter_map(|(_, p, k)| k.clone().map(|k| (k, *p)))
                    .collect(),
            );
            builder.push_piece(&decoded, i..j, group, true, pre == 0, 0);
        }
        i = j;
    }
    let (plain, pieces, codes) = builder.finish();
    if plain.trim().is_empty() {
        return Err(DocumentError::Empty {
            path: path.to_path_buf(),
            why: "",
        });
    }
    Ok(Document {
        format: super::Format::Html,
        path: path.to_path_buf(),
        text: plain,
        pieces,
        codes,
        source: Source::Html(Page {
            bytes: bytes.to_vec(),
            text,
            bom,
            legacy: if legacy_enc.is_some() { legacy } else { None },
            lang,
            title,
        }),
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The draft of `doc` as an HTML page (UTF-8); `title` is the translation
/// of the page's `<title>` when a segment of the page says the same.
pub fn write(p: &Page, doc: &Document, plan: &Plan, o: Options, title: Option<&str>) -> Vec<u8> {
    let mut edits: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    if let (Some((range, _)), Some(t)) = (&p.title, title) {
        edits.push((range.clone(), escape(t).into_bytes()));
    }
    for (piece, chunks) in doc.pieces.iter().zip(&plan.chunks) {
        let Some(chunks) = chunks else { continue };
        if chunks.iter().all(|c| c.unchanged(o.marks)) {
            continue;
        }
        let mut out = String::new();
        for c in chunks {
            let text = escape(&c.text);
            match c.status {
                Status::Fuzzy(score) if o.marks && !c.text.is_empty() => {
                    out.push_str(&format!("<mark data-tm-score=\"{score}\">{text}</mark>"))
                }
                Status::Unmatched if o.marks && !c.text.is_empty() => out.push_str(&format!(
                    "<mark data-tm-lang=\"{}\">{text}</mark>",
                    o.from.code()
                )),
                _ => out.push_str(&text),
            }
        }
        edits.push((piece.raw.clone(), out.into_bytes()));
    }
    if let Some(to) = o.to {
        match &p.lang {
            Some(LangAttr::Value(r)) => edits.push((r.clone(), to.code().as_bytes().to_vec())),
            Some(LangAttr::Insert(at)) => {
                edits.push((*at..*at, format!(" lang=\"{}\"", to.code()).into_bytes()))
            }
            None => {}
        }
    }
    if edits.is_empty() {
        return p.bytes.clone();
    }
    if let Some(r) = &p.legacy {
        let old = p.text[r.clone()].to_ascii_lowercase();
        let new = if old.contains(';') || old.contains("text/") {
            "text/html; charset=utf-8"
        } else {
            "utf-8"
        };
        edits.push((r.clone(), new.as_bytes().to_vec()));
    }
    let mut out = if p.bom {
        b"\xef\xbb\xbf".to_vec()
    } else {
        Vec::new()
    };
    out.extend(apply(p.text.as_bytes(), &mut edits));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Document {
        read(Path::new("t.html"), s.as_bytes()).unwrap()
    }

    #[test]
    fn blocks_breaks_entities_and_skipped_content() {
        let d = read_str(
            "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>\
             <body><script>var a = '<p>';</script><!-- a <p> comment -->\
             <h1>Forum&nbsp;opens</h1><p>The <b>forum</b> opened\n   on Monday.<br>Second line &amp; more.</p>\
             <template><p>Hidden.</p></template><ul><li>One.</li><li>Two.</li></ul></body></html>",
        );
        assert_eq!(
            d.text,
            "Forum\u{a0}opens\n\nThe forum opened on Monday.\nSecond line & more.\n\nOne.\n\nTwo."
        );
    }

    #[test]
    fn charset_from_meta_and_refusal_without_one() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Форум открылся.</p>");
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&body);
        let d = read(Path::new("t.html"), &page).unwrap();
        assert_eq!(d.text, "Форум открылся.");
        let err = read(Path::new("t.html"), &body).unwrap_err().to_string();
        assert!(err.contains("no charset declared"), "{err}");
    }
}
