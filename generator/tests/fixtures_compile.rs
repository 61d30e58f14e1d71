//! Every fixture spec generates a crate that passes clippy and rustdoc with `-D warnings`, and
//! whose behaviour tests (`tests/fixtures_behaviour/<fixture>.rs`, placed in the crate as
//! `tests/behaviour.rs`, beside the shared loopback server `fixtures_behaviour/loopback.rs` as
//! `tests/loopback/mod.rs`) pass.
//!
//! The crates are written under `<workspace>/target/fixture-crates/<fixture>/`, in a workspace
//! of their own that reuses the main `Cargo.lock` (so nothing new is downloaded) and a target
//! directory of its own (so reruns are incremental).

mod fixtures_common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use fixtures_common::{fixtures, generate_fixture, tests_dir};
use generator::{write, GeneratedFile};

/// The main workspace's root.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes every fixture crate and the workspace listing them; returns the workspace root.
fn write_fixture_workspace() -> PathBuf {
    let root = workspace_root().join("target").join("fixture-crates");
    let mut members = Vec::new();
    let loopback_path = tests_dir().join("fixtures_behaviour").join("loopback.rs");
    let loopback = fs::read_to_string(&loopback_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", loopback_path.display()));
    for fixture in fixtures() {
        let mut files = generate_fixture(&fixture);
        let behaviour = tests_dir()
            .join("fixtures_behaviour")
            .join(format!("{}.rs", fixture.name));
        if let Ok(contents) = fs::read_to_string(&behaviour) {
            files.push(GeneratedFile {
                path: PathBuf::from("tests/behaviour.rs"),
                contents,
            });
            files.push(GeneratedFile {
                path: PathBuf::from("tests/loopback/mod.rs"),
                contents: loopback.clone(),
            });
        }
        let dir = root.join(&fixture.name);
        // The test owns this directory (under target/), manifest or not.
        let plan = write::plan(&files, &dir)
            .map(write::Plan::force)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        write::apply(&plan, &dir).unwrap_or_else(|e| panic!("cannot write {}: {e}", dir.display()));
        members.push(format!("{:?}", fixture.name));
    }
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    fs::write(root.join("Cargo.toml"), manifest)
        .unwrap_or_else(|e| panic!("cannot write manifest: {e}"));
    fs::copy(workspace_root().join("Cargo.lock"), root.join("Cargo.lock"))
        .unwrap_or_else(|e| panic!("cannot copy Cargo.lock: {e}"));
    root
}

/// Runs cargo in the fixture workspace with compiler and rustdoc warnings denied; panics with
/// its output on failure.
fn cargo(root: &Path, args: &[&str]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(args)
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    if !output.status.success() {
        panic!(
            "`cargo {}` failed in {}:\n{}{}",
            args.join(" "),
            root.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn every_fixture_crate_passes_clippy_and_its_behaviour_tests() {
    let root = write_fixture_workspace();
    cargo(
        &root,
        &[
            "clippy",
            "--offline",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    );
    cargo(&root, &["test", "--offline", "--workspace", "--tests"]);
}
