//! `cargo xtask codegen --check` on a temporary copy of generated/: one changed byte, a stray
//! file and a deleted file each make it exit 1 and name the file; a spec edit is reported by name.
//! `cargo xtask codegen`: adopts a generated/ that has no manifest yet, refuses a directory it
//! never generated into (exit 3), and names the spec it was given (exit 2 and 3).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use xtask::{workspace_root, OUT_DIR, SPEC};

/// A copy of generated/ (sources, examples, manifest) in a fresh temporary directory.
fn copy_of_generated() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    copy_tree(&workspace_root().join(OUT_DIR), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("readable generated/") {
        let entry = entry.expect("directory entry");
        let name = entry.file_name();
        if name == "target" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().expect("file type").is_dir() {
            fs::create_dir_all(&target).expect("create directory");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs the real `xtask codegen --check` against `out` (and optionally another spec).
fn check(out: &Path, spec: Option<&Path>) -> Output {
    codegen(&["--check"], out, spec)
}

/// Runs the real `xtask codegen` with `flags` against `out` (and optionally another spec).
fn codegen(flags: &[&str], out: &Path, spec: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command.arg("codegen").args(flags).arg("--out").arg(out);
    if let Some(spec) = spec {
        command.arg("--spec").arg(spec);
    }
    command.output().expect("xtask runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_untouched_copy_passes() {
    let copy = copy_of_generated();
    let output = check(copy.path(), None);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn one_changed_byte_is_named() {
    let copy = copy_of_generated();
    let file = copy.path().join("src/lib.rs");
    let mut bytes = fs::read(&file).expect("lib.rs");
    let last = bytes.len() - 2;
    bytes[last] ^= 0x01;
    fs::write(&file, bytes).expect("write");
    let output = check(copy.path(), None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("differs: src/lib.rs"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_stray_file_is_named() {
    let copy = copy_of_generated();
    fs::write(
        copy.path().join("src/models/hand_written.rs"),
        "pub struct Mine;\n",
    )
    .expect("write");
    let output = check(copy.path(), None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("stray (not generated; kept, remove it by hand): src/models/hand_written.rs"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_deleted_file_is_named() {
    let copy = copy_of_generated();
    fs::remove_file(copy.path().join("src/api_spec.rs")).expect("remove");
    let output = check(copy.path(), None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("missing (would be added): src/api_spec.rs"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_new_optional_field_in_the_spec_is_reported_by_name() {
    let spec = fs::read_to_string(workspace_root().join(SPEC)).expect("spec");
    let (edited, added) = add_optional_property(&spec, "APIErrorResponse", "retry_hint");
    assert!(added, "could place the new property");
    let dir = tempfile::tempdir().expect("temporary directory");
    let spec_path: PathBuf = dir.path().join("openapi.yaml");
    fs::write(&spec_path, edited).expect("write spec");
    let output = check(&workspace_root().join(OUT_DIR), Some(&spec_path));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("field `retry_hint` added"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn codegen_adopts_a_generated_copy_without_manifest() {
    let copy = copy_of_generated();
    let manifest = copy.path().join(".openapi-rust-generator-manifest");
    let expected = fs::read(&manifest).expect("generated/ has its manifest");
    fs::remove_file(&manifest).expect("remove");
    let output = codegen(&[], copy.path(), None);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fs::read(&manifest).expect("manifest written"), expected);
    assert!(check(copy.path(), None).status.success());
}

#[test]
fn codegen_refuses_a_directory_it_never_generated_into() {
    let dir = tempfile::tempdir().expect("temporary directory");
    fs::write(dir.path().join("README.md"), "mine\n").expect("write");
    let output = codegen(&[], dir.path(), None);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    let names: Vec<_> = fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(names.len(), 1, "wrote into a refused directory");
}

#[test]
fn another_spec_is_named_in_errors() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let bad = dir.path().join("other.yaml");
    fs::write(
        &bad,
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: 5}\n",
    )
    .expect("write spec");
    let output = codegen(&[], &dir.path().join("out"), Some(&bad));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("error(s) in {}", bad.display())));
    assert!(!stderr(&output).contains(SPEC), "{}", stderr(&output));
    let absent = dir.path().join("absent.yaml");
    let output = check(&dir.path().join("out"), Some(&absent));
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains(&absent.display().to_string()));
}

/// Adds `name: {type: string}` as the first property of the component schema `schema`.
fn add_optional_property(spec: &str, schema: &str, name: &str) -> (String, bool) {
    let header = format!("    {schema}:\n");
    let Some(start) = spec.find(&header) else {
        return (spec.to_string(), false);
    };
    let Some(offset) = spec[start..].find("      properties:\n") else {
        return (spec.to_string(), false);
    };
    let at = start + offset + "      properties:\n".len();
    let mut out = spec.to_string();
    out.insert_str(at, &format!("        {name}:\n          type: string\n"));
    (out, true)
}
