//! What a draft puts in each piece of a document: the pieces' text cut at
//! segment boundaries into [`Chunk`]s, each with the state of its segment.
//! A translation goes whole into the segment's first editable piece and
//! the segment's other pieces are emptied, so a segment spread over pieces
//! of different formatting takes the formatting of its first piece; such
//! segments are listed in [`Plan::lost`].

use super::Document;
use crate::lang::Lang;
use crate::segment::Segment;

/// The state of a chunk's segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    /// Text between segments (white space), kept.
    Between,
    /// A translation from a 100 match.
    Exact,
    /// A translation from a match below 100, with its score.
    Fuzzy(f64),
    /// No translation: the source text, kept.
    Unmatched,
}

/// A part of a piece's new text.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// The text.
    pub text: String,
    /// Its segment's state.
    pub status: Status,
    /// The first chunk of its segment.
    pub first: bool,
    /// The last chunk of its segment.
    pub last: bool,
}

/// The new text of every piece.
#[derive(Debug, Default)]
pub struct Plan {
    /// Per piece of [`Document::pieces`]: its chunks, `None` when the piece
    /// is not editable.
    pub chunks: Vec<Option<Vec<Chunk>>>,
    /// The segments whose translation lost inline formatting.
    pub lost: Vec<usize>,
}

/// How a draft is written.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The source language.
    pub from: Lang,
    /// The draft's language; `None` leaves the language as it is.
    pub to: Option<Lang>,
    /// Mark fuzzy and unmatched segments.
    pub marks: bool,
}

impl Chunk {
    /// Whether the chunk changes nothing in its piece (the original text,
    /// unmarked).
    pub fn unchanged(&self, marks: bool) -> bool {
        match self.status {
            Status::Between => true,
            Status::Unmatched => !marks,
            Status::Exact | Status::Fuzzy(_) => false,
        }
    }
}

/// The plan of the draft of `doc`: see the module.
pub fn plan(doc: &Document, segments: &[Segment], choice: &[Option<(String, f64)>]) -> Plan {
    let text = &doc.text;
    let pieces = &doc.pieces;
    // Per piece: the chunks the segments put there, with their range.
    let mut placed: Vec<Vec<(usize, usize, Chunk)>> = vec![Vec::new(); pieces.len()];
    let mut lost = Vec::new();
    let mut first_piece = 0;
    for (si, s) in segments.iter().enumerate() {
        let c = choice.get(si).cloned().flatten();
        while first_piece < pieces.len() && pieces[first_piece].text.end <= s.start {
            first_piece += 1;
        }
        let touching: Vec<usize> = (first_piece..pieces.len())
            .take_while(|&i| pieces[i].text.start < s.end)
            .collect();
        // The pieces that hold some of the segment's visible text.
        let over: Vec<usize> = touching
            .iter()
            .copied()
            .filter(|&i| {
                let p = &pieces[i];
                let (a, b) = (p.text.start.max(s.start), p.text.end.min(s.end));
                a < b && !text[a..b].trim().is_empty()
            })
            .collect();
        let Some(&head) = over.iter().find(|&&i| pieces[i].editable) else {
            continue;
        };
        let tail = *over.iter().rfind(|&&i| pieces[i].editable).unwrap_or(&head);
        let status = match &c {
            Some((_, score)) if *score >= 100.0 => Status::Exact,
            Some((_, score)) => Status::Fuzzy(*score),
            None => Status::Unmatched,
        };
        if c.is_some()
            && over
                .iter()
                .any(|&i| pieces[i].group != pieces[head].group || !pieces[i].editable)
        {
            lost.push(si);
        }
        for &i in &touching {
            let p = &pieces[i];
            let (a, b) = (p.text.start.max(s.start), p.text.end.min(s.end));
            if !p.editable || a >= b {
                continue;
            }
            let new = match &c {
                Some((t, _)) if i == head => t.clone(),
                Some(_) => String::new(),
                None => text[a..b].to_string(),
            };
            placed[i].push((
                a,
                b,
                Chunk {
                    text: new,
                    status,
                    first: i == head,
                    last: i == tail,
                },
            ));
        }
    }
    // Fill what lies between segments with the original text, in order.
    let chunks = pieces
        .iter()
        .zip(placed)
        .map(|(p, list)| {
            if !p.editable {
                return None;
            }
            let mut out = Vec::with_capacity(list.len() + 2);
            let mut at = p.text.start;
            for (a, b, c) in list {
                if at < a {
                    out.push(between(&text[at..a]));
                }
                out.push(c);
                at = b;
            }
            if at < p.text.end {
                out.push(between(&text[at..p.text.end]));
            }
            Some(out)
        })
        .collect();
    Plan { chunks, lost }
}

fn between(s: &str) -> Chunk {
    Chunk {
        text: s.to_string(),
        status: Status::Between,
        first: false,
        last: false,
    }
}
