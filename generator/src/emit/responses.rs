//! What an operation returns: the success type and how the raw response is decoded into it
//! (one body type, no body, or an enum when success statuses carry different bodies).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::types::type_tokens;
use crate::model::{Api, MediaKind, Operation, ResponseBody, Status};

/// The success type of an operation and the expression decoding `raw` into
/// `Result<ApiResponse<ty>, Error>`.
pub struct Output {
    /// The success type.
    pub ty: TokenStream,
    /// Decodes `raw: RawResponse`.
    pub decode: TokenStream,
    /// Whether the success type is an emitted per-operation enum.
    pub is_enum: bool,
}

/// How an operation's documented success responses are returned.
pub fn output(op: &Operation, _api: &Api) -> Output {
    let successes: Vec<_> = op
        .responses
        .iter()
        .filter(|r| r.status.is_success())
        .collect();
    let bodies: Vec<Option<&ResponseBody>> = successes.iter().map(|r| r.body.as_ref()).collect();
    let first = bodies.first().copied().flatten();
    let uniform = bodies.iter().all(|b| same_shape(*b, first));
    match (first, uniform) {
        (None, true) => Output {
            ty: quote! { () },
            decode: quote! { ::std::result::Result::Ok(raw.empty()) },
            is_enum: false,
        },
        (Some(body), true) => Output {
            ty: body_type(body),
            decode: decode_body(body),
            is_enum: false,
        },
        _ => {
            let ident = success_enum_ident(op);
            let arms = successes.iter().map(|r| {
                let variant = status_variant(r.status);
                let pattern = status_pattern(r.status);
                match &r.body {
                    Some(body) => {
                        let decode = decode_body(body);
                        quote! { #pattern => (#decode).map(|response| response.map(#ident::#variant)), }
                    }
                    None => quote! { #pattern => ::std::result::Result::Ok(raw.empty().map(|()| #ident::#variant)), },
                }
            });
            Output {
                ty: quote! { #ident },
                decode: quote! {
                    match raw.status() {
                        #(#arms)*
                        status => ::std::result::Result::Ok(raw.bytes().map(|body| #ident::Other(status, body))),
                    }
                },
                is_enum: true,
            }
        }
    }
}

/// Whether an operation returns nothing on success.
pub fn returns_unit(op: &Operation) -> bool {
    op.responses
        .iter()
        .filter(|r| r.status.is_success())
        .all(|r| r.body.is_none())
}

/// Two response bodies decode the same way into the same type.
fn same_shape(a: Option<&ResponseBody>, b: Option<&ResponseBody>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.ty == b.ty && a.kind == b.kind,
        _ => false,
    }
}

/// The Rust type of a response body.
fn body_type(body: &ResponseBody) -> TokenStream {
    match body.kind {
        MediaKind::Json => type_tokens(&body.ty),
        MediaKind::Text => quote! { ::std::string::String },
        MediaKind::Binary => quote! { ::std::vec::Vec<u8> },
    }
}

/// Decodes `raw` by the body's media kind.
fn decode_body(body: &ResponseBody) -> TokenStream {
    match body.kind {
        MediaKind::Json => {
            let ty = type_tokens(&body.ty);
            quote! { raw.json::<#ty>() }
        }
        MediaKind::Text => quote! { raw.text() },
        MediaKind::Binary => quote! { ::std::result::Result::Ok(raw.bytes()) },
    }
}

/// `CreateThingSuccess`
fn success_enum_ident(op: &Operation) -> proc_macro2::Ident {
    format_ident!("{}Success", op.type_name)
}

/// `Status201`, `Status2xx`
fn status_variant(status: Status) -> proc_macro2::Ident {
    match status {
        Status::Code(code) => format_ident!("Status{}", code),
        Status::Range(hundreds) => format_ident!("Status{}xx", hundreds),
        Status::Default => format_ident!("Default"),
    }
}

/// The match pattern for a status.
fn status_pattern(status: Status) -> TokenStream {
    match status {
        Status::Code(code) => quote! { #code },
        Status::Range(hundreds) => {
            let low = hundreds * 100;
            let high = low + 99;
            quote! { #low..=#high }
        }
        Status::Default => quote! { _ },
    }
}

/// The enum of an operation's success responses, when they differ.
pub fn success_enum(op: &Operation, output: &Output) -> TokenStream {
    if !output.is_enum {
        return quote! {};
    }
    let ident = success_enum_ident(op);
    let variants = op
        .responses
        .iter()
        .filter(|r| r.status.is_success())
        .map(|r| {
            let variant = status_variant(r.status);
            let doc =
                super::docs::doc_lines(&format!("{}: {}", status_text(r.status), r.description));
            match &r.body {
                Some(body) => {
                    let ty = body_type(body);
                    quote! { #doc #variant(#ty), }
                }
                None => quote! { #doc #variant, },
            }
        });
    let doc = format!(" The success responses of `{}`.", op.id);
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #ident {
            #(#variants)*
            /// A success status the spec does not document, with its raw body.
            Other(u16, ::std::vec::Vec<u8>),
        }
    }
}

/// `HTTP 201`, `HTTP 2XX`, `Any other status`.
fn status_text(status: Status) -> String {
    match status {
        Status::Code(code) => format!("HTTP {code}"),
        Status::Range(hundreds) => format!("HTTP {hundreds}XX"),
        Status::Default => "Any other status".to_string(),
    }
}
