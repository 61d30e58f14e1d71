//! Schemas to named types: objects, enums, unions, aliases, with inline schemas named from
//! their parent.

mod cycles;
mod objects;
mod parts;
mod shape;
mod unions;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use openapiv3::{OpenAPI, ReferenceOr, Schema, SchemaData};

use self::shape::{shape_of, Extra, SchemaRef, Shape};
use super::names::{distinct, type_name, variant_name, Wanted};
use super::{Docs, Enum, EnumRepr, EnumVariant, TypeDef, TypeKind, TypeRef};
use crate::diagnostics::{pointer_join, warn, Code, Diagnostic};

/// Where component schemas live, as a `$ref` prefix.
const COMPONENT_PREFIX: &str = "#/components/schemas/";

/// Collects the named types of a spec: every component schema, plus the inline schemas that
/// operations hand it while the operation model is built.
pub struct TypeBuilder<'a> {
    spec: &'a OpenAPI,
    /// Component key to Rust name.
    components: BTreeMap<&'a str, String>,
    /// Every Rust type name handed out.
    taken: BTreeSet<String>,
    /// Types of inline schemas already modelled, by the schema's pointer.
    inline: BTreeMap<String, TypeRef>,
    types: BTreeMap<String, TypeDef>,
    diagnostics: Vec<Diagnostic>,
    /// What each component schema says about its value (see [`TypeBuilder::meta`]).
    component_meta: HashMap<&'a str, Meta>,
    /// `$ref`s to parts of components being modelled, innermost last (a part may contain a
    /// reference to itself).
    parts_in_progress: Vec<String>,
}

impl<'a> TypeBuilder<'a> {
    /// Registers every schema in `components/schemas`.
    pub fn new(spec: &'a OpenAPI) -> Self {
        let mut builder = TypeBuilder {
            spec,
            components: BTreeMap::new(),
            taken: BTreeSet::new(),
            inline: BTreeMap::new(),
            types: BTreeMap::new(),
            diagnostics: Vec::new(),
            component_meta: HashMap::new(),
            parts_in_progress: Vec::new(),
        };
        let schemas = spec.components.as_ref().map(|c| &c.schemas);
        let keys: Vec<&str> = schemas
            .into_iter()
            .flat_map(|s| s.keys())
            .map(String::as_str)
            .collect();
        let wanted: Vec<Wanted> = keys
            .iter()
            .map(|key| Wanted::new(key, format!("schema {key:?}")))
            .collect();
        for (key, given) in keys.iter().zip(distinct(&wanted, type_name, &[])) {
            if let Some(message) = given.renamed {
                let pointer = pointer_join("#/components/schemas", key);
                warn(
                    &mut builder.diagnostics,
                    Code::RenamedToAvoidCollision,
                    &pointer,
                    message,
                );
            }
            builder.taken.insert(given.rust.clone());
            builder.components.insert(key, given.rust);
        }
        builder.component_meta = builder.component_metas();
        for (key, schema) in schemas.into_iter().flatten() {
            builder.define_component(key, schema);
        }
        builder
    }

    /// The type of a schema used at `pointer`. Inline objects, enums and unions become named
    /// types called `name_hint` (made unique deterministically).
    pub fn type_ref(
        &mut self,
        schema: &ReferenceOr<Schema>,
        name_hint: &str,
        pointer: &str,
    ) -> TypeRef {
        self.ref_of(SchemaRef::from(schema), name_hint, pointer)
    }

    /// A named type built so far, by Rust name.
    pub fn lookup(&self, name: &str) -> Option<&TypeDef> {
        self.types.get(name)
    }

    /// All named types sorted by name, with fields that close a cycle boxed, and every
    /// problem found.
    pub fn finish(mut self) -> (Vec<TypeDef>, Vec<Diagnostic>) {
        cycles::box_recursive_fields(&mut self.types, &mut self.diagnostics);
        (self.types.into_values().collect(), self.diagnostics)
    }

