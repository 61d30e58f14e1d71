//! Operations to request builders: one builder per operation, with required inputs as method
//! arguments, optional ones as setters, `send`, `send_with_response`, `IntoFuture` and, for
//! paginated operations, `into_stream`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs;
use super::responses::{self, Output};
use super::types::type_tokens;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Api, Operation, Param, ParamLocation, PathSegment, TypeRef};

/// The items of one operation's file: the operation's static description, its request builder
/// and, where needed, its success enum.
pub fn emit_operation(op: &Operation, api: &Api) -> Result<TokenStream, Diagnostic> {
    let output = responses::output(op, api);
    let spec_static = operation_static(op);
    let builder = request_builder(op, api, &output)?;
    let success_enum = responses::success_enum(op, &output);
    let module_doc = format!(" `{}`: `{} {}`.", op.id, op.method.as_str(), op.path);
    Ok(quote! {
        #![doc = #module_doc]
        #spec_static
        #success_enum
        #builder
    })
}

/// Name of the `static` describing an operation to the runtime.
pub fn static_ident(op: &Operation) -> Ident {
    format_ident!(
        "{}",
        heck::ToShoutySnakeCase::to_shouty_snake_case(op.type_name.as_str())
    )
}

/// Name of an operation's request builder type.
pub fn builder_ident(op: &Operation) -> Ident {
    format_ident!("{}Request", op.type_name)
}

