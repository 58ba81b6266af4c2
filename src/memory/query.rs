//! Finding units by what people know about them: their id, their release,
//! the languages they have, whether they are marked doubtful.
//!
//! Read-only; the changes that use these selections live in
//! [`super::maintain`].

use std::path::{Path, PathBuf};

use crate::lang::Lang;

use super::error::MemoryError;
use super::unit::Unit;
use super::Memory;

/// A selection named by the user that the memory does not hold, or the
/// memory file itself failing. Each names the memory file.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// No unit has this id.
    #[error("{path}: no unit with id '{id}' (see `tm list`)")]
    UnknownId {
        /// The memory file.
        path: PathBuf,
        /// The id asked for.
        id: String,
    },
    /// No unit came from this release.
    #[error("{path}: no release named '{name}' (see `tm stats` for the releases)")]
    UnknownRelease {
        /// The memory file.
        path: PathBuf,
        /// The release asked for.
        name: String,
    },
    /// Reading or writing the memory failed.
    #[error(transparent)]
    Memory(#[from] MemoryError),
}

/// Which units to show: all by default, narrowed by release and language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only units of this release.
    pub release: Option<String>,
    /// Only units that have a text in this language.
    pub lang: Option<Lang>,
    /// Only units marked doubtful.
    pub doubtful_only: bool,
}

impl Filter {
    /// Whether `unit` passes the filter.
    pub fn accepts(&self, unit: &Unit) -> bool {
        self.release
            .as_deref()
            .is_none_or(|r| unit.release.as_deref() == Some(r))
            && self.lang.is_none_or(|l| unit.text(l).is_some())
            && (!self.doubtful_only || unit.doubtful)
    }
}

/// The units that pass `filter`, in stored order. A release the memory does
/// not hold is an error rather than an empty list, so that a typo in a
/// release name is not mistaken for "nothing there".
pub fn select<'m>(
    memory: &'m Memory,
    filter: &Filter,
    path: &Path,
) -> Result<Vec<&'m Unit>, QueryError> {
    if let Some(name) = &filter.release {
        check_release(memory, name, path)?;
    }
    Ok(memory.units.iter().filter(|u| filter.accepts(u)).collect())
}

/// Fails with [`QueryError::UnknownRelease`] unless some unit came from
/// release `name`.
pub fn check_release(memory: &Memory, name: &str, path: &Path) -> Result<(), QueryError> {
    if memory
        .units
        .iter()
        .any(|u| u.release.as_deref() == Some(name))
    {
        Ok(())
    } else {
        Err(QueryError::UnknownRelease {
            path: path.to_path_buf(),
            name: name.to_string(),
        })
    }
}

/// The stored indices of the units with these ids, in the order given
/// (repeats dropped); the first id the memory lacks is an error.
pub fn find_ids(memory: &Memory, ids: &[String], path: &Path) -> Result<Vec<usize>, QueryError> {
    let by_id: std::collections::HashMap<&str, usize> = memory
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        match by_id.get(id.as_str()) {
            Some(&i) if !found.contains(&i) => found.push(i),
            Some(_) => {}
            None => {
                return Err(QueryError::UnknownId {
                    path: path.to_path_buf(),
                    id: id.clone(),
                })
            }
        }
    }
    Ok(found)
}

/// The stored indices of the units of release `name`; an unknown release is
/// an error.
pub fn find_release(memory: &Memory, name: &str, path: &Path) -> Result<Vec<usize>, QueryError> {
    check_release(memory, name, path)?;
    Ok(memory
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.release.as_deref() == Some(name))
        .map(|(i, _)| i)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, release: &str, ru: Option<&str>, doubtful: bool) -> Unit {
        let mut u = Unit::new(id.into(), "2026-01-01T00:00:00Z");
        u.en = Some(format!("Text {id}."));
        u.ru = ru.map(String::from);
        u.release = Some(release.into());
        u.doubtful = doubtful;
        u
    }

    fn memory() -> Memory {
        Memory {
            units: vec![
                unit("a", "r1", Some("Один."), false),
                unit("b", "r1", None, true),
                unit("c", "r2", Some("Три."), true),
            ],
        }
    }

    fn ids(units: &[&Unit]) -> Vec<String> {
        units.iter().map(|u| u.id.clone()).collect()
    }

    #[test]
    fn filters_combine() {
        let m = memory();
        let p = Path::new("tm.json");
        let f = Filter {
            release: Some("r1".into()),
            lang: Some(Lang::Ru),
            doubtful_only: false,
        };
        assert_eq!(ids(&select(&m, &f, p).unwrap()), ["a"]);
        let f = Filter {
            doubtful_only: true,
            ..Filter::default()
        };
        assert_eq!(ids(&select(&m, &f, p).unwrap()), ["b", "c"]);
    }

    #[test]
    fn unknown_release_and_id_are_errors() {
        let m = memory();
        let p = Path::new("tm.json");
        let f = Filter {
            release: Some("r9".into()),
            ..Filter::default()
        };
        let err = select(&m, &f, p).unwrap_err().to_string();
        assert_eq!(
            err,
            "tm.json: no release named 'r9' (see `tm stats` for the releases)"
        );
        let err = find_ids(&m, &["a".into(), "zz".into()], p).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tm.json: no unit with id 'zz' (see `tm list`)"
        );
        assert_eq!(
            find_ids(&m, &["c".into(), "a".into(), "c".into()], p).unwrap(),
            [2, 0]
        );
        assert_eq!(find_release(&m, "r1", p).unwrap(), [0, 1]);
    }
}
