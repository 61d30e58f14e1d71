//! Checks a loaded spec and reports every problem at once, each with its JSON pointer.

use crate::diagnostics::Diagnostic;
use crate::load::LoadedSpec;

/// Every problem in the spec that would make generation wrong or impossible.
pub fn check(_spec: &LoadedSpec) -> Vec<Diagnostic> {
    Vec::new()
}
