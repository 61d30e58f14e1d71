//! Schema mistakes openapiv3 lets through: an unknown `type`, an array without `items`. (A
//! `required` name that is not a property is the model's: it becomes a `serde_json::Value` field.)

use serde_json::Value;

use super::walk::Inventory;
use crate::diagnostics::{pointer_join, Code, Diagnostic};

/// The types OpenAPI 3.0 defines.
pub const TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

/// Every such mistake.
pub fn check(inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for schema in &inventory.schemas {
        let kind = schema.value.get("type");
        match kind.and_then(Value::as_str) {
            Some(name) if !TYPES.contains(&name) => problems.push(Diagnostic::new(
                Code::InvalidSchema,
                pointer_join(&schema.pointer, "type"),
                format!(
                    "unknown type {name:?} (OpenAPI 3.0 types: {})",
                    TYPES.join(", ")
                ),
            )),
            Some("array") if schema.value.get("items").is_none() => problems.push(Diagnostic::new(
                Code::InvalidSchema,
                schema.pointer.clone(),
                "type: array without `items` (OpenAPI 3.0 requires it)",
            )),
            _ => {}
        }
    }
    problems
}
