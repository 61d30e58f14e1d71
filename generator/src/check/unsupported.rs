//! Constructs the generator cannot turn into a client: the whole list, one rule each, every
//! finding reported with its pointer.

use serde_json::Value;

use super::refs;
use super::walk::{entries, items, Inventory, RefKind};
use crate::diagnostics::{pointer_join, Code, Diagnostic};

/// A rule: every place in the document where one unsupported construct is used.
type Rule = fn(&Value, &Inventory<'_>) -> Vec<Diagnostic>;

/// Every rule. Each function's comment says why the construct cannot be generated.
const RULES: &[Rule] = &[
    cookie_parameters,
    content_parameters,
    parameter_styles,
    object_parameters,
    partial_path_segments,
    path_item_references,
    reference_shapes,
    not_schemas,
    inheritance_discriminators,
    discriminator_alternatives,
    security_schemes,
    form_bodies,
];

/// Every use of an unsupported construct.
pub fn check(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    RULES
        .iter()
        .flat_map(|rule| rule(document, inventory))
        .collect()
}

/// `in: cookie`: the client sends no cookies, so the parameter could never be set.
fn cookie_parameters(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    parameters_where(
        inventory,
        "in",
        |param| location(param) == "cookie",
        |_| "parameters in: cookie are not supported (the client sends no cookies)".to_string(),
    )
}

/// `content` instead of `schema`: the client encodes parameters as text, not as a media type.
fn content_parameters(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    parameters_where(
        inventory,
        "content",
        |param| param.get("content").is_some(),
        |_| "parameters described by `content` instead of `schema` are not supported".to_string(),
    )
}

/// Styles other than the defaults (form in queries, simple in paths and headers): only the
/// default encodings are generated.
fn parameter_styles(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let default_style = |param: &Value| {
        if location(param) == "query" {
            "form"
        } else {
            "simple"
        }
    };
    parameters_where(
        inventory,
        "style",
        |param| {
            param
                .get("style")
                .and_then(Value::as_str)
                .is_some_and(|style| style != default_style(param))
        },
        |param| {
            format!(
                "parameter style {} is not supported in {} (only style: {})",
                param.get("style").unwrap_or(&Value::Null),
                location(param),
                default_style(param)
            )
        },
    )
}

/// Object-typed parameters: an object has no single encoding in a URL or a header.
fn object_parameters(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let is_object = |param: &Value| {
        param
            .get("schema")
            .and_then(|schema| refs::follow(document, schema))
            .is_some_and(|schema| {
                schema.get("type") == Some(&Value::from("object"))
                    || schema.get("properties").is_some()
            })
    };
    parameters_where(inventory, "schema", is_object, |_| {
        "object-typed parameters are not supported (an object has no single encoding in a URL or header)".to_string()
    })
}

/// A path parameter that fills only part of a segment (`/files/{name}.json`): path parameters
/// are encoded as whole segments.
fn partial_path_segments(document: &Value, _: &Inventory<'_>) -> Vec<Diagnostic> {
    entries(document, "#", "paths")
        .into_iter()
        .filter_map(|(path, _, pointer)| {
            let segment = path.split('/').find(|segment| {
                segment.contains(['{', '}'])
                    && !(segment.starts_with('{') && segment.ends_with('}') && segment.matches('{').count() == 1)
            })?;
            Some(Diagnostic::new(
                Code::UnsupportedPath,
                pointer,
                format!("path segment {segment:?} is not supported: a path parameter must be a whole segment, like /{{name}}/"),
            ))
        })
        .collect()
}

/// A path item that is a `$ref`: operations are read where they are written.
fn path_item_references(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    inventory
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::PathItem)
        .map(|r| {
            Diagnostic::new(
                Code::UnsupportedPath,
                r.pointer.clone(),
                "path items given by $ref are not supported",
            )
        })
        .collect()
}

/// A reference that names something other than a component of the right section (a schema
/// may also name part of a component schema): shared objects come from `components`.
fn reference_shapes(document: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    inventory
        .refs
        .iter()
        .filter(|r| refs::target(document, r.target).is_some())
        .filter_map(|r| {
            let section = r.kind.section()?;
            let prefix = format!("#/components/{section}/");
            let name = r.target.strip_prefix(&prefix);
            let whole = name.is_some_and(|name| !name.is_empty() && !name.contains('/'));
            // A schema may be named inside a component schema (`Tag/allOf/0`): the model
            // types it where it is.
            let part_of_schema = r.kind == RefKind::Schema && name.is_some_and(|n| !n.is_empty());
            if whole || part_of_schema {
                return None;
            }
            Some(Diagnostic::new(
                Code::UnsupportedRef,
                r.pointer.clone(),
                format!(
                    "$ref {:?} is not supported here: it must name {prefix}<name>",
                    r.target
                ),
            ))
        })
        .collect()
}

