//! Unit tests of schema modelling, each on a small spec.

use openapiv3::{OpenAPI, ReferenceOr, Schema};

use super::TypeBuilder;
use crate::diagnostics::Diagnostic;
use crate::model::{Additional, EnumRepr, Field, Struct, TypeDef, TypeKind, TypeRef, Union};

/// Parses a spec whose `components/schemas` is `schemas` (YAML, indented by four spaces).
fn spec(schemas: &str) -> OpenAPI {
    let text = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
    );
    match serde_yaml::from_str(&text) {
        Ok(spec) => spec,
        Err(e) => panic!("test spec does not parse: {e}\n{text}"),
    }
}

/// The finished types of a spec.
fn types(schemas: &str) -> Vec<TypeDef> {
    let (types, problems) = TypeBuilder::new(&spec(schemas)).finish();
    let errors = error_pointers(&problems);
    assert!(errors.is_empty(), "unexpected problems at {errors:?}");
    types
}

/// The pointers of the problems that are errors.
fn error_pointers(problems: &[Diagnostic]) -> Vec<&str> {
    problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.pointer.as_str())
        .collect()
}

fn find<'t>(types: &'t [TypeDef], name: &str) -> &'t TypeDef {
    match types.iter().find(|t| t.name == name) {
        Some(def) => def,
        None => panic!(
            "no type {name} in {:?}",
            types.iter().map(|t| &t.name).collect::<Vec<_>>()
        ),
    }
}

fn struct_of<'t>(types: &'t [TypeDef], name: &str) -> &'t Struct {
    match &find(types, name).kind {
        TypeKind::Struct(s) => s,
        other => panic!("{name} is not a struct: {other:?}"),
    }
}

fn union_of<'t>(types: &'t [TypeDef], name: &str) -> &'t Union {
    match &find(types, name).kind {
        TypeKind::Union(u) => u,
        other => panic!("{name} is not a union: {other:?}"),
    }
}

fn field<'s>(s: &'s Struct, json_name: &str) -> &'s Field {
    match s.fields.iter().find(|f| f.json_name == json_name) {
        Some(f) => f,
        None => panic!("no field {json_name}"),
    }
}

fn named(name: &str) -> TypeRef {
    TypeRef::Named(name.to_string())
}

#[test]
fn object_fields_keep_spec_order_types_and_flags() {
    let types = types(
        "    Pet:
      type: object
      required: [id, name]
      properties:
        name: {type: string}
        id: {type: string, format: uuid}
        born: {type: string, format: date}
        seen: {type: string, format: date-time}
        photo: {type: string, format: byte}
        raw: {type: string, format: binary}
        age: {type: integer, format: int32}
        count: {type: integer}
        weight: {type: number, format: float}
        ratio: {type: number}
        vip: {type: boolean}
        nick: {type: string, nullable: true}
        tags: {type: array, items: {type: string}}
        extra: {}
",
    );
    let pet = struct_of(&types, "Pet");
    let order: Vec<&str> = pet.fields.iter().map(|f| f.json_name.as_str()).collect();
    assert_eq!(
        order,
        [
            "name", "id", "born", "seen", "photo", "raw", "age", "count", "weight", "ratio", "vip",
            "nick", "tags", "extra"
        ]
    );
    let tys: Vec<TypeRef> = pet.fields.iter().map(|f| f.ty.clone()).collect();
    let expected = {
        use TypeRef::*;
        [
            String, Uuid, Date, DateTime, Base64, Binary, I32, I64, F32, F64, Bool, String,
        ]
    };
    assert_eq!(tys[..12], expected);
    assert_eq!(
        field(pet, "tags").ty,
        TypeRef::Vec(Box::new(TypeRef::String))
    );
    assert_eq!(field(pet, "extra").ty, TypeRef::Json);
    assert!(
        field(pet, "id").required && field(pet, "name").required && !field(pet, "born").required
    );
    assert!(field(pet, "nick").nullable && !field(pet, "name").nullable);
    assert_eq!(pet.additional, Additional::Keep);
}

#[test]
fn inline_schemas_are_named_after_their_parent_and_never_reuse_a_name() {
    let types = types(
        "    Pet:
      type: object
      properties:
        owner: {type: object, properties: {name: {type: string}}}
        status: {type: string, enum: [available, sold]}
        toys: {type: array, items: {type: object, properties: {kind: {type: string}}}}
    PetOwner:
      type: object
      properties:
        id: {type: string}
",
    );
    let pet = struct_of(&types, "Pet");
    assert_eq!(field(pet, "owner").ty, named("PetOwner2"));
    assert_eq!(field(pet, "status").ty, named("PetStatus"));
    assert_eq!(
        field(pet, "toys").ty,
        TypeRef::Vec(Box::new(named("PetToysItem")))
    );
    assert_eq!(
        field(struct_of(&types, "PetOwner"), "id").ty,
        TypeRef::String
    );
    assert_eq!(
        field(struct_of(&types, "PetOwner2"), "name").ty,
        TypeRef::String
    );
    let names: Vec<&str> = types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Pet", "PetOwner", "PetOwner2", "PetStatus", "PetToysItem"]
    );
}

