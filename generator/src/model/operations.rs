//! Operations: parameters, bodies, responses, pagination and the extensions Datadog uses.

use openapiv3::OpenAPI;

use super::schemas::TypeBuilder;
use super::{Operation, TypeRef};
use crate::diagnostics::Diagnostic;

/// Every operation, and the error body type shared by all documented error responses.
pub fn build_operations(
    _spec: &OpenAPI,
    _types: &mut TypeBuilder<'_>,
    _diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Operation>, Option<TypeRef>) {
    (Vec::new(), None)
}