/// `static LIST_X: OperationSpec = ...;`
fn operation_static(op: &Operation) -> TokenStream {
    let ident = static_ident(op);
    let id = &op.id;
    let method = format_ident!(
        "{}",
        heck::ToPascalCase::to_pascal_case(op.method.as_str().to_ascii_lowercase().as_str())
    );
    let path = &op.path;
    let unstable = op.unstable.is_some();
    let sites = match &op.sites {
        Some(values) => quote! { ::std::option::Option::Some(&[#(#values),*]) },
        None => quote! { ::std::option::Option::None },
    };
    let security = &op.security;
    let doc = format!(" How the runtime sends `{id}`.");
    quote! {
        #[doc = #doc]
        static #ident: crate::runtime::OperationSpec = crate::runtime::OperationSpec {
            id: #id,
            method: crate::runtime::Method::#method,
            path_template: #path,
            unstable: #unstable,
            sites: #sites,
            security: &[#(#security),*],
        };
    }
}

/// The inputs a caller must give, in order: path parameters in path order, other required
/// parameters, then the body when required.
pub fn required_params(op: &Operation) -> Vec<&Param> {
    let mut path: Vec<&Param> = op
        .segments
        .iter()
        .filter_map(|s| match s {
            PathSegment::Param(i) => op.params.get(*i),
            PathSegment::Literal(_) => None,
        })
        .collect();
    path.extend(
        op.params
            .iter()
            .filter(|p| p.required && p.location != ParamLocation::Path),
    );
    path
}

/// Optional parameters, set through builder methods.
fn optional_params(op: &Operation) -> Vec<&Param> {
    op.params.iter().filter(|p| !p.required).collect()
}

/// The field storing a parameter in the builder.
fn param_ident(param: &Param) -> Ident {
    format_ident!("{}", param.rust_name)
}

fn request_builder(op: &Operation, api: &Api, output: &Output) -> Result<TokenStream, Diagnostic> {
    let builder = builder_ident(op);
    let required = required_params(op);
    let optional = optional_params(op);
    let required_fields = required.iter().map(|p| {
        let ident = param_ident(p);
        let ty = type_tokens(&p.ty);
        let doc = docs::docs_or(&p.docs, &format!("The `{}` parameter.", p.name));
        quote! { #doc pub(super) #ident: #ty, }
    });
    let optional_fields = optional.iter().map(|p| {
        let ident = param_ident(p);
        let ty = type_tokens(&p.ty);
        quote! { pub(super) #ident: ::std::option::Option<#ty>, }
    });
    let body_field = op.body.as_ref().map(|body| {
        let ty = type_tokens(&body.ty);
        if body.required {
            quote! { pub(super) body: &'a #ty, }
        } else {
            quote! { pub(super) body: ::std::option::Option<&'a #ty>, }
        }
    });
    let setters = optional.iter().map(|p| optional_setter(p));
    let body_setter = op.body.as_ref().filter(|b| !b.required).map(|body| {
        let ty = type_tokens(&body.ty);
        quote! {
            /// The request body.
            pub fn body(mut self, body: &'a #ty) -> Self {
                self.body = ::std::option::Option::Some(body);
                self
            }
        }
    });
    let build = build_request_fn(op, api)?;
    let output_ty = &output.ty;
    let decode = &output.decode;
    let stream = super::pagination::into_stream(op, api);
    let doc = format!(
        " Request builder for `{}` (`{} {}`). Set optional parameters, then `.send().await` or `.await` it.",
        op.id,
        op.method.as_str(),
        op.path
    );
    Ok(quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent or awaited"]
        pub struct #builder<'a> {
            pub(super) client: &'a crate::Client,
            #(#required_fields)*
            #(#optional_fields)*
            #body_field
        }

        impl<'a> #builder<'a> {
            #(#setters)*
            #body_setter
            #build

            /// Sends the request and returns the decoded body.
            pub async fn send(self) -> ::std::result::Result<#output_ty, crate::Error> {
                self.send_with_response().await.map(|response| response.body)
            }

            /// Sends the request and returns the decoded body with the status, headers and rate-limit state.
            pub async fn send_with_response(self) -> ::std::result::Result<crate::ApiResponse<#output_ty>, crate::Error> {
                let request = self.to_request()?;
                let raw = self.client.execute(request).await?;
                #decode
            }

            #stream
        }

        impl<'a> ::std::future::IntoFuture for #builder<'a> {
            type Output = ::std::result::Result<#output_ty, crate::Error>;
            type IntoFuture = ::std::pin::Pin<::std::boxed::Box<dyn ::std::future::Future<Output = Self::Output> + ::std::marker::Send + 'a>>;

            fn into_future(self) -> Self::IntoFuture {
                ::std::boxed::Box::pin(self.send())
            }
        }
    })
}

/// `pub fn limit(mut self, value: i64) -> Self`
fn optional_setter(param: &Param) -> TokenStream {
    let ident = param_ident(param);
    let ty = type_tokens(&param.ty);
    let mut text = docs::docs_or(&param.docs, &format!("The `{}` parameter.", param.name));
    if let Some(default) = &param.default {
        let line = format!(" Server default: `{default}`.");
        text = quote! { #text #[doc = ""] #[doc = #line] };
    }
    let deprecated = param.deprecated.then(|| quote! { #[deprecated] });
    quote! {
        #text
        #deprecated
        pub fn #ident(mut self, value: impl ::std::convert::Into<#ty>) -> Self {
            self.#ident = ::std::option::Option::Some(value.into());
            self
        }
    }
}

/// `fn to_request(&self) -> Result<Request, Error>`: path, query, headers and body.
fn build_request_fn(op: &Operation, api: &Api) -> Result<TokenStream, Diagnostic> {
    let ident = static_ident(op);
    let mut steps = Vec::new();
    for segment in &op.segments {
        steps.push(match segment {
            PathSegment::Literal(text) => quote! { request.path_literal(#text); },
            PathSegment::Param(i) => {
                let param = op
                    .params
                    .get(*i)
                    .ok_or_else(|| internal(op, "path parameter index out of range"))?;
                let field = param_ident(param);
                let value = display_value(&param.ty, quote! { &self.#field }, api, op, param)?;
                quote! { request.path_param(#value); }
            }
        });
    }
    for param in op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
    {
        steps.push(param_step(param, api, op)?);
    }
    if let Some(body) = &op.body {
        let media = &body.media_type;
        let send = match body.kind {
            crate::model::MediaKind::Json => quote! { request.json_body(body)?; },
            crate::model::MediaKind::Text => {
                quote! { request.raw_body(#media, body.as_bytes().to_vec()); }
            }
            crate::model::MediaKind::Binary => quote! { request.raw_body(#media, body.to_vec()); },
        };
        steps.push(if body.required {
            quote! { let body = self.body; #send }
        } else {
            quote! { if let ::std::option::Option::Some(body) = self.body { #send } }
        });
    }
    let mutable = (!steps.is_empty()).then(|| quote! { mut });
    Ok(quote! {
        /// Builds the runtime request.
        fn to_request(&self) -> ::std::result::Result<crate::runtime::Request, crate::Error> {
            let #mutable request = crate::runtime::Request::new(&#ident);
            #(#steps)*
            ::std::result::Result::Ok(request)
        }
    })
}

/// Adds one query or header parameter (every item, for arrays).
fn param_step(param: &Param, api: &Api, op: &Operation) -> Result<TokenStream, Diagnostic> {
    let field = param_ident(param);
    let name = &param.name;
    let add = |value: TokenStream| match param.location {
        ParamLocation::Header => quote! { request.header(#name, #value); },
        _ => quote! { request.query(#name, #value); },
    };
    let (item_ty, is_array) = match super::display::resolved(&param.ty, api) {
        TypeRef::Vec(item) => (&**item, true),
        _ => (&param.ty, false),
    };
    let value = display_value(item_ty, quote! { value }, api, op, param)?;
    let one = add(value);
    let (binding, each) = if is_array {
        (quote! { values }, quote! { for value in values { #one } })
    } else {
        (quote! { value }, one)
    };
    Ok(if param.required {
        quote! { { let #binding = &self.#field; #each } }
    } else {
        quote! { if let ::std::option::Option::Some(#binding) = &self.#field { #each } }
    })
}

/// A `&dyn Display` expression for a scalar parameter value `expr` (a reference).
fn display_value(
    ty: &TypeRef,
    expr: TokenStream,
    api: &Api,
    op: &Operation,
    param: &Param,
) -> Result<TokenStream, Diagnostic> {
    super::display::display_expr(ty, expr, api).ok_or_else(|| {
        Diagnostic::new(
            Code::UnsupportedParameter,
            format!("#/paths/{}", crate::diagnostics::escape_token(&op.path)),
            format!(
                "parameter `{}` of `{}` is not a scalar or an array of scalars; it cannot be sent",
                param.name, op.id
            ),
        )
    })
}

/// An internal inconsistency of the model, reported instead of panicking.
fn internal(op: &Operation, what: &str) -> Diagnostic {
    Diagnostic::new(
        Code::InternalError,
        format!("#/paths/{}", crate::diagnostics::escape_token(&op.path)),
        format!("internal error in `{}`: {what}", op.id),
    )
}

/// The group method that starts a request: required inputs as arguments.
pub fn group_method(op: &Operation) -> TokenStream {
    let name = format_ident!("{}", op.rust_name);
    let builder = builder_ident(op);
    let required = required_params(op);
    let args = required.iter().map(|p| {
        let ident = param_ident(p);
        let ty = type_tokens(&p.ty);
        quote! { #ident: impl ::std::convert::Into<#ty> }
    });
    let inits = required.iter().map(|p| {
        let ident = param_ident(p);
        quote! { #ident: #ident.into(), }
    });
    let optional_inits = optional_params(op).into_iter().map(|p| {
        let ident = param_ident(p);
        quote! { #ident: ::std::option::Option::None, }
    });
    let (body_arg, body_init) = match &op.body {
        Some(body) if body.required => {
            let ty = type_tokens(&body.ty);
            (quote! { body: &'a #ty }, quote! { body, })
        }
        Some(_) => (quote! {}, quote! { body: ::std::option::Option::None, }),
        None => (quote! {}, quote! {}),
    };
    let args = args.chain(std::iter::once(body_arg).filter(|t| !t.is_empty()));
    let doc = operation_docs(op);
    let deprecated = op.deprecated.then(|| quote! { #[deprecated] });
    quote! {
        #doc
        #deprecated
        pub fn #name(&self, #(#args),*) -> #builder<'a> {
            #builder {
                client: self.client,
                #(#inits)*
                #(#optional_inits)*
                #body_init
            }
        }
    }
}

/// Docs of an operation: summary, description, method and path, permissions, unstable notice.
fn operation_docs(op: &Operation) -> TokenStream {
    let summary = docs::docs_or(&op.docs, &format!("`{}`", op.id));
    let http = format!(
        " `{} {}` (operation `{}`).",
        op.method.as_str(),
        op.path,
        op.id
    );
    let permissions = (!op.permissions.is_empty()).then(|| {
        let line = format!(
            " Permissions required: {}.",
            op.permissions
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        quote! { #[doc = ""] #[doc = #line] }
    });
    let unstable = op.unstable.as_ref().map(|notice| {
        let warning = docs::doc_lines(&format!(
            "**Unstable:** {notice}\n\nDisabled until enabled with `ClientBuilder::enable_unstable_operation(UnstableOperation::{})`; until then it fails with `Error::UnstableOperationDisabled` and sends nothing.",
            op.type_name
        ));
        quote! { #[doc = ""] #warning }
    });
    quote! {
        #summary
        #[doc = ""]
        #[doc = #http]
        #permissions
        #unstable
    }
}