/// `not`: no Rust type means "anything but this".
fn not_schemas(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    inventory
        .schemas
        .iter()
        .filter(|schema| schema.value.get("not").is_some())
        .map(|schema| {
            Diagnostic::new(
                Code::UnsupportedSchema,
                pointer_join(&schema.pointer, "not"),
                "`not` schemas are not supported (no Rust type means \"anything but\")",
            )
        })
        .collect()
}

/// A discriminator on a schema without oneOf/anyOf (polymorphism through allOf inheritance):
/// unions are generated from oneOf/anyOf only.
fn inheritance_discriminators(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    inventory
        .schemas
        .iter()
        .filter(|s| s.value.get("discriminator").is_some())
        .filter(|s| s.value.get("oneOf").is_none() && s.value.get("anyOf").is_none())
        .map(|s| {
            Diagnostic::new(
                Code::UnsupportedDiscriminator,
                pointer_join(&s.pointer, "discriminator"),
                "a discriminator without oneOf/anyOf (allOf inheritance) is not supported",
            )
        })
        .collect()
}

/// A discriminated alternative that is not a `$ref`: each variant is a named component schema,
/// and its tag defaults to that name.
fn discriminator_alternatives(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for schema in inventory
        .schemas
        .iter()
        .filter(|s| s.value.get("discriminator").is_some())
    {
        for key in ["oneOf", "anyOf"] {
            for (alternative, pointer) in items(schema.value, &schema.pointer, key) {
                if alternative.get("$ref").is_none() {
                    problems.push(Diagnostic::new(
                        Code::UnsupportedDiscriminator,
                        pointer,
                        "inline alternatives of a discriminated union are not supported (use a $ref to a component schema)",
                    ));
                }
            }
        }
    }
    problems
}

/// Security schemes other than an API key in a header: the client's credentials are API keys
/// sent as headers.
fn security_schemes(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    inventory
        .security_schemes
        .iter()
        .filter_map(|scheme| {
            let kind = scheme
                .value
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("");
            let place = scheme.value.get("in").and_then(Value::as_str).unwrap_or("");
            if (kind, place) == ("apiKey", "header") {
                return None;
            }
            let what = if kind == "apiKey" {
                format!("apiKey in: {place}")
            } else {
                format!("type {kind}")
            };
            Some(Diagnostic::new(
                Code::UnsupportedSecurityScheme,
                scheme.pointer.clone(),
                format!(
                    "security scheme {what} is not supported (only type: apiKey with in: header)"
                ),
            ))
        })
        .collect()
}

/// Form-encoded and multipart request bodies: bodies are sent as JSON, text or raw bytes.
fn form_bodies(_: &Value, inventory: &Inventory<'_>) -> Vec<Diagnostic> {
    inventory
        .request_bodies
        .iter()
        .flat_map(|body| entries(body.value, &body.pointer, "content"))
        .filter(|(media, _, _)| {
            media.starts_with("multipart/") || *media == "application/x-www-form-urlencoded"
        })
        .map(|(media, _, pointer)| {
            Diagnostic::new(
                Code::UnsupportedMediaType,
                pointer,
                format!(
                    "request bodies of type {media} are not supported (only JSON, text or bytes)"
                ),
            )
        })
        .collect()
}

/// The `in` of a parameter.
fn location(param: &Value) -> &str {
    param.get("in").and_then(Value::as_str).unwrap_or("")
}

/// A problem at `param/<key>` for each parameter `matches` accepts, worded by `message`.
fn parameters_where(
    inventory: &Inventory<'_>,
    key: &str,
    matches: impl Fn(&Value) -> bool,
    message: impl Fn(&Value) -> String,
) -> Vec<Diagnostic> {
    inventory
        .parameters
        .iter()
        .filter(|param| matches(param.value))
        .map(|param| {
            Diagnostic::new(
                Code::UnsupportedParameter,
                pointer_join(&param.pointer, key),
                message(param.value),
            )
        })
        .collect()
}
