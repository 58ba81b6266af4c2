//! Importing a TMX or TSV file into a memory: read units as the file
//! streams by, offer each to the memory, and count what became of them.

use std::collections::BTreeMap;
use std::path::Path;

use super::tmx_read::TmxReader;
use super::tsv::TsvReader;
use super::{ExchangeError, Item, SkipReason, Tally, UnitSource};
use crate::memory::{Memory, Offered};

/// The formats `tm import` reads, told apart by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TMX 1.4b (and the older versions tools still write).
    Tmx,
    /// Tab-separated values with a header row of languages.
    Tsv,
}

impl Format {
    /// The format of `path` by its extension (`.tmx`, `.tsv`, any case).
    pub fn of(path: &Path) -> Result<Format, ExchangeError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "tmx" => Ok(Format::Tmx),
            "tsv" | "tab" => Ok(Format::Tsv),
            _ => Err(ExchangeError::File {
                path: path.to_path_buf(),
                message: "tm imports .tmx and .tsv files (named by their extension)".into(),
            }),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Units (`<tu>`s, data rows) read from the file.
    pub read: usize,
    /// Units stored as new (alternatives included).
    pub added: usize,
    /// Of those, stored as an alternative translation of a stored source.
    pub alternatives: usize,
    /// Units whose texts the memory already had.
    pub already_present: usize,
    /// Stored units that gained a text in a language they lacked from a
    /// unit of the file with the same source text (see
    /// [`crate::memory::Adder::offer_keeping`]).
    pub completed: usize,
    /// Of those, how many gained a text in each language.
    pub completed_with: BTreeMap<crate::Lang, usize>,
    /// Units not offered to the memory, by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
    /// What was left out inside units.
    pub tally: Tally,
}

impl ImportReport {
    /// Whether the memory changed: units were added or completed.
    pub fn changed(&self) -> bool {
        self.added > 0 || self.completed > 0
    }

    /// All units skipped, whatever the reason.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// Imports the file at `path` into `memory`. `now` dates units that carry
/// no dates; `progress` is told how many bytes have been read. On an error
/// the memory may hold part of the file: callers discard it (the `tm import`
/// command runs this inside [`crate::memory::edit`], which then saves
/// nothing).
pub fn import_file(
    memory: &mut Memory,
    path: &Path,
    now: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ExchangeError> {
    match Format::of(path)? {
        Format::Tmx => import_from(memory, TmxReader::open(path, now)?, progress),
        Format::Tsv => import_from(memory, TsvReader::open(path, now)?, progress),
    }
}

/// Imports every unit `source` yields into `memory`.
pub fn import_from(
    memory: &mut Memory,
    mut source: impl UnitSource,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ExchangeError> {
    let mut report = ImportReport::default();
    let mut adder = memory.adder(source.source_lang());
    while let Some(item) = source.next_item()? {
        report.read += 1;
        match item {
            Item::Unit(unit) => match adder.offer_keeping(*unit) {
                Offered::Added => report.added += 1,
                Offered::Alternative => {
                    report.added += 1;
                    report.alternatives += 1;
                }
                Offered::Duplicate => report.already_present += 1,
                Offered::Completed => report.completed += 1,
                Offered::Empty => {
                    *report
                        .skipped
                        .entry(SkipReason::TooFewLanguages)
                        .or_default() += 1
                }
            },
            Item::Skipped(reason) => *report.skipped.entry(reason).or_default() += 1,
        }
        if report.read % 256 == 0 {
            progress(source.position());
        }
    }
    progress(source.position());
    report.tally = source.tally().clone();
    report.completed_with = adder.report().completed_with;
    Ok(report)
}
