//! A schema's meaning, read the same way from openapiv3's typed forms and its catch-all form.

use openapiv3::{
    AdditionalProperties, AnySchema, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};

/// A schema or a `$ref` to one, whichever container openapiv3 used.
#[derive(Debug, Clone, Copy)]
pub enum SchemaRef<'s> {
    /// `$ref: '...'`.
    Ref(&'s str),
    /// An inline schema.
    Inline(&'s Schema),
}

impl<'s> From<&'s ReferenceOr<Schema>> for SchemaRef<'s> {
    fn from(schema: &'s ReferenceOr<Schema>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'s> From<&'s ReferenceOr<Box<Schema>>> for SchemaRef<'s> {
    fn from(schema: &'s ReferenceOr<Box<Schema>>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

/// The properties part of an object schema.
#[derive(Debug, Clone)]
pub struct ObjectShape<'s> {
    /// `properties`, in spec order.
    pub properties: Vec<(&'s str, SchemaRef<'s>)>,
    /// `required`.
    pub required: Vec<&'s str>,
    /// `additionalProperties`.
    pub additional: Extra<'s>,
}

/// What `additionalProperties` says.
#[derive(Debug, Clone, Copy)]
pub enum Extra<'s> {
    /// Absent, or `false`.
    Unspecified,
    /// `true`.
    Any,
    /// A schema for the values.
    Typed(SchemaRef<'s>),
}

/// What a schema describes, independent of how openapiv3 parsed it.
#[derive(Debug, Clone)]
pub enum Shape<'s> {
    /// `type: string`, with its format and its `enum` values (empty when not an enum).
    String {
        format: Option<&'s str>,
        values: Vec<String>,
    },
    /// `type: integer`, with its format and its `enum` values.
    Integer {
        format: Option<&'s str>,
        values: Vec<i64>,
    },
    /// `type: number`.
    Number { format: Option<&'s str> },
    /// `type: boolean`.
    Boolean,
    /// `type: array`.
    Array { items: Option<SchemaRef<'s>> },
    /// `type: object` (or properties without a type).
    Object(ObjectShape<'s>),
    /// `allOf`, with the schema's own properties when it has any.
    AllOf {
        parts: Vec<SchemaRef<'s>>,
        own: Option<ObjectShape<'s>>,
    },
    /// `oneOf` or `anyOf` (`keyword` says which).
    OneOf {
        keyword: &'static str,
        alternatives: Vec<SchemaRef<'s>>,
    },
    /// `{}`: any JSON value.
    Any,
    /// Something the generator cannot model, with the reason.
    Unsupported(String),
}

/// Reads the shape of an inline schema.
pub fn shape_of(schema: &Schema) -> Shape<'_> {
    match &schema.schema_kind {
        SchemaKind::Type(ty) => typed_shape(ty),
        SchemaKind::OneOf { one_of } => one_of_shape("oneOf", one_of),
        SchemaKind::AnyOf { any_of } => one_of_shape("anyOf", any_of),
        SchemaKind::AllOf { all_of } => Shape::AllOf {
            parts: substantive(all_of),
            own: None,
        },
        SchemaKind::Not { .. } => Shape::Unsupported("`not` schemas are not supported".to_string()),
        SchemaKind::Any(any) => any_shape(any),
    }
}

/// The `allOf` parts that say something about the value: parts that only annotate it (a
/// `description`, a `title`) add no type, and leave the others to decide it.
fn substantive(parts: &[ReferenceOr<Schema>]) -> Vec<SchemaRef<'_>> {
    parts
        .iter()
        .filter(|part| part.as_item().is_none_or(|schema| !is_annotation(schema)))
        .map(SchemaRef::from)
        .collect()
}

/// The annotation-only parts of an `allOf` (see [`substantive`]), whose words still document
/// the value.
pub fn annotations(schema: &Schema) -> impl Iterator<Item = &Schema> {
    let parts = match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => all_of.as_slice(),
        SchemaKind::Any(any) => any.all_of.as_slice(),
        _ => &[],
    };
    parts
        .iter()
        .filter_map(ReferenceOr::as_item)
        .filter(|schema| is_annotation(schema))
}

/// Whether a schema has no keyword that constrains or types its value.
fn is_annotation(schema: &Schema) -> bool {
    matches!(&schema.schema_kind, SchemaKind::Any(any) if *any == AnySchema::default())
}

/// A `oneOf` or `anyOf` list.
fn one_of_shape<'s>(keyword: &'static str, alternatives: &'s [ReferenceOr<Schema>]) -> Shape<'s> {
    Shape::OneOf {
        keyword,
        alternatives: alternatives.iter().map(SchemaRef::from).collect(),
    }
}

/// The shape of a schema openapiv3 parsed into one of its typed forms.
fn typed_shape(ty: &Type) -> Shape<'_> {
    match ty {
        Type::String(s) => Shape::String {
            format: format_str(&s.format),
            values: s.enumeration.iter().flatten().cloned().collect(),
        },
        Type::Integer(i) => Shape::Integer {
            format: format_str(&i.format),
            values: i.enumeration.iter().flatten().copied().collect(),
        },
        Type::Number(n) => Shape::Number {
            format: format_str(&n.format),
        },
        Type::Boolean(_) => Shape::Boolean,
        Type::Array(a) => Shape::Array {
            items: a.items.as_ref().map(SchemaRef::from),
        },
        Type::Object(o) => Shape::Object(ObjectShape {
            properties: o
                .properties
                .iter()
                .map(|(k, v)| (k.as_str(), SchemaRef::from(v)))
                .collect(),
            required: o.required.iter().map(String::as_str).collect(),
            additional: extra(o.additional_properties.as_ref()),
        }),
    }
}

/// The shape of a schema that mixes keywords openapiv3 has no typed form for.
fn any_shape(any: &AnySchema) -> Shape<'_> {
    let object = ObjectShape {
        properties: any
            .properties
            .iter()
            .map(|(k, v)| (k.as_str(), SchemaRef::from(v)))
            .collect(),
        required: any.required.iter().map(String::as_str).collect(),
        additional: extra(any.additional_properties.as_ref()),
    };
    let has_object_keywords = !object.properties.is_empty() || any.additional_properties.is_some();
    if !any.all_of.is_empty() {
        let own = has_object_keywords.then_some(object);
        return Shape::AllOf {
            parts: substantive(&any.all_of),
            own,
        };
    }
    if !any.one_of.is_empty() {
        return one_of_shape("oneOf", &any.one_of);
    }
    if !any.any_of.is_empty() {
        return one_of_shape("anyOf", &any.any_of);
    }
    if any.not.is_some() {
        return Shape::Unsupported("`not` schemas are not supported".to_string());
    }
    let format = any.format.as_deref();
    match any.typ.as_deref() {
        Some("string") => Shape::String {
            format,
            values: string_values(&any.enumeration),
        },
        Some("integer") => Shape::Integer {
            format,
            values: any
                .enumeration
                .iter()
                .filter_map(serde_json::Value::as_i64)
                .collect(),
        },
        Some("number") => Shape::Number { format },
        Some("boolean") => Shape::Boolean,
        Some("array") => Shape::Array {
            items: any.items.as_ref().map(SchemaRef::from),
        },
        Some("object") => Shape::Object(object),
        None if has_object_keywords => Shape::Object(object),
        None if !any.enumeration.is_empty()
            && any.enumeration.iter().all(|v| v.is_string() || v.is_null()) =>
        {
            Shape::String {
                format,
                values: string_values(&any.enumeration),
            }
        }
        None => Shape::Any,
        Some(other) => Shape::Unsupported(format!("unknown schema type `{other}`")),
    }
}

