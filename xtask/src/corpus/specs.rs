//! The specs of a corpus directory, each with the name of the crate generated from it.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// One spec file and the names derived from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The file.
    pub path: PathBuf,
    /// The file name, as shown in the table.
    pub file_name: String,
    /// The crate's package name and directory: `corpus-<file stem>`, unique in the corpus.
    pub crate_name: String,
}

/// The `.yaml`, `.yml` and `.json` files directly in `dir` whose name contains `filter`,
/// sorted by name.
pub fn find(dir: &Path, filter: Option<&str>) -> io::Result<Vec<Spec>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_spec = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"));
        let name = file_name(&path);
        if is_spec && path.is_file() && filter.is_none_or(|f| name.contains(f)) {
            paths.push(path);
        }
    }
    paths.sort();
    let mut taken = BTreeSet::new();
    Ok(paths
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned());
            let base = format!("corpus-{}", package_name(&stem));
            let mut crate_name = base.clone();
            let mut n = 2;
            while !taken.insert(crate_name.clone()) {
                crate_name = format!("{base}-{n}");
                n += 1;
            }
            Spec {
                file_name: file_name(&path),
                path,
                crate_name,
            }
        })
        .collect())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or(String::new(), |s| s.to_string_lossy().into_owned())
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
