//! `cargo xtask`: project automation. `codegen` regenerates generated/ from the spec;
//! `codegen --check` fails (exit 1) with a diff and an API-level summary when it has drifted.
//! `bench` runs the benchmarks and writes BENCHMARKS.md; `corpus` generates and checks a
//! directory of real specs.

mod bench;
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::{check, codegen, display_name, workspace_root, OUT_DIR, SPEC};

const USAGE: &str = "usage:
  cargo xtask codegen [--force]       regenerate generated/ from spec/openapi.yaml
  cargo xtask codegen --check         exit 1 with a diff if generated/ has drifted (writes nothing)
      [--spec FILE] [--out DIR]       use another spec or directory (tests, experiments)
  cargo xtask bench [--report-only]   run the benchmarks (or not) and write BENCHMARKS.md
  cargo xtask corpus DIR [--jobs N] [--filter S] [--no-check] [--out DIR]
                                      generate and `cargo check` every spec in DIR; a table
codegen exit status: 0 done (no drift), 1 drift, 2 spec errors or bad usage, 3 I/O error or
--out refused (a non-empty directory never generated into: --force writes there, removing
nothing it did not write)";

/// What `cargo xtask codegen ...` was asked to do.
#[derive(Debug, Default)]
struct CodegenArgs {
    check: bool,
    force: bool,
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace_root();
    match args.as_slice() {
        ["codegen", rest @ ..] => match codegen_args(rest) {
            Some(args) => {
                let spec = args.spec.unwrap_or_else(|| root.join(SPEC));
                let out = args.out.unwrap_or_else(|| root.join(OUT_DIR));
                if args.check {
                    run_check(spec, out)
                } else {
                    run_codegen(spec, out, args.force)
                }
            }
            None => usage(),
        },
        ["bench", rest @ ..] => bench::main(&root, rest),
        ["corpus", rest @ ..] => corpus::main(&root, rest),
        _ => usage(),
    }
}

/// Parses `[--check | --force] [--spec FILE] [--out DIR]`.
fn codegen_args(args: &[&str]) -> Option<CodegenArgs> {
    let mut parsed = CodegenArgs::default();
    let mut rest = args;
    while let [flag, tail @ ..] = rest {
        rest = tail;
        match (*flag, rest) {
            ("--check", _) => parsed.check = true,
            ("--force", _) => parsed.force = true,
            ("--spec", [value, tail @ ..]) => (parsed.spec, rest) = (Some(value.into()), tail),
            ("--out", [value, tail @ ..]) => (parsed.out, rest) = (Some(value.into()), tail),
            _ => return None,
        }
    }
    (!(parsed.check && parsed.force)).then_some(parsed)
}

fn run_codegen(spec: PathBuf, out: PathBuf, force: bool) -> ExitCode {
    match codegen(&spec, &out, force) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run_check(spec: PathBuf, out: PathBuf) -> ExitCode {
    match check(&spec, &out) {
        Ok(None) => {
            println!(
                "codegen --check: {} is up to date with {}, the templates and the generator",
                display_name(&out),
                display_name(&spec)
            );
            ExitCode::SUCCESS
        }
        Ok(Some(report)) => {
            eprintln!("{report}");
            eprintln!(
                "run `cargo xtask codegen` and commit the result (drift of {} from {})",
                display_name(&out),
                display_name(&spec)
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}