    /// Models one entry of `components/schemas`.
    fn define_component<'s>(&mut self, key: &str, schema: &'s ReferenceOr<Schema>)
    where
        'a: 's,
    {
        let Some(name) = self.components.get(key).cloned() else {
            return;
        };
        let pointer = pointer_join("#/components/schemas", key);
        let schema = SchemaRef::from(schema);
        let kind = match schema {
            SchemaRef::Inline(inline) => self.named_kind(&name, &pointer, inline),
            SchemaRef::Ref(_) => TypeKind::Alias(self.ref_of(schema, &name, &pointer)),
        };
        let meta = self.meta(schema);
        self.insert(TypeDef {
            name,
            pointer,
            docs: meta.docs,
            deprecated: meta.deprecated,
            kind,
        });
    }

    /// The type of a schema used at `pointer`; inline schemas that need a name get one from
    /// `hint`.
    fn ref_of<'s>(&mut self, schema: SchemaRef<'s>, hint: &str, pointer: &str) -> TypeRef
    where
        'a: 's,
    {
        let inline = match schema {
            SchemaRef::Ref(reference) => return self.named_ref(reference, pointer),
            SchemaRef::Inline(inline) => inline,
        };
        if let Some(known) = self.inline.get(pointer) {
            return known.clone();
        }
        let ty = self.fresh_ref(inline, hint, pointer);
        self.inline.insert(pointer.to_string(), ty.clone());
        ty
    }

    /// The type of an inline schema, modelled now.
    fn fresh_ref<'s>(&mut self, inline: &'s Schema, hint: &str, pointer: &str) -> TypeRef
    where
        'a: 's,
    {
        match shape_of(inline) {
            Shape::String { values, .. } if !values.is_empty() => {
                self.define_inline(hint, pointer, inline)
            }
            Shape::Integer { values, .. } if !values.is_empty() => {
                self.define_inline(hint, pointer, inline)
            }
            Shape::String { format, .. } => string_type(format),
            Shape::Integer { format, .. } => integer_type(format),
            Shape::Number { format } => number_type(format),
            Shape::Boolean => TypeRef::Bool,
            Shape::Any => TypeRef::Json,
            Shape::Array { items } => TypeRef::Vec(Box::new(
                self.element_ref(items, hint, "Item", pointer, "items"),
            )),
            Shape::Object(object) if object.properties.is_empty() => match object.additional {
                Extra::Typed(value) => {
                    let value = Some(value);
                    TypeRef::Map(Box::new(self.element_ref(
                        value,
                        hint,
                        "Value",
                        pointer,
                        "additionalProperties",
                    )))
                }
                Extra::Any => TypeRef::Map(Box::new(TypeRef::Json)),
                Extra::Unspecified => TypeRef::Json,
            },
            Shape::AllOf { parts, own: None } if parts.len() <= 1 => match parts.first() {
                Some(part) => self.ref_of(*part, hint, &format!("{pointer}/allOf/0")),
                None => TypeRef::Json,
            },
            Shape::Object(_) | Shape::AllOf { .. } | Shape::OneOf { .. } => {
                self.define_inline(hint, pointer, inline)
            }
            Shape::Unsupported(reason) => {
                self.diagnostics
                    .push(Diagnostic::new(Code::UnsupportedSchema, pointer, reason));
                TypeRef::Json
            }
        }
    }

    /// The type of an array's items or a map's values, `Nullable` when they allow null.
    fn element_ref<'s>(
        &mut self,
        element: Option<SchemaRef<'s>>,
        hint: &str,
        suffix: &str,
        pointer: &str,
        token: &str,
    ) -> TypeRef
    where
        'a: 's,
    {
        let Some(element) = element else {
            return TypeRef::Json;
        };
        let ty = self.ref_of(
            element,
            &format!("{hint} {suffix}"),
            &pointer_join(pointer, token),
        );
        if self.meta(element).nullable && ty != TypeRef::Json {
            TypeRef::Nullable(Box::new(ty))
        } else {
            ty
        }
    }

    /// A `$ref` to a component schema, by its Rust name.
    fn named_ref(&mut self, reference: &str, pointer: &str) -> TypeRef {
        match self
            .component_key(reference)
            .and_then(|key| self.components.get(key))
        {
            Some(name) => TypeRef::Named(name.clone()),
            None if reference.starts_with(COMPONENT_PREFIX) => self.part_ref(reference, pointer),
            None => {
                self.diagnostics.push(Diagnostic::new(
                    Code::UnresolvedRef,
                    pointer,
                    format!("unresolved reference `{reference}`"),
                ));
                TypeRef::Json
            }
        }
    }

    /// The type of the schema a `$ref` names inside a component schema (`Tag/allOf/0`),
    /// modelled where it is written (so every reference to it shares one type), named after
    /// its place (`TagAllOf0`).
    fn part_ref(&mut self, reference: &str, pointer: &str) -> TypeRef {
        let Some((part, _)) = parts::schema_part(self.spec, reference) else {
            let message = format!("unresolved reference `{reference}`");
            self.diagnostics
                .push(Diagnostic::new(Code::UnresolvedRef, pointer, message));
            return TypeRef::Json;
        };
        if self.parts_in_progress.iter().any(|r| r == reference) {
            let message = format!("`{reference}` contains itself through `$ref`s to its own parts; it is any JSON value");
            warn(&mut self.diagnostics, Code::UntypedSchema, pointer, message);
            return TypeRef::Json;
        }
        let hint = reference
            .trim_start_matches(COMPONENT_PREFIX)
            .replace('/', " ");
        self.parts_in_progress.push(reference.to_string());
        let ty = self.ref_of(part, &hint, reference);
        self.parts_in_progress.pop();
        ty
    }

    /// The component key a `$ref` names, if it points into `components/schemas`.
    fn component_key<'r>(&self, reference: &'r str) -> Option<&'r str> {
        reference
            .strip_prefix(COMPONENT_PREFIX)
            .filter(|key| !key.contains('/'))
    }

    /// The schema a `$ref` names, with its component key.
    fn resolve(&self, reference: &str) -> Option<(&'a str, &'a ReferenceOr<Schema>)> {
        let key = self.component_key(reference)?;
        let schemas = &self.spec.components.as_ref()?.schemas;
        schemas.get_key_value(key).map(|(k, v)| (k.as_str(), v))
    }

    /// Makes an inline schema a named type called after `hint`.
    fn define_inline<'s>(&mut self, hint: &str, pointer: &str, schema: &'s Schema) -> TypeRef
    where
        'a: 's,
    {
        let name = self.unique_name(&type_name(hint));
        self.inline
            .insert(pointer.to_string(), TypeRef::Named(name.clone()));
        let kind = self.named_kind(&name, pointer, schema);
        let data = &schema.schema_data;
        self.insert(TypeDef {
            name: name.clone(),
            pointer: pointer.to_string(),
            docs: docs_of(data),
            deprecated: data.deprecated,
            kind,
        });
        TypeRef::Named(name)
    }

    /// The kind of the named type `name` for an inline schema.
    fn named_kind<'s>(&mut self, name: &str, pointer: &str, schema: &'s Schema) -> TypeKind
    where
        'a: 's,
    {
        match shape_of(schema) {
            Shape::String { values, .. } if !values.is_empty() => {
                let values = values.iter().map(|v| (v.clone(), v.clone().into()));
                TypeKind::Enum(self.enum_of(EnumRepr::String, values, pointer))
            }
            Shape::Integer { values, .. } if !values.is_empty() => {
                let values = values.iter().map(|v| (v.to_string(), (*v).into()));
                TypeKind::Enum(self.enum_of(EnumRepr::Integer, values, pointer))
            }
            Shape::Object(object) if !object.properties.is_empty() => {
                TypeKind::Struct(self.struct_of(name, vec![objects::Part::own(object, pointer)]))
            }
            Shape::AllOf { parts, own } if parts.len() > 1 || own.is_some() => {
                let parts = self.all_of_parts(parts, own, pointer);
                TypeKind::Struct(self.struct_of(name, parts))
            }
            Shape::OneOf {
                keyword,
                alternatives,
            } => {
                let pointer = pointer_join(pointer, keyword);
                TypeKind::Union(self.union_of(name, &pointer, &alternatives, &schema.schema_data))
            }
            _ => TypeKind::Alias(self.fresh_ref(schema, name, pointer)),
        }
    }

    /// An enum from (text, value) pairs of the schema at `pointer`: duplicate values dropped,
    /// variant names made distinct (with a warning for each one renamed).
    fn enum_of(
        &mut self,
        repr: EnumRepr,
        values: impl Iterator<Item = (String, serde_json::Value)>,
        pointer: &str,
    ) -> Enum {
        let mut unique: Vec<(String, serde_json::Value)> = Vec::new();
        for (text, value) in values {
            if !unique.iter().any(|(_, v)| *v == value) {
                unique.push((text, value));
            }
        }
        let wanted: Vec<Wanted> = unique
            .iter()
            .map(|(text, _)| Wanted::new(text, format!("enum value {text:?}")))
            .collect();
        let given = distinct(&wanted, variant_name, &[]);
        let mut variants = Vec::with_capacity(unique.len());
        for ((_, value), given) in unique.into_iter().zip(given) {
            if let Some(message) = given.renamed {
                warn(
                    &mut self.diagnostics,
                    Code::RenamedToAvoidCollision,
                    &pointer_join(pointer, "enum"),
                    message,
                );
            }
            variants.push(EnumVariant {
                rust_name: given.rust,
                value,
            });
        }
        Enum { repr, variants }
    }

    /// A Rust type name not used yet: `base`, else `base2`, `base3`...
    fn unique_name(&mut self, base: &str) -> String {
        let name = numbered(base, &self.taken);
        self.taken.insert(name.clone());
        name
    }

    /// Adds a finished type.
    fn insert(&mut self, def: TypeDef) {
        self.types.insert(def.name.clone(), def);
    }

    /// What a schema says about its value, merged along `$ref`s and single-part `allOf`
    /// wrappers (the schema's own words win).
    fn meta(&self, schema: SchemaRef<'_>) -> Meta {
        let (mut meta, reference) = own_meta(schema);
        let key = reference.and_then(|r| self.component_key(r));
        if let Some(inner) = key.and_then(|key| self.component_meta.get(key)) {
            meta.absorb(inner);
        }
        meta
    }

    /// [`TypeBuilder::meta`] of every component schema, walking each chain of `$ref`s once
    /// (a chain that loops stops where it comes back).
    fn component_metas(&self) -> HashMap<&'a str, Meta> {
        let mut metas: HashMap<&'a str, Meta> = HashMap::new();
        let schemas = self.spec.components.as_ref().map(|c| &c.schemas);
        for start in schemas.into_iter().flat_map(|s| s.keys()) {
            let mut chain: Vec<(&'a str, Meta)> = Vec::new();
            let mut in_chain = HashSet::new();
            let mut inner = Meta::default();
            let mut next = Some(start.as_str());
            while let Some(key) = next.take() {
                if let Some(known) = metas.get(key) {
                    inner = known.clone();
                    break;
                }
                let Some((key, schema)) = schemas.and_then(|s| s.get_key_value(key)) else {
                    break;
                };
                if !in_chain.insert(key.as_str()) {
                    break;
                }
                let (own, reference) = own_meta(SchemaRef::from(schema));
                chain.push((key.as_str(), own));
                next = reference.and_then(|r| self.component_key(r));
            }
            for (key, mut meta) in chain.into_iter().rev() {
                meta.absorb(&inner);
                inner = meta.clone();
                metas.insert(key, meta);
            }
        }
        metas
    }
}

