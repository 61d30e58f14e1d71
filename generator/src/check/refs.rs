//! `$ref` resolution: what a reference names, following chains, and the check that every
//! reference (and every security requirement's scheme name) resolves.

use serde_json::Value;

use super::walk::{Inventory, Site};
use crate::diagnostics::{pointer_join, Diagnostic};

/// The value a local reference (`#/...`) names; `None` for external or dangling references.
pub fn target<'a>(document: &'a Value, reference: &str) -> Option<&'a Value> {
    document.pointer(reference.strip_prefix('#')?)
}

/// `value` itself, or the object its chain of `$ref`s ends at; `None` when a reference does not
/// resolve or the chain loops.
pub fn follow<'a>(document: &'a Value, value: &'a Value) -> Option<&'a Value> {
    follow_at(document, value, "").map(|(end, _)| end)
}

/// Like [`follow`], with the pointer of the object reached (`pointer` when `value` is no
/// `$ref`, else the last reference taken).
pub fn follow_at<'a>(
    document: &'a Value,
    value: &'a Value,
    pointer: &str,
) -> Option<(&'a Value, String)> {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => resolve(document, reference)
            .ok()
            .map(|(end, last)| (end, last.to_string())),
        None => Some((value, pointer.to_string())),
    }
}

/// Why a chain of references does not end at an object.
enum Broken<'a> {
    /// This reference names nothing in the document.
    Dangling(&'a str),
    /// The references named, in order, come back to the first repeated one.
    Cycle(Vec<&'a str>),
}

/// The object `reference` names, following further `$ref`s, and the last reference taken.
fn resolve<'a>(
    document: &'a Value,
    reference: &'a str,
) -> Result<(&'a Value, &'a str), Broken<'a>> {
    let mut taken = vec![reference];
    let mut last = reference;
    let mut value = target(document, reference).ok_or(Broken::Dangling(reference))?;
    while let Some(next) = value.get("$ref").and_then(Value::as_str) {
        let repeated = taken.contains(&next);
        taken.push(next);
        if repeated {
            return Err(Broken::Cycle(taken));
        }
        value = target(document, next).ok_or(Broken::Dangling(next))?;
        last = next;
    }
    Ok((value, last))
}

/// One problem per `$ref` that does not resolve or loops, and per security requirement naming
/// a scheme that is not declared.
pub fn check(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems: Vec<Diagnostic> = inventory
        .refs
        .iter()
        .filter_map(|site| {
            let message = match resolve(document, site.target) {
                Ok(_) => return None,
                Err(Broken::Dangling(r)) if !r.starts_with('#') => {
                    format!("unresolved $ref {r:?}: only references within this document (starting with #/) are followed")
                }
                Err(Broken::Dangling(r)) => format!("unresolved $ref {r:?}: nothing is defined at that pointer"),
                Err(Broken::Cycle(refs)) => format!("$ref cycle that never reaches an object: {}", refs.join(" -> ")),
            };
            Some(Diagnostic::new(site.pointer.clone(), message))
        })
        .collect();
    problems.extend(discriminator_mappings(document, inventory));
    problems.extend(security_requirements(document, inventory));
    problems
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
            let Some(reference) = reference.as_str().filter(|r| r.contains('/')) else {
                continue;
            };
            if target(document, reference).is_none() {
                problems.push(Diagnostic::new(
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
                        pointer_join(&requirement_pointer, name),
                        format!("security requirement names {name:?}, which is not in #/components/securitySchemes"),
                    ));
                }
            }
        }
    }
    problems
}
