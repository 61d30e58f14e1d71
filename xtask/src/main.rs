//! `cargo xtask`: project automation. `codegen` regenerates generated/ from the spec;
//! `codegen --check` fails (exit 1) with a diff and an API-level summary when it has drifted.
//! `bench` runs the benchmarks and writes BENCHMARKS.md; `corpus` generates and checks a
//! directory of real specs.

mod bench;
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::{check, codegen, workspace_root, OUT_DIR, SPEC};

const USAGE: &str = "usage:
  cargo xtask codegen                 regenerate generated/ from spec/openapi.yaml
  cargo xtask codegen --check         exit 1 with a diff if generated/ has drifted (writes nothing)
      [--spec FILE] [--out DIR]       check another spec or directory (tests, experiments)
  cargo xtask bench [--report-only]   run the benchmarks (or not) and write BENCHMARKS.md
  cargo xtask corpus DIR [--jobs N] [--filter S] [--no-check] [--out DIR]
                                      generate and `cargo check` every spec in DIR; a table";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace_root();
    match args.as_slice() {
        ["codegen"] => run_codegen(&root),
        ["codegen", "--check", rest @ ..] => match overrides(rest) {
            Some((spec, out)) => run_check(
                spec.unwrap_or_else(|| root.join(SPEC)),
                out.unwrap_or_else(|| root.join(OUT_DIR)),
            ),
            None => usage(),
        },
        ["bench", rest @ ..] => bench::main(&root, rest),
        ["corpus", rest @ ..] => corpus::main(&root, rest),
        _ => usage(),
    }
}

/// Parses `[--spec FILE] [--out DIR]`.
fn overrides(args: &[&str]) -> Option<(Option<PathBuf>, Option<PathBuf>)> {
    let (mut spec, mut out) = (None, None);
    let mut rest = args;
    while let [flag, value, tail @ ..] = rest {
        match *flag {
            "--spec" => spec = Some(PathBuf::from(value)),
            "--out" => out = Some(PathBuf::from(value)),
            _ => return None,
        }
        rest = tail;
    }
    rest.is_empty().then_some((spec, out))
}

fn run_codegen(root: &std::path::Path) -> ExitCode {
    match codegen(root) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn run_check(spec: PathBuf, out: PathBuf) -> ExitCode {
    match check(&spec, &out) {
        Ok(None) => {
            println!(
                "codegen --check: {} is up to date with the spec, templates and generator",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Ok(Some(report)) => {
            eprintln!("{report}");
            eprintln!("run `cargo xtask codegen` and commit the result");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}
