//! Finds the objects the checks look at in the raw document, each with its JSON pointer.
//!
//! The walk follows the OpenAPI 3.0 structure (so a property named `example` or `$ref` is never
//! mistaken for a keyword) and does not follow `$ref`s: every referenced object is visited
//! where it is defined. Links and callbacks are not walked: the client does not use them.

use serde_json::{Map, Value};

use super::refs;
use crate::diagnostics::pointer_join;

/// Schema nesting deeper than this is not walked (serde_yaml limits documents well below it).
const MAX_SCHEMA_DEPTH: usize = 256;

/// HTTP methods a path item can hold, as the spec spells them.
pub const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// An object and where it is.
#[derive(Debug, Clone)]
pub struct Site<'a> {
    /// JSON pointer, e.g. `#/components/schemas/Flag`.
    pub pointer: String,
    /// The object.
    pub value: &'a Value,
}

/// What a `$ref` must name, by where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// A schema.
    Schema,
    /// A parameter.
    Parameter,
    /// A request body.
    RequestBody,
    /// A response.
    Response,
    /// A header.
    Header,
    /// An example.
    Example,
    /// A security scheme.
    SecurityScheme,
    /// A whole path item.
    PathItem,
}

impl RefKind {
    /// The `components` section such references belong in (none for path items).
    pub fn section(self) -> Option<&'static str> {
        match self {
            RefKind::Schema => Some("schemas"),
            RefKind::Parameter => Some("parameters"),
            RefKind::RequestBody => Some("requestBodies"),
            RefKind::Response => Some("responses"),
            RefKind::Header => Some("headers"),
            RefKind::Example => Some("examples"),
            RefKind::SecurityScheme => Some("securitySchemes"),
            RefKind::PathItem => None,
        }
    }
}

/// A `$ref`: the pointer of its `$ref` key, what it names, and what it must be.
#[derive(Debug, Clone)]
pub struct RefSite<'a> {
    /// Pointer of the `$ref` key, e.g. `#/paths/~1a/get/responses/200/$ref`.
    pub pointer: String,
    /// The reference as written.
    pub target: &'a str,
    /// What it must name.
    pub kind: RefKind,
}

/// An operation and the path item it belongs to.
#[derive(Debug, Clone)]
pub struct OperationSite<'a> {
    /// Pointer of the operation, e.g. `#/paths/~1pets/get`.
    pub pointer: String,
    /// The path template, e.g. `/pets/{id}`.
    pub path: &'a str,
    /// The operation object.
    pub value: &'a Value,
    /// The path item holding it.
    pub path_item: Site<'a>,
}

/// A parameter as one operation uses it: where it is used, and what it is after `$ref`s.
#[derive(Debug, Clone)]
pub struct ParamUse<'a> {
    /// Pointer of the use (an item of a `parameters` list).
    pub pointer: String,
    /// The parameter object, `$ref`s followed.
    pub value: &'a Value,
    /// `name`.
    pub name: &'a str,
    /// `in`.
    pub location: &'a str,
}

impl<'a> OperationSite<'a> {
    /// The parameters that apply: the path item's, overridden by the operation's with the same
    /// name and location. Parameters whose `$ref` does not resolve are left out (reported
    /// elsewhere).
    pub fn parameters(&self, document: &'a Value) -> Vec<ParamUse<'a>> {
        let mut uses = parameter_list(document, &self.path_item);
        let own = Site {
            pointer: self.pointer.clone(),
            value: self.value,
        };
        for param in parameter_list(document, &own) {
            uses.retain(|u| (u.name, u.location) != (param.name, param.location));
            uses.push(param);
        }
        uses
    }
}

/// The parameters listed directly in an operation or path item.
pub fn parameter_list<'a>(document: &'a Value, holder: &Site<'a>) -> Vec<ParamUse<'a>> {
    let list_pointer = pointer_join(&holder.pointer, "parameters");
    let Some(list) = holder.value.get("parameters").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let pointer = pointer_join(&list_pointer, &i.to_string());
            let value = refs::follow(document, item)?;
            let name = value.get("name")?.as_str()?;
            let location = value.get("in")?.as_str()?;
            Some(ParamUse {
                pointer,
                value,
                name,
                location,
            })
        })
        .collect()
}

