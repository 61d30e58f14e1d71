//! How a value becomes text in a URL or header: `Display`-able expressions for scalars, enums,
//! unions of scalars and aliases of them.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Api, TypeKind, TypeRef, Union};

/// How many aliases and nested unions are followed before a type is called not textual (a
/// cycle of aliases cannot be written, but the model does not promise that).
const MAX_DEPTH: usize = 16;

/// The type an alias chain ends at (`ty` itself when it is not a named alias).
pub fn resolved<'t>(ty: &'t TypeRef, api: &'t Api) -> &'t TypeRef {
    let mut current = ty;
    for _ in 0..MAX_DEPTH {
        let TypeRef::Named(name) = current else {
            return current;
        };
        match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Alias(target)) => current = target,
            _ => return current,
        }
    }
    current
}

/// A `&dyn Display` expression for the value `expr` (a reference) of type `ty`, when the type
/// has a text form: date-times as RFC 3339, other scalars, enums and unions of scalars by
/// their `Display`.
pub fn display_expr(ty: &TypeRef, expr: TokenStream, api: &Api) -> Option<TokenStream> {
    is_textual(ty, api, 0).then(|| match resolved(ty, api) {
        TypeRef::DateTime => {
            quote! { &#expr.to_rfc3339_opts(::chrono::SecondsFormat::AutoSi, true) }
        }
        _ => expr,
    })
}

/// Whether every alternative of a union has a text form, so the union gets a `Display`.
pub fn union_is_textual(u: &Union, api: &Api) -> bool {
    union_textual_at(u, api, 0)
}

/// [`union_is_textual`] at nesting `depth`.
fn union_textual_at(u: &Union, api: &Api, depth: usize) -> bool {
    !u.variants.is_empty() && u.variants.iter().all(|v| is_textual(&v.ty, api, depth + 1))
}

/// Whether values of `ty` have a text form.
fn is_textual(ty: &TypeRef, api: &Api, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match resolved(ty, api) {
        TypeRef::String
        | TypeRef::Bool
        | TypeRef::I32
        | TypeRef::I64
        | TypeRef::F32
        | TypeRef::F64
        | TypeRef::Uuid
        | TypeRef::Date
        | TypeRef::DateTime
        | TypeRef::Json => true,
        TypeRef::Named(name) => match api.type_def(name).map(|t| &t.kind) {
            Some(TypeKind::Enum(_)) => true,
            Some(TypeKind::Union(u)) => union_textual_at(u, api, depth),
            _ => false,
        },
        TypeRef::Base64
        | TypeRef::Binary
        | TypeRef::Vec(_)
        | TypeRef::Map(_)
        | TypeRef::Nullable(_) => false,
    }
}
