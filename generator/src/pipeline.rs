//! The whole run in memory: spec text in, every file of the client crate out.

use sha2::{Digest, Sha256};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::format::Header;
use crate::model::Api;
use crate::options::GenerateOptions;
use crate::output::GeneratedCrate;
use crate::{check, emit, load, model};

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

/// What a spec that passes every check defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedSpec {
    /// Named types the crate would have.
    pub types: usize,
    /// Operations the crate would have.
    pub operations: usize,
}

/// Reports every problem [`generate`] would report for the spec `source`, without emitting
/// code.
///
/// Runs on the caller's thread (unlike [`generate`]): the deepest spec the loader accepts
/// needs a few MiB of stack in debug builds; [`STACK_BYTES`] is always enough.
pub fn check_spec(source: &str) -> Result<CheckedSpec, Diagnostics> {
    let api = checked_model(source)?;
    Ok(CheckedSpec {
        types: api.types.len(),
        operations: api.operations.len(),
    })
}

/// [`generate`] on the current thread.
fn generate_here(source: &str, options: &GenerateOptions) -> Result<GeneratedCrate, Diagnostics> {
    let api = checked_model(source)?;
    let header = Header {
        spec_name: options.spec_name.clone(),
        spec_sha256: sha256_hex(source.as_bytes()),
        generator_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let mut files = emit::emit_crate(&api, options, &header)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(GeneratedCrate { files })
}

/// Loads, checks and models the spec `source`; every problem located on its line.
fn checked_model(source: &str) -> Result<Api, Diagnostics> {
    let loaded = load::parse(source)?;
    let mut problems = check::check(&loaded);
    if !problems.is_empty() {
        for p in &mut problems {
            p.line = p.line.or_else(|| loaded.line_of(&p.pointer));
        }
        return Err(Diagnostics(problems));
    }
    model::build(&loaded.openapi).map_err(|mut d| {
        for p in &mut d.0 {
            p.line = p.line.or_else(|| loaded.line_of(&p.pointer));
        }
        d
    })
}

/// Lowercase hex SHA-256.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
