//! `oneOf` / `anyOf` to unions: variant names, and discriminator tags for tagged ones.

use std::collections::BTreeSet;

use openapiv3::{Discriminator, SchemaData};

use super::shape::SchemaRef;
use super::{numbered, TypeBuilder};
use crate::diagnostics::{pointer_join, Code, Diagnostic};
use crate::model::names::type_name;
use crate::model::{TypeRef, Union, UnionVariant};

/// The variant every union has for values no alternative matches.
pub const UNKNOWN_VARIANT: &str = "Unknown";

impl<'a> TypeBuilder<'a> {
    /// The union named `name` of `alternatives` (listed at `pointer`).
    pub(super) fn union_of<'s>(
        &mut self,
        name: &str,
        pointer: &str,
        alternatives: &[SchemaRef<'s>],
        data: &SchemaData,
    ) -> Union
    where
        'a: 's,
    {
        let mut taken = BTreeSet::from([UNKNOWN_VARIANT.to_string()]);
        let mut variants = Vec::new();
        for (i, alternative) in alternatives.iter().enumerate() {
            let alternative_pointer = pointer_join(pointer, &i.to_string());
            let title = match alternative {
                SchemaRef::Inline(schema) => schema.schema_data.title.as_deref(),
                SchemaRef::Ref(_) => None,
            };
            let hint = match title {
                Some(title) => format!("{name} {title}"),
                None => format!("{name} variant {}", i + 1),
            };
            let ty = self.ref_of(*alternative, &hint, &alternative_pointer);
            let base = title.map(type_name).unwrap_or_else(|| kind_name(&ty));
            let rust_name = numbered(&base, &taken);
            taken.insert(rust_name.clone());
            let tag = data
                .discriminator
                .as_ref()
                .and_then(|d| self.tag_of(d, *alternative, &alternative_pointer));
            variants.push(UnionVariant { rust_name, ty, tag });
        }
        Union {
            discriminator: data.discriminator.as_ref().map(|d| d.property_name.clone()),
            variants,
        }
    }

    /// The discriminator value selecting `alternative`: its `mapping` key, else its component
    /// name. Inline alternatives cannot be selected by a discriminator.
    fn tag_of<'s>(
        &mut self,
        discriminator: &Discriminator,
        alternative: SchemaRef<'s>,
        pointer: &str,
    ) -> Option<String>
    where
        'a: 's,
    {
        let SchemaRef::Ref(reference) = alternative else {
            let message = "an alternative of a union with a `discriminator` must be a `$ref`";
            self.diagnostics.push(Diagnostic::new(
                Code::UnsupportedDiscriminator,
                pointer,
                message,
            ));
            return None;
        };
        let key = self.component_key(reference)?;
        let mapped = discriminator
            .mapping
            .iter()
            .find(|(_, target)| target.as_str() == reference || target.as_str() == key);
        Some(mapped.map_or(key, |(tag, _)| tag.as_str()).to_string())
    }
}

/// A variant name for an alternative that has no title: its type's name, or what kind of
/// JSON value it is.
fn kind_name(ty: &TypeRef) -> String {
    let name = match ty {
        TypeRef::Named(name) => name,
        TypeRef::String => "String",
        TypeRef::Bool => "Boolean",
        TypeRef::I32 | TypeRef::I64 => "Integer",
        TypeRef::F32 | TypeRef::F64 => "Number",
        TypeRef::Uuid => "Uuid",
        TypeRef::DateTime => "DateTime",
        TypeRef::Date => "Date",
        TypeRef::Base64 | TypeRef::Binary => "Bytes",
        TypeRef::Json => "Json",
        TypeRef::Vec(_) => "Array",
        TypeRef::Map(_) => "Map",
        TypeRef::Nullable(inner) => return kind_name(inner),
    };
    name.to_string()
}
