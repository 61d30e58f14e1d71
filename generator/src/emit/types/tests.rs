//! Unit tests of model emission: absolute paths, no buffering serde attributes, parseable items.

use super::{emit_type, type_tokens};
use crate::model::{build, Api, TypeRef};

/// The model of a spec whose `components/schemas` is `schemas` (YAML, indented by four spaces).
fn api(schemas: &str) -> Api {
    let text = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\nservers: [{{url: 'https://api.example.com'}}]\n\
         paths: {{}}\ncomponents:\n  schemas:\n{schemas}"
    );
    let spec =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("test spec does not parse: {e}"));
    let (api, problems) = build(&spec);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "test spec does not model: {errors:?}");
    api
}

/// The emitted items of the type `name`, checked to parse as a Rust file.
fn emitted(api: &Api, name: &str) -> String {
    let def = api
        .types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}"));
    let tokens = emit_type(def, api).unwrap_or_else(|e| panic!("{e}"));
    let file: syn::File =
        syn::parse2(tokens).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    prettyplease::unparse(&file)
}

#[test]
fn type_paths_are_absolute() {
    let ty = TypeRef::Map(Box::new(TypeRef::Vec(Box::new(TypeRef::Named(
        "String".into(),
    )))));
    assert_eq!(
        type_tokens(&ty).to_string().replace(' ', ""),
        "::std::collections::BTreeMap<::std::string::String,::std::vec::Vec<crate::models::String>>"
    );
    assert_eq!(
        type_tokens(&TypeRef::Binary).to_string().replace(' ', ""),
        "::std::vec::Vec<u8>"
    );
    assert_eq!(
        type_tokens(&TypeRef::Base64).to_string().replace(' ', ""),
        "::std::string::String"
    );
}

#[test]
fn structs_decode_keys_without_buffering_and_keep_unknown_ones() {
    let api =
        api("    Pet: {type: object, required: [name], properties: {name: {type: string}}}\n");
    let code = emitted(&api, "Pet");
    assert!(!code.contains("flatten"), "{code}");
    assert!(
        code.contains("deserialize_identifier(KeyVisitor)"),
        "{code}"
    );
    assert!(
        code.contains("pub additional_properties: ::serde_json::Map<"),
        "{code}"
    );
    assert!(code.contains("missing_field(\"name\")"), "{code}");
    assert!(code.contains("#[non_exhaustive]"), "{code}");
}

#[test]
fn enums_and_unions_have_an_unknown_variant() {
    let api = api("    Color: {type: string, enum: [red]}\n    Either: {oneOf: [{type: string}, {type: integer}]}\n");
    assert!(emitted(&api, "Color").contains("Unknown(::std::string::String)"));
    assert!(emitted(&api, "Either").contains("Unknown(::serde_json::Value)"));
}

#[test]
fn deprecated_items_are_marked_and_their_users_allowed() {
    let api = api(
        "    Old: {type: object, deprecated: true, properties: {a: {type: string}}}
    User: {type: object, properties: {old: {$ref: '#/components/schemas/Old'}}}
",
    );
    assert!(emitted(&api, "Old").contains("#[deprecated]"));
    let user = emitted(&api, "User");
    assert!(
        !user.contains("#[deprecated]") && user.contains("#[allow(deprecated)]"),
        "{user}"
    );
}
