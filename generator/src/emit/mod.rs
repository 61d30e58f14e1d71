//! The model to the files of a crate: Cargo.toml, lib.rs, models, APIs, runtime, examples.

pub mod docs;
pub mod types;

use std::path::PathBuf;

use quote::quote;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::format::{self, Header};
use crate::model::Api;
use crate::pipeline::{GenerateOptions, GeneratedFile};

/// Every file of the crate.
pub fn emit_crate(api: &Api, options: &GenerateOptions, header: &Header) -> Result<Vec<GeneratedFile>, Diagnostics> {
    let mut files = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut model_mods = Vec::new();
    for def in &api.types {
        let module = crate::model::names::field_name(&def.name);
        let path = format!("src/models/{module}.rs");
        match types::emit_type(def, api).and_then(|t| format::rust_file(t, header, &path)) {
            Ok(contents) => files.push(GeneratedFile { path: PathBuf::from(path), contents }),
            Err(d) => problems.push(d),
        }
        model_mods.push(quote::format_ident!("{}", module));
    }
    let models = quote! {
        //! Types of the API's schemas.
        #( mod #model_mods; pub use #model_mods::*; )*
    };
    let lib = quote! {
        //! Generated client.
        #![deny(missing_docs)]
        pub mod models;
    };
    for (path, tokens) in [("src/models/mod.rs", models), ("src/lib.rs", lib)] {
        match format::rust_file(tokens, header, path) {
            Ok(contents) => files.push(GeneratedFile { path: PathBuf::from(path), contents }),
            Err(d) => problems.push(d),
        }
    }
    files.push(GeneratedFile {
        path: PathBuf::from("Cargo.toml"),
        contents: format!(
            "{}[package]\nname = \"{}\"\nversion = \"{}\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nserde_json = \"1\"\n",
            header.render("#"),
            options.crate_name,
            api.version
        ),
    });
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(problems))
    }
}
