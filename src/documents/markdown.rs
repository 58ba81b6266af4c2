//! Markdown releases (CommonMark with tables, via pulldown-cmark).
//!
//! Read: headings, paragraphs, list items and table cells are paragraphs;
//! a soft line break is a space and a hard one a line break. Emphasis and
//! links keep their text; code spans stay in the text (so a sentence reads
//! as it does in plain text) but a draft never changes them; code blocks,
//! HTML blocks, inline HTML, image descriptions and YAML front matter are
//! not read. A file that holds only code is refused.
//!
//! Draft: the file as it was but for the text of translated segments
//! (each in the text span where its segment starts; the segment's other
//! spans emptied, their markup kept), marked as text drafts are:
//! `[[96% …]]` for a fuzzy translation and `[[en: …]]` for a segment left
//! in the source language.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options as CmarkOptions, Parser, Tag, TagEnd};

use super::plan::{Options, Plan, Status};
use super::{apply, Builder, CodeKind, Document, DocumentError, Source};

/// Reads the Markdown file `path` whose text is `text`.
pub fn read(path: &Path, text: String) -> Result<Document, DocumentError> {
    let mut b = Builder::default();
    let mut code = false;
    let mut image = 0usize;
    let mut saw_code = false;
    let mut inline: Vec<usize> = Vec::new();
    // The codes of the open emphasis, strong, strike-through and links.
    let mut marks: Vec<(CodeKind, usize)> = Vec::new();
    let mut groups: HashMap<Vec<usize>, usize> = HashMap::new();
    // Front matter (`---` … `---` at the top, as static site generators
    // write it) is metadata, not text.
    let options = CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        let mut group = |inline: &Vec<usize>| {
            let n = groups.len();
            *groups.entry(inline.clone()).or_insert(n)
        };
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item) => {
                b.end_paragraph();
                inline.clear();
                marks.clear();
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) => {
                b.end_paragraph();
                inline.clear();
                marks.clear();
            }
            Event::Start(Tag::MetadataBlock(_)) => code = true,
            Event::End(TagEnd::MetadataBlock(_)) => code = false,
            Event::Start(Tag::CodeBlock(_)) => {
                b.end_paragraph();
                code = true;
                saw_code = true;
            }
            Event::End(TagEnd::CodeBlock) => code = false,
            Event::Start(Tag::Image { .. }) => {
                if image == 0 && !code {
                    b.push_code(CodeKind::Image, "");
                }
                image += 1
            }
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(
                ref tag @ (Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }),
            ) => {
                let kind = match tag {
                    Tag::Emphasis => CodeKind::Italic,
                    Tag::Strong => CodeKind::Bold,
                    Tag::Strikethrough => CodeKind::Format("x-strike"),
                    _ => CodeKind::Link,
                };
                marks.push((kind, range.start));
                inline.push(range.start)
            }
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {
                inline.pop();
                marks.pop();
            }
            Event::Text(t) if !code && image == 0 => {
                let g = group(&inline);
                b.set_marks(marks.clone());
                b.push_piece(&t, range, g, true, false, 0);
            }
            Event::Code(t) if image == 0 => {
                saw_code = true;
                let g = group(&inline);
                let mut m = marks.clone();
                m.push((CodeKind::Format("x-code"), range.start));
                b.set_marks(m);
                b.push_piece(&t, range, g, false, false, 0);
            }
            Event::SoftBreak if !code => b.push_plain(" "),
            Event::HardBreak => b.push_code(CodeKind::LineBreak, "\n"),
            _ => {}
        }
    }
    let (plain, pieces, codes) = b.finish();
    if plain.trim().is_empty() {
        return Err(DocumentError::Empty {
            path: path.to_path_buf(),
            why: if saw_code {
                " (it holds only code, which is never translated)"
            } else {
                ""
            },
        });
    }
    // Text of code spans only, no words around them: only code too.
    if pieces.iter().all(|p| !p.editable) {
        return Err(DocumentError::Empty {
            path: path.to_path_buf(),
            why: " (it holds only code, which is never translated)",
        });
    }
    Ok(Document {
        format: super::Format::Markdown,
        path: path.to_path_buf(),
        text: plain,
        pieces,
        codes,
        source: Source::Markdown(text),
    })
}

/// Escapes what Markdown would read as markup in a translation.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The draft of `doc` as Markdown.
pub fn write(source: &str, doc: &Document, plan: &Plan, o: Options) -> Vec<u8> {
    let mut edits: Vec<(Range<usize>, Vec<u8>)> = Vec::new();
    for (piece, chunks) in doc.pieces.iter().zip(&plan.chunks) {
        let Some(chunks) = chunks else { continue };
        if chunks.iter().all(|c| c.unchanged(o.marks)) {
            continue;
        }
        let mut out = String::new();
        for c in chunks {
            let text = escape(&c.text);
            match c.status {
                Status::Fuzzy(_) | Status::Unmatched if o.marks => {
                    if c.first {
                        match c.status {
                            Status::Fuzzy(score) => out.push_str(&format!("[[{score}% ")),
                            _ => out.push_str(&format!("[[{}: ", o.from.code())),
                        }
                    }
                    out.push_str(&text);
                    if c.last {
                        out.push_str("]]");
                    }
                }
                _ => out.push_str(&text),
            }
        }
        edits.push((piece.raw.clone(), out.into_bytes()));
    }
    if edits.is_empty() {
        return source.as_bytes().to_vec();
    }
    apply(source.as_bytes(), &mut edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_blocks_and_keeps_code_out() {
        let md = "# The forum opens\n\nThe *forum* opened on Monday. Run `tm add` later.\n\n\
                  ```\nlet code = 1;\n```\n\n- First item.\n- Second item.\n\n| A | B |\n|---|---|\n| Cell one. | Cell two. |\n";
        let d = read(
            Path::new("t.md"),
            format!("---\ntitle: Front matter\n---\n{md}"),
        )
        .unwrap();
        assert_eq!(
            d.text,
            "The forum opens\n\nThe forum opened on Monday. Run tm add later.\n\n\
             First item.\n\nSecond item.\n\nA\n\nB\n\nCell one.\n\nCell two."
        );
        let err = read(Path::new("c.md"), "```\nonly code\n```\n".into()).unwrap_err();
        assert!(err.to_string().contains("only code"), "{err}");
    }
}
