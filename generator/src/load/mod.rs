//! Reads a spec (YAML or JSON) into `openapiv3::OpenAPI`, refusing versions other than 3.0.x.
//!
//! Steps, each reporting located problems: YAML syntax, the version gate (before any typed
//! deserialization, so a 2.0 or 3.1 document gets a clear message), duplicate keys, then the
//! typed document.

mod lines;
mod typed;
mod version;

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
    let lines = LineMap::build(source);
    if let Some(problem) = lines.too_deep() {
        return Err(one(problem));
    }
    let document: serde_json::Value =
        serde_yaml::from_str(source).map_err(|e| one(yaml_error(&e)))?;
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
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let mut problem = Diagnostic::new("#", format!("{} is not valid UTF-8", path.display()));
        problem.line = Some(line);
        one(problem)
    })
}

/// A YAML syntax (or shape) error, with its line and column when serde_yaml knows them.
fn yaml_error(error: &serde_yaml::Error) -> Diagnostic {
    let text = error.to_string();
    let Some(location) = error.location() else {
        return Diagnostic::new("#", format!("invalid YAML: {text}"));
    };
    let position = format!(" at line {} column {}", location.line(), location.column());
    let what = text.replacen(&position, "", 1);
    let mut problem = Diagnostic::new(
        "#",
        format!("invalid YAML: {what} (column {})", location.column()),
    );
    problem.line = Some(location.line());
    problem
}

/// A single problem as a `Diagnostics`.
fn one(problem: Diagnostic) -> Diagnostics {
    Diagnostics(vec![problem])
}

#[cfg(test)]
mod tests;
