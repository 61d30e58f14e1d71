//! Generates each spec of the corpus on a pool of threads, one spec's panic caught so that it
//! cannot stop the others, and writes each crate under the corpus workspace.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use generator::{check_spec_at, generate_at, read_spec, write, GenerateOptions, STACK_BYTES};

use super::check::CheckResult;
use super::codes::{self, Finding};
use super::specs::Spec;

/// What happened to one spec.
#[derive(Debug)]
pub struct Run {
    /// The spec.
    pub spec: Spec,
    /// Its outcome.
    pub outcome: Outcome,
    /// Reading, generating and writing it.
    pub time: Duration,
}

/// The outcome of generating one spec.
#[derive(Debug)]
pub enum Outcome {
    /// A crate was written.
    Generated {
        /// Operations in the generated client.
        operations: usize,
        /// What the generator reported and did instead.
        warnings: Vec<Finding>,
        /// `cargo check`'s verdict, once checked.
        check: Option<CheckResult>,
    },
    /// The generator refused the spec (or it could not be read or written).
    Refused {
        /// Every problem reported.
        problems: Vec<Finding>,
    },
    /// The generator panicked.
    Panicked {
        /// The panic's message.
        message: String,
    },
}

/// Generates every spec with `jobs` threads (each with the generator's stack, as
/// [`check_spec_at`] runs on its caller's); the runs come back in the order of `specs`.
pub fn all(specs: &[Spec], out: &Path, jobs: usize) -> Vec<Run> {
    let next = AtomicUsize::new(0);
    let runs = Mutex::new(Vec::with_capacity(specs.len()));
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(specs.len()) {
            let worker = || {
                while let Some(spec) = specs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let run = one(spec, out);
                    eprintln!("  {:<44} {}", spec.file_name, run.outcome.result());
                    runs.lock().unwrap_or_else(|e| e.into_inner()).push(run);
                }
            };
            let spawned = std::thread::Builder::new()
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, worker);
            if let Err(e) = spawned {
                eprintln!("corpus: one worker fewer ({e})");
            }
        }
    });
    let mut runs = runs.into_inner().unwrap_or_else(|e| e.into_inner());
    runs.sort_by(|a, b| a.spec.path.cmp(&b.spec.path));
    runs
}

/// Generates one spec into `out/<crate name>`.
fn one(spec: &Spec, out: &Path) -> Run {
    let started = Instant::now();
    let dir = out.join(&spec.crate_name);
    let outcome = match catch_unwind(AssertUnwindSafe(|| generate_into(spec, &dir))) {
        Ok(outcome) => outcome,
        Err(payload) => Outcome::Panicked {
            message: panic_message(payload.as_ref()),
        },
    };
    if !matches!(outcome, Outcome::Generated { .. }) {
        // A crate left by an earlier run must not be checked as this spec's.
        let _ = std::fs::remove_dir_all(&dir);
    }
    Run {
        spec: spec.clone(),
        outcome,
        time: started.elapsed(),
    }
}

/// Counts the spec's operations ([`check_spec_at`]), generates it and writes the crate.
fn generate_into(spec: &Spec, dir: &Path) -> Outcome {
    let options = GenerateOptions {
        crate_name: spec.crate_name.clone(),
        spec_name: spec.file_name.clone(),
        lints: Default::default(),
    };
    let checked = read_spec(&spec.path).and_then(|source| {
        let checked = check_spec_at(&source, &spec.path)?;
        Ok((checked, generate_at(&source, &spec.path, &options)?))
    });
    let (checked, generated) = match checked {
        Ok(both) => both,
        Err(diagnostics) => {
            let errors = diagnostics.0.iter().filter(|d| d.is_error());
            let problems: Vec<Finding> = errors.map(codes::finding).collect();
            return match problems.iter().find(|p| p.is_panic()) {
                Some(panic) => Outcome::Panicked {
                    message: panic.text.clone(),
                },
                None => Outcome::Refused { problems },
            };
        }
    };
    let written = match write::plan(&generated.files, dir) {
        Ok(plan) => write::apply(&plan, dir).map_err(|e| e.to_string()),
        Err(e) => Err(format!("cannot read {}: {e}", dir.display())),
    };
    if let Err(message) = written {
        return Outcome::Refused {
            problems: vec![Finding::io(message)],
        };
    }
    Outcome::Generated {
        operations: checked.operations,
        warnings: codes::warnings(&generated),
        check: None,
    }
}

/// The text of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panicked with a non-text payload".to_string())
}

impl Outcome {
    /// The result column: generated, check-failed, refused or panicked.
    pub fn result(&self) -> &'static str {
        match self {
            Outcome::Generated {
                check: Some(CheckResult::Failed { .. }),
                ..
            } => "check-failed",
            Outcome::Generated {
                check: Some(CheckResult::NotReported),
                ..
            } => "not-checked",
            Outcome::Generated { .. } => "generated",
            Outcome::Refused { .. } => "refused",
            Outcome::Panicked { .. } => "panicked",
        }
    }
}
