//! The project's codegen settings and the two codegen modes, shared by `cargo xtask` and the
//! drift test in tests/.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use generator::write::{self, Plan};
use generator::{drift, generate, Diagnostics, GenerateOptions};

/// The spec, relative to the workspace root.
pub const SPEC: &str = "spec/openapi.yaml";
/// The generated crate's directory, relative to the workspace root.
pub const OUT_DIR: &str = "generated";
/// The generated crate's package name.
pub const CRATE_NAME: &str = "datadog-feature-flags";

/// Why codegen could not run.
#[derive(Debug)]
pub enum CodegenError {
    /// The spec or output could not be read or written.
    Io(PathBuf, io::Error),
    /// The spec has errors.
    Spec(Diagnostics),
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Io(path, e) => write!(f, "error: {}: {e}", path.display()),
            CodegenError::Spec(d) => write!(f, "{d}\n{} error(s) in {SPEC}", d.0.len()),
        }
    }
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Cargo's target directory: `CARGO_TARGET_DIR` or the workspace's `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Generates `spec_path` in memory and compares with `out_dir`: the plan of what differs.
pub fn plan(spec_path: &Path, out_dir: &Path) -> Result<Plan, CodegenError> {
    let source = std::fs::read_to_string(spec_path)
        .map_err(|e| CodegenError::Io(spec_path.to_path_buf(), e))?;
    let options = GenerateOptions {
        crate_name: CRATE_NAME.to_string(),
        spec_name: SPEC.to_string(),
    };
    let generated = generate(&source, &options).map_err(CodegenError::Spec)?;
    write::plan(&generated.files, out_dir).map_err(|e| CodegenError::Io(out_dir.to_path_buf(), e))
}

/// `cargo xtask codegen`: writes what changed; returns the one-line summary.
pub fn codegen(root: &Path) -> Result<String, CodegenError> {
    let started = Instant::now();
    let out_dir = root.join(OUT_DIR);
    let plan = plan(&root.join(SPEC), &out_dir)?;
    write::apply(&plan, &out_dir).map_err(|e| CodegenError::Io(out_dir.clone(), e))?;
    let count = |f: fn(&write::Change) -> bool| plan.changes.iter().filter(|c| f(c)).count();
    let written = count(|c| !matches!(c, write::Change::Removed { .. }));
    let removed = count(|c| matches!(c, write::Change::Removed { .. }));
    Ok(format!(
        "codegen: {written} file(s) written, {} unchanged, {removed} removed in {} ({OUT_DIR}/ from {SPEC})",
        plan.unchanged,
        millis(started.elapsed())
    ))
}

/// `cargo xtask codegen --check`: `Ok(None)` when `out_dir` is what `spec_path` generates,
/// `Ok(Some(report))` on drift. Never writes.
pub fn check(spec_path: &Path, out_dir: &Path) -> Result<Option<String>, CodegenError> {
    let plan = plan(spec_path, out_dir)?;
    Ok((!plan.changes.is_empty()).then(|| drift::report(&plan)))
}

/// `12 ms`
fn millis(d: Duration) -> String {
    format!("{} ms", d.as_millis())
}
