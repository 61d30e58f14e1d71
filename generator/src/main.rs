//! The `generator` command: writes or checks a client crate for an OpenAPI 3.0 spec.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use generator::{decode_spec, generate_at, write, GenerateOptions};

/// Exit status when the spec has errors.
const SPEC_ERRORS: u8 = 2;
/// Exit status when the spec or the output cannot be read or written, or `--out` is refused.
const IO_ERROR: u8 = 3;

/// Generate a Rust client crate from an OpenAPI 3.0 spec.
///
/// Exit status: 0 on success (or no drift with --check), 1 when --check finds files that
/// would change, 2 when the spec has errors, 3 when the spec or --out cannot be read or
/// written, or --out is a non-empty directory it never generated into (see --force).
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// The spec, YAML or JSON, OpenAPI 3.0.0 to 3.0.4; `$ref`s to other files are read
    /// relative to the file that names them.
    #[arg(long)]
    spec: PathBuf,
    /// The crate directory to write (created if missing). Files the generator wrote there
    /// earlier (listed in its manifest, with its @generated header) and no longer generates
    /// are removed; nothing else is, and dot-files are never touched.
    #[arg(long)]
    out: PathBuf,
    /// Cargo package name of the generated crate.
    #[arg(long, default_value = "api-client")]
    crate_name: String,
    /// Write nothing; exit 1 naming each file that would change or is not generated.
    #[arg(long)]
    check: bool,
    /// Write into a non-empty --out that has no manifest (overwriting files with generated
    /// names); it still removes nothing it did not write.
    #[arg(long, conflicts_with = "check")]
    force: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let bytes = match std::fs::read(&cli.spec) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", cli.spec.display());
            return ExitCode::from(IO_ERROR);
        }
    };
    let options = GenerateOptions {
        crate_name: cli.crate_name.clone(),
        spec_name: cli.spec.display().to_string(),
    };
    let generated = match decode_spec(bytes, &options.spec_name)
        .and_then(|source| generate_at(&source, &cli.spec, &options))
    {
        Ok(g) => g,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            eprintln!("{} error(s) in {}", diagnostics.0.len(), cli.spec.display());
            return ExitCode::from(SPEC_ERRORS);
        }
    };
    let plan = match write::plan(&generated.files, &cli.out) {
        Ok(p) if cli.force => p.force(),
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", cli.out.display());
            return ExitCode::from(IO_ERROR);
        }
    };
    if cli.check {
        for change in &plan.changes {
            let what = match change {
                write::Change::Added { .. } => "would add",
                write::Change::Modified { .. } => "would rewrite",
                write::Change::Removed { .. } => "would remove",
                write::Change::Stray { .. } => "not generated (kept; remove it by hand)",
            };
            eprintln!("{what}: {}", change.path().display());
        }
        return if plan.changes.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    if let Err(e) = write::apply(&plan, &cli.out) {
        eprintln!("error: {e}");
        return ExitCode::from(IO_ERROR);
    }
    for path in plan.removals() {
        println!("removed: {}", path.display());
    }
    println!("{}", plan.summary());
    ExitCode::SUCCESS
}
