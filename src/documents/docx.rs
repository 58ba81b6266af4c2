//! Word documents (`.docx`, Office Open XML): the body of
//! `word/document.xml` read in reading order, and drafts written into a
//! copy of the package.
//!
//! Read: paragraphs of the body, table cells (cell by cell) and text boxes
//! (read where their anchor stands: before the paragraph they are anchored
//! in when the anchor comes before its text, after it otherwise; the VML
//! fallback copy Word keeps of each is skipped). Text split over runs
//! is joined: revision ids, bookmarks, proofing marks, comment ranges and
//! the codes of fields (`w:fldSimple`, `w:fldChar`/`w:instrText`, as
//! hyperlinks use) sit between runs and never reach the text; a field's
//! shown result does. Tracked changes are read as accepted: `w:ins` and
//! `w:moveTo` in, `w:del` and `w:moveFrom` out (a draft keeps them tracked
//! as they were). Hidden text (`w:vanish`) is not read. `w:tab` is a tab
//! and `w:br`/`w:cr` a line break. Headers, footers, comments, footnotes and
//! endnotes are other parts: they are neither read nor translated, and a
//! draft keeps them as they are.
//!
//! Draft: every part of the package but `word/document.xml` is copied byte
//! for byte (compressed data included); in the document part only the
//! text of `<w:t>` elements and the properties of the runs that hold a
//! translation change. A translated run gets the draft's language
//! (`<w:lang w:val="ru-RU"/>`); with marks, a fuzzy segment is highlighted
//! yellow and an unmatched one (left in the source language) cyan. A run
//! shared by segments of different states is split. A draft that changes
//! nothing is the original file.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::ops::Range;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::plan::{Options, Plan, Status};
use super::{apply, line_column, Builder, CodeKind, Document, DocumentError, Source};
use crate::lang::Lang;

/// The part that holds the body, unless `_rels/.rels` names another.
pub const DOCUMENT_PART: &str = "word/document.xml";

