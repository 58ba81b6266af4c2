//! The changes people make to a memory on disk, each under the writers'
//! lock and saved atomically through [`super::edit`]: storing units,
//! correcting a unit's texts, accepting doubtful units, merging and
//! splitting units the aligner grouped wrongly. The command line
//! and the server both call these, so a `tm add` in a terminal and the page
//! at the same moment wait for each other and lose nothing.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::lang::Lang;

use super::maintain::{AcceptReport, TextChange};
use super::query::{find_ids, find_release, QueryError};
use super::regroup::{Merged, Partner, RegroupFileError, Split};
use super::{edit, AddReport, EditOutcome, MemoryError, Unit};

/// Stores `units` (from [`crate::align::to_units`]) in the memory at `path`,
/// creating it when missing; `source` identifies a sentence, as in
/// [`super::Memory::add`]. Only what changed is written; for a folder
/// memory only the files concerned are read ([`super::adding`]).
pub fn add_units(path: &Path, units: Vec<Unit>, source: Lang) -> Result<AddReport, MemoryError> {
    let offered = units.clone();
    super::adding::edit_adding(path, &offered, |m| {
        let r = m.add(units, source);
        let outcome = if r.changed() {
            EditOutcome::Save
        } else {
            EditOutcome::Discard
        };
        Ok::<_, MemoryError>((r, outcome))
    })
}

/// What [`correct_unit`] did, per language asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// The unit's id.
    pub id: String,
    /// Per language given: `corrected`, `added` or `unchanged`.
    pub changes: BTreeMap<Lang, TextChange>,
    /// Whether the unit's doubtful mark was cleared.
    pub accepted: bool,
}

/// Sets the texts `texts` of the unit `id` in the memory at `path` (each
/// normalised, see [`super::Memory::correct`]) and clears its doubtful mark
/// when `accept`. Saved only when something changed; an unknown id changes
/// nothing.
pub fn correct_unit(
    path: &Path,
    id: &str,
    texts: &[(Lang, &str)],
    accept: bool,
    now: &str,
) -> Result<Correction, QueryError> {
    edit(path, false, |memory| {
        let index = find_ids(memory, &[id.to_string()], path)?[0];
        let was_doubtful = memory.units[index].doubtful;
        let mut changes = BTreeMap::new();
        for &(lang, text) in texts {
            changes.insert(lang, memory.correct(index, lang, text, false, now));
        }
        if accept {
            memory.accept(&[index], now);
        }
        let accepted = was_doubtful && !memory.units[index].doubtful;
        let outcome = if accepted || changes.values().any(|c| *c != TextChange::Unchanged) {
            EditOutcome::Save
        } else {
            EditOutcome::Discard
        };
        let correction = Correction {
            id: id.to_string(),
            changes,
            accepted,
        };
        Ok((correction, outcome))
    })
}

/// Which doubtful units [`accept_units`] clears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accept<'a> {
    /// These units, by id.
    Ids(&'a [String]),
    /// Every unit of this release.
    Release(&'a str),
}

/// Clears the doubtful mark of the units `which` in the memory at `path`.
/// An unknown id or release is an error and changes nothing.
pub fn accept_units(path: &Path, which: Accept<'_>, now: &str) -> Result<AcceptReport, QueryError> {
    edit(path, false, |memory| {
        let indices = match which {
            Accept::Release(name) => find_release(memory, name, path)?,
            Accept::Ids(ids) => find_ids(memory, ids, path)?,
        };
        let report = memory.accept(&indices, now);
        let outcome = if report.accepted > 0 {
            EditOutcome::Save
        } else {
            EditOutcome::Discard
        };
        Ok::<_, QueryError>((report, outcome))
    })
}

/// Merges the unit `id` with its `partner` in the memory at `path` (see
/// [`super::Memory::merge`]). Nothing is written when it cannot be done.
pub fn merge_units(
    path: &Path,
    id: &str,
    partner: Partner<'_>,
    now: &str,
) -> Result<Merged, RegroupFileError> {
    edit(path, false, |memory| {
        let index = find_ids(memory, &[id.to_string()], path)?[0];
        if let Partner::Id(other) = partner {
            find_ids(memory, &[other.to_string()], path)?;
        }
        let merged = memory.merge(index, partner, now)?;
        Ok::<_, RegroupFileError>((merged, EditOutcome::Save))
    })
}

/// Splits the unit `id` in the memory at `path` after the first `at[lang]`
/// sentences of each language (see [`super::Memory::split`]). Nothing is
/// written when it cannot be done.
pub fn split_unit(
    path: &Path,
    id: &str,
    at: &BTreeMap<Lang, usize>,
    now: &str,
) -> Result<Split, RegroupFileError> {
    edit(path, false, |memory| {
        let index = find_ids(memory, &[id.to_string()], path)?[0];
        let split = memory.split(index, at, now)?;
        Ok::<_, RegroupFileError>((split, EditOutcome::Save))
    })
}
