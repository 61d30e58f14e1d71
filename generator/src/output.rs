//! What a generation run gives back: the files of the client crate and the warnings of the
//! run.

use std::path::PathBuf;

use crate::diagnostics::Diagnostic;

/// One file of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate root, with `/` separators.
    pub path: PathBuf,
    /// The full contents.
    pub contents: String,
}

/// The generated crate.
#[derive(Debug, Clone)]
pub struct GeneratedCrate {
    /// Every file, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// What the run reported without stopping (each at level warning), located.
    pub warnings: Vec<Diagnostic>,
}
