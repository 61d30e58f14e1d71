//! `$ref`s into part of a component schema (`#/components/schemas/Tag/allOf/0`): the schema
//! they name, found by walking openapiv3's typed schema token by token.

use openapiv3::{AdditionalProperties, OpenAPI, ReferenceOr, Schema, SchemaKind, Type};

use super::shape::SchemaRef;
use super::COMPONENT_PREFIX;

/// The schema `reference` names inside a component schema, with the component's key; `None`
/// when it names a whole component, or nothing (a JSON pointer does not pass through `$ref`s).
pub fn schema_part<'a>(spec: &'a OpenAPI, reference: &str) -> Option<(SchemaRef<'a>, &'a str)> {
    let rest = reference.strip_prefix(COMPONENT_PREFIX)?;
    let (key, path) = rest.split_once('/')?;
    let key = unescape(key);
    let schemas = &spec.components.as_ref()?.schemas;
    let (key, schema) = schemas.get_key_value(&key)?;
    let mut current = SchemaRef::from(schema);
    let tokens: Vec<String> = path.split('/').map(unescape).collect();
    let mut tokens = tokens.iter().map(String::as_str);
    while let Some(token) = tokens.next() {
        let SchemaRef::Inline(schema) = current else {
            return None;
        };
        current = step(schema, token, &mut tokens)?;
    }
    Some((current, key.as_str()))
}

/// The schema below `schema` at `token` (and, for lists and maps, the next token).
fn step<'a, 't>(
    schema: &'a Schema,
    token: &str,
    tokens: &mut impl Iterator<Item = &'t str>,
) -> Option<SchemaRef<'a>> {
    let nth = |list: &'a [ReferenceOr<Schema>], index: Option<&str>| {
        list.get(index?.parse::<usize>().ok()?).map(SchemaRef::from)
    };
    match (&schema.schema_kind, token) {
        (SchemaKind::AllOf { all_of: list }, "allOf")
        | (SchemaKind::OneOf { one_of: list }, "oneOf")
        | (SchemaKind::AnyOf { any_of: list }, "anyOf") => nth(list, tokens.next()),
        (SchemaKind::Not { not }, "not") => Some(SchemaRef::from(not.as_ref())),
        (SchemaKind::Type(Type::Object(o)), "properties") => {
            o.properties.get(tokens.next()?).map(SchemaRef::from)
        }
        (SchemaKind::Type(Type::Object(o)), "additionalProperties") => {
            additional(o.additional_properties.as_ref())
        }
        (SchemaKind::Type(Type::Array(a)), "items") => a.items.as_ref().map(SchemaRef::from),
        (SchemaKind::Any(any), "allOf") => nth(&any.all_of, tokens.next()),
        (SchemaKind::Any(any), "oneOf") => nth(&any.one_of, tokens.next()),
        (SchemaKind::Any(any), "anyOf") => nth(&any.any_of, tokens.next()),
        (SchemaKind::Any(any), "properties") => {
            any.properties.get(tokens.next()?).map(SchemaRef::from)
        }
        (SchemaKind::Any(any), "items") => any.items.as_ref().map(SchemaRef::from),
        (SchemaKind::Any(any), "additionalProperties") => {
            additional(any.additional_properties.as_ref())
        }
        _ => None,
    }
}

/// The schema of `additionalProperties`, when it is one.
fn additional(additional: Option<&AdditionalProperties>) -> Option<SchemaRef<'_>> {
    match additional? {
        AdditionalProperties::Schema(schema) => Some(SchemaRef::from(schema.as_ref())),
        AdditionalProperties::Any(_) => None,
    }
}

/// One JSON pointer token, unescaped (`~1` -> `/`, `~0` -> `~`).
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}
