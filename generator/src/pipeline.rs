//! The whole run in memory: spec text (or a spec file and the files it `$ref`s) in, every
//! file of the client crate out.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Lints};
use crate::format::Header;
use crate::load::{read_spec, LoadedSpec};
use crate::model::Api;
use crate::options::GenerateOptions;
use crate::output::GeneratedCrate;
use crate::{check, emit, load, model};

/// Generates the crate for the spec `source` (which cannot `$ref` other files: see
/// [`generate_file`]).
///
/// Runs on a thread of its own with a [`STACK_BYTES`] stack, whatever the caller's thread
/// has: serde_yaml, openapiv3's deserializer and prettyplease recurse once per nesting level,
/// and the deepest spec the loader accepts needs more than a 2 MiB thread in debug builds.
pub fn generate(source: &str, options: &GenerateOptions) -> Result<GeneratedCrate, Diagnostics> {
    on_generator_stack(|| generate_here(Spec::Text(source), options))
}

/// Generates the crate for the spec file at `path`, with every file its `$ref`s name
/// (relative paths, resolved from the directory of the file that names them). Like
/// [`generate`], on a thread with a [`STACK_BYTES`] stack.
pub fn generate_file(
    path: &Path,
    options: &GenerateOptions,
) -> Result<GeneratedCrate, Diagnostics> {
    let source = read_spec(path)?;
    generate_at(&source, path, options)
}

/// [`generate_file`] for a caller that read the spec file at `path` itself: `source` is its
/// text.
pub fn generate_at(
    source: &str,
    path: &Path,
    options: &GenerateOptions,
) -> Result<GeneratedCrate, Diagnostics> {
    on_generator_stack(|| generate_here(Spec::At { source, path }, options))
}

/// Runs `run` on a thread with a [`STACK_BYTES`] stack (on the caller's when no thread can
/// be had); a panic is reported as an internal error.
fn on_generator_stack<T: Send>(
    run: impl Fn() -> Result<T, Diagnostics> + Sync,
) -> Result<T, Diagnostics> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("generator".to_string())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, &run);
        match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(Diagnostics(vec![Diagnostic::new(
                    Code::InternalError,
                    "#",
                    "internal error: the generator panicked on this spec (please report it)",
                )]))
            }),
            // No thread to be had: run here, on the caller's stack.
            Err(_) => run(),
        }
    })
}

/// The stack of a generation run (virtual memory, committed only as deep as it is used).
pub const STACK_BYTES: usize = 64 * 1024 * 1024;

/// What a spec that passes every check defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSpec {
    /// Named types the crate would have.
    pub types: usize,
    /// Operations the crate would have.
    pub operations: usize,
    /// What the checks reported without stopping, located.
    pub warnings: Vec<Diagnostic>,
}

/// Reports every problem [`generate`] would report for the spec `source` with the default
/// [`Lints`], without emitting code.
///
/// Runs on the caller's thread (unlike [`generate`]): the deepest spec the loader accepts
/// needs a few MiB of stack in debug builds; [`STACK_BYTES`] is always enough.
pub fn check_spec(source: &str) -> Result<CheckedSpec, Diagnostics> {
    checked(Spec::Text(source))
}

/// [`check_spec`] for the spec file at `path` whose text is `source`: its `$ref`s may name
/// other files, as for [`generate_at`].
pub fn check_spec_at(source: &str, path: &Path) -> Result<CheckedSpec, Diagnostics> {
    checked(Spec::At { source, path })
}

/// Where a spec comes from.
#[derive(Debug, Clone, Copy)]
enum Spec<'a> {
    /// Text that names no other file.
    Text(&'a str),
    /// The text of the file at `path`, whose `$ref`s may name other files.
    At { source: &'a str, path: &'a Path },
}

impl Spec<'_> {
    /// Reads and parses the spec.
    fn load(self) -> Result<LoadedSpec, Diagnostics> {
        match self {
            Spec::Text(source) => load::parse(source),
            Spec::At { source, path } => load::load_at(source, path),
        }
    }
}

/// What [`check_spec`] reports.
fn checked(spec: Spec<'_>) -> Result<CheckedSpec, Diagnostics> {
    let Modelled { api, warnings, .. } = checked_model(spec, &Lints::default())?;
    Ok(CheckedSpec {
        types: api.types.len(),
        operations: api.operations.len(),
        warnings,
    })
}

/// [`generate`] on the current thread.
fn generate_here(spec: Spec<'_>, options: &GenerateOptions) -> Result<GeneratedCrate, Diagnostics> {
    let Modelled {
        api,
        loaded,
        warnings,
    } = checked_model(spec, &options.lints)?;
    let header = Header {
        spec_name: options.spec_name.clone(),
        spec_sha256: sources_sha256(&loaded),
        generator_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let mut files = match emit::emit_crate(&api, options, &header) {
        Ok(files) => files,
        Err(errors) => return Err(Diagnostics([warnings, errors.0].concat())),
    };
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(GeneratedCrate { files, warnings })
}

/// A spec modelled without errors.
struct Modelled {
    api: Api,
    loaded: LoadedSpec,
    /// Every warning of loading, checking and modelling, located.
    warnings: Vec<Diagnostic>,
}

/// Loads, checks and models the spec; every problem at its level in `lints`, located in its
/// file, on its line.
fn checked_model(spec: Spec<'_>, lints: &Lints) -> Result<Modelled, Diagnostics> {
    let loaded = spec.load()?;
    let mut found = lints.apply(check::check(&loaded));
    if found.iter().any(Diagnostic::is_error) {
        return Err(located(&loaded, found));
    }
    let (api, modelling) = model::build(&loaded.openapi);
    found.extend(lints.apply(modelling));
    let found = located(&loaded, found);
    if found.0.iter().any(Diagnostic::is_error) {
        return Err(found);
    }
    Ok(Modelled {
        api,
        loaded,
        warnings: found.0,
    })
}

/// `found`, each located in its file, on its line.
fn located(loaded: &LoadedSpec, mut found: Vec<Diagnostic>) -> Diagnostics {
    for problem in &mut found {
        loaded.locate(problem);
    }
    Diagnostics(found)
}

/// Lowercase hex SHA-256 of the spec's files: the entry file's text alone for a spec in one
/// file; else followed by each other file's name and text, in the order they were read.
fn sources_sha256(loaded: &LoadedSpec) -> String {
    let mut hash = Sha256::new();
    for (i, file) in loaded.sources.files().iter().enumerate() {
        if i > 0 {
            hash.update(format!("\0{}\0", file.name));
        }
        hash.update(&file.text);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
