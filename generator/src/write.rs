//! Compares generated files with a directory and applies the difference: atomic writes, only
//! changed files touched, and only files the generator provably wrote removed (listed in its
//! manifest and carrying its `@generated` header); dot-files and everything else are kept.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::manifest::{self, MANIFEST};
use crate::output::GeneratedFile;

/// How one file on disk relates to the generated set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Generated but absent on disk.
    Added { path: PathBuf, new: String },
    /// Present with different contents (`old` is lossy UTF-8 of the bytes on disk).
    Modified {
        path: PathBuf,
        old: String,
        new: String,
    },
    /// Written by the generator earlier, no longer generated: removed by [`apply`].
    Removed { path: PathBuf, old: String },
    /// On disk, not generated, and not provably written by the generator: [`apply`] keeps it,
    /// the drift check reports it.
    Stray { path: PathBuf, old: String },
}

impl Change {
    /// The file's path relative to the output directory.
    pub fn path(&self) -> &Path {
        match self {
            Change::Added { path, .. }
            | Change::Modified { path, .. }
            | Change::Removed { path, .. }
            | Change::Stray { path, .. } => path,
        }
    }
}

/// The difference between `files` and the contents of `out_dir`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to add, rewrite or remove, and stray files, sorted by path.
    pub changes: Vec<Change>,
    /// Number of generated files already up to date.
    pub unchanged: usize,
    /// A file showing `out_dir` was never generated into: there is no manifest and this file
    /// lacks the `@generated` header. [`apply`] refuses such a directory unless forced.
    pub foreign: Option<PathBuf>,
}

impl Plan {
    /// Allows [`apply`] to write into a directory it never generated into. It still removes
    /// nothing there: without a manifest, no file is provably the generator's.
    pub fn force(mut self) -> Self {
        self.foreign = None;
        self
    }

    /// Paths [`apply`] removes.
    pub fn removals(&self) -> impl Iterator<Item = &Path> {
        self.changes
            .iter()
            .filter(|c| matches!(c, Change::Removed { .. }))
            .map(Change::path)
    }

    /// `3 file(s) written, 120 unchanged, 1 removed, 2 not generated (kept)`
    pub fn summary(&self) -> String {
        let count = |f: fn(&Change) -> bool| self.changes.iter().filter(|c| f(c)).count();
        let written = count(|c| matches!(c, Change::Added { .. } | Change::Modified { .. }));
        let removed = count(|c| matches!(c, Change::Removed { .. }));
        let kept = count(|c| matches!(c, Change::Stray { .. }));
        format!(
            "{written} file(s) written, {} unchanged, {removed} removed, {kept} not generated (kept)",
            self.unchanged
        )
    }
}

/// Why [`apply`] wrote nothing or stopped.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The directory holds files and was never generated into.
    #[error(
        "{} was never generated into (it has no {MANIFEST} and {} is not a generated file): \
         refusing to write there; pass --force to write the generated files anyway (files the \
         generator did not write are never removed)",
        dir.display(),
        file.display()
    )]
    NeverGenerated { dir: PathBuf, file: PathBuf },
    /// Reading or writing failed.
    #[error("cannot write {}: {source}", dir.display())]
    Io { dir: PathBuf, source: io::Error },
}

/// Directories under the output that belong to the build, not to the generator.
const IGNORED_DIRS: &[&str] = &["target"];

/// Compares `files` (plus the manifest listing them) with what is under `out_dir` (which may
/// not exist yet).
pub fn plan(files: &[GeneratedFile], out_dir: &Path) -> io::Result<Plan> {
    let mut plan = Plan::default();
    let mut generated = BTreeSet::new();
    let manifest_file = manifest::manifest_file(files);
    for file in files.iter().chain([&manifest_file]) {
        generated.insert(file.path.clone());
        match fs::read(out_dir.join(&file.path)) {
            Ok(bytes) if bytes == file.contents.as_bytes() => plan.unchanged += 1,
            Ok(bytes) => plan.changes.push(Change::Modified {
                path: file.path.clone(),
                old: String::from_utf8_lossy(&bytes).into_owned(),
                new: file.contents.clone(),
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => plan.changes.push(Change::Added {
                path: file.path.clone(),
                new: file.contents.clone(),
            }),
            Err(e) => return Err(e),
        }
    }
    let listed = manifest::read(out_dir)?;
    for path in visible_files(out_dir)? {
        let bytes = read_regular(&out_dir.join(&path))?;
        let ours = bytes.as_deref().is_some_and(manifest::has_header);
        if listed.is_none() && !ours && plan.foreign.is_none() {
            plan.foreign = Some(path.clone());
        }
        if generated.contains(&path) {
            continue;
        }
        let old = bytes.map_or_else(
            || "(not a regular file)\n".to_string(),
            |b| String::from_utf8_lossy(&b).into_owned(),
        );
        let proven = ours && listed.as_ref().is_some_and(|l| l.contains(&path));
        plan.changes.push(if proven {
            Change::Removed { path, old }
        } else {
            Change::Stray { path, old }
        });
    }
    plan.changes.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(plan)
}

/// The bytes of `path` when it is a regular file; `None` for a symlink or other special file,
/// which the generator never writes and so never reads, follows or removes.
fn read_regular(path: &Path) -> io::Result<Option<Vec<u8>>> {
    if fs::symlink_metadata(path)?.is_file() {
        fs::read(path).map(Some)
    } else {
        Ok(None)
    }
}

/// Every file under `dir`, relative to it, skipping dot-files, dot-directories, the build
/// directory and `Cargo.lock`. Empty if `dir` is absent.
fn visible_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let entries = match fs::read_dir(dir.join(&relative)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name();
            let at_root = relative.as_os_str().is_empty();
            if name.to_string_lossy().starts_with('.')
                || (at_root && (IGNORED_DIRS.iter().any(|d| name == *d) || name == "Cargo.lock"))
            {
                continue;
            }
            let path = relative.join(&name);
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Applies a plan: writes added and modified files atomically (temp file + rename), removes
/// the files it proved its own and the directories they leave empty, keeps strays, and
/// writes the manifest last (so an interrupted run never lists files it did not write).
/// Refuses a directory it never generated into unless the plan was [`Plan::force`]d.
pub fn apply(plan: &Plan, out_dir: &Path) -> Result<(), WriteError> {
    if let Some(file) = &plan.foreign {
        return Err(WriteError::NeverGenerated {
            dir: out_dir.to_path_buf(),
            file: file.clone(),
        });
    }
    let io_error = |source| WriteError::Io {
        dir: out_dir.to_path_buf(),
        source,
    };
    let (manifest, others): (Vec<&Change>, Vec<&Change>) = plan
        .changes
        .iter()
        .partition(|c| c.path() == Path::new(MANIFEST));
    for change in others.into_iter().chain(manifest) {
        let target = out_dir.join(change.path());
        match change {
            Change::Added { new, .. } | Change::Modified { new, .. } => {
                write_atomic(&target, new.as_bytes()).map_err(io_error)?
            }
            Change::Removed { .. } => {
                fs::remove_file(&target).map_err(io_error)?;
                remove_empty_parents(&target, out_dir);
            }
            Change::Stray { .. } => {}
        }
    }
    Ok(())
}

/// Writes through a temporary sibling file so a reader never sees half a file.
fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut temp = target.as_os_str().to_owned();
    temp.push(".tmp-generator");
    let temp = PathBuf::from(temp);
    fs::write(&temp, bytes)?;
    fs::rename(&temp, target)
}

/// Removes directories emptied by a removal, up to (not including) `root`.
fn remove_empty_parents(file: &Path, root: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
