//! Follows `$ref`s to components (parameters, request bodies, responses) with a bounded depth.

use indexmap::IndexMap;
use openapiv3::ReferenceOr;

use crate::diagnostics::{Code, Diagnostic};

/// How many `$ref` hops are followed before a chain is called a cycle.
const MAX_HOPS: usize = 32;

/// The item `reference` (written at `pointer`) points at, through `components/<kind>` (e.g.
/// `parameters`). An unresolvable or cyclic reference is a problem naming it.
pub fn component<'a, T>(
    reference: &'a ReferenceOr<T>,
    components: Option<&'a IndexMap<String, ReferenceOr<T>>>,
    kind: &str,
    pointer: &str,
) -> Result<&'a T, Diagnostic> {
    let mut current = reference;
    for _ in 0..MAX_HOPS {
        match current {
            ReferenceOr::Item(item) => return Ok(item),
            ReferenceOr::Reference { reference } => {
                let prefix = format!("#/components/{kind}/");
                let name = reference.strip_prefix(&prefix).ok_or_else(|| {
                    let message =
                        format!("`$ref: {reference}` does not point into #/components/{kind}");
                    Diagnostic::new(Code::UnsupportedRef, pointer, message)
                })?;
                current = components.and_then(|c| c.get(name)).ok_or_else(|| {
                    let message = format!("`$ref: {reference}` does not resolve");
                    Diagnostic::new(Code::UnresolvedRef, pointer, message)
                })?;
            }
        }
    }
    let message =
        format!("`$ref` chain longer than {MAX_HOPS} hops (a cycle?) in #/components/{kind}");
    Err(Diagnostic::new(Code::RefCycle, pointer, message))
}
