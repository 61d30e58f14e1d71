//! Compares generated files with a directory and applies the difference: atomic writes, only
//! changed files touched, stale files removed, nothing outside the directory touched.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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
    /// On disk but no longer generated.
    Removed { path: PathBuf, old: String },
}

impl Change {
    /// The file's path relative to the output directory.
    pub fn path(&self) -> &Path {
        match self {
            Change::Added { path, .. }
            | Change::Modified { path, .. }
            | Change::Removed { path, .. } => path,
        }
    }
}

/// The difference between `files` and the contents of `out_dir`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to add, rewrite or remove, sorted by path.
    pub changes: Vec<Change>,
    /// Number of generated files already up to date.
    pub unchanged: usize,
}

/// Directories under the output that belong to the build, not to the generator.
const IGNORED_DIRS: &[&str] = &["target"];

/// Compares `files` with what is under `out_dir` (which may not exist yet).
pub fn plan(files: &[GeneratedFile], out_dir: &Path) -> io::Result<Plan> {
    let mut plan = Plan::default();
    let mut generated = BTreeSet::new();
    for file in files {
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
    for path in existing_files(out_dir)? {
        if !generated.contains(&path) {
            let old = String::from_utf8_lossy(&fs::read(out_dir.join(&path))?).into_owned();
            plan.changes.push(Change::Removed { path, old });
        }
    }
    plan.changes.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(plan)
}

/// Every file under `dir`, relative to it, skipping build directories. Empty if `dir` is absent.
fn existing_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
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
            let path = relative.join(entry.file_name());
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if !(relative.as_os_str().is_empty()
                    && IGNORED_DIRS.iter().any(|d| entry.file_name() == *d))
                {
                    pending.push(path);
                }
            } else if !(relative.as_os_str().is_empty() && entry.file_name() == "Cargo.lock") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Applies a plan: writes added and modified files atomically (temp file + rename), removes
/// stale ones and the directories they leave empty.
pub fn apply(plan: &Plan, out_dir: &Path) -> io::Result<()> {
    for change in &plan.changes {
        let target = out_dir.join(change.path());
        match change {
            Change::Added { new, .. } | Change::Modified { new, .. } => {
                write_atomic(&target, new.as_bytes())?
            }
            Change::Removed { .. } => {
                fs::remove_file(&target)?;
                remove_empty_parents(&target, out_dir);
            }
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
