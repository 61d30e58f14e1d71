//! Bundling specs written over several files, in temporary directories.

use std::path::Path;

use super::super::{load_at, parse, read_spec, LoadedSpec};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// Writes `files` (path, text) under a new temporary directory; the first is the entry.
fn spec_files(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
        std::fs::write(path, text).expect("write a spec file");
    }
    dir
}

fn load(dir: &Path) -> Result<LoadedSpec, Diagnostics> {
    let entry = dir.join("openapi.yaml");
    load_at(&read_spec(&entry)?, &entry)
}

/// The only problem the loader finds in a spec (reported with the checker's, or alone when
/// the document cannot be typed).
fn only_problem(dir: &Path) -> Diagnostic {
    let problems = match load(dir) {
        Ok(spec) => spec.problems,
        Err(problems) => problems.0,
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems[0].clone()
}

const ENTRY: &str = r##"openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets:
    $ref: paths/pets.yaml
components:
  schemas:
    Pet:
      $ref: schemas/pet.yaml
"##;

const PATHS: &str = r##"get:
  operationId: listPets
  responses:
    "200":
      description: ok
      content:
        application/json:
          schema:
            type: array
            items:
              $ref: ../openapi.yaml#/components/schemas/Pet
    default:
      $ref: "../common/errors.json#/responses/Problem"
"##;

const PET: &str = r##"type: object
required: [name]
properties:
  name:
    type: string
  owner:
    $ref: "../common/errors.json#/schemas/Owner"
"##;

const ERRORS: &str = r##"{
  "responses": {
    "Problem": {
      "description": "a problem",
      "content": {"application/json": {"schema": {"$ref": "#/schemas/Error"}}}
    }
  },
  "schemas": {
    "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
    "Owner": {
      "type": "object",
      "properties": {"pets": {"type": "array", "items": {"$ref": "../schemas/pet.yaml"}}}
    }
  }
}
"##;

fn pets() -> tempfile::TempDir {
    spec_files(&[
        ("openapi.yaml", ENTRY),
        ("paths/pets.yaml", PATHS),
        ("schemas/pet.yaml", PET),
        ("common/errors.json", ERRORS),
    ])
}

