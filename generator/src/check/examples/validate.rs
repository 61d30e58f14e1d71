//! Validates one JSON value against an OpenAPI 3.0 schema, naming each mismatch by its JSON
//! path inside the value (`$.data.attributes.status`).
//!
//! Follows `$ref`; merges `allOf` (all parts apply, their properties are known together);
//! `oneOf`/`anyOf` need at least one matching alternative; checks nullable, type, enum,
//! format, bounds, required and unknown properties (an error unless `additionalProperties`
//! allows them). Every schema applied to one value is remembered, so `$ref` and `allOf` cycles
//! end, and a work budget bounds pathological specs.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::formats;
use crate::check::refs;
use crate::diagnostics::escape_token;

/// Schemas applied per validation at most; past it, validation stops quietly.
const BUDGET: usize = 100_000;

/// Schemas applied inside one another at most (nested values, and alternatives of
/// alternatives); deeper, validation stops quietly, so a long chain of `oneOf`s cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Longest rendering of a value in a message.
const MAX_SHOWN: usize = 80;

/// One way the value does not fit the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// JSON path inside the value, e.g. `$.data[0].id`.
    pub path: String,
    /// The same place as a JSON pointer relative to the value, e.g. `/data/0/id`.
    pub pointer: String,
    /// What is wrong there.
    pub message: String,
}

/// Every mismatch of `value` against `schema`, resolving references in `document`.
pub fn validate(document: &Value, schema: &Value, value: &Value) -> Vec<Mismatch> {
    let mut run = Run {
        document,
        mismatches: Vec::new(),
        budget: BUDGET,
        depth: 0,
    };
    run.value(schema, value, &At::root(), &Context::default());
    run.mismatches
}

/// What applies to the current value beyond its own schema.
#[derive(Default, Clone)]
struct Context<'a> {
    /// Schemas already applied to this same value (cycle guard).
    applied: Vec<&'a Value>,
    /// Property names known from enclosing schemas (for oneOf/anyOf alternatives).
    inherited: Vec<&'a str>,
}

/// One validation in progress.
struct Run<'a> {
    document: &'a Value,
    mismatches: Vec<Mismatch>,
    budget: usize,
    /// Schemas being applied inside one another now.
    depth: usize,
}

impl<'a> Run<'a> {
    /// Checks `value` at `path` against `schema`.
    fn value(&mut self, schema: &'a Value, value: &Value, path: &At, context: &Context<'a>) {
        let parts = self.parts(schema, &context.applied);
        self.parts_apply(&parts, value, path, context);
    }

