//! Required path parameters and required body fields are arguments: leaving one out does not
//! compile, and the error names what is missing (the cases and their reviewed errors are in
//! tests/ui; `TRYBUILD=overwrite` rewrites the `.stderr` files).

#[test]
fn leaving_out_a_required_argument_does_not_compile() {
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
