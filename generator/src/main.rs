//! The `generator` command: writes or checks a client crate for an OpenAPI 3.0 spec.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser};
use generator::{decode_spec, generate_at, write, Diagnostic, GenerateOptions, Level, Lint, Lints};

/// Exit status when the spec has errors.
const SPEC_ERRORS: u8 = 2;
/// Exit status when the spec or the output cannot be read or written, or `--out` is refused.
const IO_ERROR: u8 = 3;

/// Generate a Rust client crate from an OpenAPI 3.0 spec.
///
/// Every problem is printed with its level and code (`warning[untyped-schema]: ...`), its JSON
/// pointer and its line. Warnings do not stop generation; `--deny` makes them errors.
///
/// Exit status: 0 on success (or no drift with --check), warnings or not; 1 when --check
/// finds files that would change; 2 when the spec has errors (denied warnings included) or
/// the command line is wrong; 3 when the spec or --out cannot be read or written, or --out
/// is a non-empty directory it never generated into (see --force).
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
    /// Make a diagnostic code an error, or every warning with `warnings`. Repeatable; for one
    /// code the last --deny or --allow wins.
    #[arg(long, value_name = "CODE")]
    deny: Vec<Lint>,
    /// Do not report a diagnostic code (one that is always an error cannot be allowed), or
    /// any warning with `warnings`. Repeatable.
    #[arg(long, value_name = "CODE")]
    allow: Vec<Lint>,
}

/// The command line, with the levels of `--deny` and `--allow` in the order given.
fn parse_command_line() -> (Cli, Lints) {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let mut settings = positioned(&matches, "deny", &cli.deny, Level::Error);
    settings.extend(positioned(&matches, "allow", &cli.allow, Level::Allow));
    settings.sort_by_key(|(index, _, _)| *index);
    let mut lints = Lints::default();
    for (_, lint, level) in settings {
        if let Err(e) = lints.set(lint, level) {
            Cli::command()
                .error(clap::error::ErrorKind::ValueValidation, e)
                .exit();
        }
    }
    (cli, lints)
}

/// Each of `lints` (the values of the flag `id`) with its position on the command line.
fn positioned(
    matches: &ArgMatches,
    id: &str,
    lints: &[Lint],
    level: Level,
) -> Vec<(usize, Lint, Level)> {
    let indices = matches.indices_of(id).into_iter().flatten();
    indices
        .zip(lints.iter().copied())
        .map(|(index, lint)| (index, lint, level))
        .collect()
}

fn main() -> ExitCode {
    let (cli, lints) = parse_command_line();
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
        lints,
    };
    let generated = match decode_spec(bytes, &options.spec_name)
        .and_then(|source| generate_at(&source, &cli.spec, &options))
    {
        Ok(g) => g,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            let warnings = diagnostics.0.len() - diagnostics.errors();
            eprintln!(
                "{} error(s) in {}{}",
                diagnostics.errors(),
                cli.spec.display(),
                warnings_note(warnings)
            );
            return ExitCode::from(SPEC_ERRORS);
        }
    };
    print_warnings(&generated.warnings, &cli);
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

/// Prints each warning of a run that generated, and how many there were.
fn print_warnings(warnings: &[Diagnostic], cli: &Cli) {
    for warning in warnings {
        eprintln!("{warning}");
    }
    if !warnings.is_empty() {
        eprintln!("{} warning(s) in {}", warnings.len(), cli.spec.display());
    }
}

/// ` and N warning(s)` when there are any.
fn warnings_note(warnings: usize) -> String {
    match warnings {
        0 => String::new(),
        n => format!(" and {n} warning(s)"),
    }
}
