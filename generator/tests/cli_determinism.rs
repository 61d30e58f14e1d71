//! The `generator` CLI on spec/openapi.yaml: byte-identical output on every run, a second run
//! rewrites nothing, `--check` writes nothing and names what would change, nothing outside
//! `--out` is touched.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/openapi.yaml")
}

fn run(out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_generator"))
        .arg("--spec")
        .arg(spec())
        .arg("--out")
        .arg(out)
        .args(["--crate-name", "datadog-feature-flags"])
        .args(extra)
        .output()
        .expect("generator runs")
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("inside").to_path_buf();
                files.insert(relative, fs::read(&path).expect("file"));
            }
        }
    }
    files
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn two_runs_give_byte_identical_crates() {
    let (first, second) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    assert!(run(first.path(), &[]).status.success());
    assert!(run(second.path(), &[]).status.success());
    let (a, b) = (snapshot(first.path()), snapshot(second.path()));
    assert!(a.len() > 20, "a whole crate was written: {} files", a.len());
    assert_eq!(a, b);
}

#[test]
fn a_second_run_rewrites_nothing_and_check_passes() {
    let out = tempfile::tempdir().expect("dir");
    assert!(run(out.path(), &[]).status.success());
    let again = run(out.path(), &[]);
    assert!(
        stdout(&again).starts_with("0 file(s) written"),
        "{}",
        stdout(&again)
    );
    let check = run(out.path(), &["--check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn check_writes_nothing_and_names_each_file_that_would_change() {
    let parent = tempfile::tempdir().expect("dir");
    let out = parent.path().join("crate");
    fs::create_dir_all(out.join("src")).expect("dir");
    fs::write(out.join("src/stray.rs"), "// mine\n").expect("write");
    let before = snapshot(parent.path());
    let check = run(&out, &["--check"]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("src/stray.rs"), "{stderr}");
    assert!(stderr.contains("src/lib.rs"), "{stderr}");
    assert_eq!(snapshot(parent.path()), before, "--check wrote something");
}

#[test]
fn stale_files_are_removed_and_siblings_of_out_are_untouched() {
    let parent = tempfile::tempdir().expect("dir");
    let out = parent.path().join("crate");
    let sibling = parent.path().join("keep.txt");
    fs::write(&sibling, "not ours").expect("write");
    fs::create_dir_all(out.join("src/old")).expect("dir");
    fs::write(out.join("src/old/gone.rs"), "// stale\n").expect("write");
    assert!(run(&out, &[]).status.success());
    assert!(
        !out.join("src/old").exists(),
        "stale file and its empty directory removed"
    );
    assert_eq!(fs::read_to_string(&sibling).expect("sibling"), "not ours");
}
