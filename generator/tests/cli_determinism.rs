//! The `generator` CLI on spec/openapi.yaml: byte-identical output on every run, a second run
//! rewrites nothing, `--check` writes nothing and names what would change (what `--out` may
//! lose, and what beside it, is tested in cli_out_dir.rs).

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use cli_support::{run_generator, snapshot};

fn spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/openapi.yaml")
}

fn run(out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["--crate-name", "datadog-feature-flags"];
    args.extend_from_slice(extra);
    run_generator(&spec(), out, &args)
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
