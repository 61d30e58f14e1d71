//! Operation checks: `operationId`s are unique, and path templates match the
//! declared path parameters.

use std::collections::BTreeMap;

use serde_json::Value;

use super::walk::{parameter_list, Inventory, OperationSite, Site};
use crate::diagnostics::{pointer_join, Code, Diagnostic};

/// Every operationId and path-parameter problem.
pub fn check(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems = operation_ids(inventory);
    for (path, item, pointer) in super::walk::entries(document, "#", "paths") {
        problems.extend(template_syntax(path, &pointer));
        let item_site = Site {
            pointer,
            value: item,
        };
        problems.extend(duplicate_parameters(document, &item_site));
    }
    for operation in &inventory.operations {
        let own = Site {
            pointer: operation.pointer.clone(),
            value: operation.value,
        };
        problems.extend(duplicate_parameters(document, &own));
        problems.extend(path_parameters(document, operation));
    }
    problems
}

/// Duplicate operationIds (a missing one is named by the model, with a warning).
fn operation_ids(inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut first_use: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for operation in &inventory.operations {
        let id = operation
            .value
            .get("operationId")
            .and_then(Value::as_str)
            .filter(|id| !id.trim().is_empty());
        let Some(id) = id else {
            continue;
        };
        match first_use.get(id) {
            Some(first) => problems.push(Diagnostic::new(
                Code::DuplicateOperationId,
                pointer_join(&operation.pointer, "operationId"),
                format!("duplicate operationId {id:?} (also used at {first})"),
            )),
            None => {
                first_use.insert(id, &operation.pointer);
            }
        }
    }
    problems
}

/// The `{name}`s of a path template, in order; an error for unbalanced braces.
pub fn template_names(path: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("has a `}` without a matching `{`".to_string());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("has a `{` without a matching `}`")?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!("has an invalid parameter `{{{name}}}`"));
        }
        names.push(name);
        rest = &after[close + 1..];
    }
    Ok(names)
}

/// Problems with the template text itself: braces, repeated names, a missing leading `/`.
fn template_syntax(path: &str, pointer: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if !path.starts_with('/') {
        problems.push(Diagnostic::new(
            Code::InvalidPath,
            pointer,
            format!("path {path:?} does not start with /"),
        ));
    }
    match template_names(path) {
        Err(why) => problems.push(Diagnostic::new(
            Code::InvalidPath,
            pointer,
            format!("path template {path:?} {why}"),
        )),
        Ok(names) => {
            for (i, name) in names.iter().enumerate() {
                if names[..i].contains(name) {
                    problems.push(Diagnostic::new(
                        Code::InvalidPath,
                        pointer,
                        format!("path template {path:?} uses {{{name}}} more than once"),
                    ));
                }
            }
        }
    }
    problems
}

/// A parameter (same name and location) listed twice in one `parameters` list.
fn duplicate_parameters(document: &Value, holder: &Site<'_>) -> Vec<Diagnostic> {
    let list = parameter_list(document, holder);
    list.iter()
        .enumerate()
        .filter_map(|(i, param)| {
            let first = list[..i]
                .iter()
                .find(|p| (p.name, p.location) == (param.name, param.location))?;
            Some(Diagnostic::new(
                Code::DuplicateParameter,
                param.pointer.clone(),
                format!(
                    "parameter {:?} (in: {}) is declared twice in one list (also at {})",
                    param.name, param.location, first.pointer
                ),
            ))
        })
        .collect()
}

/// Template parameters must be declared with `in: path` and `required: true`; declared path
/// parameters must appear in the template.
fn path_parameters(document: &Value, operation: &OperationSite<'_>) -> Vec<Diagnostic> {
    let Ok(names) = template_names(operation.path) else {
        return Vec::new();
    };
    let declared: Vec<_> = operation
        .parameters(document)
        .into_iter()
        .filter(|p| p.location == "path")
        .collect();
    let mut problems = Vec::new();
    for name in &names {
        if !declared.iter().any(|p| p.name == *name) {
            problems.push(Diagnostic::new(
                Code::UndeclaredPathParameter,
                operation.pointer.clone(),
                format!(
                    "path parameter {{{name}}} of {} is not declared (no parameter with in: path, name: {name})",
                    operation.path
                ),
            ));
        }
    }
    for param in &declared {
        if !names.contains(&param.name) {
            problems.push(Diagnostic::new(
                Code::UnusedPathParameter,
                param.pointer.clone(),
                format!(
                    "path parameter {:?} is declared but {} has no {{{}}}",
                    param.name, operation.path, param.name
                ),
            ));
        }
        if param.value.get("required") != Some(&Value::Bool(true)) {
            problems.push(Diagnostic::new(
                Code::OptionalPathParameter,
                param.pointer.clone(),
                format!("path parameter {:?} must have required: true", param.name),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_are_read_in_order() {
        assert_eq!(template_names("/a/{x}/b/{y}.json"), Ok(vec!["x", "y"]));
        assert_eq!(template_names("/a"), Ok(vec![]));
    }

    #[test]
    fn unbalanced_templates_are_errors() {
        for path in ["/a/{x", "/a/x}", "/a/{}", "/a/{{x}}", "/é/{"] {
            assert!(template_names(path).is_err(), "{path}");
        }
    }
}
