//! One runnable example per operation (`examples/<operation>.rs`), built from the spec's
//! examples, reading keys and site from the environment.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::operations::required_params;
use crate::model::{Api, Operation, Param, TypeKind, TypeRef};

/// The example program for `op` in the crate whose library is called `lib`.
pub fn emit_example(op: &Operation, api: &Api, lib: &str) -> TokenStream {
    let lib_ident = format_ident!("{}", lib);
    let group = format_ident!("{}", op.group_rust);
    let method = format_ident!("{}", op.rust_name);
    let required = required_params(op);
    let param_lets = required.iter().map(|p| param_let(p, api, &lib_ident));
    let mut args: Vec<TokenStream> = required
        .iter()
        .map(|p| {
            let ident = format_ident!("{}", p.rust_name);
            quote! { #ident }
        })
        .collect();
    let body_let = op.body.as_ref().map(|body| {
        let ty = super::types::external_type_tokens(&body.ty, &lib_ident);
        let example = body
            .example
            .clone()
            .unwrap_or_else(|| Value::Object(Default::default()));
        let json = raw_string(&pretty(&example));
        quote! { let body: #ty = ::serde_json::from_str(#json)?; }
    });
    match &op.body {
        Some(body) if body.required => args.push(quote! { &body }),
        _ => {}
    }
    let optional_body = op
        .body
        .as_ref()
        .filter(|b| !b.required)
        .map(|_| quote! { .body(&body) });
    let enable = op.unstable.as_ref().map(|_| {
        let variant = format_ident!("{}", op.type_name);
        quote! { .enable_unstable_operation(#lib_ident::UnstableOperation::#variant) }
    });
    let send = quote! { client.#group().#method(#(#args),*) #optional_body .send().await? };
    let call = if super::responses::returns_unit(op) {
        quote! { #send; println!("done"); }
    } else {
        quote! { let response = #send; println!("{response:#?}"); }
    };
    let mentions = |ty: &TypeRef| super::types::mentions_deprecated(ty, api);
    let uses_deprecated = op.deprecated
        || required.iter().any(|p| mentions(&p.ty))
        || op.body.as_ref().is_some_and(|b| mentions(&b.ty));
    let allow_deprecated = uses_deprecated.then(|| quote! { #[allow(deprecated)] });
    let summary = op.docs.summary.clone().unwrap_or_else(|| op.id.clone());
    let env = api.env_vars();
    let env_text = if env.is_empty() {
        String::new()
    } else {
        format!(" Reads {} from the environment.", env.join(", "))
    };
    let doc_lines = [
        format!(
            " Example: {} (`{} {}`).",
            super::docs::escape(summary.trim()),
            op.method.as_str(),
            op.path
        ),
        String::new(),
        format!(
            " Built from the spec's examples.{env_text} Run with `cargo run --example {}`.",
            op.rust_name
        ),
    ];
    quote! {
        #( #![doc = #doc_lines] )*

        #[rustfmt::skip]
        #allow_deprecated
        #[tokio::main]
        async fn main() -> ::std::result::Result<(), ::std::boxed::Box<dyn ::std::error::Error>> {
            let client = #lib_ident::Client::builder().from_env()? #enable .build()?;
            #(#param_lets)*
            #body_let
            #call
            ::std::result::Result::Ok(())
        }
    }
}

/// `let name: Type = serde_json::from_str("<example>")?;`
fn param_let(param: &Param, api: &Api, lib: &Ident) -> TokenStream {
    let ident = format_ident!("{}", param.rust_name);
    let ty = super::types::external_type_tokens(&param.ty, lib);
    let value = param
        .example
        .clone()
        .unwrap_or_else(|| placeholder(&param.ty, &param.name, api));
    let json = raw_string(&pretty(&value));
    quote! { let #ident: #ty = ::serde_json::from_str(#json)?; }
}

/// A JSON value of the right type when the spec gives no example.
fn placeholder(ty: &TypeRef, name: &str, api: &Api) -> Value {
    match super::display::resolved(ty, api) {
        TypeRef::String => Value::String(format!("example-{name}")),
        TypeRef::Bool => Value::Bool(true),
        TypeRef::I32 | TypeRef::I64 => Value::from(1),
        TypeRef::F32 | TypeRef::F64 => Value::from(1.0),
        TypeRef::Uuid => Value::String("00000000-0000-0000-0000-000000000000".to_string()),
        TypeRef::DateTime => Value::String("2024-01-01T00:00:00Z".to_string()),
        TypeRef::Date => Value::String("2024-01-01".to_string()),
        TypeRef::Vec(_) => Value::Array(Vec::new()),
        TypeRef::Named(type_name) => api
            .type_def(type_name)
            .and_then(|t| match &t.kind {
                TypeKind::Enum(e) => e.variants.first().map(|v| v.value.clone()),
                _ => None,
            })
            .unwrap_or(Value::Null),
        TypeRef::Base64
        | TypeRef::Binary
        | TypeRef::Json
        | TypeRef::Map(_)
        | TypeRef::Nullable(_) => Value::Null,
    }
}

/// A raw string literal holding `text` (`r#"..."#`, with enough `#` that the text cannot end
/// it), so example JSON reads as JSON. Falls back to an escaped literal if it cannot be built.
fn raw_string(text: &str) -> TokenStream {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse::<TokenStream>()
        .unwrap_or_else(|_| quote! { #text })
}

/// Pretty JSON text (falls back to compact, which cannot fail for a `Value`).
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}
