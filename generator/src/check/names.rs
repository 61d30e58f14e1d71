//! Names that collide after case conversion: two spec names that would become one Rust name.

use std::collections::BTreeMap;

use serde_json::Value;

use super::refs;
use super::walk::{entries, Inventory};
use crate::diagnostics::{pointer_join, Diagnostic};
use crate::model::names::{field_name, type_name, variant_name};

/// allOf nesting followed when gathering the properties of one merged schema.
const MAX_ALL_OF_DEPTH: usize = 64;

/// A spec name, what it is, and where it is written.
struct Named<'a> {
    /// The name as written.
    name: String,
    /// What it is, for messages, e.g. `schema "Flag"`.
    label: String,
    /// Where it is.
    pointer: String,
    /// Names with the same identity are the same thing (a tag used twice), not a collision.
    identity: &'a str,
}

/// Every collision, reported at each later name with the first name's pointer.
pub fn check(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let schemas: Vec<Named> = entries(
        document.get("components").unwrap_or(&Value::Null),
        "#/components",
        "schemas",
    )
    .into_iter()
    .map(|(name, _, pointer)| named(name, format!("schema {name:?}"), pointer))
    .collect();
    problems.extend(collisions(&schemas, type_name, "Rust type"));

    let operation_ids: Vec<Named> = inventory
        .operations
        .iter()
        .filter_map(|op| {
            let id = op.value.get("operationId")?.as_str()?;
            Some(named(
                id,
                format!("operationId {id:?}"),
                pointer_join(&op.pointer, "operationId"),
            ))
        })
        .collect();
    problems.extend(collisions(&operation_ids, field_name, "method"));
    problems.extend(collisions(&operation_ids, type_name, "Rust type"));

    problems.extend(collisions(&tags(document, inventory), field_name, "module"));

    for operation in &inventory.operations {
        let params: Vec<Named> = operation
            .parameters(document)
            .into_iter()
            .map(|p| Named {
                name: p.name.to_string(),
                label: format!("{} parameter {:?}", p.location, p.name),
                pointer: p.pointer,
                identity: p.location,
            })
            .collect();
        problems.extend(collisions(&params, field_name, "builder method"));
    }

    for schema in &inventory.schemas {
        let properties = merged_properties(document, schema.value, &schema.pointer);
        problems.extend(collisions(&properties, field_name, "field"));
        problems.extend(collisions(
            &enum_values(schema.value, &schema.pointer),
            variant_name,
            "enum variant",
        ));
    }
    problems
}

/// A name whose identity is the name itself.
fn named<'a>(name: &str, label: String, pointer: String) -> Named<'a> {
    Named {
        name: name.to_string(),
        label,
        pointer,
        identity: "",
    }
}

/// Reports names (different as written, or of a different identity) that convert to the same
/// Rust name; `what` says what the Rust name is.
fn collisions(names: &[Named<'_>], convert: fn(&str) -> String, what: &str) -> Vec<Diagnostic> {
    let mut first: BTreeMap<String, &Named> = BTreeMap::new();
    let mut problems = Vec::new();
    for item in names {
        let rust = convert(&item.name);
        match first.get(&rust) {
            None => {
                first.insert(rust, item);
            }
            Some(earlier)
                if (earlier.name.as_str(), earlier.identity)
                    == (item.name.as_str(), item.identity) => {}
            Some(earlier) => problems.push(Diagnostic::new(
                item.pointer.clone(),
                format!(
                    "name collision: {} and {} (at {}) both become the {what} `{rust}`",
                    item.label, earlier.label, earlier.pointer
                ),
            )),
        }
    }
    problems
}

/// Tag names: the top-level list, then each operation's tags.
fn tags<'a>(document: &Value, inventory: &Inventory<'_>) -> Vec<Named<'a>> {
    let declared = super::walk::items(document, "#", "tags")
        .into_iter()
        .filter_map(|(tag, pointer)| {
            Some((tag.get("name")?.as_str()?, pointer_join(&pointer, "name")))
        });
    let used = inventory.operations.iter().flat_map(|op| {
        super::walk::items(op.value, &op.pointer, "tags")
            .into_iter()
            .filter_map(|(tag, pointer)| Some((tag.as_str()?, pointer)))
    });
    declared
        .chain(used)
        .map(|(name, pointer)| named(name, format!("tag {name:?}"), pointer))
        .collect()
}

/// The properties of a schema and of every allOf part it merges (through `$ref`s), each once.
fn merged_properties<'a>(document: &Value, schema: &Value, pointer: &str) -> Vec<Named<'a>> {
    let mut names: Vec<Named> = Vec::new();
    let mut pending = vec![(schema, pointer.to_string(), 0)];
    let mut visited: Vec<*const Value> = Vec::new();
    while let Some((part, part_pointer, depth)) = pending.pop() {
        let Some((part, part_pointer)) = refs::follow_at(document, part, &part_pointer) else {
            continue;
        };
        if depth > MAX_ALL_OF_DEPTH || visited.contains(&(part as *const Value)) {
            continue;
        }
        visited.push(part);
        for (name, _, property_pointer) in entries(part, &part_pointer, "properties") {
            if !names.iter().any(|n| n.name == name) {
                names.push(named(name, format!("property {name:?}"), property_pointer));
            }
        }
        let parts = super::walk::items(part, &part_pointer, "allOf");
        pending.extend(
            parts
                .into_iter()
                .rev()
                .map(|(sub, sub_pointer)| (sub, sub_pointer, depth + 1)),
        );
    }
    names
}

/// String and integer enum values (they become variants).
fn enum_values<'a>(schema: &Value, pointer: &str) -> Vec<Named<'a>> {
    super::walk::items(schema, pointer, "enum")
        .into_iter()
        .filter_map(|(value, value_pointer)| {
            let name = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some(named(&name, format!("enum value {value}"), value_pointer))
        })
        .collect()
}
