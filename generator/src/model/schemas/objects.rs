//! Object schemas to structs: properties in spec order, `allOf` parts merged, field names made
//! unique.

use super::shape::{shape_of, Extra, ObjectShape, SchemaRef, Shape};
use super::{parts, TypeBuilder};
use crate::diagnostics::{pointer_join, warn, Code, Diagnostic};
use crate::model::names::{distinct, field_name, Wanted};
use crate::model::{Additional, Docs, Field, Struct, TypeRef};

/// The Rust name of the field that keeps properties the spec does not list.
pub const EXTRA_FIELD: &str = "additional_properties";

/// How deeply `allOf` parts (and the components they name) may nest in one struct.
const MAX_ALL_OF_DEPTH: usize = 64;

/// One object schema contributing properties to a struct.
pub struct Part<'s> {
    object: ObjectShape<'s>,
    /// Pointer of the object schema.
    pointer: String,
    /// Rust name of the component it belongs to, when it is not the struct being built:
    /// its inline property types are named after (and shared with) that component.
    owner: Option<String>,
}

impl<'s> Part<'s> {
    /// The struct's own object schema at `pointer`.
    pub fn own(object: ObjectShape<'s>, pointer: &str) -> Self {
        Part {
            object,
            pointer: pointer.to_string(),
            owner: None,
        }
    }
}

