//! The specs of a corpus directory, each with the name of the crate generated from it.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// One spec file and the names derived from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The file.
    pub path: PathBuf,
    /// The file's path in the corpus directory (`petstore.yaml`, `digitalocean/spec.yaml`), as
    /// shown in the table.
    pub file_name: String,
    /// The crate's package name and directory: `corpus-<file stem>` (of the subdirectory for a
    /// spec over several files), unique in the corpus.
    pub crate_name: String,
}

/// The specs of `dir` whose file name contains `filter`, sorted by path: each `.yaml`, `.yml`
/// or `.json` file directly in `dir`, and each subdirectory holding a spec over several files
/// (its entry is the subdirectory's only spec file at its top, or its `openapi.*` file).
pub fn find(dir: &Path, filter: Option<&str>) -> io::Result<Vec<Spec>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let spec = if path.is_dir() {
            entry_file(&path)?
        } else {
            Some(path).filter(|p| is_spec_file(p))
        };
        let shown = |p: &PathBuf| relative_name(dir, p);
        if let Some(spec) = spec.filter(|p| filter.is_none_or(|f| shown(p).contains(f))) {
            paths.push(spec);
        }
    }
    paths.sort();
    let mut taken = BTreeSet::new();
    Ok(paths
        .into_iter()
        .map(|path| {
            let file_name = relative_name(dir, &path);
            let first = Path::new(&file_name).components().next();
            let stem = first.map_or(String::new(), |c| {
                let first = Path::new(c.as_os_str());
                let stem = first.file_stem().unwrap_or(c.as_os_str());
                stem.to_string_lossy().into_owned()
            });
            let base = format!("corpus-{}", package_name(&stem));
            let mut crate_name = base.clone();
            let mut n = 2;
            while !taken.insert(crate_name.clone()) {
                crate_name = format!("{base}-{n}");
                n += 1;
            }
            Spec {
                file_name,
                path,
                crate_name,
            }
        })
        .collect())
}

/// Whether `path` is a file named like a spec.
fn is_spec_file(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str());
    path.is_file() && extension.is_some_and(|e| matches!(e, "yaml" | "yml" | "json"))
}

/// The entry file of a spec over several files in `dir`: `openapi.yaml` (`.yml`, `.json`), or
/// the only spec file at the top of `dir`; none when that is ambiguous (said on stderr).
fn entry_file(dir: &Path) -> io::Result<Option<PathBuf>> {
    let mut candidates = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if is_spec_file(&path) {
            candidates.push(path);
        }
    }
    candidates.sort();
    let named = candidates.iter().find(|p| {
        p.file_stem()
            .is_some_and(|stem| stem.eq_ignore_ascii_case("openapi"))
    });
    Ok(match (named, candidates.as_slice()) {
        (Some(entry), _) => Some(entry.clone()),
        (None, [only]) => Some(only.clone()),
        (None, _) => {
            eprintln!(
                "corpus: skipping {}: {} spec files at its top, none named openapi.*",
                dir.display(),
                candidates.len()
            );
            None
        }
    })
}

/// `path` relative to `dir`, with `/` separators.
fn relative_name(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<_> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// `Xero_Accounting.v2` -> `xero-accounting-v2`: lowercase ASCII letters, digits and dashes.
fn package_name(stem: &str) -> String {
    let mapped: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let words: Vec<&str> = mapped.split('-').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        "spec".to_string()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_specs_sorted_filtered_with_unique_crate_names() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.yaml", "b.json", "A_pi.v2.yml", "notes.md", "x.json"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.json")).unwrap();
        // A spec over several files: its entry is its subdirectory's only top-level spec.
        std::fs::create_dir_all(dir.path().join("multi/schemas")).unwrap();
        std::fs::write(dir.path().join("multi/entry.yaml"), "").unwrap();
        std::fs::write(dir.path().join("multi/schemas/pet.yaml"), "").unwrap();
        // Ambiguous without an openapi.* file: skipped.
        std::fs::create_dir(dir.path().join("two")).unwrap();
        std::fs::write(dir.path().join("two/a.yaml"), "").unwrap();
        std::fs::write(dir.path().join("two/b.yaml"), "").unwrap();
        let names = |specs: Vec<Spec>| -> Vec<(String, String)> {
            specs
                .into_iter()
                .map(|s| (s.file_name, s.crate_name))
                .collect()
        };
        let all = names(find(dir.path(), None).unwrap());
        let expected = [
            ("A_pi.v2.yml", "corpus-a-pi-v2"),
            ("b.json", "corpus-b"),
            ("b.yaml", "corpus-b-2"),
            ("multi/entry.yaml", "corpus-multi"),
            ("x.json", "corpus-x"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(f, c)| (f.to_string(), c.to_string()))
            .collect();
        assert_eq!(all, expected);
        let filtered = names(find(dir.path(), Some("b.")).unwrap());
        assert_eq!(filtered, expected[1..3].to_vec());
    }
}
