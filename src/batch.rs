//! Adding an archive of releases in one go (`tm add --batch DIR`): finding
//! the releases in a folder tree, reading and aligning them in parallel, and
//! storing them through one [`crate::memory::Adder`].
//!
//! A release is found by its file names, in either layout (both may be
//! mixed in one tree):
//!
//! - `NAME.en.EXT`, `NAME.ru.EXT`, `NAME.kk.EXT`, in any folder;
//! - `en/NAME.EXT`, `ru/NAME.EXT`, `kk/NAME.EXT`: a folder named after the
//!   language;
//! - `NAME/en.EXT`, `NAME/ru.EXT`, `NAME/kk.EXT`: a folder per release,
//!   each version named after its language.
//!
//! NAME is the release's id in the memory, wherever in the tree its files
//! are. Every release file is read by [`read_release`]. A file that does
//! not fit (a lone language, no English version, two versions of one
//! language, an unreadable file) is skipped with its reason, and the other
//! releases go on.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::align::judge::{check_release_with, storable, Version};
use crate::align::lexicon::Lexicon;
use crate::align::release::{align_release_with, Cut};
use crate::align::{to_units, Aligned};
use crate::memory::adding::Partial;
use crate::memory::{AddReport, Unit};
use crate::Lang;

/// An error that stops the whole batch before anything is read.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The folder cannot be listed.
    #[error("{path}: {source}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The path is not a folder.
    #[error("{path}: not a folder (--batch takes a folder of releases)")]
    NotADir {
        /// The path given.
        path: PathBuf,
    },
}

/// Why a release file could not be read by [`read_release`].
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A document that could not be read (the message names the file and
    /// the place).
    #[error(transparent)]
    Document(#[from] crate::documents::DocumentError),
    /// An extension tm does not read.
    #[error("{path}: not a release file tm reads (.txt, .docx, .html, .htm, .md)")]
    Unknown {
        /// The file.
        path: PathBuf,
    },
}

/// The extensions of the release files tm reads.
const READ: [&str; 6] = ["txt", "docx", "doc", "html", "htm", "md"];

/// Reads one release file into text, the format chosen by its extension
/// (through [`crate::documents::read`], as `tm add` reads one file). Every
/// file of a batch is read here.
pub fn read_release(path: &Path) -> Result<String, ReadError> {
    match extension(path).as_deref() {
        Some(ext) if READ.contains(&ext) => Ok(crate::documents::read(path, None)?.text),
        _ => Err(ReadError::Unknown {
            path: path.to_path_buf(),
        }),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The language versions of one release found in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseFiles {
    /// The release's name: its id in the memory.
    pub name: String,
    /// Its files by language.
    pub files: BTreeMap<Lang, PathBuf>,
}

/// Why a file was left out of the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Named neither `NAME.LANG.EXT` nor in a language folder.
    NotARelease,
    /// The only version of its release (found or readable).
    LoneLanguage {
        /// The release.
        release: String,
    },
    /// Its release has no English version (English identifies a sentence).
    NoEnglish {
        /// The release.
        release: String,
    },
    /// Another file claims the same language of the same release.
    SameLanguageTwice {
        /// The release.
        release: String,
        /// The language.
        lang: Lang,
        /// The other file.
        other: PathBuf,
    },
    /// The file could not be read (the message names the file).
    Unreadable(String),
    /// The release could not be aligned (a version without sentences).
    NotAligned(String),
    /// The versions do not read as their languages or do not translate
    /// each other, as `tm add` judges them (see [`crate::align::judge`]).
    Refused(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotARelease => f.write_str(
                "not a release file (name it NAME.en.txt, NAME.ru.txt, NAME.kk.txt, \
                 or put it in an en, ru or kk folder)",
            ),
            SkipReason::LoneLanguage { release } => write!(
                f,
                "a lone language: release {release} has no other version to align with"
            ),
            SkipReason::NoEnglish { release } => {
                write!(f, "release {release} has no English version")
            }
            SkipReason::SameLanguageTwice {
                release,
                lang,
                other,
            } => write!(
                f,
                "release {release} has another {lang} version: {}",
                other.display()
            ),
            SkipReason::Unreadable(m) => write!(f, "unreadable: {m}"),
            SkipReason::NotAligned(m) => write!(f, "not aligned: {m}"),
            SkipReason::Refused(m) => write!(f, "refused: {m}"),
        }
    }
}

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub reason: SkipReason,
}

