//! `cargo xtask corpus DIR --no-check` on three tiny specs (tests/corpus/): the good one
//! generates a crate, the dangling `$ref` and the Swagger 2.0 document are refused, and the
//! table, summary line and details file say so.

use std::path::Path;
use std::process::Command;

/// Runs the real `xtask corpus` on tests/corpus/ with `args`, writing under `out`.
fn corpus(out: &Path, args: &[&str]) -> (String, bool) {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("corpus")
        .arg(&specs)
        .args(["--no-check", "--jobs", "2", "--out"])
        .arg(out)
        .args(args)
        .output()
        .expect("xtask runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (stdout, output.status.success())
}

/// The table row of `spec`.
fn row<'a>(stdout: &'a str, spec: &str) -> &'a str {
    stdout
        .lines()
        .find(|line| line.starts_with(&format!("| {spec} |")))
        .unwrap_or_else(|| panic!("no row for {spec} in:\n{stdout}"))
}

#[test]
fn generates_the_good_spec_and_reports_the_refused_ones() {
    let out = tempfile::tempdir().expect("temporary directory");
    let (stdout, success) = corpus(out.path(), &[]);
    assert!(success, "{stdout}");
    assert!(
        row(&stdout, "good.yaml").starts_with("| good.yaml | 1 | generated |"),
        "{stdout}"
    );
    assert!(
        row(&stdout, "refused.json").contains("| - | refused |"),
        "{stdout}"
    );
    assert!(
        row(&stdout, "refused.json").contains("unresolved"),
        "{stdout}"
    );
    assert!(
        row(&stdout, "swagger2.yml").contains("| - | refused |"),
        "{stdout}"
    );
    assert!(!stdout.contains("README.md"), "{stdout}");
    assert!(
        stdout.contains("corpus: 1 of 3 generate, cargo check skipped, 2 refused, 0 panicked"),
        "{stdout}"
    );
    assert!(out.path().join("corpus-good/Cargo.toml").is_file());
    assert!(out.path().join("corpus-good/src/lib.rs").is_file());
    assert!(!out.path().join("corpus-refused").exists());
    let details = std::fs::read_to_string(out.path().join("report.md")).expect("report.md");
    assert!(details.contains("## refused.json (refused)"), "{details}");
    assert!(
        details.contains("#/components/schemas/Nowhere"),
        "{details}"
    );
}

#[test]
fn the_filter_keeps_only_matching_specs() {
    let out = tempfile::tempdir().expect("temporary directory");
    let (stdout, success) = corpus(out.path(), &["--filter", "good"]);
    assert!(success, "{stdout}");
    assert!(stdout.contains("corpus: 1 of 1 generate"), "{stdout}");
    assert!(!stdout.contains("refused.json"), "{stdout}");
}
