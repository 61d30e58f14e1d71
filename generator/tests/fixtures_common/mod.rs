//! What the fixture tests share: the fixture specs and the crates they generate.

use std::fs;
use std::path::{Path, PathBuf};

use generator::{generate, GenerateOptions, GeneratedFile};

/// A fixture spec under `generator/tests/fixtures/`.
pub struct Fixture {
    /// File stem, e.g. `objects`.
    pub name: String,
    /// The spec's text.
    pub source: String,
}

/// `generator/tests`.
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Every `*.yaml` directly under `tests/fixtures`, sorted by name.
pub fn fixtures() -> Vec<Fixture> {
    let dir = tests_dir().join("fixtures");
    let mut fixtures: Vec<Fixture> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_stem()?.to_str()?.to_string();
            (path.extension()? == "yaml").then_some(())?;
            let source = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            Some(Fixture { name, source })
        })
        .collect();
    fixtures.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!fixtures.is_empty(), "no fixtures in {}", dir.display());
    fixtures
}

/// The files the generator writes for a fixture, or a panic naming every problem.
pub fn generate_fixture(fixture: &Fixture) -> Vec<GeneratedFile> {
    let options = GenerateOptions {
        crate_name: format!("fixture-{}", fixture.name),
        spec_name: format!("generator/tests/fixtures/{}.yaml", fixture.name),
    };
    match generate(&fixture.source, &options) {
        Ok(generated) => generated.files,
        Err(problems) => panic!("fixture {} does not generate:\n{problems}", fixture.name),
    }
}
