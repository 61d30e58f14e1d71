//! String and integer enums: known values as variants, any other value kept in `Unknown` and
//! sent back unchanged.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::{allow_deprecated, code_span, type_attrs, type_docs, type_ident};
use crate::model::{Enum, EnumRepr, EnumVariant, TypeDef};

/// The enum and its impls.
pub fn emit_enum(def: &TypeDef, e: &Enum) -> TokenStream {
    let docs = type_docs(def);
    let attrs = type_attrs(def, false);
    let allow = allow_deprecated(def.deprecated);
    let name = type_ident(&def.name);
    let variants = e.variants.iter().map(|v| {
        let value = value_text(v);
        let doc = if value.is_empty() {
            " The empty string.".to_string()
        } else {
            format!(" {}", code_span(&value))
        };
        let ident = type_ident(&v.rust_name);
        quote! { #[doc = #doc] #ident, }
    });
    let (unknown, copy) = match e.repr {
        EnumRepr::String => (quote! { ::std::string::String }, TokenStream::new()),
        EnumRepr::Integer => (quote! { i64 }, quote! { ::std::marker::Copy, }),
    };
    let impls = match e.repr {
        EnumRepr::String => string_impls(&name, e),
        EnumRepr::Integer => integer_impls(&name, e),
    };
    quote! {
        #docs
        #[derive(
            ::std::fmt::Debug, ::std::clone::Clone, #copy ::std::cmp::PartialEq, ::std::cmp::Eq,
            ::std::hash::Hash, ::std::cmp::PartialOrd, ::std::cmp::Ord,
        )]
        #[non_exhaustive]
        #[allow(clippy::enum_variant_names)]
        #attrs
        pub enum #name {
            #( #variants )*
            /// A value this version of the spec does not list, kept as received and sent back
            /// unchanged.
            Unknown(#unknown),
        }
        #allow
        #impls
    }
}

/// A variant's value as written in JSON, without quotes.
fn value_text(v: &EnumVariant) -> String {
    match &v.value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Variant identifiers with their values as string literals.
fn string_arms(e: &Enum) -> (Vec<Ident>, Vec<Literal>) {
    e.variants
        .iter()
        .map(|v| (type_ident(&v.rust_name), Literal::string(&value_text(v))))
        .unzip()
}

/// `as_str`, `Display`, `From<&str>`, `From<String>`, `FromStr` and serde for a string enum.
fn string_impls(name: &Ident, e: &Enum) -> TokenStream {
    let (idents, values) = string_arms(e);
    let expecting = format!("a `{name}` string");
    quote! {
        impl #name {
            /// The value as the API spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#idents => #values, )*
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                formatter.write_str(self.as_str())
            }
        }
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => Self::#idents, )*
                    other => Self::Unknown(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #values => Self::#idents, )*
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(::std::convert::From::from(value))
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct ValueVisitor;
                impl ::serde::de::Visitor<'_> for ValueVisitor {
                    type Value = crate::models::#name;
                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str(#expecting)
                    }
                    fn visit_str<E: ::serde::de::Error>(self, value: &str) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(::std::convert::From::from(value))
                    }
                    fn visit_string<E: ::serde::de::Error>(self, value: ::std::string::String) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(::std::convert::From::from(value))
                    }
                }
                deserializer.deserialize_str(ValueVisitor)
            }
        }
    }
}

/// `as_i64`, `Display`, `From<i64>` and serde for an integer enum.
fn integer_impls(name: &Ident, e: &Enum) -> TokenStream {
    let idents: Vec<Ident> = e
        .variants
        .iter()
        .map(|v| type_ident(&v.rust_name))
        .collect();
    let values: Vec<Literal> = e
        .variants
        .iter()
        .filter_map(|v| v.value.as_i64())
        .map(Literal::i64_unsuffixed)
        .collect();
    let expecting = format!("a `{name}` integer");
    quote! {
        impl #name {
            /// The value as the API sends it.
            pub fn as_i64(&self) -> i64 {
                match self {
                    #( Self::#idents => #values, )*
                    Self::Unknown(value) => *value,
                }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.as_i64(), formatter)
            }
        }
        impl ::std::convert::From<i64> for #name {
            fn from(value: i64) -> Self {
                match value {
                    #( #values => Self::#idents, )*
                    other => Self::Unknown(other),
                }
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.as_i64())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct ValueVisitor;
                impl ::serde::de::Visitor<'_> for ValueVisitor {
                    type Value = crate::models::#name;
                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str(#expecting)
                    }
                    fn visit_i64<E: ::serde::de::Error>(self, value: i64) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(::std::convert::From::from(value))
                    }
                    fn visit_u64<E: ::serde::de::Error>(self, value: u64) -> ::std::result::Result<Self::Value, E> {
                        match <i64 as ::std::convert::TryFrom<u64>>::try_from(value) {
                            ::std::result::Result::Ok(value) => ::std::result::Result::Ok(::std::convert::From::from(value)),
                            ::std::result::Result::Err(_) => ::std::result::Result::Err(E::invalid_value(::serde::de::Unexpected::Unsigned(value), &self)),
                        }
                    }
                }
                deserializer.deserialize_i64(ValueVisitor)
            }
        }
    }
}
