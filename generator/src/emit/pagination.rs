//! `into_stream` for offset/limit operations: every item over all pages, through the runtime's
//! `paginate`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::types::type_tokens;
use crate::model::{Api, Field, Operation, TypeKind, TypeRef};

/// The `into_stream` method of a paginated operation's builder (nothing otherwise).
pub fn into_stream(op: &Operation, api: &Api) -> TokenStream {
    let Some(pagination) = &op.pagination else {
        return quote! {};
    };
    let (Some(offset), Some(limit)) = (
        op.params.get(pagination.offset_param),
        op.params.get(pagination.limit_param),
    ) else {
        return quote! {};
    };
    let success = op.responses.iter().find(|r| r.status.is_success());
    let Some(body_ty) = success.and_then(|r| r.body.as_ref()).map(|b| &b.ty) else {
        return quote! {};
    };
    let Some(items_field) = field_of(body_ty, &pagination.items_field, api) else {
        return quote! {};
    };
    let offset_field = format_ident!("{}", offset.rust_name);
    let limit_field = format_ident!("{}", limit.rust_name);
    let item_ty = type_tokens(&pagination.item_type);
    let items = {
        let ident = format_ident!("{}", items_field.rust_name);
        if field_is_optional(items_field) {
            quote! { page.#ident.unwrap_or_default() }
        } else {
            quote! { page.#ident }
        }
    };
    let total = total_expr(body_ty, &pagination.total_path, api);
    let to_offset = narrow(&offset.ty, quote! { offset });
    let start = match offset.ty {
        TypeRef::I32 => quote! { self.#offset_field.map_or(0, i64::from) },
        _ => quote! { self.#offset_field.unwrap_or(0) },
    };
    let page_size = match limit.ty {
        TypeRef::I32 => quote! { self.#limit_field.map(i64::from) },
        _ => quote! { self.#limit_field },
    };
    quote! {
        /// Every item over all pages, starting at this request's offset (0 when unset).
        ///
        /// Stops after the last page: once the reported total is reached, at an empty page, or,
        /// when the server reports no total, at a page shorter than asked for. A server that
        /// repeats a page or never ends yields `Error::Pagination`: no endless loop, no silent
        /// partial list.
        pub fn into_stream(self) -> impl ::futures_core::Stream<Item = ::std::result::Result<#item_ty, crate::Error>> + ::std::marker::Send + 'a {
            let start = #start;
            let page_size = #page_size;
            crate::runtime::paginate(start, page_size, move |offset| {
                let mut request = self.clone();
                request.#offset_field = ::std::option::Option::Some(#to_offset);
                async move {
                    let page = request.send().await?;
                    let total = #total;
                    ::std::result::Result::Ok(crate::runtime::Page { items: #items, total })
                }
            })
        }
    }
}

/// A struct field of a named type, by Rust name.
fn field_of<'a>(ty: &TypeRef, rust_name: &str, api: &'a Api) -> Option<&'a Field> {
    let TypeRef::Named(name) = ty else {
        return None;
    };
    let def = api.type_def(name)?;
    let TypeKind::Struct(s) = &def.kind else {
        return None;
    };
    s.fields.iter().find(|f| f.rust_name == rust_name)
}

/// Whether a field is stored as an `Option`.
fn field_is_optional(field: &Field) -> bool {
    field.is_optional() || field.nullable
}

/// `Option<i64>` expression reading the total from `page` along `path`.
fn total_expr(body_ty: &TypeRef, path: &[String], api: &Api) -> TokenStream {
    let mut expr = quote! { ::std::option::Option::Some(&page) };
    let mut ty = body_ty.clone();
    for step in path {
        let Some(field) = field_of(&ty, step, api) else {
            return quote! { ::std::option::Option::None };
        };
        let ident = format_ident!("{}", field.rust_name);
        expr = match (field.is_optional(), field.nullable) {
            (false, false) => quote! { #expr.map(|value| &value.#ident) },
            (true, false) | (false, true) => {
                quote! { #expr.and_then(|value| value.#ident.as_ref()) }
            }
            (true, true) => {
                quote! { #expr.and_then(|value| value.#ident.as_ref()).and_then(|value| value.as_ref()) }
            }
        };
        ty = field.ty.clone();
    }
    if path.is_empty() {
        return quote! { ::std::option::Option::None };
    }
    match ty {
        TypeRef::I32 => quote! { #expr.map(|value| i64::from(*value)) },
        _ => quote! { #expr.copied() },
    }
}

/// An i64 offset as the parameter's type (saturating).
fn narrow(ty: &TypeRef, expr: TokenStream) -> TokenStream {
    match ty {
        TypeRef::I32 => quote! { i32::try_from(#expr).unwrap_or(i32::MAX) },
        _ => quote! { #expr },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_saturates_instead_of_panicking() {
        assert_eq!(
            narrow(&TypeRef::I32, quote! { x }).to_string(),
            quote! { i32::try_from(x).unwrap_or(i32::MAX) }.to_string()
        );
        assert_eq!(narrow(&TypeRef::I64, quote! { x }).to_string(), "x");
    }
}