/// What `schema` and the single-part `allOf` wrappers it is made of say about its value, and
/// the `$ref` the chain goes on with, if any.
fn own_meta(schema: SchemaRef<'_>) -> (Meta, Option<&str>) {
    let mut meta = Meta::default();
    let mut next = Some(schema);
    while let Some(current) = next.take() {
        let inline = match current {
            SchemaRef::Ref(reference) => return (meta, Some(reference)),
            SchemaRef::Inline(inline) => inline,
        };
        meta.absorb(&Meta::of(&inline.schema_data));
        for annotation in shape::annotations(inline) {
            meta.absorb(&Meta::of(&annotation.schema_data));
        }
        if let Shape::AllOf { parts, own: None } = shape_of(inline) {
            if parts.len() == 1 {
                next = parts.first().copied();
            }
        }
    }
    (meta, None)
}

/// What a schema (and what it wraps) says about its value.
#[derive(Debug, Clone, Default)]
struct Meta {
    docs: Docs,
    nullable: bool,
    read_only: bool,
    write_only: bool,
    deprecated: bool,
    default: Option<serde_json::Value>,
}

impl Meta {
    /// What one schema says, on its own.
    fn of(data: &SchemaData) -> Meta {
        Meta {
            docs: docs_of(data),
            nullable: data.nullable,
            read_only: data.read_only,
            write_only: data.write_only,
            deprecated: data.deprecated,
            default: data.default.clone(),
        }
    }

