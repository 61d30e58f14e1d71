//! What a caller chooses about a generation run: the crate's name and how to name the spec.

/// What to call the crate and how to name the spec in headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Cargo package name, e.g. `datadog-feature-flags`.
    pub crate_name: String,
    /// The spec's name as written in each file's header, e.g. `spec/openapi.yaml`.
    pub spec_name: String,
}
