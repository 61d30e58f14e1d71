//! Named types to Rust items: structs, enums and unions with serde impls that keep unknown data.
//!
//! Every path is absolute (`::std::string::String`, `crate::models::Pet`), so a spec type called
//! `String` or `Option` shadows nothing.

mod enums;
mod structs;
mod unions;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::diagnostics::Diagnostic;
use crate::model::{Api, TypeDef, TypeKind, TypeRef};

/// The Rust type for a reference, by absolute path (`::std::string::String`, `crate::models::X`).
///
/// `format: byte` is the base64 text as sent; `format: binary` is raw bytes (a body). Inside
/// JSON models, use [`json_type_tokens`].
pub fn type_tokens(ty: &TypeRef) -> TokenStream {
    tokens_of(ty, false, &quote! { crate::models })
}

/// The Rust type for a reference inside a JSON document, where `format: binary` can only be a
/// string.
pub fn json_type_tokens(ty: &TypeRef) -> TokenStream {
    tokens_of(ty, true, &quote! { crate::models })
}

/// [`type_tokens`] as seen from a crate depending on the generated one (`::lib::models::X`),
/// e.g. its examples.
pub fn external_type_tokens(ty: &TypeRef, krate: &Ident) -> TokenStream {
    tokens_of(ty, false, &quote! { ::#krate::models })
}

/// [`type_tokens`] and [`json_type_tokens`], with named types under `models`.
fn tokens_of(ty: &TypeRef, in_json: bool, models: &TokenStream) -> TokenStream {
    match ty {
        TypeRef::Named(name) => {
            let ident = type_ident(name);
            quote! { #models::#ident }
        }
        TypeRef::String | TypeRef::Base64 => quote! { ::std::string::String },
        TypeRef::Binary if in_json => quote! { ::std::string::String },
        TypeRef::Binary => quote! { ::std::vec::Vec<u8> },
        TypeRef::Bool => quote! { bool },
        TypeRef::I32 => quote! { i32 },
        TypeRef::I64 => quote! { i64 },
        TypeRef::F32 => quote! { f32 },
        TypeRef::F64 => quote! { f64 },
        TypeRef::Uuid => quote! { ::uuid::Uuid },
        TypeRef::DateTime => quote! { ::chrono::DateTime<::chrono::Utc> },
        TypeRef::Date => quote! { ::chrono::NaiveDate },
        TypeRef::Json => quote! { ::serde_json::Value },
        TypeRef::Vec(item) => {
            let item = tokens_of(item, in_json, models);
            quote! { ::std::vec::Vec<#item> }
        }
        TypeRef::Map(value) => {
            let value = tokens_of(value, in_json, models);
            quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
        }
        TypeRef::Nullable(inner) => {
            let inner = tokens_of(inner, in_json, models);
            quote! { ::std::option::Option<#inner> }
        }
    }
}

/// Whether a reference mentions a `deprecated` named type (its users need
/// `#[allow(deprecated)]`).
pub fn mentions_deprecated(ty: &TypeRef, api: &Api) -> bool {
    match ty {
        TypeRef::Named(name) => api.type_def(name).is_some_and(|t| t.deprecated),
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            mentions_deprecated(inner, api)
        }
        _ => false,
    }
}

/// One file's items for a named type.
pub fn emit_type(def: &TypeDef, api: &Api) -> Result<TokenStream, Diagnostic> {
    Ok(match &def.kind {
        TypeKind::Struct(s) => structs::emit_struct(def, s, api),
        TypeKind::Enum(e) => enums::emit_enum(def, e),
        TypeKind::Union(u) => unions::emit_union(def, u, api),
        TypeKind::Alias(target) => emit_alias(def, target, api),
    })
}

/// `pub type Name = Target;` for a schema that is neither an object, an enum nor a union.
fn emit_alias(def: &TypeDef, target: &TypeRef, api: &Api) -> TokenStream {
    let docs = type_docs(def);
    let attrs = type_attrs(def, mentions_deprecated(target, api));
    let name = type_ident(&def.name);
    let target = json_type_tokens(target);
    quote! {
        #docs
        #attrs
        pub type #name = #target;
    }
}

/// `crate::models::Name`.
fn model_path(name: &str) -> TokenStream {
    let ident = type_ident(name);
    quote! { crate::models::#ident }
}

/// The identifier of a type or variant name the model produced.
fn type_ident(name: &str) -> Ident {
    format_ident!("{}", name)
}

/// The doc comment of a named type.
fn type_docs(def: &TypeDef) -> TokenStream {
    super::docs::docs_or(&def.docs, &format!("The `{}` schema of the API.", def.name))
}

/// `#[deprecated]` for a deprecated type, and `#[allow(deprecated)]` when its definition
/// touches deprecated items.
fn type_attrs(def: &TypeDef, touches_deprecated: bool) -> TokenStream {
    let deprecated = def.deprecated.then(|| quote! { #[deprecated] });
    let allow = allow_deprecated(touches_deprecated || def.deprecated);
    quote! { #deprecated #allow }
}

/// `#[allow(deprecated)]` when `needed`.
fn allow_deprecated(needed: bool) -> TokenStream {
    if needed {
        quote! { #[allow(deprecated)] }
    } else {
        TokenStream::new()
    }
}

/// Text as a Markdown code span, whatever backticks it holds.
fn code_span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
mod tests;
