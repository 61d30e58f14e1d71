//! The project's spec (spec/openapi.yaml) loads and passes the checker with zero problems.

use std::path::Path;

use generator::{check_spec, read_spec};

#[test]
fn the_project_spec_has_no_problems() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/openapi.yaml");
    if !path.exists() {
        eprintln!("skipped: {} does not exist yet", path.display());
        return;
    }
    let source = read_spec(&path).unwrap_or_else(|problems| panic!("{problems}"));
    if let Err(problems) = check_spec(&source) {
        panic!("{} problem(s):\n{problems}", problems.0.len());
    }
}
