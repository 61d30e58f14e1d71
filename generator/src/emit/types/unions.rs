//! `oneOf` / `anyOf` unions: tagged ones read the discriminator and decode the variant with the
//! tag still present; untagged ones take the first alternative that decodes. A value no
//! alternative takes is kept in `Unknown`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{
    allow_deprecated, code_span, json_type_tokens, mentions_deprecated, type_attrs, type_docs,
    type_ident,
};
use crate::emit::display;
use crate::model::{Api, TypeDef, TypeKind, TypeRef, Union, UnionVariant};

/// The union and its impls.
pub fn emit_union(def: &TypeDef, u: &Union, api: &Api) -> TokenStream {
    let touches = u.variants.iter().any(|v| mentions_deprecated(&v.ty, api));
    let docs = type_docs(def);
    let attrs = type_attrs(def, touches);
    let allow = allow_deprecated(touches || def.deprecated);
    let name = type_ident(&def.name);
    let variants = u.variants.iter().map(|v| {
        let doc = variant_doc(v, u.discriminator.as_deref());
        let ident = type_ident(&v.rust_name);
        let ty = json_type_tokens(&v.ty);
        quote! { #[doc = #doc] #ident(#ty), }
    });
    let serialize = serialize_impl(&name, u, api);
    let display = display_impl(&name, u, api);
    let deserialize = match &u.discriminator {
        Some(property) => tagged_deserialize(&name, u, property),
        None => untagged_deserialize(&name, u),
    };
    quote! {
        #docs
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        #[allow(clippy::large_enum_variant)]
        #attrs
        pub enum #name {
            #( #variants )*
            /// A value no alternative of this version of the spec takes, kept as received and
            /// sent back unchanged.
            Unknown(::serde_json::Value),
        }
        #allow
        #serialize
        #allow
        #deserialize
        #display
    }
}

/// `impl Display` for a union of scalars (it can then be sent as a parameter): the
/// alternative's text; an unknown string as itself, any other unknown value as JSON.
fn display_impl(name: &Ident, u: &Union, api: &Api) -> Option<TokenStream> {
    if !display::union_is_textual(u, api) {
        return None;
    }
    let arms = u.variants.iter().filter_map(|v| {
        let ident = type_ident(&v.rust_name);
        let text = display::display_expr(&v.ty, quote! { value }, api)?;
        Some(quote! { Self::#ident(value) => ::std::fmt::Display::fmt(#text, formatter), })
    });
    Some(quote! {
        impl ::std::fmt::Display for #name {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #( #arms )*
                    Self::Unknown(::serde_json::Value::String(text)) => formatter.write_str(text),
                    Self::Unknown(value) => ::std::fmt::Display::fmt(value, formatter),
                }
            }
        }
    })
}

/// The doc line of a variant.
fn variant_doc(v: &UnionVariant, discriminator: Option<&str>) -> String {
    match (discriminator, &v.tag) {
        (Some(property), Some(tag)) => {
            format!(" Selected by {} = {}.", code_span(property), code_span(tag))
        }
        _ => format!(" The `{}` alternative.", v.rust_name),
    }
}

/// Whether a variant's type is a struct that does not declare the discriminator property, so
/// serializing it must add the tag.
fn needs_tag_added(v: &UnionVariant, property: &str, api: &Api) -> bool {
    let TypeRef::Named(name) = &v.ty else {
        return false;
    };
    match api.type_def(name).map(|t| &t.kind) {
        Some(TypeKind::Struct(s)) => !s.fields.iter().any(|f| f.json_name == property),
        _ => false,
    }
}

/// `impl Serialize`: the variant's own serialization (the tag added when its struct lacks it).
fn serialize_impl(name: &Ident, u: &Union, api: &Api) -> TokenStream {
    let arms = u.variants.iter().map(|v| {
        let ident = type_ident(&v.rust_name);
        match (&u.discriminator, &v.tag) {
            (Some(property), Some(tag)) if needs_tag_added(v, property, api) => quote! {
                Self::#ident(value) => {
                    let mut value = ::serde_json::to_value(value).map_err(<S::Error as ::serde::ser::Error>::custom)?;
                    if let ::serde_json::Value::Object(object) = &mut value {
                        object.entry(#property).or_insert_with(|| ::serde_json::Value::from(#tag));
                    }
                    ::serde::Serialize::serialize(&value, serializer)
                }
            },
            _ => quote! { Self::#ident(value) => ::serde::Serialize::serialize(value, serializer), },
        }
    });
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #( #arms )*
                    Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }
    }
}

/// `impl Deserialize` for a tagged union: the tag picks the variant, which is decoded from the
/// whole object (tag included); an unknown or missing tag keeps the value.
fn tagged_deserialize(name: &Ident, u: &Union, property: &str) -> TokenStream {
    let arms = u.variants.iter().filter_map(|v| {
        let tag = v.tag.as_ref()?;
        let ident = type_ident(&v.rust_name);
        Some(quote! {
            ::std::option::Option::Some(#tag) => ::serde_json::from_value(value)
                .map(Self::#ident)
                .map_err(<D::Error as ::serde::de::Error>::custom),
        })
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = value.get(#property).and_then(::serde_json::Value::as_str);
                match tag {
                    #( #arms )*
                    _ => ::std::result::Result::Ok(Self::Unknown(value)),
                }
            }
        }
    }
}

/// `impl Deserialize` for an untagged union: the first alternative that decodes wins.
fn untagged_deserialize(name: &Ident, u: &Union) -> TokenStream {
    let attempts = u.variants.iter().map(|v| {
        let ident = type_ident(&v.rust_name);
        let ty = json_type_tokens(&v.ty);
        quote! {
            if let ::std::result::Result::Ok(decoded) = <#ty as ::serde::Deserialize>::deserialize(&value) {
                return ::std::result::Result::Ok(Self::#ident(decoded));
            }
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                #( #attempts )*
                ::std::result::Result::Ok(Self::Unknown(value))
            }
        }
    }
}