/// Everything the checks look at.
#[derive(Debug, Default)]
pub struct Inventory<'a> {
    /// Every operation.
    pub operations: Vec<OperationSite<'a>>,
    /// Every parameter object where it is defined (inline or in components).
    pub parameters: Vec<Site<'a>>,
    /// Every header object where it is defined.
    pub headers: Vec<Site<'a>>,
    /// Every request body object where it is defined.
    pub request_bodies: Vec<Site<'a>>,
    /// Every media type object (`content/<media type>`).
    pub media_types: Vec<Site<'a>>,
    /// Every schema object that is not a `$ref`, nested ones included.
    pub schemas: Vec<Site<'a>>,
    /// Every security scheme object.
    pub security_schemes: Vec<Site<'a>>,
    /// Every `$ref`.
    pub refs: Vec<RefSite<'a>>,
}

impl<'a> Inventory<'a> {
    /// Walks the whole document.
    pub fn of(document: &'a Value) -> Self {
        let mut inventory = Inventory::default();
        for (path, item, pointer) in entries(document, "#", "paths") {
            inventory.path_item(path, item, pointer);
        }
        let components = document.get("components").unwrap_or(&Value::Null);
        let at = "#/components";
        for (_, value, pointer) in entries(components, at, "schemas") {
            inventory.schema(value, pointer, 0);
        }
        for (_, value, pointer) in entries(components, at, "parameters") {
            inventory.parameter(value, pointer);
        }
        for (_, value, pointer) in entries(components, at, "headers") {
            inventory.header(value, pointer);
        }
        for (_, value, pointer) in entries(components, at, "requestBodies") {
            inventory.request_body(value, pointer);
        }
        for (_, value, pointer) in entries(components, at, "responses") {
            inventory.response(value, pointer);
        }
        for (_, value, pointer) in entries(components, at, "examples") {
            inventory.reference(value, &pointer, RefKind::Example);
        }
        for (_, value, pointer) in entries(components, at, "securitySchemes") {
            if !inventory.reference(value, &pointer, RefKind::SecurityScheme) {
                inventory.security_schemes.push(Site { pointer, value });
            }
        }
        inventory
    }

    /// Records `value` as a `$ref` of `kind` if it is one.
    fn reference(&mut self, value: &'a Value, pointer: &str, kind: RefKind) -> bool {
        let Some(target) = value.get("$ref").and_then(Value::as_str) else {
            return false;
        };
        self.refs.push(RefSite {
            pointer: pointer_join(pointer, "$ref"),
            target,
            kind,
        });
        true
    }

    fn path_item(&mut self, path: &'a str, item: &'a Value, pointer: String) {
        if self.reference(item, &pointer, RefKind::PathItem) {
            return;
        }
        for (value, param_pointer) in items(item, &pointer, "parameters") {
            self.parameter(value, param_pointer);
        }
        for &method_key in METHODS {
            let Some((method, operation)) =
                item.as_object().and_then(|m| m.get_key_value(method_key))
            else {
                continue;
            };
            let op_pointer = pointer_join(&pointer, method);
            self.operation(operation, &op_pointer);
            self.operations.push(OperationSite {
                pointer: op_pointer,
                path,
                value: operation,
                path_item: Site {
                    pointer: pointer.clone(),
                    value: item,
                },
            });
        }
    }

    fn operation(&mut self, operation: &'a Value, pointer: &str) {
        for (value, param_pointer) in items(operation, pointer, "parameters") {
            self.parameter(value, param_pointer);
        }
        if let Some(body) = operation.get("requestBody") {
            self.request_body(body, pointer_join(pointer, "requestBody"));
        }
        for (_, response, response_pointer) in entries(operation, pointer, "responses") {
            self.response(response, response_pointer);
        }
    }

