//! The `generator` command: writes or checks a client crate for an OpenAPI 3.0 spec.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use generator::{generate, write, GenerateOptions};

/// Generate a Rust client crate from an OpenAPI 3.0 spec.
///
/// Exit status: 0 on success (or no drift with --check), 1 when --check finds files that
/// would change, 2 when the spec has errors, 3 on I/O errors.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// The spec, YAML or JSON, OpenAPI 3.0.0 to 3.0.4.
    #[arg(long)]
    spec: PathBuf,
    /// The crate directory to write (created if missing; files not generated are removed).
    #[arg(long)]
    out: PathBuf,
    /// Cargo package name of the generated crate.
    #[arg(long, default_value = "api-client")]
    crate_name: String,
    /// Write nothing; exit 1 naming each file that would change.
    #[arg(long)]
    check: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = match std::fs::read_to_string(&cli.spec) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", cli.spec.display());
            return ExitCode::from(2);
        }
    };
    let options = GenerateOptions {
        crate_name: cli.crate_name.clone(),
        spec_name: cli.spec.display().to_string(),
    };
    let generated = match generate(&source, &options) {
        Ok(g) => g,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            eprintln!("{} error(s) in {}", diagnostics.0.len(), cli.spec.display());
            return ExitCode::from(2);
        }
    };
    let plan = match write::plan(&generated.files, &cli.out) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", cli.out.display());
            return ExitCode::from(3);
        }
    };
    if cli.check {
        for change in &plan.changes {
            eprintln!("would change: {}", change.path().display());
        }
        return if plan.changes.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    if let Err(e) = write::apply(&plan, &cli.out) {
        eprintln!("error: cannot write {}: {e}", cli.out.display());
        return ExitCode::from(3);
    }
    println!(
        "{} file(s) written, {} unchanged",
        plan.changes.len(),
        plan.unchanged
    );
    ExitCode::SUCCESS
}
