//! Schema mistakes openapiv3 lets through: an unknown `type`, an array without `items`, a
//! `required` name that is not a property.

use serde_json::Value;

use super::walk::{items, Inventory};
use crate::diagnostics::{pointer_join, Diagnostic};

/// The types OpenAPI 3.0 defines.
pub const TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

/// Every such mistake.
pub fn check(inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for schema in &inventory.schemas {
        let kind = schema.value.get("type");
        match kind.and_then(Value::as_str) {
            Some(name) if !TYPES.contains(&name) => problems.push(Diagnostic::new(
                pointer_join(&schema.pointer, "type"),
                format!(
                    "unknown type {name:?} (OpenAPI 3.0 types: {})",
                    TYPES.join(", ")
                ),
            )),
            Some("array") if schema.value.get("items").is_none() => problems.push(Diagnostic::new(
                schema.pointer.clone(),
                "type: array without `items` (OpenAPI 3.0 requires it)",
            )),
            _ => {}
        }
        problems.extend(undeclared_required(schema.value, &schema.pointer));
    }
    problems
}

/// `required` names missing from `properties`, for schemas that list their properties alone
/// (no allOf/oneOf/anyOf or additionalProperties that could supply them).
fn undeclared_required(schema: &Value, pointer: &str) -> Vec<Diagnostic> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let open = ["allOf", "oneOf", "anyOf"]
        .iter()
        .any(|k| schema.get(k).is_some())
        || schema
            .get("additionalProperties")
            .is_some_and(|a| a != &Value::Bool(false));
    if open {
        return Vec::new();
    }
    items(schema, pointer, "required")
        .into_iter()
        .filter_map(|(name, name_pointer)| {
            let name = name.as_str()?;
            (!properties.contains_key(name)).then(|| {
                Diagnostic::new(
                    name_pointer,
                    format!("required property {name:?} is not in `properties`"),
                )
            })
        })
        .collect()
}