    fn parameter(&mut self, value: &'a Value, pointer: String) {
        if self.reference(value, &pointer, RefKind::Parameter) {
            return;
        }
        self.value_holder(value, &pointer);
        self.parameters.push(Site { pointer, value });
    }

    fn header(&mut self, value: &'a Value, pointer: String) {
        if self.reference(value, &pointer, RefKind::Header) {
            return;
        }
        self.value_holder(value, &pointer);
        self.headers.push(Site { pointer, value });
    }

    /// What parameters and headers share: a schema or content, and examples.
    fn value_holder(&mut self, value: &'a Value, pointer: &str) {
        if let Some(schema) = value.get("schema") {
            self.schema(schema, pointer_join(pointer, "schema"), 0);
        }
        self.content(value, pointer);
        self.examples(value, pointer);
    }

    fn request_body(&mut self, value: &'a Value, pointer: String) {
        if self.reference(value, &pointer, RefKind::RequestBody) {
            return;
        }
        self.content(value, &pointer);
        self.request_bodies.push(Site { pointer, value });
    }

    fn response(&mut self, value: &'a Value, pointer: String) {
        if self.reference(value, &pointer, RefKind::Response) {
            return;
        }
        for (_, header, header_pointer) in entries(value, &pointer, "headers") {
            self.header(header, header_pointer);
        }
        self.content(value, &pointer);
    }

    fn content(&mut self, holder: &'a Value, pointer: &str) {
        for (_, media, media_pointer) in entries(holder, pointer, "content") {
            if let Some(schema) = media.get("schema") {
                self.schema(schema, pointer_join(&media_pointer, "schema"), 0);
            }
            self.examples(media, &media_pointer);
            self.media_types.push(Site {
                pointer: media_pointer,
                value: media,
            });
        }
    }

    fn examples(&mut self, holder: &'a Value, pointer: &str) {
        for (_, example, example_pointer) in entries(holder, pointer, "examples") {
            self.reference(example, &example_pointer, RefKind::Example);
        }
    }

    fn schema(&mut self, value: &'a Value, pointer: String, depth: usize) {
        if depth > MAX_SCHEMA_DEPTH || self.reference(value, &pointer, RefKind::Schema) {
            return;
        }
        for (_, property, property_pointer) in entries(value, &pointer, "properties") {
            self.schema(property, property_pointer, depth + 1);
        }
        for key in ["items", "not", "additionalProperties"] {
            if let Some(sub) = value.get(key).filter(|v| v.is_object()) {
                self.schema(sub, pointer_join(&pointer, key), depth + 1);
            }
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            for (sub, sub_pointer) in items(value, &pointer, key) {
                self.schema(sub, sub_pointer, depth + 1);
            }
        }
        self.schemas.push(Site { pointer, value });
    }
}

/// The entries of the mapping `holder[key]`, each with its pointer under `pointer`.
pub fn entries<'a>(
    holder: &'a Value,
    pointer: &str,
    key: &str,
) -> Vec<(&'a str, &'a Value, String)> {
    let map_pointer = pointer_join(pointer, key);
    let map: Option<&Map<String, Value>> = holder.get(key).and_then(Value::as_object);
    map.into_iter()
        .flatten()
        .map(|(name, value)| (name.as_str(), value, pointer_join(&map_pointer, name)))
        .collect()
}

/// The items of the list `holder[key]`, each with its pointer under `pointer`.
pub fn items<'a>(holder: &'a Value, pointer: &str, key: &str) -> Vec<(&'a Value, String)> {
    let list_pointer = pointer_join(pointer, key);
    let list = holder.get(key).and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .enumerate()
        .map(|(i, value)| (value, pointer_join(&list_pointer, &i.to_string())))
        .collect()
}
