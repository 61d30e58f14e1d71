//! The operations of spec/openapi.yaml with their examples, read as plain JSON values, so
//! that tests send and expect exactly what the spec documents.
// Each test crate includes this module and uses a different part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde_json::Value;

/// The value tests give every string query parameter: spaces, `&`, `/` and non-ASCII
/// must all survive query encoding.
pub const QUERY_TEXT: &str = "beta flags & more/é";
/// The value tests give every integer query parameter.
pub const QUERY_INTEGER: i64 = 7;
/// The value tests give every boolean query parameter.
pub const QUERY_BOOLEAN: bool = false;

/// One operation as the spec documents it.
#[derive(Debug)]
pub struct Operation {
    /// The `operationId`.
    pub id: String,
    /// The HTTP method, upper case.
    pub method: String,
    /// The path template, for example `/api/v2/feature-flags/{feature_flag_id}`.
    pub path_template: String,
    /// Each path parameter's example value, by name.
    pub path_examples: BTreeMap<String, String>,
    /// The query parameters.
    pub query: Vec<QueryParameter>,
    /// The request body's example, when the operation takes a body.
    pub request_example: Option<Value>,
    /// Every documented 2xx response.
    pub successes: Vec<Response>,
    /// Every other documented response.
    pub errors: Vec<Response>,
}

/// A query parameter and the JSON type of its schema.
#[derive(Debug)]
pub struct QueryParameter {
    /// The parameter's name in the query string.
    pub name: String,
    /// The schema's `type` (`string`, `integer`, `boolean`).
    pub kind: String,
}

/// A documented response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The example body, when the response has content.
    pub example: Option<Value>,
}

impl Operation {
    /// The example of path parameter `name`.
    pub fn path_example(&self, name: &str) -> &str {
        self.path_examples
            .get(name)
            .unwrap_or_else(|| panic!("{}: no example for path parameter `{name}`", self.id))
    }

    /// The request example decoded as `T`, the generated body type.
    pub fn body<T: DeserializeOwned>(&self) -> T {
        let example = self
            .request_example
            .clone()
            .unwrap_or_else(|| panic!("{}: the spec has no request example", self.id));
        serde_json::from_value(example).unwrap_or_else(|error| {
            panic!("{}: the request example does not decode: {error}", self.id)
        })
    }

    /// The path the client must request: the template with every parameter's example,
    /// percent-encoded as one path segment.
    pub fn expected_path(&self) -> String {
        self.path_examples
            .iter()
            .fold(self.path_template.clone(), |path, (name, value)| {
                path.replace(&format!("{{{name}}}"), &encode_segment(value))
            })
    }

    /// The query pairs the client must send when every query parameter is set to its test
    /// value ([`QUERY_TEXT`], [`QUERY_INTEGER`], [`QUERY_BOOLEAN`]), in spec order.
    pub fn expected_query(&self) -> Vec<(String, String)> {
        self.query
            .iter()
            .map(|parameter| (parameter.name.clone(), parameter.test_value()))
            .collect()
    }

    /// The first documented 2xx response.
    pub fn success(&self) -> &Response {
        self.successes
            .first()
            .unwrap_or_else(|| panic!("{}: the spec documents no 2xx response", self.id))
    }
}

impl QueryParameter {
    /// The test value of this parameter, as it appears in the decoded query string.
    fn test_value(&self) -> String {
        match self.kind.as_str() {
            "string" => QUERY_TEXT.to_owned(),
            "integer" => QUERY_INTEGER.to_string(),
            "boolean" => QUERY_BOOLEAN.to_string(),
            other => panic!("query parameter `{}` has type {other}", self.name),
        }
    }
}

/// Every operation of the spec, in the spec's order.
pub fn operations() -> Vec<Operation> {
    let document = document();
    let paths = document["paths"]
        .as_object()
        .expect("the spec has a `paths` object");
    paths
        .iter()
        .flat_map(|(path, item)| {
            let item = resolve(&document, item);
            [
                "get", "put", "post", "delete", "patch", "head", "options", "trace",
            ]
            .into_iter()
            .filter_map(move |method| item.get(method).map(|op| (method, op)))
            .map(|(method, operation)| read_operation(&document, path, method, operation))
            .collect::<Vec<_>>()
        })
        .collect()
}

/// The operation called `id`.
pub fn operation(id: &str) -> Operation {
    operations()
        .into_iter()
        .find(|operation| operation.id == id)
        .unwrap_or_else(|| panic!("the spec has no operation {id}"))
}

/// The properties of component schema `name` that are not required.
pub fn optional_properties(name: &str) -> Vec<String> {
    let document = document();
    let schema = &document["components"]["schemas"][name];
    let required = schema["required"].as_array().cloned().unwrap_or_default();
    schema["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("the spec has no object schema {name}"))
        .keys()
        .filter(|property| !required.contains(&Value::String((*property).clone())))
        .cloned()
        .collect()
}

/// spec/openapi.yaml as a JSON value.
fn document() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/openapi.yaml");
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    serde_yaml::from_str(&text).expect("spec/openapi.yaml is valid YAML")
}

/// One operation object, read with its parameters, body and responses.
fn read_operation(document: &Value, path: &str, method: &str, operation: &Value) -> Operation {
    let id = operation["operationId"]
        .as_str()
        .unwrap_or_else(|| panic!("{method} {path} has no operationId"))
        .to_owned();
    let parameters: Vec<&Value> = operation["parameters"]
        .as_array()
        .map(|list| list.iter().map(|p| resolve(document, p)).collect())
        .unwrap_or_default();
    let located = |location: &'static str| {
        parameters
            .iter()
            .copied()
            .filter(move |parameter| parameter["in"] == location)
    };
    let path_examples = located("path")
        .map(|parameter| {
            let name = parameter["name"].as_str().unwrap_or_default().to_owned();
            let example = parameter
                .get("example")
                .or_else(|| parameter["schema"].get("example"))
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{id}: path parameter `{name}` has no example"));
            (name, example.to_owned())
        })
        .collect();
    let query = located("query")
        .map(|parameter| QueryParameter {
            name: parameter["name"].as_str().unwrap_or_default().to_owned(),
            kind: resolve(document, &parameter["schema"])["type"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        })
        .collect();
    let request_example = operation
        .get("requestBody")
        .map(|body| resolve(document, body))
        .and_then(|body| media_example(&body["content"]));
    let (successes, errors) = operation["responses"]
        .as_object()
        .map(|responses| {
            responses
                .iter()
                .filter_map(|(status, response)| {
                    let status = status.parse().ok()?;
                    let example = media_example(&resolve(document, response)["content"]);
                    Some(Response { status, example })
                })
                .partition(|response| (200..300).contains(&response.status))
        })
        .unwrap_or_default();
    Operation {
        id,
        method: method.to_uppercase(),
        path_template: path.to_owned(),
        path_examples,
        query,
        request_example,
        successes,
        errors,
    }
}

/// The example of the first media type of a `content` map (`example`, else the first of
/// `examples`).
fn media_example(content: &Value) -> Option<Value> {
    let media = content.as_object()?.values().next()?;
    media.get("example").cloned().or_else(|| {
        media["examples"]
            .as_object()?
            .values()
            .next()?
            .get("value")
            .cloned()
    })
}

/// `node`, or what its `$ref` points to inside the document.
fn resolve<'a>(document: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => document
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("unresolved $ref {reference}")),
        None => node,
    }
}

/// `value` percent-encoded as one path segment: every byte but RFC 3986 unreserved ones.
pub fn encode_segment(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}
