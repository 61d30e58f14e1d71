//! The `generator` binary on bad specs (tests/fixtures/bad/, one file per problem family):
//! every problem is reported with its JSON pointer and line, the exit code is 2, nothing
//! panics and nothing is written (a spec that is not UTF-8 too). A spec that cannot be read at
//! all is an I/O error (exit 3).
//! (Exit 0 and 1 are tested in cli_determinism.rs, the refused `--out` in cli_out_dir.rs.)

#[allow(dead_code)] // this binary runs the generator but takes no snapshots
mod cli_support;

use std::path::Path;

use cli_support::run_generator;

/// Runs the generator on a fixture and checks the outcome every bad spec shares.
fn stderr_of(fixture: &str) -> String {
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("out");
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(fixture);
    let output = run_generator(&spec, &out, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{fixture}: exit status\n{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "{fixture} panicked:\n{stderr}"
    );
    assert!(!out.exists(), "{fixture}: wrote {}", out.display());
    stderr
}

#[test]
fn a_spec_that_cannot_be_read_exits_3_naming_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (spec, out) = (dir.path().join("absent.yaml"), dir.path().join("out"));
    let output = run_generator(&spec, &out, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot read {}", spec.display())),
        "{stderr}"
    );
    assert!(!out.exists(), "wrote {}", out.display());
}

#[test]
fn a_spec_that_is_not_utf8_is_a_spec_error_with_its_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (spec, out) = (dir.path().join("latin1.yaml"), dir.path().join("out"));
    std::fs::write(&spec, b"openapi: 3.0.3\ninfo:\n  title: caf\xe9\n").expect("write spec");
    let output = run_generator(&spec, &out, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("(line 3)"), "{stderr}");
    assert!(!out.exists(), "wrote {}", out.display());
}

