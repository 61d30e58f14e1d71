//! Structs: the type, its constructor and setters, and serde impls that keep unknown
//! properties without buffering (a field-identifier visitor, not `#[serde(flatten)]`).

use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::{
    allow_deprecated, code_span, json_type_tokens, mentions_deprecated, type_attrs, type_docs,
    type_ident,
};
use crate::emit::docs::docs_or;
use crate::model::{Additional, Api, EnumRepr, Field, Struct, TypeDef, TypeKind, TypeRef};

/// Name of the field holding properties the spec does not list.
const EXTRA: &str = "additional_properties";

/// The struct and its impls.
pub fn emit_struct(def: &TypeDef, s: &Struct, api: &Api) -> TokenStream {
    let touches = def.deprecated
        || s.fields
            .iter()
            .any(|f| f.deprecated || mentions_deprecated(&f.ty, api))
        || matches!(&s.additional, Additional::Typed(ty) if mentions_deprecated(ty, api));
    let allow = allow_deprecated(touches);
    let definition = definition(def, s, touches);
    let methods = methods(def, s, api);
    let serialize = serialize_impl(def, s);
    let deserialize = deserialize_impl(def, s);
    quote! {
        #definition
        #allow
        #methods
        #allow
        #serialize
        #allow
        #deserialize
    }
}

