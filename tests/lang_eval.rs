//! Measures `Lang::detect` on the evaluation data (read at run time, never
//! copied): single sentences and whole documents of each language, and
//! Russian sentences into which Kazakh names are put.
//!
//!     cargo test --release --test lang_eval -- --ignored --nocapture
//!
//! With `LANG_EVAL_SHOW=1` it prints every text guessed wrong.
//!
//! The data is `$TM_EVAL_DATA`, by default `../shared/data` beside the
//! repository: `pairs/dev.tsv` (en, ru, kk a line) and
//! `docs/dev/DOCID/{en,ru,kk}.txt`.

use std::path::PathBuf;

use tm::Lang;

fn data() -> Option<PathBuf> {
    let dir = std::env::var_os("TM_EVAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    dir.join("pairs/dev.tsv").exists().then_some(dir)
}

/// The rule tm had before: one Kazakh letter makes a text Kazakh.
fn by_one_letter(text: &str) -> Option<Lang> {
    let kazakh = text.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c));
    match Lang::detect(text)? {
        Lang::En => Some(Lang::En),
        _ if kazakh => Some(Lang::Kk),
        _ => Some(Lang::Ru),
    }
}

#[derive(Default)]
struct Score {
    n: usize,
    right: usize,
    clear: usize,
    clear_wrong: usize,
    old_right: usize,
}

impl Score {
    fn count(&mut self, text: &str, want: Lang) {
        let Some(g) = Lang::detect_with_confidence(text) else {
            return;
        };
        self.n += 1;
        self.right += usize::from(g.lang == want);
        self.clear += usize::from(g.clear);
        self.clear_wrong += usize::from(g.clear && g.lang != want);
        self.old_right += usize::from(by_one_letter(text) == Some(want));
        if g.lang != want && std::env::var_os("LANG_EVAL_SHOW").is_some() {
            eprintln!("{want} read as {:?}: {text}", g);
        }
    }

    fn line(&self, what: &str) -> String {
        let pct = |k: usize| 100.0 * k as f64 / self.n.max(1) as f64;
        format!(
            "{what:<40} {:>5}  {:>6.2}%  {:>6.2}%  {:>6.1}%  {:>5}",
            self.n,
            pct(self.right),
            pct(self.old_right),
            pct(self.clear),
            self.clear_wrong
        )
    }
}

/// Kazakh names put into a Russian sentence, as a Russian release writes
/// them.
const NAMES: [&str; 4] = [
    "По словам Әлии Нұрсұлтанқызы, ",
    "Как сообщил аким Өскемена Ерұлан Сәрсенғалиұлы, ",
    "Жанұзақ Әбілқайыров: ",
    "В Шымкенте и Қызылорде ",
];

#[test]
#[ignore = "reads the evaluation data; run by hand"]
fn language_guess_on_real_text() {
    let Some(dir) = data() else {
        eprintln!("no evaluation data; set TM_EVAL_DATA");
        return;
    };
    let pairs = std::fs::read_to_string(dir.join("pairs/dev.tsv")).unwrap();
    let mut sentences = [Score::default(), Score::default(), Score::default()];
    let mut named = Score::default();
    let mut short = [Score::default(), Score::default()];
    for (i, line) in pairs.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        for (k, lang) in Lang::ALL.into_iter().enumerate() {
            if let Some(t) = cols.get(k).filter(|t| !t.trim().is_empty()) {
                sentences[k].count(t, lang);
                // The first four words alone: a short text.
                if lang != Lang::En {
                    let head: Vec<&str> = t.split_whitespace().take(4).collect();
                    short[k - 1].count(&head.join(" "), lang);
                }
            }
        }
        if let Some(ru) = cols.get(1).filter(|t| !t.trim().is_empty()) {
            named.count(&format!("{}{ru}", NAMES[i % NAMES.len()]), Lang::Ru);
        }
    }
    let mut docs = [Score::default(), Score::default(), Score::default()];
    let mut named_docs = Score::default();
    let mut ids: Vec<_> = std::fs::read_dir(dir.join("docs/dev"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    ids.sort();
    for doc in &ids {
        for (k, lang) in Lang::ALL.into_iter().enumerate() {
            let Ok(text) = std::fs::read_to_string(doc.join(format!("{}.txt", lang.code()))) else {
                continue;
            };
            docs[k].count(&text, lang);
            if lang == Lang::Ru {
                let with_names: Vec<String> = text
                    .split("\n\n")
                    .enumerate()
                    .map(|(i, p)| format!("{}{p}", NAMES[i % NAMES.len()]))
                    .collect();
                named_docs.count(&with_names.join("\n\n"), Lang::Ru);
            }
        }
    }
    println!(
        "{:<40} {:>5}  {:>7}  {:>7}  {:>7}  {:>5}",
        "", "texts", "right", "before", "clear", "clear but wrong"
    );
    for (k, lang) in Lang::ALL.into_iter().enumerate() {
        println!(
            "{}",
            sentences[k].line(&format!("{} sentences", lang.name()))
        );
    }
    println!("{}", short[0].line("Russian, first 4 words"));
    println!("{}", short[1].line("Kazakh, first 4 words"));
    println!("{}", named.line("Russian sentences with Kazakh names"));
    for (k, lang) in Lang::ALL.into_iter().enumerate() {
        println!("{}", docs[k].line(&format!("{} documents", lang.name())));
    }
    println!("{}", named_docs.line("Russian documents with Kazakh names"));
}
