//! Every `example` in the spec, validated against its schema: schema examples, media type
//! `example` and `examples[*].value`, parameter and header examples.

mod formats;
mod validate;

use serde_json::Value;

use super::refs;
use super::walk::{entries, Inventory, Site};
use crate::diagnostics::{pointer_join, Code, Diagnostic};

use validate::validate;

/// Finds the line of a pointer.
pub type LineOf<'l> = &'l dyn Fn(&str) -> Option<usize>;

/// One problem per mismatch, at the example's pointer, on the line of the offending value
/// inside the example where `line_of` knows it.
pub fn check(document: &Value, inventory: &Inventory<'_>, line_of: LineOf<'_>) -> Vec<Diagnostic> {
    let report = |schema: &Value, example: &Value, pointer: &str| -> Vec<Diagnostic> {
        validate(document, schema, example)
            .into_iter()
            .map(|m| {
                let mut problem = Diagnostic::new(
                    Code::ExampleMismatch,
                    pointer,
                    format!("example value at {}: {}", m.path, m.message),
                );
                problem.line = line_of(&format!("{pointer}{}", m.pointer));
                problem
            })
            .collect()
    };
    let mut problems = Vec::new();
    for schema in &inventory.schemas {
        if let Some(example) = schema.value.get("example") {
            problems.extend(report(
                schema.value,
                example,
                &pointer_join(&schema.pointer, "example"),
            ));
        }
    }
    let holders = inventory
        .media_types
        .iter()
        .chain(&inventory.parameters)
        .chain(&inventory.headers);
    for holder in holders {
        let Some(schema) = holder.value.get("schema") else {
            continue;
        };
        for (example, pointer) in examples_of(document, holder) {
            problems.extend(report(schema, example, &pointer));
        }
    }
    problems
}

/// The `example` and each `examples[*].value` of a media type, parameter or header (example
/// objects given by `$ref` are located where they are defined).
fn examples_of<'a>(document: &'a Value, holder: &Site<'a>) -> Vec<(&'a Value, String)> {
    let mut found = Vec::new();
    if let Some(example) = holder.value.get("example") {
        found.push((example, pointer_join(&holder.pointer, "example")));
    }
    for (_, example, pointer) in entries(holder.value, &holder.pointer, "examples") {
        let Some((example, pointer)) = refs::follow_at(document, example, &pointer) else {
            continue;
        };
        if let Some(value) = example.get("value") {
            found.push((value, pointer_join(&pointer, "value")));
        }
    }
    found
}
