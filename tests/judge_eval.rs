//! Measures how `tm add` judges its input (`tm::align::judge`) on the
//! evaluation documents, read at run time and never copied: every true
//! English–Russian and English–Kazakh pair must be accepted, and the English
//! of one document with a translation of another refused.
//!
//!     cargo test --release --test judge_eval -- --ignored --nocapture
//!
//! The data is `$TM_EVAL_DATA`, by default `../shared/data` beside the
//! repository: `docs/dev/DOCID/{en,ru,kk}.txt`.
//!
//! With `$TM_EVAL_MEMORY` set to a memory file, the lexicon learned from it
//! is a sign too (as `tm add` uses it). A `{fold}` in the path is replaced
//! by 0, 1 or 2, the document's place in `docs/dev/index.tsv` modulo 3, so
//! that each document can be judged with a memory that lacks its own
//! sentences.

use std::path::PathBuf;

use tm::align::judge::fit_with;
use tm::align::lexicon::Lexicon;
use tm::align::lexicon_file;
use tm::segment::segment;
use tm::Lang;

/// The lexicon to judge the document `name` with (empty without
/// `$TM_EVAL_MEMORY`).
fn lexicons() -> impl Fn(&str) -> Lexicon {
    let memory = std::env::var("TM_EVAL_MEMORY").ok();
    let order: Vec<String> = std::fs::read_to_string(data().join("docs/dev/index.tsv"))
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect();
    let learned: Vec<Lexicon> = (0..3)
        .map(|k| match &memory {
            Some(m) => lexicon_file::open(&PathBuf::from(m.replace("{fold}", &k.to_string()))).0,
            None => Lexicon::empty(),
        })
        .collect();
    move |name| {
        let fold = order.iter().position(|d| d == name).unwrap_or(0) % 3;
        learned[fold].clone()
    }
}

fn data() -> PathBuf {
    std::env::var_os("TM_EVAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

fn docs() -> Vec<(String, [String; 3])> {
    let dir = data().join("docs/dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    names
        .iter()
        .filter_map(|d| {
            let read = |l: &str| std::fs::read_to_string(d.join(format!("{l}.txt"))).ok();
            let name = d.file_name()?.to_string_lossy().into_owned();
            Some((name, [read("en")?, read("ru")?, read("kk")?]))
        })
        .collect()
}

#[test]
#[ignore = "reads the evaluation data; run by hand"]
fn true_pairs_accepted_and_mixed_ones_refused() {
    let docs = docs();
    if docs.is_empty() {
        eprintln!("no evaluation data: skipped");
        return;
    }
    let segs =
        |t: &str, l: Lang| -> Vec<String> { segment(t, l).into_iter().map(|s| s.text).collect() };
    let show = std::env::var_os("JUDGE_EVAL_SHOW").is_some();
    let lexicon = lexicons();
    for (li, lang) in [(1, Lang::Ru), (2, Lang::Kk)] {
        let (mut true_ok, mut mixed_refused, mut no_evidence) = (0, 0, 0);
        for (i, (name, d)) in docs.iter().enumerate() {
            let lex = lexicon(name);
            let fit = |a: &[&str], la, b: &[&str], lb| fit_with(a, la, b, lb, &lex);
            let en = segs(&d[0], Lang::En);
            let en: Vec<&str> = en.iter().map(String::as_str).collect();
            let own = segs(&d[li], lang);
            let own: Vec<&str> = own.iter().map(String::as_str).collect();
            let other = &docs[(i + 1) % docs.len()].1[li];
            let other = segs(other, lang);
            let other: Vec<&str> = other.iter().map(String::as_str).collect();
            let f = fit(&en, Lang::En, &own, lang);
            if f.doubt().is_none() {
                true_ok += 1;
            } else if show {
                println!("true pair {i} refused: {f:?} {:?}", f.doubt());
            }
            let g = fit(&en, Lang::En, &other, lang);
            if g.doubt().is_some() {
                mixed_refused += 1;
            } else if show {
                println!("mixed pair {i} accepted: {g:?}");
            }
            no_evidence += usize::from(g.anchors.is_none());
            if std::env::var_os("JUDGE_EVAL_DUMP").is_some() {
                println!("T {} {:?}", lang.code(), f);
                println!("M {} {:?}", lang.code(), g);
            }
        }
        println!(
            "en–{}: {} documents; true pairs accepted {true_ok}; mixed pairs refused {mixed_refused} ({no_evidence} without enough numbers and names)",
            lang.code(),
            docs.len()
        );
        assert_eq!(true_ok, docs.len(), "a true pair was refused");
    }
}
