//! The check that every reference resolves to an object (no dangling `$ref`, no loop), that
//! discriminator mappings resolve, and that security requirements name declared schemes.

use std::collections::HashMap;

use serde_json::Value;

use super::refs::{resolve_with, target, Broken};
use super::walk::{Inventory, Site};
use crate::diagnostics::{pointer_join, Code, Diagnostic};

/// References of a loop named in its message; longer loops are cut short.
const MAX_REFS_SHOWN: usize = 8;

/// One problem per `$ref` that does not resolve or loops, and per security requirement naming
/// a scheme that is not declared.
pub fn check(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut known = HashMap::new();
    let mut problems: Vec<Diagnostic> = inventory
        .refs
        .iter()
        .filter_map(|site| {
            let (code, message) = match resolve_with(document, site.target, &mut known) {
                Ok(_) => return None,
                // A reference to another file the loader could not pull in: it said why.
                Err(Broken::Dangling(r)) if !r.starts_with('#') => return None,
                Err(Broken::Dangling(r)) => (
                    Code::UnresolvedRef,
                    format!("unresolved $ref {r:?}: nothing is defined at that pointer"),
                ),
                Err(Broken::Cycle { refs, at }) => (
                    Code::RefCycle,
                    format!(
                        "$ref cycle that never reaches an object: {}",
                        cycle_text(site.target, &refs, at)
                    ),
                ),
            };
            Some(Diagnostic::new(code, site.pointer.clone(), message))
        })
        .collect();
    problems.extend(discriminator_mappings(document, inventory));
    problems.extend(security_requirements(document, inventory));
    problems
}

/// `A -> B -> A` for a loop entered at `A` (position `at` in `refs`), `X -> … -> A -> B -> A`
/// for a chain from `X` that runs into it; long loops show their first references only.
fn cycle_text(first: &str, refs: &[&str], at: Option<usize>) -> String {
    let start = at.unwrap_or(0);
    let shown: Vec<&str> = refs
        .iter()
        .cycle()
        .skip(start)
        .take(refs.len().min(MAX_REFS_SHOWN))
        .copied()
        .collect();
    let mut text = shown.join(" -> ");
    if refs.len() > shown.len() {
        text.push_str(&format!(" -> … ({} more)", refs.len() - shown.len()));
    }
    if let Some(again) = shown.first() {
        text.push_str(&format!(" -> {again}"));
    }
    match at {
        Some(_) => text,
        None => format!("{first} -> … -> {text}"),
    }
}

/// Discriminator `mapping` values written as references must resolve.
fn discriminator_mappings(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for schema in &inventory.schemas {
        let Some(mapping) = schema
            .value
            .pointer("/discriminator/mapping")
            .and_then(Value::as_object)
        else {
            continue;
        };
        let mapping_pointer =
            pointer_join(&pointer_join(&schema.pointer, "discriminator"), "mapping");
        for (tag, reference) in mapping {
            // References to other files are the loader's (it reports those it cannot pull in).
            let Some(reference) = reference
                .as_str()
                .filter(|r| r.starts_with('#') && r.contains('/'))
            else {
                continue;
            };
            if target(document, reference).is_none() {
                problems.push(Diagnostic::new(
                    Code::UnresolvedRef,
                    pointer_join(&mapping_pointer, tag),
                    format!("unresolved $ref {reference:?} in discriminator mapping"),
                ));
            }
        }
    }
    problems
}

/// Security requirements (top level and per operation) must name declared schemes.
fn security_requirements(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let declared = document
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object);
    let root = Site {
        pointer: "#".to_string(),
        value: document,
    };
    let holders = std::iter::once(root).chain(inventory.operations.iter().map(|op| Site {
        pointer: op.pointer.clone(),
        value: op.value,
    }));
    let mut problems = Vec::new();
    for holder in holders {
        let Some(requirements) = holder.value.get("security").and_then(Value::as_array) else {
            continue;
        };
        let list_pointer = pointer_join(&holder.pointer, "security");
        for (i, requirement) in requirements.iter().enumerate() {
            let requirement_pointer = pointer_join(&list_pointer, &i.to_string());
            for name in requirement.as_object().into_iter().flat_map(|m| m.keys()) {
                if !declared.is_some_and(|d| d.contains_key(name)) {
                    problems.push(Diagnostic::new(
                        Code::UndeclaredSecurityScheme,
                        pointer_join(&requirement_pointer, name),
                        format!("security requirement names {name:?}, which is not in #/components/securitySchemes"),
                    ));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::super::refs::resolve;
    use super::*;
    use serde_json::json;

    /// Schemas `S0`..`S{count-1}`, each a `$ref` to the next; the last to `S{last}`.
    fn chain(count: usize, last: usize) -> Value {
        let schemas: serde_json::Map<String, Value> = (0..count)
            .map(|i| {
                let next = if i + 1 < count { i + 1 } else { last };
                (
                    format!("S{i}"),
                    json!({ "$ref": format!("#/components/schemas/S{next}") }),
                )
            })
            .collect();
        json!({ "components": { "schemas": schemas } })
    }

    fn cycle_message(document: &Value, reference: &str) -> String {
        match resolve(document, reference) {
            Err(Broken::Cycle { refs, at }) => cycle_text(reference, &refs, at),
            _ => panic!("{reference} is not in a cycle"),
        }
    }

    #[test]
    fn a_cycle_is_named_from_the_reference_that_enters_it() {
        let document = chain(3, 1);
        let s = |i: usize| format!("#/components/schemas/S{i}");
        assert_eq!(
            cycle_message(&document, &s(1)),
            format!("{} -> {} -> {}", s(1), s(2), s(1))
        );
        assert_eq!(
            cycle_message(&document, &s(0)),
            format!("{} -> … -> {} -> {} -> {}", s(0), s(1), s(2), s(1))
        );
    }

    #[test]
    fn a_long_cycle_is_named_briefly_and_each_reference_is_remembered() {
        let document = chain(10_000, 0);
        let message = cycle_message(&document, "#/components/schemas/S5000");
        assert!(
            message.starts_with("#/components/schemas/S5000 -> #/components/schemas/S5001 ->"),
            "{message}"
        );
        assert!(
            message.ends_with("-> … (9992 more) -> #/components/schemas/S5000"),
            "{message}"
        );
        let references: Vec<String> = (0..10_000)
            .map(|i| format!("#/components/schemas/S{i}"))
            .collect();
        let mut known = HashMap::new();
        for reference in &references {
            assert!(resolve_with(&document, reference, &mut known).is_err());
        }
        assert_eq!(known.len(), 10_000);
    }
}