/// The main document part `_rels/.rels` names (Word Online writes
/// `word/document2.xml`), else [`DOCUMENT_PART`].
fn main_part<R: Read + std::io::Seek>(archive: &mut ZipArchive<R>) -> String {
    let mut rels = String::new();
    if let Ok(f) = archive.by_name("_rels/.rels") {
        // A relationships part is tiny; read no more than 1 MB of it.
        let _ = f.take(1 << 20).read_to_string(&mut rels);
    }
    let mut reader = Reader::from_str(&rels);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Empty(e) | Event::Start(e) if local(e.name().as_ref()) == "Relationship" => {
                let is_main = attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
                if let (true, Some(target)) = (is_main, attr(&e, "Target")) {
                    return target.trim_start_matches('/').to_string();
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    DOCUMENT_PART.to_string()
}

/// The most `word/document.xml` may unpack to: tm unpacks nothing else.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// What a draft needs of the package besides the pieces.
#[derive(Debug)]
pub struct Package {
    /// The file as read.
    bytes: Vec<u8>,
    /// The name of the main document part (`word/document.xml`).
    part: String,
    /// That part, unpacked.
    xml: Vec<u8>,
    /// Per piece tag: the range of its whole `<w:t …>…</w:t>` element
    /// and its run.
    texts: Vec<(Range<usize>, usize)>,
    /// Per run: where its `<w:rPr>` is (an empty range after the start
    /// tag when it has none) and that element's bytes.
    runs: Vec<(Range<usize>, Vec<u8>)>,
}

fn package_error(path: &Path, message: impl ToString) -> DocumentError {
    DocumentError::Package {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

/// Reads the Word file `path` whose bytes are `bytes`.
pub fn read(path: &Path, bytes: Vec<u8>) -> Result<Document, DocumentError> {
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        let is_doc = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("doc"));
        return Err(if is_doc {
            DocumentError::LegacyDoc {
                path: path.to_path_buf(),
            }
        } else {
            DocumentError::Encrypted {
                path: path.to_path_buf(),
            }
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(package_error(path, "not a zip file"));
    }
    let mut archive =
        ZipArchive::new(Cursor::new(&bytes[..])).map_err(|e| package_error(path, e))?;
    let part_name = main_part(&mut archive);
    let xml = {
        let mut part = match archive.by_name(&part_name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(package_error(
                    path,
                    format!("no {part_name} (not a Word document?)"),
                ))
            }
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(DocumentError::Encrypted {
                    path: path.to_path_buf(),
                })
            }
            Err(e) => return Err(package_error(path, e)),
        };
        let too_large = || DocumentError::TooLarge {
            path: path.to_path_buf(),
            part: part_name.clone(),
            limit: MAX_PART_BYTES,
        };
        if part.size() > MAX_PART_BYTES {
            return Err(too_large());
        }
        let mut xml = Vec::new();
        // The declared size may lie: never unpack past the limit.
        (&mut part)
            .take(MAX_PART_BYTES + 1)
            .read_to_end(&mut xml)
            .map_err(|e| package_error(path, format!("{part_name}: {e}")))?;
        if xml.len() as u64 > MAX_PART_BYTES {
            return Err(too_large());
        }
        xml
    };
    let body = parse(&xml).map_err(|(offset, message)| {
        let (line, column) = line_column(&xml, offset);
        DocumentError::Xml {
            path: path.to_path_buf(),
            part: part_name.clone(),
            line,
            column,
            message,
        }
    })?;
    if body.text.trim().is_empty() {
        return Err(DocumentError::Empty {
            path: path.to_path_buf(),
            why: "",
        });
    }
    Ok(Document {
        format: super::Format::Docx,
        path: path.to_path_buf(),
        text: body.text,
        pieces: body.pieces,
        codes: body.codes,
        source: Source::Docx(Package {
            bytes,
            part: part_name,
            xml,
            texts: body.texts,
            runs: body.runs,
        }),
    })
}

/// The plain text of a document part's body, or where and why it does
/// not parse (for fuzzing and tests: no package around it).
pub fn text_of_part(xml: &[u8]) -> Result<String, (usize, String)> {
    parse(xml).map(|b| b.text)
}

/// The body as read.
struct Body {
    text: String,
    pieces: Vec<super::Piece>,
    codes: Vec<super::Code>,
    texts: Vec<(Range<usize>, usize)>,
    runs: Vec<(Range<usize>, Vec<u8>)>,
}

/// Something a paragraph holds, kept until the paragraph ends (a text
/// box's paragraphs end inside their anchor's).
enum Item {
    Text {
        text: String,
        content: Range<usize>,
        element: Range<usize>,
        run: usize,
        /// The hyperlink it is in (an index, per document).
        link: Option<usize>,
    },
    Plain(&'static str),
    /// A standalone code and the plain text it stands for.
    Code(CodeKind, &'static str),
}

/// Elements whose content is not read: deletions, the source of moves,
/// and the VML fallback of text boxes (a copy of the DrawingML one).
const SKIPPED: [&str; 5] = [
    "w:del",
    "w:moveFrom",
    "mc:Fallback",
    "w:instrText",
    "w:delText",
];

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .map(|a| a.value.into_owned())
}

/// The formatting codes run properties give the run's text: bold, italic,
/// underline, strike-through, superscript and subscript (set directly on
/// the run; a character style's are not looked up).
fn run_codes(rpr: &[u8]) -> Vec<CodeKind> {
    let mut out = Vec::new();
    for (n, c) in children(rpr) {
        let c = String::from_utf8_lossy(&c);
        let val = |key: &str| {
            let key = format!("w:{key}=\"");
            c.find(&key).map(|p| {
                let v = &c[p + key.len()..];
                v[..v.find('"').unwrap_or(v.len())].to_string()
            })
        };
        let on = !matches!(val("val").as_deref(), Some("0" | "false" | "off" | "none"));
        let kind = match n.as_str() {
            "b" if on => CodeKind::Bold,
            "i" if on => CodeKind::Italic,
            "u" if on => CodeKind::Underlined,
            "strike" | "dstrike" if on => CodeKind::Format("x-strike"),
            "vertAlign" => match val("val").as_deref() {
                Some("superscript") => CodeKind::Format("x-superscript"),
                Some("subscript") => CodeKind::Format("x-subscript"),
                _ => continue,
            },
            _ => continue,
        };
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    out
}

/// Whether run properties hide the run's text.
fn vanished(rpr: &[u8]) -> bool {
    children(rpr).iter().any(|(n, c)| {
        n == "vanish" && {
            let c = String::from_utf8_lossy(c);
            !(c.contains("w:val=\"0\"") || c.contains("w:val=\"false\""))
        }
    })
}

fn parse(xml: &[u8]) -> Result<Body, (usize, String)> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut skip: Option<usize> = None;
    // Per open field: true once its result (after `separate`) begins.
    let mut fields: Vec<bool> = Vec::new();
    let mut paras: Vec<Vec<Item>> = Vec::new();
    // Per open paragraph: the text-box paragraphs to read after it.
    let mut after: Vec<Vec<Vec<Item>>> = Vec::new();
    let mut run_stack: Vec<usize> = Vec::new();
    let mut runs: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    // The open `<w:t>`: its start tag's start, its content's start, text,
    // and whether its spaces count (Word drops the white space at the ends
    // of a `<w:t>` without `xml:space="preserve"`).
    let mut open_t: Option<(usize, usize, String, bool)> = None;
    let mut b = Builder::default();
    let mut pieces_meta: Vec<(Range<usize>, usize)> = Vec::new();
    let mut groups: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut rpr_start = 0usize;
    // Hyperlinks: the open `w:hyperlink`s and `w:fldSimple`s that link,
    // per open complex field the link it makes (once its code says
    // HYPERLINK), the code being read, and the links so far.
    let mut links: Vec<Option<usize>> = Vec::new();
    let mut field_links: Vec<Option<usize>> = Vec::new();
    let mut instr: Option<String> = None;
    let mut link_count = 0usize;
    // The drawing being read: whether it holds a text box (else it is an
    // image).
    let mut drawing: Option<bool> = None;
    let mut flush = |items: Vec<Item>,
                     b: &mut Builder,
                     runs: &Vec<(Range<usize>, Vec<u8>)>,
                     meta: &mut Vec<(Range<usize>, usize)>| {
        for item in items {
            match item {
                Item::Text {
                    text,
                    content,
                    element,
                    run,
                    link,
                } => {
                    let n = groups.len();
                    let group = *groups.entry(group_key(&runs[run].1)).or_insert(n);
                    let mut marks: Vec<(CodeKind, usize)> =
                        link.map(|l| (CodeKind::Link, l)).into_iter().collect();
                    marks.extend(run_codes(&runs[run].1).into_iter().map(|k| (k, 0)));
                    b.set_marks(marks);
                    b.push_piece(&text, content, group, true, false, meta.len());
                    meta.push((element, run));
                }
                Item::Plain(s) => b.push_plain(s),
                Item::Code(kind, s) => b.push_code(kind, s),
            }
        }
        b.end_paragraph();
    };
    loop {
        let p0 = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position() as usize, e.to_string()))?;
        let p1 = reader.buffer_position() as usize;
        // Hidden text (`w:vanish`) is not shown, so not read either.
        let hidden = run_stack.last().is_some_and(|&r| vanished(&runs[r].1));
        let reading = skip.is_none() && fields.iter().all(|&r| r) && !hidden;
        let parent_is_run = stack.last().is_some_and(|n| n == "w:r");
        match event {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                if skip.is_none() && SKIPPED.contains(&name.as_str()) {
                    skip = Some(stack.len());
                }
                match name.as_str() {
                    "w:p" => {
                        paras.push(Vec::new());
                        after.push(Vec::new());
                    }
                    "w:r" => {
                        runs.push((p1..p1, Vec::new()));
                        run_stack.push(runs.len() - 1);
                    }
                    "w:rPr" if parent_is_run => rpr_start = p0,
                    "w:hyperlink" => {
                        links.push(Some(link_count));
                        link_count += 1;
                    }
                    "w:fldSimple" => {
                        let is_link = attr(&e, "instr").is_some_and(|i| i.contains("HYPERLINK"));
                        links.push(is_link.then_some(link_count));
                        link_count += usize::from(is_link);
                    }
                    "w:instrText" => instr = Some(String::new()),
                    "w:drawing" if parent_is_run && reading => drawing = Some(false),
                    "w:txbxContent" => {
                        if let Some(d) = drawing.as_mut() {
                            *d = true;
                        }
                    }
                    "w:t" if parent_is_run && reading => {
                        let preserve = attr(&e, "space").is_some_and(|v| v == "preserve");
                        open_t = Some((p0, p1, String::new(), preserve));
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                stack.pop();
                if skip == Some(stack.len()) {
                    skip = None;
                }
                match name.as_str() {
                    "w:p" => {
                        let mut done = vec![paras.pop().unwrap_or_default()];
                        done.extend(after.pop().unwrap_or_default());
                        // A text box in a paragraph is read where its anchor
                        // stands: after the text before it, if any.
                        let anchor_has_text = paras
                            .last()
                            .is_some_and(|p| p.iter().any(|i| matches!(i, Item::Text { .. })));
                        match after.last_mut() {
                            Some(later) if anchor_has_text => later.extend(done),
                            _ => {
                                for items in done {
                                    flush(items, &mut b, &runs, &mut pieces_meta);
                                }
                            }
                        }
                    }
                    "w:r" => {
                        run_stack.pop();
                    }
                    "w:hyperlink" | "w:fldSimple" => {
                        links.pop();
                    }
                    "w:instrText" => {
                        let code = instr.take().unwrap_or_default();
                        if let Some(l @ None) = field_links.last_mut() {
                            if code.contains("HYPERLINK") {
                                *l = Some(link_count);
                                link_count += 1;
                            }
                        }
                    }
                    "w:drawing" => {
                        if let (Some(false), Some(p)) = (drawing.take(), paras.last_mut()) {
                            p.push(Item::Code(CodeKind::Image, ""));
                        }
                    }
                    "w:rPr" if stack.last().is_some_and(|n| n == "w:r") => {
                        if let Some(&r) = run_stack.last() {
                            runs[r] = (rpr_start..p1, xml[rpr_start..p1].to_vec());
                        }
                    }
                    "w:t" => {
                        if let (Some((start, content, text, preserve)), Some(&run), Some(para)) =
                            (open_t.take(), run_stack.last(), paras.last_mut())
                        {
                            let text = if preserve {
                                text
                            } else {
                                text.trim_matches([' ', '\t', '\n', '\r']).to_string()
                            };
                            let link = field_links
                                .iter()
                                .rev()
                                .chain(links.iter().rev())
                                .find_map(|l| *l);
                            para.push(Item::Text {
                                text,
                                content: content..p0,
                                element: start..p1,
                                run,
                                link,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.name();
                let name = name.as_ref();
                match name {
                    "w:rPr" if parent_is_run => {
                        if let Some(&r) = run_stack.last() {
                            runs[r] = (p0..p1, xml[p0..p1].to_vec());
                        }
                    }
                    "w:fldChar" if skip.is_none() => match attr(&e, "fldCharType").as_deref() {
                        Some("begin") => {
                            fields.push(false);
                            field_links.push(None);
                        }
                        Some("separate") => {
                            if let Some(f) = fields.last_mut() {
                                *f = true;
                            }
                        }
                        Some("end") => {
                            fields.pop();
                            field_links.pop();
                        }
                        _ => {}
                    },
                    _ if !(parent_is_run && reading) => {}
                    "w:tab" | "w:ptab" => {
                        if let Some(p) = paras.last_mut() {
                            p.push(Item::Code(CodeKind::Tab, "\t"));
                        }
                    }
                    "w:br" | "w:cr" => {
                        if let Some(p) = paras.last_mut() {
                            p.push(Item::Code(CodeKind::LineBreak, "\n"));
                        }
                    }
                    "w:footnoteReference" | "w:endnoteReference" => {
                        if let Some(p) = paras.last_mut() {
                            p.push(Item::Code(CodeKind::Note, ""));
                        }
                    }
                    "w:noBreakHyphen" => {
                        if let Some(p) = paras.last_mut() {
                            p.push(Item::Plain("-"));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((_, _, s, _)) = open_t.as_mut() {
                    s.push_str(&t);
                }
                if let Some(code) = instr.as_mut() {
                    code.push_str(&t);
                }
            }
            Event::CData(t) => {
                if let Some((_, _, s, _)) = open_t.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, _, s, _)) = open_t.as_mut() {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => crate::exchange::xml::predefined_entity(&r),
                        Err(e) => return Err((p0, e.to_string())),
                    };
                    match c {
                        Some(c) => s.push(c),
                        None => return Err((p0, format!("unknown entity &{};", &*r))),
                    }
                }
            }
            Event::DocType(_) => return Err((p0, "a DOCTYPE in a Word part".into())),
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err((
            xml.len(),
            format!("unexpected end of the part: <{open}> is not closed",),
        ));
    }
    let (text, pieces, codes) = b.finish();
    Ok(Body {
        text,
        pieces,
        codes,
        texts: pieces_meta,
        runs,
    })
}

/// A run's look in a draft: its language and highlight.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    lang: Option<Lang>,
    highlight: Option<&'static str>,
}

const PLAIN: Look = Look {
    lang: None,
    highlight: None,
};

fn look(status: Status, o: Options) -> Option<Look> {
    let mark = |colour| if o.marks { Some(colour) } else { None };
    match status {
        Status::Between => None,
        Status::Exact => Some(Look {
            lang: o.to,
            highlight: None,
        }),
        Status::Fuzzy(_) => Some(Look {
            lang: o.to,
            highlight: mark("yellow"),
        }),
        Status::Unmatched => Some(Look {
            lang: None,
            highlight: mark("cyan"),
        }),
    }
}

/// The region code Word writes with each language.
fn word_lang(l: Lang) -> &'static str {
    match l {
        Lang::En => "en-US",
        Lang::Ru => "ru-RU",
        Lang::Kk => "kk-KZ",
    }
}

/// The order of the children of `w:rPr` in the schema (Word refuses
/// another order).
const RPR_ORDER: [&str; 40] = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

fn order(name: &str) -> usize {
    RPR_ORDER
        .iter()
        .position(|n| *n == name)
        .unwrap_or(RPR_ORDER.len())
}

/// The run properties `rpr` (a whole `<w:rPr>` element, or empty) with
/// the language and highlight of `look`.
fn restyle(rpr: &[u8], look: Look) -> Vec<u8> {
    let mut children = children(rpr);
    let mut add = |name: &str, element: String| {
        children.retain(|(n, _)| n != name);
        let at = children
            .iter()
            .position(|(n, _)| order(n) > order(name))
            .unwrap_or(children.len());
        children.insert(at, (name.to_string(), element.into_bytes()));
    };
    if let Some(l) = look.lang {
        add("lang", format!("<w:lang w:val=\"{}\"/>", word_lang(l)));
    }
    if let Some(h) = look.highlight {
        add("highlight", format!("<w:highlight w:val=\"{h}\"/>"));
    }
    let mut out = b"<w:rPr>".to_vec();
    for (_, c) in children {
        out.extend_from_slice(&c);
    }
    out.extend_from_slice(b"</w:rPr>");
    out
}

/// What makes two runs look different: their properties without the
/// language and proofing marks (Word sets those per run as one types).
fn group_key(rpr: &[u8]) -> Vec<u8> {
    children(rpr)
        .into_iter()
        .filter(|(n, _)| !matches!(n.as_str(), "lang" | "noProof" | "rPrChange"))
        .flat_map(|(_, c)| c)
        .collect()
}

/// The children of a `<w:rPr>` element: local name and bytes.
fn children(rpr: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut children: Vec<(String, Vec<u8>)> = Vec::new();
    if !rpr.is_empty() {
        let mut reader = Reader::from_reader(rpr);
        let mut depth = 0usize;
        let mut start = 0usize;
        let mut name = String::new();
        loop {
            let p0 = reader.buffer_position() as usize;
            let Ok(event) = reader.read_event() else {
                break;
            };
            let p1 = reader.buffer_position() as usize;
            match event {
                Event::Start(e) => {
                    if depth == 1 {
                        start = p0;
                        name = local(e.name().as_ref()).to_string();
                    }
                    depth += 1;
                }
                Event::End(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 {
                        children.push((name.clone(), rpr[start..p1].to_vec()));
                    }
                }
                Event::Empty(e) if depth == 1 => {
                    let n = local(e.name().as_ref()).to_string();
                    children.push((n, rpr[p0..p1].to_vec()));
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    children
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The draft of `doc` as a Word file.
pub fn write(
    path: &Path,
    p: &Package,
    doc: &Document,
    plan: &Plan,
    o: Options,
) -> Result<Vec<u8>, DocumentError> {
    let mut edits: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    // Each run's look as it starts, and as it is now while writing.
    let mut run_look: HashMap<usize, Look> = HashMap::new();
    let mut current: HashMap<usize, Look> = HashMap::new();
    for (i, chunks) in plan.chunks.iter().enumerate() {
        let Some(chunks) = chunks else { continue };
        if chunks.iter().all(|c| c.unchanged(o.marks)) {
            continue;
        }
        let (element, run) = p.texts[doc.pieces[i].tag].clone();
        let first = chunks.iter().find_map(|c| look(c.status, o));
        run_look.entry(run).or_insert(first.unwrap_or(PLAIN));
        let mut now = *current.entry(run).or_insert(first.unwrap_or(PLAIN));
        let mut out = b"<w:t xml:space=\"preserve\">".to_vec();
        for c in chunks {
            if let Some(l) = look(c.status, o) {
                if l != now && !c.text.is_empty() {
                    out.extend_from_slice(b"</w:t></w:r><w:r>");
                    out.extend_from_slice(&restyle(&p.runs[run].1, l));
                    out.extend_from_slice(b"<w:t xml:space=\"preserve\">");
                    now = l;
                }
            }
            out.extend_from_slice(escape(&c.text).as_bytes());
        }
        out.extend_from_slice(b"</w:t>");
        current.insert(run, now);
        edits.push((element, out));
    }
    for (run, l) in run_look {
        if l != PLAIN {
            let (range, rpr) = &p.runs[run];
            edits.push((range.clone(), restyle(rpr, l)));
        }
    }
    if edits.is_empty() {
        return Ok(p.bytes.clone());
    }
    let xml = apply(&p.xml, &mut edits);
    repack(&p.bytes, &p.part, &xml).map_err(|e| package_error(path, e))
}

/// The package `bytes` with its document part replaced by `xml`; every
/// other part copied as it was, compressed data and all.
fn repack(bytes: &[u8], part: &str, xml: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() + xml.len())));
    for i in 0..archive.len() {
        let f = archive.by_index_raw(i)?;
        if f.name() == part {
            let mut options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            if let Some(t) = f.last_modified() {
                options = options.last_modified_time(t);
            }
            drop(f);
            out.start_file(part, options)?;
            out.write_all(xml)?;
        } else {
            out.raw_copy_file(f)?;
        }
    }
    Ok(out.finish()?.into_inner())
}
