//! Reviewed snapshots of the code generated for each fixture spec.
//!
//! `tests/snapshots/<fixture>.rs.snap` holds every generated file except the copied runtime
//! (`src/runtime/**`), each after a `// ==> <path> <==` line. A snapshot that differs from what
//! the generator now emits, or that no fixture produces, fails the test. Run with
//! `UPDATE_SNAPSHOTS=1` to rewrite them, then review the diff like code.

mod fixtures_common;

use std::fs;
use std::path::PathBuf;

use fixtures_common::{fixtures, generate_fixture, tests_dir};

/// `tests/snapshots`.
fn snapshots_dir() -> PathBuf {
    tests_dir().join("snapshots")
}

/// Whether the run should rewrite snapshots instead of comparing them.
fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
}

/// The snapshot text of a fixture's generated crate.
fn snapshot_text(files: &[generator::GeneratedFile]) -> String {
    let mut text = String::new();
    for file in files.iter().filter(|f| !f.path.starts_with("src/runtime")) {
        let path = file.path.to_string_lossy().replace('\\', "/");
        text.push_str(&format!("// ==> {path} <==\n"));
        text.push_str(&file.contents);
        if !file.contents.ends_with('\n') {
            text.push('\n');
        }
    }
    text
}

/// A unified diff of the reviewed snapshot against the new output.
fn diff(reviewed: &str, generated: &str) -> String {
    similar::TextDiff::from_lines(reviewed, generated)
        .unified_diff()
        .context_radius(3)
        .header("reviewed snapshot", "generated now")
        .to_string()
}

#[test]
fn generated_code_matches_the_reviewed_snapshots() {
    let dir = snapshots_dir();
    let mut failures = Vec::new();
    let mut expected_files = Vec::new();
    for fixture in fixtures() {
        let file_name = format!("{}.rs.snap", fixture.name);
        let path = dir.join(&file_name);
        expected_files.push(file_name);
        let generated = snapshot_text(&generate_fixture(&fixture));
        if updating() {
            fs::create_dir_all(&dir)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
            fs::write(&path, &generated)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            continue;
        }
        match fs::read_to_string(&path) {
            Ok(reviewed) if reviewed == generated => {}
            Ok(reviewed) => failures.push(format!(
                "{} is stale (UPDATE_SNAPSHOTS=1 rewrites it; review the diff):\n{}",
                path.display(),
                diff(&reviewed, &generated)
            )),
            Err(e) => failures.push(format!(
                "{}: {e} (UPDATE_SNAPSHOTS=1 writes it)",
                path.display()
            )),
        }
    }
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !expected_files.contains(&name) {
            if updating() && name.ends_with(".rs.snap") {
                fs::remove_file(entry.path())
                    .unwrap_or_else(|e| panic!("cannot remove {name}: {e}"));
            } else {
                failures.push(format!(
                    "{} belongs to no fixture: remove it",
                    entry.path().display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn doc_comments_are_separated_from_their_marker() {
    let mut glued = Vec::new();
    for fixture in fixtures() {
        for file in generate_fixture(&fixture) {
            for (i, line) in file.contents.lines().enumerate() {
                let text = line.trim_start();
                let rest = text
                    .strip_prefix("///")
                    .or_else(|| text.strip_prefix("//!"));
                if rest.is_some_and(|r| !r.is_empty() && !r.starts_with(' ')) {
                    glued.push(format!("{}:{}: {text}", file.path.display(), i + 1));
                }
            }
        }
    }
    assert!(
        glued.is_empty(),
        "doc text glued to `///`:\n{}",
        glued.join("\n")
    );
}