    /// Adds what an inner schema in the chain says; earlier (outer) schemas win.
    fn absorb(&mut self, inner: &Meta) {
        let docs = &inner.docs;
        self.docs.summary = self.docs.summary.take().or_else(|| docs.summary.clone());
        self.docs.description = self
            .docs
            .description
            .take()
            .or_else(|| docs.description.clone());
        self.nullable |= inner.nullable;
        self.read_only |= inner.read_only;
        self.write_only |= inner.write_only;
        self.deprecated |= inner.deprecated;
        self.default = self.default.take().or_else(|| inner.default.clone());
    }
}

/// The documentation of a schema: `title` as summary, `description`.
fn docs_of(data: &SchemaData) -> Docs {
    Docs {
        summary: data.title.clone(),
        description: data.description.clone(),
    }
}

/// `base`, or `base2`, `base3`... whichever `taken` does not hold yet.
fn numbered(base: &str, taken: &BTreeSet<String>) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| base.to_string())
}

/// The Rust type of a string schema with `format`.
fn string_type(format: Option<&str>) -> TypeRef {
    match format {
        Some("uuid") => TypeRef::Uuid,
        Some("date-time") => TypeRef::DateTime,
        Some("date") => TypeRef::Date,
        Some("byte") => TypeRef::Base64,
        Some("binary") => TypeRef::Binary,
        _ => TypeRef::String,
    }
}

/// The Rust type of an integer schema with `format`.
fn integer_type(format: Option<&str>) -> TypeRef {
    match format {
        Some("int32") => TypeRef::I32,
        _ => TypeRef::I64,
    }
}

/// The Rust type of a number schema with `format`.
fn number_type(format: Option<&str>) -> TypeRef {
    match format {
        Some("float") => TypeRef::F32,
        _ => TypeRef::F64,
    }
}