impl<'a> TypeBuilder<'a> {
    /// The object parts of an `allOf` (nested `allOf`s and `$ref`s flattened), then `own`.
    pub(super) fn all_of_parts<'s>(
        &mut self,
        parts: Vec<SchemaRef<'s>>,
        own: Option<ObjectShape<'s>>,
        pointer: &str,
    ) -> Vec<Part<'s>>
    where
        'a: 's,
    {
        let mut out = Vec::new();
        let all_of = pointer_join(pointer, "allOf");
        for (i, part) in parts.into_iter().enumerate() {
            self.collect_part(
                part,
                pointer_join(&all_of, &i.to_string()),
                None,
                0,
                &mut out,
            );
        }
        if let Some(object) = own {
            out.push(Part::own(object, pointer));
        }
        out
    }

    /// Adds the object schemas `schema` stands for to `out`.
    fn collect_part<'s>(
        &mut self,
        schema: SchemaRef<'s>,
        pointer: String,
        owner: Option<String>,
        depth: usize,
        out: &mut Vec<Part<'s>>,
    ) where
        'a: 's,
    {
        if depth > self.components.len().min(MAX_ALL_OF_DEPTH) {
            let message = format!(
                "`allOf` includes itself, or nests more than {MAX_ALL_OF_DEPTH} levels deep"
            );
            self.diagnostics
                .push(Diagnostic::new(Code::RefCycle, pointer, message));
            return;
        }
        let inline = match schema {
            SchemaRef::Inline(inline) => inline,
            SchemaRef::Ref(reference) => {
                let (target, key, target_pointer) = match self.resolve(reference) {
                    Some((key, target)) => (
                        SchemaRef::from(target),
                        key,
                        pointer_join("#/components/schemas", key),
                    ),
                    None => match parts::schema_part(self.spec, reference) {
                        Some((part, key)) => (part, key, reference.to_string()),
                        None => {
                            let message = format!("unresolved reference `{reference}`");
                            self.diagnostics.push(Diagnostic::new(
                                Code::UnresolvedRef,
                                pointer,
                                message,
                            ));
                            return;
                        }
                    },
                };
                let owner = self.components.get(key).cloned();
                return self.collect_part(target, target_pointer, owner, depth + 1, out);
            }
        };
        match shape_of(inline) {
            Shape::Object(object) => out.push(Part {
                object,
                pointer,
                owner,
            }),
            Shape::AllOf { parts, own } => {
                for (i, part) in parts.into_iter().enumerate() {
                    let part_pointer = format!("{pointer}/allOf/{i}");
                    self.collect_part(part, part_pointer, owner.clone(), depth + 1, out);
                }
                if let Some(object) = own {
                    out.push(Part {
                        object,
                        pointer,
                        owner,
                    });
                }
            }
            Shape::Any => {}
            _ => self.diagnostics.push(Diagnostic::new(
                Code::UnsupportedSchema,
                pointer,
                "only object schemas can be merged by `allOf`; this part is not an object",
            )),
        }
    }

    /// A struct named `name` from its object parts: later parts redefine a property in place,
    /// a property required by any part is required, and a required name no part declares is
    /// a required field of any JSON value (with a warning).
    pub(super) fn struct_of<'s>(&mut self, name: &str, parts: Vec<Part<'s>>) -> Struct
    where
        'a: 's,
    {
        let mut fields: Vec<Field> = Vec::new();
        let mut pointers: Vec<String> = Vec::new();
        let mut required: Vec<(&str, String)> = Vec::new();
        let mut additional = Additional::Keep;
        for part in parts {
            let owner = part.owner.as_deref().unwrap_or(name);
            let properties = pointer_join(&part.pointer, "properties");
            for (json_name, schema) in &part.object.properties {
                let pointer = pointer_join(&properties, json_name);
                let field = self.field_of(owner, json_name, *schema, &pointer);
                match fields.iter().position(|f| f.json_name == field.json_name) {
                    Some(i) => {
                        fields[i] = field;
                        pointers[i] = pointer;
                    }
                    None => {
                        fields.push(field);
                        pointers.push(pointer);
                    }
                }
            }
            for (i, json_name) in part.object.required.iter().enumerate() {
                if !required.iter().any(|(known, _)| known == json_name) {
                    let pointer = format!("{}/required/{i}", part.pointer);
                    required.push((json_name, pointer));
                }
            }
            if let (Additional::Keep, Extra::Typed(value)) = (&additional, part.object.additional) {
                let value_pointer = pointer_join(&part.pointer, "additionalProperties");
                additional = Additional::Typed(self.ref_of(
                    value,
                    &format!("{owner} Value"),
                    &value_pointer,
                ));
            }
        }
        for field in &mut fields {
            field.required = required.iter().any(|(n, _)| *n == field.json_name);
        }
        for (json_name, pointer) in required {
            if !fields.iter().any(|f| f.json_name == json_name) {
                let message = format!(
                    "required property {json_name:?} is declared by no `properties`; it is a required field holding any JSON value"
                );
                warn(
                    &mut self.diagnostics,
                    Code::UndeclaredRequiredProperty,
                    &pointer,
                    message,
                );
                fields.push(undeclared_field(json_name));
                pointers.push(pointer);
            }
        }
        self.name_fields(&mut fields, &pointers);
        Struct { fields, additional }
    }

    /// One property of a struct whose inline types are named after `owner`.
    fn field_of<'s>(
        &mut self,
        owner: &str,
        json_name: &str,
        schema: SchemaRef<'s>,
        pointer: &str,
    ) -> Field
    where
        'a: 's,
    {
        let ty = self.ref_of(schema, &format!("{owner} {json_name}"), pointer);
        let meta = self.meta(schema);
        Field {
            json_name: json_name.to_string(),
            rust_name: field_name(json_name),
            ty,
            required: false,
            nullable: meta.nullable,
            boxed: false,
            default: meta.default,
            read_only: meta.read_only,
            write_only: meta.write_only,
            // A deprecated schema marks its type, not every property that uses it.
            deprecated: matches!(schema, SchemaRef::Inline(inline) if inline.schema_data.deprecated),
            docs: meta.docs,
        }
    }

    /// Makes field names distinct in spec order, keeping clear of [`EXTRA_FIELD`]; each
    /// renamed field is warned about at its property (`pointers`, parallel to `fields`).
    fn name_fields(&mut self, fields: &mut [Field], pointers: &[String]) {
        let wanted: Vec<Wanted> = fields
            .iter()
            .map(|f| Wanted::new(&f.json_name, format!("property {:?}", f.json_name)))
            .collect();
        let reserved = [(EXTRA_FIELD, "the field keeping unknown properties")];
        let given = distinct(&wanted, field_name, &reserved);
        for ((field, pointer), given) in fields.iter_mut().zip(pointers).zip(given) {
            if let Some(message) = given.renamed {
                warn(
                    &mut self.diagnostics,
                    Code::RenamedToAvoidCollision,
                    pointer,
                    message,
                );
            }
            field.rust_name = given.rust;
        }
    }
}

/// The field of a required property that no `properties` declares: any JSON value, required.
fn undeclared_field(json_name: &str) -> Field {
    Field {
        json_name: json_name.to_string(),
        rust_name: field_name(json_name),
        ty: TypeRef::Json,
        required: true,
        nullable: false,
        boxed: false,
        default: None,
        read_only: false,
        write_only: false,
        deprecated: false,
        docs: Docs {
            summary: None,
            description: Some(
                "Required by the spec, which does not describe it: any JSON value.".to_string(),
            ),
        },
    }
}