/// What [`find_releases`] found in a tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Releases with an English version and at least one other, by name.
    pub releases: Vec<ReleaseFiles>,
    /// The files left out, in path order.
    pub skipped: Vec<Skipped>,
}

/// How a file's name places it: release name and language, in any of the
/// layouts above; `None` for a file that names no language. `tm add` names
/// a release by it too, so that one release is called the same whether it
/// is added alone or in a batch.
pub fn place(path: &Path) -> Option<(String, Lang)> {
    let stem = path.file_stem()?.to_str()?;
    if let Some(lang) = lang_of(stem) {
        let folder = path.parent()?.file_name()?.to_str()?;
        return (lang_of(folder).is_none()).then(|| (folder.to_string(), lang));
    }
    if let Some((name, tag)) = stem.rsplit_once('.') {
        if let Some(lang) = lang_of(tag) {
            if !name.is_empty() {
                return Some((name.to_string(), lang));
            }
        }
    }
    let folder = path.parent()?.file_name()?.to_str()?;
    let lang = lang_of(folder)?;
    (!stem.is_empty()).then(|| (stem.to_string(), lang))
}

/// `en`, `ru`, `kk` in any case; no regional forms in file names.
fn lang_of(tag: &str) -> Option<Lang> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(tag))
}

/// Hidden files and Word's lock files (`~$report.docx`) are no releases and
/// not worth a line in the report.
fn ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

