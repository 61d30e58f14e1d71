//! The project's spec (spec/openapi.yaml) loads and passes the checker with zero problems.

use std::path::Path;

use generator::{check, load};

#[test]
fn the_project_spec_has_no_problems() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/openapi.yaml");
    if !path.exists() {
        eprintln!("skipped: {} does not exist yet", path.display());
        return;
    }
    let spec = load::load_file(&path).unwrap_or_else(|problems| panic!("{problems}"));
    let problems = check::check(&spec);
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        listed.join("\n")
    );
}
