//! Warnings the model raises while it goes on generating: renames, derived names, fallbacks.

use crate::diagnostics::Diagnostic;

/// Records a warning of `code` at `pointer`.
///
/// Until diagnostics carry a severity, every recorded diagnostic stops generation, so a
/// warning is not recorded yet; this is the one place that changes when they do.
pub fn warn(_diagnostics: &mut Vec<Diagnostic>, _code: &str, _pointer: &str, _message: String) {}

/// The code of a warning about a name changed to keep two spec names apart.
pub const RENAMED: &str = "renamed-to-avoid-collision";

/// The code of a warning about an operation named after its method and path.
pub const MISSING_OPERATION_ID: &str = "missing-operation-id";

/// The code of a warning about a required property no `properties` declares.
pub const UNDECLARED_REQUIRED: &str = "undeclared-required-property";

/// The code of a warning about a schema typed as any JSON value because it cannot be typed.
pub const UNTYPED: &str = "untyped-schema";
