//! Typed deserialization into openapiv3, with the failing node located as a JSON pointer.
//!
//! openapiv3 buffers much of the document (untagged `$ref`-or-item enums, flattened
//! extensions), so serde's error path often stops at an ancestor of the real problem. When it
//! does, the nodes below that ancestor are deserialized again one by one, each as the
//! OpenAPI object its position says it is, until the smallest failing node is found.

use openapiv3::OpenAPI;
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::Segment;

use crate::diagnostics::{escape_token, Code, Diagnostic};

/// Upper bound on refinement steps; each step goes at least one level deeper.
const MAX_STEPS: usize = 256;

/// Methods a path item can hold.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Deserializes the (version-checked) document, or says where and why it is not OpenAPI.
pub fn deserialize(document: &Value) -> Result<OpenAPI, Diagnostic> {
    match serde_path_to_error::deserialize::<_, OpenAPI>(document) {
        Ok(openapi) => Ok(openapi),
        Err(error) => {
            let failure = Failure {
                tokens: tokens_of(error.path()),
                message: error.inner().to_string(),
            };
            let failure = refine(document, failure);
            let pointer: String = failure
                .tokens
                .iter()
                .map(|t| format!("/{}", escape_token(t)))
                .collect();
            Err(Diagnostic::new(
                Code::InvalidDocument,
                format!("#{pointer}"),
                format!("invalid OpenAPI document: {}", failure.message),
            ))
        }
    }
}

/// Where deserialization failed (document path tokens) and serde's reason.
struct Failure {
    tokens: Vec<String>,
    message: String,
}

/// The OpenAPI objects a node can be deserialized as on its own.
#[derive(Debug, Clone, Copy)]
enum Kind {
    PathItem,
    Operation,
    Parameter,
    RequestBody,
    Response,
    Header,
    MediaType,
    Schema,
    Example,
    SecurityScheme,
}

/// Goes deeper while some node below the failure fails on its own.
fn refine(document: &Value, mut failure: Failure) -> Failure {
    for _ in 0..MAX_STEPS {
        let Some(node) = node_at(document, &failure.tokens) else {
            break;
        };
        let Some(deeper) = deeper_failure(node, &failure.tokens) else {
            break;
        };
        failure = deeper;
    }
    failure
}

/// A failure strictly below `tokens`: the node itself deserialized as its kind, else its
/// children (and grandchildren, through lists and maps that have no kind of their own).
fn deeper_failure(node: &Value, tokens: &[String]) -> Option<Failure> {
    if let Some(failure) = failure_as_kind(node, tokens).filter(|f| f.tokens.len() > tokens.len()) {
        return Some(failure);
    }
    for (key, child) in children(node) {
        let child_tokens = joined(tokens, key);
        if kind_at(&child_tokens).is_some() {
            if let Some(failure) = failure_as_kind(child, &child_tokens) {
                return Some(failure);
            }
            continue;
        }
        for (grand_key, grandchild) in children(child) {
            if let Some(failure) = failure_as_kind(grandchild, &joined(&child_tokens, grand_key)) {
                return Some(failure);
            }
        }
    }
    None
}

/// Deserializes `node` as what its position `tokens` says it is; `$ref` nodes are skipped.
fn failure_as_kind(node: &Value, tokens: &[String]) -> Option<Failure> {
    if node.get("$ref").is_some() {
        return None;
    }
    let result = match kind_at(tokens)? {
        Kind::PathItem => attempt::<openapiv3::PathItem>(node),
        Kind::Operation => attempt::<openapiv3::Operation>(node),
        Kind::Parameter => attempt::<openapiv3::Parameter>(node),
        Kind::RequestBody => attempt::<openapiv3::RequestBody>(node),
        Kind::Response => attempt::<openapiv3::Response>(node),
        Kind::Header => attempt::<openapiv3::Header>(node),
        Kind::MediaType => attempt::<openapiv3::MediaType>(node),
        Kind::Schema => attempt::<openapiv3::Schema>(node),
        Kind::Example => attempt::<openapiv3::Example>(node),
        Kind::SecurityScheme => attempt::<openapiv3::SecurityScheme>(node),
    };
    result.err().map(|(inner, message)| Failure {
        tokens: [tokens, &inner].concat(),
        message,
    })
}

/// Deserializes `node` as `T`, returning the error path inside it and the reason.
fn attempt<T: DeserializeOwned>(node: &Value) -> Result<(), (Vec<String>, String)> {
    serde_path_to_error::deserialize::<_, T>(node)
        .map(|_| ())
        .map_err(|e| (tokens_of(e.path()), e.inner().to_string()))
}