/// Asserts the fixture reports exactly these errors: each `(code, words, location)` must
/// appear on one `error[code]:` line, `location` being `at <pointer>` and ` (line N)` when the
/// line is known.
fn assert_reports(fixture: &str, expected: &[(&str, &str, &str)]) {
    let stderr = stderr_of(fixture);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error[")).collect();
    for (code, words, location) in expected {
        let start = format!("error[{code}]: ");
        assert!(
            errors
                .iter()
                .any(|l| l.starts_with(&start) && l.contains(words) && l.ends_with(location)),
            "{fixture}: no error[{code}] with {words:?} ending {location:?} in:\n{stderr}"
        );
    }
    assert_eq!(
        errors.len(),
        expected.len(),
        "{fixture}: number of errors in:\n{stderr}"
    );
    assert!(
        stderr.contains(&format!("{} error(s) in", expected.len())),
        "{stderr}"
    );
}

#[test]
fn references_to_other_files_name_file_pointer_and_line() {
    assert_reports(
        "external_refs/openapi.yaml",
        &[
            (
                "unresolved-ref", "cannot read no-such-file.yaml (`$ref` `no-such-file.yaml`): ",
                "at #/components/schemas/Missing/$ref (line 9)",
            ),
            (
                "unresolved-ref", "remote `$ref` `https://example.com/schemas.yaml#/Pet` is not fetched: generation reads no network",
                "at #/components/schemas/Remote/$ref (line 11)",
            ),
            (
                "unresolved-ref", "`$ref` `owner.json#/Nobody` names nothing: owner.json has no node at `/Nobody`",
                "at schemas.yaml#/Pet/properties/owner/$ref (line 5)",
            ),
        ],
    );
}

#[test]
fn yaml_syntax_errors_name_line_and_column() {
    assert_reports(
        "yaml_syntax.yaml",
        &[(
            "invalid-syntax",
            "invalid YAML: did not find expected ',' or ']'",
            "(column 1) at # (line 7)",
        )],
    );
}

#[test]
fn swagger_2_is_an_unsupported_version() {
    assert_reports(
        "swagger_2.yaml",
        &[(
            "unsupported-version",
            "unsupported version: Swagger/OpenAPI 2.0",
            "at #/swagger (line 1)",
        )],
    );
}

#[test]
fn openapi_3_1_is_an_unsupported_version() {
    assert_reports(
        "openapi_3_1.yaml",
        &[(
            "unsupported-version",
            "unsupported version: OpenAPI \"3.1.0\"",
            "at #/openapi (line 1)",
        )],
    );
}

#[test]
fn documents_that_are_not_openapi_are_refused_clearly() {
    assert_reports(
        "empty.yaml",
        &[("invalid-document", "the spec is empty", "at #")],
    );
    assert_reports(
        "not_a_mapping.yaml",
        &[(
            "invalid-document",
            "the spec is not a mapping",
            "at # (line 1)",
        )],
    );
    assert_reports(
        "missing_openapi.yaml",
        &[(
            "unsupported-version",
            "missing `openapi` version field",
            "at # (line 1)",
        )],
    );
}

#[test]
fn wrong_types_are_located_below_openapiv3s_buffered_nodes() {
    assert_reports(
        "wrong_type.yaml",
        &[(
            "invalid-document",
            "invalid type: integer `5`, expected a sequence",
            "at #/paths/~1pets/get/parameters (line 9)",
        )],
    );
}

#[test]
fn keys_written_twice_are_errors() {
    assert_reports(
        "duplicate_key.yaml",
        &[(
            "duplicate-key",
            "duplicate key \"get\" (first written on line 7)",
            "at #/paths/~1pets/get (line 12)",
        )],
    );
}

#[test]
fn unresolved_references_are_all_reported() {
    assert_reports(
        "unresolved_ref.yaml",
        &[
            ("undeclared-security-scheme", "names \"apiKeyAuth\", which is not in #/components/securitySchemes", "at #/security/0/apiKeyAuth (line 6)"),
            ("unresolved-ref", "unresolved $ref \"#/components/parameters/Missing\"", "at #/paths/~1pets/get/parameters/0/$ref (line 12)"),
            (
                "unresolved-ref", "unresolved $ref \"#/components/schemas/Nope\"",
                "at #/paths/~1pets/get/responses/200/content/application~1json/schema/$ref (line 19)",
            ),
            ("unresolved-ref", "cannot read other.yaml (`$ref` `other.yaml#/components/responses/NotFound`): ", "at #/paths/~1pets/get/responses/404/$ref (line 21)"),
            ("ref-cycle", "$ref cycle", "at #/components/schemas/A/$ref (line 25)"),
            ("ref-cycle", "$ref cycle", "at #/components/schemas/B/$ref (line 27)"),
        ],
    );
}

#[test]
fn operation_ids_must_be_unique() {
    assert_reports(
        "operation_ids.yaml",
        &[(
            "duplicate-operation-id",
            "duplicate operationId \"createPet\" (also used at #/paths/~1pets/post)",
            "at #/paths/~1animals/post/operationId (line 18)",
        )],
    );
}

#[test]
fn path_template_parameters_must_match_declarations() {
    assert_reports(
        "path_parameters.yaml",
        &[
            (
                "undeclared-path-parameter",
                "path parameter {pet_id} of /pets/{pet_id} is not declared",
                "at #/paths/~1pets~1{pet_id}/get (line 7)",
            ),
            (
                "unused-path-parameter",
                "path parameter \"owner_id\" is declared but /pets/{pet_id} has no {owner_id}",
                "at #/paths/~1pets~1{pet_id}/get/parameters/0 (line 10)",
            ),
            (
                "optional-path-parameter",
                "path parameter \"owner_id\" must have required: true",
                "at #/paths/~1owners~1{owner_id}/get/parameters/0 (line 22)",
            ),
        ],
    );
}

#[test]
fn constructs_the_generator_cannot_generate_are_listed() {
    let file = "#/paths/~1files~1{name}.json";
    let get = format!("{file}/get/parameters");
    let body = format!("{file}/post/requestBody/content/multipart~1form-data");
    assert_reports(
        "unsupported.yaml",
        &[
            (
                "unsupported-path",
                "path segment \"{name}.json\" is not supported",
                &format!("at {file} (line 6)"),
            ),
            (
                "unsupported-parameter",
                "parameters in: cookie are not supported",
                &format!("at {get}/1/in (line 16)"),
            ),
            (
                "unsupported-parameter",
                "described by `content` instead of `schema`",
                &format!("at {get}/2/content (line 21)"),
            ),
            (
                "unsupported-parameter",
                "parameter style \"deepObject\" is not supported in query",
                &format!("at {get}/3/style (line 27)"),
            ),
            (
                "unsupported-parameter",
                "object-typed parameters are not supported",
                &format!("at {get}/3/schema (line 28)"),
            ),
            (
                "unsupported-media-type",
                "request bodies of type multipart/form-data are not supported",
                &format!("at {body} (line 46)"),
            ),
            (
                "unsupported-schema",
                "`not` schemas are not supported",
                "at #/components/schemas/NotString/not (line 60)",
            ),
            (
                "unsupported-discriminator",
                "inline alternatives of a discriminated union",
                "at #/components/schemas/Shape/oneOf/0 (line 64)",
            ),
            (
                "unsupported-security-scheme",
                "security scheme type oauth2 is not supported",
                "at #/components/securitySchemes/oauth (line 71)",
            ),
            (
                "unsupported-security-scheme",
                "security scheme apiKey in: query is not supported",
                "at #/components/securitySchemes/queryKey (line 77)",
            ),
        ],
    );
}

#[test]
fn every_example_is_validated_against_its_schema() {
    // The line is that of the offending value inside the example.
    let media = "#/paths/~1flags~1{flag_id}/get/responses/200/content/application~1json/example";
    let attributes = "#/components/schemas/Flag/properties/attributes/properties";
    assert_reports(
        "examples.yaml",
        &[
            ("example-mismatch", "example value at $: \"not-a-uuid\" is not a uuid", "at #/paths/~1flags~1{flag_id}/get/parameters/0/example (line 16)"),
            (
                "example-mismatch", "example value at $: 3000000000 is out of the int32 range",
                "at #/paths/~1flags~1{flag_id}/get/parameters/1/examples/tooBig/value (line 24)",
            ),
            ("example-mismatch", "example value at $.data.attributes.colour: unknown property", &format!("at {media} (line 38)")),
            ("example-mismatch", "example value at $.data.attributes.created_at: \"yesterday\" is not an RFC 3339 date-time", &format!("at {media} (line 37)")),
            ("example-mismatch", "example value at $.data.attributes.status: \"paused\" is not one of [\"active\", \"archived\"]", &format!("at {media} (line 36)")),
            ("example-mismatch", "example value at $.meta: unknown property", "at #/components/examples/MissingData/value (line 46)"),
            ("example-mismatch", "example value at $: required property \"data\" is missing", "at #/components/examples/MissingData/value (line 45)"),
            ("example-mismatch", "example value at $: \"paused\" is not one of", &format!("at {attributes}/status/example (line 67)")),
            ("example-mismatch", "example value at $: null is not allowed", &format!("at {attributes}/count/example (line 74)")),
        ],
    );
}

#[test]
fn schema_mistakes_openapiv3_lets_through_are_reported() {
    assert_reports(
        "schema_mistakes.yaml",
        &[
            (
                "invalid-schema",
                "unknown type \"strin\"",
                "at #/components/schemas/Typo/type (line 9)",
            ),
            (
                "invalid-schema",
                "type: array without `items`",
                "at #/components/schemas/List (line 10)",
            ),
        ],
    );
}
