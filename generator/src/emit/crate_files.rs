//! The crate's frame: Cargo.toml (only the dependencies the code uses) and lib.rs (crate docs,
//! modules, re-exports).

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use crate::model::{Api, TypeKind, TypeRef};
use crate::options::GenerateOptions;

/// A dependency of generated crates, with the version and features the runtime is built against.
struct Dependency {
    name: &'static str,
    spec: &'static str,
}

/// Dependencies every generated crate has (the runtime uses them all).
const ALWAYS: &[Dependency] = &[
    Dependency {
        name: "futures-core",
        spec: r#""0.3""#,
    },
    Dependency {
        name: "futures-util",
        spec: r#"{ version = "0.3", default-features = false }"#,
    },
    // `Retry-After` as an HTTP date.
    Dependency {
        name: "httpdate",
        spec: r#""1""#,
    },
    Dependency {
        name: "percent-encoding",
        spec: r#""2""#,
    },
    Dependency {
        name: "reqwest",
        spec: r#"{ version = "0.12", default-features = false, features = ["rustls-tls", "gzip", "json"] }"#,
    },
    Dependency {
        name: "serde",
        spec: r#"{ version = "1", features = ["derive"] }"#,
    },
    // Unknown objects are kept as `serde_json::Value`; `preserve_order` keeps their keys in
    // the order the server sent them, so they are sent back unchanged.
    Dependency {
        name: "serde_json",
        spec: r#"{ version = "1", features = ["preserve_order"] }"#,
    },
    Dependency {
        name: "serde_path_to_error",
        spec: r#""0.1""#,
    },
    Dependency {
        name: "tokio",
        spec: r#"{ version = "1", features = ["time"] }"#,
    },
    Dependency {
        name: "tracing",
        spec: r#""0.1""#,
    },
];
/// Added when a date or date-time appears in the API.
const CHRONO: Dependency = Dependency {
    name: "chrono",
    spec: r#"{ version = "0.4", default-features = false, features = ["std", "serde"] }"#,
};
/// Added when a uuid appears in the API.
const UUID: Dependency = Dependency {
    name: "uuid",
    spec: r#"{ version = "1", features = ["serde"] }"#,
};
/// What the examples need besides the library.
const DEV: &[Dependency] = &[Dependency {
    name: "tokio",
    spec: r#"{ version = "1", features = ["macros", "rt-multi-thread", "net", "io-util"] }"#,
}];

/// A crate version from the spec's `info.version`, padded to semver (`1.0` -> `1.0.0`).
pub fn crate_version(api_version: &str) -> String {
    let core: Vec<&str> = api_version.trim_start_matches('v').split('.').collect();
    let numbers: Vec<u64> = core.iter().map_while(|part| part.parse().ok()).collect();
    if numbers.is_empty() || numbers.len() != core.len() || numbers.len() > 3 {
        return "0.1.0".to_string();
    }
    let mut parts = numbers;
    parts.resize(3, 0);
    format!("{}.{}.{}", parts[0], parts[1], parts[2])
}