/// What the node at `tokens` is, judged by its position.
fn kind_at(tokens: &[String]) -> Option<Kind> {
    let t: Vec<&str> = tokens.iter().map(String::as_str).collect();
    match t.as_slice() {
        ["paths", _] => Some(Kind::PathItem),
        ["paths", _, method] if METHODS.contains(method) => Some(Kind::Operation),
        ["components", section, _] => component_kind(section),
        [.., "properties", _] | [.., "items" | "not" | "schema"] => Some(Kind::Schema),
        [.., "allOf" | "oneOf" | "anyOf", _] => Some(Kind::Schema),
        [.., "parameters", _] => Some(Kind::Parameter),
        [.., "requestBody"] => Some(Kind::RequestBody),
        [.., "responses", _] => Some(Kind::Response),
        [.., "headers", _] => Some(Kind::Header),
        [.., "content", _] => Some(Kind::MediaType),
        [.., "examples", _] => Some(Kind::Example),
        _ => None,
    }
}

/// What the entries of a `components` section are.
fn component_kind(section: &str) -> Option<Kind> {
    match section {
        "schemas" => Some(Kind::Schema),
        "responses" => Some(Kind::Response),
        "parameters" => Some(Kind::Parameter),
        "examples" => Some(Kind::Example),
        "requestBodies" => Some(Kind::RequestBody),
        "headers" => Some(Kind::Header),
        "securitySchemes" => Some(Kind::SecurityScheme),
        _ => None,
    }
}

/// The entries of a mapping or the items of a list, with their pointer tokens.
fn children(node: &Value) -> Vec<(String, &Value)> {
    match node {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    }
}

/// The node at `tokens`, if there is one.
fn node_at<'a>(document: &'a Value, tokens: &[String]) -> Option<&'a Value> {
    tokens.iter().try_fold(document, |node, token| match node {
        Value::Object(map) => map.get(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

/// `tokens` followed by `key`.
fn joined(tokens: &[String], key: String) -> Vec<String> {
    let mut all = tokens.to_vec();
    all.push(key);
    all
}

/// serde's error path as document tokens (up to the first segment it could not name).
fn tokens_of(path: &serde_path_to_error::Path) -> Vec<String> {
    let mut tokens = Vec::new();
    for segment in path.iter() {
        match segment {
            Segment::Map { key } => tokens.push(key.clone()),
            Segment::Seq { index } => tokens.push(index.to_string()),
            Segment::Enum { .. } => {}
            Segment::Unknown => break,
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec_with(paths: Value, components: Value) -> Value {
        json!({
            "openapi": "3.0.3",
            "info": { "title": "t", "version": "1" },
            "paths": paths,
            "components": components,
        })
    }

    fn pointer_of_failure(document: &Value) -> Diagnostic {
        deserialize(document)
            .err()
            .unwrap_or_else(|| panic!("accepted {document}"))
    }

    #[test]
    fn locates_a_wrong_type_below_untagged_path_items() {
        let paths = json!({ "/a": { "get": { "parameters": 5, "responses": {} } } });
        let problem = pointer_of_failure(&spec_with(paths, json!({})));
        assert_eq!(problem.pointer, "#/paths/~1a/get/parameters");
        assert!(
            problem.message.contains("expected a sequence"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn locates_a_bad_parameter_inside_a_list() {
        let param = json!({ "name": "x", "in": "cookies", "schema": { "type": "string" } });
        let paths = json!({ "/a": { "get": { "parameters": [param], "responses": {} } } });
        let problem = pointer_of_failure(&spec_with(paths, json!({})));
        assert!(
            problem.pointer.starts_with("#/paths/~1a/get/parameters/0"),
            "{}",
            problem.pointer
        );
    }

    #[test]
    fn locates_a_wrong_type_in_a_nested_schema() {
        let schemas = json!({ "A": { "type": "object", "properties": { "b": { "type": "object", "required": 7 } } } });
        let problem = pointer_of_failure(&spec_with(json!({}), json!({ "schemas": schemas })));
        // Schemas are flattened in openapiv3: the innermost locatable node is the schema.
        assert_eq!(problem.pointer, "#/components/schemas/A/properties/b");
        assert!(
            problem.message.contains("expected a sequence"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn accepts_a_minimal_document() {
        assert!(deserialize(&spec_with(json!({}), json!({}))).is_ok());
    }
}