#[test]
fn operation_schemas_are_named_from_the_hint_deterministically() {
    let spec = spec("    Pet: {type: object, properties: {id: {type: string}}}\n");
    let inline: ReferenceOr<Schema> = match serde_yaml::from_str("{type: string, enum: [a, b]}") {
        Ok(schema) => schema,
        Err(e) => panic!("{e}"),
    };
    let reference = ReferenceOr::ref_("#/components/schemas/Pet");
    let mut builder = TypeBuilder::new(&spec);
    assert_eq!(
        builder.type_ref(&inline, "ListPets status", "#/paths/a"),
        named("ListPetsStatus")
    );
    assert_eq!(
        builder.type_ref(&inline, "ListPets status", "#/paths/b"),
        named("ListPetsStatus2")
    );
    assert_eq!(
        builder.type_ref(&inline, "ListPets status", "#/paths/a"),
        named("ListPetsStatus")
    );
    assert_eq!(
        builder.type_ref(&reference, "Ignored", "#/paths/c"),
        named("Pet")
    );
    assert!(builder.lookup("ListPetsStatus2").is_some());
}

#[test]
fn enums_keep_values_in_order_and_name_variants_uniquely() {
    let types = types(
        "    Color: {type: string, enum: [red, dark-red, dark_red, red, '1st']}
    Level: {type: integer, enum: [1, -1, 10]}
",
    );
    let TypeKind::Enum(color) = &find(&types, "Color").kind else {
        panic!("Color is not an enum")
    };
    assert_eq!(color.repr, EnumRepr::String);
    let names: Vec<&str> = color
        .variants
        .iter()
        .map(|v| v.rust_name.as_str())
        .collect();
    assert_eq!(names, ["Red", "DarkRed", "DarkRed2", "V1st"]);
    let TypeKind::Enum(level) = &find(&types, "Level").kind else {
        panic!("Level is not an enum")
    };
    assert_eq!(level.repr, EnumRepr::Integer);
    let values: Vec<i64> = level
        .variants
        .iter()
        .filter_map(|v| v.value.as_i64())
        .collect();
    assert_eq!(values, [1, -1, 10]);
    assert_eq!(level.variants[1].rust_name, "Minus1");
}

#[test]
fn all_of_merges_parts_and_shares_the_base_inline_types() {
    let types = types(
        "    Base:
      type: object
      required: [id]
      properties:
        id: {type: string}
        meta: {type: object, properties: {k: {type: string}}}
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          required: [name]
          properties:
            name: {type: string}
            id: {type: string, format: uuid}
      properties:
        own: {type: boolean}
",
    );
    let child = struct_of(&types, "Child");
    let order: Vec<&str> = child.fields.iter().map(|f| f.json_name.as_str()).collect();
    assert_eq!(order, ["id", "meta", "name", "own"]);
    assert_eq!(field(child, "id").ty, TypeRef::Uuid);
    assert!(
        field(child, "id").required
            && field(child, "name").required
            && !field(child, "own").required
    );
    assert_eq!(field(child, "meta").ty, named("BaseMeta"));
    assert!(!types.iter().any(|t| t.name == "ChildMeta"));
}

#[test]
fn a_single_all_of_wrapper_is_the_wrapped_type_with_the_wrapper_flags() {
    let types = types(
        "    Owner: {type: object, description: An owner., properties: {id: {type: string}}}
    Pet:
      type: object
      properties:
        owner:
          allOf: [{$ref: '#/components/schemas/Owner'}]
          nullable: true
          readOnly: true
",
    );
    let owner = field(struct_of(&types, "Pet"), "owner");
    assert_eq!(owner.ty, named("Owner"));
    assert!(owner.nullable && owner.read_only && owner.is_optional());
    assert_eq!(owner.docs.description.as_deref(), Some("An owner."));
}

#[test]
fn unions_are_tagged_by_mapping_or_schema_name() {
    let types = types(
        "    Cat: {type: object, properties: {kind: {type: string}}}
    Dog: {type: object, properties: {kind: {type: string}}}
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator:
        propertyName: kind
        mapping: {cat: '#/components/schemas/Cat'}
    Id:
      anyOf: [{type: string}, {type: integer}, {type: object, title: Full, properties: {v: {type: string}}}]
",
    );
    let pet = union_of(&types, "Pet");
    assert_eq!(pet.discriminator.as_deref(), Some("kind"));
    let tags: Vec<Option<&str>> = pet.variants.iter().map(|v| v.tag.as_deref()).collect();
    assert_eq!(tags, [Some("cat"), Some("Dog")]);
    let id = union_of(&types, "Id");
    assert_eq!(id.discriminator, None);
    let names: Vec<&str> = id.variants.iter().map(|v| v.rust_name.as_str()).collect();
    assert_eq!(names, ["String", "Integer", "Full"]);
    assert_eq!(id.variants[2].ty, named("IdFull"));
}

