//! The one storage layer: every file tm writes — the memory's files, derived
//! caches, exports, drafts — goes through [`atomic::replace`], every writer
//! of a memory holds its [`lock::WriteLock`], and every checksum is
//! [`hash`]'s.
//!
//! What it promises, whatever the file:
//! - a reader, a crash or a full disk sees the old file or the new one,
//!   never a mix (a temporary file beside the target, synced, renamed over
//!   it, and the folder synced so the rename survives a power cut);
//! - a symbolic link stays a link: its target is what changes;
//! - the file keeps its mode, and its owner when tm runs as root;
//! - a file without any write permission is refused, even for root;
//! - nothing is created before the content is ready.

pub mod atomic;
pub mod derived;
pub mod error;
pub mod hash;
pub mod lock;
pub mod summed;

pub use atomic::{replace, replace_all, resolve_links, Replace};
pub use error::StorageError;
pub use lock::WriteLock;

use std::path::{Path, PathBuf};

/// The directory holding `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
