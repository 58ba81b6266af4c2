//! What a draft puts in each piece of a document: the pieces' text cut at
//! segment boundaries into [`Chunk`]s, each with the state of its segment.
//! A translation goes into the segment's first editable piece and the
//! segment's other pieces are emptied, except that a piece formatted
//! otherwise (a link, a bold word, a code span) whose text stands as it is
//! in the translation (a URL, a name, a number) keeps it ([`distribute`]).
//! So a segment spread over pieces of different formatting takes the
//! formatting of its first piece where the translation cannot carry it;
//! such segments are listed in [`Plan::lost`].

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
        let span = |i: usize| {
            let p = &pieces[i];
            p.text.start.max(s.start)..p.text.end.min(s.end)
        };
        // The pieces the segment's text runs through, from its head.
        let ids: Vec<usize> = touching
            .iter()
            .copied()
            .filter(|&i| !span(i).is_empty())
            .skip_while(|&i| i != head)
            .collect();
        let given: Option<Vec<String>> = c.as_ref().map(|(t, _)| {
            let (texts, lost_some) = distribute(
                t,
                &ids,
                |i| &text[span(i)],
                |i| (pieces[i].group, pieces[i].editable),
            );
            // Code before the segment's first writable piece stays first.
            let code_first = over.first() != Some(&head);
            if lost_some || code_first {
                lost.push(si);
            }
            texts
        });
        // For a translation, the marks open and close around the pieces
        // that received some of it.
        let (first, last) = match &given {
            Some(texts) => {
                let got: Vec<usize> = ids
                    .iter()
                    .zip(texts)
                    .filter(|(&i, t)| pieces[i].editable && !t.is_empty())
                    .map(|(&i, _)| i)
                    .collect();
                (
                    got.first().copied().unwrap_or(head),
                    got.last().copied().unwrap_or(head),
                )
            }
            None => (head, tail),
        };
        for &i in &touching {
            let p = &pieces[i];
            let r = span(i);
            if !p.editable || r.is_empty() {
                continue;
            }
            let new = match &given {
                Some(texts) => ids
                    .iter()
                    .position(|&k| k == i)
                    .map(|k| texts[k].clone())
                    .unwrap_or_default(),
                None => text[r.clone()].to_string(),
            };
            placed[i].push((
                r.start,
                r.end,
                Chunk {
                    text: new,
                    status,
                    first: i == first,
                    last: i == last,
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

/// Splits the translation `t` of a segment over the pieces `ids` it runs
/// through (`ids[0]` is where it starts), by `visible` (a piece's text in
/// the segment) and `look` (its formatting group, and whether a draft can
/// write it). A piece formatted unlike the first keeps its formatting when
/// its text stands as it is in the translation (a URL, a name, a number,
/// a code span): it gets that text, what comes before goes to the piece
/// before, what follows to the piece after. Everything else goes to the
/// first piece. Returns each piece's text (a piece a draft cannot write
/// gets none) and whether a piece formatted unlike the first lost its
/// text.
pub fn distribute<'a>(
    t: &str,
    ids: &[usize],
    visible: impl Fn(usize) -> &'a str,
    look: impl Fn(usize) -> (usize, bool),
) -> (Vec<String>, bool) {
    let mut out = vec![String::new(); ids.len()];
    let Some(&head) = ids.first() else {
        return (out, false);
    };
    let (head_group, _) = look(head);
    let foreign = |k: usize| {
        let (g, editable) = look(ids[k]);
        g != head_group || !editable
    };
    let mut lost = false;
    let mut cursor = 0;
    // The piece that takes the text up to the next kept piece.
    let mut owner = 0;
    for k in 1..ids.len() {
        if !foreign(k) {
            continue;
        }
        let needle = visible(ids[k]).trim();
        if needle.is_empty() {
            continue;
        }
        let Some(p) = t[cursor..].find(needle) else {
            lost = true;
            continue;
        };
        let gap = &t[cursor..cursor + p];
        lost |= foreign(owner) && gap.chars().any(char::is_alphanumeric);
        out[owner].push_str(gap);
        if look(ids[k]).1 {
            out[k].push_str(needle);
        }
        cursor += p + needle.len();
        owner = if k + 1 < ids.len() { k + 1 } else { k };
    }
    let rest = &t[cursor..];
    lost |= foreign(owner) && rest.chars().any(char::is_alphanumeric);
    out[owner].push_str(rest);
    // A piece a draft cannot write keeps its own text.
    for (k, o) in out.iter_mut().enumerate() {
        if !look(ids[k]).1 {
            o.clear();
        }
    }
    (out, lost)
}

fn between(s: &str) -> Chunk {
    Chunk {
        text: s.to_string(),
        status: Status::Between,
        first: false,
        last: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str, pieces: &[(&'static str, usize, bool)]) -> (Vec<String>, bool) {
        let ids: Vec<usize> = (0..pieces.len()).collect();
        distribute(t, &ids, |i| pieces[i].0, |i| (pieces[i].1, pieces[i].2))
    }

    #[test]
    fn a_link_whose_text_stands_in_the_translation_keeps_it() {
        let (out, lost) = split(
            "Подробности на www.gov.kz сегодня.",
            &[
                ("Details are on ", 0, true),
                ("www.gov.kz", 1, true),
                (" today.", 0, true),
            ],
        );
        assert_eq!(out, ["Подробности на ", "www.gov.kz", " сегодня."]);
        assert!(!lost);
    }

    #[test]
    fn a_bold_phrase_not_in_the_translation_is_lost() {
        let (out, lost) = split(
            "Она стоила 2 млрд тенге.",
            &[
                ("It cost ", 0, true),
                ("2 billion", 1, true),
                (" tenge.", 0, true),
            ],
        );
        assert_eq!(out, ["Она стоила 2 млрд тенге.", "", ""]);
        assert!(lost);
    }

    #[test]
    fn a_code_span_stays_and_the_text_flows_around_it() {
        let (out, lost) = split(
            "Запустите tm add позже.",
            &[
                ("Run ", 0, true),
                ("tm add", 1, false),
                (" later.", 0, true),
            ],
        );
        assert_eq!(out, ["Запустите ", "", " позже."]);
        assert!(!lost);
    }

    #[test]
    fn runs_split_only_by_revision_ids_take_the_whole_translation() {
        let (out, lost) = split(
            "Министерство открывает станцию",
            &[("Ministry opens a new wa", 0, true), ("ter plant", 0, true)],
        );
        assert_eq!(out, ["Министерство открывает станцию", ""]);
        assert!(!lost);
    }
}
