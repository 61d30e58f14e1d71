//! The whole run in memory: spec text in, every file of the client crate out.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::format::Header;
use crate::model::Api;
use crate::{check, emit, load, model};

/// What to call the crate and how to name the spec in headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Cargo package name, e.g. `datadog-feature-flags`.
    pub crate_name: String,
    /// The spec's name as written in each file's header, e.g. `spec/openapi.yaml`.
    pub spec_name: String,
}

/// One file of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate root, with `/` separators.
    pub path: PathBuf,
    /// The full contents.
    pub contents: String,
}

/// The generated crate, with the model it came from (for API-level summaries).
#[derive(Debug, Clone)]
pub struct GeneratedCrate {
    /// Every file, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// The model the files were emitted from.
    pub api: Api,
}

/// Generates the crate for the spec `source`.
///
/// Runs on a thread of its own with a [`STACK_BYTES`] stack, whatever the caller's thread
/// has: serde_yaml, openapiv3's deserializer and prettyplease recurse once per nesting level,
/// and the deepest spec the loader accepts needs more than a 2 MiB thread in debug builds.
pub fn generate(source: &str, options: &GenerateOptions) -> Result<GeneratedCrate, Diagnostics> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("generator".to_string())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || generate_here(source, options));
        match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(Diagnostics(vec![Diagnostic::new(
                    "#",
                    "internal error: the generator panicked on this spec (please report it)",
                )]))
            }),
            // No thread to be had: run here, on the caller's stack.
            Err(_) => generate_here(source, options),
        }
    })
}

/// The stack of a generation run (virtual memory, committed only as deep as it is used).
pub const STACK_BYTES: usize = 64 * 1024 * 1024;

/// [`generate`] on the current thread.
fn generate_here(source: &str, options: &GenerateOptions) -> Result<GeneratedCrate, Diagnostics> {
    let loaded = load::parse(source)?;
    let mut problems = check::check(&loaded);
    if !problems.is_empty() {
        for p in &mut problems {
            p.line = p.line.or_else(|| loaded.line_of(&p.pointer));
        }
        return Err(Diagnostics(problems));
    }
    let api = model::build(&loaded.openapi).map_err(|mut d| {
        for p in &mut d.0 {
            p.line = p.line.or_else(|| loaded.line_of(&p.pointer));
        }
        d
    })?;
    let header = Header {
        spec_name: options.spec_name.clone(),
        spec_sha256: sha256_hex(source.as_bytes()),
        generator_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let mut files = emit::emit_crate(&api, options, &header)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(GeneratedCrate { files, api })
}

/// Lowercase hex SHA-256.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
