//! Where a node holds references, by the OpenAPI 3.0 structure: each `$ref` with the kind of
//! object it must name, and each discriminator `mapping` value.
//!
//! The walk starts from any kind of object (a whole document, or a schema pulled in from
//! another file), follows the structure only (a `$ref` inside an example is data, and a
//! property called `$ref` is a property), does not follow references, and keeps its own
//! stack (no recursion per nesting level).

use serde_json::Value;

use crate::diagnostics::pointer_join;

/// What an object is, by where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Document,
    Components,
    PathItem,
    Operation,
    Callback,
    Parameter,
    Header,
    RequestBody,
    Response,
    MediaType,
    Encoding,
    Schema,
    Example,
    Link,
    SecurityScheme,
}

impl Kind {
    /// The `components` section a pulled-in object of this kind goes to; `None` for kinds
    /// that are inlined where they are referenced (path items, which OpenAPI 3.0 has no
    /// section for) or cannot be referenced.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Kind::Schema => Some("schemas"),
            Kind::Parameter => Some("parameters"),
            Kind::Header => Some("headers"),
            Kind::RequestBody => Some("requestBodies"),
            Kind::Response => Some("responses"),
            Kind::Example => Some("examples"),
            Kind::Link => Some("links"),
            Kind::Callback => Some("callbacks"),
            Kind::SecurityScheme => Some("securitySchemes"),
            Kind::Document
            | Kind::Components
            | Kind::PathItem
            | Kind::Operation
            | Kind::MediaType
            | Kind::Encoding => None,
        }
    }

    /// The kind of the entries of each `components` section.
    pub fn of_section(section: &str) -> Option<Kind> {
        [
            Kind::Schema,
            Kind::Parameter,
            Kind::Header,
            Kind::RequestBody,
            Kind::Response,
            Kind::Example,
            Kind::Link,
            Kind::Callback,
            Kind::SecurityScheme,
        ]
        .into_iter()
        .find(|kind| kind.section() == Some(section))
    }

    /// Whether an object of this kind may be a Reference Object.
    fn may_be_ref(self) -> bool {
        self.section().is_some() || self == Kind::PathItem
    }
}

/// Methods a path item can hold.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A place that names another object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Site {
    /// The object at `pointer` is `{"$ref": ...}` and must name a `kind`.
    Ref { pointer: String, kind: Kind },
    /// The string at `pointer` is a discriminator mapping value (a schema name or reference).
    Mapping { pointer: String },
}

/// Every site in `node`, an object of `kind`, with pointers relative to `node`, in document
/// order.
pub fn sites(node: &Value, kind: Kind) -> Vec<Site> {
    let mut found = Vec::new();
    let mut stack = vec![(String::new(), node, kind)];
    while let Some((pointer, node, kind)) = stack.pop() {
        if kind.may_be_ref() && node.get("$ref").is_some_and(Value::is_string) {
            found.push(Site::Ref { pointer, kind });
            continue;
        }
        if kind == Kind::Schema {
            let mapping = node.get("discriminator").and_then(|d| d.get("mapping"));
            for (name, value) in mapping.and_then(Value::as_object).into_iter().flatten() {
                if value.is_string() {
                    let at = pointer_join(&pointer_join(&pointer, "discriminator"), "mapping");
                    found.push(Site::Mapping {
                        pointer: pointer_join(&at, name),
                    });
                }
            }
        }
        let mut below = children(node, kind, &pointer);
        // Popped last first: push in reverse so sites come out in document order.
        below.reverse();
        stack.extend(below);
    }
    found
}

