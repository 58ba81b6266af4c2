//! Replacing a file atomically, the only way tm writes one.
//!
//! The content goes to a temporary file in the target's own folder (so the
//! rename never crosses filesystems), which is given the old file's mode and
//! owner, synced, and renamed over the target; then the folder is synced so
//! that the rename itself is durable. A symbolic link is followed first: the
//! file it points to is replaced and the link is left as it was, so a
//! memory shared through a link stays shared.

use std::fs::{File, Metadata, Permissions};
use std::io::BufWriter;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::error::StorageError;
use super::parent_dir;

/// How [`replace`] treats an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Replace {
    /// Replace it (the memory's files, caches, an export asked for by name).
    #[default]
    Always,
    /// Refuse with [`StorageError::Exists`] if it exists, even when it
    /// appears while the content is being written (drafts without
    /// `--force`).
    IfAbsent,
    /// Replace it atomically but without waiting for the disk: derived
    /// files, which carry a checksum and are rebuilt when a power cut left
    /// them short or damaged. Syncing tens of megabytes would cost a
    /// `tm add` more than the rest of its work.
    Unsynced,
}

/// Writes `path` with what `write` produces, atomically (see the module
/// header). Returns what `write` returned. On any error the target is as it
/// was and no temporary file is left behind.
pub fn replace<T>(
    path: &Path,
    mode: Replace,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<T>,
) -> Result<T, StorageError> {
    let (staged, value) = stage(path, mode, write)?;
    if mode != Replace::Unsynced {
        staged.sync()?;
    }
    let dir = staged.dir.clone();
    staged.commit(mode)?;
    if mode != Replace::Unsynced {
        sync_dir(&dir);
    }
    Ok(value)
}

/// How many files [`replace_all`] has written but not yet renamed at once
/// (each holds a file descriptor).
const BATCH: usize = 256;

/// How many threads [`replace_all`] syncs with: the disk, not the CPU, is
/// what they wait on, and a filesystem's journal takes many syncs in one
/// commit when they come together.
const SYNC_THREADS: usize = 16;

/// Writes each `(path, bytes)` as [`replace`] with [`Replace::Always`]
/// does, for many files at once (an import writes thousands): they are
/// written a batch at a time, synced together on several threads, renamed,
/// and each folder is synced once at the end. One sync after another cost
/// an import of a million units two minutes, waiting on the disk. Each
/// file is replaced atomically; the set of them is not (as with `replace`
/// called file after file). Returns how many files were written.
pub fn replace_all(
    files: impl IntoIterator<Item = (PathBuf, Vec<u8>)>,
) -> Result<usize, StorageError> {
    use std::io::Write;
    let mut dirs = std::collections::BTreeSet::new();
    let mut written = 0;
    let mut files = files.into_iter().peekable();
    while files.peek().is_some() {
        let mut batch = Vec::with_capacity(BATCH);
        for (path, bytes) in files.by_ref().take(BATCH) {
            let (staged, ()) = stage(&path, Replace::Always, |w| w.write_all(&bytes))?;
            batch.push(staged);
        }
        let per_thread = batch.len().div_ceil(SYNC_THREADS).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = batch
                .chunks(per_thread)
                .map(|chunk| s.spawn(move || chunk.iter().try_for_each(Staged::sync)))
                .collect();
            handles
                .into_iter()
                .try_for_each(|h| h.join().expect("sync thread"))
        })?;
        for staged in batch {
            dirs.insert(staged.dir.clone());
            staged.commit(Replace::Always)?;
            written += 1;
        }
    }
    for dir in dirs {
        sync_dir(&dir);
    }
    Ok(written)
}

/// A file written to its temporary name beside its target, not yet
/// renamed over it.
struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
    dir: PathBuf,
}

impl Staged {
    fn sync(&self) -> Result<(), StorageError> {
        self.tmp
            .as_file()
            .sync_all()
            .map_err(StorageError::io(self.tmp.path(), "syncing"))
    }

    /// Renames it over its target (or refuses to replace one for
    /// [`Replace::IfAbsent`]).
    fn commit(self, mode: Replace) -> Result<(), StorageError> {
        let target = self.target;
        match mode {
            Replace::Always | Replace::Unsynced => self.tmp.persist(&target).map(drop),
            Replace::IfAbsent => self.tmp.persist_noclobber(&target).map(drop),
        }
        .map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                StorageError::Exists {
                    path: target.clone(),
                }
            } else {
                StorageError::io(&target, "replacing the file")(e.error)
            }
        })
    }
}

/// Writes what `write` produces to a temporary file beside `path`'s target
/// (links followed), with the old file's mode and owner; refuses a
/// read-only target, and any existing one for [`Replace::IfAbsent`].
fn stage<T>(
    path: &Path,
    mode: Replace,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<T>,
) -> Result<(Staged, T), StorageError> {
    let target = resolve_links(path);
    let old = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(StorageError::io(&target, "reading the file's attributes")(
                e,
            ))
        }
    };
    if let Some(meta) = &old {
        if mode == Replace::IfAbsent {
            return Err(StorageError::Exists { path: target });
        }
        refuse_read_only(&target, meta)?;
    }
    let dir = parent_dir(&target);
    std::fs::create_dir_all(&dir).map_err(StorageError::io(&dir, "creating the folder"))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-"))
        // A new file gets the usual 0666 less the umask, not tempfile's 0600.
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(&dir)
        .map_err(StorageError::io(&dir, "creating a temporary file"))?;
    let tmp_path = tmp.path().to_path_buf();
    let io = |action| StorageError::io(&tmp_path, action);
    let (file, tmp_path_handle) = tmp.into_parts();
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let value = write(&mut w).map_err(io("writing"))?;
    let file = w
        .into_inner()
        .map_err(|e| e.into_error())
        .map_err(io("writing"))?;
    if let Some(meta) = &old {
        keep_attributes(&file, meta).map_err(io("setting the mode"))?;
    }
    let tmp = tempfile::NamedTempFile::from_parts(file, tmp_path_handle);
    Ok((Staged { tmp, target, dir }, value))
}