    /// The non-reference schemas that all apply when `schema` does: itself, its `$ref` target,
    /// and its `allOf` parts, recursively, each once and none of `applied`.
    fn parts(&self, schema: &'a Value, applied: &[&'a Value]) -> Vec<&'a Value> {
        let mut seen: HashSet<*const Value> = applied.iter().map(|&s| s as *const Value).collect();
        let mut pending = vec![schema];
        let mut parts = Vec::new();
        while let Some(next) = pending.pop() {
            if !seen.insert(next) {
                continue;
            }
            if let Some(reference) = next.get("$ref").and_then(Value::as_str) {
                pending.extend(refs::target(self.document, reference));
                continue;
            }
            parts.push(next);
            if let Some(all_of) = next.get("allOf").and_then(Value::as_array) {
                pending.extend(all_of.iter().rev());
            }
        }
        parts
    }

    /// Checks `value` against every part, within the budget and the depth bound.
    fn parts_apply(
        &mut self,
        parts: &[&'a Value],
        value: &Value,
        path: &At,
        context: &Context<'a>,
    ) {
        if parts.is_empty() || self.budget == 0 || self.depth == MAX_DEPTH {
            return;
        }
        self.budget -= 1;
        self.depth += 1;
        self.check_parts(parts, value, path, context);
        self.depth -= 1;
    }

    /// Checks `value` against every part.
    fn check_parts(
        &mut self,
        parts: &[&'a Value],
        value: &Value,
        path: &At,
        context: &Context<'a>,
    ) {
        if value.is_null() {
            if !accepts_null(parts) {
                self.mismatch(
                    path,
                    "null is not allowed (the schema is not nullable)".to_string(),
                );
            }
            return;
        }
        for part in parts {
            if let Some(kind) = part.get("type").and_then(Value::as_str) {
                if !has_type(kind, value) {
                    self.mismatch(path, format!("expected {kind}, found {}", shown(value)));
                    return;
                }
            }
        }
        for part in parts {
            self.scalar_rules(part, value, path);
        }
        match value {
            Value::Array(elements) => self.elements(parts, elements, path),
            Value::Object(map) => self.object(parts, map, path, context),
            _ => {}
        }
        self.alternatives(parts, value, path, context);
    }

    /// enum, format and bounds of one part.
    fn scalar_rules(&mut self, part: &Value, value: &Value, path: &At) {
        if let Some(allowed) = part.get("enum").and_then(Value::as_array) {
            if !allowed.contains(value) {
                let list: Vec<String> = allowed.iter().map(shown).collect();
                self.mismatch(
                    path,
                    format!("{} is not one of [{}]", shown(value), list.join(", ")),
                );
            }
        }
        if let Some(format) = part.get("format").and_then(Value::as_str) {
            if let Some(why) = formats::mismatch(format, value) {
                self.mismatch(path, format!("{} {why}", shown(value)));
            }
        }
        for why in bounds(part, value) {
            self.mismatch(path, format!("{} {why}", shown(value)));
        }
    }

    /// Each element against every part's `items`.
    fn elements(&mut self, parts: &[&'a Value], elements: &[Value], path: &At) {
        for items in parts.iter().filter_map(|p| p.get("items")) {
            for (i, element) in elements.iter().enumerate() {
                self.value(items, element, &path.index(i), &Context::default());
            }
        }
    }

    /// required, declared properties, and the properties no part declares.
    fn object(
        &mut self,
        parts: &[&'a Value],
        map: &Map<String, Value>,
        path: &At,
        context: &Context<'a>,
    ) {
        for part in parts {
            for name in part
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(name) = name.as_str().filter(|n| !map.contains_key(*n)) {
                    self.mismatch(path, format!("required property {name:?} is missing"));
                }
            }
        }
        let declared_anywhere = parts.iter().any(|p| p.get("properties").is_some());
        let has_alternatives = parts
            .iter()
            .any(|p| p.get("oneOf").is_some() || p.get("anyOf").is_some());
        let extra: Vec<&'a Value> = parts
            .iter()
            .filter_map(|p| p.get("additionalProperties"))
            .collect();
        for (name, property) in map {
            let child = path.key(name);
            let declarations: Vec<&'a Value> = parts
                .iter()
                .filter_map(|p| p.get("properties").and_then(|ps| ps.get(name)))
                .collect();
            for declaration in &declarations {
                self.value(declaration, property, &child, &Context::default());
            }
            if !declarations.is_empty() || context.inherited.contains(&name.as_str()) {
                continue;
            }
            if extra.contains(&&Value::Bool(false)) {
                self.mismatch(
                    &child,
                    "unknown property (additionalProperties: false)".to_string(),
                );
            } else if extra.iter().any(|e| e.is_object()) {
                for schema in extra.iter().filter(|e| e.is_object()) {
                    self.value(schema, property, &child, &Context::default());
                }
            } else if extra.is_empty() && declared_anywhere && !has_alternatives {
                self.mismatch(
                    &child,
                    "unknown property (not in the schema's properties)".to_string(),
                );
            }
        }
    }

    /// oneOf / anyOf: at least one alternative must match.
    fn alternatives(
        &mut self,
        parts: &[&'a Value],
        value: &Value,
        path: &At,
        context: &Context<'a>,
    ) {
        let mut inner = context.clone();
        inner.applied.extend(parts.iter().copied());
        inner.inherited.extend(
            parts
                .iter()
                .filter_map(|p| p.get("properties").and_then(Value::as_object))
                .flat_map(|m| m.keys())
                .map(String::as_str),
        );
        for keyword in ["oneOf", "anyOf"] {
            for alternatives in parts
                .iter()
                .filter_map(|p| p.get(keyword).and_then(Value::as_array))
            {
                self.one_alternative(keyword, alternatives, value, path, &inner);
            }
        }
    }

    /// Records a mismatch unless some alternative matches; names the closest alternative.
    fn one_alternative(
        &mut self,
        keyword: &str,
        alternatives: &'a [Value],
        value: &Value,
        path: &At,
        inner: &Context<'a>,
    ) {
        let outer = std::mem::take(&mut self.mismatches);
        let mut closest: Option<(usize, Vec<Mismatch>)> = None;
        for (i, alternative) in alternatives.iter().enumerate() {
            let parts = self.parts(alternative, &inner.applied);
            if parts.is_empty() {
                continue;
            }
            self.parts_apply(&parts, value, path, inner);
            let found = std::mem::take(&mut self.mismatches);
            if found.is_empty() {
                self.mismatches = outer;
                return;
            }
            if closest
                .as_ref()
                .is_none_or(|(_, best)| found.len() < best.len())
            {
                closest = Some((i, found));
            }
        }
        self.mismatches = outer;
        let why = match closest
            .as_ref()
            .and_then(|(i, found)| Some((i, found.first()?)))
        {
            Some((i, first)) => format!(
                "; closest is alternative {i}: at {}: {}",
                first.path, first.message
            ),
            None => String::new(),
        };
        self.mismatch(
            path,
            format!("matches none of the {keyword} alternatives{why}"),
        );
    }

    fn mismatch(&mut self, path: &At, message: String) {
        self.mismatches.push(Mismatch {
            path: path.json.clone(),
            pointer: path.pointer.clone(),
            message,
        });
    }
}

/// Null fits when a part is nullable, or when no part constrains the value's kind.
fn accepts_null(parts: &[&Value]) -> bool {
    let nullable = parts
        .iter()
        .any(|p| p.get("nullable") == Some(&Value::Bool(true)));
    let constrained = ["type", "enum", "properties", "items", "oneOf", "anyOf"];
    nullable
        || parts
            .iter()
            .all(|p| constrained.iter().all(|k| p.get(k).is_none()))
}

/// Whether `value` is of the OpenAPI type `kind` (unknown types are reported elsewhere).
fn has_type(kind: &str, value: &Value) -> bool {
    match kind {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    }
}

/// minimum/maximum (and exclusive forms), minLength/maxLength, minItems/maxItems.
fn bounds(part: &Value, value: &Value) -> Vec<String> {
    let limit = |key: &str| part.get(key).and_then(Value::as_f64);
    let exclusive = |key: &str| part.get(key) == Some(&Value::Bool(true));
    let mut problems = Vec::new();
    if let Some(n) = value.as_f64() {
        if let Some(min) = limit("minimum") {
            if n < min || (exclusive("exclusiveMinimum") && n == min) {
                problems.push(format!("is below the minimum {min}"));
            }
        }
        if let Some(max) = limit("maximum") {
            if n > max || (exclusive("exclusiveMaximum") && n == max) {
                problems.push(format!("is above the maximum {max}"));
            }
        }
    }
    let size = match value {
        Value::String(s) => Some((s.chars().count(), "minLength", "maxLength", "characters")),
        Value::Array(a) => Some((a.len(), "minItems", "maxItems", "items")),
        _ => None,
    };
    if let Some((len, min_key, max_key, unit)) = size {
        let len_f = len as f64;
        if let Some(min) = limit(min_key).filter(|&min| len_f < min) {
            problems.push(format!("has {len} {unit}, fewer than {min_key} {min}"));
        }
        if let Some(max) = limit(max_key).filter(|&max| len_f > max) {
            problems.push(format!("has {len} {unit}, more than {max_key} {max}"));
        }
    }
    problems
}

/// A place inside the validated value, as a JSON path and as a relative JSON pointer.
struct At {
    json: String,
    pointer: String,
}

impl At {
    /// The value itself: `$`.
    fn root() -> Self {
        At {
            json: "$".to_string(),
            pointer: String::new(),
        }
    }

    /// Property `name`: `$.name`, or `$["name"]` when the name is not identifier-like.
    fn key(&self, name: &str) -> At {
        let plain = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let json = if plain {
            format!("{}.{name}", self.json)
        } else {
            format!("{}[{}]", self.json, Value::from(name))
        };
        At {
            json,
            pointer: format!("{}/{}", self.pointer, escape_token(name)),
        }
    }

    /// Element `i`: `$[i]`.
    fn index(&self, i: usize) -> At {
        At {
            json: format!("{}[{i}]", self.json),
            pointer: format!("{}/{i}", self.pointer),
        }
    }
}

/// A value as JSON, shortened for messages.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= MAX_SHOWN {
        return text;
    }
    let cut: String = text.chars().take(MAX_SHOWN).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn document() -> Value {
        json!({ "components": { "schemas": {
            "Status": { "type": "string", "enum": ["active", "archived"] },
            "Base": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "format": "uuid" } } },
            "Flag": { "allOf": [
                { "$ref": "#/components/schemas/Base" },
                { "type": "object", "properties": {
                    "status": { "$ref": "#/components/schemas/Status" },
                    "note": { "type": "string", "nullable": true },
                    "count": { "type": "integer", "format": "int32", "minimum": 0 }
                } }
            ] },
            "Node": { "type": "object", "properties": { "next": { "$ref": "#/components/schemas/Node" } } },
            "Loop": { "allOf": [ { "$ref": "#/components/schemas/Loop" } ] },
            "Pet": { "oneOf": [
                { "type": "object", "required": ["bark"], "properties": { "bark": { "type": "boolean" } } },
                { "type": "object", "required": ["meow"], "properties": { "meow": { "type": "boolean" } } }
            ] },
            "Tags": { "type": "object", "additionalProperties": { "type": "string" } },
            "Closed": { "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false }
        } } })
    }

    fn check(schema: &str, value: Value) -> Vec<String> {
        let document = document();
        let schema = json!({ "$ref": format!("#/components/schemas/{schema}") });
        validate(&document, &schema, &value)
            .into_iter()
            .map(|m| format!("{}: {}", m.path, m.message))
            .collect()
    }

    #[test]
    fn a_valid_all_of_example_passes() {
        let id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        assert_eq!(
            check(
                "Flag",
                json!({ "id": id, "status": "active", "note": null, "count": 3 })
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn enum_values_are_named_with_their_path() {
        let id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        assert_eq!(
            check("Flag", json!({ "id": id, "status": "paused" })),
            vec![r#"$.status: "paused" is not one of ["active", "archived"]"#]
        );
    }

    #[test]
    fn required_types_formats_and_bounds_are_checked() {
        let found = check("Flag", json!({ "count": -1, "note": 5 }));
        assert!(
            found.contains(&r#"$: required property "id" is missing"#.to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"$.count: -1 is below the minimum 0".to_string()),
            "{found:?}"
        );
        assert!(
            found.contains(&"$.note: expected string, found 5".to_string()),
            "{found:?}"
        );
        let found = check("Flag", json!({ "id": "nope", "count": 3000000000_i64 }));
        assert!(
            found
                .iter()
                .any(|f| f.starts_with(r#"$.id: "nope" is not a uuid"#)),
            "{found:?}"
        );
        assert!(
            found.iter().any(|f| f.contains("out of the int32 range")),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_properties_are_errors_unless_additional_properties_allow_them() {
        let id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        assert_eq!(
            check("Flag", json!({ "id": id, "colour": "red" })),
            vec!["$.colour: unknown property (not in the schema's properties)"]
        );
        assert_eq!(
            check("Tags", json!({ "team": "a", "n": 1 })),
            vec!["$.n: expected string, found 1"]
        );
        assert_eq!(
            check("Closed", json!({ "b": 1 })),
            vec!["$.b: unknown property (additionalProperties: false)"]
        );
        assert_eq!(check("Closed", json!({ "a": "x" })), Vec::<String>::new());
    }

    #[test]
    fn null_needs_nullable() {
        assert_eq!(
            check("Status", json!(null)),
            vec!["$: null is not allowed (the schema is not nullable)"]
        );
    }

    #[test]
    fn one_of_needs_one_matching_alternative() {
        assert_eq!(check("Pet", json!({ "bark": true })), Vec::<String>::new());
        let found = check("Pet", json!({ "purr": true }));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .starts_with("$: matches none of the oneOf alternatives; closest is alternative 0"),
            "{found:?}"
        );
    }

    #[test]
    fn recursive_schemas_and_ref_cycles_terminate() {
        assert_eq!(
            check("Node", json!({ "next": { "next": { "next": {} } } })),
            Vec::<String>::new()
        );
        assert_eq!(
            check("Node", json!({ "next": { "next": 1 } })),
            vec!["$.next.next: expected object, found 1"]
        );
        assert_eq!(
            check("Loop", json!({ "anything": 1 })),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_chain_of_ten_thousand_one_ofs_ends_without_exhausting_the_stack() {
        let schemas: serde_json::Map<String, Value> = (0..10_000)
            .map(|i| {
                let next = json!({ "$ref": format!("#/components/schemas/S{}", i + 1) });
                (
                    format!("S{i}"),
                    json!({ "oneOf": [next, { "type": "string" }] }),
                )
            })
            .collect();
        let document = json!({ "components": { "schemas": schemas } });
        let schema = json!({ "$ref": "#/components/schemas/S0" });
        let found = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || validate(&document, &schema, &json!(5)))
            .map(|thread| thread.join())
            .expect("thread");
        // Past the depth bound validation stops quietly, as past the work budget.
        assert!(found.is_ok_and(|mismatches| mismatches.len() <= 1));
    }

    #[test]
    fn paths_quote_keys_that_are_not_identifiers_and_index_arrays() {
        let document = json!({});
        let schema = json!({ "type": "object", "properties": { "a-b": { "type": "array", "items": { "type": "integer" } } } });
        let found = validate(&document, &schema, &json!({ "a-b": [1, "x"] }));
        assert_eq!(
            found,
            vec![Mismatch {
                path: r#"$["a-b"][1]"#.to_string(),
                pointer: "/a-b/1".to_string(),
                message: r#"expected integer, found "x""#.to_string()
            }]
        );
    }
}
