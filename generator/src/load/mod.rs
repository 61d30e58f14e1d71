//! Reads a spec (YAML or JSON) into `openapiv3::OpenAPI`, refusing versions other than 3.0.x.
//!
//! Steps, each reporting located problems: bytes to text (`text`), text to a JSON value and
//! its line map (`syntax`: JSON as JSON, YAML as YAML), the version gate (before any typed
//! deserialization, so a 2.0 or 3.1 document gets a clear message), duplicate keys, other
//! files' `$ref`s pulled in (`bundle`), then the typed document (`typed`). `sources` locates
//! any pointer of the bundled document in the file, pointer and line it came from.
//!
//! Integers outside `i64` (a `minimum` of 18446744073709551615, a `maximum` of 1e20) load
//! and keep their exact value in the document, which example checks read. openapiv3 reads an
//! integer schema with such a bound in its untyped form (`AnySchema`, bounds as `f64`), which
//! the model reads like the typed form: neither clamped nor dropped, nothing to warn about.

mod bundle;
mod lines;
mod sources;
mod syntax;
mod text;
mod typed;
mod version;
mod yaml;

use std::path::Path;

use openapiv3::OpenAPI;

pub use sources::{SourceFile, SourceMap};

use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// A parsed spec with its raw document, for checks that need what openapiv3 drops.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The typed document.
    pub openapi: OpenAPI,
    /// The same document as plain JSON values (other files' objects pulled in).
    pub document: serde_json::Value,
    /// The files read, and where each part of the document came from.
    pub sources: SourceMap,
    /// `$ref`s to other files that could not be pulled in, located in their files: reported
    /// with the checker's problems, so they hide none of them.
    pub problems: Vec<Diagnostic>,
}

impl LoadedSpec {
    /// The 1-based line of the node at `pointer` (`#/paths/~1pets` or `/paths/~1pets`), or of
    /// its nearest located ancestor, in the file it was written in.
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        self.sources.line_of(pointer)
    }

    /// Points `problem` at the file it is in (`schemas/pet.yaml#/Pet/...` for an object
    /// pulled in from another file) and fills in its line.
    pub fn locate(&self, problem: &mut Diagnostic) {
        self.sources.locate(problem);
    }
}

/// Parses spec text (YAML or JSON) that names no other file.
pub fn parse(source: &str) -> Result<LoadedSpec, Diagnostics> {
    load(source.to_string(), None)
}

/// Parses `source`, the text of the spec file at `path`, and reads every file its `$ref`s
/// name (from the directory of the file that names them).
pub fn load_at(source: &str, path: &Path) -> Result<LoadedSpec, Diagnostics> {
    let entry = std::fs::canonicalize(path).map_err(|e| {
        one(Diagnostic::new(
            Code::UnreadableSpec,
            "#",
            format!("cannot read {}: {e}", path.display()),
        ))
    })?;
    load(source.to_string(), Some(&entry))
}

/// Parses `source`, the text of the entry file at `entry` (when there is one).
fn load(source: String, entry: Option<&Path>) -> Result<LoadedSpec, Diagnostics> {
    let syntax::Parsed {
        value: mut document,
        lines,
    } = syntax::parse(&source).map_err(one)?;
    let mut sources = SourceMap::new(SourceFile {
        name: String::new(),
        text: source,
        lines,
    });
    let located = |mut problem: Diagnostic, sources: &SourceMap| {
        sources.locate(&mut problem);
        one(problem)
    };
    version::check(&document).map_err(|p| located(p, &sources))?;
    let duplicates = sources.file(0).lines.duplicate_keys();
    if !duplicates.is_empty() {
        return Err(Diagnostics(duplicates));
    }
    let problems = bundle::bundle(&mut document, &mut sources, entry);
    let openapi = typed::deserialize(&document).map_err(|p| {
        let mut all = located(p, &sources);
        all.0.splice(0..0, problems.iter().cloned());
        all
    })?;
    Ok(LoadedSpec {
        openapi,
        document,
        sources,
        problems,
    })
}

/// Reads the spec file at `path` as text; an unreadable file or invalid UTF-8 is a problem
/// like any other.
pub fn read_spec(path: &Path) -> Result<String, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|e| {
        one(Diagnostic::new(
            Code::UnreadableSpec,
            "#",
            format!("cannot read {}: {e}", path.display()),
        ))
    })?;
    decode_spec(bytes, &path.display().to_string())
}

/// A spec file's bytes as text (without a byte order mark); invalid UTF-8 is a problem with
/// its line, naming `file`. For callers that read the file themselves.
pub fn decode_spec(bytes: Vec<u8>, file: &str) -> Result<String, Diagnostics> {
    text::decode(bytes, file, "#").map_err(one)
}

/// A single problem as a `Diagnostics`.
fn one(problem: Diagnostic) -> Diagnostics {
    Diagnostics(vec![problem])
}

#[cfg(test)]
mod tests;
