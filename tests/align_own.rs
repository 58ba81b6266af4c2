//! Alignment on our own releases (`tests/data/align/`, see its README):
//! runs the aligner on every document of the tune and held-out sets, with
//! their perturbed variants, and keeps the tiled bead F1 of English–Russian
//! and English–Kazakh above a floor a little under what was measured, so
//! that a regression fails here. Tiled F1 is computed as the alignment kit's
//! `score.py` computes it: a predicted unit counts when it equals a true one,
//! or when the predicted units inside a true one tile it exactly.
//!
//!     cargo test --release --test align_own -- --nocapture

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tm::align::release::{align_release, Cut};
use tm::Lang;

/// Where a side of a unit lies in the text of its language with all white
/// space removed; `None` for a predicted side not found in the text.
type Span = Option<(usize, usize)>;

/// Counts of one language pair over some documents.
#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    tp_gold: usize,
    tp_pred: usize,
}

impl Counts {
    fn f1(&self) -> f64 {
        let p = self.tp_pred as f64 / self.pred.max(1) as f64;
        let r = self.tp_gold as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn nows(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
        })
        .collect()
}

/// The units of a gold file: one a line, `en<TAB>ru<TAB>kk`.
fn read_gold(path: &Path) -> Vec<[String; 3]> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut c = l.split('\t').map(str::to_string);
            [0; 3].map(|_| c.next().unwrap_or_default())
        })
        .collect()
}

/// Spans of each unit's side in language `k`: gold units laid end to end,
/// predicted ones looked for in order in the gold text.
fn spans(units: &[[String; 3]], k: usize, reference: Option<&str>) -> Vec<Span> {
    let mut cum = 0;
    units
        .iter()
        .map(|u| {
            let s = nows(&u[k]);
            let Some(text) = reference else {
                cum += s.len();
                return Some((cum - s.len(), cum));
            };
            if s.is_empty() {
                return Some((cum, cum));
            }
            let at = if text[cum.min(text.len())..].starts_with(&s) {
                Some(cum)
            } else {
                text.get(cum..).and_then(|t| t.find(&s)).map(|p| p + cum)
            };
            at.map(|p| {
                cum = p + s.len();
                (p, cum)
            })
        })
        .collect()
}

fn empty(s: Span) -> bool {
    matches!(s, Some((a, b)) if a == b)
}

/// score.py's `bead_scores` for one pair of sides.
fn score(gold: &[[Span; 2]], pred: &[[Span; 2]], c: &mut Counts) {
    let pset: HashSet<_> = pred.iter().collect();
    let gset: HashSet<_> = gold.iter().collect();
    let strict = pred
        .iter()
        .filter(|p| gset.contains(p) && p.iter().all(Option::is_some))
        .count();
    let (mut tiled_gold, mut tiled_pred) = (0, 0);
    let valid: Vec<&[Span; 2]> = pred
        .iter()
        .filter(|p| p.iter().all(Option::is_some))
        .collect();
    for g in gold {
        if pset.contains(g) || g.iter().any(Option::is_none) || g.iter().any(|&s| empty(s)) {
            continue;
        }
        let gs = g.map(|s| s.unwrap());
        let inside: Vec<&[Span; 2]> = valid
            .iter()
            .copied()
            .filter(|p| (0..2).all(|k| gs[k].0 <= p[k].unwrap().0 && p[k].unwrap().1 <= gs[k].1))
            .collect();
        let sticking = pred.iter().any(|p| {
            !inside.contains(&p)
                && (0..2).any(|k| matches!(p[k], Some((a, b)) if a < gs[k].1 && b > gs[k].0))
        });
        if sticking || inside.len() < 2 || inside.iter().any(|p| p.iter().any(|&s| empty(s))) {
            continue;
        }
        let covers = (0..2).all(|k| {
            inside
                .iter()
                .map(|p| p[k].unwrap().1 - p[k].unwrap().0)
                .sum::<usize>()
                == gs[k].1 - gs[k].0
        });
        if covers {
            tiled_gold += 1;
            tiled_pred += inside.len();
        }
    }
    c.gold += gold.len();
    c.pred += pred.len();
    c.tp_gold += strict + tiled_gold;
    c.tp_pred += strict + tiled_pred;
}

/// Units of one pair (`a`, `b`: 0 en, 1 ru, 2 kk), empty on both sides dropped.
fn project(units: &[[String; 3]], sp: &[[Span; 3]], a: usize, b: usize) -> Vec<[Span; 2]> {
    units
        .iter()
        .zip(sp)
        .filter(|(u, _)| !(u[a].is_empty() && u[b].is_empty()))
        .map(|(_, s)| [s[a], s[b]])
        .collect()
}

/// Tiled F1 of English–Russian and English–Kazakh over one split.
fn measure(split: &str) -> (f64, f64, usize) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/align")
        .join(split);
    let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("gold.tsv").exists())
        .collect();
    docs.sort();
    let (mut ru, mut kk) = (Counts::default(), Counts::default());
    for doc in &docs {
        let read = |l: &str| std::fs::read_to_string(doc.join(format!("{l}.txt"))).unwrap();
        let gold = read_gold(&doc.join("gold.tsv"));
        let units = align_release(
            &read("en"),
            Some(&read("ru")),
            Some(&read("kk")),
            Cut::Sentences,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
        let pred: Vec<[String; 3]> = units
            .iter()
            .map(|u| [Lang::En, Lang::Ru, Lang::Kk].map(|l| u.text(l).to_string()))
            .collect();
        let texts: Vec<String> = (0..3)
            .map(|k| gold.iter().map(|g| nows(&g[k])).collect())
            .collect();
        let per_lang = |units: &[[String; 3]], reference: bool| -> Vec<[Span; 3]> {
            let s: Vec<Vec<Span>> = (0..3)
                .map(|k| spans(units, k, reference.then(|| texts[k].as_str())))
                .collect();
            (0..units.len())
                .map(|i| [s[0][i], s[1][i], s[2][i]])
                .collect()
        };
        let (gs, ps) = (per_lang(&gold, false), per_lang(&pred, true));
        score(
            &project(&gold, &gs, 0, 1),
            &project(&pred, &ps, 0, 1),
            &mut ru,
        );
        score(
            &project(&gold, &gs, 0, 2),
            &project(&pred, &ps, 0, 2),
            &mut kk,
        );
    }
    (ru.f1(), kk.f1(), docs.len())
}

fn check(split: &str, floor_ru: f64, floor_kk: f64) {
    let (ru, kk, n) = measure(split);
    eprintln!("{split}: {n} documents, tiled F1 en-ru {ru:.3}, en-kk {kk:.3}");
    assert!(n >= 16, "{split}: only {n} documents");
    assert!(
        ru >= floor_ru && kk >= floor_kk,
        "{split}: tiled F1 en-ru {ru:.3} (floor {floor_ru}), en-kk {kk:.3} (floor {floor_kk})"
    );
}

#[test]
fn tune_set_stays_above_its_floor() {
    check("tune", FLOOR_TUNE.0, FLOOR_TUNE.1);
}

#[test]
fn held_out_set_stays_above_its_floor() {
    check("heldout", FLOOR_HELDOUT.0, FLOOR_HELDOUT.1);
}

/// A little under the figures measured (README of `tests/data/align/`).
const FLOOR_TUNE: (f64, f64) = (0.98, 0.98);
const FLOOR_HELDOUT: (f64, f64) = (0.95, 0.96);
