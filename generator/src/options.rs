//! What a caller chooses about a generation run: the crate's name, how to name the spec, and
//! how strict to be.

use crate::diagnostics::Lints;

/// What to call the crate, how to name the spec in headers, and which diagnostics stop
/// generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Cargo package name, e.g. `datadog-feature-flags`.
    pub crate_name: String,
    /// The spec's name as written in each file's header, e.g. `spec/openapi.yaml`.
    pub spec_name: String,
    /// The level of each diagnostic code (`Lints::default()`: the table's defaults).
    pub lints: Lints,
}
