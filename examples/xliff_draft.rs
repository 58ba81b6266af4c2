//! Writes an XLIFF 1.2 draft (English to Russian) with
//! `tm::exchange::xliff`, for the peer check in `.ci/run` and as an example
//! of the library: every English text of the memory as a segment with its
//! stored Russian at 100, then one near miss and one sentence the memory
//! has never seen, matched by a plain edit-distance score. (`tm suggest
//! --format xliff` writes the same file from real fuzzy matches.)
//!
//!     cargo run --example xliff_draft -- memory/tm.json draft.xlf

use std::io::BufWriter;

use tm::exchange::xliff::{write_xliff, DraftSegment};
use tm::memory::file;
use tm::Lang;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [memory, out] = args.as_slice() else {
        anyhow::bail!("usage: xliff_draft MEMORY.json OUT.xlf");
    };
    let memory = file::load(memory.as_ref())?;
    let pairs: Vec<(&str, &str)> = memory
        .units
        .iter()
        .filter_map(|u| Some((u.text(Lang::En)?, u.text(Lang::Ru)?)))
        .collect();
    let best = |text: &str| -> Option<(String, f64)> {
        pairs
            .iter()
            .map(|(en, ru)| {
                (
                    ru.to_string(),
                    strsim::normalized_levenshtein(text, en) * 100.0,
                )
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, score)| *score >= 50.0)
    };
    let mut segments: Vec<DraftSegment> = pairs
        .iter()
        .map(|(en, ru)| (en.to_string(), Some((ru.to_string(), 100.0))))
        .collect();
    if let Some((en, _)) = pairs.first() {
        let near = match en.rsplit_once(' ') {
            Some((head, _)) => format!("{head} again."),
            None => format!("{en} Again."),
        };
        let m = best(&near);
        segments.push((near, m));
    }
    let unseen = "Zebras queue quietly outside.".to_string();
    let m = best(&unseen);
    segments.push((unseen, m));
    let file = std::fs::File::create(out)?;
    write_xliff(
        &mut BufWriter::new(file),
        "draft.en.txt",
        Lang::En,
        Lang::Ru,
        &segments,
    )?;
    println!("{out}: {} trans-units", segments.len());
    Ok(())
}
