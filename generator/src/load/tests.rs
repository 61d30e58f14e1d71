//! `parse`, `read_spec` and `check::check`: located problems for unreadable input, line
//! lookup, and no panic on any input.

use std::path::Path;

use super::{parse, read_spec};
use crate::check;

const VALID: &str = r##"openapi: 3.0.3
info:
  title: Pets
  version: "1"
paths:
  /pets/{pet_id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters:
        - name: pet_id
          in: path
          required: true
          schema:
            type: string
            format: uuid
          example: 3fa85f64-5717-4562-b3fc-2c963f66afa6
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
              example:
                id: 3fa85f64-5717-4562-b3fc-2c963f66afa6
                name: Rex
                kind: dog
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
          format: uuid
        name:
          type: string
        kind:
          type: string
          enum: [dog, cat]
          nullable: true
  securitySchemes:
    apiKeyAuth:
      type: apiKey
      in: header
      name: DD-API-KEY
security:
  - apiKeyAuth: []
"##;

fn bad_fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures directory")
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .collect();
    texts.sort();
    texts
}

#[test]
fn a_valid_spec_loads_and_passes_the_checker() {
    let spec = parse(VALID).expect("valid spec");
    assert_eq!(check::check(&spec), Vec::new());
    assert_eq!(spec.openapi.info.title, "Pets");
    assert_eq!(
        spec.line_of("#/paths/~1pets~1{pet_id}/get/parameters/0/example"),
        Some(17)
    );
    assert_eq!(
        spec.line_of("#/components/schemas/Pet/properties/kind/enum"),
        Some(42)
    );
}

#[test]
fn every_3_0_patch_version_is_accepted() {
    for version in ["3.0.0", "3.0.1", "3.0.2", "3.0.3", "3.0.4"] {
        let text = VALID.replacen("3.0.3", version, 1);
        assert!(parse(&text).is_ok(), "{version}");
    }
}

#[test]
fn json_specs_load_with_lines() {
    let json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {\n    \"/a\": {}\n  }\n}\n";
    let spec = parse(json).expect("JSON spec");
    assert_eq!(spec.line_of("#/paths/~1a"), Some(5));
}

#[test]
fn json_specs_are_read_as_json_escapes_included() {
    // YAML has no surrogate-pair escapes; JSON does.
    let json = r#"{
  "openapi": "3.0.3",
  "info": {"title": "Thumbs \ud83d\udc4d", "version": "1"},
  "paths": {
    "/\u00e9t\u00e9": {}
  }
}"#;
    let spec = parse(json).expect("JSON spec");
    assert_eq!(spec.openapi.info.title, "Thumbs \u{1f44d}");
    assert_eq!(spec.line_of("#/paths/~1\u{e9}t\u{e9}"), Some(5));
}

#[test]
fn json_problems_keep_their_pointer_and_line() {
    let json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"\\ud83d\\udc4d\", \"version\": \"1\"},\n  \"paths\": {\n    \"/a\": {\"get\": {\"parameters\": 5, \"responses\": {}}}\n  }\n}\n";
    let problems = parse(json).expect_err("parameters is not a list");
    assert_eq!(problems.0[0].pointer, "#/paths/~1a/get/parameters");
    assert_eq!(problems.0[0].line, Some(5));
    let syntax = parse("{\n  \"openapi\": \"3.0.3\",\n  \"info\" {}\n}").expect_err("no colon");
    assert!(
        syntax.0[0].message.starts_with("invalid JSON: "),
        "{syntax}"
    );
    assert_eq!(syntax.0[0].line, Some(3));
}

/// A spec whose integer schema has the bounds `minimum` and `maximum`, and an example.
fn bounded(minimum: &str, maximum: &str, example: &str) -> String {
    VALID.replace(
        "    Pet:\n",
        &format!(
            "    Count:\n      type: integer\n      format: int64\n      minimum: {minimum}\n      maximum: {maximum}\n      example: {example}\n    Pet:\n"
        ),
    )
}