/// The Rust type of a field as stored: `T`, `Option<T>` or `Option<Option<T>>`, boxed inside
/// when it closes a cycle.
fn field_type(field: &Field) -> TokenStream {
    let value = value_type(field);
    match (field.is_optional(), field.nullable) {
        (false, false) => value,
        (true, true) => quote! { ::std::option::Option<::std::option::Option<#value>> },
        _ => quote! { ::std::option::Option<#value> },
    }
}

/// The type of a field's value, boxed when it closes a cycle.
fn value_type(field: &Field) -> TokenStream {
    let ty = json_type_tokens(&field.ty);
    if field.boxed {
        quote! { ::std::boxed::Box<#ty> }
    } else {
        ty
    }
}

/// The type of the map of unknown properties: raw JSON in arrival order (serde_json's
/// `preserve_order`), or a typed map when the spec gives `additionalProperties` a schema.
fn extra_type(s: &Struct) -> TokenStream {
    match &s.additional {
        Additional::Keep => {
            quote! { ::serde_json::Map<::std::string::String, ::serde_json::Value> }
        }
        Additional::Typed(ty) => {
            let value = json_type_tokens(ty);
            quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
        }
    }
}

/// An empty map of unknown properties.
fn extra_new(s: &Struct) -> TokenStream {
    match &s.additional {
        Additional::Keep => quote! { ::serde_json::Map::new() },
        Additional::Typed(_) => quote! { ::std::collections::BTreeMap::new() },
    }
}

/// The field's identifier.
fn field_ident(field: &Field) -> Ident {
    format_ident!("{}", field.rust_name)
}

/// `pub struct Name { ... }`.
fn definition(def: &TypeDef, s: &Struct, touches_deprecated: bool) -> TokenStream {
    let docs = type_docs(def);
    let attrs = type_attrs(def, touches_deprecated);
    let name = type_ident(&def.name);
    let derive_default = s
        .fields
        .iter()
        .all(Field::is_optional)
        .then(|| quote! { ::std::default::Default, });
    let fields = s.fields.iter().map(|field| {
        let docs = field_docs(field);
        let deprecated = field.deprecated.then(|| quote! { #[deprecated] });
        let ident = field_ident(field);
        let ty = field_type(field);
        quote! { #docs #deprecated pub #ident: #ty, }
    });
    let extra = format_ident!("{EXTRA}");
    let extra_ty = extra_type(s);
    let extra_doc = match s.additional {
        Additional::Keep => {
            " Properties the spec does not list, kept as received and sent back unchanged."
        }
        Additional::Typed(_) => {
            " Further properties (`additionalProperties`), sent back unchanged."
        }
    };
    quote! {
        #docs
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, #derive_default)]
        #[non_exhaustive]
        #attrs
        pub struct #name {
            #( #fields )*
            #[doc = #extra_doc]
            pub #extra: #extra_ty,
        }
    }
}

/// A field's doc comment: the spec's words, then what Rust makes of nullability, access and
/// defaults.
fn field_docs(field: &Field) -> TokenStream {
    let main = docs_or(&field.docs, &format!("The `{}` property.", field.json_name));
    let mut notes = Vec::new();
    if field.json_name != field.rust_name {
        notes.push(format!("JSON name: {}.", code_span(&field.json_name)));
    }
    match (field.is_optional(), field.nullable) {
        (true, true) => notes.push(
            "Three states: `None` leaves it out, `Some(None)` sends `null`, `Some(Some(v))` sends a value.".to_string(),
        ),
        (false, true) => notes.push("`None` is sent as `null`.".to_string()),
        _ => {}
    }
    if field.read_only {
        notes.push("Read-only: set by the server, which ignores it in requests.".to_string());
    }
    if field.write_only {
        notes.push("Write-only: sent to the server, never returned by it.".to_string());
    }
    if let Some(default) = &field.default {
        notes.push(format!("Default: {}.", code_span(&default.to_string())));
    }
    let notes = notes.iter().map(|note| format!(" {note}"));
    quote! { #main #( #[doc = ""] #[doc = #notes] )* }
}

/// `new`, the `with_` setters and the `_or_default` getters.
fn methods(def: &TypeDef, s: &Struct, api: &Api) -> TokenStream {
    let name = type_ident(&def.name);
    let params = s
        .fields
        .iter()
        .filter(|f| !f.is_optional() && only_value(f, api).is_none())
        .map(|f| {
            let ident = field_ident(f);
            let ty = json_type_tokens(&f.ty);
            if f.nullable {
                quote! { #ident: ::std::option::Option<#ty> }
            } else {
                quote! { #ident: #ty }
            }
        });
    let param_count = params.clone().count();
    let extra_new = extra_new(s);
    let inits = s.fields.iter().map(|f| {
        let ident = field_ident(f);
        if let Some(value) = only_value(f, api) {
            return quote! { #ident: #value };
        }
        match (f.is_optional(), f.boxed, f.nullable) {
            (true, _, _) => quote! { #ident: ::std::option::Option::None },
            (false, false, _) => quote! { #ident },
            (false, true, false) => quote! { #ident: ::std::boxed::Box::new(#ident) },
            (false, true, true) => quote! { #ident: #ident.map(::std::boxed::Box::new) },
        }
    });
    let too_many = (param_count > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let new_doc = format!(
        " A `{}` from its required fields; optional fields start absent, and a required field \
         that can hold only one value gets it.",
        def.name
    );
    let extra = format_ident!("{EXTRA}");
    let setters = s.fields.iter().filter(|f| f.is_optional()).map(setter);
    let getters = s.fields.iter().filter_map(|f| default_getter(f, api));
    quote! {
        impl #name {
            #[doc = #new_doc]
            #too_many
            pub fn new(#( #params ),*) -> Self {
                Self {
                    #( #inits, )*
                    #extra: #extra_new,
                }
            }
            #( #setters )*
            #( #getters )*
        }
    }
}

/// The one value a required field can hold, when its type is an enum with a single known
/// value (a JSON:API `type` tag): `new` fills it in.
fn only_value(field: &Field, api: &Api) -> Option<TokenStream> {
    if field.is_optional() || field.nullable || field.boxed {
        return None;
    }
    let TypeRef::Named(name) = &field.ty else {
        return None;
    };
    let def = api.type_def(name)?;
    match &def.kind {
        TypeKind::Enum(e) if e.variants.len() == 1 && !def.deprecated => {
            let path = super::model_path(name);
            let variant = type_ident(&e.variants[0].rust_name);
            Some(quote! { #path::#variant })
        }
        _ => None,
    }
}

/// `with_<field>`: sets an optional field (to `null` too, for a nullable one).
fn setter(field: &Field) -> TokenStream {
    let ident = field_ident(field);
    let method = format_ident!("with_{}", field.rust_name);
    let ty = json_type_tokens(&field.ty);
    let (param, value) = match (field.nullable, field.boxed) {
        (false, false) => (ty, quote! { value }),
        (false, true) => (ty, quote! { ::std::boxed::Box::new(value) }),
        (true, false) => (quote! { ::std::option::Option<#ty> }, quote! { value }),
        (true, true) => (
            quote! { ::std::option::Option<#ty> },
            quote! { value.map(::std::boxed::Box::new) },
        ),
    };
    let doc = if field.nullable {
        format!(" Sets `{}`; `None` sends `null`.", field.rust_name)
    } else {
        format!(" Sets `{}`.", field.rust_name)
    };
    quote! {
        #[doc = #doc]
        pub fn #method(mut self, value: #param) -> Self {
            self.#ident = ::std::option::Option::Some(#value);
            self
        }
    }
}

/// `<field>_or_default`: an optional scalar field's value, or the spec's default when absent.
fn default_getter(field: &Field, api: &Api) -> Option<TokenStream> {
    if !field.is_optional() || field.nullable || field.boxed {
        return None;
    }
    let default = field.default.as_ref()?;
    let ident = field_ident(field);
    let (ty, body) = match (&field.ty, default) {
        (TypeRef::Bool, Value::Bool(b)) => (quote! { bool }, quote! { self.#ident.unwrap_or(#b) }),
        (TypeRef::I32, Value::Number(n)) => {
            let lit = Literal::i32_suffixed(i32::try_from(n.as_i64()?).ok()?);
            (quote! { i32 }, quote! { self.#ident.unwrap_or(#lit) })
        }
        (TypeRef::I64, Value::Number(n)) => {
            let lit = Literal::i64_suffixed(n.as_i64()?);
            (quote! { i64 }, quote! { self.#ident.unwrap_or(#lit) })
        }
        (TypeRef::F64, Value::Number(n)) => {
            let lit = Literal::f64_suffixed(n.as_f64()?);
            (quote! { f64 }, quote! { self.#ident.unwrap_or(#lit) })
        }
        (TypeRef::String, Value::String(s)) => (
            quote! { &str },
            quote! { self.#ident.as_deref().unwrap_or(#s) },
        ),
        (TypeRef::Named(name), value) => {
            let variant = enum_variant_for(api, name, value)?;
            let path = super::model_path(name);
            (
                path.clone(),
                quote! { self.#ident.clone().unwrap_or(#path::#variant) },
            )
        }
        _ => return None,
    };
    let method = format_ident!("{}_or_default", field.rust_name);
    let doc = format!(
        " `{}`, or the spec's default {} when absent.",
        field.rust_name,
        code_span(&default.to_string())
    );
    Some(quote! {
        #[doc = #doc]
        pub fn #method(&self) -> #ty {
            #body
        }
    })
}

/// The variant of the enum `name` whose value is `value`.
fn enum_variant_for(api: &Api, name: &str, value: &Value) -> Option<Ident> {
    let def = api.type_def(name)?;
    let TypeKind::Enum(e) = &def.kind else {
        return None;
    };
    if def.deprecated || (e.repr == EnumRepr::String) != value.is_string() {
        return None;
    }
    let variant = e.variants.iter().find(|v| v.value == *value)?;
    Some(type_ident(&variant.rust_name))
}

/// `impl Serialize`: known fields in spec order (absent ones left out), then the unknown ones.
fn serialize_impl(def: &TypeDef, s: &Struct) -> TokenStream {
    let name = type_ident(&def.name);
    let entries = s.fields.iter().map(|f| {
        let ident = field_ident(f);
        let key = &f.json_name;
        if f.is_optional() {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#ident {
                    map.serialize_entry(#key, value)?;
                }
            }
        } else {
            quote! { map.serialize_entry(#key, &self.#ident)?; }
        }
    });
    let extra = format_ident!("{EXTRA}");
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                #( #entries )*
                for (key, value) in &self.#extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// `impl Deserialize`: one pass over the map; known keys matched as `&str` into their fields,
/// others collected. A `null` optional field is absent; a nullable one keeps its `null`.
fn deserialize_impl(def: &TypeDef, s: &Struct) -> TokenStream {
    let name = type_ident(&def.name);
    let expecting = format!("a `{}` object", def.name);
    let extra = format_ident!("{EXTRA}");
    let extra_ty = extra_type(s);
    let extra_new = extra_new(s);
    let keys = key_variants(s);
    let locals = s.fields.iter().map(|f| {
        let ident = field_ident(f);
        let ty = local_type(f);
        quote! { let mut #ident: #ty = ::std::option::Option::None; }
    });
    let finals = s.fields.iter().filter_map(finish_local);
    let field_idents = s.fields.iter().map(field_ident);
    let read_loop = if s.fields.is_empty() {
        quote! {
            while let ::std::option::Option::Some((key, value)) = __map.next_entry()? {
                #extra.insert(key, value);
            }
        }
    } else {
        let arms = s.fields.iter().zip(&keys).map(|(f, key)| {
            let ident = field_ident(f);
            let value = value_type(f);
            if f.nullable || !f.is_optional() {
                let read = if f.nullable { quote! { ::std::option::Option<#value> } } else { value };
                quote! { FieldKey::#key => #ident = ::std::option::Option::Some(__map.next_value::<#read>()?), }
            } else {
                quote! { FieldKey::#key => #ident = __map.next_value::<::std::option::Option<#value>>()?, }
            }
        });
        let key_enum = key_enum(s, &keys);
        quote! {
            #key_enum
            while let ::std::option::Option::Some(__key) = __map.next_key::<FieldKey>()? {
                match __key {
                    #( #arms )*
                    FieldKey::Other(__key) => {
                        #extra.insert(__key, __map.next_value()?);
                    }
                }
            }
        }
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct ValueVisitor;
                impl<'de> ::serde::de::Visitor<'de> for ValueVisitor {
                    type Value = crate::models::#name;
                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut __map: A) -> ::std::result::Result<Self::Value, A::Error> {
                        #( #locals )*
                        let mut #extra: #extra_ty = #extra_new;
                        #read_loop
                        #( #finals )*
                        ::std::result::Result::Ok(crate::models::#name {
                            #( #field_idents, )*
                            #extra,
                        })
                    }
                }
                deserializer.deserialize_map(ValueVisitor)
            }
        }
    }
}

/// What a field is collected into while the map is read.
fn local_type(field: &Field) -> TokenStream {
    let value = value_type(field);
    if field.nullable {
        quote! { ::std::option::Option<::std::option::Option<#value>> }
    } else {
        quote! { ::std::option::Option<#value> }
    }
}

/// Turns a collected field into the stored one, when they differ: a missing required field is
/// an error, a missing required nullable one is `null`.
fn finish_local(field: &Field) -> Option<TokenStream> {
    if field.is_optional() {
        return None;
    }
    let ident = field_ident(field);
    let key = &field.json_name;
    Some(if field.nullable {
        quote! { let #ident = #ident.flatten(); }
    } else {
        quote! {
            let ::std::option::Option::Some(#ident) = #ident else {
                return ::std::result::Result::Err(<A::Error as ::serde::de::Error>::missing_field(#key));
            };
        }
    })
}

/// The `FieldKey` variant name of each field.
fn key_variants(s: &Struct) -> Vec<Ident> {
    let mut taken = vec!["Other".to_string()];
    s.fields
        .iter()
        .map(|f| {
            let base = match f.rust_name.to_upper_camel_case() {
                name if name == "Self" => "SelfField".to_string(),
                name => name,
            };
            let name = (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}{n}")
                    }
                })
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or(base);
            taken.push(name.clone());
            format_ident!("{}", name)
        })
        .collect()
}

/// The enum of known keys and its identifier visitor: keys are matched as `&str`, only
/// unknown ones are copied.
fn key_enum(s: &Struct, keys: &[Ident]) -> TokenStream {
    let matches = s.fields.iter().zip(keys).map(|(f, key)| {
        let json = &f.json_name;
        quote! { #json => FieldKey::#key, }
    });
    quote! {
        enum FieldKey {
            #( #keys, )*
            Other(::std::string::String),
        }
        impl<'de> ::serde::Deserialize<'de> for FieldKey {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct KeyVisitor;
                impl ::serde::de::Visitor<'_> for KeyVisitor {
                    type Value = FieldKey;
                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str("a property name")
                    }
                    fn visit_str<E: ::serde::de::Error>(self, key: &str) -> ::std::result::Result<FieldKey, E> {
                        ::std::result::Result::Ok(match key {
                            #( #matches )*
                            other => FieldKey::Other(::std::borrow::ToOwned::to_owned(other)),
                        })
                    }
                }
                deserializer.deserialize_identifier(KeyVisitor)
            }
        }
    }
}
