//! The model to the files of a crate: Cargo.toml, lib.rs, models, APIs, runtime, examples.

pub mod api_spec;
pub mod apis;
pub mod crate_files;
pub mod display;
pub mod docs;
pub mod examples;
pub mod operations;
pub mod pagination;
pub mod responses;
pub mod runtime;
pub mod types;

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::format::{self, Header};
use crate::model::{names, Api};
use crate::options::GenerateOptions;
use crate::output::GeneratedFile;

/// Collects formatted files and the problems met while emitting them.
struct Files<'a> {
    header: &'a Header,
    files: Vec<GeneratedFile>,
    problems: Vec<Diagnostic>,
}

impl Files<'_> {
    /// Formats `tokens` as the Rust file at `path`.
    fn rust(&mut self, path: String, tokens: Result<TokenStream, Diagnostic>) {
        match tokens.and_then(|t| format::rust_file(t, self.header, &path)) {
            Ok(contents) => self.files.push(GeneratedFile {
                path: PathBuf::from(path),
                contents,
            }),
            Err(d) => self.problems.push(d),
        }
    }
}

/// Every file of the crate.
pub fn emit_crate(
    api: &Api,
    options: &GenerateOptions,
    header: &Header,
) -> Result<Vec<GeneratedFile>, Diagnostics> {
    let mut out = Files {
        header,
        files: Vec::new(),
        problems: Vec::new(),
    };
    let version = crate_files::crate_version(&api.version);
    emit_models(api, &mut out);
    emit_apis(api, &mut out);
    out.rust(
        "src/api_spec.rs".into(),
        Ok(api_spec::emit_api_spec(api, options, &version)),
    );
    out.rust("src/lib.rs".into(), Ok(crate_files::lib_rs(api, options)));
    let lib = options.crate_name.replace('-', "_");
    for op in &api.operations {
        out.rust(
            format!("examples/{}.rs", op.rust_name),
            Ok(examples::emit_example(op, api, &lib)),
        );
    }
    out.files.extend(runtime::runtime_files(header));
    out.files.push(GeneratedFile {
        path: PathBuf::from("Cargo.toml"),
        contents: crate_files::cargo_toml(api, options, &header.render("#"), &version),
    });
    if out.problems.is_empty() {
        Ok(out.files)
    } else {
        out.problems.sort();
        Err(Diagnostics(out.problems))
    }
}

/// `src/models/<type>.rs` per named type and `src/models/mod.rs`.
fn emit_models(api: &Api, out: &mut Files<'_>) {
    let wanted: Vec<names::Wanted> = api
        .types
        .iter()
        .map(|def| names::Wanted::new(&def.name, format!("type `{}`", def.name)))
        .collect();
    let modules: Vec<_> = names::distinct(&wanted, names::field_name, &[])
        .into_iter()
        .map(|given| format_ident!("{}", given.rust))
        .collect();
    for (def, module) in api.types.iter().zip(&modules) {
        out.rust(
            format!("src/models/{module}.rs"),
            types::emit_type(def, api),
        );
    }
    out.rust(
        "src/models/mod.rs".into(),
        Ok(quote! {
            //! The API's schemas as Rust types.
            #( mod #modules; pub use #modules::*; )*
        }),
    );
}

/// `src/apis/mod.rs`, and per group its `mod.rs` and one file per operation.
fn emit_apis(api: &Api, out: &mut Files<'_>) {
    let groups = apis::groups(api);
    out.rust("src/apis/mod.rs".into(), Ok(apis::apis_mod(&groups)));
    for group in &groups {
        out.rust(
            format!("src/apis/{}/mod.rs", group.module),
            Ok(apis::group_mod(group)),
        );
        for op in &group.operations {
            out.rust(
                format!("src/apis/{}/{}.rs", group.module, op.rust_name),
                operations::emit_operation(op, api),
            );
        }
    }
}
