//! Changing a memory on disk safely: take the writers' lock, read the file,
//! change it, write it atomically, let go.

use std::path::Path;

use super::error::MemoryError;
use super::file::{self, parent_dir};
use super::lock::WriteLock;
use super::Memory;

/// What a change asked of [`edit`]: keep the changed memory or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    /// Write the changed memory.
    Save,
    /// Leave the file as it was (nothing changed, or a dry run).
    Discard,
}

/// Runs `change` on the memory at `path` under the writers' lock and saves
/// the result atomically when it asks to. A missing file starts empty when
/// `create` is true. The file is untouched when `change` fails.
pub fn edit<T, E>(
    path: &Path,
    create: bool,
    change: impl FnOnce(&mut Memory) -> Result<(T, EditOutcome), E>,
) -> Result<T, E>
where
    E: From<MemoryError>,
{
    // A command that needs an existing memory must not leave a directory
    // and a lock file behind where there is none.
    if !create && !path.exists() {
        return Err(MemoryError::Missing {
            path: path.to_path_buf(),
        }
        .into());
    }
    let _lock = WriteLock::acquire(path)?;
    remove_leftovers(path);
    let mut memory = if create {
        file::load_or_empty(path)?
    } else {
        file::load(path)?
    };
    let (value, outcome) = change(&mut memory)?;
    if outcome == EditOutcome::Save {
        file::save(&memory, path)?;
    }
    Ok(value)
}

/// Temporary files that a killed process left beside the memory. Only the
/// lock holder writes the memory's own (`.tm.json.tmp-PID`), so under the
/// lock every one is a leftover. Readers write derived caches
/// (`.tm.json.en.cache.tmp-PID`) and the learned lexicon
/// (`.tm.json.lexicon.tmp-PID`) without the lock, so only those older than
/// [`STALE_CACHE_TEMP`] are taken for leftovers.
fn remove_leftovers(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let own = format!(".{name}.tmp-");
    let cache = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let stale_cache_temp = || {
            file_name.starts_with(&cache)
                && (file_name.contains(".cache.tmp-") || file_name.contains(".lexicon.tmp-"))
                && entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > STALE_CACHE_TEMP)
        };
        if file_name.starts_with(&own) || stale_cache_temp() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// How old a cache's temporary file must be before a writer removes it: far
/// longer than building any cache takes.
const STALE_CACHE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);