/// The objects directly below `node` (an object of `kind` at `pointer`) that can hold sites.
fn children<'v>(node: &'v Value, kind: Kind, pointer: &str) -> Vec<(String, &'v Value, Kind)> {
    let mut below = Below {
        node,
        pointer,
        found: Vec::new(),
    };
    match kind {
        Kind::Document => {
            below.entries("paths", Kind::PathItem);
            below.one("components", Kind::Components);
        }
        Kind::Components => {
            if let Some(map) = node.as_object() {
                for (section, _) in map {
                    if let Some(kind) = Kind::of_section(section) {
                        below.entries(section, kind);
                    }
                }
            }
        }
        Kind::PathItem => {
            below.items("parameters", Kind::Parameter);
            for method in METHODS {
                below.one(method, Kind::Operation);
            }
        }
        Kind::Operation => {
            below.items("parameters", Kind::Parameter);
            below.one("requestBody", Kind::RequestBody);
            below.entries("responses", Kind::Response);
            below.entries("callbacks", Kind::Callback);
        }
        Kind::Callback => below.all(Kind::PathItem),
        Kind::Parameter | Kind::Header => {
            below.one("schema", Kind::Schema);
            below.entries("content", Kind::MediaType);
            below.entries("examples", Kind::Example);
        }
        Kind::RequestBody => below.entries("content", Kind::MediaType),
        Kind::Response => {
            below.entries("headers", Kind::Header);
            below.entries("content", Kind::MediaType);
            below.entries("links", Kind::Link);
        }
        Kind::MediaType => {
            below.one("schema", Kind::Schema);
            below.entries("examples", Kind::Example);
            below.entries("encoding", Kind::Encoding);
        }
        Kind::Encoding => below.entries("headers", Kind::Header),
        Kind::Schema => {
            below.entries("properties", Kind::Schema);
            for key in ["items", "not", "additionalProperties"] {
                below.one(key, Kind::Schema);
            }
            for key in ["allOf", "oneOf", "anyOf"] {
                below.items(key, Kind::Schema);
            }
        }
        Kind::Example | Kind::Link | Kind::SecurityScheme => {}
    }
    below.found
}

/// Collects the objects below one node.
struct Below<'v, 'p> {
    node: &'v Value,
    pointer: &'p str,
    found: Vec<(String, &'v Value, Kind)>,
}

impl<'v> Below<'v, '_> {
    /// `node[key]`, when it is an object.
    fn one(&mut self, key: &str, kind: Kind) {
        if let Some(child) = self.node.get(key).filter(|v| v.is_object()) {
            self.found
                .push((pointer_join(self.pointer, key), child, kind));
        }
    }

    /// The values of the mapping `node[key]`.
    fn entries(&mut self, key: &str, kind: Kind) {
        let at = pointer_join(self.pointer, key);
        for (name, child) in self
            .node
            .get(key)
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if child.is_object() {
                self.found.push((pointer_join(&at, name), child, kind));
            }
        }
    }

    /// The items of the list `node[key]`.
    fn items(&mut self, key: &str, kind: Kind) {
        let at = pointer_join(self.pointer, key);
        for (i, child) in self
            .node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if child.is_object() {
                self.found
                    .push((pointer_join(&at, &i.to_string()), child, kind));
            }
        }
    }

    /// Every value of `node` itself (a callback's expressions).
    fn all(&mut self, kind: Kind) {
        for (name, child) in self.node.as_object().into_iter().flatten() {
            if child.is_object() {
                self.found
                    .push((pointer_join(self.pointer, name), child, kind));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_references_by_structure_not_by_key() {
        let document = json!({
            "paths": {"/a": {"get": {
                "parameters": [{"$ref": "p.yaml"}],
                "responses": {"200": {"content": {"application/json": {
                    "schema": {"type": "object", "properties": {
                        "$ref": {"$ref": "s.yaml#/S"},
                        "example": {"type": "string"}
                    }},
                    "example": {"$ref": "not a reference"}
                }}}}
            }}},
            "components": {"schemas": {"Pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}],
                "discriminator": {"propertyName": "kind", "mapping": {"cat": "cat.yaml"}}
            }}}
        });
        let sites = sites(&document, Kind::Document);
        let content = "/paths/~1a/get/responses/200/content/application~1json";
        assert_eq!(
            sites,
            vec![
                Site::Ref {
                    pointer: "/paths/~1a/get/parameters/0".into(),
                    kind: Kind::Parameter
                },
                Site::Ref {
                    pointer: format!("{content}/schema/properties/$ref"),
                    kind: Kind::Schema
                },
                Site::Mapping {
                    pointer: "/components/schemas/Pet/discriminator/mapping/cat".into()
                },
                Site::Ref {
                    pointer: "/components/schemas/Pet/oneOf/0".into(),
                    kind: Kind::Schema
                },
            ]
        );
    }

    #[test]
    fn a_pulled_in_object_is_walked_as_its_kind() {
        let schema = json!({"$ref": "#/Other"});
        assert_eq!(
            sites(&schema, Kind::Schema),
            vec![Site::Ref {
                pointer: String::new(),
                kind: Kind::Schema
            }]
        );
        assert_eq!(sites(&schema, Kind::MediaType), Vec::new());
    }
}