#[test]
fn objects_from_other_files_are_pulled_in_under_stable_names() {
    let dir = pets();
    let spec = load(dir.path()).unwrap_or_else(|problems| panic!("{problems}"));
    let components = &spec.document["components"];
    // The entry's own name for a whole file; the last pointer token for the others.
    assert_eq!(components["schemas"]["Pet"]["required"][0], "name");
    assert_eq!(
        components["schemas"]["Pet"]["properties"]["owner"]["$ref"],
        "#/components/schemas/Owner"
    );
    // Across files and back: Owner's items name the Pet the entry already named.
    assert_eq!(
        components["schemas"]["Owner"]["properties"]["pets"]["items"]["$ref"],
        "#/components/schemas/Pet"
    );
    assert_eq!(
        components["responses"]["Problem"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Error"
    );
    // The path item is written in place.
    let get = &spec.document["paths"]["/pets"]["get"];
    assert_eq!(get["operationId"], "listPets");
    assert_eq!(
        get["responses"]["default"]["$ref"],
        "#/components/responses/Problem"
    );
    let names: Vec<&String> = components["schemas"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["Pet", "Owner", "Error"]);
}

#[test]
fn lines_and_problems_are_located_in_the_file_they_came_from() {
    let dir = pets();
    let spec = load(dir.path()).unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(
        spec.line_of("#/components/schemas/Pet/properties/owner"),
        Some(6)
    );
    assert_eq!(
        spec.line_of("#/paths/~1pets/get/responses/default"),
        Some(12)
    );
    assert_eq!(
        spec.line_of("#/components/schemas/Owner/properties/pets"),
        Some(12)
    );
    let mut problem = Diagnostic::new(
        Code::UnresolvedRef,
        "#/components/schemas/Error/properties/message",
        "bad",
    );
    spec.locate(&mut problem);
    assert_eq!(
        problem.pointer,
        "common/errors.json#/schemas/Error/properties/message"
    );
    assert_eq!(problem.line, Some(9));
}

#[test]
fn a_missing_file_names_the_ref_its_file_pointer_and_line() {
    let dir = spec_files(&[
        ("openapi.yaml", ENTRY),
        ("paths/pets.yaml", PATHS),
        (
            "schemas/pet.yaml",
            &PET.replace("../common/errors.json", "../common/missing.json"),
        ),
        ("common/errors.json", ERRORS),
    ]);
    let problem = only_problem(dir.path());
    assert_eq!(problem.pointer, "schemas/pet.yaml#/properties/owner/$ref");
    assert_eq!(problem.line, Some(7));
    assert!(
        problem.message.starts_with(
            "cannot read common/missing.json (`$ref` `../common/missing.json#/schemas/Owner`): "
        ),
        "{problem}"
    );
}

#[test]
fn a_bad_pointer_into_another_file_names_the_ref_its_file_pointer_and_line() {
    let dir = spec_files(&[
        ("openapi.yaml", ENTRY),
        ("paths/pets.yaml", PATHS),
        (
            "schemas/pet.yaml",
            &PET.replace("/schemas/Owner", "/schemas/Nobody"),
        ),
        ("common/errors.json", ERRORS),
    ]);
    let problem = only_problem(dir.path());
    assert_eq!(problem.pointer, "schemas/pet.yaml#/properties/owner/$ref");
    assert_eq!(problem.line, Some(7));
    assert_eq!(
        problem.message,
        "`$ref` `../common/errors.json#/schemas/Nobody` names nothing: common/errors.json has no node at `/schemas/Nobody`"
    );
}

#[test]
fn remote_references_are_refused_with_their_file_pointer_and_line() {
    let dir = spec_files(&[
        ("openapi.yaml", ENTRY),
        (
            "paths/pets.yaml",
            &PATHS.replace("../common/errors.json", "https://example.com/errors.json"),
        ),
        ("schemas/pet.yaml", PET),
        ("common/errors.json", ERRORS),
    ]);
    let problem = only_problem(dir.path());
    assert_eq!(
        problem.pointer,
        "paths/pets.yaml#/get/responses/default/$ref"
    );
    assert_eq!(problem.line, Some(13));
    assert!(
        problem.message.starts_with(
            "remote `$ref` `https://example.com/errors.json#/responses/Problem` is not fetched"
        ),
        "{problem}"
    );
}

#[test]
fn syntax_errors_in_another_file_name_that_file_and_line() {
    let dir = spec_files(&[
        ("openapi.yaml", ENTRY),
        ("paths/pets.yaml", PATHS),
        ("schemas/pet.yaml", PET),
        (
            "common/errors.json",
            &ERRORS.replace("\"a problem\",", "\"a problem\""),
        ),
    ]);
    let problem = only_problem(dir.path());
    assert_eq!(problem.pointer, "common/errors.json#");
    assert_eq!(problem.line, Some(5));
    assert!(problem.message.starts_with("invalid JSON: "), "{problem}");
}

#[test]
fn typed_problems_in_another_file_are_located_there() {
    let dir = spec_files(&[
        ("openapi.yaml", ENTRY),
        ("paths/pets.yaml", PATHS),
        (
            "schemas/pet.yaml",
            &PET.replace("required: [name]", "required: 7"),
        ),
        ("common/errors.json", ERRORS),
    ]);
    let problem = only_problem(dir.path());
    assert_eq!(problem.pointer, "schemas/pet.yaml#");
    assert_eq!(problem.line, Some(1));
}

#[test]
fn names_that_collide_are_qualified_by_file() {
    let entry = format!(
        "{ENTRY}    Error:\n      type: string\n    Wrapper:\n      type: object\n      properties:\n        e:\n          $ref: common/errors.json#/schemas/Error\n"
    );
    let dir = spec_files(&[
        ("openapi.yaml", &entry),
        ("paths/pets.yaml", PATHS),
        ("schemas/pet.yaml", PET),
        ("common/errors.json", ERRORS),
    ]);
    let spec = load(dir.path()).unwrap_or_else(|problems| panic!("{problems}"));
    let schemas = &spec.document["components"]["schemas"];
    assert_eq!(schemas["Error"]["type"], "string");
    assert_eq!(
        schemas["Wrapper"]["properties"]["e"]["$ref"],
        "#/components/schemas/errors_Error"
    );
    assert_eq!(schemas["errors_Error"]["type"], "object");
}

#[test]
fn text_without_a_file_cannot_name_other_files() {
    let problems = Diagnostics(parse(ENTRY).expect("loads").problems);
    let located: Vec<_> = problems
        .0
        .iter()
        .map(|p| (p.pointer.as_str(), p.line))
        .collect();
    assert_eq!(
        located,
        [
            ("#/components/schemas/Pet/$ref", Some(9)),
            ("#/paths/~1pets/$ref", Some(5))
        ]
    );
    for problem in &problems.0 {
        assert!(
            problem.message.contains("needs the spec's own location"),
            "{problem}"
        );
    }
}

#[test]
fn path_items_that_loop_are_refused() {
    let dir = spec_files(&[
        (
            "openapi.yaml",
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: a.yaml\n",
        ),
        ("a.yaml", "$ref: b.yaml\n"),
        ("b.yaml", "$ref: a.yaml\n"),
    ]);
    let problem = only_problem(dir.path());
    assert_eq!(problem.pointer, "b.yaml#/$ref");
    assert!(problem.message.contains("loops back"), "{problem}");
}
