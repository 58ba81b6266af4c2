//! The document readers and writers on any input: a Word document part,
//! an HTML page and a Markdown file. No panic; a draft that changes nothing
//! gives the input back; drafts with translations are written without
//! panic whatever the segments hold; inline codes stay inside their
//! segments, and the XLIFF draft that carries them is written.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tm::documents::{docx, html, markdown, write_draft, Document};
use tm::exchange::xliff::{write_xliff, DraftSegment};
use tm::segment::segment;
use tm::Lang;

fn drafts(doc: &Document, original: &[u8]) {
    let segs = segment(&doc.text, Lang::En);
    let none = vec![None; segs.len()];
    let same = write_draft(doc, &segs, &none, Lang::En, None, false).unwrap();
    assert!(same.bytes == original);
    // Inline codes stay inside their segment, and the XLIFF draft that
    // carries them is written without panic.
    let codes = doc.segment_codes(&segs);
    let mut xliff_segments = Vec::new();
    for (s, c) in segs.iter().zip(&codes) {
        assert!(c.iter().all(|c| c.range.start <= c.range.end && c.range.end <= s.text.len()));
        xliff_segments.push(DraftSegment {
            text: s.text.clone(),
            best: Some((format!("Ответ {}.", s.text), 100.0)),
            notes: Vec::new(),
            codes: c.clone(),
        });
    }
    write_xliff(&mut Vec::new(), "f", Lang::En, Lang::Ru, &xliff_segments).unwrap();
    for (score, marks) in [(100.0, false), (80.0, true)] {
        let choice: Vec<Option<(String, f64)>> = segs
            .iter()
            .enumerate()
            .map(|(i, s)| (i % 3 != 2).then(|| (format!("Ответ <{}> & {i}.", s.text.len()), score)))
            .collect();
        write_draft(doc, &segs, &choice, Lang::En, Some(Lang::Kk), marks).unwrap();
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    match kind % 3 {
        0 => {
            let _ = docx::text_of_part(rest);
        }
        1 => {
            if let Ok(doc) = html::read(Path::new("f.html"), rest) {
                drafts(&doc, rest);
            }
        }
        _ => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            if let Ok(doc) = markdown::read(Path::new("f.md"), text.to_string()) {
                drafts(&doc, rest);
            }
        }
    }
});
