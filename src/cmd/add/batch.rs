//! `tm add --batch DIR`: every release of a folder tree, aligned in
//! parallel, stored under one lock, with a progress bar on a terminal and a
//! table at the end. The work is in [`tm::batch`].

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{json, Value};

use tm::align::lexicon::Lexicon;
use tm::align::release::Cut;
use tm::batch::{find_releases, prepare_all, store, units_of, Prepared, Skipped};
use tm::memory::{self, AddReport, EditOutcome, MemoryError};

use super::super::common::{Global, OutputFormat};

/// Runs `tm add --batch DIR`.
pub fn run(
    dir: &Path,
    cut: Cut,
    dry_run: bool,
    format: OutputFormat,
    lexicon: &Lexicon,
    global: &Global,
) -> Result<()> {
    let found = find_releases(dir)?;
    let mut out = std::io::stdout().lock();
    if found.releases.is_empty() {
        if !found.skipped.is_empty() {
            skipped_text(&mut out, dir, &found.skipped)?;
            out.flush()?;
        }
        bail!(
            "{}: no release found ({} file{} skipped{})",
            dir.display(),
            found.skipped.len(),
            if found.skipped.len() == 1 { "" } else { "s" },
            if found.skipped.is_empty() {
                ""
            } else {
                ", listed above"
            }
        );
    }
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let bar = progress_bar(found.releases.len());
    let prepared = prepare_all(&found.releases, cut, lexicon, threads, |p| {
        bar.set_message(p.name.clone());
        bar.inc(1);
    });
    bar.finish_and_clear();
    let mut skipped = found.skipped.clone();
    skipped.extend(prepared.iter().flat_map(|p| p.skipped.iter().cloned()));
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let path = global.memory_path();
    let reports = if dry_run {
        None
    } else if !prepared.iter().any(Prepared::ok) {
        // Nothing to store: the memory is not even locked.
        Some(vec![AddReport::default(); prepared.len()])
    } else {
        let units = units_of(&prepared, &memory::now());
        let offered: Vec<_> = units.iter().flatten().cloned().collect();
        Some(memory::adding::edit_adding(&path, &offered, |m| {
            let reports = store(m, &units);
            let outcome = if reports.iter().any(AddReport::changed) {
                EditOutcome::Save
            } else {
                EditOutcome::Discard
            };
            Ok::<_, MemoryError>((reports, outcome))
        })?)
    };
    match format {
        OutputFormat::Json => {
            serde_json::to_writer(
                &mut out,
                &to_json(dir, &prepared, reports.as_deref(), &skipped),
            )?;
            writeln!(out)?;
        }
        OutputFormat::Text => {
            table(&mut out, &prepared, reports.as_deref())?;
            totals(&mut out, &path, &prepared, reports.as_deref())?;
            if !skipped.is_empty() {
                skipped_text(&mut out, dir, &skipped)?;
            }
        }
    }
    Ok(out.flush()?)
}

/// A bar of releases aligned, drawn only when standard error is a terminal.
fn progress_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} releases aligned, {eta} left  {msg}")
    {
        bar.set_style(style);
    }
    bar
}