/// Every file under `dir` (hidden ones left out), in path order.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, BatchError> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| BatchError::Io {
            path: d.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| BatchError::Io {
                path: d.clone(),
                source,
            })?;
            if ignored(&entry.file_name().to_string_lossy()) {
                continue;
            }
            let path = entry.path();
            // Symbolic links are followed to what they name.
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Finds the releases under `dir` (see the module header).
pub fn find_releases(dir: &Path) -> Result<Found, BatchError> {
    if !dir.is_dir() {
        if !dir.exists() {
            return Err(BatchError::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        return Err(BatchError::NotADir {
            path: dir.to_path_buf(),
        });
    }
    let mut found = Found::default();
    let mut by_name: BTreeMap<String, BTreeMap<Lang, Vec<PathBuf>>> = BTreeMap::new();
    for path in files_under(dir)? {
        match place(&path) {
            Some((name, lang)) => by_name
                .entry(name)
                .or_default()
                .entry(lang)
                .or_default()
                .push(path),
            None => found.skipped.push(Skipped {
                path,
                reason: SkipReason::NotARelease,
            }),
        }
    }
    for (name, langs) in by_name {
        let mut files = BTreeMap::new();
        for (lang, paths) in langs {
            if paths.len() == 1 {
                files.insert(lang, paths[0].clone());
                continue;
            }
            for (i, path) in paths.iter().enumerate() {
                let other = paths[if i == 0 { 1 } else { 0 }].clone();
                found.skipped.push(Skipped {
                    path: path.clone(),
                    reason: SkipReason::SameLanguageTwice {
                        release: name.clone(),
                        lang,
                        other,
                    },
                });
            }
        }
        if let Some(reason) = incomplete(&name, &files) {
            found
                .skipped
                .extend(files.into_values().map(|path| Skipped {
                    path,
                    reason: reason.clone(),
                }));
        } else {
            found.releases.push(ReleaseFiles { name, files });
        }
    }
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// Why these versions make no release, if they don't.
fn incomplete(name: &str, files: &BTreeMap<Lang, impl Sized>) -> Option<SkipReason> {
    let release = name.to_string();
    if files.len() == 1 {
        Some(SkipReason::LoneLanguage { release })
    } else if !files.is_empty() && !files.contains_key(&Lang::En) {
        Some(SkipReason::NoEnglish { release })
    } else {
        None
    }
}

/// A release read and aligned, ready to store; or the reasons it is not.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The release's name.
    pub name: String,
    /// The files that went into the alignment, by language.
    pub files: BTreeMap<Lang, PathBuf>,
    /// The aligned units, in document order; empty when the release was
    /// left out.
    pub aligned: Vec<Aligned>,
    /// Files of this release left out (unreadable ones, and the rest when
    /// too few were readable to align).
    pub skipped: Vec<Skipped>,
}

impl Prepared {
    /// Whether the release was aligned (and so can be stored).
    pub fn ok(&self) -> bool {
        !self.aligned.is_empty()
    }

    /// Units the aligner marked doubtful.
    pub fn doubtful(&self) -> usize {
        self.aligned.iter().filter(|u| u.doubtful()).count()
    }
}

/// Reads and aligns one release, with `lexicon` (learned from the memory)
/// as anchors. Never fails: what goes wrong is in [`Prepared::skipped`].
pub fn prepare(release: &ReleaseFiles, cut: Cut, lexicon: &Lexicon) -> Prepared {
    let mut out = Prepared {
        name: release.name.clone(),
        files: BTreeMap::new(),
        aligned: Vec::new(),
        skipped: Vec::new(),
    };
    let mut texts: BTreeMap<Lang, String> = BTreeMap::new();
    for (&lang, path) in &release.files {
        match read_release(path) {
            Ok(text) => {
                texts.insert(lang, text);
                out.files.insert(lang, path.clone());
            }
            Err(e) => out.skipped.push(Skipped {
                path: path.clone(),
                reason: SkipReason::Unreadable(e.to_string()),
            }),
        }
    }
    if let Some(reason) = incomplete(&release.name, &texts) {
        let files = std::mem::take(&mut out.files);
        out.skipped.extend(files.into_values().map(|path| Skipped {
            path,
            reason: reason.clone(),
        }));
        return out;
    }
    let aligned = std::panic::catch_unwind(|| {
        align_release_with(
            &texts[&Lang::En],
            texts.get(&Lang::Ru).map(String::as_str),
            texts.get(&Lang::Kk).map(String::as_str),
            cut,
            lexicon,
        )
    });
    match aligned {
        Ok(Ok(units)) => {
            let versions: Vec<Version> = texts
                .iter()
                .map(|(l, t)| Version::new(*l, out.files[l].display(), t))
                .collect();
            match check_release_with(&versions, |t, l| cut.segments(t, l), lexicon) {
                // A sentence only one language has is no unit.
                Ok(()) => out.aligned = storable(units).0,
                Err(e) => {
                    let message = e.to_string();
                    for path in std::mem::take(&mut out.files).into_values() {
                        out.skipped.push(Skipped {
                            path,
                            reason: SkipReason::Refused(message.clone()),
                        });
                    }
                }
            }
        }
        Ok(Err(e)) => {
            let crate::align::release::ReleaseError::Empty { lang } = &e;
            let culprit = out.files.get(lang).cloned();
            let message = match &culprit {
                Some(p) => format!("{}: {e}", p.display()),
                None => e.to_string(),
            };
            for path in std::mem::take(&mut out.files).into_values() {
                out.skipped.push(Skipped {
                    path,
                    reason: SkipReason::NotAligned(message.clone()),
                });
            }
        }
        Err(_) => {
            for path in std::mem::take(&mut out.files).into_values() {
                out.skipped.push(Skipped {
                    path,
                    reason: SkipReason::NotAligned(format!(
                        "release {}: the aligner failed (a bug in tm; please report it)",
                        release.name
                    )),
                });
            }
        }
    }
    out
}

/// Reads and aligns every release on `threads` threads (at least one).
/// `done` is called once per release as it finishes, from the calling
/// thread (for a progress bar). The result is in the order of `releases`.
pub fn prepare_all(
    releases: &[ReleaseFiles],
    cut: Cut,
    lexicon: &Lexicon,
    threads: usize,
    mut done: impl FnMut(&Prepared),
) -> Vec<Prepared> {
    let threads = threads.clamp(1, releases.len().max(1));
    let next = AtomicUsize::new(0);
    let mut out: Vec<Option<Prepared>> = vec![None; releases.len()];
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Prepared)>();
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(release) = releases.get(i) else {
                    break;
                };
                if tx.send((i, prepare(release, cut, lexicon))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, prepared) in rx {
            done(&prepared);
            out[i] = Some(prepared);
        }
    });
    out.into_iter()
        .zip(releases)
        .map(|(p, r)| {
            // A worker that died leaves its release unprepared: say so
            // rather than lose it silently.
            p.unwrap_or_else(|| Prepared {
                name: r.name.clone(),
                files: BTreeMap::new(),
                aligned: Vec::new(),
                skipped: r
                    .files
                    .values()
                    .map(|path| Skipped {
                        path: path.clone(),
                        reason: SkipReason::NotAligned(format!(
                            "release {}: not aligned (a bug in tm; please report it)",
                            r.name
                        )),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The units of each aligned release, with its name as release id,
/// created `now` (none for one that was not aligned).
pub fn units_of(prepared: &[Prepared], now: &str) -> Vec<Vec<Unit>> {
    prepared
        .iter()
        .map(|p| to_units(&p.aligned, &p.name, now))
        .collect()
}

/// Stores each release's units (from [`units_of`]) in `memory` through one
/// adder (its index of the memory is built once for the whole batch).
/// Returns what became of each release's units, in the order given.
pub fn store(memory: &mut Partial<'_>, units: &[Vec<Unit>]) -> Vec<AddReport> {
    let mut adder = memory.adder(Lang::En);
    let mut reports = Vec::with_capacity(units.len());
    for release in units {
        let before = adder.report();
        for unit in release {
            adder.offer(unit.clone());
        }
        reports.push(difference(&adder.report(), &before));
    }
    reports
}

/// What happened between two reports of one adder.
fn difference(after: &AddReport, before: &AddReport) -> AddReport {
    let mut completed_with = BTreeMap::new();
    for (&lang, &n) in &after.completed_with {
        let d = n - before.completed_with.get(&lang).copied().unwrap_or(0);
        if d > 0 {
            completed_with.insert(lang, d);
        }
    }
    AddReport {
        added: after.added - before.added,
        duplicates: after.duplicates - before.duplicates,
        alternatives: after.alternatives - before.alternatives,
        completed: after.completed - before.completed,
        completed_with,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    fn names(found: &Found) -> Vec<(String, Vec<Lang>)> {
        found
            .releases
            .iter()
            .map(|r| (r.name.clone(), r.files.keys().copied().collect()))
            .collect()
    }

    #[test]
    fn a_folder_per_release_names_the_release() {
        let dir = tree(&[
            ("2026/floods/en.txt", "Rivers rose."),
            ("2026/floods/ru.txt", "Реки поднялись."),
            ("2026/floods/KK.md", "Өзендер тасыды."),
            ("2026/notes/readme.txt", "Just notes."),
        ]);
        let found = find_releases(dir.path()).unwrap();
        assert_eq!(
            names(&found),
            vec![("floods".to_string(), vec![Lang::En, Lang::Ru, Lang::Kk])]
        );
        // A language folder holding a file named after a language is no
        // release name.
        assert_eq!(place(Path::new("ru/en.txt")), None);
        assert_eq!(
            place(Path::new("spring.en.txt")),
            Some(("spring".into(), Lang::En))
        );
    }

    #[test]
    fn finds_both_layouts_and_says_why_files_are_left_out() {
        let dir = tree(&[
            ("2025/spring.en.txt", "Spring came."),
            ("2025/spring.ru.txt", "Пришла весна."),
            ("2025/spring.KK.txt", "Көктем келді."),
            ("en/water.txt", "Water is clean."),
            ("kk/water.txt", "Су таза."),
            ("lonely.ru.txt", "Один."),
            ("notes.txt", "Just notes."),
            ("ru/snow.txt", "Снег."),
            ("kk/snow.txt", "Қар."),
            ("a/twice.en.txt", "Twice."),
            ("b/twice.en.txt", "Twice again."),
            ("b/twice.ru.txt", "Дважды."),
            (".hidden.en.txt", "Hidden."),
            ("~$spring.en.docx", "lock"),
        ]);
        let found = find_releases(dir.path()).unwrap();
        assert_eq!(
            names(&found),
            vec![
                ("spring".to_string(), vec![Lang::En, Lang::Ru, Lang::Kk]),
                ("water".to_string(), vec![Lang::En, Lang::Kk]),
            ]
        );
        let skipped: Vec<(String, String)> = found
            .skipped
            .iter()
            .map(|s| {
                let rel = s.path.strip_prefix(dir.path()).unwrap();
                (rel.display().to_string(), s.reason.to_string())
            })
            .collect();
        let reason = |file: &str| {
            skipped
                .iter()
                .find(|(f, _)| f == file)
                .map(|(_, r)| r.as_str())
                .unwrap_or_else(|| panic!("{file} not skipped: {skipped:?}"))
        };
        assert!(reason("lonely.ru.txt").starts_with("a lone language"));
        assert!(reason("notes.txt").starts_with("not a release file"));
        assert_eq!(reason("ru/snow.txt"), "release snow has no English version");
        assert!(reason("a/twice.en.txt").contains("another en version: "));
        // Its Russian is alone once both English files are out.
        assert!(reason("b/twice.ru.txt").starts_with("a lone language"));
        assert_eq!(skipped.len(), 7, "{skipped:?}");
    }

    #[test]
    fn a_missing_folder_or_a_file_is_refused() {
        let dir = tree(&[("a.en.txt", "A.")]);
        let e = find_releases(&dir.path().join("nowhere")).unwrap_err();
        assert!(e.to_string().contains("nowhere"), "{e}");
        let e = find_releases(&dir.path().join("a.en.txt")).unwrap_err();
        assert!(e
            .to_string()
            .ends_with("not a folder (--batch takes a folder of releases)"));
    }

    #[test]
    fn documents_are_read_and_unknown_extensions_never() {
        let dir = tree(&[
            ("a.en.docx", "PK"),
            ("a.en.pdf", "%PDF"),
            ("a.en.md", "# A.\n\nB."),
            ("a.en.txt", "A."),
        ]);
        // A .docx goes to the Word reader, which says what is wrong.
        let e = read_release(&dir.path().join("a.en.docx")).unwrap_err();
        assert!(e.to_string().contains("not a Word package"), "{e}");
        assert!(matches!(
            read_release(&dir.path().join("a.en.pdf")),
            Err(ReadError::Unknown { .. })
        ));
        assert_eq!(
            read_release(&dir.path().join("a.en.md")).unwrap(),
            "A.\n\nB."
        );
        assert_eq!(read_release(&dir.path().join("a.en.txt")).unwrap(), "A.");
    }

    #[test]
    fn an_unreadable_version_leaves_the_others_when_they_still_align() {
        let dir = tree(&[
            ("r.en.txt", "The park opened. It is big."),
            ("r.ru.txt", "Парк открылся. Он большой."),
            ("r.kk.txt", "bad \u{0} bytes"),
            ("s.en.txt", "Snow fell."),
            ("s.ru.txt", "\u{0}"),
        ]);
        let found = find_releases(dir.path()).unwrap();
        let prepared = prepare_all(
            &found.releases,
            Cut::Sentences,
            &Lexicon::empty(),
            2,
            |_| {},
        );
        assert_eq!(prepared.len(), 2);
        let r = &prepared[0];
        assert!(r.ok());
        assert_eq!(
            r.files.keys().copied().collect::<Vec<_>>(),
            [Lang::En, Lang::Ru]
        );
        assert_eq!(r.aligned.len(), 2);
        assert_eq!(r.skipped.len(), 1);
        assert!(matches!(r.skipped[0].reason, SkipReason::Unreadable(_)));
        let s = &prepared[1];
        assert!(!s.ok());
        assert_eq!(s.skipped.len(), 2);
        assert!(s
            .skipped
            .iter()
            .any(|k| matches!(k.reason, SkipReason::LoneLanguage { .. })));
    }

    #[test]
    fn storing_reports_each_release_and_a_second_time_adds_nothing() {
        let dir = tree(&[
            ("en/a.txt", "The park opened. It is big."),
            ("ru/a.txt", "Парк открылся. Он большой."),
            ("en/b.txt", "Snow fell in May."),
            ("kk/b.txt", "Мамырда қар жауды."),
        ]);
        let found = find_releases(dir.path()).unwrap();
        let prepared = prepare_all(
            &found.releases,
            Cut::Sentences,
            &Lexicon::empty(),
            3,
            |_| {},
        );
        let mut m = Partial::default();
        let reports = store(&mut m, &units_of(&prepared, "2026-01-01T00:00:00Z"));
        assert_eq!(
            reports.iter().map(|r| r.added).collect::<Vec<_>>(),
            vec![2, 1]
        );
        assert_eq!(m.memory.units.len(), 3);
        assert_eq!(m.memory.units[2].release.as_deref(), Some("b"));
        let again = store(&mut m, &units_of(&prepared, "2026-01-02T00:00:00Z"));
        assert!(again.iter().all(|r| !r.changed()));
        assert_eq!(
            again.iter().map(|r| r.duplicates).collect::<Vec<_>>(),
            vec![2, 1]
        );
    }
}
