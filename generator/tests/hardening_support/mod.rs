//! What the hardening tests share: the outcome every input must have (files, or located
//! problems), and a small-stack runner that turns hidden deep recursion into a failure.

// Each test binary uses part of this module.
#![allow(dead_code)]

use generator::{check_spec, generate, Diagnostics, GenerateOptions, GeneratedCrate};

/// Stack given to the deep-input tests: recursion proportional to the input overflows it.
pub const SMALL_STACK: usize = 8 << 20;

/// Options for generating a test crate.
pub fn options() -> GenerateOptions {
    GenerateOptions {
        crate_name: "hardening-test".to_string(),
        spec_name: "hardening.yaml".to_string(),
        lints: Default::default(),
    }
}

/// What a run gave: how many files, or how many problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The crate was generated with this many files.
    Generated(usize),
    /// The spec was refused with these problems (each located).
    Refused(Diagnostics),
}

/// Checks that a run either generated files or refused with located problems, and says which.
pub fn outcome(result: Result<GeneratedCrate, Diagnostics>) -> Outcome {
    match result {
        Ok(generated) => {
            assert!(!generated.files.is_empty(), "generated no files");
            Outcome::Generated(generated.files.len())
        }
        Err(problems) => {
            assert_located(&problems);
            Outcome::Refused(problems)
        }
    }
}

/// Every problem has a JSON pointer (`#...`), and there is at least one.
pub fn assert_located(problems: &Diagnostics) {
    assert!(!problems.0.is_empty(), "refused without a problem");
    for problem in &problems.0 {
        assert!(
            problem.pointer.starts_with('#'),
            "problem without a pointer: {problem}"
        );
    }
}

/// Loads, checks and models `source` in a thread with a [`SMALL_STACK`]: the named types, or
/// the (located) problems.
pub fn model_on_small_stack(source: String) -> Result<usize, Diagnostics> {
    on_small_stack(move || Ok(check_spec(&source)?.types)).inspect_err(assert_located)
}

/// Generates `source` in a thread with a [`SMALL_STACK`].
pub fn generate_on_small_stack(source: String) -> Outcome {
    on_small_stack(move || outcome(generate(&source, &options())))
}

/// Runs `work` in a thread with a [`SMALL_STACK`], passing its panics on.
pub fn on_small_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let thread = std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(work)
        .unwrap_or_else(|e| panic!("cannot start a thread: {e}"));
    match thread.join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}
