//! What the fixture tests share: the fixture specs and the crates they generate.

use std::fs;
use std::path::{Path, PathBuf};

use generator::{generate_file, GenerateOptions, GeneratedFile};

/// A fixture spec under `generator/tests/fixtures/`: a `<name>.yaml` file, or a `<name>/`
/// directory whose `openapi.yaml` `$ref`s the other files in it.
pub struct Fixture {
    /// File stem or directory name, e.g. `objects`.
    pub name: String,
    /// The spec's (entry) file.
    pub path: PathBuf,
}

/// `generator/tests`.
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every `*.yaml` and every directory with an `openapi.yaml` directly under
/// `tests/fixtures`, sorted by name.
pub fn fixtures() -> Vec<Fixture> {
    let dir = tests_dir().join("fixtures");
    let mut fixtures: Vec<Fixture> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_string();
            let entry_file = path.join("openapi.yaml");
            if entry_file.is_file() {
                return Some(Fixture {
                    name,
                    path: entry_file,
                });
            }
            (path.extension()? == "yaml").then_some(Fixture { name, path })
        })
        .collect();
    fixtures.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!fixtures.is_empty(), "no fixtures in {}", dir.display());
    fixtures
}

/// The files the generator writes for a fixture, or a panic naming every problem.
pub fn generate_fixture(fixture: &Fixture) -> Vec<GeneratedFile> {
    let within = fixture
        .path
        .strip_prefix(tests_dir())
        .unwrap_or(&fixture.path);
    let options = GenerateOptions {
        crate_name: format!("fixture-{}", fixture.name),
        spec_name: format!("generator/tests/{}", within.display()),
        lints: Default::default(),
    };
    match generate_file(&fixture.path, &options) {
        Ok(generated) => generated.files,
        Err(problems) => panic!("fixture {} does not generate:\n{problems}", fixture.name),
    }
}
