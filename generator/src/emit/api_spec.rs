//! The API's identity for the runtime: typed sites, credentials, unstable operations, and the
//! constructors and builder methods that use them (`Client::from_env`, `ClientBuilder::site`...).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs;
use crate::model::Api;
use crate::options::GenerateOptions;

/// The contents of `src/api_spec.rs`.
pub fn emit_api_spec(api: &Api, options: &GenerateOptions, crate_version: &str) -> TokenStream {
    let statics = api_spec_static(api, options, crate_version);
    let site = site_enum(api);
    let unstable = unstable_enum(api);
    let client = client_impl(api);
    let builder = builder_impl(api);
    quote! {
        //! What the runtime needs to know about this API: its sites, credentials and unstable operations.
        #statics
        #site
        #unstable
        #client
        #builder
    }
}

/// `pub(crate) static API_SPEC: ApiSpec`
fn api_spec_static(api: &Api, options: &GenerateOptions, crate_version: &str) -> TokenStream {
    let name = &options.crate_name;
    let sites = api.sites.variants.iter().map(|s| {
        let value = &s.value;
        let base_url = &s.base_url;
        quote! { crate::runtime::SiteSpec { value: #value, base_url: #base_url } }
    });
    let default_site = api.sites.default;
    let site_env = option_str(api.sites.env_var.as_deref());
    let credentials = api.credentials.iter().map(|c| {
        let scheme = &c.scheme;
        let header = &c.header;
        let env = option_str(c.env_var.as_deref());
        quote! { crate::runtime::CredentialSpec { name: #scheme, header: #header, env: #env } }
    });
    quote! {
        /// This API as the runtime sees it.
        pub(crate) static API_SPEC: crate::runtime::ApiSpec = crate::runtime::ApiSpec {
            name: #name,
            version: #crate_version,
            sites: &[#(#sites),*],
            default_site: #default_site,
            site_env: #site_env,
            credentials: &[#(#credentials),*],
        };
    }
}

/// `Some("x")` or `None` as tokens.
fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote! { ::std::option::Option::Some(#v) },
        None => quote! { ::std::option::Option::None },
    }
}

/// `pub enum Site` with one variant per site.
fn site_enum(api: &Api) -> TokenStream {
    let variants: Vec<_> = api
        .sites
        .variants
        .iter()
        .map(|s| format_ident!("{}", s.rust_name))
        .collect();
    let values: Vec<_> = api
        .sites
        .variants
        .iter()
        .map(|s| s.value.as_str())
        .collect();
    let base_urls: Vec<_> = api
        .sites
        .variants
        .iter()
        .map(|s| s.base_url.as_str())
        .collect();
    let docs = api
        .sites
        .variants
        .iter()
        .map(|s| format!(" `{}`, served at <{}>.", s.value, s.base_url));
    let defaults =
        (0..variants.len()).map(|i| (i == api.sites.default).then(|| quote! { #[default] }));
    let derive_default = (!variants.is_empty()).then(|| quote! { Default, });
    let env = api
        .sites
        .env_var
        .as_ref()
        .map(|v| format!(" `Client::from_env` reads it from `{v}`."))
        .unwrap_or_default();
    let enum_doc = format!(" A site the API is served on.{env}");
    quote! {
        #[doc = #enum_doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, #derive_default)]
        #[non_exhaustive]
        pub enum Site {
            #( #[doc = #docs] #defaults #variants, )*
        }

        impl Site {
            /// Every site, in the spec's order.
            pub const ALL: &'static [Site] = &[#(Site::#variants),*];

            /// The site's name as the spec and environment variables spell it.
            pub fn as_str(self) -> &'static str {
                match self {
                    #( Site::#variants => #values, )*
                }
            }

            /// The base URL of the API on this site, without a trailing slash.
            pub fn base_url(self) -> &'static str {
                match self {
                    #( Site::#variants => #base_urls, )*
                }
            }

            /// The site called `name`, if there is one.
            pub fn from_name(name: &str) -> ::std::option::Option<Site> {
                Site::ALL.iter().copied().find(|site| site.as_str() == name)
            }
        }

        impl ::std::fmt::Display for Site {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// `pub enum UnstableOperation` with one variant per `x-unstable` operation.
fn unstable_enum(api: &Api) -> TokenStream {
    let unstable: Vec<_> = api
        .operations
        .iter()
        .filter(|op| op.unstable.is_some())
        .collect();
    let variants: Vec<_> = unstable
        .iter()
        .map(|op| format_ident!("{}", op.type_name))
        .collect();
    let ids: Vec<_> = unstable.iter().map(|op| op.id.as_str()).collect();
    let docs = unstable
        .iter()
        .map(|op| format!(" `{}` (`{} {}`).", op.id, op.method.as_str(), op.path));
    let id_fn = if variants.is_empty() {
        quote! { match self {} }
    } else {
        quote! { match self { #( UnstableOperation::#variants => #ids, )* } }
    };
    quote! {
        /// An operation that is disabled until enabled with `ClientBuilder::enable_unstable_operation`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum UnstableOperation {
            #( #[doc = #docs] #variants, )*
        }

        impl UnstableOperation {
            /// The operation's `operationId`.
            pub fn operation_id(self) -> &'static str {
                #id_fn
            }
        }
    }
}

/// `Client::builder`, `Client::from_env` and the group accessors.
fn client_impl(api: &Api) -> TokenStream {
    let env_names = api.env_vars();
    let env_doc = if env_names.is_empty() {
        String::new()
    } else {
        format!(
            " Reads {}.",
            env_names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let from_env_doc = format!(" A client configured from the environment.{env_doc}");
    let groups = super::apis::groups(api).into_iter().map(|group| {
        let method = format_ident!("{}", group.accessor);
        let ty = format_ident!("{}", group.type_name);
        let module = format_ident!("{}", group.module);
        let doc = docs::doc_lines(&format!("Operations tagged `{}`.", group.tag));
        quote! {
            #doc
            pub fn #method(&self) -> crate::apis::#module::#ty<'_> {
                crate::apis::#module::#ty::new(self)
            }
        }
    });
    quote! {
        impl crate::Client {
            /// A builder for a client of this API.
            pub fn builder() -> crate::ClientBuilder {
                crate::ClientBuilder::new(&API_SPEC)
            }

            #[doc = #from_env_doc]
            pub fn from_env() -> ::std::result::Result<crate::Client, crate::Error> {
                Self::builder().from_env()?.build()
            }

            #(#groups)*
        }
    }
}

/// Typed builder methods: `site`, one per credential, `enable_unstable_operation`.
fn builder_impl(api: &Api) -> TokenStream {
    let credentials = api.credentials.iter().map(|c| {
        let method = format_ident!("{}", c.rust_name);
        let scheme = &c.scheme;
        let mut text = format!(
            "Sets the `{}` header (security scheme `{}`).",
            c.header, c.scheme
        );
        if let Some(env) = &c.env_var {
            text.push_str(&format!(" `from_env` reads it from `{env}`."));
        }
        if let Some(description) = &c.description {
            text.push_str("\n\n");
            text.push_str(description);
        }
        let doc = docs::doc_lines(&text);
        quote! {
            #doc
            pub fn #method(self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.credential(#scheme, value)
            }
        }
    });
    quote! {
        impl crate::ClientBuilder {
            /// Sends requests to `site` (replacing any custom base URL).
            pub fn site(self, site: Site) -> Self {
                self.site_value(site.as_str())
            }

            #(#credentials)*

            /// Allows calls to an unstable operation.
            pub fn enable_unstable_operation(self, operation: UnstableOperation) -> Self {
                self.enable_unstable(operation.operation_id())
            }
        }
    }
}
