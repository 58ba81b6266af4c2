//! The `tm add --format json` shape: the summary of what was stored (absent
//! in a dry run) and the aligned units.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::align::Aligned;
use crate::lang::Lang;
use crate::memory::AddReport;

/// What `tm add --format json` prints and `POST /api/add` answers.
#[derive(Debug, Serialize)]
pub struct AddJson<'a> {
    /// The release's name in the memory (absent in a dry run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<&'a str>,
    /// Units stored as new.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<usize>,
    /// Units already stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicates: Option<usize>,
    /// Units stored as alternative translations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<usize>,
    /// Stored units that gained a language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<usize>,
    /// Of those, how many per language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_with: Option<&'a BTreeMap<Lang, usize>>,
    /// The aligned units, in document order.
    pub units: &'a [Aligned],
}

impl<'a> AddJson<'a> {
    /// The answer for release `release` (`None` in a dry run) with the
    /// store's report (`None` in a dry run) and the aligned units.
    pub fn new(
        release: Option<&'a str>,
        report: Option<&'a AddReport>,
        units: &'a [Aligned],
    ) -> AddJson<'a> {
        AddJson {
            release,
            added: report.map(|r| r.added),
            duplicates: report.map(|r| r.duplicates),
            alternatives: report.map(|r| r.alternatives),
            completed: report.map(|r| r.completed),
            completed_with: report.map(|r| &r.completed_with),
            units,
        }
    }
}
