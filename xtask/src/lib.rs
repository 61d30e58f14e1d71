//! The project's codegen settings and the two codegen modes, shared by `cargo xtask` and the
//! drift test in tests/.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use generator::write::{self, Plan, WriteError};
use generator::{decode_spec, drift, generate_at, Diagnostics, GenerateOptions, Lints};

/// The spec, relative to the workspace root.
pub const SPEC: &str = "spec/openapi.yaml";
/// The generated crate's directory, relative to the workspace root.
pub const OUT_DIR: &str = "generated";
/// The generated crate's package name.
pub const CRATE_NAME: &str = "datadog-feature-flags";

/// How strict codegen is with the project's spec: every warning is an error, so the spec
/// stays clean.
pub fn project_lints() -> Lints {
    Lints::default().deny_warnings()
}

/// Why codegen could not run.
#[derive(Debug)]
pub enum CodegenError {
    /// The spec or output could not be read.
    Io(PathBuf, io::Error),
    /// The spec (this file) has errors.
    Spec(PathBuf, Diagnostics),
    /// The output could not be written, or is a directory never generated into.
    Write(WriteError),
}

impl CodegenError {
    /// The exit status the README documents: 2 for spec errors, 3 for I/O and refusals.
    pub fn exit_code(&self) -> u8 {
        match self {
            CodegenError::Spec(..) => 2,
            CodegenError::Io(..) | CodegenError::Write(_) => 3,
        }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Io(path, e) => write!(f, "error: {}: {e}", path.display()),
            CodegenError::Spec(spec, d) => {
                write!(f, "{d}\n{} error(s) in {}", d.errors(), spec.display())
            }
            CodegenError::Write(e) => write!(f, "error: {e}"),
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

/// `path` relative to the workspace root when it lies inside it (`spec/openapi.yaml`), else
/// as given: how messages and the generated files' headers name it.
pub fn display_name(path: &Path) -> String {
    let inside = |root: &Path, path: &Path| {
        path.strip_prefix(root)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    };
    let canonical = |p: &Path| p.canonicalize().ok();
    match (canonical(&workspace_root()), canonical(path)) {
        (Some(root), Some(path)) => inside(&root, &path),
        _ => None,
    }
    .unwrap_or_else(|| path.display().to_string())
}

/// Generates `spec_path` in memory and compares with `out_dir`: the plan of what differs.
pub fn plan(spec_path: &Path, out_dir: &Path) -> Result<Plan, CodegenError> {
    let bytes =
        std::fs::read(spec_path).map_err(|e| CodegenError::Io(spec_path.to_path_buf(), e))?;
    let options = GenerateOptions {
        crate_name: CRATE_NAME.to_string(),
        spec_name: display_name(spec_path),
        lints: project_lints(),
    };
    let generated = decode_spec(bytes, &options.spec_name)
        .and_then(|source| generate_at(&source, spec_path, &options))
        .map_err(|d| CodegenError::Spec(PathBuf::from(display_name(spec_path)), d))?;
    write::plan(&generated.files, out_dir).map_err(|e| CodegenError::Io(out_dir.to_path_buf(), e))
}

/// `cargo xtask codegen`: writes what changed into `out_dir` (refusing a non-empty directory
/// never generated into unless `force`); returns each removal and a one-line summary.
pub fn codegen(spec_path: &Path, out_dir: &Path, force: bool) -> Result<String, CodegenError> {
    let started = Instant::now();
    let mut plan = plan(spec_path, out_dir)?;
    if force {
        plan = plan.force();
    }
    write::apply(&plan, out_dir).map_err(CodegenError::Write)?;
    let mut report: String = plan
        .removals()
        .map(|path| format!("removed: {}\n", path.display()))
        .collect();
    report.push_str(&format!(
        "codegen: {} in {} ({}/ from {})",
        plan.summary(),
        millis(started.elapsed()),
        display_name(out_dir),
        display_name(spec_path)
    ));
    Ok(report)
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
