//! Reads a spec (YAML or JSON) into `openapiv3::OpenAPI`, refusing versions other than 3.0.x.
//!
//! Steps, each reporting located problems: bytes to text (`text`), text to a JSON value and
//! its line map (`syntax`: JSON as JSON, YAML as YAML), the version gate (before any typed
//! deserialization, so a 2.0 or 3.1 document gets a clear message), duplicate keys, then the
//! typed document (`typed`).
//!
//! Integers outside `i64` (a `minimum` of 18446744073709551615, a `maximum` of 1e20) load
//! and keep their exact value in the document, which example checks read. openapiv3 reads an
//! integer schema with such a bound in its untyped form (`AnySchema`, bounds as `f64`), which
//! the model reads like the typed form: neither clamped nor dropped, nothing to warn about.

mod lines;
mod syntax;
mod text;
mod typed;
mod version;
mod yaml;

use std::path::Path;

use openapiv3::OpenAPI;

pub use lines::LineMap;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// A parsed spec with its raw document, for checks that need what openapiv3 drops.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The typed document.
    pub openapi: OpenAPI,
    /// The same document as plain JSON values.
    pub document: serde_json::Value,
    /// Where each node of the document starts in the source text.
    pub lines: LineMap,
}

impl LoadedSpec {
    /// The 1-based line of the node at `pointer` (`#/paths/~1pets` or `/paths/~1pets`), or of
    /// its nearest located ancestor.
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        self.lines.line_of(pointer)
    }
}

/// Parses spec text (YAML or JSON).
pub fn parse(source: &str) -> Result<LoadedSpec, Diagnostics> {
    let syntax::Parsed {
        value: document,
        lines,
    } = syntax::parse(source).map_err(one)?;
    let located = |mut problem: Diagnostic| {
        problem.line = problem.line.or_else(|| lines.line_of(&problem.pointer));
        one(problem)
    };
    version::check(&document).map_err(located)?;
    let duplicates = lines.duplicate_keys();
    if !duplicates.is_empty() {
        return Err(Diagnostics(duplicates));
    }
    let openapi = typed::deserialize(&document).map_err(located)?;
    Ok(LoadedSpec {
        openapi,
        document,
        lines,
    })
}

/// Reads the spec file at `path` as text; an unreadable file or invalid UTF-8 is a problem
/// like any other.
pub fn read_spec(path: &Path) -> Result<String, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|e| {
        one(Diagnostic::new(
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
