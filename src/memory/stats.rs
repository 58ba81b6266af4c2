//! What a memory holds, in numbers: units, language combinations, releases,
//! doubtful units, alternatives, dates.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::lang::Lang;

use super::error::MemoryError;
use super::load;
use super::unit::Unit;
use super::Memory;

/// The figures `tm stats` shows. Field names are the JSON output's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// All units.
    pub units: usize,
    /// Units per combination of languages, keyed `en+ru+kk`, `en+ru`, …
    /// (`none` for a unit without text).
    pub languages: BTreeMap<String, usize>,
    /// Each release with its number of units, in order of first appearance.
    pub releases: Vec<ReleaseCount>,
    /// Units without a release (imported ones may lack it).
    pub without_release: usize,
    /// Units marked doubtful and not yet accepted.
    pub doubtful: usize,
    /// Units that are an alternative translation of another.
    pub alternatives: usize,
    /// Size of the memory file in bytes.
    pub file_bytes: u64,
    /// The earliest and latest `created` dates, absent for an empty memory.
    pub created: Option<DateRange>,
}

/// One release and how many units came from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseCount {
    /// The release name.
    pub name: String,
    /// Its units.
    pub units: usize,
}

/// The first and last of a set of RFC 3339 dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// The earliest.
    pub first: String,
    /// The latest.
    pub last: String,
}

/// The key of a unit's language combination: `en+ru+kk`, `ru+kk`, `none`.
pub fn combination(unit: &Unit) -> String {
    let langs = unit.langs();
    if langs.is_empty() {
        return "none".to_string();
    }
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join("+")
}

/// Loads the memory at `path` and counts what it holds, as `tm stats` shows.
pub fn stats_of_file(path: &Path) -> Result<Stats, MemoryError> {
    let memory = load(path)?;
    let layout = super::Layout::at(path);
    let bytes = match &layout {
        super::Layout::File(file) => std::fs::metadata(file)
            .map_err(|source| MemoryError::Io {
                path: file.clone(),
                action: "reading the file size",
                source,
            })?
            .len(),
        super::Layout::Folder(dir) => super::folder::parts(dir)?.iter().map(|p| p.len).sum(),
    };
    Ok(stats(&memory, bytes))
}

/// Counts what `memory` holds; `file_bytes` is the size of its file.
///
/// Dates are compared as the stored RFC 3339 UTC strings, which order the
/// same way as the times they name because tm writes them all in one form.
pub fn stats(memory: &Memory, file_bytes: u64) -> Stats {
    let mut s = Stats {
        units: memory.units.len(),
        file_bytes,
        ..Stats::default()
    };
    let mut release_at: BTreeMap<&str, usize> = BTreeMap::new();
    let mut first: Option<&str> = None;
    let mut last: Option<&str> = None;
    for u in &memory.units {
        *s.languages.entry(combination(u)).or_default() += 1;
        match u.release.as_deref() {
            Some(r) => {
                let i = *release_at.entry(r).or_insert_with(|| {
                    s.releases.push(ReleaseCount {
                        name: r.to_string(),
                        units: 0,
                    });
                    s.releases.len() - 1
                });
                s.releases[i].units += 1;
            }
            None => s.without_release += 1,
        }
        s.doubtful += usize::from(u.doubtful);
        s.alternatives += usize::from(u.alternative_of.is_some());
        let c = u.created.as_str();
        if first.is_none_or(|f| c < f) {
            first = Some(c);
        }
        if last.is_none_or(|l| c > l) {
            last = Some(c);
        }
    }
    if let (Some(first), Some(last)) = (first, last) {
        s.created = Some(DateRange {
            first: first.to_string(),
            last: last.to_string(),
        });
    }
    s
}

/// The language combinations in tm's order (more languages first, then
/// `en`, `ru`, `kk` order), for printing.
pub fn combinations_in_order(stats: &Stats) -> Vec<(&str, usize)> {
    let rank = |key: &str| {
        let parts: Vec<&str> = key.split('+').collect();
        let order: Vec<usize> = parts
            .iter()
            .map(|p| {
                Lang::ALL
                    .iter()
                    .position(|l| l.code() == *p)
                    .unwrap_or(Lang::ALL.len())
            })
            .collect();
        (std::cmp::Reverse(parts.len()), order)
    };
    let mut v: Vec<(&str, usize)> = stats
        .languages
        .iter()
        .map(|(k, n)| (k.as_str(), *n))
        .collect();
    v.sort_by_key(|(k, _)| rank(k));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(created: &str, release: Option<&str>, langs: &[Lang]) -> Unit {
        let mut u = Unit::new(created.into(), created);
        for &l in langs {
            u.set_text(l, Some("x".into()));
        }
        u.release = release.map(String::from);
        u
    }

    #[test]
    fn counts_everything() {
        let mut m = Memory {
            units: vec![
                unit("2026-02-01T00:00:00Z", Some("b"), &[Lang::En, Lang::Ru]),
                unit("2026-01-01T00:00:00Z", Some("a"), &Lang::ALL),
                unit("2026-03-01T00:00:00Z", Some("b"), &[Lang::Ru, Lang::Kk]),
                unit("2026-02-15T00:00:00Z", None, &Lang::ALL),
            ],
        };
        m.units[2].doubtful = true;
        m.units[3].alternative_of = Some("x".into());
        let s = stats(&m, 99);
        assert_eq!(s.units, 4);
        assert_eq!(
            combinations_in_order(&s),
            [("en+ru+kk", 2), ("en+ru", 1), ("ru+kk", 1)]
        );
        let names: Vec<_> = s
            .releases
            .iter()
            .map(|r| (r.name.as_str(), r.units))
            .collect();
        assert_eq!(names, [("b", 2), ("a", 1)]);
        assert_eq!((s.without_release, s.doubtful, s.alternatives), (1, 1, 1));
        let c = s.created.unwrap();
        assert_eq!(
            (c.first.as_str(), c.last.as_str()),
            ("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z")
        );
    }

    #[test]
    fn empty_memory_has_no_dates() {
        let s = stats(&Memory::default(), 0);
        assert_eq!(s.units, 0);
        assert_eq!(s.created, None);
    }
}