fn langs(p: &Prepared) -> String {
    p.files
        .keys()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row per release aligned: its languages, units, what became of them.
fn table(out: &mut impl Write, prepared: &[Prepared], reports: Option<&[AddReport]>) -> Result<()> {
    let width = prepared
        .iter()
        .map(|p| p.name.chars().count())
        .chain([7])
        .max()
        .unwrap_or(7);
    match reports {
        Some(_) => writeln!(
            out,
            "{:<width$}  {:<8}  {:>5}  {:>5}  {:>7}  {:>8}",
            "release", "langs", "units", "added", "already", "doubtful"
        )?,
        None => writeln!(
            out,
            "{:<width$}  {:<8}  {:>5}  {:>8}",
            "release", "langs", "units", "doubtful"
        )?,
    }
    for (i, p) in prepared.iter().enumerate().filter(|(_, p)| p.ok()) {
        match reports.map(|r| &r[i]) {
            Some(r) => {
                let completed = memory::completed_summary(&r.completed_with)
                    .map(|c| format!("  ({c})"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{:<width$}  {:<8}  {:>5}  {:>5}  {:>7}  {:>8}{completed}",
                    p.name,
                    langs(p),
                    p.aligned.len(),
                    r.added,
                    r.duplicates,
                    p.doubtful()
                )?
            }
            None => writeln!(
                out,
                "{:<width$}  {:<8}  {:>5}  {:>8}",
                p.name,
                langs(p),
                p.aligned.len(),
                p.doubtful()
            )?,
        }
    }
    Ok(())
}

fn totals(
    out: &mut impl Write,
    path: &Path,
    prepared: &[Prepared],
    reports: Option<&[AddReport]>,
) -> Result<()> {
    let aligned: Vec<&Prepared> = prepared.iter().filter(|p| p.ok()).collect();
    let units: usize = aligned.iter().map(|p| p.aligned.len()).sum();
    let doubtful: usize = aligned.iter().map(|p| p.doubtful()).sum();
    let total = prepared.len();
    match reports {
        None => writeln!(
            out,
            "{} of {total} releases aligned: {units} units, {doubtful} doubtful \
             (dry run, nothing written)",
            aligned.len()
        )?,
        Some(reports) => {
            let added = reports.iter().filter(|r| r.changed()).count();
            let sum = |f: fn(&AddReport) -> usize| reports.iter().map(f).sum::<usize>();
            let mut completed_with = BTreeMap::new();
            for r in reports {
                for (&l, &n) in &r.completed_with {
                    *completed_with.entry(l).or_insert(0) += n;
                }
            }
            let completed = memory::completed_summary(&completed_with)
                .map(|c| format!(", {c}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{added} of {total} releases added: {units} units, {} added, \
                 {} already there, {} alternative translations{completed}, \
                 {doubtful} doubtful ({})",
                sum(|r| r.added),
                sum(|r| r.duplicates),
                sum(|r| r.alternatives),
                path.display()
            )?;
            if doubtful > 0 {
                writeln!(
                    out,
                    "doubtful units are listed by `tm review --release NAME`"
                )?;
            }
        }
    }
    Ok(())
}

/// The path as the report shows it: relative to the folder given.
fn shown(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).display().to_string()
}

fn skipped_text(out: &mut impl Write, dir: &Path, skipped: &[Skipped]) -> Result<()> {
    writeln!(
        out,
        "{} file{} skipped:",
        skipped.len(),
        if skipped.len() == 1 { "" } else { "s" }
    )?;
    let width = skipped
        .iter()
        .map(|s| shown(dir, &s.path).chars().count())
        .max()
        .unwrap_or(0);
    for s in skipped {
        writeln!(out, "  {:<width$}  {}", shown(dir, &s.path), s.reason)?;
    }
    Ok(())
}

fn to_json(
    dir: &Path,
    prepared: &[Prepared],
    reports: Option<&[AddReport]>,
    skipped: &[Skipped],
) -> Value {
    let releases: Vec<Value> = prepared
        .iter()
        .enumerate()
        .filter(|(_, p)| p.ok())
        .map(|(i, p)| {
            let files: serde_json::Map<String, Value> = p
                .files
                .iter()
                .map(|(l, f)| (l.code().to_string(), Value::from(shown(dir, f))))
                .collect();
            let mut v = json!({
                "release": p.name,
                "files": files,
                "doubtful": p.doubtful(),
                "units": p.aligned,
            });
            if let Some(r) = reports.map(|r| &r[i]) {
                v["added"] = r.added.into();
                v["duplicates"] = r.duplicates.into();
                v["alternatives"] = r.alternatives.into();
                v["completed"] = r.completed.into();
                v["completed_with"] = json!(r.completed_with);
            }
            v
        })
        .collect();
    let skipped: Vec<Value> = skipped
        .iter()
        .map(|s| json!({"file": shown(dir, &s.path), "reason": s.reason.to_string()}))
        .collect();
    json!({"releases": releases, "skipped": skipped})
}
