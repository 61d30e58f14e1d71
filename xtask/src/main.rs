//! `cargo xtask`: project automation. `codegen` regenerates generated/ from the spec;
//! `codegen --check` fails (exit 1) with a diff and an API-level summary when it has drifted.

use std::process::ExitCode;

use xtask::{check, codegen, workspace_root, OUT_DIR};

const USAGE: &str = "usage: cargo xtask codegen [--check]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace_root();
    match args.as_slice() {
        ["codegen"] => match codegen(&root) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        },
        ["codegen", "--check"] => match check(&root, &root.join(OUT_DIR)) {
            Ok(None) => {
                println!("codegen --check: {OUT_DIR}/ is up to date with the spec, templates and generator");
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
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
