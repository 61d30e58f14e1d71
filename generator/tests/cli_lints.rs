//! The `generator` binary's strictness flags: warnings are printed with code, pointer and line
//! and exit 0; `--deny warnings` or `--deny CODE` makes them errors (exit 2, nothing written);
//! `--allow CODE` hides them; an unknown code, or allowing a code that is always an error, is
//! a usage error (exit 2).

#[allow(dead_code)] // this binary runs the generator but takes no snapshots
mod cli_support;

use std::path::{Path, PathBuf};
use std::process::Output;

use cli_support::run_generator;

/// A spec whose one operation has no `operationId` (line 7): a `missing-operation-id` warning.
const SPEC: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com'}]
paths:
  /pets:
    get:
      responses:
        '204': {description: none}
";

/// The warning the spec gives, as printed after its level.
const WARNING: &str = "[missing-operation-id]: ";
/// Where the warning is.
const LOCATION: &str = "at #/paths/~1pets/get (line 6)";

/// Runs the generator on [`SPEC`] with `flags`; the output, and where it was asked to write.
fn generate_with(flags: &[&str]) -> (Output, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let spec = dir.path().join("spec.yaml");
    std::fs::write(&spec, SPEC).expect("write spec");
    let out = dir.path().join("out");
    (run_generator(&spec, &out, flags), out, dir)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The stderr lines that report the warning's code at `level`.
fn reported_at(output: &Output, level: &str) -> Vec<String> {
    let start = format!("{level}{WARNING}");
    stderr(output)
        .lines()
        .filter(|l| l.starts_with(&start))
        .map(str::to_string)
        .collect()
}

fn assert_refused(output: &Output, out: &Path) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    assert!(!out.exists(), "wrote {}", out.display());
}

#[test]
fn warnings_are_printed_with_pointer_and_line_and_exit_0() {
    let (output, out, _dir) = generate_with(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let warnings = reported_at(&output, "warning");
    assert_eq!(warnings.len(), 1, "{}", stderr(&output));
    assert!(warnings[0].ends_with(LOCATION), "{}", warnings[0]);
    assert!(
        stderr(&output).contains("1 warning(s) in"),
        "{}",
        stderr(&output)
    );
    assert!(out.join("Cargo.toml").exists());
}

#[test]
fn deny_warnings_makes_every_warning_an_error() {
    let (output, out, _dir) = generate_with(&["--deny", "warnings"]);
    assert_refused(&output, &out);
    let errors = reported_at(&output, "error");
    assert_eq!(errors.len(), 1, "{}", stderr(&output));
    assert!(errors[0].ends_with(LOCATION), "{}", errors[0]);
    assert!(
        stderr(&output).contains("1 error(s) in"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn deny_code_makes_that_code_an_error() {
    let (output, out, _dir) = generate_with(&["--deny", "missing-operation-id"]);
    assert_refused(&output, &out);
    assert_eq!(
        reported_at(&output, "error").len(),
        1,
        "{}",
        stderr(&output)
    );
}

#[test]
fn allow_code_hides_it_under_deny_warnings_or_after_deny_code() {
    for flags in [
        ["--allow", "missing-operation-id", "--deny", "warnings"],
        [
            "--deny",
            "missing-operation-id",
            "--allow",
            "missing-operation-id",
        ],
    ] {
        let (output, _out, _dir) = generate_with(&flags);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{flags:?}: {}",
            stderr(&output)
        );
        assert!(
            !stderr(&output).contains(WARNING),
            "{flags:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn the_last_flag_naming_a_code_wins() {
    let (output, out, _dir) = generate_with(&[
        "--allow",
        "missing-operation-id",
        "--deny",
        "missing-operation-id",
    ]);
    assert_refused(&output, &out);
}

#[test]
fn an_unknown_code_is_a_usage_error_listing_the_codes() {
    let (output, out, _dir) = generate_with(&["--deny", "no-such-code"]);
    assert_refused(&output, &out);
    let stderr = stderr(&output);
    assert!(
        stderr.contains("unknown diagnostic code `no-such-code`"),
        "{stderr}"
    );
    assert!(stderr.contains("missing-operation-id"), "{stderr}");
}

#[test]
fn a_code_that_is_always_an_error_cannot_be_allowed() {
    let (output, out, _dir) = generate_with(&["--allow", "unresolved-ref"]);
    assert_refused(&output, &out);
    assert!(
        stderr(&output).contains("`unresolved-ref` is always an error"),
        "{}",
        stderr(&output)
    );
}
