//! Fails when generated/ is stale or hand-edited: the same check as `cargo xtask codegen --check`.

#[test]
fn generated_crate_matches_spec_templates_and_generator() {
    let root = xtask::workspace_root();
    match xtask::check(&root.join(xtask::SPEC), &root.join(xtask::OUT_DIR)) {
        Ok(None) => {}
        Ok(Some(report)) => panic!("{report}\nrun `cargo xtask codegen` and commit the result"),
        Err(e) => panic!("{e}"),
    }
}