/// `Cargo.toml` of the generated crate.
pub fn cargo_toml(api: &Api, options: &GenerateOptions, header: &str, version: &str) -> String {
    let mut deps: Vec<&Dependency> = ALWAYS.iter().collect();
    if api_uses(api, &|t| matches!(t, TypeRef::DateTime | TypeRef::Date)) {
        deps.push(&CHRONO);
    }
    if api_uses(api, &|t| matches!(t, TypeRef::Uuid)) {
        deps.push(&UUID);
    }
    deps.sort_by_key(|d| d.name);
    let lib_name = options.crate_name.replace('-', "_");
    let description = toml_string(&format!(
        "Rust client for {}, generated from its OpenAPI spec",
        api.title
    ));
    let mut out = format!(
        "{header}[package]\nname = {}\nversion = {}\ndescription = {description}\nedition = \"2021\"\nrust-version = \"1.85\"\npublish = false\n\n[lib]\nname = {}\n\n[dependencies]\n",
        toml_string(&options.crate_name),
        toml_string(version),
        toml_string(&lib_name),
    );
    for dep in deps {
        out.push_str(&format!("{} = {}\n", dep.name, dep.spec));
    }
    out.push_str("\n[dev-dependencies]\n");
    for dep in DEV {
        out.push_str(&format!("{} = {}\n", dep.name, dep.spec));
    }
    out
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether any type reference in the API satisfies `wanted`.
fn api_uses(api: &Api, wanted: &dyn Fn(&TypeRef) -> bool) -> bool {
    let mut refs: Vec<&TypeRef> = Vec::new();
    for def in &api.types {
        match &def.kind {
            TypeKind::Struct(s) => {
                refs.extend(s.fields.iter().map(|f| &f.ty));
                if let crate::model::Additional::Typed(t) = &s.additional {
                    refs.push(t);
                }
            }
            TypeKind::Union(u) => refs.extend(u.variants.iter().map(|v| &v.ty)),
            TypeKind::Alias(t) => refs.push(t),
            TypeKind::Enum(_) => {}
        }
    }
    for op in &api.operations {
        refs.extend(op.params.iter().map(|p| &p.ty));
    }
    refs.into_iter().any(|t| contains(t, wanted))
}

/// Whether `ty` or a type inside it satisfies `wanted`.
fn contains(ty: &TypeRef, wanted: &dyn Fn(&TypeRef) -> bool) -> bool {
    wanted(ty)
        || match ty {
            TypeRef::Vec(inner) | TypeRef::Map(inner) => contains(inner, wanted),
            _ => false,
        }
}

/// Whether any type, property, operation or parameter is deprecated.
fn api_has_deprecated(api: &Api) -> bool {
    let fields = |kind: &TypeKind| match kind {
        TypeKind::Struct(s) => s.fields.iter().any(|f| f.deprecated),
        _ => false,
    };
    api.types.iter().any(|t| t.deprecated || fields(&t.kind))
        || api
            .operations
            .iter()
            .any(|op| op.deprecated || op.params.iter().any(|p| p.deprecated))
}

/// `src/lib.rs`: crate docs with a quick start, modules and re-exports.
pub fn lib_rs(api: &Api, options: &GenerateOptions) -> TokenStream {
    let mut text = format!("# {}\n\n", api.title);
    if let Some(description) = &api.description {
        text.push_str(description.trim());
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "Generated from the API's OpenAPI spec (version {}) by openapi-rust-generator.\n\n",
        api.version
    ));
    let crate_docs = docs::escape(&text);
    let quick_start = quick_start(api, options);
    let lines = crate_docs
        .lines()
        .chain(std::iter::once(""))
        .chain(quick_start.lines())
        .map(|l| format!(" {l}"));
    // The crate uses its own deprecated items; their users outside it are still warned.
    let allow_deprecated = api_has_deprecated(api).then(|| quote! { #[allow(deprecated)] });
    quote! {
        #( #![doc = #lines] )*
        #![deny(missing_docs)]

        #[rustfmt::skip]
        mod api_spec;
        #[rustfmt::skip]
        #allow_deprecated
        pub mod apis;
        #[rustfmt::skip]
        #allow_deprecated
        pub mod models;
        #[rustfmt::skip]
        #[allow(dead_code)]
        mod runtime;

        pub use api_spec::{Site, UnstableOperation};
        pub use runtime::*;
    }
}

/// The quick start of the crate docs: build a client from the environment and call the first
/// operation that needs no inputs.
fn quick_start(api: &Api, options: &GenerateOptions) -> String {
    let lib = options.crate_name.replace('-', "_");
    let call = api
        .operations
        .iter()
        .find(|op| {
            op.unstable.is_none()
                && op.body.is_none()
                && super::operations::required_params(op).is_empty()
        })
        .map(|op| {
            format!(
                "let response = client.{}().{}().send().await?;\nprintln!(\"{{response:?}}\");\n",
                op.group_rust, op.rust_name
            )
        })
        .unwrap_or_default();
    format!(
        "## Quick start\n\n```no_run\n# async fn run() -> Result<(), {lib}::Error> {{\nlet client = {lib}::Client::from_env()?;\n{call}# Ok(())\n# }}\n```\n"
    )
}
