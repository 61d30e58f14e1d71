//! Checks a loaded spec and reports every problem at once, each with its JSON pointer.
//!
//! Each family of problems has its own module; all run on the raw document (as walked by
//! [`walk`]), so one problem never hides another.

mod examples;
mod operations;
mod refs;
mod schemas;
mod unresolved;
mod unsupported;
mod walk;

use crate::diagnostics::Diagnostic;
use crate::load::LoadedSpec;

/// Every problem in the spec that would make generation wrong or impossible, located and
/// sorted by line, then pointer.
pub fn check(spec: &LoadedSpec) -> Vec<Diagnostic> {
    let document = &spec.document;
    let inventory = walk::Inventory::of(document);
    let mut problems = spec.problems.clone();
    problems.extend(unresolved::check(document, &inventory));
    problems.extend(operations::check(document, &inventory));
    problems.extend(schemas::check(&inventory));
    problems.extend(unsupported::check(document, &inventory));
    problems.extend(examples::check(document, &inventory, &|pointer| {
        spec.line_of(pointer)
    }));
    for problem in &mut problems {
        problem.line = problem.line.or_else(|| spec.line_of(&problem.pointer));
    }
    problems.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.line.unwrap_or(usize::MAX),
                d.pointer.clone(),
                d.message.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    problems.dedup();
    problems
}