#[test]
fn fields_that_close_a_cycle_are_boxed_and_vec_cycles_are_not() {
    let types = types(
        "    Node:
      type: object
      properties:
        parent: {$ref: '#/components/schemas/Node'}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        label: {type: string}
    Expr:
      oneOf: [{$ref: '#/components/schemas/Add'}, {type: integer}]
    Add:
      type: object
      properties:
        left: {$ref: '#/components/schemas/Expr'}
        note: {$ref: '#/components/schemas/Note'}
    Note: {type: object, properties: {text: {type: string}}}
",
    );
    let node = struct_of(&types, "Node");
    assert!(field(node, "parent").boxed);
    assert!(!field(node, "children").boxed && !field(node, "label").boxed);
    let add = struct_of(&types, "Add");
    assert!(field(add, "left").boxed && !field(add, "note").boxed);
}

#[test]
fn cycles_without_an_object_property_are_reported() {
    let spec = spec(
        "    A: {oneOf: [{$ref: '#/components/schemas/B'}, {type: string}]}
    B: {oneOf: [{$ref: '#/components/schemas/A'}, {type: integer}]}
    C: {type: array, items: {$ref: '#/components/schemas/C'}}
",
    );
    let (_, problems) = TypeBuilder::new(&spec).finish();
    assert_eq!(
        error_pointers(&problems),
        [
            "#/components/schemas/A",
            "#/components/schemas/B",
            "#/components/schemas/C"
        ]
    );
}

#[test]
fn maps_and_free_form_objects() {
    let types = types(
        "    Labels: {type: object, additionalProperties: {type: string}}
    Anything: {type: object, additionalProperties: true}
    Free: {type: object}
    Scored:
      type: object
      properties: {name: {type: string}}
      additionalProperties: {type: integer}
    Nested: {type: object, additionalProperties: {type: object, properties: {x: {type: number}}}}
    Holes: {type: array, items: {type: string, nullable: true}}
",
    );
    assert_eq!(
        find(&types, "Labels").kind,
        TypeKind::Alias(TypeRef::Map(Box::new(TypeRef::String)))
    );
    assert_eq!(
        find(&types, "Anything").kind,
        TypeKind::Alias(TypeRef::Map(Box::new(TypeRef::Json)))
    );
    assert_eq!(find(&types, "Free").kind, TypeKind::Alias(TypeRef::Json));
    assert_eq!(
        struct_of(&types, "Scored").additional,
        Additional::Typed(TypeRef::I64)
    );
    assert_eq!(
        find(&types, "Nested").kind,
        TypeKind::Alias(TypeRef::Map(Box::new(named("NestedValue"))))
    );
    let holes = TypeRef::Vec(Box::new(TypeRef::Nullable(Box::new(TypeRef::String))));
    assert_eq!(find(&types, "Holes").kind, TypeKind::Alias(holes));
}

#[test]
fn defaults_access_and_deprecation_are_carried() {
    let types = types(
        "    Flag:
      type: object
      deprecated: true
      required: [id, secret]
      properties:
        id: {type: string, readOnly: true}
        secret: {type: string, writeOnly: true}
        enabled: {type: boolean, default: false}
        old: {type: string, deprecated: true, description: Use new.}
",
    );
    let flag = find(&types, "Flag");
    assert!(flag.deprecated);
    let TypeKind::Struct(s) = &flag.kind else {
        panic!("Flag is not a struct")
    };
    assert!(field(s, "id").read_only && field(s, "id").is_optional());
    assert!(field(s, "secret").write_only && field(s, "secret").is_optional());
    assert_eq!(field(s, "enabled").default, Some(serde_json::json!(false)));
    assert!(field(s, "old").deprecated);
    assert_eq!(
        field(s, "old").docs.description.as_deref(),
        Some("Use new.")
    );
}

#[test]
fn field_names_are_escaped_and_unique() {
    let types = types(
        "    Odd:
      type: object
      properties:
        type: {type: string}
        additional_properties: {type: string}
        fooBar: {type: string}
        foo_bar: {type: string}
        2fa: {type: boolean}
",
    );
    let names: Vec<&str> = struct_of(&types, "Odd")
        .fields
        .iter()
        .map(|f| f.rust_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "type_",
            "additional_properties_2",
            "foo_bar",
            "foo_bar_2",
            "n2fa"
        ]
    );
}

#[test]
fn unsupported_schemas_are_reported_where_they_are() {
    let spec = spec(
        "    Odd:
      type: object
      properties:
        no: {not: {type: string}}
    Mixed:
      allOf: [{type: string}, {type: object, properties: {a: {type: string}}}]
",
    );
    let (_, problems) = TypeBuilder::new(&spec).finish();
    assert_eq!(
        error_pointers(&problems),
        [
            "#/components/schemas/Odd/properties/no",
            "#/components/schemas/Mixed/allOf/0"
        ]
    );
}