#[test]
fn integers_outside_i64_load_and_keep_their_exact_value() {
    // u64::MAX and 2^70: past i64 (openapiv3's integer bounds) and, for YAML, past u64.
    let huge = bounded("18446744073709551615", "1180591620717411303424", "5");
    let spec = parse(&huge).expect("bounds past i64 load");
    assert_eq!(
        spec.document["components"]["schemas"]["Count"]["minimum"].as_u64(),
        Some(u64::MAX)
    );
    // The example is checked against the exact bound, not a clamped one.
    let problems = check::check(&spec);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("below the minimum 184467440737095"),
        "{}",
        problems[0].message
    );
    assert_eq!(problems[0].pointer, "#/components/schemas/Count/example");
    assert_eq!(problems[0].line, Some(36));
}

#[test]
fn integers_outside_i64_generate_what_i64_bounds_generate() {
    let options = crate::GenerateOptions {
        crate_name: "bounds".to_string(),
        spec_name: "bounds.yaml".to_string(),
        lints: Default::default(),
    };
    let without_header = |source: &str| {
        let generated =
            crate::generate(source, &options).unwrap_or_else(|problems| panic!("{problems}"));
        generated
            .files
            .into_iter()
            .map(|f| {
                (
                    f.path,
                    f.contents
                        .split_once('\n')
                        .map(|(_, rest)| rest.to_string()),
                )
            })
            .collect::<Vec<_>>()
    };
    let small = without_header(&bounded("1", "100", "5"));
    for (minimum, maximum) in [
        ("-18446744073709551616", "18446744073709551615"),
        ("-1e30", "1180591620717411303424"),
    ] {
        let json_like = bounded(minimum, maximum, "5");
        assert_eq!(without_header(&json_like), small, "{minimum} {maximum}");
    }
}

#[test]
fn unreadable_files_are_problems_not_panics() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let missing = read_spec(&dir.path().join("missing.yaml")).expect_err("missing file");
    assert!(
        missing.0[0].message.starts_with("cannot read "),
        "{missing}"
    );

    let latin1 = dir.path().join("latin1.yaml");
    std::fs::write(&latin1, b"openapi: 3.0.3\ninfo:\n  title: caf\xe9\n").expect("write fixture");
    let invalid = read_spec(&latin1).expect_err("invalid UTF-8");
    assert!(
        invalid.0[0]
            .message
            .ends_with("is not valid UTF-8: byte 0xe9 at byte offset 33"),
        "{invalid}"
    );
    assert_eq!(invalid.0[0].line, Some(3));
}

#[test]
fn read_spec_reads_a_spec() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("spec.yaml");
    std::fs::write(&path, VALID).expect("write spec");
    assert_eq!(read_spec(&path), Ok(VALID.to_string()));
}

#[test]
fn deeply_nested_documents_are_refused_without_overflowing() {
    let depth = 20_000;
    let json = format!(
        "{{\"openapi\": \"3.0.3\", \"x\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert!(parse(&json).is_err());
    let yaml = format!(
        "openapi: 3.0.3\nx:\n{}",
        (1..400)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect::<String>()
    );
    assert!(parse(&yaml).is_err());
}

#[test]
fn no_input_prefix_panics_the_loader_or_the_checker() {
    let mut texts = bad_fixtures();
    texts.push(VALID.to_string());
    for text in &texts {
        // Cut at every line end, key separator and quote: where truncation changes structure.
        let cuts = text
            .char_indices()
            .filter(|(_, c)| matches!(c, '\n' | ':' | '"' | '[' | '{'))
            .map(|(i, _)| i);
        for end in cuts {
            if let Ok(spec) = parse(&text[..end]) {
                let _ = check::check(&spec);
            }
        }
    }
}

#[test]
fn mangled_inputs_do_not_panic() {
    let replacements = [
        ("type: object", "type: [object]"),
        ("$ref", "$re"),
        ("- ", "-"),
        (": ", ":"),
        ("\"", "'"),
        ("  ", " "),
    ];
    for text in bad_fixtures().iter().chain([VALID.to_string()].iter()) {
        for (from, to) in replacements {
            if let Ok(spec) = parse(&text.replace(from, to)) {
                let _ = check::check(&spec);
            }
        }
    }
}