/// The file a path finally names, links followed (relative links from the
/// link's own folder). A path that is not a link, or a dangling link's last
/// target, is returned as it is: that is the file to create.
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // Linux's own limit on links in a row; a loop ends here too.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) if next.is_absolute() => p = next,
                Ok(next) => p = parent_dir(&p).join(next),
                Err(_) => return p,
            },
            _ => return p,
        }
    }
    p
}

/// [`StorageError::ReadOnly`] when the file has no write bit for anyone.
/// Root can write such a file; the permission is the owner's wish all the
/// same.
pub fn refuse_read_only(path: &Path, meta: &Metadata) -> Result<(), StorageError> {
    if meta.is_file() && meta.permissions().mode() & 0o222 == 0 {
        return Err(StorageError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Whether the existing file at `path` (links followed) would be refused by
/// [`replace`] as read-only; `Ok` for a missing file.
pub fn check_writable(path: &Path) -> Result<(), StorageError> {
    let target = resolve_links(path);
    match std::fs::metadata(&target) {
        Ok(meta) => refuse_read_only(&target, &meta),
        Err(_) => Ok(()),
    }
}

/// Gives the new file the old one's mode, and its owner and group where the
/// system lets tm (as root, or a group the user is in).
fn keep_attributes(file: &File, old: &Metadata) -> std::io::Result<()> {
    file.set_permissions(Permissions::from_mode(old.mode() & 0o7777))?;
    let now = file.metadata()?;
    if now.uid() != old.uid() || now.gid() != old.gid() {
        // Not allowed for an ordinary user changing the owner; the file is
        // then the user's, as any editor would leave it.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
        if now.gid() != old.gid() {
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
    }
    Ok(())
}

/// Makes a rename in `dir` durable. Not every filesystem allows syncing a
/// folder; the data itself is already synced then.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_text(path: &Path, text: &str, mode: Replace) -> Result<(), StorageError> {
        replace(path, mode, |w| w.write_all(text.as_bytes()))
    }

    #[test]
    fn many_files_are_written_in_batches_and_a_refused_one_stops_its_batch() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let files: Vec<(PathBuf, Vec<u8>)> = (0..BATCH * 2 + 7)
            .map(|i| {
                (
                    d.join(format!("f{i}.json")),
                    format!("unit {i}").into_bytes(),
                )
            })
            .collect();
        assert_eq!(replace_all(files.clone()).unwrap(), files.len());
        for (path, bytes) in &files {
            assert_eq!(&std::fs::read(path).unwrap(), bytes);
        }
        assert_eq!(std::fs::read_dir(d).unwrap().count(), files.len());
        // A read-only file among them: refused before anything of its batch
        // is renamed, and no temporary file is left.
        let locked = &files[3].0;
        std::fs::set_permissions(locked, Permissions::from_mode(0o444)).unwrap();
        let again: Vec<(PathBuf, Vec<u8>)> = files[..10]
            .iter()
            .map(|(p, _)| (p.clone(), b"changed".to_vec()))
            .collect();
        let err = replace_all(again).unwrap_err();
        assert!(matches!(err, StorageError::ReadOnly { .. }), "{err}");
        assert_eq!(std::fs::read(&files[0].0).unwrap(), files[0].1);
        assert_eq!(std::fs::read_dir(d).unwrap().count(), files.len());
    }

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_text(&path, "one", Replace::Always).unwrap();
        write_text(&path, "two", Replace::Always).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_text(&path, "old", Replace::Always).unwrap();
        let err = replace(&path, Replace::Always, |w| {
            w.write_all(b"half")?;
            Err::<(), _>(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_link_stays_a_link_and_its_target_changes() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        let target = shared.join("tm.json");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("tm.json");
        std::os::unix::fs::symlink("shared/tm.json", &link).unwrap();
        write_text(&link, "new", Replace::Always).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn the_mode_is_kept_and_a_new_file_follows_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write_text(&path, "new", Replace::Always).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let fresh = dir.path().join("b.json");
        write_text(&fresh, "x", Replace::Always).unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        // Never tempfile's private 0600 for a file people share.
        assert_ne!(mode, 0o600);
        assert_eq!(mode & 0o044, 0o044, "{mode:o}");
    }

    #[test]
    fn a_read_only_file_is_refused_even_for_root() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "kept").unwrap();
        std::fs::set_permissions(&path, Permissions::from_mode(0o444)).unwrap();
        let err = write_text(&path, "new", Replace::Always).unwrap_err();
        assert!(matches!(err, StorageError::ReadOnly { .. }), "{err}");
        assert!(check_writable(&path).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
    }

    #[test]
    fn if_absent_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.txt");
        write_text(&path, "first", Replace::IfAbsent).unwrap();
        let err = write_text(&path, "second", Replace::IfAbsent).unwrap_err();
        assert!(matches!(err, StorageError::Exists { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