/// The string values of an `enum` list, nulls skipped.
fn string_values(values: &[serde_json::Value]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// `additionalProperties`, read.
fn extra(additional: Option<&AdditionalProperties>) -> Extra<'_> {
    match additional {
        None | Some(AdditionalProperties::Any(false)) => Extra::Unspecified,
        Some(AdditionalProperties::Any(true)) => Extra::Any,
        Some(AdditionalProperties::Schema(schema)) => {
            Extra::Typed(SchemaRef::from(schema.as_ref()))
        }
    }
}

/// A `format` as written, whether openapiv3 knew it or not.
fn format_str<T: KnownFormat>(format: &VariantOrUnknownOrEmpty<T>) -> Option<&str> {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => Some(known.as_str()),
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s.as_str()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// A format openapiv3 parses into an enum, spelled as in the spec.
trait KnownFormat {
    /// The spec's spelling.
    fn as_str(&self) -> &'static str;
}

impl KnownFormat for StringFormat {
    fn as_str(&self) -> &'static str {
        match self {
            StringFormat::Date => "date",
            StringFormat::DateTime => "date-time",
            StringFormat::Password => "password",
            StringFormat::Byte => "byte",
            StringFormat::Binary => "binary",
        }
    }
}

impl KnownFormat for IntegerFormat {
    fn as_str(&self) -> &'static str {
        match self {
            IntegerFormat::Int32 => "int32",
            IntegerFormat::Int64 => "int64",
        }
    }
}

impl KnownFormat for NumberFormat {
    fn as_str(&self) -> &'static str {
        match self {
            NumberFormat::Float => "float",
            NumberFormat::Double => "double",
        }
    }
}
