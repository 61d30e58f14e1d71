//! `cargo xtask corpus DIR`: generates every spec in DIR, `cargo check`s every crate with
//! warnings denied in one cargo run, and prints a table of what happened to each spec.

mod args;
mod check;
mod codes;
mod generate;
mod report;
mod specs;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use self::args::Options;

/// Runs `cargo xtask corpus` with the arguments after `corpus`.
pub fn main(root: &Path, args: &[&str]) -> ExitCode {
    let options = match Options::parse(root, args) {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("error: {problem}\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let specs = match specs::find(&options.dir, options.filter.as_deref()) {
        Ok(specs) if specs.is_empty() => {
            eprintln!(
                "error: no .yaml, .yml or .json spec in {}",
                options.dir.display()
            );
            return ExitCode::from(2);
        }
        Ok(specs) => specs,
        Err(e) => {
            eprintln!("error: {}: {e}", options.dir.display());
            return ExitCode::from(2);
        }
    };
    eprintln!(
        "corpus: generating {} spec(s) into {}",
        specs.len(),
        options.out.display()
    );
    let started = Instant::now();
    let mut runs = generate::all(&specs, &options.out, options.jobs);
    let generation = started.elapsed();
    let checked = if options.check {
        let started = Instant::now();
        match check::all(root, &options.out, &runs, options.jobs) {
            Ok(results) => {
                check::attribute(&mut runs, results);
                Some(started.elapsed())
            }
            Err(problem) => {
                eprintln!("error: {problem}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let summary = report::summary(&runs, generation, checked);
    print!("{}", report::table(&runs));
    println!("{summary}");
    let details = options.out.join("report.md");
    let written = std::fs::create_dir_all(&options.out)
        .and_then(|()| std::fs::write(&details, report::details(&runs, &summary)));
    match written {
        Ok(()) => println!(
            "details (every diagnostic and compiler error): {}",
            details.display()
        ),
        Err(e) => eprintln!("error: {}: {e}", details.display()),
    }
    ExitCode::SUCCESS
}
